package graph

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/corpus"
)

// shape is what the tests measure of a graph, with helpers of their own
// so that they do not depend on the metrics package.
type shape struct {
	nodes, edges   int
	comps          int
	lccN, lccE     int
	triangles      int
	weight         float64 // sum of edge weights
	weightTol      float64 // absolute tolerance on weight
	checkComps     bool
	checkTriangles bool
}

// measure returns the shape of g: components by union-find, triangles by
// intersecting the sorted neighbour lists of each edge's ends.
func measure(g *Graph) shape {
	n := g.Len()
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range g.Edges {
		if a, b := find(e.U), find(e.V); a != b {
			parent[a] = b
		}
	}
	size := make(map[int32]int)
	for i := range parent {
		size[find(int32(i))]++
	}
	s := shape{nodes: n, edges: g.EdgeCount(), comps: len(size)}
	var lcc int32 = -1
	for r, k := range size {
		if k > s.lccN || k == s.lccN && r < lcc {
			s.lccN, lcc = k, r
		}
	}
	for _, e := range g.Edges {
		if find(e.U) == lcc {
			s.lccE++
		}
		s.weight += e.Weight
	}
	s.triangles = countTriangles(g)
	return s
}

// countTriangles counts each triangle u < v < w once.
func countTriangles(g *Graph) int {
	t := 0
	for _, e := range g.Edges {
		a, _ := g.Neighbors(int(e.U))
		b, _ := g.Neighbors(int(e.V))
		for i, j := 0, 0; i < len(a) && j < len(b); {
			switch {
			case a[i] < b[j]:
				i++
			case a[i] > b[j]:
				j++
			default:
				if a[i] > e.V {
					t++
				}
				i++
				j++
			}
		}
	}
	return t
}

// checkGraph checks the invariants of any graph a reader returns.
func checkGraph(t testing.TB, g *Graph) {
	t.Helper()
	keys := make(map[string]bool, g.Len())
	for _, a := range g.Authors {
		if keys[a.Key] {
			t.Fatalf("Key %q given to two nodes", a.Key)
		}
		keys[a.Key] = true
	}
	for i, e := range g.Edges {
		if e.U >= e.V || e.U < 0 || int(e.V) >= g.Len() {
			t.Fatalf("edge %d = %v: ends out of order or range (n = %d)", i, e, g.Len())
		}
		if i > 0 && (g.Edges[i-1].U > e.U || g.Edges[i-1].U == e.U && g.Edges[i-1].V >= e.V) {
			t.Fatalf("edges %d and %d not sorted or not distinct", i-1, i)
		}
	}
}

