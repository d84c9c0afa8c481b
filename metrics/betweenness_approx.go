package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/coauthor/coauthor/graph"
)

// ApproxBetweenness returns an estimate of the weighted betweenness of
// every node (edge length 1/weight), indexed by node id, in the
// normalisation of [ShortestPathCentralities] and [Centrality]
// (networkx's normalized=True for undirected graphs), and the number of
// shortest paths it sampled.
//
// With probability at least 1-delta, every estimate is within eps of the
// exact value:
//
//	|B~(v) - B(v)| <= eps  for all v at once
//
// eps and delta must be in (0, 1); ApproxBetweenness panics otherwise.
// Graphs of fewer than 3 nodes have betweenness 0 and need no samples.
//
// It follows Riondato and Kornaropoulos: draw r ordered pairs (u, v),
// u != v, uniformly; for each, pick one shortest u-v path uniformly among
// all of them; every interior node of the path scores 1. Each path comes
// from a balanced bidirectional Dijkstra search, as in KADABRA: it grows
// the side, from u or from v, whose frontier has the smaller sum of
// degrees, until the two radii pass the shortest length found; it then
// draws an edge (x, y) where the paths cross from one side to the other
// with probability proportional to sigma_u(x) sigma_v(y), the number of
// shortest paths through it, and walks back from x and from y choosing
// each predecessor p of w with probability sigma(p)/sigma(w). The fraction of samples in which v scores estimates
//
//	b(v) = 1/(n(n-1)) sum_{s != t} sigma_st(v)/sigma_st
//
// within eps' of b(v) for all v with probability 1-delta when
//
//	r = ceil((c/eps'^2) (floor(log2(VD-2)) + 1 + ln(1/delta))),  c = 0.5
//
// where VD bounds the number of nodes on any shortest path. networkx's
// normalised value is B(v) = b(v) n/(n-2) (it divides the sum over
// unordered pairs by (n-1)(n-2)/2), so the estimate is scaled by n/(n-2)
// and the sample is sized with eps' = eps (n-2)/n, which makes eps the
// bound on B.
//
// VD is bounded per connected component, from two Dijkstra searches (a
// double sweep from the node of highest degree): a weighted shortest
// path is no longer than 2 ecc(x) for any node x of its component, and
// each of its edges is at least the shortest edge length l_min of the
// component, so it has at most 2 ecc(x)/l_min edges; and it has at most
// size-1 edges. VD is one more than the smaller of the two, maximised
// over components. With equal weights this is the usual 2 ecc(x) + 1.
//
// Sample i draws from a PCG source seeded with (seed, i), and scores are
// integer counts, so the result is the same for a seed whatever the
// number of CPUs. Samples run on GOMAXPROCS goroutines. Time is
// O(r (m + n log n)) in the worst case, usually much less since the two
// searches stop where they meet; memory is O(n) per goroutine.
//
// References: M. Riondato and E. M. Kornaropoulos, Fast approximation of
// betweenness centrality through sampling, Data Min. Knowl. Disc. 30(2),
// 2016, 438-475, doi:10.1007/s10618-015-0423-0. M. Borassi and E.
// Natale, KADABRA is an adaptive algorithm for betweenness via random
// approximation, ESA 2016, doi:10.4230/LIPIcs.ESA.2016.20.
func ApproxBetweenness(g *graph.Graph, eps, delta float64, seed uint64) (bc []float64, samples int) {
	checkEpsDelta("ApproxBetweenness", eps, delta)
	n := g.Len()
	bc = make([]float64, n)
	if n < 3 {
		return bc, 0
	}
	samples = BetweennessSamples(n, VertexDiameterBound(g), eps, delta)

	workers := min(runtime.GOMAXPROCS(0), samples)
	hits := make([][]int32, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := newPathSampler(n)
			for i := w; i < samples; i += workers {
				ps.sample(g, seed, uint64(i))
			}
			hits[w] = ps.hits
		}()
	}
	wg.Wait()

	scale := float64(n) / float64(n-2) / float64(samples)
	for v := range bc {
		c := 0
		for _, h := range hits {
			c += int(h[v])
		}
		bc[v] = float64(c) * scale
	}
	return bc, samples
}

