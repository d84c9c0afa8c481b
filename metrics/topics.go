package metrics

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// TopicOptions control [TopicClusters]. The zero value chooses the number
// of topics itself, seeds with 0 and labels each topic with 5 terms.
type TopicOptions struct {
	// K is the number of topics. Zero chooses it in [2, min(12,
	// ⌊√(m/2)⌋)], where m is the number of papers with usable words, by
	// consensus (evidence accumulation): for every K in that range 200
	// k-means runs are made from different k-means++ starts; the share of
	// all runs that put two papers together is their consensus; the
	// papers are clustered by average linkage on 1 - consensus, and K is
	// the number of clusters that lives longest in that tree (the largest
	// gap between the merge distance that forms K clusters and the one
	// that joins two of them), ties going to the smaller K. The topics are
	// the K clusters of the tree. When the range is empty (m < 8) all such
	// papers form one topic. A K larger than m is lowered to m; a given K
	// also takes the topics from the consensus of 200 runs at that K.
	// Negative values panic.
	//
	// Above 600 papers the quadratic consensus matrix costs too much: the
	// topics are then the best of 30 runs (highest objective J) and K the
	// one whose runs have the highest mean silhouette.
	//
	// Consensus makes K and the topics depend little on Seed. On the 34
	// papers of testdata/profile-page.txt the silhouette of the best
	// k-means run chose K = 2, 3 or 4 depending on the seed, its values
	// for K = 2..6 all lying between 0.02 and 0.04; consensus gives K = 2
	// for seeds 1 to 10. The bound √(m/2) is the usual rule of thumb for
	// the number of clusters.
	K int

	// Seed seeds the k-means++ initialisation. The same texts, options
	// and seed give the same topics.
	Seed uint64

	// Terms is the number of label terms per topic; zero means 5.
	Terms int
}

const (
	topicDefaultTerms = 5
	topicMaxAutoK     = 12
	topicRestarts     = 30  // k-means runs per K; the best objective wins
	topicMaxIter      = 100 // Lloyd iterations per run

	// topicConsensusRuns is the number of k-means runs per K whose
	// co-assignments are accumulated.
	topicConsensusRuns = 200
)

// TopicClusters is [TopicClustersDocs] on texts without keywords.
func TopicClusters(texts []string, authors [][]int32, nAuthors int, opt TopicOptions) *Topics {
	docs := make([]TopicDoc, len(texts))
	for i, s := range texts {
		docs[i].Text = s
	}
	return TopicClustersDocs(docs, authors, nAuthors, opt)
}

