package metrics

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/coauthor/coauthor/graph"
)

// readKarate reads testdata/karate/karate.gml: 34 nodes with GML ids 1..34
// (node id = GML id - 1, named by the GML id) and 78 edges of weight 1.
func readKarate(t testing.TB) *graph.Graph {
	t.Helper()
	b, err := os.ReadFile("../testdata/karate/karate.gml")
	if err != nil {
		t.Fatal(err)
	}
	g, err := parseGML(string(b))
	if err != nil {
		t.Fatalf("karate.gml: %v", err)
	}
	return g
}

// parseGML reads the nodes and edges of a simple GML graph with integer
// node ids, the smallest first id mapping to node 0. It reads only what
// the karate file holds; it is not a GML reader.
func parseGML(s string) (*graph.Graph, error) {
	var ids []int
	var ends [][2]int
	var block string
	var edge [2]int
	toks := strings.Fields(s)
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		switch tok {
		case "node", "edge":
			block = tok
		case "id", "source", "target":
			if i+1 >= len(toks) {
				return nil, fmt.Errorf("%s without value", tok)
			}
			i++
			v, err := strconv.Atoi(toks[i])
			if err != nil {
				return nil, err
			}
			switch {
			case block == "node" && tok == "id":
				ids = append(ids, v)
			case block == "edge" && tok == "source":
				edge[0] = v
			case block == "edge" && tok == "target":
				edge[1] = v
			}
		case "]":
			if block == "edge" {
				ends = append(ends, edge)
			}
			block = ""
		}
	}
	sort.Ints(ids)
	index := make(map[int]int32, len(ids))
	authors := make([]graph.Author, len(ids))
	for i, id := range ids {
		index[id] = int32(i)
		name := strconv.Itoa(id)
		authors[i] = graph.Author{Key: name, Name: name, Papers: 1}
	}
	edges := make([]graph.Edge, len(ends))
	for i, e := range ends {
		u, ok1 := index[e[0]]
		v, ok2 := index[e[1]]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("edge %d-%d to an unknown node", e[0], e[1])
		}
		edges[i] = graph.Edge{U: u, V: v, Weight: 1, Joint: 1}
	}
	g, _, _ := graph.New(authors, edges)
	return g, nil
}

// newTestGraph returns a graph of n authors named "a0", "a1", ... and the
// given edges {u, v, weight}.
func newTestGraph(n int, edges [][3]float64) *graph.Graph {
	authors := make([]graph.Author, n)
	for i := range authors {
		name := "a" + strconv.Itoa(i)
		authors[i] = graph.Author{Key: name, Name: name}
	}
	es := make([]graph.Edge, len(edges))
	for i, e := range edges {
		es[i] = graph.Edge{U: int32(e[0]), V: int32(e[1]), Weight: e[2], Joint: 1}
	}
	g, _, _ := graph.New(authors, es)
	return g
}

// weightedEdges is a small connected graph whose lengths 1/weight are
// dyadic, so that path sums are exact in every tool.
var weightedEdges = [][3]float64{
	{0, 1, 1}, {0, 2, 2}, {1, 2, 1}, {1, 3, 2}, {2, 3, 0.5},
	{3, 4, 1}, {2, 4, 4}, {4, 5, 2}, {5, 6, 1}, {3, 6, 0.5},
}

// splitEdges is a triangle, an edge of weight 2 and an isolated node 5.
var splitEdges = [][3]float64{{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 2}}

