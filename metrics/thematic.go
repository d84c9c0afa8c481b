package metrics

import "fmt"

// ThematicTerms is the default number of terms per topic in
// [ThematicMap].
const ThematicTerms = 10

// ThemePoint is one topic on the strategic diagram.
type ThemePoint struct {
	Topic      int      // index into Topics.Sizes
	Centrality float64  // Callon centrality: links to other topics
	Density    float64  // Callon density: links inside the topic
	Papers     int      // papers in the topic
	Terms      []string // the topic's terms as shown, most distinctive first
}

// ThematicMap places the topics t of docs on the strategic diagram
// (Callon's centrality against density, as bibliometrix's thematicMap
// draws it) and returns one point per topic in topic order.
//
// docs must be the documents t was computed from ([TopicClustersDocs]),
// in the same order; ThematicMap panics if the lengths differ. Each
// topic's terms are its first terms most distinctive terms (the ranking
// that gives its labels, see [TopicClustersDocs]); a term ranked by two
// topics belongs to the first. terms <= 0 means ThematicTerms (10).
//
// The network is the co-occurrence of terms in the documents that have a
// topic, normalised by the equivalence index
//
//	e(i, j) = c(i, j)² / (c(i) c(j))
//
// where c(i) is the number of documents holding term i and c(i, j) the
// number holding both. For a topic T with terms W(T), and U the terms of
// all other topics:
//
//	centrality(T) = 10 × Σ_{i ∈ W(T), j ∈ U} e(i, j)
//	density(T)    = 100 × Σ_{i < j ∈ W(T)} e(i, j) / |W(T)|
//
// Both are 0 for a topic without terms.
//
// Reference: M. J. Cobo, A. G. López-Herrera, E. Herrera-Viedma and F.
// Herrera, An approach for detecting, quantifying, and visualizing the
// evolution of a research field, J. Informetrics 5 (2011) 146-166,
// doi:10.1016/j.joi.2010.10.002; M. Aria and C. Cuccurullo, bibliometrix,
// J. Informetrics 11 (2017), doi:10.1016/j.joi.2017.08.007.
func ThematicMap(docs []TopicDoc, t *Topics, terms int) []ThemePoint {
	if len(docs) != len(t.Paper) {
		panic(fmt.Sprintf("metrics: %d documents for topics of %d papers", len(docs), len(t.Paper)))
	}
	if terms <= 0 {
		terms = ThematicTerms
	}
	k := len(t.Sizes)
	m := topicVectorizeDocs(docs)
	var vecs []topicVector
	var assign []int
	for i, v := range m.docs {
		if t.Paper[i] >= 0 && len(v.idx) > 0 {
			vecs = append(vecs, v)
			assign = append(assign, t.Paper[i])
		}
	}

	owner := map[int]int{} // term -> topic
	own := make([][]int, k)
	for c, cand := range topicRank(m, vecs, assign, k) {
		for _, j := range cand {
			if len(own[c]) == terms {
				break
			}
			if _, taken := owner[j]; !taken {
				owner[j] = c
				own[c] = append(own[c], j)
			}
		}
	}
	occ, co := thematicCounts(vecs, owner)

	pts := make([]ThemePoint, k)
	for c := range pts {
		p := ThemePoint{Topic: c, Papers: t.Sizes[c], Terms: []string{}}
		for a, i := range own[c] {
			p.Terms = append(p.Terms, m.words[i])
			for _, j := range own[c][a+1:] {
				p.Density += thematicEquivalence(co, occ, i, j)
			}
			for d, js := range own {
				if d == c {
					continue
				}
				for _, j := range js {
					p.Centrality += thematicEquivalence(co, occ, i, j)
				}
			}
		}
		if n := len(own[c]); n > 0 {
			p.Density = 100 * p.Density / float64(n)
		}
		p.Centrality *= 10
		pts[c] = p
	}
	return pts
}

// thematicCounts returns, over the terms of owner, the number of vecs
// holding each term and each pair of terms (smaller index first).
func thematicCounts(vecs []topicVector, owner map[int]int) (map[int]int, map[[2]int]int) {
	occ, co := map[int]int{}, map[[2]int]int{}
	for _, v := range vecs {
		var in []int
		for _, j := range v.idx {
			if _, ok := owner[int(j)]; ok {
				in = append(in, int(j))
			}
		}
		for a, i := range in {
			occ[i]++
			for _, j := range in[a+1:] {
				co[[2]int{i, j}]++
			}
		}
	}
	return occ, co
}

// thematicEquivalence returns e(i, j) = c(i, j)² / (c(i) c(j)).
func thematicEquivalence(co map[[2]int]int, occ map[int]int, i, j int) float64 {
	if i > j {
		i, j = j, i
	}
	c := float64(co[[2]int{i, j}])
	if c == 0 {
		return 0
	}
	return c * c / (float64(occ[i]) * float64(occ[j]))
}
