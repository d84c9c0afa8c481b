package graph

import (
	gg "gonum.org/v1/gonum/graph"
)

// The methods in this file make *Graph a gonum graph.WeightedUndirected.
// Node ids are the dense ids 0..Len()-1. Weight(x, x) is 0: the graph has
// no self-loops; Weight of an absent edge is 0 with ok false.

var _ gg.WeightedUndirected = (*Graph)(nil)

// Node is a node of a [*Graph] as a gonum graph.Node.
type Node int64

// ID returns the node id.
func (n Node) ID() int64 { return int64(n) }

// WeightedEdge is an edge of a [*Graph] as a gonum graph.WeightedEdge.
type WeightedEdge struct {
	F, T Node
	W    float64
}

// From returns the from node.
func (e WeightedEdge) From() gg.Node { return e.F }

// To returns the to node.
func (e WeightedEdge) To() gg.Node { return e.T }

// ReversedEdge returns the edge with its ends swapped.
func (e WeightedEdge) ReversedEdge() gg.Edge { return WeightedEdge{F: e.T, T: e.F, W: e.W} }

// Weight returns the tie strength.
func (e WeightedEdge) Weight() float64 { return e.W }

func (g *Graph) has(id int64) bool { return id >= 0 && id < int64(len(g.Authors)) }

// Node returns the node with the given id, or nil.
func (g *Graph) Node(id int64) gg.Node {
	if !g.has(id) {
		return nil
	}
	return Node(id)
}

// Nodes returns all nodes in id order.
func (g *Graph) Nodes() gg.Nodes {
	return &rangeNodes{n: len(g.Authors), i: -1}
}

// From returns the neighbours of node id in increasing id order.
func (g *Graph) From(id int64) gg.Nodes {
	if !g.has(id) {
		return gg.Empty
	}
	ns, _ := g.Neighbors(int(id))
	return &sliceNodes{ns: ns, i: -1}
}

// HasEdgeBetween reports whether x and y are adjacent.
func (g *Graph) HasEdgeBetween(xid, yid int64) bool {
	return g.has(xid) && g.has(yid) && g.EdgeID(int(xid), int(yid)) >= 0
}

// Edge returns the edge from u to v, or nil.
func (g *Graph) Edge(uid, vid int64) gg.Edge { return g.WeightedEdgeBetween(uid, vid) }

// EdgeBetween returns the edge between x and y, or nil.
func (g *Graph) EdgeBetween(xid, yid int64) gg.Edge { return g.WeightedEdgeBetween(xid, yid) }

// WeightedEdge returns the edge from u to v, or nil.
func (g *Graph) WeightedEdge(uid, vid int64) gg.WeightedEdge {
	return g.WeightedEdgeBetween(uid, vid)
}

// WeightedEdgeBetween returns the edge between x and y, or nil.
func (g *Graph) WeightedEdgeBetween(xid, yid int64) gg.WeightedEdge {
	if !g.has(xid) || !g.has(yid) {
		return nil
	}
	e := g.EdgeID(int(xid), int(yid))
	if e < 0 {
		return nil
	}
	return WeightedEdge{F: Node(xid), T: Node(yid), W: g.Edges[e].Weight}
}

// Weight returns the weight of the edge between x and y. It is 0 and
// true for x == y, and 0 and false when there is no edge.
func (g *Graph) Weight(xid, yid int64) (w float64, ok bool) {
	if xid == yid {
		return 0, g.has(xid)
	}
	if !g.has(xid) || !g.has(yid) {
		return 0, false
	}
	e := g.EdgeID(int(xid), int(yid))
	if e < 0 {
		return 0, false
	}
	return g.Edges[e].Weight, true
}

// rangeNodes iterates over the ids 0..n-1.
type rangeNodes struct{ n, i int }

func (it *rangeNodes) Len() int {
	if it.i >= it.n {
		return 0
	}
	return it.n - it.i - 1
}
func (it *rangeNodes) Next() bool {
	if it.i < it.n {
		it.i++
	}
	return it.i < it.n
}
func (it *rangeNodes) Node() gg.Node {
	if it.i < 0 || it.i >= it.n {
		return nil
	}
	return Node(it.i)
}
func (it *rangeNodes) Reset() { it.i = -1 }

// sliceNodes iterates over a neighbour slice.
type sliceNodes struct {
	ns []int32
	i  int
}

func (it *sliceNodes) Len() int {
	if it.i >= len(it.ns) {
		return 0
	}
	return len(it.ns) - it.i - 1
}
func (it *sliceNodes) Next() bool {
	if it.i < len(it.ns) {
		it.i++
	}
	return it.i < len(it.ns)
}
func (it *sliceNodes) Node() gg.Node {
	if it.i < 0 || it.i >= len(it.ns) {
		return nil
	}
	return Node(it.ns[it.i])
}
func (it *sliceNodes) Reset() { it.i = -1 }
