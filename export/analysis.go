package export

import (
	"sort"
	"strings"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

// Analysis bundles what the writers of this package need: the graph,
// the papers it was built from, the measures computed on it and how the
// run was made. Only Graph is required; the writers leave out the
// columns, attributes and sections whose data is nil.
type Analysis struct {
	// Graph is the co-authorship graph. Required.
	Graph *graph.Graph

	// Papers are the corpus papers the graph was built from;
	// Graph.Papers[i].Index indexes it. Nil when the graph was not built
	// from papers; then venues and truncation flags are left empty.
	Papers []corpus.Paper

	// Centrality holds the per-author measures, nil when not computed.
	Centrality *metrics.Centrality

	// Communities is the community partition, nil when not computed.
	Communities *metrics.Partition

	// Topics is the clustering of papers by words, nil when not computed.
	Topics *metrics.Topics

	// Summary is the network summary written to summary.json and the
	// report.
	Summary metrics.Summary

	// Owner is the name of the owner of the profile page the papers came
	// from, "" when the input was not a profile page.
	Owner string

	// Warnings are messages for the reader of the report, written in
	// order as given: reader warnings, skipped records, truncated author
	// lists, authors inferred (such as the profile owner added to papers
	// whose "et al." hides them). Report adds none of its own.
	Warnings []string

	// Inputs are the names of the input files, in the order given.
	Inputs []string

	// Settings are the options the run used, for the report's methods
	// section.
	Settings Settings

	// Periods are the time slices of the corpus (--window), nil when the
	// corpus was not sliced.
	Periods []metrics.Period

	// TopicDocs are the texts and keywords the topics were clustered
	// from, one per Graph.Papers entry; nil when there are no topics.
	TopicDocs []metrics.TopicDoc
}

// Settings are the options of a run that the report's methods section
// states. The zero value means the defaults of each step.
type Settings struct {
	// Build holds the counting scheme and filters given to graph.Build.
	Build graph.Options

	// Seed is the random seed of community detection and layout.
	Seed uint64

	// Resolution is the modularity resolution of community detection;
	// zero means 1.
	Resolution float64

	// Betweenness says how betweenness was computed: "" or "exact", or
	// a description of the sampling used ("sampled, 500 pivots").
	Betweenness string

	// Other lists further settings as "name=value", in the order given.
	Other []string
}

// measure returns the values of the named per-author measure, or nil
// when it is not available for every node. Names are those of the
// authors.csv columns: degree, strength, betweenness, closeness,
// harmonic, eigenvector, pagerank, papers.
func (a *Analysis) measure(name string) []float64 {
	n := a.Graph.Len()
	if name == "papers" {
		out := make([]float64, n)
		for u := range a.Graph.Authors {
			out[u] = float64(a.Graph.Authors[u].Papers)
		}
		return out
	}
	c := a.Centrality
	if c == nil {
		return nil
	}
	var v []float64
	switch name {
	case "degree":
		v = make([]float64, len(c.Degree))
		for i, d := range c.Degree {
			v[i] = float64(d)
		}
	case "strength":
		v = c.Strength
	case "betweenness":
		v = c.Betweenness
	case "closeness":
		v = c.Closeness
	case "harmonic":
		v = c.Harmonic
	case "eigenvector":
		v = c.Eigenvector
	case "pagerank":
		v = c.PageRank
	}
	if len(v) != n {
		return nil
	}
	return v
}

// ranking returns the node ids ordered by decreasing value of the named
// measure, ties broken by name and then id. When the measure is not
// available it falls back to PageRank, then to paper counts.
func (a *Analysis) ranking(name string) []int {
	v := a.measure(name)
	if v == nil {
		v = a.measure("pagerank")
	}
	if v == nil {
		v = a.measure("papers")
	}
	ids := make([]int, a.Graph.Len())
	for i := range ids {
		ids[i] = i
	}
	au := a.Graph.Authors
	sort.SliceStable(ids, func(i, j int) bool {
		x, y := ids[i], ids[j]
		if v[x] != v[y] {
			return v[x] > v[y]
		}
		if au[x].Name != au[y].Name {
			return au[x].Name < au[y].Name
		}
		return x < y
	})
	return ids
}

// community returns u's community, or -1 when there is none.
func (a *Analysis) community(u int) int {
	if p := a.Communities; p != nil && u < len(p.Of) {
		return p.Of[u]
	}
	return -1
}

// communityCount returns the number of communities.
func (a *Analysis) communityCount() int {
	if a.Communities == nil {
		return 0
	}
	return len(a.Communities.Sizes)
}

// authorTopic returns u's topic, or -1 when there is none.
func (a *Analysis) authorTopic(u int) int {
	if t := a.Topics; t != nil && u < len(t.Author) {
		return t.Author[u]
	}
	return -1
}

// paperTopic returns the topic of graph paper i, or -1.
func (a *Analysis) paperTopic(i int) int {
	if t := a.Topics; t != nil && i < len(t.Paper) {
		return t.Paper[i]
	}
	return -1
}

// topicLabel returns up to three of topic t's terms joined by ", ", or ""
// when t is not a topic.
func (a *Analysis) topicLabel(t int) string {
	if a.Topics == nil || t < 0 || t >= len(a.Topics.Labels) {
		return ""
	}
	terms := a.Topics.Labels[t]
	if len(terms) > 3 {
		terms = terms[:3]
	}
	return strings.Join(terms, ", ")
}

// members returns the members of every community, each ordered by
// decreasing PageRank (see ranking).
func (a *Analysis) members() [][]int {
	out := make([][]int, a.communityCount())
	for _, u := range a.ranking("pagerank") {
		if c := a.community(u); c >= 0 && c < len(out) {
			out[c] = append(out[c], u)
		}
	}
	return out
}

// dominantTopic returns the topic held by most of the given authors,
// ties going to the lower topic, or -1 when none has a topic.
func (a *Analysis) dominantTopic(authors []int) int {
	count := map[int]int{}
	best, bestN := -1, 0
	for _, u := range authors {
		t := a.authorTopic(u)
		if t < 0 {
			continue
		}
		count[t]++
		if n := count[t]; n > bestN || (n == bestN && t < best) {
			best, bestN = t, n
		}
	}
	return best
}

// corpusPaper returns the corpus paper of graph paper i, or nil.
func (a *Analysis) corpusPaper(i int) *corpus.Paper {
	k := a.Graph.Papers[i].Index
	if k < 0 || k >= len(a.Papers) {
		return nil
	}
	return &a.Papers[k]
}
