package metrics

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/coauthor/coauthor/graph"
)

// Brokerage returns Burt's structural-hole measures of every author,
// each slice indexed by node id: the effective size of the author's
// network, its efficiency (effective size per co-author) and the
// author's constraint. All three read tie weights. An isolated author
// has none of them: its three values are NaN.
//
// With p_ij = w_ij / sum_k w_ik the share of i's tie strength spent on
// j, and m_jk = w_jk / max_l w_jl the strength of j's tie to k relative
// to j's strongest tie, the measures of i, whose co-authors are N(i), are
//
//	effective size  E_i = sum_{j in N(i)} (1 - sum_{q in N(i)} p_iq m_jq)
//	efficiency          = E_i / |N(i)|
//	constraint      C_i = sum_{j in N(i)} (p_ij + sum_{q in N(i)} p_iq p_qj)^2
//
// On an unweighted graph E_i reduces to Borgatti's n - 2t/n, n the
// number of co-authors and t the ties among them. The effective size and
// constraint are those of networkx's effective_size(G, weight="weight")
// and constraint(G, weight="weight"). Ties of weight zero or less count
// as absent ties.
//
// The cost is O(sum of deg^2) time and O(n) memory beyond the result.
//
// References: R. S. Burt, Structural Holes: The Social Structure of
// Competition, Harvard University Press, 1992; S. P. Borgatti,
// Structural holes: unpacking Burt's redundancy measures, Connections
// 20(1), 35-38, 1997.
func Brokerage(g *graph.Graph) (effSize, efficiency, constraint []float64) {
	n := g.Len()
	effSize = make([]float64, n)
	efficiency = make([]float64, n)
	constraint = make([]float64, n)

	// strength[u] and maxW[u] are the sum and the largest of u's
	// positive tie weights.
	strength := make([]float64, n)
	maxW := make([]float64, n)
	for u := 0; u < n; u++ {
		_, es := g.Neighbors(u)
		for _, e := range es {
			if w := g.Edges[e].Weight; w > 0 {
				strength[u] += w
				maxW[u] = max(maxW[u], w)
			}
		}
	}

	// Authors are taken in ranges by each core; an author's values do
	// not depend on which, nor on how many cores there are.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n/brokerageRange+1) {
		wg.Go(func() {
			// share[q] is p_iq for the co-authors q of the current
			// author i and zero elsewhere; indirect[j] gathers
			// sum_q p_iq p_qj.
			share := make([]float64, n)
			indirect := make([]float64, n)
			for {
				lo := int(next.Add(brokerageRange)) - brokerageRange
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+brokerageRange, n); i++ {
					brokerage(g, i, strength, maxW, share, indirect, effSize, efficiency, constraint)
				}
			}
		})
	}
	wg.Wait()
	return effSize, efficiency, constraint
}

// brokerageRange is the number of authors a core takes at a time in
// [Brokerage].
const brokerageRange = 1024

// brokerage sets the three measures of author i, share and indirect
// zero on entry and left so.
func brokerage(g *graph.Graph, i int, strength, maxW, share, indirect, effSize, efficiency, constraint []float64) {
	if strength[i] == 0 {
		nan := math.NaN()
		effSize[i], efficiency[i], constraint[i] = nan, nan, nan
		return
	}
	nbrs, es := g.Neighbors(i)
	deg := 0
	for k, j := range nbrs {
		if w := g.Edges[es[k]].Weight; w > 0 {
			share[j] = w / strength[i]
			deg++
		}
	}

	eff := 0.0
	for _, j := range nbrs {
		if share[j] == 0 {
			continue
		}
		// Walk j's ties once for both the redundancy of j and
		// the indirect constraint through j.
		redundancy := 0.0
		jn, je := g.Neighbors(int(j))
		for k, q := range jn {
			w := g.Edges[je[k]].Weight
			if w <= 0 || share[q] == 0 {
				continue
			}
			redundancy += share[q] * w / maxW[j]
			indirect[q] += share[j] * w / strength[j]
		}
		eff += 1 - redundancy
	}

	c := 0.0
	for _, j := range nbrs {
		if share[j] == 0 {
			continue
		}
		x := share[j] + indirect[j]
		c += x * x
	}
	for _, j := range nbrs {
		share[j], indirect[j] = 0, 0
	}
	effSize[i] = eff
	efficiency[i] = eff / float64(deg)
	constraint[i] = c
}

// BrokeredPairs returns the pairs of ego's co-authors that only ego
// connects: the two are not co-authors and have no co-author in common
// other than ego. Each pair is ordered by node id. Pairs are sorted by
// decreasing weight of the weaker of their two ties to ego, then of the
// stronger, then by node ids; the strongest brokered pairs come first.
//
// The cost is O(sum over ego's co-authors of their second-neighbourhood
// size + k^2), k the number of co-authors. BrokeredPairs panics if ego
// is not a node of g.
func BrokeredPairs(g *graph.Graph, ego int) [][2]int {
	if ego < 0 || ego >= g.Len() {
		panic("metrics: BrokeredPairs of a node not in the graph")
	}
	alters, _ := g.Neighbors(ego)
	tie := make(map[int]float64, len(alters))
	for _, a := range alters {
		tie[int(a)] = g.Edges[g.EdgeID(ego, int(a))].Weight
	}

	// near[v] == a+1 when v is within two steps of alter a without
	// passing through ego.
	near := make([]int32, g.Len())
	var pairs [][2]int
	for _, a := range alters {
		mark := a + 1
		an, _ := g.Neighbors(int(a))
		for _, v := range an {
			if int(v) == ego {
				continue
			}
			near[v] = mark
			vn, _ := g.Neighbors(int(v))
			for _, x := range vn {
				if int(x) != ego {
					near[x] = mark
				}
			}
		}
		for _, b := range alters {
			if b > a && near[b] != mark {
				pairs = append(pairs, [2]int{int(a), int(b)})
			}
		}
	}

	sort.SliceStable(pairs, func(i, j int) bool {
		wi0, wi1 := minMax(tie[pairs[i][0]], tie[pairs[i][1]])
		wj0, wj1 := minMax(tie[pairs[j][0]], tie[pairs[j][1]])
		if wi0 != wj0 {
			return wi0 > wj0
		}
		return wi1 > wj1
	})
	return pairs
}

// minMax returns the smaller and the larger of x and y.
func minMax(x, y float64) (float64, float64) {
	if x < y {
		return x, y
	}
	return y, x
}
