package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"testing"
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

// graphmlReference is GraphML as it was written before blocks were
// formatted in parallel, kept as the reference the output must match
// byte for byte. It builds every value as a string through the value
// funcs of graphmlKeys and escapes it with encoding/xml.
func graphmlReference(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	nodeKeys, edgeKeys := graphmlKeys(a)
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
		line = append(strconv.AppendInt(append(line[:0], `    <node id="n`...), int64(u), 10), "\">\n"...)
		ew.Write(line)
		graphmlReferenceData(ew, nodeKeys, u)
		ew.str("    </node>\n")
	}
	for e, ed := range g.Edges {
		line = strconv.AppendInt(append(line[:0], `    <edge id="e`...), int64(e), 10)
		line = strconv.AppendInt(append(line, `" source="n`...), int64(ed.U), 10)
		line = strconv.AppendInt(append(line, `" target="n`...), int64(ed.V), 10)
		ew.Write(append(line, "\">\n"...))
		graphmlReferenceData(ew, edgeKeys, e)
		ew.str("    </edge>\n")
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
		ew.str(`      <data key="` + k.id + `">`)
		if k.typ == "string" {
			xml.EscapeText(ew, []byte(v))
		} else {
			ew.str(v)
		}
		ew.str("</data>\n")
	}
}