// BetweennessSamples returns the number of shortest paths
// [ApproxBetweenness] samples on a graph of n nodes whose shortest paths
// have at most vd nodes, for the error bound eps on networkx-normalised
// betweenness holding with probability 1-delta.
func BetweennessSamples(n, vd int, eps, delta float64) int {
	if n < 3 {
		return 0
	}
	e := eps * float64(n-2) / float64(n)
	lg := 0.0
	if vd > 3 {
		lg = math.Floor(math.Log2(float64(vd - 2)))
	}
	return int(math.Ceil(0.5 / (e * e) * (lg + 1 + math.Log(1/delta))))
}

func checkEpsDelta(fn string, eps, delta float64) {
	if !(eps > 0 && eps < 1 && delta > 0 && delta < 1) {
		panic(fmt.Sprintf("metrics: %s: eps %v and delta %v must be in (0, 1)", fn, eps, delta))
	}
}

// VertexDiameterBound returns an upper bound on the number of nodes of
// any weighted shortest path of g (edge length 1/weight), computed as
// described at [ApproxBetweenness]: for each connected component, the
// smaller of its size and 1 + 2 ecc(x)/l_min, x the end of a double
// sweep. It is 0 for an empty graph.
func VertexDiameterBound(g *graph.Graph) int {
	n := g.Len()
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	ds := newDijkstra(n)
	vd := 0
	for s := 0; s < n; s++ {
		if comp[s] >= 0 {
			continue
		}
		// First sweep from s: finds the component, its size, its
		// shortest edge and its farthest node from s.
		ds.run(g, s, -1)
		lmin := math.Inf(1)
		x := s
		for _, v := range ds.order {
			comp[v] = int32(s)
			if ds.dist[v] > ds.dist[x] {
				x = int(v)
			}
			_, eids := g.Neighbors(int(v))
			for _, e := range eids {
				lmin = min(lmin, 1/g.Edges[e].Weight)
			}
		}
		size := len(ds.order)
		ecc := ds.dist[x]
		if size > 2 {
			// Second sweep from the far end x.
			ds.run(g, x, -1)
			ecc = min(ecc, ds.dist[ds.order[len(ds.order)-1]])
		}
		hops := size - 1
		if size > 1 {
			// The relative slack covers rounding in the sums of lengths.
			if h := 2 * ecc / lmin * (1 + 1e-9); h < float64(hops) {
				hops = int(h)
			}
		}
		vd = max(vd, hops+1)
	}
	return vd
}

// dijkstra is one single-source search with shortest-path counts, reset
// in time proportional to what the previous search reached.
type dijkstra struct {
	dist  []float64
	sigma []float64
	done  []bool
	order []int32 // settled nodes in order of non-decreasing distance
	seen  []int32 // nodes given a distance, to reset
	heap  distHeap
}

func newDijkstra(n int) *dijkstra {
	d := &dijkstra{dist: make([]float64, n), sigma: make([]float64, n), done: make([]bool, n)}
	for i := range d.dist {
		d.dist[i] = math.Inf(1)
	}
	return d
}

// run searches from src until target is settled, or through the whole
// component when target is -1. Ties within a relative tieTolerance count
// as equal lengths, as in [ShortestPathCentralities].
func (d *dijkstra) run(g *graph.Graph, src, target int) {
	for _, v := range d.seen {
		d.dist[v] = math.Inf(1)
		d.sigma[v] = 0
		d.done[v] = false
	}
	d.seen, d.order, d.heap = d.seen[:0], d.order[:0], d.heap[:0]

	d.dist[src], d.sigma[src] = 0, 1
	d.seen = append(d.seen, int32(src))
	d.heap.push(0, int32(src))
	for len(d.heap) > 0 {
		dv, v := d.heap.pop()
		if d.done[v] || dv > d.dist[v] {
			continue
		}
		d.done[v] = true
		d.order = append(d.order, v)
		if int(v) == target {
			return
		}
		nbrs, eids := g.Neighbors(int(v))
		for i, w := range nbrs {
			if d.done[w] {
				continue
			}
			alt := dv + 1/g.Edges[eids[i]].Weight
			dw := d.dist[w]
			switch {
			case math.IsInf(dw, 1):
				d.seen = append(d.seen, w)
				fallthrough
			case alt < dw && dw-alt > tieTolerance*dw:
				d.dist[w] = alt
				d.sigma[w] = d.sigma[v]
				d.heap.push(alt, w)
			case math.Abs(alt-dw) <= tieTolerance*max(alt, dw):
				d.sigma[w] += d.sigma[v]
			}
		}
	}
}