// TopicClustersDocs groups papers by the words of their texts and
// keywords and returns the topics.
//
// docs[i] is paper i (its text and keywords, see [TopicDoc]) and
// authors[i] its authors' node ids, below nAuthors; authors may be nil,
// which leaves every author without a topic. The result's Paper is
// indexed like docs and its Author and AuthorMix have nAuthors entries.
// TopicClustersDocs panics if authors is not nil and has a length other
// than len(docs),
// if a node id is out of range, or if opt.K is negative.
//
// # Method
//
// Texts are tokenised, stop words dropped and words stemmed (see
// topicTokenize and topicStem in text.go). The terms are the stems and
// the bigrams: two stems next to each other with no stop word or
// punctuation between them ("generative flow", "flow network"), kept
// when at least two papers hold them. Keywords add their terms with
// twice the weight of a word of the text. Terms are weighed by TF-IDF
// with sublinear term frequency and smoothed inverse document frequency
// and normalised to unit length:
//
//	w(t, d) = (1 + ln tf(t, d)) * (1 + ln((1 + n) / (1 + df(t))))
//
// With ten papers or more, stems found in a single paper are dropped.
// Papers left without terms get topic -1. The rest are clustered by
// spherical k-means (cosine similarity, centroids renormalised each
// step), started by k-means++ seeding (the next centre drawn with
// probability proportional to 1 - cos to the nearest centre) from a PCG
// source seeded with (opt.Seed, K<<32 | run). Up to 600 papers the
// topics come from the consensus of 200 runs per K (see
// [TopicOptions].K); above, from the best of 30 runs by
//
//	J = Σ_d cos(d, c(d))
//
// with K chosen by the mean over the runs of the mean silhouette
//
//	s(d) = (b(d) - a(d)) / max(a(d), b(d))
//
// where a(d) is the mean cosine distance 1 - cos from d to the other
// members of its topic and b(d) the smallest mean distance to another
// topic; s(d) = 0 when d is alone in its topic.
//
// Reference for the consensus: A. L. N. Fred and A. K. Jain, Combining
// multiple clusterings using evidence accumulation, IEEE TPAMI 27
// (2005), doi:10.1109/TPAMI.2005.113.
//
// # Output
//
// Topics are numbered from 0 by decreasing size, ties broken by the
// smallest paper index. A topic's labels are its distinctive terms (see
// topicRank): the terms held by at least two of its papers (one for a
// topic of one paper), ranked by the share of the topic's papers that
// hold them minus the share of the other papers that do:
//
//	score(t, c) = df_c(t) / n_c - (df(t) - df_c(t)) / (n - n_c)
//
// positive scores only, largest first, ties to the larger df_c(t) and
// then byte order. A term sharing a stem with a label already chosen is
// skipped, so "flow network" does not follow "generative flow". Each
// term is shown as the words most often seen behind it. Author[u] is the
// topic of most of u's papers, ties going to the smaller topic number,
// -1 when none of u's papers has a topic. AuthorMix[u][t] is the share
// of u's papers with a topic that are in topic t; the row is all zeros
// when none is.
//
// Reference: I. S. Dhillon and D. S. Modha, Concept decompositions for
// large sparse text data using clustering, Machine Learning 42 (2001),
// doi:10.1023/A:1007612920971. D. Arthur and S. Vassilvitskii,
// k-means++: the advantages of careful seeding, SODA 2007.
// P. J. Rousseeuw, Silhouettes, J. Comput. Appl. Math. 20 (1987),
// doi:10.1016/0377-0427(87)90125-7.
func TopicClustersDocs(docs []TopicDoc, authors [][]int32, nAuthors int, opt TopicOptions) *Topics {
	if authors != nil && len(authors) != len(docs) {
		panic(fmt.Sprintf("metrics: %d author lists for %d texts", len(authors), len(docs)))
	}
	if opt.K < 0 {
		panic(fmt.Sprintf("metrics: negative topic count %d", opt.K))
	}
	terms := opt.Terms
	if terms <= 0 {
		terms = topicDefaultTerms
	}

	m := topicVectorizeDocs(docs)
	var used []int // indices of texts with terms
	for i, d := range m.docs {
		if len(d.idx) > 0 {
			used = append(used, i)
		}
	}
	vecs := make([]topicVector, len(used))
	for k, i := range used {
		vecs[k] = m.docs[i]
	}
	dim := len(m.stems)

	assign, k := topicChoose(vecs, dim, opt)
	assign, k = topicRenumber(assign, k)

	t := &Topics{Paper: make([]int, len(docs)), Sizes: make([]int, k)}
	for i := range t.Paper {
		t.Paper[i] = -1
	}
	for k, i := range used {
		t.Paper[i] = assign[k]
		t.Sizes[assign[k]]++
	}
	t.Labels = topicLabels(m, vecs, assign, k, terms)
	t.Author, t.AuthorMix = topicAuthors(t.Paper, authors, nAuthors, k)
	return t
}

