package metrics

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/internal/synth"
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

// TestApproxClosenessHarmonic checks ApproxClosenessHarmonic against the
// exact values on ca-GrQc, whose largest component (4,158 of 5,242
// authors) is above the number of pivots and sampled, and the other
// components are not: their values must be the exact ones, bit for bit.
func TestApproxClosenessHarmonic(t *testing.T) {
	g := readApproxNet(t, "ca-GrQc.txt", false)
	n := g.Len()
	_, exactC, exactH := ShortestPathCentralities(g)
	const eps, delta = 0.1, 0.1
	c, h, k := ApproxClosenessHarmonic(g, eps, delta, 3)
	if k >= n || k != int(math.Ceil(math.Log(2*float64(n)/delta)/(2*eps*eps))) {
		t.Fatalf("pivots = %d, want ceil(ln(2n/delta)/(2 eps^2)) < n", k)
	}
	of, sizes := Components(g)
	if sizes[0] <= k || sizes[1] > k {
		t.Fatalf("components of %d and %d authors, want the largest only above %d", sizes[0], sizes[1], k)
	}
	wmax := 0.0
	for _, e := range g.Edges {
		wmax = max(wmax, e.Weight)
	}
	diam, exact := weightedDiameter(g, of)
	if !exact {
		t.Fatal("weighted diameter of the largest component not exact")
	}
	r := float64(sizes[0])
	boundH := eps * r * wmax
	boundMean := eps * diam * r / (r - 1)
	var worstH, worstMean float64
	for v := range n {
		if of[v] != 0 {
			if c[v] != exactC[v] || h[v] != exactH[v] {
				t.Fatalf("author %d outside the largest component: closeness %v, harmonic %v; exact %v, %v",
					v, c[v], h[v], exactC[v], exactH[v])
			}
			continue
		}
		// The mean distance to the others of the component is
		// (r-1)/((n-1) closeness).
		mean := func(c float64) float64 { return (r - 1) / (float64(n-1) * c) }
		worstMean = max(worstMean, math.Abs(mean(c[v])-mean(exactC[v])))
		worstH = max(worstH, math.Abs(h[v]-exactH[v]))
	}
	t.Logf("ca-GrQc: %d pivots; max mean-distance error %.4f (bound %.4f), max harmonic error %.4f (bound %.4f)",
		k, worstMean, boundMean, worstH, boundH)
	if worstMean > boundMean || worstMean == 0 {
		t.Errorf("max mean-distance error = %v, want in (0, %v]", worstMean, boundMean)
	}
	if worstH > boundH || worstH == 0 {
		t.Errorf("max harmonic error = %v, want in (0, %v]", worstH, boundH)
	}

	// The same bits again, on one core and on four, and from
	// ApproxHarmonic.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	c1, h1, _ := ApproxClosenessHarmonic(g, eps, delta, 3)
	runtime.GOMAXPROCS(4)
	h4, _ := ApproxHarmonic(g, eps, delta, 3)
	for v := range n {
		if math.Float64bits(c1[v]) != math.Float64bits(c[v]) || math.Float64bits(h1[v]) != math.Float64bits(h[v]) ||
			math.Float64bits(h4[v]) != math.Float64bits(h[v]) {
			t.Fatalf("author %d: closeness %v then %v, harmonic %v then %v and %v", v, c[v], c1[v], h[v], h1[v], h4[v])
		}
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

// oneWaySample is the sampler ApproxBetweenness used before the
// bidirectional search: Dijkstra's search from u until v is settled,
// then a walk back from v choosing predecessors in proportion to their
// path counts. It is kept as the reference for the tests and the
// benchmark.
func oneWaySample(d *dijkstra, g *graph.Graph, seed, i uint64, hits []int32) {
	rng := rand.New(rand.NewPCG(seed, i))
	n := g.Len()
	u := rng.IntN(n)
	v := rng.IntN(n - 1)
	if v >= u {
		v++
	}
	d.run(g, u, v)
	if !d.done[v] {
		return
	}
	var cands []int32
	for w := v; ; {
		nbrs, eids := g.Neighbors(w)
		cands = cands[:0]
		total := 0.0
		for k, p := range nbrs {
			if !d.done[p] {
				continue
			}
			alt := d.dist[p] + 1/g.Edges[eids[k]].Weight
			if d.dist[p] < d.dist[w] && math.Abs(alt-d.dist[w]) <= tieTolerance*max(alt, d.dist[w]) {
				cands = append(cands, p)
				total += d.sigma[p]
			}
		}
		if len(cands) == 0 {
			return
		}
		x := rng.Float64() * total
		p := cands[len(cands)-1]
		for _, c := range cands {
			if x < d.sigma[c] {
				p = c
				break
			}
			x -= d.sigma[c]
		}
		if int(p) == u {
			return
		}
		hits[p]++
		w = int(p)
	}
}

// grid returns the rows-by-cols grid graph with unit weights; node
// r*cols+c is at row r, column c.
func grid(rows, cols int) *graph.Graph {
	var edges []graph.Edge
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			v := int32(r*cols + c)
			if c+1 < cols {
				edges = append(edges, graph.Edge{U: v, V: v + 1, Weight: 1})
			}
			if r+1 < rows {
				edges = append(edges, graph.Edge{U: v, V: v + int32(cols), Weight: 1})
			}
		}
	}
	g, _, _ := graph.New(make([]graph.Author, rows*cols), edges)
	return g
}

