package export

import (
	"fmt"
	"html"
	"io"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// DrawOptions are the settings of [DOT]. The zero value gives the
// defaults.
type DrawOptions struct {
	// SizeBy names the measure that sizes nodes and chooses which
	// authors are labelled and kept: one of degree, strength,
	// betweenness, closeness, harmonic, eigenvector, pagerank, papers.
	// "" means pagerank. A measure that was not computed falls back to
	// pagerank, then papers.
	SizeBy string

	// Labels is how many of the most central authors get a visible
	// name. Zero means all when at most 60 nodes are drawn, else 40;
	// negative means none. Every node keeps its name as a tooltip.
	Labels int

	// MaxNodes caps the nodes drawn: a larger graph is drawn as its
	// MaxNodes most central authors joined by the maximum spanning forest
	// of the ties among them and as many of their strongest other ties,
	// which the graph's title says. Zero means 300; negative means no cap.
	MaxNodes int

	// MinCommunity is the size below which a community is drawn grey,
	// like authors with no community. Zero means 3.
	MinCommunity int

	// Seed seeds the layout (the start attribute), so that the same
	// DOT text lays out the same way every time. Zero means
	// a.Settings.Seed.
	Seed uint64

	// Title is the graph's caption. "" means "Co-authorship network"
	// (of the profile owner, when there is one) with the counts.
	Title string

	// Nodes and Groups name what the nodes and the communities are in the
	// caption and the legend. "" means "authors" and "Communities".
	Nodes, Groups string
}

// palette are the fill colours of communities 0, 1, ...: the colours of
// Okabe and Ito's colour-blind-safe set without black. Community c gets
// palette[c % len(palette)].
var palette = []string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}

// grey is the fill of authors with no community or one smaller than
// DrawOptions.MinCommunity.
const grey = "#BBBBBB"

// neatoMax is the largest drawing laid out by neato; larger ones use
// sfdp, which is much faster on many nodes (neato takes about 1 s for
// 300 nodes, 5 s for 500 and 19 s for 1000). neato with start set gives
// the same layout on every render; the WebAssembly sfdp does only for
// the first render of a process, as its result depends on the state
// earlier renders left behind.
//
// TODO: make large drawings reproducible within a process too, either by
// a Go layout (ForceAtlas2 or stress majorisation from a seeded start)
// written into pos attributes with neato -n, or by a fresh WebAssembly
// module per render, which go-graphviz v0.2.10 does not offer.
const neatoMax = 300

// scaleMax is the most drawn authors whose overlaps are removed by
// scaling the layout; larger drawings are compressed.
const scaleMax = 120

