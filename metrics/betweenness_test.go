package metrics

import (
	"math"
	"math/rand/v2"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"

	"github.com/coauthor/coauthor/graph"
)

// lengths presents a graph to gonum's path functions with edge length
// 1/weight in place of the weight.
type lengths struct{ *graph.Graph }

func (l lengths) Weight(x, y int64) (float64, bool) {
	w, ok := l.Graph.Weight(x, y)
	if ok && x != y {
		return 1 / w, true
	}
	return w, ok
}

var _ gg.Weighted = lengths{}

// TestShortestPathsGonum compares betweenness, closeness and harmonic
// centrality with gonum's all-pairs versions on connected graphs whose
// path sums are exact.
func TestShortestPathsGonum(t *testing.T) {
	tests := []struct {
		name string
		g    *graph.Graph
	}{
		{"weighted", newTestGraph(7, weightedEdges)},
		{"karate", readKarate(t)},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			g := test.g
			n := g.Len()
			bc, cl, hc := ShortestPathCentralities(g)

			l := lengths{g}
			all := path.DijkstraAllPaths(l)
			gbc := network.BetweennessWeighted(l, all)
			gcl := network.Closeness(l, all)
			ghc := network.Harmonic(l, all)
			// gonum's betweenness counts each pair from both ends, unscaled;
			// its closeness is 1/sum d, which on a connected graph is ours
			// divided by n-1.
			for u := 0; u < n; u++ {
				id := int64(u)
				want := gbc[id] / float64((n-1)*(n-2))
				checkFloat(t, "Betweenness", bc[u], want, 1e-12)
				checkFloat(t, "Closeness", cl[u], gcl[id]*float64(n-1), 1e-12)
				checkFloat(t, "Harmonic", hc[u], ghc[id], 1e-12)
			}
		})
	}
}

// TestBetweennessTies checks that path lengths that differ only by
// rounding count as ties. The cycle 0-1-2-3-0 has lengths 1/3 and 1/15
// through node 1 and 1/5 and 1/5 through node 3: both routes from 0 to 2
// are 0.4 long, but in floating point 1/3+1/15 = 0.39999999999999997.
//
// Worked by hand: the pair (0, 2) gives 1/2 to nodes 1 and 3; the pair
// (1, 3) goes through 2 (4/15 against 8/15 through 0); all other pairs
// are adjacent. Normalised by (n-1)(n-2)/2 = 3: 1/6, 1/3, 1/6 for nodes
// 1, 2, 3. networkx 3.6.1, which compares lengths exactly, gives 1/3 to
// node 1 and 0 to node 3.
func TestBetweennessTies(t *testing.T) {
	g := newTestGraph(4, [][3]float64{{0, 1, 3}, {1, 2, 15}, {0, 3, 5}, {3, 2, 5}})
	w := []float64{3, 15, 5} // float arithmetic, not exact constants
	if 1/w[0]+1/w[1] == 1/w[2]+1/w[2] {
		t.Fatal("the two routes have equal float lengths; the test would prove nothing")
	}
	bc, _, _ := ShortestPathCentralities(g)
	checkFloats(t, "Betweenness", bc, []float64{0, 1.0 / 6, 1.0 / 3, 1.0 / 6}, 1e-12)
}

// TestShortestPathsDeterministic checks that repeated runs give the same
// bits even though sources are spread over goroutines.
func TestShortestPathsDeterministic(t *testing.T) {
	g := randomGraph(500, 2000, 1)
	bc1, cl1, hc1 := ShortestPathCentralities(g)
	for range 3 {
		bc2, cl2, hc2 := ShortestPathCentralities(g)
		for u := range bc1 {
			if math.Float64bits(bc1[u]) != math.Float64bits(bc2[u]) ||
				math.Float64bits(cl1[u]) != math.Float64bits(cl2[u]) ||
				math.Float64bits(hc1[u]) != math.Float64bits(hc2[u]) {
				t.Fatalf("node %d: second run gives %v %v %v, first %v %v %v",
					u, bc2[u], cl2[u], hc2[u], bc1[u], cl1[u], hc1[u])
			}
		}
	}
}

// randomGraph returns a graph of n authors and about m edges with weights
// 1, 2, ..., 5 and a few pairs merged, drawn from a PCG source seeded
// with seed.
func randomGraph(n, m int, seed uint64) *graph.Graph {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	edges := make([][3]float64, 0, m)
	for range m {
		u := r.IntN(n)
		// Prefer nearby ids so that the graph has local clusters.
		v := (u + 1 + r.IntN(min(n-1, 20))) % n
		if r.IntN(10) == 0 {
			v = r.IntN(n)
		}
		edges = append(edges, [3]float64{float64(u), float64(v), float64(1 + r.IntN(5))})
	}
	return newTestGraph(n, edges)
}