func TestCentralitiesKarate(t *testing.T) {
	g := readKarate(t)
	if g.Len() != 34 || g.EdgeCount() != 78 {
		t.Fatalf("karate has %d nodes and %d edges, want 34 and 78", g.Len(), g.EdgeCount())
	}
	c := Centralities(g)

	// Values from networkx 3.6.1 on nx.read_gml(path, label="id") with
	// weight=1 and dist=1 on every edge:
	//  betweenness_centrality(G, weight="dist", normalized=True)
	//  closeness_centrality(G, distance="dist")
	//  harmonic_centrality(G, distance="dist")
	//  eigenvector_centrality(G, weight="weight", tol=1e-14, max_iter=100000)
	//  pagerank_alg._pagerank_python(G, weight="weight", tol=1e-15,
	//      max_iter=100000) (pagerank itself needs numpy; same iteration)
	//  clustering(G)
	tests := []struct {
		name                              string
		id                                int // GML id
		betweenness, closeness, harmonic  float64
		eigenvector, pagerank, clustering float64
	}{
		{"instructor", 1, 0.43763528138528146, 0.5689655172413793, 23.16666666666666,
			0.35549144452448955, 0.09699728538830416, 0.15},
		{"administrator", 34, 0.30407497594997596, 0.55, 23.25,
			0.37336347029155703, 0.10091918233261699, 0.11029411764705882},
		{"node 33", 33, 0.145247113997114, 0.515625, 20.916666666666668,
			0.3086442197911119, 0.07169322600574761, 0.19696969696969696},
		{"node 3", 3, 0.14365680615680618, 0.559322033898305, 21.0,
			0.3171925044864054, 0.05707850948846181, 0.24444444444444444},
		{"leaf 12", 12, 0, 0.36666666666666664, 13.500000000000004,
			0.05285569749350583, 0.009564745492136189, 0},
		{"node 17", 17, 0, 0.28448275862068967, 11.099999999999996,
			0.02363562810457971, 0.016784005444192826, 1},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			u := test.id - 1
			checkFloat(t, "Betweenness", c.Betweenness[u], test.betweenness, 1e-12)
			checkFloat(t, "Closeness", c.Closeness[u], test.closeness, 1e-12)
			checkFloat(t, "Harmonic", c.Harmonic[u], test.harmonic, 1e-12)
			checkFloat(t, "Eigenvector", c.Eigenvector[u], test.eigenvector, 1e-6)
			checkFloat(t, "PageRank", c.PageRank[u], test.pagerank, 1e-8)
			checkFloat(t, "Clustering", c.Clustering[u], test.clustering, 1e-12)
		})
	}

	// networkx 3.6.1 core_number(G), nodes 1..34.
	wantCore := []int{4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2, 2, 2, 3,
		2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4}
	if fmt.Sprint(c.Core) != fmt.Sprint(wantCore) {
		t.Errorf("Core = %v, want %v", c.Core, wantCore)
	}
	if c.Degree[0] != 16 || c.Degree[33] != 17 || c.Strength[33] != 17 {
		t.Errorf("Degree[0], Degree[33], Strength[33] = %d, %d, %g, want 16, 17, 17",
			c.Degree[0], c.Degree[33], c.Strength[33])
	}
	for u, comp := range c.Component {
		if comp != 0 {
			t.Errorf("Component[%d] = %d, want 0", u, comp)
		}
	}
	checkFloat(t, "sum of PageRank", floatSum(c.PageRank), 1, 1e-12)
}

func TestCentralitiesSmall(t *testing.T) {
	// Values from networkx 3.6.1, the graph built with
	// G.add_edge(u, v, weight=w, dist=1/w) and the calls listed in
	// TestCentralitiesKarate.
	tests := []struct {
		name        string
		n           int
		edges       [][3]float64
		betweenness []float64
		closeness   []float64
		harmonic    []float64
		eigenvector []float64
		pagerank    []float64
		clustering  []float64
		core        []int
		component   []int
	}{
		{
			name:        "weighted",
			n:           7,
			edges:       weightedEdges,
			betweenness: []float64{0, 0.06666666666666667, 0.3333333333333333, 0.06666666666666667, 0.4666666666666667, 0.2, 0},
			closeness:   []float64{0.8275862068965517, 0.75, 1.0909090909090908, 0.7741935483870968, 1.1428571428571428, 0.8888888888888888, 0.5454545454545454},
			harmonic:    []float64{6.2444444444444445, 5.771428571428571, 9.704761904761904, 5.633333333333334, 9.799999999999999, 6.371428571428572, 3.5825396825396822},
			eigenvector: []float64{0.275955534305486, 0.2646319485807906, 0.6128043881913472, 0.2701650611843875, 0.5894244165632503, 0.23084095212814917, 0.06775993200124847},
			pagerank:    []float64{0.10166608925309031, 0.13437745840564166, 0.22801018197052858, 0.13718197897733586, 0.21790594711186181, 0.11287339292464521, 0.06798495135689649},
			clustering:  []float64{1, 0.6666666666666666, 0.5, 0.3333333333333333, 0.3333333333333333, 0, 0},
			core:        []int{2, 2, 2, 2, 2, 2, 2},
			component:   []int{0, 0, 0, 0, 0, 0, 0},
		},
		{
			// Two components with the same leading eigenvalue share the
			// eigenvector weight; the isolated node tends to zero.
			name:        "split",
			n:           6,
			edges:       splitEdges,
			betweenness: []float64{0, 0, 0, 0, 0, 0},
			closeness:   []float64{0.4, 0.4, 0.4, 0.4, 0.4, 0},
			harmonic:    []float64{2, 2, 2, 2, 2, 0},
			eigenvector: []float64{0.4472135954999579, 0.4472135954999579, 0.4472135954999579, 0.4472135954999579, 0.4472135954999579, 1.9548789297294e-14},
			pagerank:    []float64{0.19417475728155334, 0.19417475728155334, 0.19417475728155334, 0.19417475728155334, 0.19417475728155334, 0.029126213592233084},
			clustering:  []float64{1, 1, 1, 0, 0, 0},
			core:        []int{2, 2, 2, 1, 1, 0},
			component:   []int{0, 0, 0, 1, 1, 2},
		},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			c := Centralities(newTestGraph(test.n, test.edges))
			checkFloats(t, "Betweenness", c.Betweenness, test.betweenness, 1e-12)
			checkFloats(t, "Closeness", c.Closeness, test.closeness, 1e-12)
			checkFloats(t, "Harmonic", c.Harmonic, test.harmonic, 1e-12)
			checkFloats(t, "Eigenvector", c.Eigenvector, test.eigenvector, 1e-6)
			checkFloats(t, "PageRank", c.PageRank, test.pagerank, 1e-8)
			checkFloats(t, "Clustering", c.Clustering, test.clustering, 1e-12)
			if fmt.Sprint(c.Core) != fmt.Sprint(test.core) {
				t.Errorf("Core = %v, want %v", c.Core, test.core)
			}
			if fmt.Sprint(c.Component) != fmt.Sprint(test.component) {
				t.Errorf("Component = %v, want %v", c.Component, test.component)
			}
			checkFloat(t, "sum of PageRank", floatSum(c.PageRank), 1, 1e-12)
		})
	}
}