// DOT writes the graph in the Graphviz DOT language as an undirected
// graph, to be laid out by neato up to 300 drawn nodes and by sfdp above
// (the layout attribute says which). Nodes are written in
// node id order with ids "n0".. as in the GraphML, edges in (U, V)
// order, then a legend node. Every name goes out as an escaped string,
// never as markup: quotes, backslashes and newlines are escaped in DOT
// strings, and &, <, >, quotes in the legend's HTML label.
//
// Node fill is the community's palette colour (grey for small or none);
// node width grows with the square root of opt.SizeBy; edge penwidth
// runs linearly from 0.5 for the lightest to 5 for the heaviest drawn
// edge. Layout attributes: overlap=scale up to 120 drawn authors and
// overlap=compress above (overlap removal by prism is very slow in the
// WebAssembly Graphviz, and scaling blows a drawing of 300 authors up to
// 15,000 points a side), outputorder=edgesfirst, splines=false, and
// start set from the seed.
func DOT(w io.Writer, a *Analysis, opt DrawOptions) error {
	if a.Graph == nil {
		return errNoGraph
	}
	opt = opt.withDefaults(a)
	g := a.Graph
	nodes := drawnNodes(a, opt)
	keep := make([]bool, g.Len())
	for _, u := range nodes {
		keep[u] = true
	}
	var edges []int
	if len(nodes) < g.Len() {
		// A cut of a large graph: its backbone, plus as many strong ties
		// as authors drawn.
		var err error
		if edges, err = backbone(a, nodes, len(nodes)); err != nil {
			return err
		}
	} else {
		for e, ed := range g.Edges {
			if keep[ed.U] && keep[ed.V] {
				edges = append(edges, e)
			}
		}
	}
	labelled := labelledNodes(a, opt, nodes)
	size := nodeSizes(a, opt, nodes)

	ew := &errWriter{w: w}
	ew.str("graph \"coauthor\" {\n")
	layout := "sfdp"
	if len(nodes) <= neatoMax {
		layout = "neato"
	}
	// Scaling removes overlaps cleanly but grows with the nodes: past
	// scaleMax drawn authors the drawing is compressed instead.
	overlap := "scale"
	if len(nodes) > scaleMax {
		overlap = "compress"
	}
	ew.printf("  graph [layout=%s, start=%d, overlap=%s, pack=true, pad=0.6, outputorder=edgesfirst, splines=false,\n",
		layout, opt.Seed%math.MaxInt32, overlap)
	// The title and the legend form the graph's label, which Graphviz
	// places outside the drawing, so the legend never covers a node.
	ew.printf("    fontname=\"Helvetica\", fontsize=14, labelloc=t, label=<%s>];\n",
		graphLabel(title(a, opt, len(nodes)), legendLabel(a, opt)))
	ew.str("  node [shape=circle, style=filled, fixedsize=true, fontname=\"Helvetica\", fontsize=10, " +
		"color=\"#555555\", penwidth=0.5];\n")
	ew.str("  edge [color=\"#88888899\"];\n")
	for _, u := range nodes {
		au := &g.Authors[u]
		// An empty label would show the node id: a space shows nothing.
		label := " "
		if labelled[u] {
			label = au.Name
		}
		ew.printf("  n%d [label=%s, tooltip=%s, fillcolor=%q, width=%.3f];\n", u, dotQuote(label),
			dotQuote(au.Name+" ("+plural(au.Papers, "paper")+")"), fill(a, opt, u), size[u])
	}
	pen := penWidths(a, edges)
	for i, e := range edges {
		ed := g.Edges[e]
		ew.printf("  n%d -- n%d [penwidth=%.2f];\n", ed.U, ed.V, pen[i])
	}
	ew.str("}\n")
	return ew.err
}

// withDefaults returns opt with zero fields replaced by defaults.
func (opt DrawOptions) withDefaults(a *Analysis) DrawOptions {
	if opt.SizeBy == "" {
		opt.SizeBy = "pagerank"
	}
	if opt.MaxNodes == 0 {
		opt.MaxNodes = 300
	}
	if opt.Nodes == "" {
		opt.Nodes = "authors"
	}
	if opt.Groups == "" {
		opt.Groups = "Communities"
	}
	if opt.MinCommunity == 0 {
		opt.MinCommunity = 3
	}
	if opt.Seed == 0 {
		opt.Seed = a.Settings.Seed
	}
	return opt
}

// drawnNodes returns the nodes to draw in increasing id order: all of
// them, or the opt.MaxNodes most central.
func drawnNodes(a *Analysis, opt DrawOptions) []int {
	n := a.Graph.Len()
	if opt.MaxNodes < 0 || n <= opt.MaxNodes {
		ids := make([]int, n)
		for i := range ids {
			ids[i] = i
		}
		return ids
	}
	ids := append([]int(nil), a.ranking(opt.SizeBy)[:opt.MaxNodes]...)
	sort.Ints(ids)
	return ids
}

// labelledNodes returns which of the drawn nodes show their name.
func labelledNodes(a *Analysis, opt DrawOptions, nodes []int) []bool {
	out := make([]bool, a.Graph.Len())
	limit := opt.Labels
	if limit == 0 {
		limit = 40
		if len(nodes) <= 60 {
			limit = len(nodes)
		}
	}
	drawn := make([]bool, a.Graph.Len())
	for _, u := range nodes {
		drawn[u] = true
	}
	for _, u := range a.ranking(opt.SizeBy) {
		if limit <= 0 {
			break
		}
		if drawn[u] {
			out[u] = true
			limit--
		}
	}
	return out
}

// nodeSizes returns node widths in inches, from 0.2 for the least to 1
// for the most central drawn node, growing with the square root of the
// measure so that areas are roughly proportional to it.
func nodeSizes(a *Analysis, opt DrawOptions, nodes []int) []float64 {
	v := a.measure(opt.SizeBy)
	if v == nil {
		v = a.measure("pagerank")
	}
	if v == nil {
		v = a.measure("papers")
	}
	max := 0.0
	for _, u := range nodes {
		if v[u] > max {
			max = v[u]
		}
	}
	out := make([]float64, a.Graph.Len())
	for _, u := range nodes {
		out[u] = 0.3
		if max > 0 {
			x := v[u] / max
			if !(x > 0) { // negative or NaN
				x = 0
			}
			out[u] = 0.2 + 0.8*math.Sqrt(x)
		}
	}
	return out
}