// TestClassicNetworks reads the classic co-authorship networks and checks
// the figures published for them and those of data/README.md section B.
func TestClassicNetworks(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		want  shape
		notes []string // substrings expected among g.Notes
	}{{
		// Zachary (1977): 34 members, 78 ties. 45 triangles: networkx 3.6.1,
		// sum(nx.triangles(G).values()) // 3 (data/README.md section B).
		name: "karate",
		path: "../testdata/net/karate.gml",
		want: shape{nodes: 34, edges: 78, comps: 1, lccN: 34, lccE: 78, triangles: 45,
			weight: 78, weightTol: 1e-12, checkComps: true, checkTriangles: true},
	}, {
		// Newman (2006) netdata readme: 1,589 scientists, largest component
		// 379; Pajek page: 2,742 edges; 914 edges in the largest component
		// (data/README.md section B). 396 components and 3,764 triangles:
		// networkx 3.6.1 (data/README.md, local check). Sum of weights:
		// networkx 3.6.1, G = nx.read_gml("netscience.gml");
		// sum(d["value"] for _, _, d in G.edges(data=True)) = 1189.999724200037.
		name: "netscience",
		path: "../testdata/net/netscience.gml",
		want: shape{nodes: 1589, edges: 2742, comps: 396, lccN: 379, lccE: 914, triangles: 3764,
			weight: 1189.999724200037, weightTol: 1e-9, checkComps: true, checkTriangles: true},
	}, {
		// SNAP ca-GrQc page: 5,242 nodes, 14,496 edges counting 12
		// self-loops, largest WCC 4,158 nodes, 48,260 triangles; without
		// loops 14,484 edges and an LCC of 13,422 edges (networkx 3.6.1,
		// data/README.md section B). Each edge is listed in both
		// directions: 28,980 lines.
		name: "ca-GrQc",
		path: "../testdata/net/ca-GrQc.txt",
		want: shape{nodes: 5242, edges: 14484, lccN: 4158, lccE: 13422, triangles: 48260,
			weight: 14484, weightTol: 1e-9, checkTriangles: true},
		notes: []string{"28980 lines, 14484 distinct undirected edges, 14484 reverse duplicates merged, 12 self-loops dropped"},
	}, {
		// Vertices 1-40 of the Pajek netscience file and the edges among
		// them. Expected figures: networkx 3.6.1 on the same file (edges
		// added to nx.Graph with nodes 1..40; nx.number_connected_components,
		// nx.triangles, G.size(weight="weight") = 34.724999).
		name: "pajek cut",
		path: "../testdata/net/netscience-cut.net",
		want: shape{nodes: 40, edges: 56, comps: 12, lccN: 6, lccE: 15, triangles: 44,
			weight: 34.724999, weightTol: 1e-9, checkComps: true, checkTriangles: true},
		notes: []string{"56 edges in the file, 56 distinct undirected edges"},
	}, {
		// The largest component of netscience written by networkx 3.6.1
		// (379 nodes, 914 edges as published); triangles by nx.triangles and
		// weight by sum of "value" on the same subgraph, 489.4998729999973.
		// networkx declares two "value" keys (long and double): both count.
		name: "graphml lcc",
		path: "../testdata/net/netscience-lcc.graphml",
		want: shape{nodes: 379, edges: 914, comps: 1, lccN: 379, lccE: 914, triangles: 921,
			weight: 489.4998729999973, weightTol: 1e-9, checkComps: true, checkTriangles: true},
		notes: []string{`edgedefault "undirected"`},
	}}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			g, err := Read(test.path, "")
			if err != nil {
				t.Fatal(err)
			}
			checkGraph(t, g)
			got := measure(g)
			w := test.want
			if got.nodes != w.nodes || got.edges != w.edges {
				t.Errorf("nodes, edges = %d, %d, want %d, %d", got.nodes, got.edges, w.nodes, w.edges)
			}
			if got.lccN != w.lccN || got.lccE != w.lccE {
				t.Errorf("largest component = %d nodes, %d edges, want %d, %d", got.lccN, got.lccE, w.lccN, w.lccE)
			}
			if w.checkComps && got.comps != w.comps {
				t.Errorf("components = %d, want %d", got.comps, w.comps)
			}
			if w.checkTriangles && got.triangles != w.triangles {
				t.Errorf("triangles = %d, want %d", got.triangles, w.triangles)
			}
			if math.Abs(got.weight-w.weight) > w.weightTol {
				t.Errorf("sum of weights = %.12g, want %.12g", got.weight, w.weight)
			}
			for _, n := range test.notes {
				if !hasNote(g, n) {
					t.Errorf("notes %q lack %q", g.Notes, n)
				}
			}
		})
	}
}

func hasNote(g *Graph, sub string) bool {
	for _, n := range g.Notes {
		if strings.Contains(n, sub) {
			return true
		}
	}
	return false
}

