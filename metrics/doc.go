// Package metrics computes what is asked of a collaboration graph: the
// centrality of every author, the network summary, communities and topic
// clusters.
//
// Weighted path measures (betweenness, closeness, harmonic centrality,
// diameter) read a tie's strength as closeness: the length of an edge is
// 1/weight, so a strong tie is a short one.
package metrics
