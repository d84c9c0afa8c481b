package metrics_test

import (
	"fmt"

	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

// twoGroups returns two triangles of co-authors joined by one weak tie.
func twoGroups() *graph.Graph {
	names := []string{"Ada", "Ben", "Cleo", "Dev", "Eva", "Finn"}
	authors := make([]graph.Author, len(names))
	for i, name := range names {
		authors[i] = graph.Author{Key: name, Name: name}
	}
	g, _, _ := graph.New(authors, []graph.Edge{
		{U: 0, V: 1, Weight: 2}, {U: 1, V: 2, Weight: 1}, {U: 0, V: 2, Weight: 1},
		{U: 3, V: 4, Weight: 1}, {U: 4, V: 5, Weight: 1}, {U: 3, V: 5, Weight: 2},
		{U: 2, V: 3, Weight: 0.5},
	})
	return g
}

func ExampleCentralities() {
	g := twoGroups()
	c := metrics.Centralities(g)
	for u, a := range g.Authors {
		fmt.Printf("%-4s degree %d betweenness %.4g closeness %.4g pagerank %.4g\n",
			a.Name, c.Degree[u], c.Betweenness[u], c.Closeness[u], c.PageRank[u])
	}
	// Output:
	// Ada  degree 2 betweenness 0 closeness 0.4167 pagerank 0.174
	// Ben  degree 2 betweenness 0 closeness 0.4167 pagerank 0.174
	// Cleo degree 3 betweenness 0.6 closeness 0.5263 pagerank 0.1483
	// Dev  degree 3 betweenness 0.6 closeness 0.5263 pagerank 0.203
	// Eva  degree 2 betweenness 0 closeness 0.3846 pagerank 0.1243
	// Finn degree 2 betweenness 0 closeness 0.4545 pagerank 0.1764
}

func ExampleSummarize() {
	g := twoGroups()
	p := metrics.Louvain(g, 1, 1)
	s := metrics.Summarize(g, metrics.Centralities(g), p)
	fmt.Printf("authors %d, edges %d, triangles %d\n", s.Authors, s.Edges, s.Triangles)
	fmt.Printf("transitivity %.4g, diameter %d hops, %.4g by 1/weight\n",
		s.Transitivity, s.Diameter, s.WeightedDiameter)
	fmt.Printf("%d communities, modularity %.4g\n", s.Communities, s.Modularity)
	// Output:
	// authors 6, edges 7, triangles 2
	// transitivity 0.6, diameter 3 hops, 4 by 1/weight
	// 2 communities, modularity 0.4412
}

func ExampleLouvain() {
	g := twoGroups()
	p := metrics.Louvain(g, 1, 1)
	for u, a := range g.Authors {
		fmt.Printf("%s:%d\n", a.Name, p.Of[u])
	}
	fmt.Printf("sizes %v, Q %.4g\n", p.Sizes, p.Q)
	// Output:
	// Ada:0
	// Ben:0
	// Cleo:0
	// Dev:1
	// Eva:1
	// Finn:1
	// sizes [3 3], Q 0.4412
}

func ExampleModularity() {
	g := twoGroups()
	fmt.Printf("%.4g\n", metrics.Modularity(g, []int{0, 0, 0, 1, 1, 1}, 1))
	// Output:
	// 0.4412
}