// topicChoose clusters vecs with opt.K topics, or chooses K when opt.K
// is zero, and returns the assignment and K. Up to topicConsensusMax
// papers it works by consensus (see [TopicOptions].K); above, by the
// best of the k-means runs.
//
// TODO: the consensus costs O(m²) memory and O(m³) time for the linkage;
// a sparse consensus or a sample of papers would extend it beyond
// topicConsensusMax.
func topicChoose(vecs []topicVector, dim int, opt TopicOptions) ([]int, int) {
	m := len(vecs)
	if m == 0 {
		return nil, 0
	}
	lo, hi := opt.K, opt.K
	if opt.K > 0 {
		lo = min(opt.K, m)
		hi = lo
	} else {
		lo, hi = 2, min(topicMaxAutoK, int(math.Sqrt(float64(m)/2)))
		if hi < 2 {
			return make([]int, m), 1
		}
	}
	if m > topicConsensusMax {
		return topicChooseLarge(vecs, dim, lo, hi, opt.Seed)
	}

	var runs [][]int
	for k := lo; k <= hi; k++ {
		runs = append(runs, topicRuns(vecs, dim, k, opt.Seed)...)
	}
	merges := topicLinkage(topicCoAssign(runs, m))
	k := topicLifetimeK(merges, m, lo, hi)
	return topicCut(merges, m, k), k
}

// topicChooseLarge is topicChoose above topicConsensusMax papers: the
// best k-means run for each K, and the K of the highest mean silhouette
// over the runs. Above topicSampleMax papers, K and the centres are found
// on an evenly spaced sample of topicSampleMax papers, and every paper
// then goes to its nearest centre (Lloyd's iterations from those
// centres), so the cost grows linearly with the papers past the sample.
func topicChooseLarge(vecs []topicVector, dim, lo, hi int, seed uint64) ([]int, int) {
	sample := vecs
	if len(vecs) > topicSampleMax {
		sample = make([]topicVector, topicSampleMax)
		for i := range sample {
			sample[i] = vecs[i*len(vecs)/topicSampleMax]
		}
	}
	var best []int
	bestK, bestS := 0, math.Inf(-1)
	for k := lo; k <= hi; k++ {
		a, s := topicKMeans(sample, dim, k, seed, lo < hi)
		if s > bestS || best == nil {
			best, bestK, bestS = a, k, s
		}
	}
	if len(sample) == len(vecs) {
		return best, bestK
	}
	cents := make([][]float64, bestK)
	for i := range cents {
		cents[i] = make([]float64, dim)
	}
	topicCentroids(sample, dim, best, cents)
	all, _ := topicLloyd(vecs, dim, cents)
	return all, bestK
}

// topicSampleMax is the most papers on which topicChooseLarge chooses K
// and the centres.
const topicSampleMax = 5000

// topicKMeans runs spherical k-means topicRestarts times and returns the
// assignment of the run with the highest objective (the first on ties)
// and, when silhouettes is true, the mean over the runs of each run's
// mean silhouette. Clusters may come out empty when vecs hold fewer than
// k distinct vectors.
//
// TODO: the runs are independent and could run in parallel; on 2000
// synthetic texts the automatic choice of K takes about 1.3 s on one core.
func topicKMeans(vecs []topicVector, dim, k int, seed uint64, silhouettes bool) ([]int, float64) {
	var best []int
	bestJ, sil := math.Inf(-1), 0.0
	for run := range topicRestarts {
		rng := rand.New(rand.NewPCG(seed, uint64(k)<<32|uint64(run)))
		a, j := topicLloyd(vecs, dim, topicSeeds(vecs, dim, k, rng))
		if silhouettes {
			sil += topicSilhouette(vecs, dim, a, k)
		}
		if j > bestJ {
			best, bestJ = a, j
		}
	}
	return best, sil / topicRestarts
}

