package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/graph"
)

// Typed structs for re-reading GEXF 1.3.
type gexfFile struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Creator string   `xml:"meta>creator"`
	Desc    string   `xml:"meta>description"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Mode            string `xml:"mode,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes struct {
			Count int        `xml:"count,attr"`
			Nodes []gexfNode `xml:"node"`
		} `xml:"nodes"`
		Edges struct {
			Count int        `xml:"count,attr"`
			Edges []gexfEdge `xml:"edge"`
		} `xml:"edges"`
	} `xml:"graph"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfSpellXML struct {
	Start int `xml:"start,attr"`
	End   int `xml:"end,attr"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr"`
	Values []gexfValue    `xml:"attvalues>attvalue"`
	Spells []gexfSpellXML `xml:"spells>spell"`
	Color  *struct {
		R int `xml:"r,attr"`
		G int `xml:"g,attr"`
		B int `xml:"b,attr"`
	} `xml:"http://gexf.net/1.3/viz color"`
	Size *struct {
		Value float64 `xml:"value,attr"`
	} `xml:"http://gexf.net/1.3/viz size"`
}

type gexfEdge struct {
	ID     string         `xml:"id,attr"`
	Source string         `xml:"source,attr"`
	Target string         `xml:"target,attr"`
	Weight float64        `xml:"weight,attr"`
	Values []gexfValue    `xml:"attvalues>attvalue"`
	Spells []gexfSpellXML `xml:"spells>spell"`
}

func gexfValueOf(vs []gexfValue, id string) (string, bool) {
	for _, v := range vs {
		if v.For == id {
			return v.Value, true
		}
	}
	return "", false
}

