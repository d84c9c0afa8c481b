package graph

import (
	"sort"
)

// Author is the data held on a node.
type Author struct {
	Key          string   // identity key of the person
	Name         string   // display name
	Papers       int      // papers counted for the author after filters
	FirstYear    int      // zero when unknown
	LastYear     int      // zero when unknown
	Affiliations []string // distinct affiliations, sorted
	IDs          []string // identifiers (orcid:..., dblp:...), sorted
	Variants     []string // spellings merged into the person, sorted
}

// Edge is an undirected edge with U < V.
type Edge struct {
	U, V   int32
	Weight float64 // tie strength under the counting scheme
	Joint  int32   // number of papers the two share
}

// Paper is the data the graph keeps of a paper it was built from.
type Paper struct {
	Index   int // index of the paper in the slice given to Build
	ID      string
	Title   string
	Year    int
	Authors []int32 // node ids in author order, duplicates removed
}

// Graph is an undirected weighted graph in compressed sparse row form.
// Node ids are 0..Len()-1, assigned in the order of Authors.
type Graph struct {
	Authors []Author
	Edges   []Edge // sorted by (U, V)
	Papers  []Paper

	// off[u]..off[u+1] is the range of u's neighbours in nbr and eid,
	// sorted by neighbour id.
	off []int
	nbr []int32
	eid []int32 // index into Edges

	// edgePapers[paperOff[e]:paperOff[e+1]] lists the indices into
	// Papers of edge e's papers: one array rather than a slice per edge,
	// which would cost 24 bytes an edge. Both are nil when the graph was
	// not built from papers.
	paperOff   []int32
	edgePapers []int32

	// Notes describe how the graph was made: counting scheme, filters,
	// treatment of duplicates and self-loops. They go into reports.
	Notes []string
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.Authors) }

// EdgeCount returns the number of edges.
func (g *Graph) EdgeCount() int { return len(g.Edges) }

// Neighbors returns u's neighbours in increasing order and the ids of
// the edges to them. The slices are shared with the graph: do not modify.
func (g *Graph) Neighbors(u int) (nbrs, edges []int32) {
	return g.nbr[g.off[u]:g.off[u+1]], g.eid[g.off[u]:g.off[u+1]]
}

// Degree returns the number of u's neighbours.
func (g *Graph) Degree(u int) int { return g.off[u+1] - g.off[u] }

// Strength returns the sum of the weights of u's edges.
func (g *Graph) Strength(u int) float64 {
	s := 0.0
	for _, e := range g.eid[g.off[u]:g.off[u+1]] {
		s += g.Edges[e].Weight
	}
	return s
}

// EdgeID returns the index in Edges of the edge between u and v, or -1.
func (g *Graph) EdgeID(u, v int) int {
	ns := g.nbr[g.off[u]:g.off[u+1]]
	i := sort.Search(len(ns), func(i int) bool { return ns[i] >= int32(v) })
	if i < len(ns) && ns[i] == int32(v) {
		return int(g.eid[g.off[u]+i])
	}
	return -1
}

// EdgePapers returns the indices into Papers of the papers that made edge
// e, in increasing order; nil when the graph has no papers.
func (g *Graph) EdgePapers(e int) []int32 {
	if g.edgePapers == nil {
		return nil
	}
	return g.edgePapers[g.paperOff[e]:g.paperOff[e+1]:g.paperOff[e+1]]
}

// New returns a graph of the given authors and edges. Edges need not be
// sorted and may list a pair in either order; a pair given twice has its
// weights and joint counts added; self-loops are dropped. New returns the
// number of duplicate pairs merged and self-loops dropped.
func New(authors []Author, edges []Edge) (g *Graph, dups, loops int) {
	es := make([]Edge, 0, len(edges))
	for _, e := range edges {
		if e.U == e.V {
			loops++
			continue
		}
		if e.U > e.V {
			e.U, e.V = e.V, e.U
		}
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].U != es[j].U {
			return es[i].U < es[j].U
		}
		return es[i].V < es[j].V
	})
	out := es[:0]
	for _, e := range es {
		if n := len(out); n > 0 && out[n-1].U == e.U && out[n-1].V == e.V {
			out[n-1].Weight += e.Weight
			out[n-1].Joint += e.Joint
			dups++
			continue
		}
		out = append(out, e)
	}
	g = &Graph{Authors: authors, Edges: out}
	g.index()
	return g, dups, loops
}

// index builds the CSR adjacency from the sorted edge list.
func (g *Graph) index() {
	n := len(g.Authors)
	g.off = make([]int, n+1)
	for _, e := range g.Edges {
		g.off[e.U+1]++
		g.off[e.V+1]++
	}
	for i := 0; i < n; i++ {
		g.off[i+1] += g.off[i]
	}
	g.nbr = make([]int32, 2*len(g.Edges))
	g.eid = make([]int32, 2*len(g.Edges))
	pos := append([]int(nil), g.off[:n]...)
	// Edges are sorted by (U, V), so node w first receives the edges
	// (u, w) with u < w in increasing u, then the edges (w, v) with v > w
	// in increasing v: every row comes out sorted.
	for i, e := range g.Edges {
		g.nbr[pos[e.U]], g.eid[pos[e.U]] = e.V, int32(i)
		pos[e.U]++
		g.nbr[pos[e.V]], g.eid[pos[e.V]] = e.U, int32(i)
		pos[e.V]++
	}
}