// topicSeeds picks k initial centres by k-means++: the first uniformly,
// each next one with probability proportional to 1 - cos to the nearest
// centre chosen so far (for unit vectors, half the squared Euclidean
// distance). It returns the centres as dense unit vectors.
func topicSeeds(vecs []topicVector, dim, k int, rng *rand.Rand) [][]float64 {
	cents := make([][]float64, 0, k)
	dist := make([]float64, len(vecs))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	next := rng.IntN(len(vecs))
	for len(cents) < k {
		c := topicDense(vecs[next], dim)
		cents = append(cents, c)
		total := 0.0
		for i, v := range vecs {
			dist[i] = min(dist[i], max(0, 1-topicDot(v, c)))
			total += dist[i]
		}
		if total == 0 {
			next = rng.IntN(len(vecs))
			continue
		}
		r := rng.Float64() * total
		next = len(vecs) - 1
		for i, d := range dist {
			if r < d {
				next = i
				break
			}
			r -= d
		}
	}
	return cents
}

// topicLloyd refines the centres until no assignment changes or
// topicMaxIter rounds have run, and returns the assignment and its
// objective Σ cos(d, c(d)). A cluster that empties is restarted at the
// vector least similar to its centre among those in clusters of two or
// more.
func topicLloyd(vecs []topicVector, dim int, cents [][]float64) ([]int, float64) {
	assign := make([]int, len(vecs))
	sim := make([]float64, len(vecs))
	for i := range assign {
		assign[i] = -1
	}
	for range topicMaxIter {
		changed := false
		for i, v := range vecs {
			c, s := topicNearest(v, cents)
			sim[i] = s
			if c != assign[i] {
				assign[i], changed = c, true
			}
		}
		if !changed {
			break
		}
		topicCentroids(vecs, dim, assign, cents)
		topicFillEmpty(vecs, dim, assign, sim, cents)
	}

	j := 0.0
	for i, v := range vecs {
		j += topicDot(v, cents[assign[i]])
	}
	return assign, j
}

// topicNearest returns the centre most similar to v, the first on ties,
// and the similarity.
func topicNearest(v topicVector, cents [][]float64) (int, float64) {
	best, bs := 0, math.Inf(-1)
	for c, cent := range cents {
		if s := topicDot(v, cent); s > bs {
			best, bs = c, s
		}
	}
	return best, bs
}

// topicCentroids sets each centre to the normalised sum of its members,
// or to all zeros when it has none.
func topicCentroids(vecs []topicVector, dim int, assign []int, cents [][]float64) {
	for _, c := range cents {
		clear(c)
	}
	for i, v := range vecs {
		topicAdd(cents[assign[i]], v)
	}
	for _, c := range cents {
		topicNormalize(c)
	}
}

// topicFillEmpty moves, for each empty cluster, the worst-fitting vector
// of a cluster with two members or more into it.
func topicFillEmpty(vecs []topicVector, dim int, assign []int, sim []float64, cents [][]float64) {
	size := make([]int, len(cents))
	for _, c := range assign {
		size[c]++
	}
	for c := range cents {
		if size[c] > 0 {
			continue
		}
		worst := -1
		for i := range vecs {
			if size[assign[i]] > 1 && (worst < 0 || sim[i] < sim[worst]) {
				worst = i
			}
		}
		if worst < 0 {
			return
		}
		size[assign[worst]]--
		size[c]++
		assign[worst] = c
		sim[worst] = math.Inf(1)
		copy(cents[c], topicDense(vecs[worst], dim))
	}
}

// topicSilhouette returns the mean silhouette of the assignment under
// cosine distance 1 - cos, 0 for a vector alone in its cluster.
//
// Because the distance is linear in the other vector, the mean distance
// from v to a cluster is 1 - v·S/|C| with S the sum of the cluster's
// vectors (v's own term taken out when v is a member), so the cost is
// O(nnz·k) rather than O(n²).
func topicSilhouette(vecs []topicVector, dim int, assign []int, k int) float64 {
	if len(vecs) == 0 {
		return 0
	}
	sums := make([][]float64, k)
	size := make([]int, k)
	for c := range sums {
		sums[c] = make([]float64, dim)
	}
	for i, v := range vecs {
		topicAdd(sums[assign[i]], v)
		size[assign[i]]++
	}

	total := 0.0
	for i, v := range vecs {
		own := assign[i]
		if size[own] < 2 {
			continue
		}
		self := 0.0
		for _, x := range v.val {
			self += x * x
		}
		a := 1 - (topicDot(v, sums[own])-self)/float64(size[own]-1)
		b := math.Inf(1)
		for c := range sums {
			if c != own && size[c] > 0 {
				b = min(b, 1-topicDot(v, sums[c])/float64(size[c]))
			}
		}
		if den := max(a, b); den > 0 && !math.IsInf(b, 1) {
			total += (b - a) / den
		}
	}
	return total / float64(len(vecs))
}

