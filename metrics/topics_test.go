package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// topicSeedInput reads testdata/profile-page.txt and returns the texts,
// author lists and node count TopicClusters takes, and the titles.
func topicSeedInput(t testing.TB) (texts []string, authors [][]int32, n int, titles []string) {
	t.Helper()
	docs, authors, n, titles := topicSeedDocs(t)
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	return texts, authors, n, titles
}

// topicSeedDocs is topicSeedInput with the papers as TopicDocs whose
// keywords are the category code (Venue) and any keywords, as the report
// passes them.
func topicSeedDocs(t testing.TB) (docs []TopicDoc, authors [][]int32, n int, titles []string) {
	t.Helper()
	asOf := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	res, err := corpus.Read("../testdata/profile-page.txt", &corpus.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(res.Papers, corpus.Resolve(res.Papers, nil), graph.Options{})
	for _, p := range g.Papers {
		src := res.Papers[p.Index]
		kw := append([]string{src.Venue}, src.Keywords...)
		docs = append(docs, TopicDoc{Text: src.Title + "\n" + src.Abstract, Keywords: kw})
		authors = append(authors, p.Authors)
		titles = append(titles, src.Title)
	}
	return docs, authors, g.Len(), titles
}

var topicGFlowNetTitle = regexp.MustCompile(`(?i)gflownet|generative flow network`)

// topicSeedGroups are groups of seed papers read by hand from their
// titles and abstracts in testdata/profile-page.txt, each with the
// fewest of its papers that must share one topic.
var topicSeedGroups = []struct {
	name   string
	titles *regexp.Regexp
	count  int // papers the pattern must match
	least  int // of which at least this many in one topic
}{
	// The 11 titles naming GFlowNets or generative flow networks,
	// including torchgfn ("A PyTorch GFlowNet library") and "Accurate
	// and Diverse LLM Mathematical Reasoning via Automated PRM-Guided
	// GFlowNets".
	{"GFlowNets", topicGFlowNetTitle, 11, 10},
	// SAHM (Arabic financial benchmark), FinChain (financial reasoning
	// benchmark), ArabicDialectHub (Arabic learning resource).
	{"finance and Arabic", regexp.MustCompile(`^(SAHM|FinChain|ArabicDialectHub):`), 3, 3},
	// CORE, SD-E², PORT, LLM-BABYBENCH, Self-Play Language Models and
	// Noise-corrected GRPO: reasoning and training of language models.
	{"LLM reasoning", regexp.MustCompile(`^(CORE|SD-E|PORT|LLM-BABYBENCH|Investigating Regularization of Self-Play|Noise-corrected GRPO)`), 6, 5},
}

func TestTopicClustersSeedPurity(t *testing.T) {
	docs, authors, n, titles := topicSeedDocs(t)
	if len(docs) != 34 {
		t.Fatalf("seed has %d papers, want 34", len(docs))
	}
	for seed := uint64(1); seed <= 5; seed++ {
		top := TopicClustersDocs(docs, authors, n, TopicOptions{Seed: seed})
		for _, grp := range topicSeedGroups {
			count := make(map[int]int)
			var lines []string
			for i, title := range titles {
				if grp.titles.MatchString(title) {
					count[top.Paper[i]]++
					lines = append(lines, fmt.Sprintf("%d %s", top.Paper[i], title))
				}
			}
			if len(lines) != grp.count {
				t.Fatalf("%s: %d titles match, want %d:\n%s", grp.name, len(lines), grp.count, strings.Join(lines, "\n"))
			}
			most := 0
			for _, c := range count {
				most = max(most, c)
			}
			if most < grp.least {
				t.Errorf("seed %d: %s: most in one topic = %d of %d, want at least %d (labels %q):\n%s",
					seed, grp.name, most, grp.count, grp.least, top.Labels, strings.Join(lines, "\n"))
			}
		}
	}
}

func TestTopicClustersSeedGFlowNetLabel(t *testing.T) {
	docs, authors, n, titles := topicSeedDocs(t)
	top := TopicClustersDocs(docs, authors, n, TopicOptions{Seed: 1})
	count := make([]int, len(top.Sizes))
	for i, title := range titles {
		if topicGFlowNetTitle.MatchString(title) && top.Paper[i] >= 0 {
			count[top.Paper[i]]++
		}
	}
	best := slices.Index(count, slices.Max(count))
	if !slices.ContainsFunc(top.Labels[best], func(w string) bool {
		return strings.Contains(w, "gflownet") || strings.Contains(w, "flow")
	}) {
		t.Errorf("labels of the GFlowNet topic %d = %q, want a gflownet or flow term", best, top.Labels[best])
	}
}

func TestTopicClustersSeedStableK(t *testing.T) {
	docs, authors, n, _ := topicSeedDocs(t)
	first := -1
	for seed := uint64(1); seed <= 10; seed++ {
		top := TopicClustersDocs(docs, authors, n, TopicOptions{Seed: seed})
		k := len(top.Sizes)
		t.Logf("seed %d: K = %d, sizes %v, labels %q", seed, k, top.Sizes, top.Labels)
		if first < 0 {
			first = k
		}
		if k != first {
			t.Errorf("seed %d: K = %d, want %d as for seed 1", seed, k, first)
		}
	}
}

// TestTopicClustersPlanted clusters 60 documents drawn from three
// disjoint vocabularies of 30 words each, mixed with a shared vocabulary
// of 40 words (one word in three), and checks that the automatic K
// finds the three and that purity (the share of documents in the topic
// whose planted vocabulary is the most common in it) is at least 0.9.
func TestTopicClustersPlanted(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 0))
	letters := "abcdefghijklmnopqrstuvwxyz"
	word := func(v, i int) string {
		return fmt.Sprintf("%c%c%cword", letters[v], letters[i%26], letters[i/26])
	}
	docs := make([]TopicDoc, 60)
	planted := make([]int, 60)
	for d := range docs {
		planted[d] = d % 3
		var b strings.Builder
		for range 25 {
			if rng.IntN(3) == 0 {
				b.WriteString(word(20, rng.IntN(40)))
			} else {
				b.WriteString(word(planted[d], rng.IntN(30)))
			}
			b.WriteByte(' ')
		}
		docs[d].Text = b.String()
	}
	for seed := uint64(1); seed <= 3; seed++ {
		top := TopicClustersDocs(docs, nil, 0, TopicOptions{Seed: seed})
		if len(top.Sizes) != 3 {
			t.Errorf("seed %d: K = %d, want 3", seed, len(top.Sizes))
		}
		if p := topicPurity(top.Paper, planted, len(top.Sizes)); p < 0.9 {
			t.Errorf("seed %d: purity = %.3f, want at least 0.9", seed, p)
		}
	}
}

