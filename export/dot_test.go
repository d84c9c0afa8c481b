package export

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

func TestDOTGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := DOT(&buf, testAnalysis(t), DrawOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.dot", buf.Bytes())
}

func TestDOTQuote(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`O"Brien`, `"O\"Brien"`},
		{`a\b`, `"a\\b"`},
		{`trailing\`, `"trailing\\"`},
		{"two\nlines", `"two\nlines"`},
		{"tab\there", `"tab here"`},
		{`\N \G`, `"\\N \\G"`},
		{"<b>x</b>", `"<b>x</b>"`},
		{"bad\xffbyte", "\"bad\uFFFDbyte\""},
		{"Ünal & Co", `"Ünal & Co"`},
	}
	for _, test := range tests {
		if got := dotQuote(test.in); got != test.want {
			t.Errorf("dotQuote(%q) = %s, want %s", test.in, got, test.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`<script>&"'`, "&lt;script&gt;&amp;&#34;&#39;"},
		{"two\nlines", "two lines"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
	}
	for _, test := range tests {
		if got := htmlText(test.in); got != test.want {
			t.Errorf("htmlText(%q) = %s, want %s", test.in, got, test.want)
		}
	}
}

var (
	nodeLine = regexp.MustCompile(`(?m)^  n(\d+) \[label="((?:[^"\\]|\\.)*)".*fillcolor="(#[0-9A-F]+)"`)
	edgeLine = regexp.MustCompile(`(?m)^  n(\d+) -- n(\d+) \[penwidth=([0-9.]+)\];$`)
)

func TestDOTFixture(t *testing.T) {
	var buf bytes.Buffer
	if err := DOT(&buf, testAnalysis(t), DrawOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	nodes := nodeLine.FindAllStringSubmatch(out, -1)
	edges := edgeLine.FindAllStringSubmatch(out, -1)
	if len(nodes) != 6 || len(edges) != 7 {
		t.Fatalf("DOT has %d nodes and %d edges, want 6 and 7:\n%s", len(nodes), len(edges), out)
	}
	// Community 0 (size 3) is the first palette colour; community 1 has
	// two members, below the default MinCommunity of 3, so grey.
	if got := nodes[0][3]; got != palette[0] {
		t.Errorf("fill of node 0 = %s, want %s", got, palette[0])
	}
	if got := nodes[3][3]; got != grey {
		t.Errorf("fill of node 3 = %s, want %s", got, grey)
	}
	// Edge 1-3 has the largest weight (2), the others weight 1.
	for _, e := range edges {
		want := "0.50"
		if e[1] == "1" && e[2] == "3" {
			want = "5.00"
		}
		if e[3] != want {
			t.Errorf("penwidth of n%s -- n%s = %s, want %s", e[1], e[2], e[3], want)
		}
	}
	for _, want := range []string{`label="O\"Brien"`, `label="a\\b"`, `<td>a\b</td>`,
		"layout=neato", "start=42", "overlap=scale", "outputorder=edgesfirst", "splines=false",
		"<td>Co-authorship network of O&#34;Brien: 6 authors, 7 edges</td>"} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
}

// starAnalysis returns a star of n nodes: node 0 at the centre with
// PageRank 0.5, leaf i with PageRank decreasing in i, and edge (0, i) of
// weight i.
func starAnalysis(n int) *Analysis {
	authors := make([]graph.Author, n)
	pr := make([]float64, n)
	var edges []graph.Edge
	for i := range authors {
		authors[i] = graph.Author{Key: fmt.Sprintf("a%03d", i), Name: fmt.Sprintf("Author %03d", i), Papers: 1}
		pr[i] = 0.5 / float64(i+1)
		if i > 0 {
			edges = append(edges, graph.Edge{U: 0, V: int32(i), Weight: float64(i), Joint: 1})
		}
	}
	g, _, _ := graph.New(authors, edges)
	return &Analysis{Graph: g, Centrality: &metrics.Centrality{PageRank: pr}}
}

func TestDOTLimits(t *testing.T) {
	tests := []struct {
		name              string
		n                 int
		opt               DrawOptions
		nodes, edges, lab int
		layout            string
		cut               bool
	}{
		{"small, all labelled", 10, DrawOptions{}, 10, 9, 10, "neato", false},
		{"labels 2", 10, DrawOptions{Labels: 2}, 10, 9, 2, "neato", false},
		{"labels none", 10, DrawOptions{Labels: -1}, 10, 9, 0, "neato", false},
		{"61 nodes, 40 labels", 61, DrawOptions{}, 61, 60, 40, "neato", false},
		{"60 nodes, all labels", 60, DrawOptions{}, 60, 59, 60, "neato", false},
		{"max nodes 5", 30, DrawOptions{MaxNodes: 5}, 5, 4, 5, "neato", true},
		{"300 nodes, neato", 300, DrawOptions{}, 300, 299, 40, "neato", false},
		{"default cap 300", 301, DrawOptions{}, 300, 299, 40, "neato", true},
		{"no cap", 301, DrawOptions{MaxNodes: -1}, 301, 300, 40, "sfdp", false},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := DOT(&buf, starAnalysis(test.n), test.opt); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			nodes := nodeLine.FindAllStringSubmatch(out, -1)
			edges := edgeLine.FindAllStringSubmatch(out, -1)
			lab := 0
			for i, m := range nodes {
				if strings.TrimSpace(m[2]) != "" {
					lab++
					// Labels go to the most central: the lowest ids.
					if i >= test.lab {
						t.Errorf("node %s labelled, want only the %d most central", m[1], test.lab)
					}
				}
			}
			if len(nodes) != test.nodes || len(edges) != test.edges || lab != test.lab {
				t.Errorf("DOT has %d nodes, %d edges, %d labels; want %d, %d, %d",
					len(nodes), len(edges), lab, test.nodes, test.edges, test.lab)
			}
			if !strings.Contains(out, "layout="+test.layout) {
				t.Errorf("DOT lacks layout=%s", test.layout)
			}
			if cut := strings.Contains(out, "showing the"); cut != test.cut {
				t.Errorf("title notes a cut: %v, want %v", cut, test.cut)
			}
		})
	}
}
