package metrics

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/graph"
)

// readApproxNet reads a network of testdata/net, keeping only its
// largest connected component when lcc is set.
func readApproxNet(t *testing.T, name string, lcc bool) *graph.Graph {
	t.Helper()
	g, err := graph.Read("../testdata/net/"+name, "")
	if err != nil {
		t.Fatal(err)
	}
	if !lcc {
		return g
	}
	of, sizes := Components(g)
	big := 0
	for c, s := range sizes {
		if s > sizes[big] {
			big = c
		}
	}
	id := make([]int32, g.Len())
	var authors []graph.Author
	for v := range id {
		id[v] = -1
		if of[v] == big {
			id[v] = int32(len(authors))
			authors = append(authors, g.Authors[v])
		}
	}
	var edges []graph.Edge
	for _, e := range g.Edges {
		if id[e.U] >= 0 {
			edges = append(edges, graph.Edge{U: id[e.U], V: id[e.V], Weight: e.Weight, Joint: e.Joint})
		}
	}
	sub, _, _ := graph.New(authors, edges)
	return sub
}

// TestApproxBetweenness checks the guarantee of ApproxBetweenness with
// eps 0.05 and delta 0.1 against the exact values of
// ShortestPathCentralities (which TestShortestPathsGonum checks against
// gonum and the karate tests against networkx). A failure of the bound
// has probability at most 0.1 for a random seed; the seeds here are
// fixed, so the test is repeatable.
func TestApproxBetweenness(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		lcc   bool
		slow  bool
		nodes int
	}{
		{"karate", "karate.gml", false, false, 34},
		{"netscience", "netscience.gml", false, false, 1589},
		{"ca-GrQc LCC", "ca-GrQc.txt", true, true, 4158},
	}
	const eps, delta = 0.05, 0.1
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if test.slow && testing.Short() {
				t.Skip("exact betweenness of ca-GrQc takes seconds")
			}
			g := readApproxNet(t, test.file, test.lcc)
			if g.Len() != test.nodes {
				t.Fatalf("%s has %d nodes, want %d", test.name, g.Len(), test.nodes)
			}
			exact, _, _ := ShortestPathCentralities(g)
			approx, r := ApproxBetweenness(g, eps, delta, 42)
			if want := BetweennessSamples(g.Len(), VertexDiameterBound(g), eps, delta); r != want || r == 0 {
				t.Errorf("samples = %d, want %d", r, want)
			}
			worst, at := 0.0, 0
			for v := range exact {
				if d := math.Abs(approx[v] - exact[v]); d > worst {
					worst, at = d, v
				}
			}
			t.Logf("%s: %d samples, max |approx-exact| = %.4f at node %d (exact %.4f)", test.name, r, worst, at, exact[at])
			if worst > eps {
				t.Errorf("max |approx-exact| = %.4f at node %d (approx %.4f, exact %.4f), want <= %g",
					worst, at, approx[at], exact[at], eps)
			}
			top := slices.Index(exact, slices.Max(exact))
			if approx[top] < exact[top]/2 {
				t.Errorf("approx at the most central node %d = %.4f, exact %.4f: the sampler misses it", top, approx[top], exact[top])
			}
		})
	}
}

// TestApproxBetweennessDeterministic checks that the result depends on
// the seed only, not on the number of CPUs.
func TestApproxBetweennessDeterministic(t *testing.T) {
	g := readApproxNet(t, "karate.gml", false)
	prev := runtime.GOMAXPROCS(1)
	one, _ := ApproxBetweenness(g, 0.1, 0.1, 7)
	runtime.GOMAXPROCS(3)
	three, _ := ApproxBetweenness(g, 0.1, 0.1, 7)
	runtime.GOMAXPROCS(prev)
	if !slices.Equal(one, three) {
		t.Errorf("ApproxBetweenness with 1 and 3 CPUs differ:\n%v\n%v", one, three)
	}
	other, _ := ApproxBetweenness(g, 0.1, 0.1, 8)
	if slices.Equal(one, other) {
		t.Error("seeds 7 and 8 give the same estimates")
	}
}