// topicPurity returns Σ_t max_v |t ∩ v| / n over found topics t and
// planted classes v; papers without a topic count as misplaced.
func topicPurity(found, planted []int, k int) float64 {
	count := make([]map[int]int, k)
	for i, t := range found {
		if t < 0 {
			continue
		}
		if count[t] == nil {
			count[t] = map[int]int{}
		}
		count[t][planted[i]]++
	}
	total := 0
	for _, c := range count {
		best := 0
		for _, x := range c {
			best = max(best, x)
		}
		total += best
	}
	return float64(total) / float64(len(found))
}

func TestTopicLabelsMinDF(t *testing.T) {
	// "rely" and "self" are each in one paper of the ocean topic; with
	// a minimum of two papers per label term they cannot label it even
	// though no other paper has them.
	texts := []string{
		"ocean tides coastal erosion rely",
		"ocean tides coastal waves self",
		"ocean waves erosion tides",
		"galaxy telescope redshift survey",
		"galaxy telescope redshift optics",
		"galaxy survey optics redshift",
	}
	top := TopicClusters(texts, nil, 0, TopicOptions{K: 2, Terms: 10})
	for c, l := range top.Labels {
		if slices.Contains(l, "rely") || slices.Contains(l, "self") {
			t.Errorf("Labels[%d] = %q, want no term of a single paper", c, l)
		}
	}
	if !slices.Contains(top.Labels[0], "ocean") && !slices.Contains(top.Labels[1], "ocean") {
		t.Errorf("Labels = %q, want ocean in one of them", top.Labels)
	}
}

