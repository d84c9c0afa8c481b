package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// Typed structs for re-reading GraphML.
type gmlFile struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []gmlKey `xml:"key"`
	Graph   struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	} `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

func dataOf(ds []gmlData, key string) (string, bool) {
	for _, d := range ds {
		if d.Key == key {
			return d.Value, true
		}
	}
	return "", false
}

// TestGraphML re-reads the GraphML of the fixture with encoding/xml.
//
// The golden file testdata/export/graph.graphml was also read once with
// python3 and networkx 3.6.1:
//
//	g = nx.read_graphml("testdata/export/graph.graphml")
//	g.number_of_nodes(), g.number_of_edges()   # (6, 7)
//	g.edges["n1", "n3"]["weight"]               # 2.0
//	g.edges["n1", "n3"]["papers"]               # 'p1; p5'
//	g.nodes["n3"]["label"]                      # 'O"Brien'
//	g.nodes["n2"]["label"]                      # 'Lone\nAuthor [x]_y `z`'
//	sum(w for _, _, w in g.edges(data="weight"))  # 8.0
//	g.is_directed()                             # False
//
// matching the fixture (six authors, seven edges, 1-3 of weight 2).
func TestGraphML(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := GraphML(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "graph.graphml", buf.Bytes())

	var f gmlFile
	if err := xml.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("re-reading GraphML: %v", err)
	}
	if f.Graph.EdgeDefault != "undirected" {
		t.Errorf("edgedefault = %q, want undirected", f.Graph.EdgeDefault)
	}
	if len(f.Graph.Nodes) != 6 || len(f.Graph.Edges) != 7 {
		t.Fatalf("GraphML has %d nodes and %d edges, want 6 and 7 (fixture)",
			len(f.Graph.Nodes), len(f.Graph.Edges))
	}

	// Every data key is declared, for the right element, with a type.
	keys := map[string]gmlKey{}
	for _, k := range f.Keys {
		if k.For != "node" && k.For != "edge" || k.Type == "" || k.Name == "" {
			t.Errorf("key %+v lacks for, attr.name or attr.type", k)
		}
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key id %q declared twice", k.ID)
		}
		keys[k.ID] = k
	}
	check := func(elem string, ds []gmlData) {
		for _, d := range ds {
			k, ok := keys[d.Key]
			if !ok || k.For != elem {
				t.Errorf("%s data key %q undeclared or declared for %q", elem, d.Key, k.For)
			}
			switch k.Type {
			case "int":
				if _, err := strconv.Atoi(d.Value); err != nil {
					t.Errorf("%s data %s = %q, not an int", elem, d.Key, d.Value)
				}
			case "double":
				if _, err := strconv.ParseFloat(d.Value, 64); err != nil {
					t.Errorf("%s data %s = %q, not a double", elem, d.Key, d.Value)
				}
			}
		}
	}
	for _, n := range f.Graph.Nodes {
		check("node", n.Data)
	}
	for _, e := range f.Graph.Edges {
		check("edge", e.Data)
	}
	for _, want := range []string{"label", "papers", "first_year", "affiliations", "degree",
		"strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "core",
		"clustering", "component", "community", "topic", "topic_label"} {
		if k, ok := keys[want]; !ok || k.For != "node" {
			t.Errorf("node key %q missing", want)
		}
	}

	tests := []struct {
		name, got, want string
	}{
		{"node 3 id", f.Graph.Nodes[3].ID, "n3"},
		{"edge 4 source", f.Graph.Edges[4].Source, "n1"},
		{"edge 4 target", f.Graph.Edges[4].Target, "n3"},
	}
	str := func(ds []gmlData, k string) string { v, _ := dataOf(ds, k); return v }
	tests = append(tests, []struct{ name, got, want string }{
		{"node 3 label", str(f.Graph.Nodes[3].Data, "label"), `O"Brien`},
		{"node 1 label", str(f.Graph.Nodes[1].Data, "label"), "<b>x</b>"},
		{"node 2 label", str(f.Graph.Nodes[2].Data, "label"), "Lone\nAuthor [x]_y `z`"},
		{"node 4 label", str(f.Graph.Nodes[4].Data, "label"), "Ünal & Co"},
		{"node 0 label", str(f.Graph.Nodes[0].Data, "label"), `a\b`},
		{"node 3 betweenness", str(f.Graph.Nodes[3].Data, "betweenness"), "0.3333333333"},
		{"node 1 topic_label", str(f.Graph.Nodes[1].Data, "topic_label"), "<i>html</i>, a|b"},
		{"edge 1-3 weight", str(f.Graph.Edges[4].Data, "weight"), "2"},
		{"edge 1-3 distance", str(f.Graph.Edges[4].Data, "distance"), "0.5"},
		{"edge 1-3 papers", str(f.Graph.Edges[4].Data, "edge_papers"), "p1; p5"},
	}...)
	for _, test := range tests {
		if test.got != test.want {
			t.Errorf("%s = %q, want %q", test.name, test.got, test.want)
		}
	}
	if _, ok := dataOf(f.Graph.Nodes[2].Data, "first_year"); ok {
		t.Errorf("node 2 has a first_year, want none (year unknown)")
	}
	if _, ok := dataOf(f.Graph.Nodes[2].Data, "topic"); ok {
		t.Errorf("node 2 has a topic, want none")
	}
}

