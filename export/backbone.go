package export

import (
	"sort"

	dg "github.com/dominikbraun/graph"
)

// backbone returns the edges drawn among nodes (sorted ids) when the graph
// is too large to draw whole: the maximum spanning forest of the ties
// among them, which keeps every drawn group connected through its
// strongest ties, then the strongest other ties until the drawing has
// extra edges more than the forest. The result is sorted by edge id.
//
// The forest comes from dominikbraun/graph's MaximumSpanningTree. Its
// weights are integers and it breaks ties between equal weights in map
// order, so each edge is given its rank in a fixed order (weight
// descending, then endpoints) as its weight: all weights differ, the
// forest is unique, and the drawing is the same on every run.
func backbone(a *Analysis, nodes []int, extra int) ([]int, error) {
	g := a.Graph
	keep := make([]bool, g.Len())
	for _, u := range nodes {
		keep[u] = true
	}
	var cand []int
	for e, ed := range g.Edges {
		if keep[ed.U] && keep[ed.V] {
			cand = append(cand, e)
		}
	}
	// Strongest first; ties by edge id, that is by endpoints.
	sort.SliceStable(cand, func(i, j int) bool {
		return g.Edges[cand[i]].Weight > g.Edges[cand[j]].Weight
	})
	rank := make(map[[2]int32]int, len(cand))
	f := dg.New(dg.IntHash)
	for _, u := range nodes {
		if err := f.AddVertex(u); err != nil {
			return nil, err
		}
	}
	for i, e := range cand {
		ed := g.Edges[e]
		rank[[2]int32{ed.U, ed.V}] = e
		if err := f.AddEdge(int(ed.U), int(ed.V), dg.EdgeWeight(len(cand)-i)); err != nil {
			return nil, err
		}
	}
	mst, err := dg.MaximumSpanningTree(f)
	if err != nil {
		return nil, err
	}
	tree, err := mst.Edges()
	if err != nil {
		return nil, err
	}
	in := make(map[int]bool, len(tree))
	for _, t := range tree {
		u, v := int32(t.Source), int32(t.Target)
		if u > v {
			u, v = v, u
		}
		in[rank[[2]int32{u, v}]] = true
	}
	out := make([]int, 0, len(in)+extra)
	for e := range in {
		out = append(out, e)
	}
	for _, e := range cand {
		if extra == 0 {
			break
		}
		if !in[e] {
			out = append(out, e)
			extra--
		}
	}
	sort.Ints(out)
	return out, nil
}
