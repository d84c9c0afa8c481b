package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/coauthor/coauthor/graph"
)

// readNet reads a network of testdata/net with graph.Read.
func readNet(t testing.TB, name string) *graph.Graph {
	t.Helper()
	g, err := graph.Read("../testdata/net/"+name, "")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// largestComponent returns the subgraph of g induced by its largest
// connected component.
func largestComponent(g *graph.Graph) *graph.Graph {
	of, _ := Components(g)
	id := make([]int32, g.Len())
	var authors []graph.Author
	for u, c := range of {
		if c == 0 {
			id[u] = int32(len(authors))
			authors = append(authors, g.Authors[u])
		}
	}
	var edges []graph.Edge
	for _, e := range g.Edges {
		if of[e.U] == 0 {
			edges = append(edges, graph.Edge{U: id[e.U], V: id[e.V], Weight: e.Weight, Joint: e.Joint})
		}
	}
	h, _, _ := graph.New(authors, edges)
	return h
}

// TestLeidenModularity checks the modularity Leiden reaches on real
// networks against published or independently computed values, and that
// its communities are connected.
func TestLeidenModularity(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		lcc   bool
		nodes int
		want  float64 // Leiden must reach want - 0.005
		src   string
		slow  bool
	}{
		{"karate", "karate.gml", false, 34, 0.4198,
			"proven optimum, Brandes et al., IEEE TKDE 20(2), 2008", false},
		{"netscience", "netscience.gml", false, 1589, 0.954893,
			"networkx 3.6.1 louvain_communities(G, weight='value', seed=42) after read_gml", false},
		{"netscience unweighted", "netscience.gml", false, 1589, 0.9592,
			"networkx 3.6.1 louvain_communities(G, seed=42), which finds no 'weight' attribute in the GML", false},
		{"ca-GrQc", "ca-GrQc.txt", false, 5242, 0.862383,
			"networkx 3.6.1 louvain_communities(G, seed=42) after remove_edges_from(selfloop_edges(G))", false},
		// Blondel et al., J. Stat. Mech. P10008, 2008, Table 1, give
		// Louvain Q = 0.813 on an arXiv network of ~9k nodes and 24k
		// edges; on this largest component Leiden reaches about 0.768
		// and networkx's Louvain 0.757, so that network is not this one.
		{"ca-HepTh LCC", "ca-HepTh.txt", true, 8638, 0.757356,
			"networkx 3.6.1 louvain_communities(L, seed=42), L the largest component after removing self-loops", false},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if test.slow && testing.Short() {
				t.Skip("slow network skipped in short mode")
			}
			g := readNet(t, test.file)
			if test.lcc {
				g = largestComponent(g)
			}
			if test.name == "netscience unweighted" {
				es := slices.Clone(g.Edges)
				for i := range es {
					es[i].Weight = 1
				}
				g, _, _ = graph.New(g.Authors, es)
			}
			if g.Len() != test.nodes {
				t.Fatalf("%s has %d nodes, want %d", test.name, g.Len(), test.nodes)
			}
			start := time.Now()
			p := Leiden(g, LeidenOptions{Seed: 1})
			t.Logf("%s: Leiden Q = %.4f, %d communities, %v; reference %.4f (%s)",
				test.name, p.Q, len(p.Sizes), time.Since(start), test.want, test.src)
			if p.Q < test.want-0.005 {
				t.Errorf("Leiden(%s).Q = %.4f, want >= %.4f - 0.005 (%s)", test.name, p.Q, test.want, test.src)
			}
			checkFloat(t, "Q against Modularity", p.Q, Modularity(g, p.Of, 1), 1e-12)
			checkPartition(t, g, p)
			if !Connected(g, p) {
				t.Errorf("Leiden(%s) has a disconnected community", test.name)
			}
		})
	}
}

