package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/coauthor/coauthor/export"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

func init() {
	commands = append(commands, command{"terms", "map the terms of titles and abstracts by co-occurrence", runTerms})
}

const termsUsage = `Usage: coauthor terms [flags] FILE...

Reads the papers in FILE..., takes the terms of their titles and
abstracts (words and two-word phrases, stop words dropped, lightly
stemmed), keeps those found in at least --min-occurrences papers and
links two terms by the number of papers holding both, as a term map of
VOSviewer does. The terms are clustered by Leiden (modularity) and
written into the --out directory:

  terms.dot      the drawing's source: clusters as colours, size by PageRank
  terms.svg      the drawing, laid out in-process
  terms.graphml  the term graph with every measure, for Gephi
  terms.csv      one row per term: occurrences, links, link strength, cluster

Example:
  coauthor terms --as-of 2026-12-03 -o out testdata/profile-page.txt
`

func runTerms(e *env, args []string) error {
	var in inputFlags
	fs := newFlagSet(e, "terms", termsUsage)
	in.register(fs)
	out := "coauthor-out"
	fs.StringVar(&out, "out", out, "output `directory`")
	fs.StringVar(&out, "o", out, "output `directory` (short for --out)")
	minOcc := metrics.TermMinOccurrences
	fs.IntVar(&minOcc, "min-occurrences", minOcc, "keep terms found in at least `N` papers")
	var seed uint64 = 1
	fs.Uint64Var(&seed, "seed", seed, "random `seed` of clustering and layout")
	resolution := 1.0
	fs.Float64Var(&resolution, "resolution", resolution, "modularity `resolution` of clustering (higher: smaller clusters)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if minOcc < 1 {
		return usageError("--min-occurrences must be at least 1")
	}
	if resolution <= 0 {
		return usageError("--resolution must be positive")
	}
	l, err := load(e, files, &in)
	if err != nil {
		return err
	}
	if l.graph != nil {
		return usageError("terms needs papers with titles or abstracts, not a graph file")
	}

	e.progress.step("finding the terms of %d papers", len(l.papers))
	texts := make([]string, len(l.papers))
	for i, p := range l.papers {
		texts[i] = p.Title + "\n" + p.Abstract
	}
	a := termAnalysis(texts, minOcc, resolution, seed)
	a.Inputs = l.inputs
	return writeTerms(e, out, a)
}

// termAnalysis builds, measures and clusters the term graph.
func termAnalysis(texts []string, minOcc int, resolution float64, seed uint64) *export.Analysis {
	g := metrics.TermGraph(texts, metrics.TermOptions{MinOccurrences: minOcc})
	g.Notes = append(g.Notes, fmt.Sprintf("term map: %d terms found in at least %d of %d papers, "+
		"linked by the number of papers holding both", g.Len(), minOcc, len(texts)))
	c := metrics.Centralities(g)
	p := metrics.Leiden(g, metrics.LeidenOptions{Resolution: resolution, Seed: seed})
	s := metrics.Summarize(g, c, p)
	s.Papers = len(texts)
	return &export.Analysis{
		Graph: g, Centrality: c, Communities: p, Summary: s,
		Settings: export.Settings{Seed: seed, Resolution: resolution, Other: []string{"min-occurrences=" + strconv.Itoa(minOcc)}},
	}
}

// writeTerms writes the term map files into dir.
func writeTerms(e *env, dir string, a *export.Analysis) error {
	// A term map is dense: past 80 terms the drawing shows the backbone
	// (the maximum spanning forest and as many strongest links).
	draw := export.DrawOptions{MaxNodes: 80, Labels: 60, Nodes: "terms", Groups: "Clusters",
		Title: fmt.Sprintf("Term map: %d terms, %d co-occurrence links", a.Graph.Len(), a.Graph.EdgeCount())}
	var dot bytes.Buffer
	if err := export.DOT(&dot, a, draw); err != nil {
		return fmt.Errorf("terms.dot: %w", err)
	}
	outs := []output{
		{"terms.dot", func(w io.Writer) error { _, err := w.Write(dot.Bytes()); return err }},
		{"terms.svg", func(w io.Writer) error {
			e.progress.step("laying out and drawing %d terms", a.Graph.Len())
			return export.SVG(context.Background(), w, dot.Bytes())
		}},
		{"terms.graphml", func(w io.Writer) error { return export.GraphML(w, a) }},
		{"terms.csv", func(w io.Writer) error { return termsCSV(w, a.Graph, a.Communities) }},
	}
	return writeAll(e, dir, outs, a.Inputs, false)
}

// termsCSV writes one row per term in node order: the term as shown,
// its stem key, the papers it occurs in, its number of linked terms, its
// total link strength and its cluster.
func termsCSV(w io.Writer, g *graph.Graph, p *metrics.Partition) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"term", "key", "occurrences", "links", "total_link_strength", "cluster"}); err != nil {
		return err
	}
	for u, t := range g.Authors {
		row := []string{t.Name, t.Key, strconv.Itoa(t.Papers), strconv.Itoa(g.Degree(u)),
			strconv.FormatFloat(g.Strength(u), 'g', -1, 64), strconv.Itoa(p.Of[u])}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
