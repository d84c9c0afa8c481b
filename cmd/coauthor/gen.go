package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/coauthor/coauthor/export"
	"github.com/coauthor/coauthor/internal/synth"
)

const genUsage = `Usage: coauthor gen [flags]

Writes a synthetic dblp-like bibliography: heavy-tailed team sizes, Zipf
author productivity, research groups that mostly publish among
themselves, years 1990-2025, titles from a few topic vocabularies. The
same --papers and --seed give the same file. 1M papers make about 607k
authors and 6.6M co-authorship ties (5.1M when, as report does by default,
papers of more than 50 authors add none). A line on stderr counts papers and
distinct authors.
`

func init() {
	commands = append(commands, command{"gen", "write a synthetic dblp-like bibliography for tests and benchmarks", runGen})
}

func runGen(e *env, args []string) error {
	fs := newFlagSet(e, "gen", genUsage)
	papers := fs.Int("papers", 10000, "number of `papers`")
	seed := fs.Uint64("seed", 1, "random `seed`")
	format := fs.String("format", "jsonl", "output `format`: jsonl or dblp")
	out := fs.String("o", "-", "output `file`; - is standard output")
	fs.StringVar(out, "out", "-", "output `file`; - is standard output")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("unexpected argument %q", rest[0])
	}
	if *papers < 0 {
		return usageError("--papers must not be negative")
	}
	if *out == "" {
		return usageError("--out must name a file, or - for standard output")
	}
	if *out != "-" {
		if err := export.CheckOutput(*out); err != nil {
			return fmt.Errorf("--out %s: %w", *out, err)
		}
	}
	var write func(io.Writer, synth.Config) (synth.Stats, error)
	switch *format {
	case "jsonl":
		write = synth.WriteJSONL
	case "dblp":
		write = synth.WriteDBLP
	default:
		return usageError("--format %q: want jsonl or dblp", *format)
	}

	var st synth.Stats
	cfg := synth.Config{Papers: *papers, Seed: *seed}
	if *out == "-" {
		bw := bufio.NewWriterSize(e.stdout, 1<<20)
		if st, err = write(bw, cfg); err == nil {
			err = bw.Flush()
		}
	} else {
		// Through a temporary file, so that a failed write leaves no half
		// corpus and an earlier file as it was.
		err = export.WriteFile(*out, func(w io.Writer) (err error) {
			st, err = write(w, cfg)
			return err
		})
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d papers, %d distinct authors, %d author entries\n", st.Papers, st.Authors, st.Seats)
	return nil
}
