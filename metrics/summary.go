package metrics

import (
	"math"
	"sync"

	"github.com/coauthor/coauthor/graph"
)

// ExactDiameterLimit is the largest size of the largest component whose
// hop diameter [Summarize] computes exactly, by a breadth-first search
// from every node (about 15 s of CPU at 20k nodes and 80k edges). Above
// it the hop diameter is a lower bound from repeated double sweeps.
const ExactDiameterLimit = 20000

// ExactWeightedDiameterLimit is the same for the weighted diameter, whose
// Dijkstra searches cost about five times as much as breadth-first ones.
const ExactWeightedDiameterLimit = 5000

// sweeps is the number of double sweeps that bound a diameter of a
// component above its exact limit.
const sweeps = 4

// Summarize returns the network summary of g. c and p may be nil: without
// c the components and clustering are computed here, and without p
// Modularity and Communities are zero. Papers, Topics, TruncatedPapers and
// the Skipped fields are left for the caller.
//
//	density            2m / (n (n-1)), 0 when n < 2
//	average_clustering mean of the local clustering over all nodes, zeros
//	                   included, as networkx's average_clustering(G)
//	transitivity       3 triangles / connected triples, as networkx's
//	                   transitivity(G); 0 without triples
//
// The diameters are taken in the largest component (component 0): hops,
// and edge length 1/weight. Up to [ExactDiameterLimit] nodes (hops) and
// [ExactWeightedDiameterLimit] nodes (weighted) they are exact, found by a
// breadth-first or Dijkstra search from every node of that component, run
// on a fixed number of goroutines; above, they are the largest
// eccentricity met in a few double sweeps (search from a node, then from
// the farthest node found, and so on), which is a lower bound, and
// DiameterExact or WeightedDiameterExact is false.
func Summarize(g *graph.Graph, c *Centrality, p *Partition) Summary {
	n := g.Len()
	s := Summary{Authors: n, Edges: g.EdgeCount()}
	if n == 0 {
		s.DiameterExact, s.WeightedDiameterExact = true, true
		return s
	}

	var of []int
	var clustering []float64
	if c != nil && len(c.Component) == n && len(c.Clustering) == n {
		of, clustering = c.Component, c.Clustering
	} else {
		of, _ = Components(g)
		clustering = Clustering(g)
	}
	for _, k := range of {
		s.Components = max(s.Components, k+1)
		if k == 0 {
			s.LargestComponent++
		}
	}
	for _, e := range g.Edges {
		if of[e.U] == 0 {
			s.LargestComponentEdges++
		}
	}

	if n >= 2 {
		s.Density = 2 * float64(s.Edges) / (float64(n) * float64(n-1))
	}
	s.AverageClustering = floatSumOrdered(clustering) / float64(n)
	_, s.Triangles = Triangles(g)
	var triples int64
	for u := 0; u < n; u++ {
		k := int64(g.Degree(u))
		triples += k * (k - 1) / 2
	}
	if triples > 0 {
		s.Transitivity = 3 * float64(s.Triangles) / float64(triples)
	}

	// The two diameters are independent searches: one on each core.
	var wg sync.WaitGroup
	wg.Go(func() { s.Diameter, s.DiameterExact = hopDiameter(g, of) })
	s.WeightedDiameter, s.WeightedDiameterExact = weightedDiameter(g, of)
	wg.Wait()

	if p != nil {
		s.Communities = len(p.Sizes)
		s.CommunityMethod = p.Method
		s.CommunityQuality = p.Quality
		s.Modularity = p.Q
		if p.Quality == "cpm" {
			// Q holds the CPM quality; modularity is still reported, at
			// resolution 1, so that partitions can be compared.
			s.CPM = p.Q
			s.Modularity = Modularity(g, p.Of, 1)
		}
	}
	return s
}

func floatSumOrdered(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum
}

// hopDiameter returns the diameter in hops of component 0 of g and
// whether it is exact.
func hopDiameter(g *graph.Graph, of []int) (int, bool) {
	members := largest(of)
	if len(members) > ExactDiameterLimit {
		return sweepHops(g, members), false
	}
	ecc := eccentricities(g, members, func(e *eccentricity, u int32) float64 {
		h, _ := e.hops(g, u)
		return float64(h)
	})
	return int(ecc), true
}