// unitGraph returns a graph of n authors named "n00", "n01", ... with
// the given weighted edges {u, v, weight}.
func unitGraph(n int, edges [][3]float64) *graph.Graph {
	authors := make([]graph.Author, n)
	for i := range authors {
		name := fmt.Sprintf("n%02d", i)
		authors[i] = graph.Author{Key: name, Name: name, Papers: 1}
	}
	es := make([]graph.Edge, len(edges))
	for i, e := range edges {
		es[i] = graph.Edge{U: int32(e[0]), V: int32(e[1]), Weight: e[2], Joint: int32(e[2])}
	}
	g, _, _ := graph.New(authors, es)
	return g
}

// louvainSplit is a graph of 40 nodes, found by drawing random graphs
// with a PCG source until gonum 0.17's community.Modularize, through
// Louvain(g, 1, 12), returned a community that is not connected:
// louvainSplitOf, with Q = 0.468153. Its community 2 holds nodes 6, 7,
// 8, 10, 14, 23 and 26, but node 8's only neighbour, 26, reaches the
// others only through nodes of other communities.
var louvainSplit = [][3]float64{
	{0, 5, 1}, {0, 6, 1}, {0, 35, 1}, {0, 37, 2}, {1, 3, 3}, {1, 5, 1}, {1, 30, 1},
	{1, 33, 1}, {1, 37, 1}, {1, 38, 1}, {2, 3, 1}, {2, 25, 1}, {3, 6, 1}, {3, 35, 2},
	{3, 37, 3}, {4, 11, 1}, {4, 20, 1}, {4, 39, 1}, {5, 7, 1}, {5, 15, 1}, {6, 13, 1},
	{6, 14, 1}, {6, 21, 1}, {7, 10, 1}, {7, 14, 1}, {8, 26, 1}, {9, 15, 1}, {11, 15, 1},
	{11, 25, 1}, {12, 16, 1}, {12, 20, 1}, {13, 16, 1}, {13, 19, 2}, {13, 23, 1},
	{15, 17, 1}, {15, 19, 1}, {15, 22, 1}, {16, 17, 1}, {16, 20, 2}, {17, 24, 1},
	{17, 25, 2}, {17, 27, 1}, {18, 25, 1}, {19, 20, 1}, {19, 25, 2}, {19, 26, 1},
	{19, 31, 1}, {20, 21, 1}, {21, 22, 1}, {21, 28, 1}, {21, 29, 1}, {22, 27, 1},
	{22, 35, 1}, {23, 26, 1}, {24, 25, 1}, {24, 29, 1}, {24, 31, 1}, {26, 27, 1},
	{26, 33, 1}, {27, 33, 2}, {27, 35, 3}, {28, 29, 1}, {28, 32, 1}, {28, 33, 1},
	{28, 38, 1}, {29, 32, 1}, {29, 34, 1}, {29, 36, 1}, {30, 32, 2}, {30, 34, 2},
	{30, 35, 1}, {30, 36, 1}, {31, 33, 1}, {32, 34, 1}, {33, 37, 1}, {33, 38, 1},
	{34, 37, 1}, {35, 37, 1}, {35, 38, 1}, {37, 38, 2},
}

var louvainSplitOf = []int{
	1, 1, 0, 1, 0, 1, 2, 2, 2, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0,
	0, 3, 1, 2, 0, 0, 2, 1, 3, 3, 3, 0, 3, 1, 3, 1, 3, 1, 1, 0,
}

