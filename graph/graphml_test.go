package graph

import (
	"testing"
)

func TestGraphML(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		names string // names in node order, "|"-separated
		edges string // edgeText
		notes []string
	}{{
		name: "label and weight keys, default weight",
		in: `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="label" attr.type="string"/>
  <key id="k1" for="edge" attr.name="weight" attr.type="double"><default>0.5</default></key>
  <key id="k2" for="edge" attr.name="value" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="k0">Ann &amp; Bo</data></node>
    <node id="n1"><data key="k0"> Cy </data><port name="p"/></node>
    <node id="n2"/>
    <edge source="n0" target="n1"><data key="k1">2</data><data key="k2">9</data></edge>
    <edge source="n1" target="n2"/>
    <hyperedge><endpoint node="n0"/><endpoint node="n2"/></hyperedge>
  </graph>
</graphml>`,
		names: "Ann & Bo|Cy|n2",
		edges: "n0-n1:2 n1-n2:0.5",
		notes: []string{`edgedefault "undirected"`, "1 hyperedge elements ignored", "1 port elements ignored"},
	}, {
		name: "directed, duplicates, undeclared node, no weight key",
		in: `<graphml><key id="name" for="node" attr.name="name"/>
<graph edgedefault="directed">
<node id="a"><data key="name">A</data></node>
<edge source="a" target="b"/><edge source="b" target="a"/><edge source="a" target="a"/>
<edge source="b" target="c" directed="false"/>
<node id="b"/>
</graph></graphml>`,
		names: "A|b|c",
		edges: "a-b:1 b-c:1",
		notes: []string{`edgedefault "directed"`, "3 directed edges read as undirected", "1 reverse duplicates merged, 1 self-loops dropped",
			"no weight key declared", "1 nodes named by edges but not declared"},
	}, {
		name: "key without attr.name matched by id, nested graph flattened",
		in: `<graphml><key id="weight" for="edge"/>
<graph><node id="x"><graph><node id="x1"/><edge source="x1" target="y"><data key="weight">3</data></edge></graph></node>
<node id="y"/></graph></graphml>`,
		names: "x|x1|y",
		edges: "x1-y:3",
		notes: []string{"2 graph elements"},
	}, {
		name:  "latin-1 declared",
		in:    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph><node id=\"1\"><data key=\"l\">Erd\xf6s</data></node></graph></graphml>",
		names: "Erdös",
		edges: "",
	}}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			checkShape(t, "test.graphml", test.in, test.names, test.edges, test.notes)
		})
	}
}

func TestGraphMLErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		reason   string
		msg      string
	}{
		{"no graph", "<graphml>\n</graphml>", 2, "syntax", "no <graph>"},
		{"bad xml", "<graphml>\n<graph>\n<node id=\"a\">\n</graph>", 4, "syntax", "element <node> closed by </graph>"},
		{"truncated", "<graphml>\n<graph>\n<node id=\"a\">", 3, "syntax", "unexpected EOF"},
		{"node without id", "<graphml>\n<graph>\n<node/>\n</graph></graphml>", 3, "node id", "node without id"},
		{"duplicate node", "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>", 3, "duplicate node", "given twice"},
		{"edge without target", "<graphml><graph>\n<edge source=\"a\"/>\n</graph></graphml>", 2, "edge ends", "without source or target"},
		{"bad weight", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph>\n<edge source=\"a\" target=\"b\"><data key=\"w\">x</data></edge>\n</graph></graphml>", 2, "weight", `weight "x"`},
		{"unknown encoding", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?>\n<graphml/>", 1, "syntax", "EBCDIC"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			wantParseError(t, test.in, FormatGraphML, test.line, test.reason, test.msg)
		})
	}
}
