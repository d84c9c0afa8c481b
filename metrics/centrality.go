package metrics

import (
	"fmt"
	"math"
	"sort"

	"github.com/coauthor/coauthor/graph"
)

// Centralities returns every per-author measure of g, each slice indexed
// by node id. See [Centrality] for the definition of each field.
//
// Betweenness, closeness and harmonic centrality come from one weighted
// shortest-path search per node (see [ShortestPathCentralities]); their
// cost is O(n m log n) time, which bounds them to graphs of tens of
// thousands of authors. The other measures take O(m) or O(m^1.5) time
// per pass.
func Centralities(g *graph.Graph) *Centrality {
	c := basicCentralities(g)
	c.Betweenness, c.Closeness, c.Harmonic = ShortestPathCentralities(g)
	return c
}

// PathOptions say how the shortest-path measures (betweenness, closeness,
// harmonic centrality) are computed by [CentralitiesWith].
type PathOptions struct {
	// Mode is auto, exact, approx or off (see [BetweennessMode]); "" is
	// auto.
	Mode string

	// Eps and Delta bound the error of the sampled measures: every value
	// within Eps of the exact one with probability 1-Delta. Zero means
	// 0.05 and 0.1.
	Eps, Delta float64

	// Seed seeds the sampling.
	Seed uint64
}

// maxHarmonicPivots bounds the full shortest-path searches of sampled
// closeness and harmonic centrality in a component; the error bound
// stated grows as their number falls.
const maxHarmonicPivots = 256

// CentralitiesWith is [Centralities] with the shortest-path measures
// computed as opt says: exactly, or, above the budget of [BetweennessMode]
// or when asked, betweenness by [ApproxBetweenness] and closeness and
// harmonic centrality by [ApproxClosenessHarmonic], or none of them with
// off. It returns the measures and a sentence saying how the path
// measures were computed, with the error bound when sampled.
func CentralitiesWith(g *graph.Graph, opt PathOptions) (*Centrality, string) {
	if opt.Mode == "" {
		opt.Mode = "auto"
	}
	if opt.Eps == 0 {
		opt.Eps = 0.05
	}
	if opt.Delta == 0 {
		opt.Delta = 0.1
	}
	exact, reason := BetweennessMode(g.Len(), g.EdgeCount(), opt.Mode, opt.Eps, opt.Delta)
	c := basicCentralities(g)
	switch {
	case exact:
		c.Betweenness, c.Closeness, c.Harmonic = ShortestPathCentralities(g)
	case opt.Mode == "off":
	default:
		var samples, pivots int
		c.Betweenness, samples = ApproxBetweenness(g, opt.Eps, opt.Delta, opt.Seed)
		// Each pivot is a full search: at most maxHarmonicPivots of them
		// in a component, with the bound they give.
		epsH := max(opt.Eps, math.Sqrt(math.Log(2*float64(g.Len())/opt.Delta)/(2*maxHarmonicPivots)))
		c.Closeness, c.Harmonic, pivots = ApproxClosenessHarmonic(g, epsH, opt.Delta, opt.Seed)
		if pivots >= g.Len() {
			reason = fmt.Sprintf("%s; %d sampled shortest paths; closeness and harmonic centrality exact "+
				"(a bound of %.3g would take as many pivots as there are authors)", reason, samples, epsH)
			break
		}
		reason = fmt.Sprintf("%s; %d sampled shortest paths; closeness and harmonic centrality from %d random pivots "+
			"in each component of more authors, exact in the others (with probability %g each: every author's mean distance "+
			"to its component within %.3g times the component's weighted diameter, every harmonic value within %.3g·n·w_max)",
			reason, samples, pivots, 1-opt.Delta, epsH, epsH)
	}
	return c, reason
}

// basicCentralities returns every measure but the shortest-path ones.
func basicCentralities(g *graph.Graph) *Centrality {
	n := g.Len()
	c := &Centrality{
		Degree:   make([]int, n),
		Strength: make([]float64, n),
	}
	for u := 0; u < n; u++ {
		c.Degree[u] = g.Degree(u)
		c.Strength[u] = g.Strength(u)
	}
	c.Component, _ = Components(g)
	c.Core = CoreNumbers(g)
	c.Clustering = Clustering(g)
	c.Eigenvector = Eigenvector(g)
	c.PageRank = PageRank(g)
	return c
}

// Components returns the connected component of every node and the size
// of every component. Components are numbered from 0 by decreasing size,
// ties broken by the smallest node id in the component; an isolated
// author is a component of its own.
func Components(g *graph.Graph) (of, sizes []int) {
	n := g.Len()
	of = make([]int, n)
	for i := range of {
		of[i] = -1
	}
	// Label by breadth-first search from nodes in id order, so that the
	// label order is the order of smallest members.
	queue := make([]int32, 0, 64)
	var found []int
	for s := 0; s < n; s++ {
		if of[s] >= 0 {
			continue
		}
		label := len(found)
		of[s] = label
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			nbrs, _ := g.Neighbors(int(queue[i]))
			for _, v := range nbrs {
				if of[v] < 0 {
					of[v] = label
					queue = append(queue, v)
				}
			}
		}
		found = append(found, len(queue))
	}

	// Renumber by decreasing size; the stable sort keeps the order of
	// smallest members among components of equal size.
	order := make([]int, len(found))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return found[order[i]] > found[order[j]] })
	rank := make([]int, len(found))
	sizes = make([]int, len(found))
	for r, label := range order {
		rank[label] = r
		sizes[r] = found[label]
	}
	for u := range of {
		of[u] = rank[of[u]]
	}
	return of, sizes
}