func TestGraphMLNoMeasures(t *testing.T) {
	a := testAnalysis(t)
	a.Centrality, a.Communities, a.Topics = nil, nil, nil
	var buf bytes.Buffer
	if err := GraphML(&buf, a); err != nil {
		t.Fatal(err)
	}
	var f gmlFile
	if err := xml.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	// label, key, papers, first_year, last_year, affiliations; four edge keys.
	if len(f.Keys) != 10 {
		t.Errorf("GraphML without measures declares %d keys, want 10", len(f.Keys))
	}
}

// graphmlReference is GraphML written the plain way, one element after
// the other, kept as the reference the parallel writer must match byte
// for byte. It builds every value as a string through the value
// funcs of graphmlKeys and escapes it with encoding/xml. Like
// GraphMLOptions.Attrs, attrs nil writes every key and otherwise only
// those whose ids it holds.
func graphmlReference(w io.Writer, a *Analysis, attrs []string) error {
	if a.Graph == nil {
		return errNoGraph
	}
	nodeKeys, edgeKeys := graphmlKeys(a)
	if attrs != nil {
		keep := func(keys []graphmlKey) []graphmlKey {
			var kept []graphmlKey
			for _, k := range keys {
				if slices.Contains(attrs, k.id) {
					kept = append(kept, k)
				}
			}
			return kept
		}
		nodeKeys, edgeKeys = keep(nodeKeys), keep(edgeKeys)
	}
	ew := &errWriter{w: w}
	ew.str(xml.Header)
	ew.str(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` + "\n")
	for _, k := range append(nodeKeys, edgeKeys...) {
		ew.printf("  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.of, k.name, k.typ)
	}
	ew.str(`  <graph id="coauthor" edgedefault="undirected">` + "\n")
	g := a.Graph
	var line []byte
	for u := range g.Authors {
		line = append(strconv.AppendInt(append(line[:0], `    <node id="n`...), int64(u), 10), "\">"...)
		ew.Write(line)
		graphmlReferenceData(ew, nodeKeys, u)
		ew.str("</node>\n")
	}
	for e, ed := range g.Edges {
		line = strconv.AppendInt(append(line[:0], `    <edge id="e`...), int64(e), 10)
		line = strconv.AppendInt(append(line, `" source="n`...), int64(ed.U), 10)
		line = strconv.AppendInt(append(line, `" target="n`...), int64(ed.V), 10)
		ew.Write(append(line, "\">"...))
		graphmlReferenceData(ew, edgeKeys, e)
		ew.str("</edge>\n")
	}
	ew.str("  </graph>\n</graphml>\n")
	return ew.err
}

// graphmlReferenceData writes the <data> elements of element i for
// graphmlReference.
func graphmlReferenceData(ew *errWriter, keys []graphmlKey, i int) {
	for _, k := range keys {
		v, ok := k.value(i)
		if !ok {
			continue
		}
		ew.str(`<data key="` + k.id + `">`)
		if k.typ == "string" {
			xml.EscapeText(ew, []byte(v))
		} else {
			ew.str(v)
		}
		ew.str("</data>")
	}
}