// TestLeidenConnectedWhereLouvainIsNot runs Leiden on a graph where
// Louvain leaves a community disconnected.
func TestLeidenConnectedWhereLouvainIsNot(t *testing.T) {
	g := unitGraph(40, louvainSplit)
	split := &Partition{Of: louvainSplitOf}
	if Connected(g, split) {
		t.Fatalf("Connected(louvainSplitOf) = true, want false")
	}
	checkFloat(t, "Q of louvainSplitOf", Modularity(g, louvainSplitOf, 1), 0.468153, 1e-6)
	if p := Louvain(g, 1, 12); Connected(g, p) {
		t.Logf("Louvain(g, 1, 12) now returns connected communities (Q = %.6f)", p.Q)
	}
	best := 0.0
	for seed := range uint64(20) {
		p := Leiden(g, LeidenOptions{Seed: seed})
		if !Connected(g, p) {
			t.Errorf("seed %d: Leiden has a disconnected community: %v", seed, p.Of)
		}
		best = max(best, p.Q)
	}
	// A single run may end lower than Louvain; the best of 20 may not.
	if best < 0.468153 {
		t.Errorf("best Leiden Q over 20 seeds = %.6f, want >= Louvain's 0.468153", best)
	}
}

// twoCliques is two 4-cliques, nodes 0-3 and 4-7, joined by the edge 3-4.
func twoCliques() *graph.Graph {
	var edges [][3]float64
	for _, base := range []int{0, 4} {
		for i := range 4 {
			for j := i + 1; j < 4; j++ {
				edges = append(edges, [3]float64{float64(base + i), float64(base + j), 1})
			}
		}
	}
	return unitGraph(8, append(edges, [3]float64{3, 4, 1}))
}

// TestLeidenCPM checks CPM against values worked out by hand. With γ:
// the two cliques give 2 (6 - 6γ), the whole graph 13 - 28γ, all
// singletons 0. At γ = 0.5 the cliques win with H = 6; at γ = 0.01 the
// whole graph wins with H = 12.72.
func TestLeidenCPM(t *testing.T) {
	tests := []struct {
		name  string
		gamma float64
		sizes []int
		q     float64
	}{
		{"two cliques", 0.5, []int{4, 4}, 6},
		{"one community", 0.01, []int{8}, 12.72},
		{"singletons", 1.5, []int{1, 1, 1, 1, 1, 1, 1, 1}, 0},
	}
	g := twoCliques()
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			for seed := range uint64(5) {
				p := Leiden(g, LeidenOptions{Quality: "cpm", Resolution: test.gamma, Seed: seed})
				if fmt.Sprint(p.Sizes) != fmt.Sprint(test.sizes) {
					t.Errorf("seed %d: Sizes = %v, want %v", seed, p.Sizes, test.sizes)
				}
				checkFloat(t, "Q", p.Q, test.q, 1e-12)
				checkFloat(t, "Q against CPM", p.Q, CPM(g, p.Of, test.gamma), 1e-12)
				if p.Quality != "cpm" || p.Method != "leiden" || p.Resolution != test.gamma {
					t.Errorf("Quality, Method, Resolution = %q, %q, %g", p.Quality, p.Method, p.Resolution)
				}
				if !Connected(g, p) {
					t.Errorf("seed %d: disconnected community in %v", seed, p.Of)
				}
			}
		})
	}
	if p := Leiden(g, LeidenOptions{Quality: "cpm", Resolution: 0.5}); p.Of[0] == p.Of[4] || p.Of[3] == p.Of[4] {
		t.Errorf("γ = 0.5: Of = %v, want the cliques 0-3 and 4-7", p.Of)
	}
}

func TestLeidenDeterministic(t *testing.T) {
	g := readNet(t, "ca-GrQc.txt")
	for _, opt := range []LeidenOptions{
		{Seed: 7},
		{Seed: 7, Theta: -1},
		{Seed: 7, Quality: "cpm", Resolution: 0.05},
		{Seed: 7, Iterations: 1, Resolution: 2},
	} {
		p, q := Leiden(g, opt), Leiden(g, opt)
		if !slices.Equal(p.Of, q.Of) || p.Q != q.Q {
			t.Errorf("%+v: two runs differ (Q %.6f and %.6f)", opt, p.Q, q.Q)
		}
		if !Connected(g, p) {
			t.Errorf("%+v: disconnected community", opt)
		}
		checkPartition(t, g, p)
	}
	a := Leiden(g, LeidenOptions{Seed: 1})
	b := Leiden(g, LeidenOptions{Seed: 2})
	if slices.Equal(a.Of, b.Of) {
		t.Errorf("seeds 1 and 2 give the same partition; the seed seems unused")
	}
}