// routes returns a graph in which nodes 0 and 1 are joined by a direct
// edge of length 1.25 (the path of fewest hops) and by three routes of
// length 1: 0-2-1 (lengths 1/2), 0-3-4-1 (lengths 1/3, whose sum is
// inexact in floating point) and 0-5-6-7-1 (lengths 1/4). Node 8 is
// isolated and nodes 9-10 form another component.
func routes() *graph.Graph {
	e := func(u, v int32, w float64) graph.Edge { return graph.Edge{U: u, V: v, Weight: w} }
	g, _, _ := graph.New(make([]graph.Author, 11), []graph.Edge{
		e(0, 1, 0.8),
		e(0, 2, 2), e(2, 1, 2),
		e(0, 3, 3), e(3, 4, 3), e(4, 1, 3),
		e(0, 5, 4), e(5, 6, 4), e(6, 7, 4), e(7, 1, 4),
		e(9, 10, 1),
	})
	return g
}

// TestBidirectionalCounts checks, for every pair of nodes of small
// graphs and for random pairs of netscience and ca-GrQc, that the
// bidirectional search finds the distance, the number of shortest paths
// and the reachability that a one-directional search from the source
// finds, and that the path it draws is a shortest path.
func TestBidirectionalCounts(t *testing.T) {
	path, _, _ := graph.New(make([]graph.Author, 4), []graph.Edge{
		{U: 0, V: 1, Weight: 1}, {U: 1, V: 2, Weight: 1}, {U: 2, V: 3, Weight: 1}})
	star, _, _ := graph.New(make([]graph.Author, 6), []graph.Edge{
		{U: 0, V: 1, Weight: 1}, {U: 0, V: 2, Weight: 1}, {U: 0, V: 3, Weight: 2},
		{U: 0, V: 4, Weight: 1}, {U: 4, V: 5, Weight: 0.5}})
	tests := []struct {
		name  string
		g     *graph.Graph
		pairs int // 0 for all pairs
	}{
		{"path", path, 0},
		{"star", star, 0},
		{"routes", routes(), 0},
		{"grid 5x7", grid(5, 7), 0},
		{"karate", readApproxNet(t, "karate.gml", false), 0},
		{"netscience", readApproxNet(t, "netscience.gml", false), 3000},
		{"ca-GrQc", readApproxNet(t, "ca-GrQc.txt", false), 1000},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			g := test.g
			n := g.Len()
			ps := newPathSampler(n)
			d := newDijkstra(n)
			rng := rand.New(rand.NewPCG(1, 2))
			check := func(s, u int) {
				d.run(g, s, u)
				sigma, ok := ps.draw(g, s, u, rng)
				if ok != d.done[u] {
					t.Fatalf("draw(%d, %d) reached = %v, want %v", s, u, ok, d.done[u])
				}
				if !ok {
					return
				}
				dist := d.dist[u]
				if math.Abs(ps.best-dist) > 1e-12*dist || sigma != d.sigma[u] {
					t.Fatalf("draw(%d, %d): length %v, %v paths, want %v, %v", s, u, ps.best, sigma, dist, d.sigma[u])
				}
				if l := pathLength(g, s, u, ps.path); math.Abs(l-dist) > 1e-12*dist {
					t.Fatalf("draw(%d, %d) = %v of length %v (%v), want length %v", s, u, ps.path, l, l-dist, dist)
				}
			}
			if test.pairs == 0 {
				for s := 0; s < n; s++ {
					for u := 0; u < n; u++ {
						if s != u {
							check(s, u)
						}
					}
				}
				return
			}
			for range test.pairs {
				s, u := rng.IntN(n), rng.IntN(n)
				if s != u {
					check(s, u)
				}
			}
		})
	}
}