// TestVertexDiameterBound uses graphs whose longest shortest path is
// known: a path of 5 nodes (4 hops; from the middle node, ecc = 2, so the
// bound is 2*2+1 = 5), and a triangle whose heavy edges make the weighted
// shortest path between 0 and 2 go through 1.
func TestVertexDiameterBound(t *testing.T) {
	path, _, _ := graph.New(make([]graph.Author, 5), []graph.Edge{
		{U: 0, V: 1, Weight: 1}, {U: 1, V: 2, Weight: 1}, {U: 2, V: 3, Weight: 1}, {U: 3, V: 4, Weight: 1}})
	tri, _, _ := graph.New(make([]graph.Author, 4), []graph.Edge{
		{U: 0, V: 1, Weight: 4}, {U: 1, V: 2, Weight: 4}, {U: 0, V: 2, Weight: 1}})
	tests := []struct {
		name   string
		g      *graph.Graph
		lo, hi int
	}{
		{"path", path, 5, 5},
		{"triangle", tri, 3, 3}, // bounded by the component's size
	}
	for _, test := range tests {
		if got := VertexDiameterBound(test.g); got < test.lo || got > test.hi {
			t.Errorf("VertexDiameterBound(%s) = %d, want in [%d, %d]", test.name, got, test.lo, test.hi)
		}
	}
	// On real networks, against the most nodes on any shortest path,
	// found by searching from every node.
	for _, name := range []string{"karate.gml", "netscience.gml"} {
		g := readApproxNet(t, name, false)
		want := longestShortestPath(g)
		if got := VertexDiameterBound(g); got < want || got > g.Len() {
			t.Errorf("VertexDiameterBound(%s) = %d, want in [%d, %d]", name, got, want, g.Len())
		}
	}
}

// longestShortestPath returns the most nodes on a weighted shortest path
// of g, by a full search from every node.
func longestShortestPath(g *graph.Graph) int {
	d := newDijkstra(g.Len())
	hops := make([]int, g.Len())
	best := 0
	for s := 0; s < g.Len(); s++ {
		d.run(g, s, -1)
		for _, w := range d.order {
			hops[w] = 0
			nbrs, eids := g.Neighbors(int(w))
			for k, p := range nbrs {
				alt := d.dist[p] + 1/g.Edges[eids[k]].Weight
				if d.dist[p] < d.dist[w] && math.Abs(alt-d.dist[w]) <= tieTolerance*max(alt, d.dist[w]) {
					hops[w] = max(hops[w], hops[p]+1)
				}
			}
			best = max(best, hops[w]+1)
		}
	}
	return best
}

// TestApproxHarmonic checks the bound of ApproxHarmonic against the exact
// harmonic centrality on netscience.
func TestApproxHarmonic(t *testing.T) {
	g := readApproxNet(t, "netscience.gml", false)
	_, _, exact := ShortestPathCentralities(g)
	const eps, delta = 0.1, 0.1
	approx, k := ApproxHarmonic(g, eps, delta, 3)
	if k >= g.Len() || k != int(math.Ceil(math.Log(2*float64(g.Len())/delta)/(2*eps*eps))) {
		t.Fatalf("pivots = %d, want ceil(ln(2n/delta)/(2 eps^2)) < n", k)
	}
	wmax := 0.0
	for _, e := range g.Edges {
		wmax = max(wmax, e.Weight)
	}
	bound := eps * float64(g.Len()) * wmax
	worst := 0.0
	for v := range exact {
		worst = max(worst, math.Abs(approx[v]-exact[v]))
	}
	t.Logf("netscience: %d pivots, max |approx-exact| = %.4f, bound %.4f", k, worst, bound)
	if worst > bound || worst == 0 {
		t.Errorf("max |approx-exact| = %v, want in (0, %v]", worst, bound)
	}
}

func TestBetweennessMode(t *testing.T) {
	tests := []struct {
		name      string
		n, m      int
		mode      string
		exact     bool
		reasonHas string
	}{
		{"auto small", 6000, 70000, "auto", true, "exact"},
		{"auto large", 60000, 700000, "auto", false, "sampled"},
		{"exact large", 600000, 7000000, "exact", true, "exact"},
		{"approx small", 34, 78, "approx", false, "within 0.05"},
		{"off", 34, 78, "off", false, "not computed"},
		{"unknown", 34, 78, "fast", false, "unknown"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			exact, reason := BetweennessMode(test.n, test.m, test.mode, 0.05, 0.1)
			if exact != test.exact || !strings.Contains(reason, test.reasonHas) {
				t.Errorf("BetweennessMode(%d, %d, %q) = %v, %q, want %v and a reason with %q",
					test.n, test.m, test.mode, exact, reason, test.exact, test.reasonHas)
			}
		})
	}
}