func TestLeidenDegenerate(t *testing.T) {
	tests := []struct {
		name  string
		g     *graph.Graph
		sizes []int
		q     float64 // the same for modularity and CPM at γ = 0.5
	}{
		{"empty", unitGraph(0, nil), []int{}, 0},
		{"no edges", unitGraph(3, nil), []int{1, 1, 1}, 0},
		// Modularity 1 - 0.5 (2/2)^2, CPM 1 - 0.5·1.
		{"edge and isolated node", unitGraph(3, [][3]float64{{0, 2, 1}}), []int{2, 1}, 0.5},
		{"zero weight", unitGraph(2, [][3]float64{{0, 1, 0}}), []int{1, 1}, 0},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			for _, quality := range []string{"modularity", "cpm"} {
				p := Leiden(test.g, LeidenOptions{Quality: quality, Resolution: 0.5})
				if fmt.Sprint(p.Sizes) != fmt.Sprint(test.sizes) {
					t.Errorf("%s: Sizes = %v, want %v", quality, p.Sizes, test.sizes)
				}
				checkFloat(t, quality+" Q", p.Q, test.q, 1e-12)
			}
		})
	}
}

func TestLeidenPanics(t *testing.T) {
	g := twoCliques()
	for _, opt := range []LeidenOptions{{Quality: "surprise"}, {Resolution: -1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Leiden(%+v) did not panic", opt)
				}
			}()
			Leiden(g, opt)
		}()
	}
}

// plantedGraph returns a graph of n authors in groups of 10 to 59
// consecutive ids and about deg·n/2 edges of weight 1 to 3, nine in ten
// inside a group, drawn from a PCG source seeded with seed.
func plantedGraph(n, deg int, seed uint64) *graph.Graph {
	r := rand.New(rand.NewPCG(seed, 0x706c616e746564))
	authors := make([]graph.Author, n)
	start := make([]int, n) // first id of each node's group
	size := make([]int, n)
	for u := 0; u < n; {
		k := min(10+r.IntN(50), n-u)
		for v := u; v < u+k; v++ {
			start[v], size[v] = u, k
		}
		u += k
	}
	for u := range authors {
		name := fmt.Sprintf("p%07d", u)
		authors[u] = graph.Author{Key: name, Name: name, Papers: 1}
	}
	edges := make([]graph.Edge, 0, deg*n/2)
	for range deg * n / 2 {
		u := r.IntN(n)
		v := start[u] + r.IntN(size[u])
		if r.IntN(10) == 0 {
			v = r.IntN(n)
		}
		w := float64(1 + r.IntN(3))
		edges = append(edges, graph.Edge{U: int32(u), V: int32(v), Weight: w, Joint: int32(w)})
	}
	g, _, _ := graph.New(authors, edges)
	return g
}

// BenchmarkLeiden times Leiden and Louvain on the same generated graph of
// 100,000 nodes and about 700,000 edges. Leiden until stable takes
// seconds: run with -benchtime=1x.
func BenchmarkLeiden(b *testing.B) {
	g := plantedGraph(100000, 14, 1)
	b.Logf("%d nodes, %d edges", g.Len(), g.EdgeCount())
	for _, it := range []int{1, 2, 0} {
		b.Run(fmt.Sprintf("leiden iterations %d", it), func(b *testing.B) {
			var p *Partition
			for b.Loop() {
				p = Leiden(g, LeidenOptions{Seed: 1, Iterations: it})
			}
			b.Logf("Q = %.4f, %d communities, connected %v", p.Q, len(p.Sizes), Connected(g, p))
		})
	}
	b.Run("louvain", func(b *testing.B) {
		var p *Partition
		for b.Loop() {
			p = Louvain(g, 1, 1)
		}
		b.Logf("Q = %.4f, %d communities, connected %v", p.Q, len(p.Sizes), Connected(g, p))
	})
}