// CoreNumbers returns the k-core number of every node: the largest k such
// that the node belongs to a subgraph in which every node has degree at
// least k. Weights are ignored. It runs in O(n + m) time.
//
// Reference: V. Batagelj and M. Zaversnik, An O(m) Algorithm for Cores
// Decomposition of Networks, 2003, arXiv:cs/0310049.
func CoreNumbers(g *graph.Graph) []int {
	n := g.Len()
	deg := make([]int, n)
	maxDeg := 0
	for u := range deg {
		deg[u] = g.Degree(u)
		maxDeg = max(maxDeg, deg[u])
	}

	// Bucket sort the nodes by degree: vert holds them in order, pos[u]
	// is u's place in vert and bin[d] the start of degree d's block.
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := 1; d < len(bin); d++ {
		bin[d] += bin[d-1]
	}
	vert := make([]int32, n)
	pos := make([]int, n)
	next := append([]int(nil), bin...)
	for u, d := range deg {
		pos[u] = next[d]
		vert[pos[u]] = int32(u)
		next[d]++
	}

	// Peel nodes in order of current degree; lowering a neighbour's
	// degree moves it to the front of its block and shifts the block.
	for i := 0; i < n; i++ {
		u := vert[i]
		nbrs, _ := g.Neighbors(int(u))
		for _, v := range nbrs {
			dv := deg[v]
			if dv <= deg[u] {
				continue
			}
			pv, pw := pos[v], bin[dv]
			w := vert[pw]
			if w != v {
				vert[pv], vert[pw] = w, v
				pos[v], pos[w] = pw, pv
			}
			bin[dv]++
			deg[v]--
		}
	}
	return deg
}

// Triangles returns the number of triangles through every node and the
// total number of triangles in g. Weights are ignored. Each triangle is
// found once by orienting edges from lower to higher (degree, id) rank,
// which takes O(m^1.5) time at worst.
func Triangles(g *graph.Graph) (per []int64, total int64) {
	n := g.Len()
	per = make([]int64, n)
	higher := func(u, v int32) bool {
		du, dv := g.Degree(int(u)), g.Degree(int(v))
		return du < dv || du == dv && u < v
	}

	// out[off[u]:off[u+1]] are u's neighbours of higher rank.
	off := make([]int, n+1)
	for u := 0; u < n; u++ {
		nbrs, _ := g.Neighbors(u)
		for _, v := range nbrs {
			if higher(int32(u), v) {
				off[u+1]++
			}
		}
		off[u+1] += off[u]
	}
	out := make([]int32, off[n])
	for u := 0; u < n; u++ {
		nbrs, _ := g.Neighbors(u)
		k := off[u]
		for _, v := range nbrs {
			if higher(int32(u), v) {
				out[k] = v
				k++
			}
		}
	}

	mark := make([]bool, n)
	for u := 0; u < n; u++ {
		ou := out[off[u]:off[u+1]]
		for _, v := range ou {
			mark[v] = true
		}
		for _, v := range ou {
			for _, w := range out[off[v]:off[v+1]] {
				if mark[w] {
					per[u]++
					per[v]++
					per[w]++
					total++
				}
			}
		}
		for _, v := range ou {
			mark[v] = false
		}
	}
	return per, total
}

// Clustering returns the local clustering coefficient of every node, the
// fraction of pairs of its neighbours that are adjacent, as networkx's
// clustering(G) without weights. It is 0 for nodes of degree below 2.
//
//	C(u) = 2 T(u) / (k_u (k_u - 1))
func Clustering(g *graph.Graph) []float64 {
	per, _ := Triangles(g)
	return clusteringFrom(g, per)
}

func clusteringFrom(g *graph.Graph, per []int64) []float64 {
	c := make([]float64, g.Len())
	for u := range c {
		k := float64(g.Degree(u))
		if k >= 2 {
			c[u] = 2 * float64(per[u]) / (k * (k - 1))
		}
	}
	return c
}

// Eigenvector returns the weighted eigenvector centrality of every node,
// scaled to unit Euclidean norm, as networkx's
// eigenvector_centrality(G, weight="weight").
//
// It is computed by power iteration on A + I (A the weighted adjacency
// matrix) from the uniform vector, which has the same leading eigenvector
// as A and does not oscillate on bipartite graphs. Iteration stops when
// the L1 change of the normalised vector is below n*1e-12, or after
// 10000 iterations.
//
// On a disconnected graph the result is where the same iteration leads,
// as in networkx: the component(s) with the largest leading eigenvalue
// take the weight, and the entries of the other components tend to zero
// (isolated authors among them). A graph without edges gives every node
// 1/sqrt(n). An empty graph gives an empty slice.
//
// TODO: when two components share the largest leading eigenvalue, or
// their eigenvalues are close, the split between them depends on the
// start vector and convergence is slow; per-component vectors would be
// better defined, but would not match networkx.
func Eigenvector(g *graph.Graph) []float64 {
	n := g.Len()
	x := make([]float64, n)
	if n == 0 {
		return x
	}
	last := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	tol := float64(n) * 1e-12
	for iter := 0; iter < 10000; iter++ {
		copy(last, x)
		for _, e := range g.Edges {
			x[e.V] += last[e.U] * e.Weight
			x[e.U] += last[e.V] * e.Weight
		}
		norm := 0.0
		for _, v := range x {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		diff := 0.0
		for i := range x {
			x[i] /= norm
			diff += math.Abs(x[i] - last[i])
		}
		if diff < tol {
			break
		}
	}
	return x
}