// topicRenumber drops empty clusters and numbers the rest by decreasing
// size, ties broken by the smallest member. It returns the new
// assignment and the number of clusters.
func topicRenumber(assign []int, k int) ([]int, int) {
	size := make([]int, k)
	first := make([]int, k)
	for c := range first {
		first[c] = len(assign)
	}
	for i, c := range assign {
		size[c]++
		first[c] = min(first[c], i)
	}
	var order []int
	for c := range k {
		if size[c] > 0 {
			order = append(order, c)
		}
	}
	slices.SortFunc(order, func(x, y int) int {
		if d := cmp.Compare(size[y], size[x]); d != 0 {
			return d
		}
		return cmp.Compare(first[x], first[y])
	})
	to := make([]int, k)
	for n, c := range order {
		to[c] = n
	}
	out := make([]int, len(assign))
	for i, c := range assign {
		out[i] = to[c]
	}
	return out, len(order)
}

// topicLabelMinDF is the fewest papers of a topic that must hold a term
// for it to label the topic, unless the topic has fewer papers.
const topicLabelMinDF = 2

// topicRank returns, for each topic, the indices of its distinctive
// terms, most distinctive first, by the score documented on
// [TopicClustersDocs]. A term is present in a paper when its weight is
// not zero.
func topicRank(m *topicMatrix, vecs []topicVector, assign []int, k int) [][]int {
	dim := len(m.stems)
	all := make([]int, dim)
	dfc := make([][]int, k)
	size := make([]int, k)
	for c := range dfc {
		dfc[c] = make([]int, dim)
	}
	for i, v := range vecs {
		for _, j := range v.idx {
			dfc[assign[i]][j]++
			all[j]++
		}
		size[assign[i]]++
	}

	ranks := make([][]int, k)
	score := make([]float64, dim)
	for c := range k {
		out := len(vecs) - size[c]
		need := min(topicLabelMinDF, size[c])
		var cand []int
		for j := range dim {
			if dfc[c][j] < need || need == 0 {
				continue
			}
			score[j] = float64(dfc[c][j]) / float64(size[c])
			if out > 0 {
				score[j] -= float64(all[j]-dfc[c][j]) / float64(out)
			}
			if score[j] > 0 {
				cand = append(cand, j)
			}
		}
		slices.SortFunc(cand, func(x, y int) int {
			if d := cmp.Compare(score[y], score[x]); d != 0 {
				return d
			}
			if d := cmp.Compare(dfc[c][y], dfc[c][x]); d != 0 {
				return d
			}
			return cmp.Compare(m.stems[x], m.stems[y])
		})
		ranks[c] = cand
	}
	return ranks
}

// topicLabels returns up to terms label words per topic: the ranked
// terms of topicRank, skipping those that share a stem with a label
// already chosen for the topic.
func topicLabels(m *topicMatrix, vecs []topicVector, assign []int, k, terms int) [][]string {
	ranks := topicRank(m, vecs, assign, k)
	labels := make([][]string, k)
	for c, cand := range ranks {
		labels[c] = []string{}
		used := map[string]bool{}
		for _, j := range cand {
			if len(labels[c]) == terms {
				break
			}
			parts := strings.Fields(m.stems[j])
			if slices.ContainsFunc(parts, func(p string) bool { return used[p] }) {
				continue
			}
			for _, p := range parts {
				used[p] = true
			}
			labels[c] = append(labels[c], m.words[j])
		}
	}
	return labels
}

