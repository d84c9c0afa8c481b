package export

import (
	"errors"
	"io"
	"strings"
)

var (
	errNoCommunities = errors.New("export: analysis has no communities")
	errNoPageRank    = errors.New("export: analysis has no PageRank")
)

// pajekLabel returns s as a quoted Pajek vertex label. Pajek has no
// escape character, so a double quote inside the name is replaced by a
// single quote; tabs, line breaks and other control characters become
// spaces, as a vertex is one line.
//
// TODO: a name ending in a backslash is written as it is, which Pajek
// reads correctly but networkx's read_pajek (which splits lines with
// Python's shlex) takes as an escaped closing quote.
func pajekLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return `"` + s + `"`
}

// PajekNet writes the graph as a Pajek network (.net): a line
// "*Vertices n", then one line per author in node id order with its
// number (node id plus one, as Pajek numbers from 1) and its name as a
// quoted label, then "*Edges" and one line per edge in (U, V) order
// with the two vertex numbers and the tie weight, written as by
// [GraphML]. Lines end in "\n"; the text is UTF-8.
//
// Pajek has no escape in labels: a double quote in a name is written as
// a single quote, and tabs and line breaks as spaces.
func PajekNet(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	g := a.Graph
	ew := &errWriter{w: w}
	ew.printf("*Vertices %d\n", g.Len())
	for u := range g.Authors {
		ew.printf("%d %s\n", u+1, pajekLabel(g.Authors[u].Name))
	}
	ew.str("*Edges\n")
	for _, e := range g.Edges {
		ew.printf("%d %d %s\n", e.U+1, e.V+1, formatFloat(e.Weight))
	}
	return ew.err
}

// PajekClu writes the communities as a Pajek partition (.clu) that goes
// with [PajekNet]: a line "*Vertices n", then one line per author in
// node id order holding its community plus one, or 0 for an author
// with no community. It returns an error when the analysis has no
// communities.
func PajekClu(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	if a.Communities == nil {
		return errNoCommunities
	}
	ew := &errWriter{w: w}
	ew.printf("*Vertices %d\n", a.Graph.Len())
	for u := range a.Graph.Authors {
		ew.printf("%d\n", a.community(u)+1)
	}
	return ew.err
}

// PajekVec writes PageRank as a Pajek vector (.vec) that goes with
// [PajekNet]: a line "*Vertices n", then one line per author in node id
// order holding its PageRank, written as by [GraphML]. It returns an
// error when PageRank was not computed.
func PajekVec(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	pr := a.measure("pagerank")
	if pr == nil {
		return errNoPageRank
	}
	ew := &errWriter{w: w}
	ew.printf("*Vertices %d\n", len(pr))
	for _, p := range pr {
		ew.printf("%s\n", formatFloat(p))
	}
	return ew.err
}
