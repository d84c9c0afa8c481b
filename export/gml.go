package export

import (
	"io"
	"math"
	"strconv"
	"strings"
)

// GML writes the graph in GML as an undirected graph, for networkx,
// igraph, Cytoscape and Gephi:
//
//	Creator "coauthor"
//	graph [
//	  directed 0
//	  node [ id 0 label "..." key "..." papers 2 ... ]
//	  edge [ source 0 target 1 weight 1.0 distance 1.0 joint 1 papers "p1" ]
//	]
//
// Nodes come in node id order with the node id as id, the name as label
// and the node attributes of [GraphML] after it (key, papers,
// first_year, last_year, affiliations, the measures, community, topic,
// topic_label), each as an integer, a real or a string by its GraphML
// type; measures not computed and unknown values are left out. Edges
// come in (U, V) order, source < target, with weight, distance
// (1/weight), joint (papers shared) and papers (paper ids, "; "-joined).
//
// Reals always hold a decimal point ("4.0", "1.0e-05"), as GML readers
// tell reals from integers by it; NaN and infinities are written NAN,
// INF and -INF. Strings are ASCII: a double quote is written &quot;, an
// ampersand &amp;, and every other character outside printable ASCII
// (non-ASCII letters, line breaks, tabs) as a decimal character
// reference &#NNN;, which networkx's read_gml turns back into the
// character.
//
// BUG: Keys such as first_year hold an underscore, which networkx and
// igraph accept but the original GML grammar (letters and digits only)
// does not.
func GML(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	g := a.Graph
	nodeKeys, _ := gexfKeys(a)

	ew := &errWriter{w: w}
	ew.str("Creator \"coauthor\"\ngraph [\n  directed 0\n")
	for u := range g.Authors {
		ew.printf("  node [\n    id %d\n    label %s\n", u, gmlString(g.Authors[u].Name))
		for _, k := range nodeKeys {
			if v, ok := k.value(u); ok {
				ew.printf("    %s %s\n", k.name, gmlValue(k.typ, v))
			}
		}
		ew.str("  ]\n")
	}
	for e, ed := range g.Edges {
		ew.printf("  edge [\n    source %d\n    target %d\n", ed.U, ed.V)
		ew.printf("    weight %s\n    distance %s\n    joint %d\n",
			gmlReal(ed.Weight), gmlReal(1/ed.Weight), ed.Joint)
		if ps := edgePaperIDs(a, e); ps != "" {
			ew.printf("    papers %s\n", gmlString(ps))
		}
		ew.str("  ]\n")
	}
	ew.str("]\n")
	return ew.err
}

// gmlValue returns v, a value of GraphML type typ formatted as by
// graphmlKeys, as a GML value.
func gmlValue(typ, v string) string {
	switch typ {
	case "int", "long":
		return v
	case "double", "float":
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return gmlReal(x)
		}
	}
	return gmlString(v)
}

// gmlReal formats x as a GML real: as by formatFloat, with a decimal
// point added when it has none, and NAN, INF or -INF when not finite.
func gmlReal(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NAN"
	case math.IsInf(x, 1):
		return "INF"
	case math.IsInf(x, -1):
		return "-INF"
	}
	s := formatFloat(x)
	if strings.Contains(s, ".") {
		return s
	}
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		return s[:i] + ".0" + s[i:]
	}
	return s + ".0"
}

// gmlString returns s as a quoted GML string of printable ASCII: &quot;
// for a double quote, &amp; for an ampersand and &#NNN; for every other
// character outside printable ASCII. Invalid UTF-8 becomes U+FFFD.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b.WriteString("&quot;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x20 || r >= 0x7f:
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