// topicAuthors returns each author's most frequent topic and topic
// mixture. The mixture is nil when authors is nil.
func topicAuthors(paper []int, authors [][]int32, n, k int) ([]int, [][]float64) {
	count := make([][]int, n)
	for i, as := range authors {
		for _, u := range as {
			if u < 0 || int(u) >= n {
				panic(fmt.Sprintf("metrics: node id %d out of range [0, %d)", u, n))
			}
			if paper[i] < 0 {
				continue
			}
			if count[u] == nil {
				count[u] = make([]int, k)
			}
			count[u][paper[i]]++
		}
	}
	of := make([]int, n)
	var mix [][]float64
	if authors != nil {
		mix = make([][]float64, n)
	}
	for u := range of {
		of[u] = -1
		best, total := 0, 0
		for t, c := range count[u] {
			total += c
			if c > best {
				of[u], best = t, c
			}
		}
		if mix == nil {
			continue
		}
		mix[u] = make([]float64, k)
		for t, c := range count[u] {
			mix[u][t] = float64(c) / float64(total)
		}
	}
	return of, mix
}

// CommunityTopics returns the table of communities against topics:
// out[c][t] is the number of authors of community c (p.Of) whose topic
// (t.Author, the topic of most of their papers) is t. Authors without a
// topic are not counted, so a row may sum to less than p.Sizes[c]. It
// counts authors, not papers, because a paper's authors may lie in
// several communities. CommunityTopics panics if p.Of and t.Author
// differ in length.
func CommunityTopics(p *Partition, t *Topics) [][]int {
	if len(p.Of) != len(t.Author) {
		panic(fmt.Sprintf("metrics: partition of %d nodes, topics of %d authors", len(p.Of), len(t.Author)))
	}
	out := make([][]int, len(p.Sizes))
	for c := range out {
		out[c] = make([]int, len(t.Sizes))
	}
	for u, c := range p.Of {
		if k := t.Author[u]; k >= 0 && c >= 0 {
			out[c][k]++
		}
	}
	return out
}

// topicDot returns the dot product of a sparse and a dense vector.
func topicDot(v topicVector, c []float64) float64 {
	s := 0.0
	for k, j := range v.idx {
		s += v.val[k] * c[j]
	}
	return s
}

// topicAdd adds v to the dense vector c.
func topicAdd(c []float64, v topicVector) {
	for k, j := range v.idx {
		c[j] += v.val[k]
	}
}

// topicDense returns v as a dense vector of length dim.
func topicDense(v topicVector, dim int) []float64 {
	c := make([]float64, dim)
	topicAdd(c, v)
	return c
}

// topicNormalize scales c to unit length; a zero vector stays zero.
func topicNormalize(c []float64) {
	s := 0.0
	for _, x := range c {
		s += x * x
	}
	if s == 0 {
		return
	}
	s = math.Sqrt(s)
	for j := range c {
		c[j] /= s
	}
}

// topicConsensusMax is the most papers for which K is chosen and the
// topics formed by consensus over runs; above it the quadratic
// co-assignment matrix costs too much and the silhouette is used.
const topicConsensusMax = 600

// topicRuns returns the assignments of topicConsensusRuns k-means runs
// with k clusters, each seeded by (seed, k<<32 | run).
func topicRuns(vecs []topicVector, dim, k int, seed uint64) [][]int {
	runs := make([][]int, topicConsensusRuns)
	for run := range runs {
		rng := rand.New(rand.NewPCG(seed, uint64(k)<<32|uint64(run)))
		runs[run], _ = topicLloyd(vecs, dim, topicSeeds(vecs, dim, k, rng))
	}
	return runs
}