func TestTopicClustersBigramsAndKeywords(t *testing.T) {
	docs := []TopicDoc{
		{Text: "Flow networks sample graphs."},
		{Text: "We train flow networks."},
		{Text: "Graphs sample flow, networks train."}, // punctuation breaks the pair
		{Text: "Galaxy surveys.", Keywords: []string{"Flow networks", "LG"}},
	}
	m := topicVectorizeDocs(docs)
	j, ok := slices.BinarySearch(m.stems, "flow network")
	if !ok {
		t.Fatalf("stems = %q, want the bigram \"flow network\"", m.stems)
	}
	if m.words[j] != "flow networks" {
		t.Errorf("word of the bigram = %q, want \"flow networks\"", m.words[j])
	}
	if slices.Contains(m.stems, "sample graph") {
		t.Errorf("stems = %q: \"sample graph\" is in one text only, want it dropped", m.stems)
	}
	if !slices.Contains(m.stems, "lg") {
		t.Errorf("stems = %q, want the keyword \"lg\"", m.stems)
	}
	has := func(d int) bool { _, ok := slices.BinarySearch(m.docs[d].idx, int32(j)); return ok }
	if !has(0) || !has(1) || has(2) || !has(3) {
		t.Errorf("bigram in docs 0..3 = %v %v %v %v, want true true false true", has(0), has(1), has(2), has(3))
	}
}

func TestTopicAuthorMix(t *testing.T) {
	texts := []string{
		"ocean tides coastal erosion", "ocean waves coastal tides",
		"galaxy telescope redshift", "telescope galaxy survey redshift",
		"the of and",
	}
	authors := [][]int32{{0}, {0, 1}, {0}, {1}, {2}}
	top := TopicClusters(texts, authors, 4, TopicOptions{K: 2})
	ocean, sky := top.Paper[0], top.Paper[2]
	// Author 0 has two ocean papers and one sky paper; author 1 one of
	// each; author 2 only the paper without words; author 3 none.
	want := [][]float64{make([]float64, 2), make([]float64, 2), {0, 0}, {0, 0}}
	want[0][ocean], want[0][sky] = 2.0/3, 1.0/3
	want[1][ocean], want[1][sky] = 0.5, 0.5
	const tol = 1e-15
	for u := range want {
		for k := range want[u] {
			if math.Abs(top.AuthorMix[u][k]-want[u][k]) > tol {
				t.Errorf("AuthorMix[%d] = %v, want %v", u, top.AuthorMix[u], want[u])
				break
			}
		}
	}
}

func TestCommunityTopics(t *testing.T) {
	p := &Partition{Of: []int{0, 0, 1, 1, 0}, Sizes: []int{3, 2}}
	top := &Topics{Author: []int{1, 0, 1, -1, 1}, Sizes: []int{4, 2}}
	// Community 0 = {0, 1, 4}: topics 1, 0, 1. Community 1 = {2, 3}:
	// topic 1 and none.
	want := [][]int{{1, 2}, {0, 1}}
	got := CommunityTopics(p, top)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CommunityTopics = %v, want %v", got, want)
	}
}

func TestTopicClustersSeedShape(t *testing.T) {
	texts, authors, n, _ := topicSeedInput(t)
	top := TopicClusters(texts, authors, n, TopicOptions{Terms: 3})
	k := len(top.Sizes)
	if k < 2 || k > 4 { // ⌊√(34/2)⌋ = 4
		t.Errorf("K = %d, want in [2, 4]", k)
	}
	if len(top.Labels) != k || len(top.Paper) != len(texts) || len(top.Author) != n {
		t.Fatalf("lengths: labels %d, paper %d, author %d; want %d, %d, %d",
			len(top.Labels), len(top.Paper), len(top.Author), k, len(texts), n)
	}
	for c, l := range top.Labels {
		if len(l) != 3 {
			t.Errorf("topic %d has %d labels, want 3", c, len(l))
		}
	}
	sizes := make([]int, k)
	for _, c := range top.Paper {
		sizes[c]++
	}
	if !slices.Equal(sizes, top.Sizes) {
		t.Errorf("Sizes = %v, want %v counted from Paper", top.Sizes, sizes)
	}
	if !slices.IsSortedFunc(sizes, func(a, b int) int { return b - a }) {
		t.Errorf("Sizes = %v, want decreasing", sizes)
	}
}

func TestTopicClustersDeterministic(t *testing.T) {
	texts, authors, n, _ := topicSeedInput(t)
	for _, opt := range []TopicOptions{{}, {K: 5, Seed: 7}} {
		a := TopicClusters(texts, authors, n, opt)
		b := TopicClusters(texts, authors, n, opt)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("TopicClusters(%+v) differs between runs:\n%+v\n%+v", opt, a, b)
		}
	}
}

