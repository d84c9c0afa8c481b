package metrics

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
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

// TestShortestPathsManyTies compares with gonum on a random graph whose
// weights are powers of two, so that path lengths are exact sums and
// many pairs have several shortest paths.
func TestShortestPathsManyTies(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	seen := make(map[[2]int]bool)
	var edges [][3]float64
	for len(edges) < 1200 {
		u, v := r.IntN(300), r.IntN(300)
		if u == v || seen[[2]int{u, v}] || seen[[2]int{v, u}] {
			continue
		}
		seen[[2]int{u, v}] = true
		edges = append(edges, [3]float64{float64(u), float64(v), float64(int(1) << r.IntN(4))})
	}
	g := newTestGraph(300, edges)
	n := g.Len()
	bc, cl, hc := ShortestPathCentralities(g)
	l := lengths{g}
	all := path.DijkstraAllPaths(l)
	gbc := network.BetweennessWeighted(l, all)
	gcl := network.Closeness(l, all)
	ghc := network.Harmonic(l, all)
	ties := 0
	for u := 0; u < n; u++ {
		id := int64(u)
		checkFloat(t, "Betweenness", bc[u], gbc[id]/float64((n-1)*(n-2)), 1e-12)
		checkFloat(t, "Closeness", cl[u], gcl[id]*float64(n-1), 1e-12)
		checkFloat(t, "Harmonic", hc[u], ghc[id], 1e-12)
		if _, _, unique := all.Between(id, int64((u+150)%n)); !unique {
			ties++
		}
	}
	// Without ties the test would not exercise the counting of paths.
	if ties < 30 {
		t.Errorf("only %d of the pairs (u, u+150) have several shortest paths", ties)
	}
}

// TestShortestPathsNonPositiveWeights checks that ties of weight zero or
// less are not used. Node 1 lies between 0 and 4 (lengths 1/2 and 1);
// the ties 1-2 (weight 0) and 0-2 (weight -1) are left out, so 2 and 3
// form a component of their own. Worked by hand with n - 1 = 4:
//
//	node 0 reaches 1 at 1/2 and 4 at 3/2: C = (2/2)(2/4), H = 2 + 2/3
//	node 1 reaches 0 at 1/2 and 4 at 1:   C = (2/1.5)(2/4), H = 3
//	node 4 reaches 1 at 1 and 0 at 3/2:   C = (2/2.5)(2/4), H = 1 + 2/3
//	nodes 2 and 3 reach each other at 1:  C = 1/4, H = 1
//
// and B(1) = 2/(4·3) for the pair (0, 4).
func TestShortestPathsNonPositiveWeights(t *testing.T) {
	g := newTestGraph(5, [][3]float64{{0, 1, 2}, {1, 4, 1}, {1, 2, 0}, {2, 3, 1}, {0, 2, -1}})
	bc, cl, hc := ShortestPathCentralities(g)
	checkFloats(t, "Betweenness", bc, []float64{0, 1.0 / 6, 0, 0, 0}, 1e-15)
	checkFloats(t, "Closeness", cl, []float64{0.5, 2.0 / 3, 0.25, 0.25, 0.4}, 1e-15)
	checkFloats(t, "Harmonic", hc, []float64{8.0 / 3, 3, 1, 1, 5.0 / 3}, 1e-15)
}

// TestShortestPathsReference compares with referenceCentralities, the
// plain Brandes search with a binary heap, on a generated corpus: they
// differ only in the order of the floating-point sums.
func TestShortestPathsReference(t *testing.T) {
	papers := 2000
	if testing.Short() {
		papers = 500
	}
	g := synthGraph(papers)
	bc, cl, hc := ShortestPathCentralities(g)
	rbc, rcl, rhc := referenceCentralities(g)
	checkFloats(t, "Betweenness", bc, rbc, 1e-12)
	checkFloats(t, "Closeness", cl, rcl, 1e-12)
	checkFloats(t, "Harmonic", hc, rhc, 1e-12)
	if floatSum(bc) == 0 {
		t.Errorf("all betweenness is 0 on %d nodes", g.Len())
	}
}

