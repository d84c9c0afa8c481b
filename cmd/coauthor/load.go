package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// inputFlags are the flags every command that reads papers shares.
type inputFlags struct {
	from    string
	asOf    string
	noOwner bool
	lenient bool
	alias   string
	maxGB   float64
	quiet   bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.from, "from", "", "input `format`, overriding detection: papers ("+strings.Join(corpus.Formats(), ", ")+") or graphs ("+strings.Join(graphFormats, ", ")+")")
	fs.StringVar(&f.asOf, "as-of", "", "`date` (YYYY-MM-DD) a profile page was captured; dates without a year fall in its year (default today)")
	fs.BoolVar(&f.noOwner, "no-owner", false, "do not add a profile page's owner to papers whose \"et al.\" hides them")
	fs.BoolVar(&f.lenient, "lenient", false, "skip bad records and count them instead of stopping at the first")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress line and no log but warnings and errors")
	fs.Float64Var(&f.maxGB, "max-bytes", 64, "stop reading a file past this many `GiB` after decompression (guards against compression bombs)")
	fs.StringVar(&f.alias, "alias", "", "alias `file`: CSV lines \"variant,canonical\" forcing two spellings into one person")
}

func (f *inputFlags) options() (*corpus.Options, error) {
	if f.from != "" && !slices.Contains(corpus.Formats(), f.from) && !slices.Contains(graphFormats, f.from) {
		return nil, usageError("--from %q: want one of %s, or a graph format: %s", f.from,
			strings.Join(corpus.Formats(), ", "), strings.Join(graphFormats, ", "))
	}
	opt := &corpus.Options{Format: f.from, NoOwner: f.noOwner, Lenient: f.lenient, MaxBytes: int64(f.maxGB * (1 << 30))}
	if f.maxGB <= 0 {
		return nil, usageError("--max-bytes must be positive")
	}
	if f.asOf != "" {
		t, err := time.Parse("2006-01-02", f.asOf)
		if err != nil {
			return nil, usageError("--as-of %q: want a date as YYYY-MM-DD", f.asOf)
		}
		opt.AsOf = t
	}
	return opt, nil
}

// loaded is everything read from the input files.
type loaded struct {
	papers   []corpus.Paper
	owner    string
	inputs   []string
	warnings []string
	skipped  map[string]int
	aliases  *corpus.Aliases

	// graph is set when the input was a graph made by another tool; then
	// there are no papers.
	graph *graph.Graph

	// stdin hashes and counts what was read from standard input, for the
	// manifest; nil when "-" was not an input.
	stdin *hashCounter

	// merge says what folding the records of one paper from several
	// sources did.
	merge corpus.MergeStats
}

func (l *loaded) skippedTotal() int {
	n := 0
	for _, c := range l.skipped {
		n += c
	}
	return n
}

