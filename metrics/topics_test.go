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
	asOf := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	res, err := corpus.Read("../testdata/profile-page.txt", &corpus.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(res.Papers, corpus.Resolve(res.Papers, nil), graph.Options{})
	for _, p := range g.Papers {
		src := res.Papers[p.Index]
		texts = append(texts, src.Title+"\n"+src.Abstract)
		authors = append(authors, p.Authors)
		titles = append(titles, src.Title)
	}
	return texts, authors, g.Len(), titles
}

var topicGFlowNetTitle = regexp.MustCompile(`(?i)gflownet|generative flow network`)

func TestTopicClustersSeedGFlowNets(t *testing.T) {
	texts, authors, n, titles := topicSeedInput(t)
	if len(texts) != 34 {
		t.Fatalf("seed has %d papers, want 34", len(texts))
	}
	top := TopicClusters(texts, authors, n, TopicOptions{})
	for c, l := range top.Labels {
		t.Logf("topic %d (%d papers): %v", c, top.Sizes[c], l)
	}

	count := make(map[int]int)
	var gfn []string
	for i, title := range titles {
		if topicGFlowNetTitle.MatchString(title) {
			count[top.Paper[i]]++
			gfn = append(gfn, fmt.Sprintf("%d %s", top.Paper[i], title))
		}
	}
	t.Logf("GFlowNet papers (topic, title):\n%s", strings.Join(gfn, "\n"))
	if len(gfn) != 11 {
		t.Fatalf("%d GFlowNet titles, want 11:\n%s", len(gfn), strings.Join(gfn, "\n"))
	}
	best, most := -1, 0
	for c := range top.Sizes {
		if count[c] > most {
			best, most = c, count[c]
		}
	}
	if 5*most < 4*len(gfn) {
		t.Errorf("largest share of GFlowNet papers in one topic = %d of %d, want at least 80%%:\n%s",
			most, len(gfn), strings.Join(gfn, "\n"))
	}
	if best < 0 || !slices.ContainsFunc(top.Labels[best], func(w string) bool {
		return strings.Contains(w, "gflownet")
	}) {
		t.Errorf("labels of the GFlowNet topic %d = %v, want a gflownet term", best, top.Labels)
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
