package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
)

// GEXF namespaces written by [GEXF].
const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
)

// Node sizes written by [GEXF]: PageRank is scaled linearly onto
// gexfMinSize..gexfMaxSize.
const (
	gexfMinSize = 5
	gexfMaxSize = 50
)

// GEXF writes the graph in GEXF 1.3 for Gephi: an undirected graph with
// every author and edge attribute the analysis has, colours, sizes and,
// when years are known, time spells that let Gephi's timeline play the
// growth of the network.
//
// The <meta> element names "coauthor" as creator and describes the
// graph by its counts; it has no date, so the same analysis always gives
// the same bytes. Nodes have ids "n0".."n{n-1}" in node id order and the
// author's name as label; edges have ids "e0".. in (source, target)
// order, source < target, and the tie weight as weight. The attribute
// declarations (<attributes class="node"> and class="edge") come before
// <nodes>, as Gephi requires. Node attributes are those of [GraphML]
// except label, which is the node's label: key, papers, first_year,
// last_year, affiliations, degree, core, component, strength,
// betweenness, closeness, harmonic, eigenvector, pagerank, clustering,
// effective_size, efficiency, constraint, community, topic, topic_label; edge attributes are distance
// (1/weight), joint_papers and papers (paper ids, "; "-joined). GraphML
// types map to GEXF types (int to integer). Measures that were not
// computed are not declared, and unknown values (a zero year, no topic)
// get no attvalue. Floats are written as by [GraphML].
//
// Each node has a viz:color, its community's colour in the palette of
// [DOT] (every community is coloured here, however small; grey when
// there is no community) and, when PageRank was computed, a viz:size
// running linearly from 5 at the lowest PageRank to 50 at the highest
// (5 for all when they are equal).
//
// When some author has a known first year, the graph is written with
// mode="dynamic" and timeformat="integer" (years). An author with known
// years then has one spell from its first to its last year; an edge has
// one spell from the year of its first joint paper to the year of its
// last, gaps included, so a tie, once made, stays until the pair's last
// joint paper. Elements with no known year get no spell, which Gephi
// reads as present at all times. Without years the graph is static and
// has no spells.
//
// Names are escaped as XML attribute values: &, <, >, quotes, tabs and
// line breaks become character references and characters XML cannot
// hold become U+FFFD.
//
// BUG: The published GEXF 1.3 schema (gexf.xsd at gexf.net) declares
// color and size in the GEXF namespace, so a validating parser rejects
// the viz:color and viz:size elements written here in
// http://gexf.net/1.3/viz, the namespace Gephi and networkx write and
// read. Everything else validates.
func GEXF(w io.Writer, a *Analysis) error {
	return writeGEXF(w, a, gexfNS, gexfVizNS, "1.3", graphmlNodeBlock, graphmlEdgeBlock)
}

// GEXF12 writes the same graph as [GEXF] in GEXF 1.2draft, for readers
// that know no later version (networkx before 3.0, older Gephi plugins):
// the same elements and attributes in the 1.2draft namespaces.
func GEXF12(w io.Writer, a *Analysis) error {
	return writeGEXF(w, a, "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2",
		graphmlNodeBlock, graphmlEdgeBlock)
}

