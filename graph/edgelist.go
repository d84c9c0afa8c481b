package graph

import (
	"fmt"
	"io"
	"strings"
)

// readEdgeList reads an edge list as SNAP and many other tools write it:
// one edge per line, two node tokens and an optional weight, separated
// by white space or commas. Lines starting with "#" or "%" are comments.
// A first line naming its columns (source,target,weight) is skipped.
//
// Node tokens are arbitrary strings and become Author.Key and
// Author.Name. When every token is an integer, node ids follow the
// numeric order of the tokens; otherwise the order of first appearance.
// A missing weight is 1. An edge given in both directions, or repeated,
// counts once with the largest of its weights; self-loops are dropped.
func readEdgeList(r io.Reader, name string) (*Graph, error) {
	sc := scanLines(r)
	nodes := newNodeIndex()
	es := newEdgeSet()
	var line, edgeLines, header int
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' || s[0] == '%' {
			continue
		}
		f := splitFields(s)
		if edgeLines == 0 && header == 0 && isHeader(f) {
			header = line
			continue
		}
		if len(f) < 2 {
			return nil, parseErr(name, line, "node ids", "expected two node ids, got %d field", len(f))
		}
		if len(f) > 3 {
			return nil, parseErr(name, line, "fields", "expected two node ids and an optional weight, got %d fields", len(f))
		}
		w := 1.0
		if len(f) == 3 {
			var ok bool
			if w, ok = parseWeight(f[2]); !ok {
				return nil, parseErr(name, line, "weight", "weight %q is not a finite number", f[2])
			}
		}
		edgeLines++
		es.add(nodes.id(f[0]), nodes.id(f[1]), w)
	}
	if err := sc.Err(); err != nil {
		return nil, scanErr(err, name, line)
	}
	return edgeListGraph(nodes, es, edgeLines, header), nil
}

// edgeListGraph makes the graph of an edge list's nodes and edges.
func edgeListGraph(nodes *nodeIndex, es *edgeSet, edgeLines, header int) *Graph {
	authors := make([]Author, len(nodes.tokens))
	perm := nodes.numericOrder()
	for i, t := range nodes.tokens {
		j := i
		if perm != nil {
			j = int(perm[i])
		}
		authors[j] = Author{Key: t, Name: t}
	}
	if perm != nil {
		for i := range es.edges {
			e := &es.edges[i]
			e.U, e.V = perm[e.U], perm[e.V]
			if e.U > e.V {
				e.U, e.V = e.V, e.U
			}
		}
	}
	notes := []string{"edge list; edges read as undirected"}
	notes = append(notes, es.notes(edgeLines, "lines")...)
	if perm != nil {
		notes = append(notes, "node ids are integers; nodes in numeric order")
	} else {
		notes = append(notes, "nodes in order of first appearance")
	}
	if header > 0 {
		notes = append(notes, fmt.Sprintf("line %d read as a header and skipped", header))
	}
	return es.graph(authors, notes)
}

// splitFields splits s at runs of white space and at commas; a comma
// with white space around it is one separator.
//
// TODO: quoted CSV fields ("Smith, J","Lee, K") are split at their commas
// and keep their quotes; read such files with encoding/csv once a
// co-authorship edge list with quoted names turns up.
func splitFields(s string) []string {
	if !strings.Contains(s, ",") {
		return strings.Fields(s)
	}
	parts := strings.Split(s, ",")
	out := parts[:0]
	for _, p := range parts {
		out = append(out, strings.Fields(p)...)
	}
	return out
}

// headerWords are column names a first line of an edge list may hold.
var headerWords = map[string]bool{
	"source": true, "target": true, "from": true, "to": true,
	"src": true, "dst": true, "node1": true, "node2": true,
	"fromnodeid": true, "tonodeid": true, "weight": true, "value": true,
}

// isHeader reports whether fields name the columns of an edge list: two
// or three known column names, or a third field that is not a number.
func isHeader(f []string) bool {
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	if len(f) == 3 && !isNumber(f[2]) {
		return true
	}
	return headerWords[strings.ToLower(f[0])] && headerWords[strings.ToLower(f[1])]
}
