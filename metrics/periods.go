package metrics

import (
	"fmt"
	"slices"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// PeriodSeed is the Louvain seed [Periods] uses in every period, so that
// a period's communities do not depend on the run.
const PeriodSeed = 1

// PeriodMinOverlap is the Jaccard overlap of member sets from which a
// community of one period is taken to carry on into the next.
const PeriodMinOverlap = 0.3

// Period is the collaboration graph of a span of years.
type Period struct {
	// From and To are the first and last year, inclusive.
	From, To int

	// Graph is the graph of the papers published From..To.
	Graph *graph.Graph

	// Authors and Papers count the period's authors and papers.
	Authors, Papers int

	// Edges is the number of collaborations (co-author pairs) in the
	// period; NewEdges those between two people (by identity key) who
	// were not linked in any earlier period.
	Edges, NewEdges int

	// LargestComponent is the number of authors in the largest
	// connected component.
	LargestComponent int

	// Communities are the Louvain communities at resolution 1 with seed
	// PeriodSeed.
	Communities *Partition

	// Events say how the communities of the previous period carry on
	// into this one; nil for the first period.
	Events []CommunityEvent
}

// CommunityEvent links communities of two consecutive periods.
type CommunityEvent struct {
	// Kind is "continue" (one community to one), "split" (one to
	// several) or "merge" (several to one).
	Kind string

	// From are communities of the previous period, To of this one, both
	// increasing.
	From, To []int
}

// Periods slices the papers into spans of window years, starting every
// step years, and returns the graph of each with its measures.
//
// The first span starts at the earliest year of a paper (within
// bopt.Since and bopt.Until when set); spans follow every step years
// until one reaches the latest year. Each graph is graph.Build of the
// papers with bopt, Since and Until replaced by the span; papers of
// unknown year are left out. Periods panics if window or step is below 1.
//
// Communities are matched between consecutive periods by the Jaccard
// overlap of their member sets (identity keys),
//
//	J(A, B) = |A ∩ B| / |A ∪ B|
//
// counting only communities of two members or more. A pair with J >=
// PeriodMinOverlap (0.3) is a link. A community of the earlier period
// linked to several of the later one is a split; a community of the
// later period linked to several of the earlier one is a merge; a link
// between two communities that have no other links is a continuation.
// A community in both a split and a merge appears in both events.
// Communities without links appear in no event: they dissolved or were
// born. Events are ordered by kind (continue, split, merge), then by
// their first community.
//
// Reference for the matching rule: G. Palla, A.-L. Barabási and T.
// Vicsek, Quantifying social group evolution, Nature 446 (2007),
// doi:10.1038/nature05670, who match communities by relative overlap.
func Periods(papers []corpus.Paper, id *corpus.Identity, window, step int, bopt graph.Options) []Period {
	if window < 1 || step < 1 {
		panic(fmt.Sprintf("metrics: period window %d and step %d must be at least 1", window, step))
	}
	lo, hi := 0, 0
	for _, p := range papers {
		y := p.Year()
		if y == 0 || (bopt.Since != 0 && y < bopt.Since) || (bopt.Until != 0 && y > bopt.Until) {
			continue
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	if lo == 0 {
		return nil
	}

	var out []Period
	seen := map[[2]string]bool{}
	for from := lo; ; from += step {
		to := from + window - 1
		o := bopt
		o.Since, o.Until = from, to
		pd := periodOf(papers, id, o, seen)
		if len(out) > 0 {
			pd.Events = CommunityEvents(out[len(out)-1].Graph, out[len(out)-1].Communities, pd.Graph, pd.Communities)
		}
		out = append(out, pd)
		if to >= hi {
			break
		}
	}
	return out
}

// periodOf builds and measures the graph of one period; seen holds the
// pairs of keys linked in earlier periods and gains this period's.
func periodOf(papers []corpus.Paper, id *corpus.Identity, o graph.Options, seen map[[2]string]bool) Period {
	g := graph.Build(papers, id, o)
	pd := Period{From: o.Since, To: o.Until, Graph: g, Authors: g.Len(), Papers: len(g.Papers), Edges: g.EdgeCount()}
	for _, e := range g.Edges {
		k := [2]string{g.Authors[e.U].Key, g.Authors[e.V].Key}
		if k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		if !seen[k] {
			pd.NewEdges++
		}
	}
	for _, e := range g.Edges {
		k := [2]string{g.Authors[e.U].Key, g.Authors[e.V].Key}
		if k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		seen[k] = true
	}
	if _, sizes := Components(g); len(sizes) > 0 {
		pd.LargestComponent = slices.Max(sizes)
	}
	pd.Communities = Louvain(g, 1, PeriodSeed)
	return pd
}

// CommunityEvents matches the communities pa of graph ga to the
// communities pb of graph gb by the rule documented on [Periods].
func CommunityEvents(ga *graph.Graph, pa *Partition, gb *graph.Graph, pb *Partition) []CommunityEvent {
	ma, mb := periodMembers(ga, pa), periodMembers(gb, pb)
	out := make([][]int, len(ma)) // links from a to b
	in := make([][]int, len(mb))
	for a, sa := range ma {
		for b, sb := range mb {
			if len(sa) >= 2 && len(sb) >= 2 && periodJaccard(sa, sb) >= PeriodMinOverlap {
				out[a] = append(out[a], b)
				in[b] = append(in[b], a)
			}
		}
	}
	var cont, split, merge []CommunityEvent
	for a, bs := range out {
		switch {
		case len(bs) == 1 && len(in[bs[0]]) == 1:
			cont = append(cont, CommunityEvent{"continue", []int{a}, bs})
		case len(bs) > 1:
			split = append(split, CommunityEvent{"split", []int{a}, bs})
		}
	}
	for b, as := range in {
		if len(as) > 1 {
			merge = append(merge, CommunityEvent{"merge", as, []int{b}})
		}
	}
	return slices.Concat(cont, split, merge)
}

// periodMembers returns the sorted member keys of each community.
func periodMembers(g *graph.Graph, p *Partition) [][]string {
	m := make([][]string, len(p.Sizes))
	for u, c := range p.Of {
		m[c] = append(m[c], g.Authors[u].Key)
	}
	for _, s := range m {
		slices.Sort(s)
	}
	return m
}

// periodJaccard returns |a ∩ b| / |a ∪ b| of two sorted sets.
func periodJaccard(a, b []string) float64 {
	i, j, both := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}
