package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestPajek checks the .net, .clu and .vec files of the fixture.
//
// The golden file testdata/export/pajek_graph.net was read once with
// python3 and networkx 3.6.1:
//
//	g = nx.Graph(nx.read_pajek("testdata/export/pajek_graph.net"))
//	g.number_of_nodes(), g.number_of_edges()   # (6, 7)
//	g.edges["<b>x</b>", "O'Brien"]["weight"]    # 2.0
//	sorted(g.nodes)[0]                          # '<b>x</b>'
//
// matching the fixture (six authors, seven edges, 1-3 of weight 2).
func TestPajek(t *testing.T) {
	a := testAnalysis(t)
	tests := []struct {
		name   string
		write  func(*bytes.Buffer) error
		golden string
		lines  int    // header lines plus one per vertex (and edges)
		want   string // a line the file must hold
	}{
		// Vertex 4 is O"Brien, with the quote replaced.
		{"net", func(b *bytes.Buffer) error { return PajekNet(b, a) }, "pajek_graph.net",
			1 + 6 + 1 + 7, "4 \"O'Brien\""},
		// Vertex 3's label has its newline made a space.
		{"net newline", func(b *bytes.Buffer) error { return PajekNet(b, a) }, "pajek_graph.net",
			1 + 6 + 1 + 7, "3 \"Lone Author [x]_y `z`\""},
		// Edge 1-3 of weight 2 (p1 and p5), 1-based.
		{"net weight", func(b *bytes.Buffer) error { return PajekNet(b, a) }, "pajek_graph.net",
			1 + 6 + 1 + 7, "2 4 2"},
		// Communities 0, 1, 2, 1, 0, 0 plus one.
		{"clu", func(b *bytes.Buffer) error { return PajekClu(b, a) }, "pajek_communities.clu",
			1 + 6, "*Vertices 6\n1\n2\n3\n2\n1\n1"},
		// The fixture's PageRank values.
		{"vec", func(b *bytes.Buffer) error { return PajekVec(b, a) }, "pajek_pagerank.vec",
			1 + 6, "*Vertices 6\n0.25\n0.15\n0.025\n0.25\n0.2\n0.125"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := test.write(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, test.golden, buf.Bytes())
			s := buf.String()
			if n := strings.Count(s, "\n"); n != test.lines || !strings.HasSuffix(s, "\n") {
				t.Errorf("%s has %d lines, want %d, each ending in a newline", test.golden, n, test.lines)
			}
			if !strings.Contains("\n"+s, "\n"+test.want+"\n") {
				t.Errorf("%s does not hold the line(s) %q:\n%s", test.golden, test.want, s)
			}
		})
	}
}

// TestPajekLabels checks that every label is one quoted line with no
// quote inside.
func TestPajekLabels(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := PajekNet(&buf, a); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	for u := range a.Graph.Authors {
		l := lines[1+u]
		_, label, _ := strings.Cut(l, " ")
		if strings.Count(label, `"`) != 2 || !strings.HasPrefix(label, `"`) || !strings.HasSuffix(label, `"`) {
			t.Errorf("vertex line %q: label is not one quoted string without quotes inside", l)
		}
	}
}

func TestPajekMissing(t *testing.T) {
	a := testAnalysis(t)
	a.Communities, a.Centrality = nil, nil
	var buf bytes.Buffer
	if err := PajekClu(&buf, a); !errors.Is(err, errNoCommunities) {
		t.Errorf("PajekClu without communities: %v, want %v", err, errNoCommunities)
	}
	if err := PajekVec(&buf, a); !errors.Is(err, errNoPageRank) {
		t.Errorf("PajekVec without PageRank: %v, want %v", err, errNoPageRank)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q, want nothing", buf.String())
	}
}
