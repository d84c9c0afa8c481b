package metrics

import (
	"math"
	"slices"

	"github.com/coauthor/coauthor/graph"
)

// Stability says how much the partitions found by repeated runs of a
// randomised community detection agree. Field names are the keys of the
// stability object a report writes.
type Stability struct {
	Runs    int     `json:"runs"`     // number of runs compared
	MeanNMI float64 `json:"mean_nmi"` // mean of NMI over all pairs of runs
	MeanARI float64 `json:"mean_ari"` // mean of AdjustedRand over all pairs
}

// BestOfRuns runs detect with the seeds seed, seed+1, ..., seed+runs-1
// and returns the partition with the highest Q, the lowest seed on ties,
// and the agreement between the runs: the means of [NMI] and
// [AdjustedRand] over all runs·(runs-1)/2 pairs of runs. A value of runs
// below 1 means 1; with a single run both means are 1.
//
// BestOfRuns panics if detect returns a partition whose length is not
// g.Len().
func BestOfRuns(g *graph.Graph, runs int, seed uint64, detect func(seed uint64) *Partition) (best *Partition, stability Stability) {
	runs = max(runs, 1)
	ps := make([]*Partition, runs)
	for i := range ps {
		ps[i] = detect(seed + uint64(i))
		if len(ps[i].Of) != g.Len() {
			panic("metrics: partition length does not match the graph")
		}
		if best == nil || ps[i].Q > best.Q {
			best = ps[i]
		}
	}

	stability = Stability{Runs: runs, MeanNMI: 1, MeanARI: 1}
	if runs > 1 {
		var nmi, ari float64
		for i := range ps {
			for j := i + 1; j < runs; j++ {
				nmi += NMI(ps[i].Of, ps[j].Of)
				ari += AdjustedRand(ps[i].Of, ps[j].Of)
			}
		}
		pairs := float64(runs * (runs - 1) / 2)
		stability.MeanNMI, stability.MeanARI = nmi/pairs, ari/pairs
	}
	return best, stability
}

// Connected reports whether every community of p induces a connected
// subgraph of g. It takes O(n + m) time.
//
// Connected panics if len(p.Of) is not g.Len().
func Connected(g *graph.Graph, p *Partition) bool {
	n := g.Len()
	if len(p.Of) != n {
		panic("metrics: partition length does not match the graph")
	}
	// A community is connected when a search inside it from its first
	// member reaches all its members: count the searches per community.
	searches := make(map[int]int)
	done := make([]bool, n)
	var stack []int32
	for s := range n {
		if done[s] {
			continue
		}
		c := p.Of[s]
		searches[c]++
		if searches[c] > 1 {
			return false
		}
		done[s] = true
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			nbrs, _ := g.Neighbors(int(u))
			for _, v := range nbrs {
				if !done[v] && p.Of[v] == c {
					done[v] = true
					stack = append(stack, v)
				}
			}
		}
	}
	return true
}

// contingency returns the counts of the pairs (a[i], b[i]) and of the
// labels of a and of b, each in increasing label order. It panics if the
// lengths differ.
func contingency(a, b []int) (pairs, rows, cols []int) {
	if len(a) != len(b) {
		panic("metrics: partitions of different lengths")
	}
	runs := func(xs []int) []int {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		var counts []int
		for i, x := range xs {
			if i == 0 || x != xs[i-1] {
				counts = append(counts, 0)
			}
			counts[len(counts)-1]++
		}
		return counts
	}
	ps := make([][2]int, len(a))
	for i := range a {
		ps[i] = [2]int{a[i], b[i]}
	}
	slices.SortFunc(ps, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	for i, p := range ps {
		if i == 0 || p != ps[i-1] {
			pairs = append(pairs, 0)
		}
		pairs[len(pairs)-1]++
	}
	return pairs, runs(a), runs(b)
}

// NMI returns the normalised mutual information of two labellings of the
// same items, a[i] and b[i] the labels of item i (any integers):
//
//	NMI = I(A; B) / ((H(A) + H(B)) / 2)
//
// with natural logarithms; the arithmetic mean of the entropies is the
// normalisation of scikit-learn's normalized_mutual_info_score with its
// default average_method="arithmetic". It is 1 for identical partitions
// up to renaming and 0 for independent ones. As scikit-learn, it returns
// 1 when both labellings put every item in one group (both entropies 0),
// and 1 for empty labellings.
//
// NMI panics if len(a) != len(b).
//
// Reference: A. Strehl and J. Ghosh, Cluster ensembles, J. Mach. Learn.
// Res. 3, 583-617, 2002; L. Danon, A. Díaz-Guilera, J. Duch and A.
// Arenas, Comparing community structure identification, J. Stat. Mech.
// P09008, 2005.
func NMI(a, b []int) float64 {
	pairs, rows, cols := contingency(a, b)
	if len(rows) <= 1 && len(cols) <= 1 {
		return 1
	}
	n := float64(len(a))
	entropy := func(counts []int) float64 {
		h := 0.0
		for _, c := range counts {
			p := float64(c) / n
			h -= p * math.Log(p)
		}
		return h
	}
	// I(A; B) = H(A) + H(B) - H(A, B).
	ha, hb := entropy(rows), entropy(cols)
	mi := max(ha+hb-entropy(pairs), 0)
	if ha+hb == 0 {
		return 0
	}
	return min(mi/((ha+hb)/2), 1)
}

// AdjustedRand returns the adjusted Rand index of two labellings of the
// same items (Hubert and Arabie's correction for chance):
//
//	ARI = (Σ_ij C(n_ij, 2) - E) / ((Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) / 2 - E)
//	E   = Σ_i C(a_i, 2) Σ_j C(b_j, 2) / C(n, 2)
//
// where n_ij counts the items labelled i in a and j in b, a_i and b_j
// the items labelled i in a and j in b. It is 1 for identical partitions
// up to renaming, about 0 for random ones, and may be negative. As
// scikit-learn's adjusted_rand_score, it returns 1 when the denominator
// is 0 (both labellings all in one group, or both all singletons) and
// for fewer than two items.
//
// AdjustedRand panics if len(a) != len(b).
//
// Reference: L. Hubert and P. Arabie, Comparing partitions, J. Classif.
// 2, 193-218, 1985.
func AdjustedRand(a, b []int) float64 {
	pairs, rows, cols := contingency(a, b)
	choose2 := func(counts []int) float64 {
		s := 0.0
		for _, c := range counts {
			s += float64(c) * float64(c-1) / 2
		}
		return s
	}
	n := float64(len(a))
	if n < 2 {
		return 1
	}
	index, sa, sb := choose2(pairs), choose2(rows), choose2(cols)
	expected := sa * sb / (n * (n - 1) / 2)
	top := (sa + sb) / 2
	if top == expected {
		return 1
	}
	return (index - expected) / (top - expected)
}