// writeGEXF writes a GEXF document in the given namespaces and version,
// with the given numbers of nodes and edges to a block.
func writeGEXF(w io.Writer, a *Analysis, ns, vizNS, version string, nodeBlock, edgeBlock int) error {
	if a.Graph == nil {
		return errNoGraph
	}
	g := a.Graph
	nodeKeys, edgeKeys := gexfKeys(a)
	dynamic := false
	for _, au := range g.Authors {
		if au.FirstYear != 0 {
			dynamic = true
			break
		}
	}

	ew := &errWriter{w: w}
	ew.str(xml.Header)
	ew.printf("<gexf xmlns=%q xmlns:viz=%q version=%q>\n", ns, vizNS, version)
	ew.str("  <meta>\n    <creator>coauthor</creator>\n    <description>")
	xml.EscapeText(ew, []byte(gexfDescription(a)))
	ew.str("</description>\n  </meta>\n")
	if dynamic {
		ew.str(`  <graph defaultedgetype="undirected" mode="dynamic" timeformat="integer">` + "\n")
	} else {
		ew.str(`  <graph defaultedgetype="undirected" mode="static">` + "\n")
	}
	gexfDeclare(ew, "node", nodeKeys)
	gexfDeclare(ew, "edge", edgeKeys)

	sizes := gexfSizes(a)
	ew.printf("    <nodes count=\"%d\">\n", g.Len())
	// Nodes and edges are formatted in blocks on several goroutines, as
	// GraphML's are.
	writeBlocks(ew, (g.Len()+nodeBlock-1)/nodeBlock, func(b []byte, j int) []byte {
		for u := j * nodeBlock; u < min((j+1)*nodeBlock, g.Len()); u++ {
			b = appendGEXFNode(b, a, nodeKeys, sizes, dynamic, u)
		}
		return b
	})
	ew.str("    </nodes>\n")
	ew.printf("    <edges count=\"%d\">\n", g.EdgeCount())
	writeBlocks(ew, (g.EdgeCount()+edgeBlock-1)/edgeBlock, func(b []byte, j int) []byte {
		for e := j * edgeBlock; e < min((j+1)*edgeBlock, g.EdgeCount()); e++ {
			b = appendGEXFEdge(b, a, edgeKeys, dynamic, e)
		}
		return b
	})
	ew.str("    </edges>\n  </graph>\n</gexf>\n")
	return ew.err
}

// appendGEXFNode appends the <node> element of author u, sizes the
// viz:size of every node or nil for none.
func appendGEXFNode(b []byte, a *Analysis, keys []graphmlKey, sizes []float64, dynamic bool, u int) []byte {
	au := &a.Graph.Authors[u]
	b = strconv.AppendInt(append(b, `      <node id="n`...), int64(u), 10)
	b = appendXMLText(append(b, `" label="`...), au.Name)
	b = append(b, "\">\n"...)
	b = appendGEXFValues(b, keys, u)
	if dynamic {
		b = appendGEXFSpell(b, au.FirstYear, au.LastYear)
	}
	r, gr, bl := gexfRGB(a.community(u))
	b = strconv.AppendInt(append(b, `        <viz:color r="`...), int64(r), 10)
	b = strconv.AppendInt(append(b, `" g="`...), int64(gr), 10)
	b = strconv.AppendInt(append(b, `" b="`...), int64(bl), 10)
	b = append(b, "\"/>\n"...)
	if sizes != nil {
		b = appendFloat(append(b, `        <viz:size value="`...), sizes[u])
		b = append(b, "\"/>\n"...)
	}
	return append(b, "      </node>\n"...)
}

// appendGEXFEdge appends the <edge> element of edge e.
func appendGEXFEdge(b []byte, a *Analysis, keys []graphmlKey, dynamic bool, e int) []byte {
	ed := &a.Graph.Edges[e]
	b = strconv.AppendInt(append(b, `      <edge id="e`...), int64(e), 10)
	b = strconv.AppendInt(append(b, `" source="n`...), int64(ed.U), 10)
	b = strconv.AppendInt(append(b, `" target="n`...), int64(ed.V), 10)
	b = appendFloat(append(b, `" weight="`...), ed.Weight)
	b = append(b, "\">\n"...)
	b = appendGEXFValues(b, keys, e)
	if dynamic {
		first, last := edgeYears(a, e)
		b = appendGEXFSpell(b, first, last)
	}
	return append(b, "      </edge>\n"...)
}

// gexfKeys returns the node and edge attributes of [GEXF]: those of
// [GraphML] without the node label and the edge weight, which GEXF
// holds as XML attributes of <node> and <edge>.
func gexfKeys(a *Analysis) (nodes, edges []graphmlKey) {
	gn, ge := graphmlKeys(a)
	for _, k := range gn {
		if k.name != "label" {
			nodes = append(nodes, k)
		}
	}
	for _, k := range ge {
		if k.name != "weight" {
			edges = append(edges, k)
		}
	}
	return nodes, edges
}

