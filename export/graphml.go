package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// graphmlKey is one <key> of a GraphML file: an attribute of nodes or
// edges with its value for element i, ok false when the element has no
// value.
type graphmlKey struct {
	id, of, name, typ string
	value             func(i int) (v string, ok bool)
}

// GraphML writes the graph in GraphML 1.0 (undirected) with every
// author and edge attribute the analysis has, for Gephi, networkx,
// igraph and Cytoscape.
//
// Nodes have ids "n0".."n{n-1}" in node id order and edges "e0".. in
// (source, target) order, source < target. Every attribute is declared
// by a <key> before the graph, with for (node or edge), attr.name and
// attr.type, as Gephi drops undeclared or untyped data. Node attributes:
// label, key, papers, first_year, last_year, affiliations ("; "-joined),
// degree, strength, betweenness, closeness, harmonic, eigenvector,
// pagerank, core, clustering, component, community, topic, topic_label.
// Edge attributes: weight, distance (1/weight), joint_papers and papers
// (paper ids, "; "-joined). Keys of measures that were not computed are
// left out, and so are values that are unknown (a zero year, no topic).
// Floats are written with at most 10 significant digits; non-finite ones
// as NaN, INF and -INF.
func GraphML(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	nodeKeys, edgeKeys := graphmlKeys(a)
	ew := &errWriter{w: w}
	ew.str(xml.Header)
	ew.str(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` + "\n")
	for _, k := range append(nodeKeys, edgeKeys...) {
		ew.printf("  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.of, k.name, k.typ)
	}
	ew.str(`  <graph id="coauthor" edgedefault="undirected">` + "\n")
	g := a.Graph
	// Lines are put together with strconv rather than fmt: a graph of
	// millions of edges writes tens of millions of them.
	var line []byte
	for u := range g.Authors {
		line = append(strconv.AppendInt(append(line[:0], `    <node id="n`...), int64(u), 10), "\">\n"...)
		ew.Write(line)
		writeData(ew, nodeKeys, u)
		ew.str("    </node>\n")
	}
	for e, ed := range g.Edges {
		line = strconv.AppendInt(append(line[:0], `    <edge id="e`...), int64(e), 10)
		line = strconv.AppendInt(append(line, `" source="n`...), int64(ed.U), 10)
		line = strconv.AppendInt(append(line, `" target="n`...), int64(ed.V), 10)
		ew.Write(append(line, "\">\n"...))
		writeData(ew, edgeKeys, e)
		ew.str("    </edge>\n")
	}
	ew.str("  </graph>\n</graphml>\n")
	return ew.err
}

// writeData writes the <data> elements of element i.
func writeData(ew *errWriter, keys []graphmlKey, i int) {
	for _, k := range keys {
		v, ok := k.value(i)
		if !ok {
			continue
		}
		// Key ids are fixed ASCII names, and numbers need no escaping.
		ew.str(`      <data key="` + k.id + `">`)
		if k.typ == "string" {
			xml.EscapeText(ew, []byte(v))
		} else {
			ew.str(v)
		}
		ew.str("</data>\n")
	}
}

// graphmlKeys returns the node and edge keys for a, in output order.
func graphmlKeys(a *Analysis) (nodes, edges []graphmlKey) {
	g := a.Graph
	str := func(f func(u int) string) func(int) (string, bool) {
		return func(u int) (string, bool) { v := f(u); return v, v != "" }
	}
	node := func(name, typ string, value func(int) (string, bool)) {
		nodes = append(nodes, graphmlKey{id: name, of: "node", name: name, typ: typ, value: value})
	}
	node("label", "string", str(func(u int) string { return g.Authors[u].Name }))
	node("key", "string", str(func(u int) string { return g.Authors[u].Key }))
	node("papers", "int", func(u int) (string, bool) { return strconv.Itoa(g.Authors[u].Papers), true })
	node("first_year", "int", str(func(u int) string { return yearCell(g.Authors[u].FirstYear) }))
	node("last_year", "int", str(func(u int) string { return yearCell(g.Authors[u].LastYear) }))
	node("affiliations", "string", str(func(u int) string {
		return strings.Join(g.Authors[u].Affiliations, listSep)
	}))

	n := g.Len()
	if c := a.Centrality; c != nil {
		ints := []struct {
			name string
			v    []int
		}{{"degree", c.Degree}, {"core", c.Core}, {"component", c.Component}}
		floats := []struct {
			name string
			v    []float64
		}{{"strength", c.Strength}, {"betweenness", c.Betweenness}, {"closeness", c.Closeness},
			{"harmonic", c.Harmonic}, {"eigenvector", c.Eigenvector}, {"pagerank", c.PageRank},
			{"clustering", c.Clustering}}
		for _, m := range ints {
			if len(m.v) == n {
				node(m.name, "int", str(func(u int) string { return intCell(m.v, u) }))
			}
		}
		for _, m := range floats {
			if len(m.v) == n {
				node(m.name, "double", str(func(u int) string { return floatCell(m.v, u) }))
			}
		}
	}
	if a.Communities != nil {
		node("community", "int", str(func(u int) string { return optCell(a.community(u)) }))
	}
	if a.Topics != nil {
		node("topic", "int", str(func(u int) string { return optCell(a.authorTopic(u)) }))
		node("topic_label", "string", str(func(u int) string { return a.topicLabel(a.authorTopic(u)) }))
	}

	edge := func(id, name, typ string, value func(int) (string, bool)) {
		edges = append(edges, graphmlKey{id: id, of: "edge", name: name, typ: typ, value: value})
	}
	edge("weight", "weight", "double", str(func(e int) string { return formatFloat(g.Edges[e].Weight) }))
	edge("distance", "distance", "double", str(func(e int) string { return formatFloat(1 / g.Edges[e].Weight) }))
	edge("joint_papers", "joint_papers", "int", str(func(e int) string { return strconv.Itoa(int(g.Edges[e].Joint)) }))
	edge("edge_papers", "papers", "string", str(func(e int) string { return edgePaperIDs(a, e) }))
	return nodes, edges
}
