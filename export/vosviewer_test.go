package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/graph"
)

// The expected degrees, strengths and paper counts below follow from the
// fixture's papers under full counting (see testAnalysis): node 0 (a\b)
// writes p1 and p3 and has the four co-authors 1, 3, 4, 5, each tie of
// weight 1; node 3 (O"Brien) writes p1, p2 and p5 and has the co-authors
// 0, 1 (weight 2: p1 and p5) and 4. Clusters are the fixture's
// communities 0, 1, 2, 1, 0, 0 plus one.

func TestVOSMap(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := VOSMap(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "vos_map.txt", buf.Bytes())

	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("map file has %d lines, want a header and 6 items", len(lines))
	}
	wantHeader := "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Documents>" +
		"\tscore<PageRank>\tscore<Betweenness>\tscore<Eigenvector>"
	if lines[0] != wantHeader {
		t.Errorf("header = %q, want %q", lines[0], wantHeader)
	}
	tests := []struct {
		name string
		line int
		want string
	}{
		{"backslash", 1, "1\ta\\b\t1\t4\t4\t2\t0.25\t0.6\t0.55"},
		{"newline", 3, "3\tLone Author [x]_y `z`\t3\t0\t0\t1\t0.025\t0\t0"},
		{"quote", 4, "4\tO'Brien\t2\t3\t4\t3\t0.25\t0.3333333333\t0.5"},
		{"ampersand", 5, "5\tÜnal & Co\t1\t3\t3\t2\t0.2\t0.1\t0.45"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := lines[test.line]; got != test.want {
				t.Errorf("line %d = %q, want %q", test.line, got, test.want)
			}
		})
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t"); n != 8 {
			t.Errorf("line %d has %d tabs, want 8: %q", i, n, l)
		}
	}
}

func TestVOSLabel(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Ann Lee", "Ann Lee"},
		{"comma", "Lee, Ann", `"Lee, Ann"`},
		{"semicolon", "A;B", `"A;B"`},
		{"quote and comma", `O"Brien, J`, `"O'Brien, J"`},
		{"tab and newline", "a\tb\nc\r", "a b c "},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := vosLabel(test.in); got != test.want {
				t.Errorf("vosLabel(%q) = %q, want %q", test.in, got, test.want)
			}
		})
	}
}

func TestVOSMapNoCommunities(t *testing.T) {
	g, _, _ := graph.New([]graph.Author{{Name: "A", Papers: 1}, {Name: "B", Papers: 1}},
		[]graph.Edge{{U: 0, V: 1, Weight: 0.5, Joint: 1}})
	var buf bytes.Buffer
	if err := VOSMap(&buf, &Analysis{Graph: g}); err != nil {
		t.Fatal(err)
	}
	want := "id\tlabel\tweight<Links>\tweight<Total link strength>\tweight<Documents>\n" +
		"1\tA\t1\t0.5\t1\n2\tB\t1\t0.5\t1\n"
	if buf.String() != want {
		t.Errorf("VOSMap = %q, want %q", buf.String(), want)
	}
}

func TestVOSNetwork(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := VOSNetwork(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "vos_network.txt", buf.Bytes())
	// The fixture's seven edges, 1-based, in (U, V) order.
	want := "1\t2\t1\n1\t4\t1\n1\t5\t1\n1\t6\t1\n2\t4\t2\n4\t5\t1\n5\t6\t1\n"
	if buf.String() != want {
		t.Errorf("VOSNetwork = %q, want %q", buf.String(), want)
	}
}

func TestVOSJSON(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := VOSJSON(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "vos_graph.json", buf.Bytes())

	var f struct {
		Network struct {
			Items []struct {
				ID      int                `json:"id"`
				Label   string             `json:"label"`
				Cluster int                `json:"cluster"`
				Weights map[string]float64 `json:"weights"`
				Scores  map[string]float64 `json:"scores"`
			} `json:"items"`
			Links []struct {
				Source   int     `json:"source_id"`
				Target   int     `json:"target_id"`
				Strength float64 `json:"strength"`
			} `json:"links"`
		} `json:"network"`
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("re-reading VOSviewer JSON: %v", err)
	}
	items, links := f.Network.Items, f.Network.Links
	if len(items) != 6 || len(links) != 7 {
		t.Fatalf("%d items and %d links, want 6 and 7", len(items), len(links))
	}
	for u, it := range items {
		if it.ID != u+1 || it.Label != a.Graph.Authors[u].Name || it.Cluster != a.Communities.Of[u]+1 {
			t.Errorf("item %d = %d %q cluster %d, want %d %q cluster %d", u, it.ID, it.Label,
				it.Cluster, u+1, a.Graph.Authors[u].Name, a.Communities.Of[u]+1)
		}
	}
	o := items[3] // O"Brien
	if o.Weights["Links"] != 3 || o.Weights["Total link strength"] != 4 || o.Weights["Documents"] != 3 {
		t.Errorf("O\"Brien weights = %v, want Links 3, Total link strength 4, Documents 3", o.Weights)
	}
	if len(o.Weights) != 3 || o.Scores["PageRank"] != 0.25 {
		t.Errorf("O\"Brien weights %v scores %v, want 3 weights and PageRank 0.25", o.Weights, o.Scores)
	}
	if l := links[4]; l.Source != 2 || l.Target != 4 || l.Strength != 2 {
		t.Errorf("link 4 = %d-%d %g, want 2-4 2", l.Source, l.Target, l.Strength)
	}
	if !strings.Contains(buf.String(), `"label": "<b>x</b>"`) {
		t.Error("HTML characters in labels were escaped, want them as they are")
	}
}