// stopSlack is the relative margin by which the two search radii must
// pass the best path length found before a bidirectional search stops.
// It is far above [tieTolerance] and rounding, so that every node whose
// distance ties with a shortest path's is settled on the side it needs.
const stopSlack = 1e-9

// halfNode is one node's state in one direction of a bidirectional
// search.
type halfNode struct {
	dist  float64 // tentative, final once done
	sigma float64 // number of shortest paths to the side's root
	done  bool
}

// half is one direction of a bidirectional search: a Dijkstra search
// from its root that settles one node at a time.
type half struct {
	node []halfNode
	seen []int32 // nodes given a distance, to reset
	heap distHeap
	vol  int // sum of the degrees of nodes reached but not settled
}

func newHalf(n int) *half {
	h := &half{node: make([]halfNode, n)}
	for i := range h.node {
		h.node[i].dist = math.Inf(1)
	}
	return h
}

// reset clears what the previous search touched and starts one from
// root.
func (h *half) reset(g *graph.Graph, root int) {
	for _, v := range h.seen {
		h.node[v] = halfNode{dist: math.Inf(1)}
	}
	h.seen, h.heap = h.seen[:0], h.heap[:0]
	h.node[root] = halfNode{dist: 0, sigma: 1}
	h.seen = append(h.seen, int32(root))
	h.heap.push(0, int32(root))
	h.vol = g.Degree(root)
}

// top drops stale heap entries and returns the smallest tentative
// distance of a node not yet settled, +Inf when there is none.
func (h *half) top() float64 {
	for len(h.heap) > 0 {
		it := h.heap[0]
		if !h.node[it.v].done && it.d <= h.node[it.v].dist {
			return it.d
		}
		h.heap.pop()
	}
	return math.Inf(1)
}

// meet is an edge scanned from a node settled on one side to a node
// already settled on the other: x is settled forward, y backward.
type meet struct {
	x, y int32
	e    int32
}

// pathSampler draws shortest paths with a balanced bidirectional
// Dijkstra search and counts how often each node is interior to one.
type pathSampler struct {
	fwd, bwd *half
	best     float64 // shortest s-t length found so far
	meets    []meet
	cands    []int32
	weights  []float64
	path     []int32 // interior nodes of the last path drawn
	hits     []int32
}

func newPathSampler(n int) *pathSampler {
	return &pathSampler{fwd: newHalf(n), bwd: newHalf(n), hits: make([]int32, n)}
}

// sample draws sample number i of the run seeded with seed and scores
// the interior nodes of its path.
func (ps *pathSampler) sample(g *graph.Graph, seed, i uint64) {
	rng := rand.New(rand.NewPCG(seed, i))
	n := g.Len()
	u := rng.IntN(n)
	v := rng.IntN(n - 1)
	if v >= u {
		v++
	}
	if _, ok := ps.draw(g, u, v, rng); !ok {
		return // v is not reachable from u: no path, no score
	}
	for _, w := range ps.path {
		ps.hits[w]++
	}
}

