package metrics

import (
	"math"

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
	// share[u] is the part of u's rank passed per unit of weight.
	share := make([]float64, n)
	var dangling []int32
	for u := range share {
		if s := g.Strength(u); s > 0 {
			share[u] = 1 / s
		} else {
			dangling = append(dangling, int32(u))
		}
	}

	last := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	tol := float64(n) * 1e-12
	for iter := 0; iter < 1000; iter++ {
		x, last = last, x
		lost := 0.0
		for _, u := range dangling {
			lost += last[u]
		}
		base := (damping*lost + 1 - damping) / float64(n)
		diff := 0.0
		for v := range x {
			sum := 0.0
			nbrs, eids := g.Neighbors(v)
			for i, u := range nbrs {
				sum += last[u] * share[u] * g.Edges[eids[i]].Weight
			}
			x[v] = base + damping*sum
			diff += math.Abs(x[v] - last[v])
		}
		if diff < tol {
			break
		}
	}
	return x
}
