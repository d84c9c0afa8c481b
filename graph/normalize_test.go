package graph

import (
	"math"
	"testing"

	"github.com/coauthor/coauthor/corpus"
)

// normalizeExample is the graph of VOSviewer's manual example (quoted
// in FACTS.md), papers {A1,A2,A3}, {A1,A3}, {A2,A4}, with full counting:
// D = 2, 2, 2, 1 papers; edges A1-A2 (1), A1-A3 (2), A2-A3 (1), A2-A4 (1);
// strengths s = 3, 3, 3, 1 and m = 5.
func normalizeExample(t *testing.T) *Graph {
	t.Helper()
	var ps []corpus.Paper
	for _, names := range [][]string{{"A1", "A2", "A3"}, {"A1", "A3"}, {"A2", "A4"}} {
		var p corpus.Paper
		for _, n := range names {
			p.Authors = append(p.Authors, corpus.Author{Name: n})
		}
		ps = append(ps, p)
	}
	g := Build(ps, corpus.Resolve(ps, nil), Options{})
	if g.Len() != 4 || g.EdgeCount() != 4 {
		t.Fatalf("example graph has %d nodes and %d edges, want 4 and 4", g.Len(), g.EdgeCount())
	}
	return g
}

// pairWeights returns the weights of the edges A1-A2, A1-A3, A2-A3 and
// A2-A4 of the example graph, by author name.
func pairWeights(t *testing.T, g *Graph) []float64 {
	t.Helper()
	index := map[string]int{}
	for i, a := range g.Authors {
		index[a.Name] = i
	}
	var out []float64
	for _, p := range [][2]string{{"A1", "A2"}, {"A1", "A3"}, {"A2", "A3"}, {"A2", "A4"}} {
		e := g.EdgeID(index[p[0]], index[p[1]])
		if e < 0 {
			t.Fatalf("no edge %s-%s", p[0], p[1])
		}
		out = append(out, g.Edges[e].Weight)
	}
	return out
}

// TestNormalize checks every method on the example graph against values
// worked out by hand from the formulas in the doc comment of Normalize.
func TestNormalize(t *testing.T) {
	tests := []struct {
		method string
		want   []float64 // A1-A2, A1-A3, A2-A3, A2-A4
	}{
		{"none", []float64{1, 2, 1, 1}},
		{"", []float64{1, 2, 1, 1}},
		// 2m a / (s_i s_j) with m = 5: 10/9, 20/9, 10/9, 10/3.
		{"association", []float64{10.0 / 9, 20.0 / 9, 10.0 / 9, 10.0 / 3}},
		// C / (D_i D_j).
		{"doc-association", []float64{0.25, 0.5, 0.25, 0.5}},
		// C / min(D_i, D_j).
		{"inclusion", []float64{0.5, 1, 0.5, 1}},
		// C / (D_i + D_j - C).
		{"jaccard", []float64{1.0 / 3, 1, 1.0 / 3, 0.5}},
		// C / sqrt(D_i D_j).
		{"salton", []float64{0.5, 1, 0.5, 1 / math.Sqrt2}},
		// C^2 / (D_i D_j).
		{"equivalence", []float64{0.25, 1, 0.25, 0.5}},
		// VOSviewer manual: A1-A3 = 1.5, A2-A4 = 1, other pairs 0.5.
		{"fractionalization", []float64{0.5, 1.5, 0.5, 1}},
	}
	for _, test := range tests {
		t.Run(test.method, func(t *testing.T) {
			g := normalizeExample(t)
			before := append([]Edge(nil), g.Edges...)
			h, err := Normalize(g, test.method)
			if err != nil {
				t.Fatalf("Normalize(%q): %v", test.method, err)
			}
			got := pairWeights(t, h)
			for i := range got {
				if math.Abs(got[i]-test.want[i]) > 1e-14 {
					t.Errorf("Normalize(%q) weights = %v, want %v", test.method, got, test.want)
					break
				}
			}
			for i, e := range h.Edges {
				if e.U != before[i].U || e.V != before[i].V || e.Joint != before[i].Joint {
					t.Errorf("edge %d = %+v, was %+v: order or Joint changed", i, e, before[i])
				}
				if g.Edges[i] != before[i] {
					t.Errorf("input edge %d changed to %+v", i, g.Edges[i])
				}
			}
			if h.Len() != g.Len() || len(h.Papers) != len(g.Papers) || h.Strength(0) != sumWeights(h, 0) {
				t.Errorf("normalised graph lost nodes, papers or adjacency")
			}
		})
	}
}

// sumWeights returns the weight of u's edges summed from the edge list.
func sumWeights(g *Graph, u int) float64 {
	s := 0.0
	for _, e := range g.Edges {
		if int(e.U) == u || int(e.V) == u {
			s += e.Weight
		}
	}
	return s
}

// TestNormalizeWithoutJoint checks that a graph made with New, whose
// edges have Joint 0, uses the weight as the joint count.
func TestNormalizeWithoutJoint(t *testing.T) {
	authors := []Author{{Name: "a", Papers: 4}, {Name: "b", Papers: 1}, {Name: "c"}}
	g, _, _ := New(authors, []Edge{{U: 0, V: 1, Weight: 2}, {U: 1, V: 2, Weight: 1}})
	h, err := Normalize(g, "salton")
	if err != nil {
		t.Fatal(err)
	}
	// 2 / sqrt(4*1) = 1; c has no papers, so b-c has a zero denominator.
	if got := []float64{h.Edges[0].Weight, h.Edges[1].Weight}; got[0] != 1 || got[1] != 0 {
		t.Errorf("salton weights = %v, want [1 0]", got)
	}
}

func TestNormalizeErrors(t *testing.T) {
	fromFile, _, _ := New([]Author{{Name: "a"}, {Name: "b"}}, []Edge{{U: 0, V: 1, Weight: 1}})
	tests := []struct {
		name   string
		g      *Graph
		method string
	}{
		{"unknown method", fromFile, "cosine"},
		{"fractionalization without papers", fromFile, "fractionalization"},
		{"jaccard without paper counts", fromFile, "jaccard"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if h, err := Normalize(test.g, test.method); err == nil {
				t.Errorf("Normalize(%q) = %v, nil; want an error", test.method, h.Edges)
			}
		})
	}
	if _, err := Normalize(fromFile, "association"); err != nil {
		t.Errorf("Normalize(association) on a graph without papers: %v", err)
	}
}