// draw searches from s and t at once and picks one shortest s-t path
// uniformly at random, leaving its interior nodes in ps.path in order
// from s to t. It returns
// the number of shortest s-t paths, and false when t is unreachable.
//
// The search settles one node at a time on the side whose frontier (the
// nodes reached but not settled) has the smaller sum of degrees, and
// stops once the two radii top_f + top_b exceed the best length D found.
// Then every shortest path splits at one edge (x, y) with d_s(x) < theta
// <= d_s(y), for a theta between D - top_b and top_f: x is settled
// forward, y backward, and the paths through that edge number
// sigma_s(x) sigma_t(y). An edge is drawn with probability proportional
// to that product, then each half of the path by walking back along
// predecessors chosen in proportion to their path counts.
func (ps *pathSampler) draw(g *graph.Graph, s, t int, rng *rand.Rand) (sigma float64, ok bool) {
	f, b := ps.fwd, ps.bwd
	f.reset(g, s)
	b.reset(g, t)
	ps.best = math.Inf(1)
	ps.meets, ps.path = ps.meets[:0], ps.path[:0]

	// Settling both roots first records the edge s-t, if any, and makes
	// sure every edge between the two settled sets is recorded.
	ps.settle(g, f, b, false)
	ps.settle(g, b, f, true)
	var tf, tb float64
	for {
		tf, tb = f.top(), b.top()
		if tf+tb > ps.best*(1+stopSlack) || math.IsInf(tf, 1) || math.IsInf(tb, 1) {
			break
		}
		if f.vol <= b.vol {
			ps.settle(g, f, b, false)
		} else {
			ps.settle(g, b, f, true)
		}
	}
	if math.IsInf(ps.best, 1) {
		return 0, false
	}

	// theta lies in (D - top_b, top_f] and in (0, D]; the stopping rule
	// leaves a margin of at least stopSlack D between the two ends.
	lo, hi := max(ps.best-tb, 0), min(tf, ps.best)
	theta := lo + (hi-lo)/2
	ps.cands, ps.weights = ps.cands[:0], ps.weights[:0]
	for k, m := range ps.meets {
		nx, ny := f.node[m.x], b.node[m.y]
		if nx.dist >= theta || f.node[m.y].done && f.node[m.y].dist < theta {
			continue // not the edge where the path crosses theta
		}
		l := nx.dist + 1/g.Edges[m.e].Weight + ny.dist
		if math.Abs(l-ps.best) > tieTolerance*ps.best {
			continue
		}
		ps.cands = append(ps.cands, int32(k))
		ps.weights = append(ps.weights, nx.sigma*ny.sigma)
		sigma += nx.sigma * ny.sigma
	}
	if len(ps.cands) == 0 {
		return 0, false // unreachable: the edge that set best qualifies
	}
	m := ps.meets[ps.cands[pick(rng, ps.weights, sigma)]]
	ps.walkBack(g, f, int(m.x), s, rng)
	slices.Reverse(ps.path)
	ps.walkBack(g, b, int(m.y), t, rng)
	return sigma, true
}

// settle settles the nearest unsettled node of h and relaxes its edges;
// o is the other side. backward tells which side h is, so that meeting
// edges are recorded as (forward end, backward end).
func (ps *pathSampler) settle(g *graph.Graph, h, o *half, backward bool) {
	dv, v := h.heap.pop()
	h.node[v].done = true
	h.vol -= g.Degree(int(v))
	sv := h.node[v].sigma
	nbrs, eids := g.Neighbors(int(v))
	for i, w := range nbrs {
		l := 1 / g.Edges[eids[i]].Weight
		if ow := o.node[w]; !math.IsInf(ow.dist, 1) {
			ps.best = min(ps.best, dv+l+ow.dist)
			if ow.done {
				if backward {
					ps.meets = append(ps.meets, meet{x: w, y: v, e: eids[i]})
				} else {
					ps.meets = append(ps.meets, meet{x: v, y: w, e: eids[i]})
				}
			}
		}
		hw := &h.node[w]
		if hw.done {
			continue
		}
		alt := dv + l
		dw := hw.dist
		switch {
		case math.IsInf(dw, 1):
			h.seen = append(h.seen, w)
			h.vol += g.Degree(int(w))
			fallthrough
		case alt < dw && dw-alt > tieTolerance*dw:
			hw.dist, hw.sigma = alt, sv
			h.heap.push(alt, w)
		case math.Abs(alt-dw) <= tieTolerance*max(alt, dw):
			hw.sigma += sv
		}
	}
}