// hostileAnalysis returns testAnalysis with values that stress the
// formatting of every GraphML attribute: names and affiliations with
// XML specials, control characters, invalid UTF-8 and characters
// outside XML's range; empty names and keys; zero and negative years;
// non-finite, negative, tiny and huge measures; authors without a
// community or topic and topic labels that need escaping or are empty.
func hostileAnalysis(t testing.TB) *Analysis {
	a := testAnalysis(t)
	g := a.Graph
	au := g.Authors
	au[0].Name = "tab\there\rcr \x01\x1f\x7f del"
	au[0].Affiliations = []string{"", "A & B", "<C>", ""}
	au[1].Name = "bad \xff\xfe utf8 \xed\xa0\x80 surrogate \xef\xbf\xbe fffe \ufffd real fffd 😀"
	au[1].Key = ""
	au[1].Affiliations = []string{""}
	au[3].Name = ""
	au[3].Affiliations = []string{"", ""}
	au[4].Key = `'single' "double"`
	au[4].FirstYear, au[4].LastYear = -44, 0
	au[5].Affiliations = []string{"trailing \xe2\x82"}
	c := a.Centrality
	c.Strength = []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 1e10, 9999999999}
	c.Betweenness = []float64{5e-324, -1.5, 1e300, 123456.789012345, -1e10, 0.1}
	c.Degree = []int{-3, 0, math.MaxInt, math.MinInt, 7, 1}
	a.Communities.Of = []int{0, -1, 2, 1, 0, -5}
	a.Topics.Labels = [][]string{{"a&b", "<c>", "\"d\"", "dropped"}, {}, {"x\ty"}}
	a.Topics.Author = []int{0, 1, 2, 3, -1, 2}
	return a
}

// edgeCaseGraph returns an analysis of a graph made with graph.New,
// without papers, with the given edge weights on a path.
func edgeCaseGraph(weights ...float64) *Analysis {
	authors := make([]graph.Author, len(weights)+1)
	for i := range authors {
		authors[i] = graph.Author{Name: "n" + strconv.Itoa(i), Papers: i}
	}
	edges := make([]graph.Edge, len(weights))
	for i, w := range weights {
		edges[i] = graph.Edge{U: int32(i), V: int32(i + 1), Weight: w, Joint: int32(i)}
	}
	g, _, _ := graph.New(authors, edges)
	return &Analysis{Graph: g}
}

// idsAnalysis returns the analysis of 300 papers with ids id(0)..,
// each by three of 40 authors, all with full counting, so that most
// pairs share several papers.
func idsAnalysis(t testing.TB, id func(i int) string) *Analysis {
	t.Helper()
	papers := make([]corpus.Paper, 300)
	for i := range papers {
		papers[i] = corpus.Paper{ID: id(i), Authors: []corpus.Author{
			{Name: fmt.Sprint("A", i%40)}, {Name: fmt.Sprint("B", i*7%40)}, {Name: fmt.Sprint("C", i*13%40)}}}
	}
	g := graph.Build(papers, corpus.Resolve(papers, nil), graph.Options{})
	return &Analysis{Graph: g, Papers: papers}
}

// TestGraphMLIDs checks the slot size newGraphMLIDs picks and that every
// id comes back escaped, from a slot or from the long ids.
func TestGraphMLIDs(t *testing.T) {
	tests := []struct {
		name  string
		id    func(i int) string
		slot  int
		long  int
		count int
	}{
		{"empty", func(int) string { return "" }, 16, 0, 10},
		{"none", func(int) string { return "" }, 16, 0, 0},
		{"short", func(i int) string { return strconv.Itoa(i) }, 16, 0, 100},
		// 92 of 100 ids fit in 16 bytes: the other 8 are long.
		{"few long", func(i int) string { return strings.Repeat("x", 10+i/92*20) }, 16, 8, 100},
		// 89 of 100 fit in 16 bytes, 95 in 32.
		{"some long", func(i int) string { return strings.Repeat("x", 10+i/89*10+i/95*30) }, 32, 5, 100},
		{"64", func(i int) string { return strings.Repeat("y", 32+i%32) }, 64, 0, 100},
		// Ids of 64 to 67 bytes, 48 of the 100, are long.
		{"over 64", func(i int) string { return strings.Repeat("y", 60+i%8) }, 64, 48, 100},
		// Escaped, the ids of 15 bytes take 18 and are long, and those of
		// 13 take 15 and just fit.
		{"escaped", func(i int) string {
			if i%2 == 1 {
				return "<" + strings.Repeat("z", 14)
			}
			return "\xff" + strings.Repeat("z", 12)
		}, 16, 50, 100},
	}
	for _, test := range tests {
		g := &graph.Graph{Papers: make([]graph.Paper, test.count)}
		for i := range g.Papers {
			g.Papers[i].ID = test.id(i)
		}
		ids := newGraphMLIDs(g)
		if slot := 1 << ids.shift; slot != test.slot || len(ids.long) != test.long {
			t.Errorf("%s: slots of %d bytes and %d long ids, want %d and %d",
				test.name, slot, len(ids.long), test.slot, test.long)
		}
		for i, p := range g.Papers {
			if got, want := ids.append([]byte("x"), int32(i)), appendXMLText([]byte("x"), p.ID); !bytes.Equal(got, want) {
				t.Errorf("%s: paper %d id %q, want %q", test.name, i, got, want)
			}
		}
	}
}