func TestTopicClustersSmall(t *testing.T) {
	texts := []string{
		"ocean tides coastal erosion",             // 0
		"galaxy telescope redshift",               // 1
		"the of and",                              // 2: no usable words
		"coastal erosion ocean waves",             // 3
		"telescope galaxy survey redshift",        // 4
		"ocean waves coastal tides",               // 5
		"redshift survey galaxy telescope optics", // 6
		"",                          // 7
		"tides ocean erosion waves", // 8
	}
	authors := [][]int32{{0}, {1}, {2}, {0, 1}, {1}, {0}, {3}, {1}, {0, 3}}
	top := TopicClusters(texts, authors, 5, TopicOptions{K: 2, Terms: 2})

	wantPaper := []int{0, 1, -1, 0, 1, 0, 1, -1, 0}
	if !slices.Equal(top.Paper, wantPaper) {
		t.Errorf("Paper = %v, want %v", top.Paper, wantPaper)
	}
	if want := []int{4, 3}; !slices.Equal(top.Sizes, want) {
		t.Errorf("Sizes = %v, want %v", top.Sizes, want)
	}
	// Author 0 has papers 0, 3, 5, 8 (topic 0); author 1 has 1, 4
	// (topic 1) and 3 (topic 0); author 2 only the empty paper 2; author
	// 3 has 6 (topic 1) and 8 (topic 0), a tie won by topic 0; author 4
	// has no paper.
	if want := []int{0, 1, -1, 0, -1}; !slices.Equal(top.Author, want) {
		t.Errorf("Author = %v, want %v", top.Author, want)
	}
	for c, l := range top.Labels {
		if len(l) != 2 {
			t.Errorf("Labels[%d] = %q, want 2 terms", c, l)
		}
	}
	if !slices.Contains(top.Labels[0], "ocean") || !slices.Contains(top.Labels[1], "galaxy") &&
		!slices.Contains(top.Labels[1], "telescope") && !slices.Contains(top.Labels[1], "redshift") {
		t.Errorf("Labels = %q, want ocean words first, then galaxy words", top.Labels)
	}
}

func TestTopicClustersEdgeCases(t *testing.T) {
	top := TopicClusters(nil, nil, 2, TopicOptions{})
	if len(top.Sizes) != 0 || len(top.Paper) != 0 || !slices.Equal(top.Author, []int{-1, -1}) {
		t.Errorf("TopicClusters(nil) = %+v, want no topics and two authors at -1", top)
	}
	top = TopicClusters([]string{"graph theory", "graph colouring"}, nil, 0, TopicOptions{})
	if !slices.Equal(top.Paper, []int{0, 0}) || !slices.Equal(top.Sizes, []int{2}) {
		t.Errorf("two papers: Paper = %v, Sizes = %v, want [0 0], [2]", top.Paper, top.Sizes)
	}
	top = TopicClusters([]string{"graph theory", "graph colouring"}, nil, 0, TopicOptions{K: 5})
	if len(top.Sizes) != 2 {
		t.Errorf("K = 5 on two papers gave %d topics, want 2", len(top.Sizes))
	}
}

func TestTopicClustersPanics(t *testing.T) {
	tests := []struct {
		name    string
		texts   []string
		authors [][]int32
		n       int
		opt     TopicOptions
	}{
		{"length mismatch", []string{"a b c"}, [][]int32{{0}, {1}}, 2, TopicOptions{}},
		{"node out of range", []string{"graph"}, [][]int32{{2}}, 2, TopicOptions{}},
		{"negative K", []string{"graph"}, nil, 0, TopicOptions{K: -1}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("TopicClusters did not panic")
				}
			}()
			TopicClusters(test.texts, test.authors, test.n, test.opt)
		})
	}
}

func topicUnit(xs ...float64) topicVector {
	var v topicVector
	for j, x := range xs {
		if x != 0 {
			v.idx = append(v.idx, int32(j))
			v.val = append(v.val, x)
		}
	}
	return v
}