// weightedDiameter returns the diameter of component 0 of g with edge
// length 1/weight and whether it is exact.
func weightedDiameter(g *graph.Graph, of []int) (float64, bool) {
	members := largest(of)
	if len(members) > ExactWeightedDiameterLimit {
		return sweepLength(g, members), false
	}
	ecc := eccentricities(g, members, func(e *eccentricity, u int32) float64 {
		l, _ := e.length(g, u)
		return l
	})
	return ecc, true
}

// largest returns the members of component 0 in id order.
func largest(of []int) []int32 {
	var members []int32
	for u, k := range of {
		if k == 0 {
			members = append(members, int32(u))
		}
	}
	return members
}

// eccentricities returns the largest ecc(u) over members, computed on a
// fixed number of goroutines; a maximum does not depend on the order in
// which they finish.
func eccentricities(g *graph.Graph, members []int32,
	ecc func(e *eccentricity, u int32) float64) float64 {
	workers := min(pathWorkers, len(members))
	most := make([]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := newEccentricity(g.Len())
			for i := w; i < len(members); i += workers {
				most[w] = max(most[w], ecc(e, members[i]))
			}
		}()
	}
	wg.Wait()
	m := 0.0
	for _, x := range most {
		m = max(m, x)
	}
	return m
}

// sweepHops and sweepLength return lower bounds of the hop and weighted
// diameters of the component of members: starting from its node of
// highest degree, each sweep searches from the farthest node the previous
// search found.
//
// TODO: the iFUB algorithm (Crescenzi et al. 2013) would give the exact
// hop diameter of large components in a few hundred searches at most on
// co-authorship graphs; the double sweep only bounds it from below.
func sweepHops(g *graph.Graph, members []int32) (hops int) {
	e := newEccentricity(g.Len())
	u := sweepStart(g, members)
	for range 2 * sweeps {
		h, far := e.hops(g, u)
		hops = max(hops, h)
		u = far
	}
	return hops
}

// sweepLength is sweepHops for the weighted diameter.
func sweepLength(g *graph.Graph, members []int32) (length float64) {
	e := newEccentricity(g.Len())
	v := sweepStart(g, members)
	for range 2 * sweeps {
		l, far := e.length(g, v)
		length = max(length, l)
		v = far
	}
	return length
}

// sweepStart returns the first member of highest degree.
func sweepStart(g *graph.Graph, members []int32) int32 {
	start := members[0]
	for _, u := range members {
		if g.Degree(int(u)) > g.Degree(int(start)) {
			start = u
		}
	}
	return start
}

// eccentricity holds the buffers of repeated single-source searches.
type eccentricity struct {
	level []int32
	dist  []float64
	done  []bool
	seen  []int32
	heap  distHeap
}

func newEccentricity(n int) *eccentricity {
	e := &eccentricity{
		level: make([]int32, n),
		dist:  make([]float64, n),
		done:  make([]bool, n),
	}
	for i := range e.level {
		e.level[i] = -1
		e.dist[i] = math.Inf(1)
	}
	return e
}

// hops returns the largest number of hops from src to a node it reaches
// and the first such node found.
func (e *eccentricity) hops(g *graph.Graph, src int32) (int, int32) {
	e.seen = append(e.seen[:0], src)
	e.level[src] = 0
	for i := 0; i < len(e.seen); i++ {
		u := e.seen[i]
		nbrs, _ := g.Neighbors(int(u))
		for _, v := range nbrs {
			if e.level[v] < 0 {
				e.level[v] = e.level[u] + 1
				e.seen = append(e.seen, v)
			}
		}
	}
	far := e.seen[len(e.seen)-1]
	ecc := int(e.level[far])
	for _, u := range e.seen {
		e.level[u] = -1
	}
	return ecc, far
}

// length returns the largest distance (edge length 1/weight) from src to
// a node it reaches and that node.
func (e *eccentricity) length(g *graph.Graph, src int32) (float64, int32) {
	e.seen = e.seen[:0]
	e.dist[src] = 0
	e.heap.push(0, src)
	for len(e.heap) > 0 {
		d, u := e.heap.pop()
		if e.done[u] {
			continue
		}
		e.done[u] = true
		e.seen = append(e.seen, u)
		nbrs, eids := g.Neighbors(int(u))
		for i, v := range nbrs {
			if alt := d + 1/g.Edges[eids[i]].Weight; !e.done[v] && alt < e.dist[v] {
				e.dist[v] = alt
				e.heap.push(alt, v)
			}
		}
	}
	far := e.seen[len(e.seen)-1]
	ecc := e.dist[far]
	for _, u := range e.seen {
		e.dist[u] = math.Inf(1)
		e.done[u] = false
	}
	return ecc, far
}
