package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

var update = flag.Bool("update", false, "rewrite the golden files in ../testdata/export")

// testAnalysis returns a small analysis whose names are hostile to every
// output format. The graph is built by graph.Build with full counting
// from the papers below. Node ids follow the identity keys: 0 a\b,
// 1 <b>x</b>, 2 Lone Author (renamed below), 3 O"Brien, 4 Ünal & Co,
// 5 Zoë *Star* | Pipe. Edges: 0-1, 0-3, 0-4, 0-5, 1-3 (weight 2), 3-4,
// 4-5. The measures are values chosen by hand, not computed: only their
// formatting is under test.
func testAnalysis(t testing.TB) *Analysis {
	t.Helper()
	au := func(names ...string) []corpus.Author {
		out := make([]corpus.Author, len(names))
		for i, n := range names {
			out[i] = corpus.Author{Name: n}
		}
		return out
	}
	papers := []corpus.Paper{
		{ID: "p1", Title: `Graphs & "quotes" <i>`, Date: corpus.Date{Year: 2019}, Venue: "LG",
			Authors: au(`O"Brien`, "<b>x</b>", `a\b`), Affiliation: "Univ. A; Dept <B>"},
		{ID: "p2", Title: "Second, with comma", Date: corpus.Date{Year: 2020}, Venue: "CL",
			Authors: au(`O"Brien`, "Ünal & Co")},
		{ID: "p3", Title: "Third\nline", Date: corpus.Date{Year: 2021},
			Authors: au(`a\b`, "Ünal & Co", "Zoë *Star* | Pipe"), Truncated: true},
		{ID: "p4", Title: "Alone", Authors: au("Lone Author")},
		{ID: "p5", Title: "Fifth", Date: corpus.Date{Year: 2021},
			Authors: au(`O"Brien`, "<b>x</b>")},
	}
	g := graph.Build(papers, corpus.Resolve(papers, nil), graph.Options{})
	if g.Len() != 6 || g.EdgeCount() != 7 {
		t.Fatalf("fixture graph has %d nodes and %d edges, want 6 and 7", g.Len(), g.EdgeCount())
	}
	// Build collapses white space in names; set a name with a newline,
	// brackets and backticks by hand.
	g.Authors[2].Name = "Lone\nAuthor [x]_y `z`"
	effSize, effic, constraint := metrics.Brokerage(g)
	return &Analysis{
		Graph:  g,
		Papers: papers,
		Centrality: &metrics.Centrality{
			Degree:      []int{4, 2, 0, 3, 3, 2},
			Strength:    []float64{4, 3, 0, 4, 3, 2},
			Betweenness: []float64{0.6, 0, 0, 1.0 / 3, 0.1, 0},
			Closeness:   []float64{0.8, 0.5, 0, 0.7, 0.65, 0.45},
			Harmonic:    []float64{4.5, 3, 0, 4, 3.5, 2.5},
			Eigenvector: []float64{0.55, 0.4, 0, 0.5, 0.45, 0.3},
			PageRank:    []float64{0.25, 0.15, 0.025, 0.25, 0.2, 0.125},
			Core:        []int{2, 2, 0, 2, 2, 2},
			Clustering:  []float64{1.0 / 3, 1, 0, 1.0 / 3, 2.0 / 3, 1},
			Component:   []int{0, 0, 1, 0, 0, 0},
			// Lone Author, node 2, has none: NaN.
			EffectiveSize: effSize, Efficiency: effic, Constraint: constraint,
		},
		Communities: &metrics.Partition{
			Of: []int{0, 1, 2, 1, 0, 0}, Sizes: []int{3, 2, 1},
			Q: 0.125, Resolution: 1, Seed: 42, Method: "louvain",
		},
		Topics: &metrics.Topics{
			Labels: [][]string{{"graph", "network", "centrality", "extra"}, {"<i>html</i>", "a|b"}},
			Paper:  []int{0, 1, 0, -1, 1},
			Author: []int{0, 1, -1, 1, 0, 0},
			Sizes:  []int{2, 2},
		},
		Summary: metrics.Summary{
			Papers: 5, Authors: 6, Edges: 7, Components: 2, LargestComponent: 5,
			LargestComponentEdges: 7, Density: 7.0 / 15, AverageClustering: 0.5555555556,
			Transitivity: 0.5, Triangles: 2, Diameter: 2, WeightedDiameter: 1.5,
			Modularity: 0.125, Communities: 3, Topics: 2, TruncatedPapers: 1,
			SkippedRecords: 1, SkippedReasons: map[string]int{"no authors": 1}, DiameterExact: true,
		},
		Owner:    `O"Brien`,
		Warnings: []string{"1 paper has a truncated author list", "owner inferred: O\"Brien"},
		Inputs:   []string{"papers|1.bib", "profile_page.txt"},
		Settings: Settings{Seed: 42, Resolution: 1, Other: []string{"topics=2"}},
	}
}

// golden compares got with the golden file testdata/export/name, or
// rewrites the file when -update is given.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "export", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}