// walkBack walks from w to the root of h along shortest-path
// predecessors, each chosen with probability sigma(p)/sigma(w), and
// appends the nodes passed, other than the root, to ps.path.
func (ps *pathSampler) walkBack(g *graph.Graph, h *half, w, root int, rng *rand.Rand) {
	for w != root {
		ps.path = append(ps.path, int32(w))
		dw := h.node[w].dist
		nbrs, eids := g.Neighbors(w)
		ps.cands, ps.weights = ps.cands[:0], ps.weights[:0]
		total := 0.0
		for k, p := range nbrs {
			np := h.node[p]
			if !np.done || np.dist >= dw {
				continue
			}
			alt := np.dist + 1/g.Edges[eids[k]].Weight
			if math.Abs(alt-dw) <= tieTolerance*max(alt, dw) {
				ps.cands = append(ps.cands, p)
				ps.weights = append(ps.weights, np.sigma)
				total += np.sigma
			}
		}
		if len(ps.cands) == 0 {
			return // unreachable: the node that set dist[w] qualifies
		}
		w = int(ps.cands[pick(rng, ps.weights, total)])
	}
}

// pick returns an index i drawn with probability weights[i]/total.
func pick(rng *rand.Rand, weights []float64, total float64) int {
	x := rng.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// ApproxHarmonic returns the harmonic centrality of
// [ApproxClosenessHarmonic] and its number of pivots.
func ApproxHarmonic(g *graph.Graph, eps, delta float64, seed uint64) (h []float64, pivots int) {
	_, h, pivots = ApproxClosenessHarmonic(g, eps, delta, seed)
	return h, pivots
}

// ApproxClosenessHarmonic returns estimates of the weighted closeness
// and harmonic centrality of every node (edge length 1/weight), defined
// as in [Centrality] (closeness as networkx's closeness_centrality with
// wf_improved, harmonic unnormalised), and k, the number of pivots drawn
// in each component of more than k nodes:
//
//	k = ceil(ln(2n/delta) / (2 eps^2))
//
// The nodes of a component of at most k nodes get their exact values,
// from a search from each. In a larger component C of r nodes, k pivots
// t_1..t_k are drawn uniformly from C with replacement (Eppstein and
// Wang), one full Dijkstra search from each, and node v of C gets
//
//	S~(v) = (r/k) sum_i d(v, t_i)              (sum of distances in C)
//	closeness~(v) = (r-1)^2 / ((n-1) S~(v))
//	harmonic~(v)  = (r/k) sum_i [t_i != v] / d(v, t_i)
//
// S~(v) and harmonic~(v) are unbiased. By Hoeffding's inequality and a
// union bound over the nodes, with probability at least 1-delta every
// node's mean distance to the others of its component, S~(v)/(r-1),
// the reciprocal of closeness~(v) (r-1)/(n-1), is within
// eps D r/(r-1) of the exact one, D the largest distance in C (its
// weighted diameter); and, with probability at least 1-delta, every
// harmonic~(v) is within eps r w_max <= eps n w_max of the exact value,
// w_max the largest edge weight (1/w_max the shortest edge). When k >= n
// both are exact. eps and delta must be in (0, 1);
// ApproxClosenessHarmonic panics otherwise.
//
// Pivot i of component c is drawn from a PCG source seeded with
// (seed, c<<32 | i); the pivots' contributions are added in a fixed
// grouping, so the result is the same for a seed on every machine.
//
// Reference: D. Eppstein and J. Wang, Fast approximation of centrality,
// J. Graph Algorithms Appl. 8(1), 2004, 39-45, doi:10.7155/jgaa.00081.
func ApproxClosenessHarmonic(g *graph.Graph, eps, delta float64, seed uint64) (closeness, harmonic []float64, pivots int) {
	checkEpsDelta("ApproxClosenessHarmonic", eps, delta)
	n := g.Len()
	if n < 2 {
		return make([]float64, n), make([]float64, n), 0
	}
	k := int(math.Ceil(math.Log(2*float64(n)/delta) / (2 * eps * eps)))
	if k >= n {
		_, closeness, harmonic = ShortestPathCentralities(g)
		return closeness, harmonic, n
	}

	// The members of each component, in node id order; the components of
	// more than k nodes are sampled, the nodes of the others are sources.
	of, sizes := Components(g)
	start := make([]int, len(sizes)+1)
	for c, r := range sizes {
		start[c+1] = start[c] + r
	}
	members := make([]int32, n)
	fill := append([]int(nil), start[:len(sizes)]...)
	for v, c := range of {
		members[fill[c]] = int32(v)
		fill[c]++
	}
	var sampled []int // components
	var sources []int32
	for c, r := range sizes {
		if r > k {
			sampled = append(sampled, c)
		} else if r > 1 {
			sources = append(sources, members[start[c]:start[c+1]]...)
		}
	}

	closeness = make([]float64, n)
	harmonic = make([]float64, n)
	rows := newPathRows(g)
	// Pivot i and source i add to (or write) group i mod parts; the
	// groups are spread over one goroutine per CPU.
	parts := pathWorkers
	sumD := make([][]float64, parts)
	sumH := make([][]float64, parts)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), parts) {
		wg.Go(func() {
			ds := newDistSearch(rows)
			for {
				p := int(next.Add(1)) - 1
				if p >= parts {
					return
				}
				for i := p; i < len(sources); i += parts {
					s := int(sources[i])
					ds.run(s)
					closeness[s], harmonic[s] = ds.closeness(n)
				}
				if len(sampled) == 0 {
					continue
				}
				d, h := make([]float64, n), make([]float64, n)
				for _, c := range sampled {
					in := members[start[c]:start[c+1]]
					for i := p; i < k; i += parts {
						rng := rand.New(rand.NewPCG(seed, uint64(c)<<32|uint64(i)))
						ds.run(int(in[rng.IntN(len(in))]))
						for j, v := range ds.order[1:] {
							x := ds.sdist[j+1]
							d[v] += x
							h[v] += 1 / x
						}
					}
				}
				sumD[p], sumH[p] = d, h
			}
		})
	}
	wg.Wait()

	for _, c := range sampled {
		r := float64(sizes[c])
		scale := r / float64(k)
		for _, v := range members[start[c]:start[c+1]] {
			var d, h float64
			for p := range parts {
				d += sumD[p][v]
				h += sumH[p][v]
			}
			if d > 0 {
				closeness[v] = (r - 1) * (r - 1) / (float64(n-1) * scale * d)
			}
			harmonic[v] = scale * h
		}
	}
	return closeness, harmonic, k
}

