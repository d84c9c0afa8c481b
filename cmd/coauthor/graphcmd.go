package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/coauthor/coauthor/export"
)

const graphUsage = `Usage: coauthor graph [flags] FILE... --format F [-o FILE]

Builds and measures the collaboration graph as report does, with the same
filters and analysis flags, and writes it in one format to standard
output or to -o FILE (written whole, then moved into place).

Formats:
`

// graphWriter writes an analysis in one format.
type graphWriter struct {
	summary string
	write   func(w io.Writer, a *export.Analysis, draw export.DrawOptions) error
}

// graphWriters are the formats of 'coauthor graph', by name. Files that
// add a writer register it in an init function.
var graphWriters = map[string]graphWriter{
	"graphml": {"GraphML with every measure as typed attributes (Gephi, networkx, igraph, Cytoscape)",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.GraphML(w, a) }},
	"dot": {"Graphviz DOT of the drawing", func(w io.Writer, a *export.Analysis, d export.DrawOptions) error {
		return export.DOT(w, a, d)
	}},
	"svg": {"the drawing, laid out in-process", func(w io.Writer, a *export.Analysis, d export.DrawOptions) error {
		var dot bytes.Buffer
		if err := export.DOT(&dot, a, d); err != nil {
			return err
		}
		return export.SVG(context.Background(), w, dot.Bytes())
	}},
	"authors-csv": {"one row per author with every measure",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.AuthorsCSV(w, a) }},
	"edges-csv": {"one row per tie",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.EdgesCSV(w, a) }},
	"gexf": {"GEXF 1.3 with typed attributes, colours, sizes and yearly spells (Gephi's timeline)",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.GEXF(w, a) }},
	"gexf12": {"the same in GEXF 1.2draft, for readers that know no later version (networkx before 3.0)",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.GEXF12(w, a) }},
	"gml": {"GML (networkx, igraph, Cytoscape)",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.GML(w, a) }},
	"pajek": {"Pajek .net with weights",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.PajekNet(w, a) }},
	"pajek-clu": {"Pajek .clu partition: the communities",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.PajekClu(w, a) }},
	"pajek-vec": {"Pajek .vec vector: PageRank",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.PajekVec(w, a) }},
	"vos-map": {"VOSviewer map file",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.VOSMap(w, a) }},
	"vos-network": {"VOSviewer network file",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.VOSNetwork(w, a) }},
	"vos-json": {"VOSviewer JSON (VOSviewer Online)",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.VOSJSON(w, a) }},
	"json": {"nodes and links with every attribute, for sigma.js and d3",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error {
			return export.WebJSON(w, a, export.WebOptions{})
		}},
	"neo4j-nodes": {"Neo4j bulk-import nodes CSV",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.Neo4jNodes(w, a) }},
	"neo4j-relationships": {"Neo4j bulk-import relationships CSV",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error {
			return export.Neo4jRelationships(w, a)
		}},
	"parquet-nodes": {"Parquet vertex table for Spark GraphFrames: id and every measure",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.ParquetNodes(w, a) }},
	"parquet-edges": {"Parquet edge table for Spark GraphFrames: src, dst, weight, distance, papers",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error { return export.ParquetEdges(w, a) }},
	"summary": {"the network summary as JSON",
		func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error {
			return export.SummaryJSON(w, a.Summary)
		}},
}

func init() {
	commands = append(commands, command{"graph", "write the measured graph in one format (GraphML, DOT, SVG, ...)", runGraph})
}

func graphFormatNames() []string {
	var names []string
	for n := range graphWriters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func runGraph(e *env, args []string) error {
	var in inputFlags
	var an analysisFlags
	var b strings.Builder
	b.WriteString(graphUsage)
	for _, n := range graphFormatNames() {
		fmt.Fprintf(&b, "  %-20s %s\n", n, graphWriters[n].summary)
	}
	fs := newFlagSet(e, "graph", b.String())
	in.register(fs)
	an.register(fs)
	format := ""
	fs.StringVar(&format, "format", "", "output `format` (see above)")
	out := ""
	fs.StringVar(&out, "o", "", "output `file` (default standard output)")
	maxNodes := 300
	fs.IntVar(&maxNodes, "max-nodes", maxNodes, "draw at most `N` authors (dot, svg; 0: all)")
	attrs, attrsSet := "", false
	fs.Func("attrs", "graphml: write only these comma-separated `attributes`, by key id, such as label,weight (default all; the ids: "+
		strings.Join(export.GraphMLAttrs(), ", ")+")", func(v string) error {
		attrs, attrsSet = v, true
		return nil
	})
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if maxNodes < 0 {
		return usageError("--max-nodes must not be negative")
	}
	if maxNodes == 0 {
		maxNodes = -1 // all
	}
	wr, ok := graphWriters[format]
	if !ok {
		return usageError("--format %q: want one of %s", format, strings.Join(graphFormatNames(), ", "))
	}
	if attrsSet {
		if format != "graphml" {
			return usageError("--attrs applies to --format graphml only")
		}
		opt := export.GraphMLOptions{Attrs: strings.Split(attrs, ",")}
		for i, id := range opt.Attrs {
			id = strings.TrimSpace(id)
			opt.Attrs[i] = id
			switch {
			case id == "":
				return usageError("--attrs %q: an empty attribute id; want ids joined by commas, such as label,weight", attrs)
			case !slices.Contains(export.GraphMLAttrs(), id):
				return usageError("--attrs: no attribute %q; there are %s", id, strings.Join(export.GraphMLAttrs(), ", "))
			case an.betweenness == "off" && slices.Contains([]string{"betweenness", "closeness", "harmonic"}, id):
				return usageError("--attrs %s: the path measures are not computed with --betweenness off", id)
			}
		}
		wr.write = func(w io.Writer, a *export.Analysis, _ export.DrawOptions) error {
			return export.GraphMLWith(w, a, opt)
		}
	}
	bopt, err := an.buildOptions()
	if err != nil {
		return err
	}
	if err := an.check(); err != nil {
		return err
	}
	if out != "" && out != "-" {
		// Say so now rather than after reading and measuring.
		if in := sameAsInput(out, files); in != "" {
			return fmt.Errorf("-o %s would be written over the input %s: choose another output file", out, in)
		}
		if err := export.CheckOutput(out); err != nil {
			return fmt.Errorf("-o %s: %w", out, err)
		}
	}
	l, err := load(e, files, &in)
	if err != nil {
		return err
	}
	a, err := analyze(e, l, bopt, &an)
	if err != nil {
		return err
	}
	draw := export.DrawOptions{MaxNodes: maxNodes}
	if out == "" || out == "-" {
		w := bufio.NewWriter(e.stdout)
		if err := wr.write(w, a, draw); err != nil {
			return err
		}
		return w.Flush()
	}
	return export.WriteFile(out, func(w io.Writer) error { return wr.write(w, a, draw) })
}