// TestNetscienceLabels checks names against the first and last nodes of
// netscience.gml.
func TestNetscienceLabels(t *testing.T) {
	g, err := Read("../testdata/net/netscience.gml", "gml")
	if err != nil {
		t.Fatal(err)
	}
	first, last := g.Authors[0], g.Authors[g.Len()-1]
	if first.Key != "0" || first.Name != "ABRAMSON, G" || last.Key != "1588" || last.Name != "ZIMMERMANN, M" {
		t.Errorf("first, last = %+v, %+v, want 0 ABRAMSON, G and 1588 ZIMMERMANN, M", first, last)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		head   string
		want   string
		wantOK bool
	}{
		{"gml by content", "x.dat", "Creator \"x\"\ngraph\n[\n node [ id 1 ]\n]", FormatGML, true},
		{"gml by extension", "x.gml", "", FormatGML, true},
		{"gml gz", "x.gml.gz", "", FormatGML, true},
		{"pajek by content", "x", "% c\n*Vertices 3\n1 \"a\"\n", FormatPajek, true},
		{"pajek lower case", "x.txt", "*vertices 3\r\n", FormatPajek, true},
		{"pajek by extension", "x.net", "", FormatPajek, true},
		{"paj", "x.PAJ", "", FormatPajek, true},
		{".net holding an edge list", "cond-mat.net", "0 200\n0 189\n", FormatEdgeList, true},
		{"graphml by content", "x.xml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"x\">", FormatGraphML, true},
		{"graphml by extension", "x.graphml", "", FormatGraphML, true},
		{"edges", "x.edges", "", FormatEdgeList, true},
		{"edgelist", "x.edgelist", "", FormatEdgeList, true},
		{"txt edge list", "ca.txt", "# SNAP\n# Nodes: 3\n1\t2\n2\t1\n", FormatEdgeList, true},
		{"txt weighted csv", "x.txt", "a,b,2.5\nb,c,1\n", FormatEdgeList, true},
		{"csv with header", "x.csv", "source,target,weight\na,b,2\n", FormatEdgeList, true},
		{"stdin edge list", "-", "1 2\n", FormatEdgeList, true},
		{"txt prose", "notes.txt", "This is a note about graphs.\n", "", false},
		{"txt third not a number", "x.txt", "1 2 3\n4 5 six\n", "", false},
		{"txt only comments", "x.txt", "# nothing\n", "", false},
		{"bibtex", "x.bib", "@article{k, author={A}}\n", "", false},
		{"unknown extension", "x.ris", "1 2\n", "", false},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got, ok := Detect(test.file, []byte(test.head))
			if got != test.want || ok != test.wantOK {
				t.Errorf("Detect(%q, %q) = %q, %v, want %q, %v", test.file, test.head, got, ok, test.want, test.wantOK)
			}
		})
	}
}

func TestReadGzip(t *testing.T) {
	raw, err := os.ReadFile("../testdata/net/karate.gml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	g, err := ReadFrom(&buf, "karate.gml.gz", "")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 34 || g.EdgeCount() != 78 {
		t.Errorf("gzip karate: %d nodes, %d edges, want 34, 78", g.Len(), g.EdgeCount())
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := ReadFrom(strings.NewReader("1 2\n"), "x", "dot"); err == nil {
		t.Error(`format "dot": no error`)
	}
	if _, err := ReadFrom(strings.NewReader("hello\n"), "x.bib", ""); err == nil {
		t.Error("undetectable format: no error")
	}
	if _, err := Read("../testdata/net/no-such-file.gml", ""); err == nil {
		t.Error("missing file: no error")
	}
}

// repeatReader yields n copies of c, without holding them in memory.
type repeatReader struct {
	c byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, errors.New("read past the end")
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = r.c
	}
	r.n -= k
	return k, nil
}

// TestLineTooLong checks that every reader refuses a line over 16 MiB
// with a ParseError at the line, rather than reading it whole.
func TestLineTooLong(t *testing.T) {
	prefix := map[string]string{
		FormatEdgeList: "1 2\n",
		FormatGML:      "graph [\n node [ id 1 label \"",
		FormatPajek:    "*Vertices 2\n1 \"",
		FormatGraphML:  "<graphml>\n<graph>\n<node id=\"",
	}
	for _, f := range formatNames {
		t.Run(f, func(t *testing.T) {
			r := io.MultiReader(strings.NewReader(prefix[f]), &repeatReader{c: 'a', n: maxLine + 10})
			_, err := ReadFrom(r, "long", f)
			var pe *corpus.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *corpus.ParseError", err)
			}
			if pe.Reason != "line too long" || pe.Line != strings.Count(prefix[f], "\n")+1 {
				t.Errorf("err = %v (reason %q, line %d), want line too long at line %d",
					err, pe.Reason, pe.Line, strings.Count(prefix[f], "\n")+1)
			}
		})
	}
}

// checkShape reads in as the file name (its extension sets the format)
// and checks the node names joined by "|", the edges as edgeText writes
// them, and that every note in notes is among the graph's notes.
func checkShape(t *testing.T, name, in, names, edges string, notes []string) {
	t.Helper()
	g, err := ReadFrom(strings.NewReader(in), name, "")
	if err != nil {
		t.Fatal(err)
	}
	checkGraph(t, g)
	got := make([]string, g.Len())
	for i, a := range g.Authors {
		got[i] = a.Name
	}
	if s := strings.Join(got, "|"); s != names {
		t.Errorf("names = %q, want %q", s, names)
	}
	if s := edgeText(g); s != edges {
		t.Errorf("edges = %q, want %q", s, edges)
	}
	for _, n := range notes {
		if !hasNote(g, n) {
			t.Errorf("notes %q lack %q", g.Notes, n)
		}
	}
}
