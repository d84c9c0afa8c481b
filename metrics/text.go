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
// and the lower-case word it came from, which labels show. brk is true
// when a phrase break comes before the word: punctuation other than a
// space, hyphen or apostrophe, or a word that was dropped. Bigrams
// ([topicBigrams]) never span a break.
type topicToken struct {
	stem, word string
	brk        bool
}

// topicTokenize splits s into words and returns the stems of those that
// carry meaning, in text order.
//
// A word is a maximal run of Unicode letters and digits, lower-cased;
// every other rune (space, punctuation, hyphen, apostrophe) separates
// words. Words shorter than topicMinTokenLen runes, words made only of
// digits and stop words ([topicIsStop], checked on the stem) are dropped.
func topicTokenize(s string) []topicToken {
	return topicTokenizeMin(s, topicMinTokenLen)
}

// topicTokenizeMin is [topicTokenize] with the shortest kept word given.
func topicTokenizeMin(s string, minLen int) []topicToken {
	var out []topicToken
	brk := true
	for len(s) > 0 {
		i := strings.IndexFunc(s, func(r rune) bool { return !topicIsSeparator(r) })
		if i < 0 {
			break
		}
		if strings.ContainsFunc(s[:i], topicIsBreak) {
			brk = true
		}
		s = s[i:]
		j := strings.IndexFunc(s, topicIsSeparator)
		if j < 0 {
			j = len(s)
		}
		w := strings.ToLower(s[:j])
		s = s[j:]
		if utf8.RuneCountInString(w) < minLen || topicAllDigits(w) {
			brk = true
			continue
		}
		st := topicStem(w)
		if topicIsStop(st) {
			brk = true
			continue
		}
		out = append(out, topicToken{stem: st, word: w, brk: brk})
		brk = false
	}
	return out
}

// topicIsBreak reports whether r between two words ends a phrase.
func topicIsBreak(r rune) bool {
	return !unicode.IsSpace(r) && r != '-' && r != '\'' && r != '’' && r != '‐'
}

// topicBigrams returns the pairs of adjacent tokens with no break
// between them, as tokens whose stem and word join the two by a space.
func topicBigrams(toks []topicToken) []topicToken {
	var out []topicToken
	for i := 1; i < len(toks); i++ {
		if toks[i].brk || toks[i-1].stem == toks[i].stem {
			continue
		}
		out = append(out, topicToken{
			stem: toks[i-1].stem + " " + toks[i].stem,
			word: toks[i-1].word + " " + toks[i].word,
		})
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
// Words in topicStemKeep ("series", "species", "news", "bias", ...),
// whose final "s" or "ies" is not a plural, are returned unchanged.
//
// TODO: the rules are for English only; words in other languages are cut
// by the same English suffixes.
func topicStem(w string) string {
	if topicStemKeep[w] {
		return w
	}
	w = topicStemPlural(w)
	w = topicStemVerb(w)
	if strings.HasSuffix(w, "e") && topicRunes(w) >= 5 {
		w = w[:len(w)-1]
	}
	return w
}

// topicStemKeep lists words the plural rules would cut wrongly.
var topicStemKeep = map[string]bool{
	"series": true, "species": true, "news": true, "bias": true,
	"atlas": true, "canvas": true, "chaos": true, "lens": true,
	"physics": true, "mathematics": true, "economics": true,
	"statistics": true, "dynamics": true, "ethics": true,
	"linguistics": true, "robotics": true, "genomics": true,
	"logistics": true, "semantics": true, "analytics": true,
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

// topicVectorize is [topicVectorizeDocs] of texts without keywords.
func topicVectorize(texts []string) *topicMatrix {
	docs := make([]TopicDoc, len(texts))
	for i, s := range texts {
		docs[i].Text = s
	}
	return topicVectorizeDocs(docs)
}

// topicVectorizeDocs turns documents into L2-normalised TF-IDF vectors
// over terms: the stems of [topicTokenize] and the bigrams of
// [topicBigrams], with sublinear term frequency and smoothed inverse
// document frequency:
//
//	w(t, d) = (1 + ln tf(t, d)) * (1 + ln((1 + n) / (1 + df(t))))
//
// where n is len(docs) and df(t) the number of documents holding t.
// Each keyword of a document is tokenised the same way (keeping words of
// two runes, so that category codes such as "LG" count) and its stems
// and bigrams add topicKeywordWeight to tf instead of 1. When there are
// at least topicMinDFTexts documents, stems found in fewer than
// topicMinDF documents are dropped: they cannot bring two papers
// together and only dilute the cosine between the others. Bigrams found
// in fewer than topicMinDF documents are always dropped.
//
// The word shown for a term is the lower-case word (or pair of words)
// most often seen behind it, ties broken by the smallest in byte order.
func topicVectorizeDocs(docs []TopicDoc) *topicMatrix {
	n := len(docs)
	counts := make([]map[string]float64, n)
	df := make(map[string]int)
	seen := make(map[string]map[string]int)
	add := func(i int, toks []topicToken, w float64) {
		for _, tok := range toks {
			if counts[i][tok.stem] == 0 {
				df[tok.stem]++
			}
			counts[i][tok.stem] += w
			if seen[tok.stem] == nil {
				seen[tok.stem] = make(map[string]int)
			}
			seen[tok.stem][tok.word]++
		}
	}
	for i, d := range docs {
		counts[i] = make(map[string]float64)
		toks := topicTokenize(d.Text)
		add(i, toks, 1)
		add(i, topicBigrams(toks), 1)
		for _, kw := range d.Keywords {
			toks := topicTokenizeMin(kw, topicMinKeywordLen)
			add(i, toks, topicKeywordWeight)
			add(i, topicBigrams(toks), topicKeywordWeight)
		}
	}

	minDF := 1
	if n >= topicMinDFTexts {
		minDF = topicMinDF
	}
	m := &topicMatrix{docs: make([]topicVector, n)}
	for st, c := range df {
		if c >= minDF && (c >= topicMinDF || !strings.Contains(st, " ")) {
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

	// topicKeywordWeight is what one occurrence of a term in a keyword
	// adds to its term frequency: keywords are chosen by the authors or
	// the source, so they count twice as much as a word of the text.
	topicKeywordWeight = 2
	topicMinKeywordLen = 2 // shortest kept keyword word, in runes
)

// TopicDoc is one paper as topic clustering sees it.
type TopicDoc struct {
	// Text is the free text: title and abstract, say.
	Text string

	// Keywords are terms given with the paper: author keywords, subject
	// categories, a profile page's category code. Each counts
	// topicKeywordWeight (2) times as much as the same term in Text. May
	// be nil.
	Keywords []string
}

// topicWeigh returns the normalised TF-IDF vector of one text's stem
// counts.
func topicWeigh(count map[string]float64, m *topicMatrix, index map[string]int32, df map[string]int, n int) topicVector {
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
		tf := 1 + math.Log(count[st])
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
