package graph

import (
	"testing"
)

func TestGML(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		names string // names in node order, "|"-separated
		edges string // edgeText
		notes []string
	}{{
		name: "nested lists and unknown keys skipped",
		in: `Creator "test"
# a comment
graph [
  comment "not [ a list"
  node [ id 3 label "C" graphics [ x 1.5 y -2 fill "#ff0000" ] ]
  node [ id 1 label "A" ]
  node [ id 2 ]
  edge [ source 3 target 1 value 2.5 extra [ a [ b 1 ] ] ]
  edge [ source 1 target 2 ]
]`,
		names: "C|A|2",
		edges: "3-1:2.5 1-2:1",
		notes: []string{"GML; edges read as undirected", "2 edges in the file, 2 distinct undirected edges"},
	}, {
		name:  "entities decoded, unknown ones kept",
		in:    `graph [ node [ id 0 label "Smith &amp; Jones &eacute; &#233; &bogus; & x" ] ]`,
		names: "Smith & Jones é é &bogus; & x",
		edges: "",
	}, {
		name:  "weight key, directed, multi-edges",
		in:    "graph [ directed 1\n node [ id a ] node [ id b ]\n edge [ source a target b weight 2 ]\n edge [ source b target a weight 5 ]\n edge [ source a target a ] ]",
		names: "a|b",
		edges: "a-b:5",
		notes: []string{"directed 1; arcs read as undirected", "1 reverse duplicates merged, 1 self-loops dropped", "largest weight was kept"},
	}, {
		name:  "string ids, edges before nodes",
		in:    `graph [ edge [ source "x y" target "z" ] node [ id "x y" name "X" ] node [ id "z" ] ]`,
		names: "X|z",
		edges: "x y-z:1",
	}, {
		name:  "latin-1 label",
		in:    "graph [ node [ id 1 label \"Erd\xf6s\" ] ]",
		names: "Erdös",
	}}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			checkShape(t, "test.gml", test.in, test.names, test.edges, test.notes)
		})
	}
}

func TestGMLErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		reason   string
		msg      string
	}{
		{"no graph", "Creator \"x\"\n", 2, "syntax", "no graph"},
		{"unknown node", "graph [\nnode [ id 1 ]\nedge [ source 1 target 9 ]\n]", 3, "unknown node", `node id "9"`},
		{"duplicate id", "graph [\nnode [ id 1 ]\nnode [ id 1 ]\n]", 3, "duplicate node", "given twice"},
		{"node without id", "graph [\nnode [ label \"a\" ]\n]", 2, "node id", "node without id"},
		{"edge without target", "graph [\nnode [ id 1 ]\nedge [ source 1 ]\n]", 3, "edge ends", "without source or target"},
		{"graph not closed", "graph [\nnode [ id 1 ]\n", 1, "syntax", "list not closed"},
		{"string not closed", "graph [\nnode [ id 1 label \"abc\n]\n", 2, "syntax", "string not closed"},
		{"bad weight", "graph [\nnode [ id 1 ] node [ id 2 ]\nedge [ source 1 target 2 value \"x\" ]\n]", 3, "weight", "not a finite number"},
		{"stray bracket", "graph [\n]\n]", 3, "syntax", `expected a key, got ]`},
		{"bad token", "graph [\nnode [ id @ ]\n]", 2, "syntax", `unexpected "@"`},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			wantParseError(t, test.in, FormatGML, test.line, test.reason, test.msg)
		})
	}
}
