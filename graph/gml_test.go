package graph

import (
	"strings"
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
			g, err := ReadFrom(strings.NewReader(test.in), "test.gml", "")
			if err != nil {
				t.Fatal(err)
			}
			checkGraph(t, g)
			names := make([]string, g.Len())
			for i, a := range g.Authors {
				names[i] = a.Name
			}
			if got := strings.Join(names, "|"); got != test.names {
				t.Errorf("names = %q, want %q", got, test.names)
			}
			if got := edgeText(g); got != test.edges {
				t.Errorf("edges = %q, want %q", got, test.edges)
			}
			for _, n := range test.notes {
				if !hasNote(g, n) {
					t.Errorf("notes %q lack %q", g.Notes, n)
				}
			}
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