func TestTopicSilhouette(t *testing.T) {
	// Four unit vectors in the plane, clusters {x1, x2} and {x3, x4}.
	// Cosine distances by hand: d12 = 0.2, d13 = 1, d14 = 0.4,
	// d23 = 0.4, d24 = 0.04, d34 = 0.2. So
	//   s1 = s3 = (0.7 - 0.2) / 0.7  = 5/7   (b = (1 + 0.4)/2)
	//   s2 = s4 = (0.22 - 0.2) / 0.22 = 1/11 (b = (0.4 + 0.04)/2)
	// and the mean is (5/7 + 1/11) / 2 = 31/77.
	vecs := []topicVector{
		topicUnit(1, 0), topicUnit(0.8, 0.6), topicUnit(0, 1), topicUnit(0.6, 0.8),
	}
	tests := []struct {
		name   string
		assign []int
		k      int
		want   float64
	}{
		{"two pairs", []int{0, 0, 1, 1}, 2, 31.0 / 77},
		// x1 alone scores 0. x2: a = mean(0.4, 0.04) = 0.22, b = 0.2,
		// s = -0.02/0.22 = -1/11. x3: a = (0.4 + 0.2)/2 = 0.3, b = 1,
		// s = 0.7. x4: a = (0.04 + 0.2)/2 = 0.12, b = 0.4, s = 0.7.
		// Mean (0 - 1/11 + 0.7 + 0.7) / 4.
		{"singleton", []int{0, 1, 1, 1}, 2, (1.4 - 1.0/11) / 4},
		{"empty cluster ignored", []int{0, 0, 2, 2}, 3, 31.0 / 77},
	}
	const tol = 1e-12
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got := topicSilhouette(vecs, 2, test.assign, test.k)
			if math.Abs(got-test.want) > tol {
				t.Errorf("topicSilhouette = %.15g, want %.15g", got, test.want)
			}
		})
	}
}

// topicSilhouetteDirect is the O(n²) definition, to check the shortcut.
func topicSilhouetteDirect(vecs []topicVector, dim int, assign []int, k int) float64 {
	total := 0.0
	for i, v := range vecs {
		sum := make([]float64, k)
		size := make([]int, k)
		dv := topicDense(v, dim)
		for j, w := range vecs {
			if j != i {
				sum[assign[j]] += 1 - topicDot(w, dv)
				size[assign[j]]++
			}
		}
		own := assign[i]
		if size[own] == 0 {
			continue
		}
		a := sum[own] / float64(size[own])
		b := math.Inf(1)
		for c := range k {
			if c != own && size[c] > 0 {
				b = min(b, sum[c]/float64(size[c]))
			}
		}
		total += (b - a) / max(a, b)
	}
	return total / float64(len(vecs))
}

func TestTopicSilhouetteDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n, dim, k = 40, 6, 4
	vecs := make([]topicVector, n)
	assign := make([]int, n)
	for i := range vecs {
		xs := make([]float64, dim)
		for j := range xs {
			if rng.IntN(2) == 0 {
				xs[j] = rng.Float64()
			}
		}
		xs[rng.IntN(dim)] += 0.1
		topicNormalize(xs)
		vecs[i] = topicUnit(xs...)
		assign[i] = rng.IntN(k)
	}
	got := topicSilhouette(vecs, dim, assign, k)
	want := topicSilhouetteDirect(vecs, dim, assign, k)
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("topicSilhouette = %.15g, want %.15g from the pairwise definition", got, want)
	}
}

func TestTopicRenumber(t *testing.T) {
	// Cluster 2 has three members, clusters 0 and 3 two each (0 first
	// seen at index 3, 3 at index 0), cluster 1 none.
	got, k := topicRenumber([]int{3, 2, 2, 0, 3, 0, 2}, 4)
	if want := []int{1, 0, 0, 2, 1, 2, 0}; !slices.Equal(got, want) || k != 3 {
		t.Errorf("topicRenumber = %v, %d, want %v, 3", got, k, want)
	}
}

// topicSyntheticTexts makes n texts of 60 words drawn from one of ten
// themes of 40 words, mixed with words shared by all themes.
func topicSyntheticTexts(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 0))
	word := func(theme, i int) string { return fmt.Sprintf("w%ct%dx%d", 'a'+rune(i%26), theme, i) }
	texts := make([]string, n)
	var b strings.Builder
	for d := range texts {
		theme := rng.IntN(10)
		b.Reset()
		for range 60 {
			if rng.IntN(3) == 0 {
				b.WriteString(word(99, rng.IntN(200)))
			} else {
				b.WriteString(word(theme, rng.IntN(40)))
			}
			b.WriteByte(' ')
		}
		texts[d] = b.String()
	}
	return texts
}

func BenchmarkTopicClusters(b *testing.B) {
	for _, n := range []int{200, 2000} {
		texts := topicSyntheticTexts(n, 1)
		authors := make([][]int32, n)
		for i := range authors {
			authors[i] = []int32{int32(i % 100)}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				TopicClusters(texts, authors, 100, TopicOptions{Seed: 1})
			}
		})
	}
}