// TestRadixHeap checks that the heap returns items in order of distance
// when every push is at least the last distance popped.
func TestRadixHeap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var h radixHeap
	for round := range 3 {
		h.reset()
		var want, got []float64
		last := 0.0
		for i := range 5000 {
			if h.size > 0 && r.IntN(3) == 0 {
				d, v := h.pop()
				if d < last {
					t.Fatalf("round %d: pop %d gives %g after %g", round, i, d, last)
				}
				if float64(v) != d*8 {
					t.Fatalf("round %d: pop gives node %d with distance %g, pushed with %g", round, v, d, float64(v)/8)
				}
				last = d
				got = append(got, d)
				continue
			}
			// Distances on a grid of 1/8, with many equal ones.
			d := last + float64(r.IntN(40))/8
			h.push(d, int32(d*8))
			want = append(want, d)
		}
		for h.size > 0 {
			d, _ := h.pop()
			got = append(got, d)
		}
		slices.Sort(want)
		if !slices.IsSorted(got) || !slices.Equal(got, want) {
			t.Fatalf("round %d: popped %d distances, not the %d pushed in order", round, len(got), len(want))
		}
	}
}

// TestShortestPathsDeterministic checks that repeated runs give the same
// bits even though sources are spread over goroutines, whatever their
// number.
func TestShortestPathsDeterministic(t *testing.T) {
	g := randomGraph(500, 2000, 1)
	bc1, cl1, hc1 := ShortestPathCentralities(g)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3} {
		runtime.GOMAXPROCS(procs)
		bc2, cl2, hc2 := ShortestPathCentralities(g)
		for u := range bc1 {
			if math.Float64bits(bc1[u]) != math.Float64bits(bc2[u]) ||
				math.Float64bits(cl1[u]) != math.Float64bits(cl2[u]) ||
				math.Float64bits(hc1[u]) != math.Float64bits(hc2[u]) {
				t.Fatalf("node %d: run on %d CPUs gives %v %v %v, first %v %v %v",
					u, procs, bc2[u], cl2[u], hc2[u], bc1[u], cl1[u], hc1[u])
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

// BenchmarkShortestPathCentralities times ShortestPathCentralities and
// referenceCentralities on the graph of 10,000 synthetic papers, the
// size at which bench/run.sh compares exact betweenness with igraph.
// Run with -benchtime=1x: each takes seconds.
func BenchmarkShortestPathCentralities(b *testing.B) {
	g := synthGraph(10_000)
	b.Logf("%d nodes, %d edges", g.Len(), g.EdgeCount())
	b.Run("radix heap", func(b *testing.B) {
		for b.Loop() {
			ShortestPathCentralities(g)
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			referenceCentralities(g)
		}
	})
}

// referenceCentralities is the plain form of ShortestPathCentralities,
// one source after another: Dijkstra's search with a binary heap that
// settles nodes by distance then id, predecessors in one slice per node,
// lengths divided out on every edge.
func referenceCentralities(g *graph.Graph) (betweenness, closeness, harmonic []float64) {
	n := g.Len()
	betweenness = make([]float64, n)
	closeness = make([]float64, n)
	harmonic = make([]float64, n)
	dist := make([]float64, n)
	sigma := make([]float64, n)
	delta := make([]float64, n)
	done := make([]bool, n)
	preds := make([][]int32, n)
	var order []int32
	var h distHeap
	for src := range n {
		for v := range n {
			dist[v], sigma[v], delta[v], done[v] = math.Inf(1), 0, 0, false
			preds[v] = preds[v][:0]
		}
		order = order[:0]
		dist[src], sigma[src] = 0, 1
		h.push(0, int32(src))
		for len(h) > 0 {
			d, v := h.pop()
			if done[v] || d > dist[v] {
				continue
			}
			done[v] = true
			order = append(order, v)
			nbrs, eids := g.Neighbors(int(v))
			for i, w := range nbrs {
				x := g.Edges[eids[i]].Weight
				if done[w] || x <= 0 || math.IsInf(1/x, 1) {
					continue
				}
				alt, dw := d+1/x, dist[w]
				switch {
				case math.IsInf(dw, 1) || alt < dw && dw-alt > tieTolerance*dw:
					dist[w], sigma[w] = alt, sigma[v]
					preds[w] = append(preds[w][:0], v)
					h.push(alt, w)
				case math.Abs(alt-dw) <= tieTolerance*max(alt, dw):
					sigma[w] += sigma[v]
					preds[w] = append(preds[w], v)
				}
			}
		}
		for i := len(order) - 1; i >= 0; i-- {
			w := order[i]
			for _, v := range preds[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			if int(w) != src {
				betweenness[w] += delta[w]
			}
		}
		sum := 0.0
		for _, v := range order[1:] {
			sum += dist[v]
			harmonic[src] += 1 / dist[v]
		}
		if r := float64(len(order) - 1); sum > 0 && n > 1 {
			closeness[src] = (r / sum) * (r / float64(n-1))
		}
	}
	if n > 2 {
		for v := range betweenness {
			betweenness[v] /= float64((n - 1) * (n - 2))
		}
	}
	return betweenness, closeness, harmonic
}