func ExampleLeiden() {
	// Two 4-cliques joined by one edge, clustered with CPM at γ = 0.5.
	g := twoCliques()
	p := Leiden(g, LeidenOptions{Quality: "cpm", Resolution: 0.5, Seed: 1})
	fmt.Println(p.Of, p.Sizes, p.Q, Connected(g, p))
	// Output: [0 0 0 0 1 1 1 1] [4 4] 6 true
}

// TestLeidenSameAsBefore checks that Leiden and Louvain find exactly the
// partitions, and the qualities, of the implementation kept in
// leiden_old_test.go, on the classic networks and on generated graphs.
func TestLeidenSameAsBefore(t *testing.T) {
	graphs := []struct {
		name string
		g    *graph.Graph
	}{
		{"karate", readNet(t, "karate.gml")},
		{"netscience", readNet(t, "netscience.gml")},
		{"ca-GrQc", readNet(t, "ca-GrQc.txt")},
		{"two cliques", twoCliques()},
		{"planted 3000", plantedGraph(3000, 8, 2)},
		{"planted 20000", plantedGraph(20000, 14, 3)},
		{"synthetic 3000 papers", synthGraph(3000)},
		{"synthetic 20000 papers", synthGraph(20000)},
	}
	opts := []LeidenOptions{
		{Resolution: 1, Seed: 1, Iterations: 2},
		{Seed: 7},
		{Resolution: 0.5, Seed: 3, Theta: -1, Iterations: 3},
		{Quality: "cpm", Resolution: 0.05, Seed: 2, Iterations: 2},
		{Resolution: 2, Seed: 5, Theta: 0.05, Iterations: 1},
	}
	defer func(split int) { splitEntries = split }(splitEntries)
	for _, tc := range graphs {
		for _, opt := range opts {
			want := oldLeiden(tc.g, opt)
			// Pass over the rows in one piece, then in two halves.
			for _, split := range []int{math.MaxInt, 1} {
				splitEntries = split
				got := Leiden(tc.g, opt)
				if got.Q != want.Q || !slices.Equal(got.Of, want.Of) || !slices.Equal(got.Sizes, want.Sizes) {
					t.Errorf("%s, %+v, split %d: Leiden found Q = %v and %d communities, want Q = %v and %d",
						tc.name, opt, split, got.Q, len(got.Sizes), want.Q, len(want.Sizes))
				}
			}
		}
		for _, seed := range []uint64{1, 4} {
			got, want := Louvain(tc.g, 1, seed), oldLouvain(tc.g, 1, seed)
			if got.Q != want.Q || !slices.Equal(got.Of, want.Of) {
				t.Errorf("%s, seed %d: Louvain found Q = %v and %d communities, want Q = %v and %d",
					tc.name, seed, got.Q, len(got.Sizes), want.Q, len(want.Sizes))
			}
		}
	}
}

// TestLeidenBadWeights checks that Leiden and Louvain panic on a negative
// or non-finite edge weight, and accept -0.
func TestLeidenBadWeights(t *testing.T) {
	for _, x := range []float64{-1, math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1)} {
		g := unitGraph(3, [][3]float64{{0, 1, 1}, {1, 2, x}})
		for name, f := range map[string]func(){
			"Leiden":  func() { Leiden(g, LeidenOptions{}) },
			"Louvain": func() { Louvain(g, 1, 1) },
		} {
			panicked := func() (p bool) {
				defer func() { p = recover() != nil }()
				f()
				return false
			}()
			if want := !(x == 0); panicked != want {
				t.Errorf("%s with weight %v: panicked %v, want %v", name, x, panicked, want)
			}
		}
	}
}
