package metrics

import (
	"fmt"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"

	"github.com/coauthor/coauthor/graph"
)

// gonumQ returns community.Q of the partition of.
func gonumQ(g *graph.Graph, of []int, resolution float64) float64 {
	k := 0
	for _, c := range of {
		k = max(k, c+1)
	}
	comms := make([][]gg.Node, k)
	for u, c := range of {
		comms[c] = append(comms[c], graph.Node(u))
	}
	return community.Q(g, comms, resolution)
}

func TestLouvainKarate(t *testing.T) {
	g := readKarate(t)
	for _, seed := range []uint64{1, 2, 42} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			p := Louvain(g, 1, seed)
			// The best modularity of the karate club is 0.4198 (Brandes et
			// al. 2008, optimal partition); Louvain reaches at least 0.40.
			if p.Q < 0.40 || p.Q > 0.4198+1e-4 {
				t.Errorf("Q = %.4f, want in [0.40, 0.4198]", p.Q)
			}
			checkFloat(t, "Q against Modularity", p.Q, Modularity(g, p.Of, 1), 1e-12)
			checkFloat(t, "Q against community.Q", p.Q, gonumQ(g, p.Of, 1), 1e-12)
			checkPartition(t, g, p)
			if p.Method != "louvain" || p.Seed != seed || p.Resolution != 1 {
				t.Errorf("Method, Seed, Resolution = %q, %d, %g, want louvain, %d, 1",
					p.Method, p.Seed, p.Resolution, seed)
			}

			again := Louvain(g, 1, seed)
			if fmt.Sprint(again.Of) != fmt.Sprint(p.Of) || again.Q != p.Q {
				t.Errorf("second run with seed %d: Of = %v, first %v", seed, again.Of, p.Of)
			}
		})
	}
}

// checkPartition checks that Sizes counts Of and that communities are
// numbered by decreasing size, ties by smallest member name.
func checkPartition(t *testing.T, g *graph.Graph, p *Partition) {
	t.Helper()
	if len(p.Of) != g.Len() {
		t.Fatalf("len(Of) = %d, want %d", len(p.Of), g.Len())
	}
	count := make([]int, len(p.Sizes))
	first := make([]string, len(p.Sizes))
	for u, c := range p.Of {
		if c < 0 || c >= len(p.Sizes) {
			t.Fatalf("Of[%d] = %d, out of range [0, %d)", u, c, len(p.Sizes))
		}
		count[c]++
		if name := g.Authors[u].Name; first[c] == "" || name < first[c] {
			first[c] = name
		}
	}
	if fmt.Sprint(count) != fmt.Sprint(p.Sizes) {
		t.Errorf("Sizes = %v, counted %v", p.Sizes, count)
	}
	for c := 1; c < len(count); c++ {
		if count[c] > count[c-1] || count[c] == count[c-1] && first[c] < first[c-1] {
			t.Errorf("community %d (%d, %q) comes after %d (%d, %q)",
				c, count[c], first[c], c-1, count[c-1], first[c-1])
		}
	}
}

func TestLouvainSmall(t *testing.T) {
	// Two triangles joined by a weak edge, and two isolated authors. The
	// triangles are the communities; each isolated author is its own.
	// Q worked by hand: W = 6.1, each triangle has W_c = 3 and S_c = 6.1,
	// so Q = 2 (3/6.1 - (6.1/12.2)^2) = 0.483606557...
	g := newTestGraph(8, [][3]float64{
		{0, 1, 1}, {1, 2, 1}, {0, 2, 1},
		{4, 5, 1}, {5, 6, 1}, {4, 6, 1},
		{2, 4, 0.1},
	})
	p := Louvain(g, 1, 7)
	want := []int{0, 0, 0, 2, 1, 1, 1, 3}
	if fmt.Sprint(p.Of) != fmt.Sprint(want) || fmt.Sprint(p.Sizes) != "[3 3 1 1]" {
		t.Errorf("Louvain Of, Sizes = %v, %v, want %v, [3 3 1 1]", p.Of, p.Sizes, want)
	}
	checkFloat(t, "Q", p.Q, 2*(3/6.1-0.25), 1e-12)
	checkPartition(t, g, p)

	// Without edges every author is alone and Q is 0, not NaN.
	p = Louvain(newTestGraph(3, nil), 1, 1)
	if fmt.Sprint(p.Of) != "[0 1 2]" || p.Q != 0 {
		t.Errorf("Louvain(no edges) Of, Q = %v, %g, want [0 1 2], 0", p.Of, p.Q)
	}
	p = Louvain(newTestGraph(0, nil), 1, 1)
	if len(p.Of) != 0 || len(p.Sizes) != 0 || p.Q != 0 {
		t.Errorf("Louvain(empty) = %+v, want no communities and Q 0", p)
	}
}

func TestModularity(t *testing.T) {
	g := newTestGraph(7, weightedEdges)
	tests := []struct {
		name       string
		of         []int
		resolution float64
	}{
		{"one community", []int{0, 0, 0, 0, 0, 0, 0}, 1},
		{"singletons", []int{0, 1, 2, 3, 4, 5, 6}, 1},
		{"two", []int{0, 0, 0, 1, 1, 1, 1}, 1},
		{"two, resolution 0.5", []int{0, 0, 0, 1, 1, 1, 1}, 0.5},
		{"gaps in numbering", []int{3, 3, 5, 5, 0, 0, 5}, 2},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got := Modularity(g, test.of, test.resolution)
			want := gonumQ(g, test.of, test.resolution)
			checkFloat(t, "Modularity", got, want, 1e-12)
		})
	}
	// Identities: one community at resolution 1 has Q = 0.
	checkFloat(t, "Modularity(one community)", Modularity(g, tests[0].of, 1), 0, 1e-14)
}