// TestGraphMLReference checks that GraphML writes the same bytes as
// graphmlReference on graphs with every kind of value, with blocks of
// one node or edge up to blocks larger than the graph, formatted by one
// goroutine and by several, with every attribute and with some.
func TestGraphMLReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	selections := [][]string{nil, {"label", "weight"}, {"edge_papers", "key"},
		{"distance", "first_year"}, {"joint_papers", "papers", "last_year"}, {}}
	for _, test := range referenceAnalyses(t) {
		for _, attrs := range selections {
			var want bytes.Buffer
			if err := graphmlReference(&want, test.a, attrs); err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 4} {
				runtime.GOMAXPROCS(procs)
				for _, block := range [][2]int{{1, 1}, {7, 3}, {graphmlNodeBlock, graphmlEdgeBlock}} {
					var got bytes.Buffer
					if err := graphML(&got, test.a, GraphMLOptions{Attrs: attrs}, block[0], block[1]); err != nil {
						t.Fatalf("%s: %v", test.name, err)
					}
					sameBytes(t, fmt.Sprintf("%s, attributes %q, %d procs, blocks of %v", test.name, attrs, procs, block),
						got.Bytes(), want.Bytes())
				}
			}
		}
	}
}

// TestGraphMLWithUnknown checks that an attribute the analysis does not
// have is an error that names it and the ones there are, written before
// anything else.
func TestGraphMLWithUnknown(t *testing.T) {
	a := testAnalysis(t)
	var b bytes.Buffer
	err := GraphMLWith(&b, a, GraphMLOptions{Attrs: []string{"label", "wieght", "colour"}})
	if err == nil || !strings.Contains(err.Error(), `no attribute "wieght", "colour" in this analysis (a measure not computed, or no such id); it has label, key,`) ||
		!strings.Contains(err.Error(), "weight, distance, joint_papers, edge_papers") {
		t.Errorf("GraphMLWith(unknown attributes) = %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("GraphMLWith(unknown attributes) wrote %d bytes, want none", b.Len())
	}
}

// sameBytes reports where got first differs from want.
func sameBytes(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < min(len(got), len(want)) && got[i] == want[i] {
		i++
	}
	t.Errorf("%s: output differs from the reference at byte %d of %d:\ngot  %q\nwant %q",
		what, i, len(want), excerpt(got, i), excerpt(want, i))
}

// referenceAnalyses returns the analyses on which the block writers of
// GraphML and GEXF must match their references: every kind of value,
// and generated graphs of some thousands of edges.
func referenceAnalyses(t *testing.T) []struct {
	name string
	a    *Analysis
} {
	noMeasures := testAnalysis(t)
	noMeasures.Centrality, noMeasures.Communities, noMeasures.Topics = nil, nil, nil
	partial := hostileAnalysis(t)
	partial.Centrality.Closeness = partial.Centrality.Closeness[:3] // left out: too short
	partial.Topics.Author = partial.Topics.Author[:2]
	partial.Communities.Of = partial.Communities.Of[:4]
	tests := []struct {
		name string
		a    *Analysis
	}{
		{"fixture", testAnalysis(t)},
		{"no measures", noMeasures},
		{"hostile", hostileAnalysis(t)},
		{"partial measures", partial},
		{"weights", edgeCaseGraph(1, 2, 0.5, 1.0/3, 0, math.Copysign(0, -1), -2, math.NaN(),
			math.Inf(1), 1e10, 9999999999.5, 1e-10, 5e-324, 3e9)},
		{"no edges", edgeCaseGraph()},
		{"short ids", idsAnalysis(t, func(i int) string { return strconv.Itoa(i) })},
		{"ids of 20 bytes", idsAnalysis(t, func(i int) string { return fmt.Sprintf("doi:10.1000/%08d", i) })},
		{"ids of 100 bytes", idsAnalysis(t, func(i int) string { return fmt.Sprintf("%0100d", i) })},
		{"ids at slot sizes", idsAnalysis(t, func(i int) string {
			return strings.Repeat("&", i%3) + fmt.Sprintf("%0*d", []int{14, 15, 16, 30, 31, 32, 62, 63, 64}[i%9], i)
		})},
		{"generated full", synthAnalysis(t, 3000, graph.Options{}, true)},
		{"generated fractional", synthAnalysis(t, 3000, graph.Options{Counting: graph.Fractional}, false)},
	}
	return tests
}

// excerpt returns the bytes of b around offset i.
func excerpt(b []byte, i int) []byte {
	return b[max(i-40, 0):min(i+40, len(b))]
}

// limitWriter accepts n bytes and then fails every write with errFail.
type limitWriter struct {
	n, writes int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	w.writes++
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errFail
	}
	w.n -= len(p)
	return len(p), nil
}

