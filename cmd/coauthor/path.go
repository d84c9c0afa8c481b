package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

const pathUsage = `Usage: coauthor path [flags] "AUTHOR A" "AUTHOR B" FILE...

Builds the co-authorship graph of the papers in FILE... (or reads a graph
file) and prints two chains of co-authors from A to B, with the papers
that make each link:

  shortest    the fewest hops (breadth-first search)
  strongest   the least total length when a tie's length is 1/weight, so
              that a chain of frequent collaborators wins over a chain of
              one-off ones (Dijkstra); printed only when it differs

A name matches an author whose name has the same identity key (case,
accents and punctuation ignored); failing that, the one author whose name
contains it. Exit status 1 when a name matches no author or several (the
candidates are listed), or when no chain joins the two.

Example:
  coauthor path --as-of 2026-12-03 "Nikolay Malkin" "Lucas Willems" testdata/profile-page.txt
`

func init() {
	commands = append(commands, command{"path", "print the chains of co-authors joining two authors", runPath})
}

// pathFlags are the flags of 'coauthor path'.
type pathFlags struct {
	in        inputFlags
	an        analysisFlags
	maxPapers int
}

func (f *pathFlags) register(fs *flag.FlagSet) {
	f.in.register(fs)
	fs.StringVar(&f.an.counting, "counting", "full", "tie strength: `full` (joint papers) or fractional (a paper with n authors adds 1/(n-1) to each pair)")
	fs.IntVar(&f.an.since, "since", 0, "keep papers from this `year` on")
	fs.IntVar(&f.an.until, "until", 0, "keep papers up to this `year`")
	fs.IntVar(&f.an.minPapers, "min-papers", 0, "drop authors with fewer than `N` papers")
	fs.Float64Var(&f.an.minWeight, "min-weight", 0, "drop ties weaker than `W`")
	fs.IntVar(&f.an.maxAuthors, "max-authors", 50, "papers with more than `N` authors add no ties (0: no limit)")
	fs.IntVar(&f.maxPapers, "max-papers", 3, "list at most `N` papers per link (0: all)")
	f.an.resolution = 1 // not a flag here; buildOptions checks it
}

func runPath(e *env, args []string) error {
	var f pathFlags
	fs := newFlagSet(e, "path", pathUsage)
	f.register(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 3 {
		return usageError("want two author names and at least one input file")
	}
	if f.maxPapers < 0 {
		return usageError("--max-papers must not be negative")
	}
	bopt, err := f.an.buildOptions()
	if err != nil {
		return err
	}
	l, err := load(e, pos[2:], &f.in)
	if err != nil {
		return err
	}
	g := l.graph
	if g == nil {
		e.progress.step("building the graph of %d papers", len(l.papers))
		g = graph.Build(l.papers, corpus.Resolve(l.papers, l.aliases), bopt)
	}
	e.progress.done()

	a, err := findAuthor(g, pos[0])
	if err != nil {
		return err
	}
	b, err := findAuthor(g, pos[1])
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	if err := writePaths(w, g, a, b, f.maxPapers); err != nil {
		return err
	}
	return w.Flush()
}

// findAuthor looks up a name given on the command line.
func findAuthor(g *graph.Graph, name string) (int, error) {
	u, err := metrics.FindAuthor(g, name)
	var ne *metrics.NameError
	if errors.As(err, &ne) && ne.Matches == 0 {
		return -1, fmt.Errorf("%w among the %d authors of the graph", err, g.Len())
	}
	return u, err
}

// writePaths prints the shortest chain from a to b and, when it differs,
// the strongest one. It returns an error when no chain exists.
func writePaths(w io.Writer, g *graph.Graph, a, b, maxPapers int) error {
	short := metrics.ShortestPath(g, a, b)
	if short == nil {
		return fmt.Errorf("no chain of co-authors joins %s and %s: they are in different components of the graph",
			g.Authors[a].Name, g.Authors[b].Name)
	}
	if a == b {
		fmt.Fprintf(w, "%s and %s are the same author\n", g.Authors[a].Name, g.Authors[b].Name)
		return nil
	}
	strong, length := metrics.StrongestPath(g, a, b)

	fmt.Fprintf(w, "shortest chain: %s, length %.4g\n", hops(short), chainLength(g, short))
	writeChain(w, g, short, maxPapers)
	if slices.Equal(short, strong) {
		fmt.Fprintln(w, "\nstrongest chain: the same (length is the sum of 1/weight over the links)")
		return nil
	}
	fmt.Fprintf(w, "\nstrongest chain: %s, length %.4g (sum of 1/weight over the links)\n", hops(strong), length)
	writeChain(w, g, strong, maxPapers)
	return nil
}

// hops returns "1 hop" or "N hops" for a chain.
func hops(p []int) string {
	if len(p) == 2 {
		return "1 hop"
	}
	return fmt.Sprintf("%d hops", len(p)-1)
}

// chainLength returns the sum of 1/weight over the links of p.
func chainLength(g *graph.Graph, p []int) float64 {
	total := 0.0
	for i := 1; i < len(p); i++ {
		total += 1 / g.Edges[g.EdgeID(p[i-1], p[i])].Weight
	}
	return total
}

// writeChain prints each author of p on its own line and, between two,
// the tie that links them with its papers.
func writeChain(w io.Writer, g *graph.Graph, p []int, maxPapers int) {
	for i, u := range p {
		fmt.Fprintf(w, "  %s\n", oneLine(g.Authors[u].Name))
		if i+1 == len(p) {
			break
		}
		e := g.EdgeID(u, p[i+1])
		edge := g.Edges[e]
		if edge.Joint > 0 {
			fmt.Fprintf(w, "    | %s, weight %.4g\n", plural(int(edge.Joint), "joint paper"), edge.Weight)
		} else {
			fmt.Fprintf(w, "    | weight %.4g\n", edge.Weight)
		}
		papers := g.EdgePapers(e)
		shown := papers
		if maxPapers > 0 && len(shown) > maxPapers {
			shown = shown[:maxPapers]
		}
		for _, k := range shown {
			gp := &g.Papers[k]
			year := "n.d."
			if gp.Year != 0 {
				year = fmt.Sprint(gp.Year)
			}
			fmt.Fprintf(w, "    |   %s (%s)\n", oneLine(gp.Title), year)
		}
		if len(papers) > len(shown) {
			fmt.Fprintf(w, "    |   and %d more\n", len(papers)-len(shown))
		}
	}
}

// plural returns "1 noun" or "N nouns".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// oneLine returns s with control characters, line breaks included, as
// spaces, so that a title or name keeps to its line of the output.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
