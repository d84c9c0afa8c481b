// Package graph holds the weighted co-authorship graph: one node per
// person, one undirected edge per pair of people who share a paper.
//
// The graph is compact: nodes are dense integer ids 0..n-1, and the
// adjacency is stored in sorted slices (compressed sparse rows), so a
// graph of millions of authors fits in memory. [*Graph] satisfies gonum's
// graph.WeightedUndirected, so gonum's algorithms run on it without a copy.
//
// [Build] makes the graph from a corpus under a counting scheme and
// filters; the readers in this package load graphs made by other tools
// (edge lists, GML, Pajek, GraphML), which carry no papers.
package graph
