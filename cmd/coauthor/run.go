package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// errUsage marks an error in the command line; run prints the usage
// after it and exits with status 2.
var errUsage = errors.New("usage")

// usageError wraps a message as a usage error.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// env is what a subcommand gets from the process.
type env struct {
	stdin          *bufio.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	progress       *progress
}

type command struct {
	name, summary string
	run           func(e *env, args []string) error
}

// commands lists the subcommands in the order --help shows them. Files
// that add a command append to it in an init function; package variables
// are set before any init runs, so these two always come first.
var commands = []command{
	{"report", "read papers, build and measure the collaboration graph, write every output", runReport},
	{"papers", "print the records read as JSON Lines", runPapers},
}

// run is the whole program: it parses args, runs a subcommand and returns
// the exit status. Only main calls os.Exit.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{
		stdin:    bufio.NewReaderSize(stdin, 64<<10),
		stdout:   stdout,
		stderr:   stderr,
		progress: newProgress(stderr),
	}
	e.log = slog.New(slog.NewTextHandler(e.progress.logTo(stderr), &slog.HandlerOptions{Level: slog.LevelInfo}))
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage())
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, mainUsage())
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, "coauthor", version)
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(e, args[1:])
		e.progress.done()
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "coauthor %s: %s\n", c.name, strings.TrimPrefix(err.Error(), "usage: "))
			fmt.Fprintf(stderr, "run 'coauthor %s --help' for usage\n", c.name)
			return exitUsage
		default:
			fmt.Fprintf(stderr, "coauthor %s: %v\n", c.name, err)
			return exitError
		}
	}
	fmt.Fprintf(stderr, "coauthor: unknown command %q\n\n%s", args[0], mainUsage())
	return exitUsage
}

// version is the program's version.
const version = "0.1.0"

func mainUsage() string {
	var b strings.Builder
	b.WriteString(`coauthor turns papers and their author lists into a weighted collaboration
graph, measures it (centrality, communities, topics) and draws it.

Usage:
  coauthor <command> [flags] FILE...

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Examples:
  coauthor report --as-of 2026-12-03 -o out testdata/profile-page.txt
  coauthor report --counting fractional --since 2015 refs.bib scopus.csv
  coauthor papers export.ris.gz | head

Run 'coauthor <command> --help' for a command's flags. Exit status: 0 on
success, 1 on failure, 2 on a usage error.
`)
	return b.String()
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, and returns the positional arguments. A lone
// "-" is a positional argument (standard input); "--" ends the flags.
// --help prints the command's usage to stdout and returns flag.ErrHelp; a
// bad flag is a usage error (exit status 2) naming the flag, without the
// whole usage.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				if h, ok := helps[fs]; ok {
					h()
				}
				return nil, err
			}
			return nil, usageError("%s", flagMessage(fs, err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagMessage returns the text of a flag parsing error in the words of
// the help: long flags with two dashes, and what a number flag wants
// instead of strconv's "parse error".
func flagMessage(fs *flag.FlagSet, err error) string {
	msg := flagDash.ReplaceAllString(err.Error(), "$1--$2")
	if m := flagValue.FindStringSubmatch(msg); m != nil {
		want := "a number"
		if f := fs.Lookup(m[1]); f != nil {
			if g, ok := f.Value.(flag.Getter); ok {
				switch g.Get().(type) {
				case uint, uint64:
					want = "a whole number, 0 or more"
				case int, int64:
					want = "a whole number"
				case bool:
					want = "true or false"
				}
			}
		}
		msg = strings.TrimSuffix(msg, m[2]) + "want " + want
	}
	return msg
}

var (
	// flagDash matches a long flag name written with one dash in the
	// messages of package flag.
	flagDash = regexp.MustCompile(`(flag |: )-([a-z][a-z0-9-]+)`)
	// flagValue matches an invalid value message, the flag's name and
	// strconv's reason.
	flagValue = regexp.MustCompile(`for flag -{1,2}([a-z][a-z0-9-]*): (parse error|value out of range)$`)
)

// helps holds the usage printer of every flag set made by newFlagSet.
var helps = map[*flag.FlagSet]func(){}

// newFlagSet returns a flag set that parses quietly: parseInterspersed
// prints its usage on --help and turns its errors into usage errors.
func newFlagSet(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	helps[fs] = func() {
		fmt.Fprint(e.stdout, usage)
		fmt.Fprintln(e.stdout, "\nFlags:")
		printFlags(e.stdout, fs)
	}
	return fs
}

// printFlags lists the flags of fs as "--name value" with their usage and
// default, in the style of flag.PrintDefaults but with two dashes.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		line := "  " + dash + f.Name
		if name != "" {
			line += " " + name
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, usage)
	})
}

// fileExists reports whether path names an existing file.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