// topicCoAssign returns the consensus matrix of the runs: co[i][j] is
// the share of runs that put papers i and j in the same cluster.
func topicCoAssign(runs [][]int, m int) [][]float64 {
	co := make([][]float64, m)
	for i := range co {
		co[i] = make([]float64, m)
	}
	for _, a := range runs {
		for i := range m {
			for j := i + 1; j < m; j++ {
				if a[i] == a[j] {
					co[i][j]++
				}
			}
		}
	}
	for i := range m {
		co[i][i] = 1
		for j := i + 1; j < m; j++ {
			co[i][j] /= float64(len(runs))
			co[j][i] = co[i][j]
		}
	}
	return co
}

// topicPAC returns the proportion of ambiguous clustering: the share of
// pairs of papers whose consensus lies strictly between 0.1 and 0.9.
func topicPAC(co [][]float64) float64 {
	m := len(co)
	if m < 2 {
		return 0
	}
	amb := 0
	for i := range m {
		for j := i + 1; j < m; j++ {
			if co[i][j] > topicPACLow && co[i][j] < topicPACHigh {
				amb++
			}
		}
	}
	return float64(amb) / float64(m*(m-1)/2)
}

const (
	topicPACLow  = 0.1
	topicPACHigh = 0.9
)

// topicMerge is one step of an agglomerative clustering: clusters a and
// b, each named by its smallest item, join at distance d.
type topicMerge struct {
	a, b int
	d    float64
}

// topicLinkage returns the m-1 merges of the average-linkage (UPGMA)
// clustering of the distance 1 - co, in order. Each step joins the
// closest pair of clusters, ties to the pair with the smallest indices;
// the joined cluster keeps the smaller index. It takes O(m³) time.
func topicLinkage(co [][]float64) []topicMerge {
	m := len(co)
	sim := make([][]float64, m) // summed consensus between clusters
	for i := range sim {
		sim[i] = slices.Clone(co[i])
	}
	size := make([]int, m)
	alive := make([]bool, m)
	for i := range m {
		size[i], alive[i] = 1, true
	}
	merges := make([]topicMerge, 0, max(m-1, 0))
	for len(merges) < m-1 {
		ba, bb, bs := -1, -1, math.Inf(-1)
		for a := range m {
			if !alive[a] {
				continue
			}
			for b := a + 1; b < m; b++ {
				if alive[b] {
					if s := sim[a][b] / float64(size[a]*size[b]); s > bs {
						ba, bb, bs = a, b, s
					}
				}
			}
		}
		for c := range m {
			sim[ba][c] += sim[bb][c]
			sim[c][ba] = sim[ba][c]
		}
		size[ba] += size[bb]
		alive[bb] = false
		merges = append(merges, topicMerge{ba, bb, 1 - bs})
	}
	return merges
}

// topicCut replays the first m-k merges and returns the assignment of
// the m items to the k clusters left, numbered from 0 in order of first
// appearance.
func topicCut(merges []topicMerge, m, k int) []int {
	of := make([]int, m)
	for i := range of {
		of[i] = i
	}
	for _, mg := range merges[:m-k] {
		for i := range of {
			if of[i] == mg.b {
				of[i] = mg.a
			}
		}
	}
	to := make(map[int]int)
	for i, c := range of {
		if _, ok := to[c]; !ok {
			to[c] = len(to)
		}
		of[i] = to[c]
	}
	return of
}

// topicLifetimeK returns the K in [lo, hi] whose clusters live longest in
// the tree: the gap between the merge distance that joins two of the K
// clusters and the one that formed them, ties to the smaller K.
func topicLifetimeK(merges []topicMerge, m, lo, hi int) int {
	best, bestL := lo, math.Inf(-1)
	for k := lo; k <= hi; k++ {
		// Merge m-k-1 (0-based) leaves k clusters; merge m-k leaves k-1.
		l := merges[m-k].d
		if m-k-1 >= 0 {
			l -= merges[m-k-1].d
		}
		if l > bestL+1e-12 {
			best, bestL = k, l
		}
	}
	return best
}