// pathLength returns the length of the path from s through interior, in
// order, to t, or +Inf when two consecutive nodes are not adjacent.
func pathLength(g *graph.Graph, s, t int, interior []int32) float64 {
	nodes := append(append([]int32{int32(s)}, interior...), int32(t))
	l := 0.0
	for i := 1; i < len(nodes); i++ {
		nbrs, eids := g.Neighbors(int(nodes[i-1]))
		k, ok := slices.BinarySearch(nbrs, nodes[i])
		if !ok {
			return math.Inf(1)
		}
		l += 1 / g.Edges[eids[k]].Weight
	}
	return l
}

// TestBidirectionalUniform checks that the sampler draws each shortest
// path with the same probability: over draws*paths draws between two
// fixed nodes, every shortest path must appear and the chi-square
// statistic of the counts must stay below its mean plus 6 standard
// deviations (k-1 + 6 sqrt(2(k-1)) for k paths; exceeded with
// probability about 1e-6 by a uniform sampler). The grid cases need the
// meeting edges weighted by sigma_s(x) sigma_t(y) and predecessors
// chosen by sigma; in routes, the weighted shortest paths have 2, 3 and
// 4 edges while the fewest-hops path (the direct edge) is longer and
// must never be drawn.
func TestBidirectionalUniform(t *testing.T) {
	// Three diamonds in series: 0-{1,2}-3-{4,5}-6-{7,8}-9, 8 paths.
	var dia []graph.Edge
	for i := int32(0); i < 9; i += 3 {
		dia = append(dia, graph.Edge{U: i, V: i + 1, Weight: 1}, graph.Edge{U: i, V: i + 2, Weight: 1},
			graph.Edge{U: i + 1, V: i + 3, Weight: 1}, graph.Edge{U: i + 2, V: i + 3, Weight: 1})
	}
	diamonds, _, _ := graph.New(make([]graph.Author, 10), dia)
	tests := []struct {
		name  string
		g     *graph.Graph
		s, t  int
		paths int    // number of shortest s-t paths, by hand
		never string // a path that must not be drawn
	}{
		{"grid 4x4 corners", grid(4, 4), 0, 15, 20, "none"},    // C(6,3)
		{"grid 3x6 corners", grid(3, 6), 17, 0, 21, "none"},    // C(7,2)
		{"grid 5x5 off-centre", grid(5, 5), 1, 18, 10, "none"}, // (0,1) to (3,3): C(5,2)
		{"diamonds", diamonds, 0, 9, 8, "none"},                // 2^3
		{"routes weighted", routes(), 0, 1, 3, "[]"},           // 0-2-1, 0-3-4-1, 0-5-6-7-1
	}
	const draws = 400
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			ps := newPathSampler(test.g.Len())
			count := map[string]int{}
			total := draws * test.paths
			for i := range total {
				rng := rand.New(rand.NewPCG(5, uint64(i)))
				if _, ok := ps.draw(test.g, test.s, test.t, rng); !ok {
					t.Fatalf("draw(%d, %d) found no path", test.s, test.t)
				}
				key := fmt.Sprint(ps.path)
				if key == test.never {
					t.Fatalf("draw(%d, %d) = %s, which is not a weighted shortest path", test.s, test.t, key)
				}
				count[key]++
			}
			k := test.paths
			chi2 := 0.0
			for _, c := range count {
				chi2 += float64((c-draws)*(c-draws)) / draws
			}
			bound := float64(k-1) + 6*math.Sqrt(2*float64(k-1))
			t.Logf("%d paths, chi-square %.1f, bound %.1f", len(count), chi2, bound)
			if len(count) != k || chi2 > bound {
				keys := slices.Sorted(maps.Keys(count))
				var b strings.Builder
				for _, p := range keys {
					fmt.Fprintf(&b, "\n%s: %d", p, count[p])
				}
				t.Errorf("%d distinct paths with chi-square %.1f, want %d with at most %.1f; counts:%s",
					len(count), chi2, k, bound, b.String())
			}
		})
	}
}

