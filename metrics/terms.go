package metrics

import (
	"slices"
	"sort"
	"strings"

	"github.com/coauthor/coauthor/graph"
)

// TermOptions control [TermGraph].
type TermOptions struct {
	// MinOccurrences is the fewest documents a term must occur in to be
	// kept. Zero means 4, which keeps 30 to 150 terms on a corpus of a
	// few dozen abstracts (124 terms and 5196 links on
	// testdata/profile-page.txt).
	MinOccurrences int
}

// TermMinOccurrences is the default of [TermOptions].MinOccurrences.
const TermMinOccurrences = 4

// TermGraph returns the co-occurrence graph of the terms of texts, as
// VOSviewer's term maps draw it.
//
// The terms are the stems and bigrams of topic clustering (see
// [TopicClustersDocs]: stop words dropped, light stemming, a bigram being
// two adjacent stems with no stop word or punctuation between them).
// Counting is binary: a term counts once per text however often it
// occurs. Terms occurring in fewer than opt.MinOccurrences texts are
// dropped. Each kept term is a node: Key is the stem (two stems joined
// by a space for a bigram), Name the word most often seen behind it,
// Papers the number of texts it occurs in. Nodes are numbered in the
// byte order of Key. Two terms are linked when they occur in the same
// text; Weight and Joint are the number of texts holding both. A bigram
// is not linked to the stems it is made of, which occur with it by
// construction. Papers of the graph are left empty.
//
// Reference: N. J. van Eck and L. Waltman, Text mining and visualization
// using VOSviewer, ISSI Newsletter 7 (2011), arXiv:1109.2058.
func TermGraph(texts []string, opt TermOptions) *graph.Graph {
	minOcc := opt.MinOccurrences
	if minOcc <= 0 {
		minOcc = TermMinOccurrences
	}
	sets, keys, words := termSets(texts, minOcc)

	authors := make([]graph.Author, len(keys))
	for _, s := range sets {
		for _, j := range s {
			authors[j].Papers++
		}
	}
	for j := range authors {
		authors[j].Key, authors[j].Name = keys[j], words[j]
	}
	count := termCooccurrence(sets, keys)
	edges := make([]graph.Edge, 0, len(count))
	for p, c := range count {
		edges = append(edges, graph.Edge{U: p[0], V: p[1], Weight: float64(c), Joint: int32(c)})
	}
	g, _, _ := graph.New(authors, edges)
	return g
}

// termSets returns, for each text, the sorted ids of the terms it holds
// among those found in at least minOcc texts, with the terms' keys
// (sorted) and display words.
func termSets(texts []string, minOcc int) (sets [][]int32, keys, words []string) {
	per := make([][]string, len(texts))
	df := map[string]int{}
	seen := map[string]map[string]int{}
	for i, s := range texts {
		toks := topicTokenize(s)
		have := map[string]bool{}
		for _, tok := range append(toks, topicBigrams(toks)...) {
			if seen[tok.stem] == nil {
				seen[tok.stem] = map[string]int{}
			}
			seen[tok.stem][tok.word]++
			if !have[tok.stem] {
				have[tok.stem] = true
				per[i] = append(per[i], tok.stem)
				df[tok.stem]++
			}
		}
	}
	for k, c := range df {
		if c >= minOcc {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	index := make(map[string]int32, len(keys))
	words = make([]string, len(keys))
	for j, k := range keys {
		index[k] = int32(j)
		words[j] = topicCommonWord(seen[k])
	}
	sets = make([][]int32, len(texts))
	for i, ts := range per {
		for _, k := range ts {
			if j, ok := index[k]; ok {
				sets[i] = append(sets[i], j)
			}
		}
		slices.Sort(sets[i])
	}
	return sets, keys, words
}

// termCooccurrence returns the number of sets holding each pair of
// terms (u < v), leaving out a bigram paired with one of its own stems.
func termCooccurrence(sets [][]int32, keys []string) map[[2]int32]int {
	count := map[[2]int32]int{}
	for _, s := range sets {
		for a, u := range s {
			for _, v := range s[a+1:] {
				if !termPart(keys[u], keys[v]) {
					count[[2]int32{u, v}]++
				}
			}
		}
	}
	return count
}

// termPart reports whether one of the keys is a word of the other.
func termPart(a, b string) bool {
	return slices.Contains(strings.Fields(a), b) || slices.Contains(strings.Fields(b), a)
}
