package graph

import (
	"testing"
)

func TestPajek(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		names string // names in node order, "|"-separated
		edges string // edgeText
		notes []string
	}{{
		name:  "labels with spaces, missing labels, coordinates, CRLF",
		in:    "% comment\r\n*Vertices 4\r\n 1 \"Ann Lee\"  0.1 0.2 0.5\r\n3 Bob ic Red\r\n*Edges\r\n1 2 2.5\r\n3 1\r\n",
		names: "Ann Lee|2|Bob|4",
		edges: "1-2:2.5 1-3:1",
		notes: []string{"Pajek; edges read as undirected", "2 edges in the file, 2 distinct undirected edges"},
	}, {
		name:  "arcs merged with edges, case-insensitive headers",
		in:    "*network x\n*VERTICES 3\n*arcs\n1 2 1\n2 1 4\n*EDGES\n2 3\n3 3\n",
		names: "1|2|3",
		edges: "1-2:4 2-3:1",
		notes: []string{"2 arc lines read as undirected edges", "1 reverse duplicates merged, 1 self-loops dropped", "largest weight was kept"},
	}, {
		name:  "edges and arcs lists",
		in:    "*Vertices 4\n*Edgeslist\n1 2 3 4\n*Arcslist\n4 1\n",
		names: "1|2|3|4",
		edges: "1-2:1 1-3:1 1-4:1",
		notes: []string{"1 arc lines read as undirected edges", "1 reverse duplicates merged"},
	}, {
		name:  "second network not read",
		in:    "*Vertices 2\n*Edges\n1 2\n*Network two\n*Vertices 5\n",
		names: "1|2",
		edges: "1-2:1",
		notes: []string{"only the first network is read"},
	}, {
		name:  "windows-1252 label, attributes after the weight",
		in:    "*Vertices 2\n1 \"Zaver\x9enik\"\n*Edges\n1 2 3 c Blue\n",
		names: "Zaveržnik|2",
		edges: "1-2:3",
		notes: []string{"1 labels were not UTF-8"},
	}}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			checkShape(t, "test.net", test.in, test.names, test.edges, test.notes)
		})
	}
}

func TestPajekErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		reason   string
		msg      string
	}{
		{"no vertices", "% c\n", 1, "syntax", "no *Vertices"},
		{"edges first", "*Edges\n1 2\n", 1, "syntax", "*Edges before *Vertices"},
		{"data before header", "1 2\n", 1, "syntax", "expected a section header"},
		{"id out of range", "*Vertices 2\n*Edges\n1 3\n", 3, "unknown node", "vertex id 3 outside 1..2"},
		{"one id", "*Vertices 2\n*Edges\n1\n", 3, "node ids", "expected two vertex ids"},
		{"id not a number", "*Vertices 2\n*Edges\n1 b\n", 3, "node ids", `vertex id "b"`},
		{"label not closed", "*Vertices 2\n1 \"abc\n", 2, "syntax", "label not closed"},
		{"bad count", "*Vertices many\n", 1, "syntax", "not a count"},
		{"too many", "*Vertices 999999999999\n", 1, "limit", "vertices declared"},
		{"too many unnamed", "% c\n*Vertices 2000000\n1 a\n*Edges\n1 2\n", 2, "limit", "1999998 of them on no line"},
		{"infinite weight", "*Vertices 2\n*Edges\n1 2 Inf\n", 3, "weight", "not a finite number"},
		{"matrix", "*Vertices 2\n*Matrix\n0 1\n", 2, "unsupported", "*Matrix"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			wantParseError(t, test.in, FormatPajek, test.line, test.reason, test.msg)
		})
	}
}
