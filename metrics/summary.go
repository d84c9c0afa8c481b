package metrics

import (
	"math"
	"sync"

	"github.com/coauthor/coauthor/graph"
)

// ExactDiameterLimit is the largest size of the largest component whose
// diameters [Summarize] computes exactly, by a search from every node.
// Above it the diameters are lower bounds from repeated double sweeps.
const ExactDiameterLimit = 20000

// sweeps is the number of double sweeps that bound the diameters of a
// component larger than [ExactDiameterLimit].
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
// and edge length 1/weight. Up to [ExactDiameterLimit] nodes they are
// exact, found by a breadth-first or Dijkstra search from every node of
// that component, run on a fixed number of goroutines; above, they are
// the largest eccentricity met in a few double sweeps (search from a node,
// then from the farthest node found, and so on), which is a lower bound,
// and DiameterExact is false.
func Summarize(g *graph.Graph, c *Centrality, p *Partition) Summary {
	n := g.Len()
	s := Summary{Authors: n, Edges: g.EdgeCount()}
	if n == 0 {
		s.DiameterExact = true
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

	s.Diameter, s.WeightedDiameter, s.DiameterExact = diameters(g, of)

	if p != nil {
		s.Modularity = p.Q
		s.Communities = len(p.Sizes)
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

// diameters returns the hop and weighted diameters of component 0 of g
// and whether they are exact.
func diameters(g *graph.Graph, of []int) (hops int, length float64, exact bool) {
	var members []int32
	for u, k := range of {
		if k == 0 {
			members = append(members, int32(u))
		}
	}
	if len(members) > ExactDiameterLimit {
		hops, length = sweepDiameters(g, members)
		return hops, length, false
	}

	// Eccentricity of every member; the maximum does not depend on the
	// order in which the goroutines finish.
	workers := min(pathWorkers, len(members))
	hopMax := make([]int, workers)
	lenMax := make([]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := newEccentricity(g.Len())
			for i := w; i < len(members); i += workers {
				h, _ := e.hops(g, members[i])
				l, _ := e.length(g, members[i])
				hopMax[w] = max(hopMax[w], h)
				lenMax[w] = max(lenMax[w], l)
			}
		}()
	}
	wg.Wait()
	for w := range workers {
		hops = max(hops, hopMax[w])
		length = max(length, lenMax[w])
	}
	return hops, length, true
}

// sweepDiameters returns lower bounds of the hop and weighted diameters of
// the component of members: starting from its node of highest degree,
// each sweep searches from the farthest node the previous search found.
//
// TODO: the iFUB algorithm (Crescenzi et al. 2013) would give the exact
// hop diameter of large components in a few hundred searches at most on
// co-authorship graphs; the double sweep only bounds it from below.
func sweepDiameters(g *graph.Graph, members []int32) (hops int, length float64) {
	start := members[0]
	for _, u := range members {
		if g.Degree(int(u)) > g.Degree(int(start)) {
			start = u
		}
	}
	e := newEccentricity(g.Len())
	u, v := start, start
	for range 2 * sweeps {
		h, far := e.hops(g, u)
		hops = max(hops, h)
		u = far
		l, farL := e.length(g, v)
		length = max(length, l)
		v = farL
	}
	return hops, length
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
