package graph

import (
	"fmt"
	"math"
)

// NormalizeMethods lists the methods [Normalize] accepts.
var NormalizeMethods = []string{
	"none", "association", "doc-association", "inclusion", "jaccard",
	"salton", "equivalence", "fractionalization",
}

// Normalize returns a graph with the same nodes, papers and edges as g,
// in the same order and with the same Joint counts, whose edge weights are
// the tie strengths normalised by method. g is not changed; the two
// graphs share their adjacency rows. A note naming the method is
// appended to Notes.
//
// The methods, for an edge between i and j:
//
//	none               a_ij, the weight unchanged ("" means none)
//	association        2m a_ij / (s_i s_j)
//	doc-association    C_ij / (D_i D_j)
//	inclusion          C_ij / min(D_i, D_j)
//	jaccard            C_ij / (D_i + D_j - C_ij)
//	salton             C_ij / sqrt(D_i D_j)
//	equivalence        C_ij^2 / (D_i D_j), Salton's index squared
//	fractionalization  sum over the papers p of i and j of 1 / (n_p - 1)
//
// "association" is VOSviewer's association strength on link strengths
// (N. J. van Eck and L. Waltman, How to normalize cooccurrence data? An
// analysis of some well-known similarity measures, JASIST 60(8),
// 1635-1651, 2009): a_ij is the weight, s_i the total link strength of i
// (its strength) and m half the sum of all s_i, the total weight.
//
// The next five are bibliometrix's normalizeSimilarity (M. Aria and C.
// Cuccurullo, bibliometrix: an R-tool for comprehensive science mapping
// analysis, J. Informetrics 11(4), 959-975, 2017) on document counts:
// D_i is Authors[i].Papers and C_ij the edge's Joint count, or its weight
// when Joint is 0 (graphs read from files carry no joint counts). Its
// "association" is named "doc-association" here; it is proportional to
// VOSviewer's when s_i are document counts.
//
// "fractionalization" recomputes the fractional-counting weight from the
// papers of the graph (Papers and the papers of each edge): a paper with
// n_p authors, n_p = len(Paper.Authors), adds 1/(n_p - 1) to each pair of
// them, as VOSviewer's fractional counting and M. E. J. Newman, Phys.
// Rev. E 64, 016132, 2001, do. n_p counts the authors that are nodes of
// g, so authors dropped by filters do not dilute the weight.
//
// A weight whose denominator is zero (an author without papers or
// strength) is 0.
//
// # Resolution
//
// Clustering association-normalised weights with the constant Potts
// model at resolution γ (unit node weights) maximises
//
//	sum over pairs i < j in the same community of (a'_ij - γ)
//
// which is the quality of VOSviewer's clustering (L. Waltman, N. J. van
// Eck and E. C. M. Noyons, A unified approach to mapping and clustering
// of bibliometric networks, J. Informetrics 4(4), 629-635, 2010), so its
// resolution parameter, default 1.0, is CPM's γ on these weights.
// Modularity's γ is on another scale: on the raw weights modularity sums
// (a_ij - γ s_i s_j / 2m) = (s_i s_j / 2m)(a'_ij - γ), the same terms
// weighted by s_i s_j, so the two give different partitions at the same γ.
//
// Normalize returns an error for an unknown method, for a
// bibliometrix method when every author has zero papers (a graph read
// from a file), and for "fractionalization" on a graph without papers.
func Normalize(g *Graph, method string) (*Graph, error) {
	weight, err := normalizer(g, method)
	if err != nil {
		return nil, err
	}
	h := &Graph{
		Authors:    append([]Author(nil), g.Authors...),
		Edges:      make([]Edge, len(g.Edges)),
		Papers:     append([]Paper(nil), g.Papers...),
		off:        g.off,
		nbr:        g.nbr,
		eid:        g.eid,
		paperOff:   g.paperOff,
		edgePapers: g.edgePapers,
		Notes:      append([]string(nil), g.Notes...),
	}
	for i, e := range g.Edges {
		e.Weight = weight(i, e)
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
			e.Weight = 0
		}
		h.Edges[i] = e
	}
	if method != "" && method != "none" {
		h.Notes = append(h.Notes, "edge weights normalised: "+method)
	}
	return h, nil
}

// normalizer returns the function giving the new weight of edge i.
func normalizer(g *Graph, method string) (func(i int, e Edge) float64, error) {
	switch method {
	case "", "none":
		return func(_ int, e Edge) float64 { return e.Weight }, nil
	case "association":
		return associationStrength(g), nil
	case "fractionalization":
		return fractional(g)
	}
	similarity, ok := docSimilarities[method]
	if !ok {
		return nil, fmt.Errorf("normalize: unknown method %q", method)
	}
	papers := false
	for _, a := range g.Authors {
		papers = papers || a.Papers > 0
	}
	if !papers && len(g.Edges) > 0 {
		return nil, fmt.Errorf("normalize %s: the authors have no paper counts", method)
	}
	return func(_ int, e Edge) float64 {
		c := float64(e.Joint)
		if e.Joint == 0 {
			c = e.Weight
		}
		di, dj := float64(g.Authors[e.U].Papers), float64(g.Authors[e.V].Papers)
		return similarity(c, di, dj)
	}, nil
}

// docSimilarities are bibliometrix's measures on the joint count c and
// the document counts di and dj.
var docSimilarities = map[string]func(c, di, dj float64) float64{
	"doc-association": func(c, di, dj float64) float64 { return c / (di * dj) },
	"inclusion":       func(c, di, dj float64) float64 { return c / min(di, dj) },
	"jaccard":         func(c, di, dj float64) float64 { return c / (di + dj - c) },
	"salton":          func(c, di, dj float64) float64 { return c / math.Sqrt(di*dj) },
	"equivalence":     func(c, di, dj float64) float64 { return c * c / (di * dj) },
}

// associationStrength returns VOSviewer's association strength of an
// edge.
func associationStrength(g *Graph) func(int, Edge) float64 {
	s := make([]float64, g.Len())
	total := 0.0 // m
	for _, e := range g.Edges {
		s[e.U] += e.Weight
		s[e.V] += e.Weight
		total += e.Weight
	}
	return func(_ int, e Edge) float64 {
		return 2 * total * e.Weight / (s[e.U] * s[e.V])
	}
}

// fractional returns the fractional-counting weight of an edge,
// recomputed from its papers.
func fractional(g *Graph) (func(int, Edge) float64, error) {
	if len(g.Papers) == 0 || g.edgePapers == nil {
		return nil, fmt.Errorf("normalize fractionalization: the graph has no papers")
	}
	return func(i int, _ Edge) float64 {
		w := 0.0
		for _, p := range g.EdgePapers(i) {
			if n := len(g.Papers[p].Authors); n > 1 {
				w += 1 / float64(n-1)
			}
		}
		return w
	}, nil
}