// gexfType maps a GraphML attr.type onto a GEXF attribute type.
func gexfType(t string) string {
	switch t {
	case "int":
		return "integer"
	case "boolean", "long", "float", "double", "string":
		return t
	}
	return "string"
}

// gexfDeclare writes the <attributes> element of class (node or edge).
// The attribute ids are the attribute names, unique within a class.
func gexfDeclare(ew *errWriter, class string, keys []graphmlKey) {
	ew.printf("    <attributes class=%q mode=\"static\">\n", class)
	for _, k := range keys {
		ew.printf("      <attribute id=%q title=%q type=%q/>\n", k.name, k.name, gexfType(k.typ))
	}
	ew.str("    </attributes>\n")
}

// appendGEXFValues appends the <attvalues> of element i, nothing when
// it has no values. Attribute ids are fixed ASCII names: no escaping.
func appendGEXFValues(b []byte, keys []graphmlKey, i int) []byte {
	start := len(b)
	b = append(b, "        <attvalues>\n"...)
	empty := len(b)
	for _, k := range keys {
		n := len(b)
		b = append(append(append(b, `          <attvalue for="`...), k.name...), `" value="`...)
		var ok bool
		if k.text != nil {
			b, ok = k.text(b, i)
		} else {
			var v string
			v, ok = k.value(i)
			b = appendXMLText(b, v)
		}
		if !ok {
			b = b[:n]
			continue
		}
		b = append(b, "\"/>\n"...)
	}
	if len(b) == empty {
		return b[:start]
	}
	return append(b, "        </attvalues>\n"...)
}

// appendGEXFSpell appends a <spells> element with one spell from first
// to last, nothing when first is zero (unknown). A zero last is taken as
// first.
func appendGEXFSpell(b []byte, first, last int) []byte {
	if first == 0 {
		return b
	}
	if last == 0 {
		last = first
	}
	b = strconv.AppendInt(append(b, "        <spells>\n          <spell start=\""...), int64(first), 10)
	b = strconv.AppendInt(append(b, `" end="`...), int64(last), 10)
	return append(b, "\"/>\n        </spells>\n"...)
}

// edgeYears returns the earliest and latest known years of edge e's
// papers, zeros when none is known or the graph has no papers.
func edgeYears(a *Analysis, e int) (first, last int) {
	for _, p := range a.Graph.EdgePapers(e) {
		y := a.Graph.Papers[p].Year
		if y == 0 {
			continue
		}
		if first == 0 || y < first {
			first = y
		}
		if y > last {
			last = y
		}
	}
	return first, last
}

// gexfDescription returns the text of the <meta> description.
func gexfDescription(a *Analysis) string {
	s := "Co-authorship network"
	if a.Owner != "" {
		s += " of " + a.Owner
	}
	return s + fmt.Sprintf(": %d authors, %d edges, %d papers",
		a.Graph.Len(), a.Graph.EdgeCount(), len(a.Graph.Papers))
}

// gexfRGB returns the colour of community c as red, green and blue: the
// palette colour of [DOT], grey when c is negative.
func gexfRGB(c int) (r, g, b int) {
	hex := grey
	if c >= 0 {
		hex = palette[c%len(palette)]
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil || len(hex) != 7 {
		return 0xbb, 0xbb, 0xbb
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// gexfSizes returns the node sizes scaled from PageRank onto 5..50,
// rounded to two decimals, or nil when PageRank was not computed.
// Non-finite PageRanks get the smallest size.
func gexfSizes(a *Analysis) []float64 {
	pr := a.measure("pagerank")
	if pr == nil {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pr {
		if !math.IsNaN(p) && !math.IsInf(p, 0) {
			lo, hi = math.Min(lo, p), math.Max(hi, p)
		}
	}
	out := make([]float64, len(pr))
	for u, p := range pr {
		out[u] = gexfMinSize
		if hi > lo && !math.IsNaN(p) && !math.IsInf(p, 0) {
			s := gexfMinSize + (gexfMaxSize-gexfMinSize)*(p-lo)/(hi-lo)
			out[u] = math.Round(s*100) / 100
		}
	}
	return out
}