// TestGraphMLWriteError checks that a write error is returned and ends
// the writing, wherever it happens.
func TestGraphMLWriteError(t *testing.T) {
	a := synthAnalysis(t, 2000, graph.Options{}, false)
	var full bytes.Buffer
	if err := GraphML(&full, a); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 100, full.Len() / 2, full.Len() - 1} {
		w := &limitWriter{n: n}
		if err := graphML(w, a, GraphMLOptions{}, 5, 5); err != errFail {
			t.Errorf("failing after %d bytes: GraphML returned %v, want %v", n, err, errFail)
		}
		// Writes after the first failure are dropped by errWriter: the
		// failing one is the last.
		w2 := &limitWriter{n: n}
		graphML(w2, a, GraphMLOptions{}, 5, 5)
		if w.writes != w2.writes {
			t.Errorf("failing after %d bytes: %d and %d writes in two runs, want the same", n, w.writes, w2.writes)
		}
	}
	if err := GraphML(&bytes.Buffer{}, &Analysis{}); err != errNoGraph {
		t.Errorf("GraphML without a graph returned %v, want %v", err, errNoGraph)
	}
}

// TestAppendXMLText compares appendXMLText with xml.EscapeText on
// chosen strings and on random strings over an alphabet of specials,
// control characters and bytes of valid and invalid UTF-8.
func TestAppendXMLText(t *testing.T) {
	tests := []string{"", "plain", `<a href="x">&'</a>`, "\t\n\r\x00\x1f\x7f", "\xff", "\xe2\x82",
		"\xed\xa0\x80", "\ufffd", "\ufffe\uffff", "\U0010ffff", "\xf4\x90\x80\x80", "é😀"}
	alphabet := []byte("a<>&'\"\t\n\r\x00\x1f\x7f\x80\xbf\xc3\xa9\xe2\x82\xac\xed\xa0\xef\xbf\xbd\xbe\xf0\x9f\x98\x80\xf4\x90\xff")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := make([]byte, rng.IntN(12))
		for i := range s {
			s[i] = alphabet[rng.IntN(len(alphabet))]
		}
		tests = append(tests, string(s))
	}
	for _, s := range tests {
		var want bytes.Buffer
		xml.EscapeText(&want, []byte(s))
		if got := appendXMLText([]byte("pre"), s); string(got) != "pre"+want.String() {
			t.Errorf("appendXMLText(%q) = %q, want %q", s, got[3:], want.String())
		}
	}
}

// TestAppendFloat compares appendFloat with formatFloat on chosen
// values and on random bit patterns and whole numbers.
func TestAppendFloat(t *testing.T) {
	tests := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.0 / 3, 2.0 / 3, 1e9, 1e10, -1e10,
		9999999999, -9999999999, 9999999999.5, 12345678901, 1e21, 1e-5, 1e-4, 5e-324,
		math.MaxFloat64, -math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 1 << 53, 0.1 + 0.2}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		tests = append(tests, math.Float64frombits(rng.Uint64()),
			float64(rng.Int64N(3e10)-1.5e10), rng.Float64()*100)
	}
	for _, x := range tests {
		if got, want := string(appendFloat([]byte("pre"), x)), "pre"+formatFloat(x); got != want {
			t.Errorf("appendFloat(%v) = %q, want %q", x, got[3:], want[3:])
		}
	}
}

// TestGraphMLAttrs checks that GraphMLAttrs lists the keys of an analysis
// with every measure, communities and topics, in their order.
func TestGraphMLAttrs(t *testing.T) {
	nodes, edges := graphmlKeys(testAnalysis(t))
	var ids []string
	for _, k := range append(nodes, edges...) {
		ids = append(ids, k.id)
	}
	if got := GraphMLAttrs(); !slices.Equal(got, ids) {
		t.Errorf("GraphMLAttrs() = %q,\nthe keys are %q", got, ids)
	}
}