func TestCentralitiesDegenerate(t *testing.T) {
	// An empty graph gives empty slices; a single author has zero
	// closeness and harmonic centrality, PageRank 1 and eigenvector 1.
	c := Centralities(newTestGraph(0, nil))
	if len(c.Betweenness) != 0 || len(c.PageRank) != 0 || len(c.Component) != 0 {
		t.Errorf("Centralities(empty) has non-empty slices: %+v", c)
	}
	c = Centralities(newTestGraph(1, nil))
	checkFloat(t, "Closeness", c.Closeness[0], 0, 0)
	checkFloat(t, "Harmonic", c.Harmonic[0], 0, 0)
	checkFloat(t, "Betweenness", c.Betweenness[0], 0, 0)
	checkFloat(t, "PageRank", c.PageRank[0], 1, 1e-15)
	checkFloat(t, "Eigenvector", c.Eigenvector[0], 1, 1e-15)
	if c.Core[0] != 0 || c.Component[0] != 0 {
		t.Errorf("Core, Component of a lone author = %d, %d, want 0, 0", c.Core[0], c.Component[0])
	}
}

func TestComponentsOrder(t *testing.T) {
	// Sizes 2 (nodes 0, 5), 3 (1, 2, 3), 1 (4), 2 (6, 7): the size-3
	// component comes first, then the two of size 2 by smallest member.
	g := newTestGraph(8, [][3]float64{{0, 5, 1}, {1, 2, 1}, {2, 3, 1}, {6, 7, 1}})
	of, sizes := Components(g)
	wantOf := []int{1, 0, 0, 0, 3, 1, 2, 2}
	wantSizes := []int{3, 2, 2, 1}
	if fmt.Sprint(of, sizes) != fmt.Sprint(wantOf, wantSizes) {
		t.Errorf("Components = %v %v, want %v %v", of, sizes, wantOf, wantSizes)
	}
}

func TestTriangles(t *testing.T) {
	// K4 has 4 triangles, 3 through each node; with a pendant node 4
	// attached to 0, node 0's clustering is 3/6.
	g := newTestGraph(5, [][3]float64{
		{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1}, {0, 4, 1},
	})
	per, total := Triangles(g)
	if total != 4 || fmt.Sprint(per) != "[3 3 3 3 0]" {
		t.Errorf("Triangles = %v, %d, want [3 3 3 3 0], 4", per, total)
	}
	checkFloats(t, "Clustering", Clustering(g), []float64{0.5, 1, 1, 1, 0}, 1e-15)
}

func BenchmarkCentralities(b *testing.B) {
	g := randomGraph(2000, 8000, 1)
	for b.Loop() {
		Centralities(g)
	}
}

func checkFloat(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !scalar.EqualWithinAbsOrRel(got, want, tol, tol) {
		t.Errorf("%s = %.*g, want %.*g", what, digits(tol), got, digits(tol), want)
	}
}

func checkFloats(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d values, want %d", what, len(got), len(want))
		return
	}
	for i := range got {
		if !scalar.EqualWithinAbsOrRel(got[i], want[i], tol, tol) {
			t.Errorf("%s[%d] = %.*g, want %.*g", what, i, digits(tol), got[i], digits(tol), want[i])
		}
	}
}

// digits is the number of significant digits worth printing for values
// compared at tolerance tol.
func digits(tol float64) int {
	if tol <= 0 {
		return 17
	}
	return min(17, int(math.Ceil(-math.Log10(tol)))+2)
}

func floatSum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