// synthGraph builds the co-authorship graph of papers synthetic papers
// (internal/synth, seed 1) as the coauthor command does: resolve the
// authors, then build with default options.
func synthGraph(papers int) *graph.Graph {
	gen := synth.New(synth.Config{Papers: papers, Seed: 1})
	var sp synth.Paper
	var ps []corpus.Paper
	for gen.Next(&sp) {
		p := corpus.Paper{ID: sp.ID, Title: sp.Title, Date: corpus.Date{Year: sp.Year}, Venue: sp.Venue}
		for _, a := range sp.Authors {
			p.Authors = append(p.Authors, corpus.Author{Name: a})
		}
		ps = append(ps, p)
	}
	return graph.Build(ps, corpus.Resolve(ps, nil), graph.Options{})
}

// BenchmarkBetweennessSample times one sampled shortest path of
// ApproxBetweenness, by the bidirectional search and by the
// one-directional search it replaced, on synthetic graphs of 100k papers
// (about 61k authors, 0.69M edges) and 1M papers (about 607k authors,
// 6.56M edges; skipped with -short). Sample i uses the same pair in both.
func BenchmarkBetweennessSample(b *testing.B) {
	for _, papers := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("papers=%d", papers), func(b *testing.B) {
			if papers > 100_000 && testing.Short() {
				b.Skip("building the graph of 1M papers takes a minute")
			}
			g := synthGraph(papers)
			b.Logf("%d nodes, %d edges", g.Len(), g.EdgeCount())
			b.Run("bidirectional", func(b *testing.B) {
				ps := newPathSampler(g.Len())
				i := uint64(0)
				for b.Loop() {
					ps.sample(g, 1, i)
					i++
				}
			})
			b.Run("one-directional", func(b *testing.B) {
				d := newDijkstra(g.Len())
				hits := make([]int32, g.Len())
				i := uint64(0)
				for b.Loop() {
					oneWaySample(d, g, 1, i, hits)
					i++
				}
			})
		})
	}
}

// TestCentralitiesWithApprox checks what CentralitiesWith computes and
// says when it samples: closeness and harmonic centrality from pivots on
// ca-GrQc, exactly on karate, where the pivots would be all the authors.
func TestCentralitiesWithApprox(t *testing.T) {
	g := readApproxNet(t, "ca-GrQc.txt", false)
	c, reason := CentralitiesWith(g, PathOptions{Mode: "approx", Seed: 1})
	if len(c.Closeness) != g.Len() || len(c.Harmonic) != g.Len() || len(c.Betweenness) != g.Len() {
		t.Fatalf("sampled path measures of %d, %d and %d authors, want %d",
			len(c.Closeness), len(c.Harmonic), len(c.Betweenness), g.Len())
	}
	if !strings.Contains(reason, "256 random pivots in each component") {
		t.Errorf("reason %q does not give the pivots", reason)
	}

	g = readApproxNet(t, "karate.gml", false)
	c, reason = CentralitiesWith(g, PathOptions{Mode: "approx", Seed: 1})
	_, exactC, exactH := ShortestPathCentralities(g)
	for v := range exactC {
		if c.Closeness[v] != exactC[v] || c.Harmonic[v] != exactH[v] {
			t.Fatalf("karate author %d: closeness %v, harmonic %v; want the exact %v, %v",
				v, c.Closeness[v], c.Harmonic[v], exactC[v], exactH[v])
		}
	}
	if !strings.Contains(reason, "closeness and harmonic centrality exact") {
		t.Errorf("reason %q does not say closeness and harmonic are exact", reason)
	}
}
