package metrics

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// topicMinTokenLen is the shortest token, in runes, that is kept.
const topicMinTokenLen = 3

// topicToken is one word of a text: its stem, which the clustering uses,
// and the lower-case word it came from, which labels show.
type topicToken struct {
	stem, word string
}

// topicTokenize splits s into words and returns the stems of those that
// carry meaning, in text order.
//
// A word is a maximal run of Unicode letters and digits, lower-cased;
// every other rune (space, punctuation, hyphen, apostrophe) separates
// words. Words shorter than topicMinTokenLen runes, words made only of
// digits and stop words ([topicIsStop], checked on the stem) are dropped.
func topicTokenize(s string) []topicToken {
	var out []topicToken
	for _, w := range strings.FieldsFunc(s, topicIsSeparator) {
		w = strings.ToLower(w)
		if utf8.RuneCountInString(w) < topicMinTokenLen || topicAllDigits(w) {
			continue
		}
		st := topicStem(w)
		if topicIsStop(st) {
			continue
		}
		out = append(out, topicToken{stem: st, word: w})
	}
	return out
}

func topicIsSeparator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func topicAllDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// topicStem reduces a lower-case word to a stem by a few conservative
// suffix rules, applied in this order:
//
//  1. Plurals: "sses" -> "ss"; "ies" -> "y" and "ied" -> "y" when at
//     least three runes remain ("policies" -> "policy", "studied" ->
//     "study"); "es" after "ch", "sh" or "x" is dropped ("approaches"
//     -> "approach"); a final "s" is dropped unless it follows "s", "u"
//     or "i" ("networks" -> "network", but "class", "focus", "analysis"
//     stay), or fewer than three runes would remain.
//  2. "ing" and "ed" are dropped when at least four runes remain and
//     the rest has a vowel ("training" -> "train", "learned" ->
//     "learn", but "using", "thing", "need" stay); a doubled final
//     consonant other than l, s or z is then halved ("planning" ->
//     "plan").
//  3. A final "e" is dropped when at least four runes remain, so that a
//     verb and its forms meet ("sample", "sampled", "samples" and
//     "sampling" all give "sampl").
//
// Stems need not be words; labels show the most frequent word behind a
// stem instead.
//
// TODO: the rules are for English only and over-strip some words
// ("series" gives "sery", "species" "specy"); words in other languages
// are cut by the same English suffixes.
func topicStem(w string) string {
	w = topicStemPlural(w)
	w = topicStemVerb(w)
	if strings.HasSuffix(w, "e") && topicRunes(w) >= 5 {
		w = w[:len(w)-1]
	}
	return w
}

func topicRunes(w string) int { return utf8.RuneCountInString(w) }

func topicStemPlural(w string) string {
	n := topicRunes(w)
	switch {
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")) && n >= 6:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && n >= 4:
		prev := w[len(w)-2]
		if prev != 's' && prev != 'u' && prev != 'i' {
			return w[:len(w)-1]
		}
	}
	return w
}

func topicStemVerb(w string) string {
	var rest string
	switch {
	case strings.HasSuffix(w, "ing"):
		rest = w[:len(w)-3]
	case strings.HasSuffix(w, "ed"):
		rest = w[:len(w)-2]
	default:
		return w
	}
	if topicRunes(rest) < 4 || !strings.ContainsAny(rest, "aeiouy") {
		return w
	}
	if k := len(rest); rest[k-1] == rest[k-2] && topicIsDoubling(rest[k-1]) {
		rest = rest[:k-1]
	}
	return rest
}

// topicIsDoubling reports whether a doubled final c is halved after
// "ing" or "ed" is removed.
func topicIsDoubling(c byte) bool {
	if c < 'a' || c > 'z' {
		return false
	}
	return !strings.ContainsRune("aeiouylsz", rune(c))
}

// topicVector is a sparse document vector: idx holds vocabulary indices
// in increasing order, val the weights.
type topicVector struct {
	idx []int32
	val []float64
}

// topicMatrix is a corpus in TF-IDF form.
type topicMatrix struct {
	docs  []topicVector // one per text, empty when the text has no terms
	stems []string      // the vocabulary, sorted
	words []string      // words[j] is the word shown for stems[j]
}

// topicVectorize turns texts into L2-normalised TF-IDF vectors over the
// stems of [topicTokenize], with sublinear term frequency and smoothed
// inverse document frequency:
//
//	w(t, d) = (1 + ln tf(t, d)) * (1 + ln((1 + n) / (1 + df(t))))
//
// where n is len(texts) and df(t) the number of texts holding t. When
// there are at least topicMinDFTexts texts, stems found in fewer than
// topicMinDF texts are dropped: they cannot bring two papers together
// and only dilute the cosine between the others.
//
// The word shown for a stem is the lower-case word most often seen
// behind it, ties broken by the smallest in byte order.
func topicVectorize(texts []string) *topicMatrix {
	n := len(texts)
	counts := make([]map[string]int, n)
	df := make(map[string]int)
	seen := make(map[string]map[string]int)
	for i, s := range texts {
		counts[i] = make(map[string]int)
		for _, tok := range topicTokenize(s) {
			if counts[i][tok.stem] == 0 {
				df[tok.stem]++
			}
			counts[i][tok.stem]++
			if seen[tok.stem] == nil {
				seen[tok.stem] = make(map[string]int)
			}
			seen[tok.stem][tok.word]++
		}
	}

	minDF := 1
	if n >= topicMinDFTexts {
		minDF = topicMinDF
	}
	m := &topicMatrix{docs: make([]topicVector, n)}
	for st, c := range df {
		if c >= minDF {
			m.stems = append(m.stems, st)
		}
	}
	sort.Strings(m.stems)
	index := make(map[string]int32, len(m.stems))
	m.words = make([]string, len(m.stems))
	for j, st := range m.stems {
		index[st] = int32(j)
		m.words[j] = topicCommonWord(seen[st])
	}

	for i := range counts {
		m.docs[i] = topicWeigh(counts[i], m, index, df, n)
	}
	return m
}

const (
	topicMinDF      = 2  // fewest texts a stem must be in ...
	topicMinDFTexts = 10 // ... once there are this many texts
)

// topicWeigh returns the normalised TF-IDF vector of one text's stem
// counts.
func topicWeigh(count map[string]int, m *topicMatrix, index map[string]int32, df map[string]int, n int) topicVector {
	var v topicVector
	for st := range count {
		if j, ok := index[st]; ok {
			v.idx = append(v.idx, j)
		}
	}
	slices.Sort(v.idx)

	v.val = make([]float64, len(v.idx))
	norm := 0.0
	for k, j := range v.idx {
		st := m.stems[j]
		tf := 1 + math.Log(float64(count[st]))
		idf := 1 + math.Log(float64(1+n)/float64(1+df[st]))
		v.val[k] = tf * idf
		norm += v.val[k] * v.val[k]
	}
	norm = math.Sqrt(norm)
	for k := range v.val {
		v.val[k] /= norm
	}
	return v
}

// topicCommonWord returns the most frequent key of seen, ties broken by
// the smallest.
func topicCommonWord(seen map[string]int) string {
	best, bc := "", 0
	for w, c := range seen {
		if c > bc || c == bc && w < best {
			best, bc = w, c
		}
	}
	return best
}