// gexfChildren returns the local names of the children of <graph> in
// document order.
func gexfChildren(t *testing.T, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var names, stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatalf("re-reading GEXF: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 2 && stack[1] == "graph" {
				names = append(names, tok.Name.Local)
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// TestGEXF re-reads the GEXF of the fixture with encoding/xml.
//
// The golden file testdata/export/gexf_graph.gexf was checked once with
// xmllint (libxml2 2.9.14) against the GEXF 1.3 schemas copied to
// testdata/schemas/gexf-1.3:
//
//	xmllint --noout --schema testdata/schemas/gexf-1.3/gexf.xsd \
//	    testdata/export/gexf_graph.gexf
//
// Every element validates except viz:color and viz:size: the published
// 1.3 schema declares color and size in the GEXF namespace itself
// (viz.xsd has no target namespace), while Gephi and networkx write and
// read them in http://gexf.net/1.3/viz. With the viz elements removed
// (grep -v viz:) the file validates. It was also read with python3 and
// networkx 3.6.1:
//
//	g = nx.read_gexf("testdata/export/gexf_graph.gexf", version="1.3")
//	g.number_of_nodes(), g.number_of_edges()   # (6, 7)
//	g.edges["n1", "n3"]["weight"]               # 2.0
//	g.edges["n1", "n3"]["spells"]               # [(2019, 2021)]
//	g.nodes["n3"]["label"]                      # 'O"Brien'
//	g.nodes["n3"]["viz"]                        # color 86 180 233, size 50.0
func TestGEXF(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := GEXF(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "gexf_graph.gexf", buf.Bytes())

	// Attribute declarations must precede <nodes> (Gephi drops values
	// of attributes declared later).
	children := strings.Join(gexfChildren(t, buf.Bytes()), " ")
	if want := "attributes attributes nodes edges"; children != want {
		t.Errorf("children of <graph> = %q, want %q", children, want)
	}

	var f gexfFile
	if err := xml.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("re-reading GEXF: %v", err)
	}
	gr := &f.Graph
	if f.Version != "1.3" || f.Creator != "coauthor" {
		t.Errorf("version, creator = %q, %q, want 1.3, coauthor", f.Version, f.Creator)
	}
	if want := `Co-authorship network of O"Brien: 6 authors, 7 edges, 5 papers`; f.Desc != want {
		t.Errorf("description = %q, want %q", f.Desc, want)
	}
	if gr.DefaultEdgeType != "undirected" || gr.Mode != "dynamic" || gr.TimeFormat != "integer" {
		t.Errorf("graph = %s %s %s, want undirected dynamic integer",
			gr.DefaultEdgeType, gr.Mode, gr.TimeFormat)
	}

	// Declared attributes and their types.
	types := map[string]string{}
	for _, as := range gr.Attributes {
		for _, at := range as.Attrs {
			types[as.Class+"."+at.ID] = at.Type
		}
	}
	for _, want := range []struct{ id, typ string }{
		{"node.papers", "integer"}, {"node.first_year", "integer"}, {"node.last_year", "integer"},
		{"node.degree", "integer"}, {"node.core", "integer"}, {"node.component", "integer"},
		{"node.community", "integer"}, {"node.topic", "integer"},
		{"node.betweenness", "double"}, {"node.closeness", "double"}, {"node.harmonic", "double"},
		{"node.eigenvector", "double"}, {"node.pagerank", "double"}, {"node.strength", "double"},
		{"node.affiliations", "string"}, {"node.topic_label", "string"},
		{"edge.joint_papers", "integer"}, {"edge.distance", "double"}, {"edge.papers", "string"},
	} {
		if got := types[want.id]; got != want.typ {
			t.Errorf("attribute %s has type %q, want %q", want.id, got, want.typ)
		}
	}
	if _, ok := types["node.label"]; ok {
		t.Error("label declared as an attribute; it belongs on <node>")
	}

	// Counts from the fixture: six authors, seven edges.
	if gr.Nodes.Count != 6 || len(gr.Nodes.Nodes) != 6 || gr.Edges.Count != 7 || len(gr.Edges.Edges) != 7 {
		t.Fatalf("nodes %d/%d, edges %d/%d, want 6/6 and 7/7", gr.Nodes.Count,
			len(gr.Nodes.Nodes), gr.Edges.Count, len(gr.Edges.Edges))
	}
	for u, n := range gr.Nodes.Nodes {
		if n.ID != "n"+strconv.Itoa(u) || n.Label != a.Graph.Authors[u].Name {
			t.Errorf("node %d = %q %q, want n%d %q", u, n.ID, n.Label, u, a.Graph.Authors[u].Name)
		}
	}

	// Edge 1-3 (<b>x</b>, O"Brien) shares p1 (2019) and p5 (2021).
	e := gr.Edges.Edges[4]
	if e.Source != "n1" || e.Target != "n3" || e.Weight != 2 {
		t.Errorf("edge 4 = %s-%s weight %g, want n1-n3 weight 2", e.Source, e.Target, e.Weight)
	}
	if v, _ := gexfValueOf(e.Values, "papers"); v != "p1; p5" {
		t.Errorf("edge 4 papers = %q, want p1; p5", v)
	}
	if v, _ := gexfValueOf(e.Values, "distance"); v != "0.5" {
		t.Errorf("edge 4 distance = %q, want 0.5", v)
	}
	if len(e.Spells) != 1 || e.Spells[0] != (gexfSpellXML{2019, 2021}) {
		t.Errorf("edge 4 spells = %v, want [{2019 2021}]", e.Spells)
	}

	// Node 3, O"Brien: papers 2019..2021, community 1 (#56B4E9),
	// PageRank 0.25, the highest, so size 50.
	n := gr.Nodes.Nodes[3]
	if len(n.Spells) != 1 || n.Spells[0] != (gexfSpellXML{2019, 2021}) {
		t.Errorf("node 3 spells = %v, want [{2019 2021}]", n.Spells)
	}
	if n.Color == nil || n.Color.R != 0x56 || n.Color.G != 0xb4 || n.Color.B != 0xe9 {
		t.Errorf("node 3 colour = %+v, want 86 180 233", n.Color)
	}
	if n.Size == nil || n.Size.Value != 50 {
		t.Errorf("node 3 size = %+v, want 50", n.Size)
	}
	// Node 2, the lone author: no year, so no spell; the lowest
	// PageRank (0.025), so size 5.
	n = gr.Nodes.Nodes[2]
	if len(n.Spells) != 0 || n.Size == nil || n.Size.Value != 5 {
		t.Errorf("node 2 spells %v size %+v, want none and 5", n.Spells, n.Size)
	}
	if _, ok := gexfValueOf(n.Values, "first_year"); ok {
		t.Error("node 2 has a first_year, want none (unknown year)")
	}
	// Node 5, PageRank 0.125: 5 + 45*(0.125-0.025)/(0.25-0.025) = 25.
	if n := gr.Nodes.Nodes[5]; n.Size == nil || n.Size.Value != 25 {
		t.Errorf("node 5 size = %+v, want 25", n.Size)
	}
}

// TestGEXFStatic checks that a graph without years is written static,
// without spells.
func TestGEXFStatic(t *testing.T) {
	g, _, _ := graph.New([]graph.Author{{Name: "A"}, {Name: "B"}}, []graph.Edge{{U: 0, V: 1, Weight: 1.5, Joint: 1}})
	var buf bytes.Buffer
	if err := GEXF(&buf, &Analysis{Graph: g}); err != nil {
		t.Fatal(err)
	}
	var f gexfFile
	if err := xml.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if f.Graph.Mode != "static" || f.Graph.TimeFormat != "" {
		t.Errorf("mode, timeformat = %q, %q, want static and none", f.Graph.Mode, f.Graph.TimeFormat)
	}
	if strings.Contains(buf.String(), "<spell") || strings.Contains(buf.String(), "viz:size") {
		t.Errorf("static graph without PageRank has spells or sizes:\n%s", buf.Bytes())
	}
	if w := f.Graph.Edges.Edges[0].Weight; w != 1.5 {
		t.Errorf("weight = %g, want 1.5", w)
	}
	if err := GEXF(io.Discard, &Analysis{}); err == nil {
		t.Error("GEXF of an analysis without graph: no error")
	}
}

// TestGEXF12 checks that the 1.2draft document is the 1.3 one in the
// 1.2draft namespaces; networkx 2.8.8's read_gexf read the one written
// for testdata/profile-page.txt with 61 nodes, 121 edges and total
// weight 138, the counts of authors.csv and edges.csv.
func TestGEXF12(t *testing.T) {
	a := testAnalysis(t)
	var v13, v12 strings.Builder
	if err := GEXF(&v13, a); err != nil {
		t.Fatal(err)
	}
	if err := GEXF12(&v12, a); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(v13.String(),
		`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">`,
		`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">`, 1)
	if want == v13.String() {
		t.Fatal("the 1.3 header was not found")
	}
	if v12.String() != want {
		t.Error("GEXF12 differs from GEXF by more than its namespaces and version")
	}
}

// gexfReference is GEXF written the plain way, one element after the
// other with fmt and encoding/xml, kept as the reference the block
// writer must match byte for byte.
func gexfReference(w io.Writer, a *Analysis) error {
	g := a.Graph
	nodeKeys, edgeKeys := gexfKeys(a)
	dynamic := false
	for _, au := range g.Authors {
		if au.FirstYear != 0 {
			dynamic = true
			break
		}
	}
	ew := &errWriter{w: w}
	ew.str(xml.Header)
	ew.printf("<gexf xmlns=%q xmlns:viz=%q version=%q>\n", gexfNS, gexfVizNS, "1.3")
	ew.str("  <meta>\n    <creator>coauthor</creator>\n    <description>")
	xml.EscapeText(ew, []byte(gexfDescription(a)))
	ew.str("</description>\n  </meta>\n")
	if dynamic {
		ew.str(`  <graph defaultedgetype="undirected" mode="dynamic" timeformat="integer">` + "\n")
	} else {
		ew.str(`  <graph defaultedgetype="undirected" mode="static">` + "\n")
	}
	gexfDeclare(ew, "node", nodeKeys)
	gexfDeclare(ew, "edge", edgeKeys)
	values := func(keys []graphmlKey, i int) {
		open := false
		for _, k := range keys {
			v, ok := k.value(i)
			if !ok {
				continue
			}
			if !open {
				ew.str("        <attvalues>\n")
				open = true
			}
			ew.printf("          <attvalue for=%q value=\"", k.name)
			xml.EscapeText(ew, []byte(v))
			ew.str("\"/>\n")
		}
		if open {
			ew.str("        </attvalues>\n")
		}
	}
	spell := func(first, last int) {
		if first == 0 {
			return
		}
		if last == 0 {
			last = first
		}
		ew.printf("        <spells>\n          <spell start=\"%d\" end=\"%d\"/>\n        </spells>\n", first, last)
	}
	sizes := gexfSizes(a)
	ew.printf("    <nodes count=\"%d\">\n", g.Len())
	for u := range g.Authors {
		au := &g.Authors[u]
		ew.printf("      <node id=\"n%d\" label=\"", u)
		xml.EscapeText(ew, []byte(au.Name))
		ew.str("\">\n")
		values(nodeKeys, u)
		if dynamic {
			spell(au.FirstYear, au.LastYear)
		}
		r, gr, b := gexfRGB(a.community(u))
		ew.printf("        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, gr, b)
		if sizes != nil {
			ew.printf("        <viz:size value=\"%s\"/>\n", formatFloat(sizes[u]))
		}
		ew.str("      </node>\n")
	}
	ew.str("    </nodes>\n")
	ew.printf("    <edges count=\"%d\">\n", g.EdgeCount())
	for e, ed := range g.Edges {
		ew.printf("      <edge id=\"e%d\" source=\"n%d\" target=\"n%d\" weight=\"%s\">\n",
			e, ed.U, ed.V, formatFloat(ed.Weight))
		values(edgeKeys, e)
		if dynamic {
			spell(edgeYears(a, e))
		}
		ew.str("      </edge>\n")
	}
	ew.str("    </edges>\n  </graph>\n</gexf>\n")
	return ew.err
}

// TestGEXFReference checks that GEXF writes the same bytes as
// gexfReference, on the analyses of TestGraphMLReference, with blocks of
// one node or edge up to blocks larger than the graph, formatted by one
// goroutine and by several.
func TestGEXFReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, test := range referenceAnalyses(t) {
		var want bytes.Buffer
		if err := gexfReference(&want, test.a); err != nil {
			t.Fatal(err)
		}
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			for _, block := range [][2]int{{1, 1}, {7, 3}, {graphmlNodeBlock, graphmlEdgeBlock}} {
				var got bytes.Buffer
				if err := writeGEXF(&got, test.a, gexfNS, gexfVizNS, "1.3", block[0], block[1]); err != nil {
					t.Fatalf("%s: %v", test.name, err)
				}
				sameBytes(t, fmt.Sprintf("%s, %d procs, blocks of %v", test.name, procs, block), got.Bytes(), want.Bytes())
			}
		}
	}
}