// load reads every file. Paper ids are made unique across files by
// prefixing the ids of later files that collide with earlier ones.
func load(e *env, files []string, f *inputFlags) (*loaded, error) {
	if len(files) == 0 {
		return nil, usageError("no input files")
	}
	if f.quiet {
		e.progress.on = false
		e.log = slog.New(slog.NewTextHandler(e.progress.logTo(e.stderr), &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	opt, err := f.options()
	if err != nil {
		return nil, err
	}
	l := &loaded{inputs: files, skipped: map[string]int{}}
	if f.alias != "" {
		if l.aliases, err = corpus.ReadAliases(f.alias); err != nil {
			return nil, fmt.Errorf("--alias: %w", err)
		}
	}
	if slices.Contains(files, "-") {
		// Nothing has been read from stdin yet: what the readers take
		// from now on passes through the hash.
		l.stdin = &hashCounter{h: sha256.New()}
		e.stdin = bufio.NewReaderSize(io.TeeReader(e.stdin, l.stdin), 64<<10)
	}
	seen := map[string]bool{}
	var formats []string
	for i, path := range files {
		src, err := graphInput(e, path, f.from)
		if err != nil {
			return nil, err
		}
		if src != nil {
			if len(files) > 1 {
				return nil, usageError("%s is a graph file: give it alone, not with other inputs", path)
			}
			e.progress.step("reading the graph %s", src.name)
			rc, err := src.open()
			if err != nil {
				return nil, err
			}
			l.graph, err = graph.ReadFromOptions(rc, src.name, &graph.ReadOptions{Format: f.from, MaxBytes: opt.MaxBytes})
			rc.Close()
			if err != nil {
				return nil, err
			}
			for _, n := range l.graph.Notes {
				e.log.Info(n, "file", src.name)
			}
			return l, l.drainStdin(e)
		}
		e.progress.step("reading %s", path)
		var res *corpus.Result
		switch {
		case path == "-":
			res, err = corpus.ReadFrom(e.progress.reading(e.stdin, "-", 0), "-", opt)
		case corpus.IsZip(path):
			res, err = corpus.Read(path, opt)
		default:
			res, err = readFile(e, path, opt)
		}
		if err != nil {
			return nil, err
		}
		if res.Owner != "" && l.owner == "" {
			l.owner = res.Owner
		}
		for _, w := range res.Warnings {
			e.log.Warn(w)
		}
		l.warnings = append(l.warnings, res.Warnings...)
		for r, c := range res.Skipped {
			l.skipped[r] += c
		}
		for _, p := range res.Papers {
			if seen[p.ID] {
				p.ID = fmt.Sprintf("f%d:%s", i+1, p.ID)
			}
			seen[p.ID] = true
			l.papers = append(l.papers, p)
		}
		e.log.Debug("read", "file", path, "format", res.Format, "papers", len(res.Papers))
		formats = append(formats, fmt.Sprintf("%s (read as %s)", path, res.Format))
	}
	if len(l.papers) == 0 {
		msg := "no papers found in " + strings.Join(formats, ", ")
		if s := skippedSummary(l.skipped); s != "" {
			msg += "; " + s
		}
		return nil, errors.New(msg + "; use --from if the format was not detected right")
	}
	e.progress.step("merging the records of %d papers", len(l.papers))
	l.papers, l.merge = corpus.Merge(l.papers)
	for _, w := range l.merge.Warnings {
		e.log.Warn(w)
	}
	l.warnings = append(l.warnings, l.merge.Warnings...)
	if l.merge.Merged > 0 {
		e.log.Info("merged records of the same paper", "records", l.merge.Records, "papers", l.merge.Papers,
			"author lists completed", l.merge.Completed)
	}
	if n := authorless(l.papers); n > 0 {
		w := fmt.Sprintf("papers without authors: %d (they count as papers and add no author or tie)", n)
		e.log.Warn(w)
		l.warnings = append(l.warnings, w)
	}
	return l, l.drainStdin(e)
}

// authorless returns the number of papers without authors.
func authorless(papers []corpus.Paper) int {
	n := 0
	for i := range papers {
		if len(papers[i].Authors) == 0 {
			n++
		}
	}
	return n
}

// skippedSummary returns "N skipped (reason: n, ...)" or "".
func skippedSummary(m map[string]int) string {
	var reasons []string
	n := 0
	for r, c := range m {
		reasons = append(reasons, fmt.Sprintf("%s: %d", r, c))
		n += c
	}
	if n == 0 {
		return ""
	}
	sort.Strings(reasons)
	return fmt.Sprintf("%d skipped (%s)", n, strings.Join(reasons, ", "))
}

// readFile reads the papers of one file, showing the bytes read on a
// terminal.
func readFile(e *env, path string, opt *corpus.Options) (*corpus.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory: give the files in it", path)
		}
		size = st.Size()
	}
	return corpus.ReadFrom(e.progress.reading(f, path, size), path, opt)
}

// drainStdin reads what a reader left of standard input, such as the
// text after a format's end marker, so that its hash covers the whole.
func (l *loaded) drainStdin(e *env) error {
	if l.stdin == nil {
		return nil
	}
	if _, err := io.Copy(io.Discard, e.stdin); err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	return nil
}

// hashCounter is an io.Writer that hashes and counts what is written.
type hashCounter struct {
	h hash.Hash
	n int64
}

func (c *hashCounter) Write(b []byte) (int, error) {
	c.n += int64(len(b))
	return c.h.Write(b)
}

// sum returns the SHA-256 in hex and the number of bytes written.
func (c *hashCounter) sum() (string, int64) {
	return hex.EncodeToString(c.h.Sum(nil)), c.n
}
