package metrics

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/coauthor/coauthor/graph"
)

// PageRank returns the weighted PageRank of every node, indexed by node
// id, with damping 0.85, as networkx's pagerank(G, weight="weight"): each
// undirected edge is followed both ways, a walker leaves u along an edge
// with probability weight/strength(u), and an isolated author (strength
// 0) sends its rank to all nodes uniformly. The ranks sum to 1.
//
//	PR(v) = (1-d)/n + d (sum_{u~v} PR(u) w_uv/s_u + sum_{s_u=0} PR(u)/n)
//
// Power iteration starts from the uniform vector and stops when the L1
// change is below n*1e-12, or after 1000 iterations. It takes O(n + m)
// memory and time per iteration.
//
// gonum's network.PageRank builds a dense n-by-n matrix, out of the
// question at millions of authors. Its PageRankSparse scales, but needs
// a directed graph, returns a map keyed by node id and starts from a
// vector drawn from the global random generator, so its digits vary from
// run to run; this works on the compressed rows directly and is
// deterministic.
//
// Reference: S. Brin and L. Page, The anatomy of a large-scale
// hypertextual Web search engine, Computer Networks 30, 1998,
// doi:10.1016/S0169-7552(98)00110-X.
func PageRank(g *graph.Graph) []float64 {
	const damping = 0.85
	n := g.Len()
	x := make([]float64, n)
	if n == 0 {
		return x
	}
	share := make([]float64, n)
	var dangling []int32
	for u := range share {
		if s := g.Strength(u); s > 0 {
			share[u] = 1 / s
		} else {
			dangling = append(dangling, int32(u))
		}
	}
	// The weights in row order, so that an iteration reads memory in
	// sequence.
	off := make([]int, n+1)
	w := make([]float64, 0, 2*g.EdgeCount())
	for v := 0; v < n; v++ {
		_, eids := g.Neighbors(v)
		for _, e := range eids {
			w = append(w, g.Edges[e].Weight)
		}
		off[v+1] = len(w)
	}

	last := make([]float64, n)
	y := make([]float64, n) // last[u] / strength(u)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	// Rows are split into a fixed number of chunks, each summing its own
	// change; the chunks are added in order, so the result does not
	// depend on how many run at once.
	chunks := chunkRanges(n, pagerankChunks)
	diffs := make([]float64, len(chunks))
	tol := float64(n) * 1e-12
	for iter := 0; iter < 1000; iter++ {
		x, last = last, x
		lost := 0.0
		for _, u := range dangling {
			lost += last[u]
		}
		for u := range y {
			y[u] = last[u] * share[u]
		}
		base := (damping*lost + 1 - damping) / float64(n)
		parallelChunks(len(chunks), func(c int) {
			diff := 0.0
			for v := chunks[c][0]; v < chunks[c][1]; v++ {
				sum := 0.0
				nbrs, _ := g.Neighbors(v)
				ws := w[off[v]:off[v+1]]
				for i, u := range nbrs {
					sum += y[u] * ws[i]
				}
				x[v] = base + damping*sum
				diff += math.Abs(x[v] - last[v])
			}
			diffs[c] = diff
		})
		diff := 0.0
		for _, d := range diffs {
			diff += d
		}
		if diff < tol {
			break
		}
	}
	return x
}

// pagerankChunks is the number of row ranges an iteration is split into.
const pagerankChunks = 16

// chunkRanges splits [0, n) into at most k contiguous ranges.
func chunkRanges(n, k int) [][2]int {
	var out [][2]int
	for c := 0; c < k; c++ {
		lo, hi := c*n/k, (c+1)*n/k
		if lo < hi {
			out = append(out, [2]int{lo, hi})
		}
	}
	return out
}

// parallelChunks runs f(0), ..., f(k-1) on up to GOMAXPROCS goroutines.
func parallelChunks(k int, f func(c int)) {
	workers := min(runtime.GOMAXPROCS(0), k)
	if workers <= 1 {
		for c := 0; c < k; c++ {
			f(c)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := int(next.Add(1) - 1); c < k; c = int(next.Add(1) - 1) {
				f(c)
			}
		}()
	}
	wg.Wait()
}