// ExactBetweennessBudget is the estimated cost, in units of n m log2(n),
// below which [BetweennessMode] chooses exact betweenness in auto mode:
// about 20 seconds of [ShortestPathCentralities] on two cores.
const ExactBetweennessBudget = 2.5e10

// BetweennessMode decides how betweenness is computed for a graph of n
// nodes and m edges. mode is one of
//
//	auto    exact when n m log2(n) <= ExactBetweennessBudget, else sampled
//	exact   always exact (Brandes)
//	approx  always sampled ([ApproxBetweenness] with eps and delta)
//	off     not computed
//
// It reports whether to compute exact betweenness and a sentence for the
// report saying what is computed and, when sampled, the guarantee. With
// off, or an unknown mode, exact is false and the reason says so: the
// caller tells off and unknown modes apart from approx by mode itself.
func BetweennessMode(n, m int, mode string, eps, delta float64) (exact bool, reason string) {
	cost := float64(n) * float64(m) * math.Log2(float64(max(n, 2)))
	sampled := func(why string) string {
		return fmt.Sprintf("betweenness sampled (%s): every value within %g of the exact one with probability %g (Riondato and Kornaropoulos 2016)",
			why, eps, 1-delta)
	}
	switch mode {
	case "exact":
		return true, "betweenness exact (Brandes), as requested"
	case "approx":
		return false, sampled("as requested")
	case "off":
		return false, "betweenness not computed, as requested"
	case "auto", "":
		if cost <= ExactBetweennessBudget {
			return true, fmt.Sprintf("betweenness exact (Brandes): estimated cost %.2g below the budget %.2g", cost, ExactBetweennessBudget)
		}
		return false, sampled(fmt.Sprintf("estimated exact cost %.2g over the budget %.2g", cost, ExactBetweennessBudget))
	}
	return false, fmt.Sprintf("unknown betweenness mode %q: want auto, exact, approx or off", mode)
}
