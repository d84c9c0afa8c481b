package graph

import (
	"math"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"gonum.org/v1/gonum/graph/topo"
)

func papersOf(lists ...[]string) []corpus.Paper {
	ps := make([]corpus.Paper, len(lists))
	for i, l := range lists {
		ps[i].Date.Year = 2000 + i
		for _, n := range l {
			ps[i].Authors = append(ps[i].Authors, corpus.Author{Name: n})
		}
	}
	return ps
}

func weightOf(t *testing.T, g *Graph, a, b string) float64 {
	t.Helper()
	u, v := -1, -1
	for i, au := range g.Authors {
		switch au.Name {
		case a:
			u = i
		case b:
			v = i
		}
	}
	if u < 0 || v < 0 {
		t.Fatalf("no author %q or %q", a, b)
	}
	w, ok := g.Weight(int64(u), int64(v))
	if !ok {
		return 0
	}
	return w
}

// TestFractionalVOSviewer uses the example of VOSviewer's manual (quoted
// in FACTS.md): papers {A1,A2,A3}, {A1,A3}, {A2,A4} give A1-A3 = 1.5,
// A2-A4 = 1 and 0.5 for every other pair.
func TestFractionalVOSviewer(t *testing.T) {
	ps := papersOf([]string{"A1", "A2", "A3"}, []string{"A1", "A3"}, []string{"A2", "A4"})
	g := Build(ps, corpus.Resolve(ps, nil), Options{Counting: Fractional})
	tests := []struct {
		a, b string
		want float64
	}{
		{"A1", "A3", 1.5}, {"A2", "A4", 1}, {"A1", "A2", 0.5}, {"A2", "A3", 0.5}, {"A1", "A4", 0}, {"A3", "A4", 0},
	}
	for _, test := range tests {
		if got := weightOf(t, g, test.a, test.b); math.Abs(got-test.want) > 1e-15 {
			t.Errorf("weight %s-%s = %v, want %v", test.a, test.b, got, test.want)
		}
	}
	if g.EdgeCount() != 4 {
		t.Errorf("edges = %d, want 4", g.EdgeCount())
	}
	full := Build(ps, corpus.Resolve(ps, nil), Options{})
	if got := weightOf(t, full, "A1", "A3"); got != 2 {
		t.Errorf("full weight A1-A3 = %v, want 2", got)
	}
}

func TestBuildFilters(t *testing.T) {
	// Years 2000..2004.
	ps := papersOf(
		[]string{"A", "B"},
		[]string{"A", "B", "C"},
		[]string{"D"},
		[]string{"A", "C", "E", "F"},
		[]string{"B", "b"}, // the same person twice
	)
	id := corpus.Resolve(ps, nil)
	tests := []struct {
		name         string
		opt          Options
		nodes, edges int
		papersA, jAB int
	}{
		{"none", Options{}, 6, 8, 3, 2},
		{"since", Options{Since: 2001}, 6, 8, 2, 1},
		{"until", Options{Until: 2001}, 3, 3, 2, 2},
		{"min papers", Options{MinPapers: 2}, 3, 3, 3, 2},
		{"min weight", Options{MinWeight: 2}, 6, 2, 3, 2},
		{"max authors", Options{MaxAuthors: 3}, 6, 3, 3, 2},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			g := Build(ps, id, test.opt)
			if g.Len() != test.nodes || g.EdgeCount() != test.edges {
				t.Fatalf("nodes, edges = %d, %d, want %d, %d", g.Len(), g.EdgeCount(), test.nodes, test.edges)
			}
			if g.Authors[0].Name != "A" || g.Authors[0].Papers != test.papersA {
				t.Errorf("author 0 = %+v, want A with %d papers", g.Authors[0], test.papersA)
			}
			if e := g.EdgeID(0, 1); e < 0 || int(g.Edges[e].Joint) != test.jAB {
				t.Errorf("A-B edge %d, want joint %d", e, test.jAB)
			}
		})
	}
}

func TestBuildAttributes(t *testing.T) {
	ps := papersOf([]string{"A", "B"}, []string{"B", "C"}, []string{"B"})
	ps[0].Affiliation = "mila"
	ps[1].Authors[0].Affiliation = "kaust"
	g := Build(ps, corpus.Resolve(ps, nil), Options{})
	b := g.Authors[1]
	if b.Name != "B" || b.Papers != 3 || b.FirstYear != 2000 || b.LastYear != 2002 ||
		len(b.Affiliations) != 2 || b.Affiliations[0] != "kaust" {
		t.Errorf("B = %+v", b)
	}
	if got := g.EdgePapers(g.EdgeID(0, 1)); len(got) != 1 || g.Papers[got[0]].Year != 2000 {
		t.Errorf("A-B papers = %v", got)
	}
	if len(g.Papers) != 3 || len(g.Papers[2].Authors) != 1 {
		t.Errorf("papers = %+v", g.Papers)
	}
}

// TestGonum runs gonum's own algorithms on the graph without a copy.
func TestGonum(t *testing.T) {
	ps := papersOf([]string{"A", "B"}, []string{"B", "C"}, []string{"D", "E"}, []string{"F"})
	g := Build(ps, corpus.Resolve(ps, nil), Options{})
	cc := topo.ConnectedComponents(g)
	if len(cc) != 3 {
		t.Errorf("gonum ConnectedComponents = %d components, want 3", len(cc))
	}
	if n := g.From(1).Len(); n != 2 {
		t.Errorf("From(B).Len() = %d, want 2", n)
	}
	if g.Node(6) != nil || g.Edge(0, 2) != nil || !g.HasEdgeBetween(2, 1) {
		t.Error("Node/Edge/HasEdgeBetween disagree with the papers")
	}
}

func TestNew(t *testing.T) {
	as := make([]Author, 4)
	g, dups, loops := New(as, []Edge{{U: 1, V: 0, Weight: 1}, {U: 0, V: 1, Weight: 2}, {U: 2, V: 2, Weight: 1}, {U: 3, V: 0, Weight: 1}})
	if dups != 1 || loops != 1 || g.EdgeCount() != 2 {
		t.Fatalf("dups, loops, edges = %d, %d, %d, want 1, 1, 2", dups, loops, g.EdgeCount())
	}
	if w, _ := g.Weight(0, 1); w != 3 {
		t.Errorf("weight 0-1 = %v, want 3", w)
	}
	ns, _ := g.Neighbors(0)
	if len(ns) != 2 || ns[0] != 1 || ns[1] != 3 {
		t.Errorf("Neighbors(0) = %v, want [1 3]", ns)
	}
}
