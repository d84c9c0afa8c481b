package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

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
// u != v, uniformly; for each, search from u with Dijkstra's algorithm
// until v is settled and pick one shortest u-v path uniformly among all
// of them, walking back from v and choosing each predecessor p of w with
// probability sigma(p)/sigma(w); every interior node of the path scores
// 1. The fraction of samples in which v scores estimates
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
// O(r (m + n log n)) in the worst case, usually much less since each
// search stops at its target; memory is O(n + m) per goroutine.
//
// Reference: M. Riondato and E. M. Kornaropoulos, Fast approximation of
// betweenness centrality through sampling, Data Min. Knowl. Disc. 30(2),
// 2016, 438-475, doi:10.1007/s10618-015-0423-0.
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

// pathSampler draws shortest paths and counts how often each node is
// interior to one.
type pathSampler struct {
	*dijkstra
	hits  []int32
	cands []int32
}

func newPathSampler(n int) *pathSampler {
	return &pathSampler{dijkstra: newDijkstra(n), hits: make([]int32, n)}
}

// sample draws sample number i of the run seeded with seed.
func (ps *pathSampler) sample(g *graph.Graph, seed, i uint64) {
	rng := rand.New(rand.NewPCG(seed, i))
	n := g.Len()
	u := rng.IntN(n)
	v := rng.IntN(n - 1)
	if v >= u {
		v++
	}
	ps.run(g, u, v)
	if !ps.done[v] {
		return // v is not reachable from u: no path, no score
	}
	// Walk back from v, choosing predecessors in proportion to their
	// path counts.
	for w := v; ; {
		nbrs, eids := g.Neighbors(w)
		ps.cands = ps.cands[:0]
		total := 0.0
		for k, p := range nbrs {
			if !ps.done[p] {
				continue
			}
			alt := ps.dist[p] + 1/g.Edges[eids[k]].Weight
			if ps.dist[p] < ps.dist[w] && math.Abs(alt-ps.dist[w]) <= tieTolerance*max(alt, ps.dist[w]) {
				ps.cands = append(ps.cands, p)
				total += ps.sigma[p]
			}
		}
		if len(ps.cands) == 0 {
			return // unreachable: the node that set dist[w] qualifies
		}
		x := rng.Float64() * total
		p := ps.cands[len(ps.cands)-1]
		for _, c := range ps.cands {
			if x < ps.sigma[c] {
				p = c
				break
			}
			x -= ps.sigma[c]
		}
		if int(p) == u {
			return
		}
		ps.hits[p]++
		w = int(p)
	}
}

// ApproxHarmonic returns an estimate of the weighted harmonic centrality
// of every node (edge length 1/weight), unnormalised as in [Centrality]
// and networkx's harmonic_centrality, and the number of pivots used.
//
// It averages the distances from k pivots drawn uniformly with
// replacement (Eppstein and Wang): with one full Dijkstra search per
// pivot t, node v's estimate is
//
//	H~(v) = (n/k) sum_i [t_i != v] / d(v, t_i)
//
// which is unbiased. Each term lies in [0, n wmax], wmax the largest edge
// weight (1/wmax the shortest edge), so by Hoeffding's inequality and a
// union bound over the n nodes, with
//
//	k = ceil(ln(2n/delta) / (2 eps^2))
//
// pivots every estimate satisfies, with probability at least 1-delta,
//
//	|H~(v) - H(v)| <= eps n wmax  for all v at once,
//
// that is, an error of at most eps on H(v)/(n wmax), which is at most 1.
// When k >= n every node is a pivot once and the result is exact. eps
// and delta must be in (0, 1); ApproxHarmonic panics otherwise.
//
// Pivot i is drawn from a PCG source seeded with (seed, i); the pivots'
// contributions are added in a fixed grouping, so the result is the same
// for a seed on every machine.
//
// Reference: D. Eppstein and J. Wang, Fast approximation of centrality,
// J. Graph Algorithms Appl. 8(1), 2004, 39-45, doi:10.7155/jgaa.00081.
func ApproxHarmonic(g *graph.Graph, eps, delta float64, seed uint64) (h []float64, pivots int) {
	checkEpsDelta("ApproxHarmonic", eps, delta)
	n := g.Len()
	if n < 2 {
		return make([]float64, n), 0
	}
	k := int(math.Ceil(math.Log(2*float64(n)/delta) / (2 * eps * eps)))
	if k >= n {
		_, _, h = ShortestPathCentralities(g)
		return h, n
	}

	partial := make([][]float64, pathWorkers)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for b := 0; b < pathWorkers; b++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			ds := newDijkstra(n)
			sum := make([]float64, n)
			for i := b; i < k; i += pathWorkers {
				t := rand.New(rand.NewPCG(seed, uint64(i))).IntN(n)
				ds.run(g, t, -1)
				for _, v := range ds.order[1:] {
					sum[v] += 1 / ds.dist[v]
				}
			}
			partial[b] = sum
		}()
	}
	wg.Wait()

	h = make([]float64, n)
	scale := float64(n) / float64(k)
	for _, p := range partial {
		for v, x := range p {
			h[v] += x
		}
	}
	for v := range h {
		h[v] *= scale
	}
	return h, k
}

// ExactBetweennessBudget is the estimated cost, in units of n m log2(n),
// below which [BetweennessMode] chooses exact betweenness in auto mode:
// about a minute of [ShortestPathCentralities] on two cores.
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
