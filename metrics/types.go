package metrics

// Centrality holds the per-author measures of a graph, each slice indexed
// by node id.
type Centrality struct {
	Degree   []int     // number of co-authors
	Strength []float64 // sum of tie weights

	// Betweenness is weighted betweenness (edge length 1/weight),
	// normalised by (n-1)(n-2)/2 as networkx does for undirected graphs.
	Betweenness []float64

	// Closeness is weighted closeness (edge length 1/weight) with the
	// Wasserman-Faust correction for disconnected graphs, as networkx's
	// closeness_centrality(wf_improved=True): (r/(n-1)) * (r / sum d),
	// r the number of other nodes reachable. Zero for isolated authors.
	Closeness []float64

	// Harmonic is the sum of 1/d over all other nodes (edge length
	// 1/weight), unnormalised as in networkx's harmonic_centrality.
	Harmonic []float64

	// Eigenvector is weighted eigenvector centrality, unit Euclidean norm.
	Eigenvector []float64

	// PageRank is weighted PageRank, damping 0.85, summing to 1.
	PageRank []float64

	Core       []int     // k-core number
	Clustering []float64 // local clustering coefficient (unweighted)
	Component  []int     // connected component, 0 the largest

	// EffectiveSize, Efficiency and Constraint are Burt's weighted
	// structural-hole measures (see [Brokerage]): the non-redundant
	// part of an author's co-authors, that part per co-author, and how
	// much the author's ties lead to one another. NaN for isolated
	// authors; nil when not computed.
	EffectiveSize []float64
	Efficiency    []float64
	Constraint    []float64
}

// Summary is the network summary. Field names are the keys of
// summary.json.
type Summary struct {
	Papers                int     `json:"papers"`
	Authors               int     `json:"authors"`
	Edges                 int     `json:"edges"`
	Components            int     `json:"components"`
	LargestComponent      int     `json:"largest_component"`
	LargestComponentEdges int     `json:"largest_component_edges"`
	Density               float64 `json:"density"`
	AverageClustering     float64 `json:"average_clustering"`
	Transitivity          float64 `json:"transitivity"`
	Triangles             int64   `json:"triangles"`
	Diameter              int     `json:"diameter"`          // hops, in the largest component
	WeightedDiameter      float64 `json:"weighted_diameter"` // edge length 1/weight, largest component
	Modularity            float64 `json:"modularity"`

	// CommunityMethod is "leiden" or "louvain"; CommunityQuality is the
	// function optimised, "modularity" or "cpm". CPM is the CPM quality
	// when that was optimised (Modularity then holds the modularity of
	// the same partition at resolution 1). Stability compares the
	// partitions of several runs (--runs).
	CommunityMethod  string     `json:"community_method,omitempty"`
	CommunityQuality string     `json:"community_quality,omitempty"`
	CPM              float64    `json:"cpm,omitempty"`
	Stability        *Stability `json:"stability,omitempty"`
	Communities      int        `json:"communities"`
	Topics           int        `json:"topics"`
	TruncatedPapers  int        `json:"truncated_papers"`

	// MergedPapers counts records folded into a paper read from another
	// source (same DOI, arXiv id, or title and year);
	// CompletedAuthorLists counts truncated author lists completed that
	// way. NameJoins counts the spellings joined into a person by each
	// rule: alias, identifier, name (the same name written in another
	// form) and initials.
	MergedPapers         int            `json:"merged_papers"`
	CompletedAuthorLists int            `json:"completed_author_lists"`
	NameJoins            map[string]int `json:"name_joins,omitempty"`

	// PathMeasures says how betweenness, closeness and harmonic
	// centrality were computed: exactly, sampled with its error bound, or
	// not at all.
	PathMeasures   string         `json:"path_measures,omitempty"`
	SkippedRecords int            `json:"skipped_records"`
	SkippedReasons map[string]int `json:"skipped_reasons,omitempty"`

	// DiameterExact is false when the largest component has more than
	// ExactDiameterLimit nodes: Diameter is then a lower bound from double
	// sweeps, not the exact value. WeightedDiameterExact is the same for
	// WeightedDiameter and ExactWeightedDiameterLimit.
	DiameterExact         bool `json:"diameter_exact"`
	WeightedDiameterExact bool `json:"weighted_diameter_exact"`
}

// Partition is a division of the nodes into communities.
type Partition struct {
	// Of[u] is the community of node u. Communities are numbered from 0
	// by decreasing size, ties broken by the smallest member name.
	Of []int

	// Sizes[c] is the number of members of community c.
	Sizes []int

	// Q is the modularity of the partition at Resolution.
	Q          float64
	Resolution float64
	Seed       uint64
	Method     string // "louvain"

	// Quality is the function the communities optimise: "modularity"
	// (also when empty), or "cpm" for [Leiden] (whose Method is
	// "leiden") with the constant Potts model, in which case Q is the
	// CPM quality at Resolution (see [CPM]), not the modularity.
	Quality string
}

// Topics is a clustering of papers by their words.
type Topics struct {
	// Labels[t] are the terms that set topic t apart, most distinctive
	// first.
	Labels [][]string

	// Paper[i] is the topic of paper i of the graph (graph.Papers), -1
	// when the paper has no usable words.
	Paper []int

	// Author[u] is the topic of most of author u's papers, -1 if none.
	Author []int

	// AuthorMix[u][t] is the share of author u's papers with a topic
	// that are in topic t; the row sums to 1, or is all zeros when none
	// of u's papers has a topic. Nil when the papers' authors were not
	// given.
	AuthorMix [][]float64

	// Sizes[t] is the number of papers in topic t.
	Sizes []int
}