// penWidths returns the penwidth of each of the given edges.
func penWidths(a *Analysis, edges []int) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range edges {
		w := a.Graph.Edges[e].Weight
		lo, hi = math.Min(lo, w), math.Max(hi, w)
	}
	out := make([]float64, len(edges))
	for i, e := range edges {
		out[i] = 1.5
		if hi > lo {
			out[i] = 0.5 + 4.5*(a.Graph.Edges[e].Weight-lo)/(hi-lo)
		}
	}
	return out
}

// fill returns u's fill colour.
func fill(a *Analysis, opt DrawOptions, u int) string {
	return communityColour(a, opt, a.community(u))
}

// communityColour returns community c's fill colour: its own for the
// largest communities, as many as the palette has colours, which the
// legend lists; grey for the others and for communities smaller than
// opt.MinCommunity, so that no colour stands for two communities.
func communityColour(a *Analysis, opt DrawOptions, c int) string {
	if c < 0 || c >= a.communityCount() || c >= len(palette) || a.Communities.Sizes[c] < opt.MinCommunity {
		return grey
	}
	return palette[c]
}

// title returns the graph's caption.
func title(a *Analysis, opt DrawOptions, drawn int) string {
	t := opt.Title
	if t == "" {
		t = "Co-authorship network"
		if a.Owner != "" {
			t += " of " + a.Owner
		}
		t += fmt.Sprintf(": %d authors, %d edges", a.Graph.Len(), a.Graph.EdgeCount())
	}
	if drawn < a.Graph.Len() {
		t += fmt.Sprintf("\nshowing the %d %s of highest %s, joined by the maximum spanning forest of their ties and their %d strongest other ties",
			drawn, opt.Nodes, measureName(opt.SizeBy), drawn)
	}
	return t
}

// graphLabel returns the HTML graph label: the title above the legend.
func graphLabel(title, legend string) string {
	var b strings.Builder
	b.WriteString(`<table border="0" cellspacing="0" cellpadding="2">`)
	for _, line := range strings.Split(title, "\n") {
		fmt.Fprintf(&b, `<tr><td>%s</td></tr>`, htmlText(line))
	}
	if legend != "" {
		fmt.Fprintf(&b, `<tr><td><font point-size="10">%s</font></td></tr>`, legend)
	}
	b.WriteString(`</table>`)
	return b.String()
}

// legendLabel returns the HTML label of the legend, a table of the
// coloured communities with their size, most central member and topic,
// or "" when there are no communities.
func legendLabel(a *Analysis, opt DrawOptions) string {
	members := a.members()
	if len(members) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<table border="0" cellborder="1" cellspacing="0" cellpadding="3">`)
	fmt.Fprintf(&b, `<tr><td colspan="4"><b>%s</b></td></tr>`, htmlText(opt.Groups))
	b.WriteString(`<tr><td></td><td>size</td><td>most central</td><td>topic</td></tr>`)
	shown := 0
	for c, ms := range members {
		if c >= len(palette) || a.Communities.Sizes[c] < opt.MinCommunity {
			break
		}
		top := ""
		if len(ms) > 0 {
			top = a.Graph.Authors[ms[0]].Name
		}
		fmt.Fprintf(&b, `<tr><td bgcolor="%s" width="14"></td><td>%d</td><td>%s</td><td>%s</td></tr>`,
			palette[c], a.Communities.Sizes[c], htmlText(top), htmlText(a.topicLabel(a.dominantTopic(ms))))
		shown++
	}
	if rest := len(members) - shown; rest > 0 {
		fmt.Fprintf(&b, `<tr><td bgcolor="%s" width="14"></td><td colspan="3">%d more communities</td></tr>`,
			grey, rest)
	}
	b.WriteString(`</table>`)
	return b.String()
}

// plural returns n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// dotQuote returns s as a quoted DOT string whose label text shows s
// verbatim: quotes and backslashes are escaped, a newline becomes the
// line break \n, other control characters and invalid UTF-8 become
// spaces and U+FFFD.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune('\uFFFD')
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// htmlText returns s escaped for a Graphviz HTML label, on one line.
func htmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return html.EscapeString(s)
}

// measureName returns how a measure is named in a caption.
func measureName(m string) string {
	if m == "pagerank" {
		return "PageRank"
	}
	return m
}
