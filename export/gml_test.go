package export

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"
	"unicode"
)

// gmlList is a parsed GML list: its key-value pairs in order. A value
// is a string (quotes removed, entities kept), a number as written, or a
// nested gmlList.
type gmlList []gmlPair

type gmlPair struct {
	key   string
	value any
}

func (l gmlList) get(key string) any {
	for _, p := range l {
		if p.key == key {
			return p.value
		}
	}
	return nil
}

func (l gmlList) all(key string) []gmlList {
	var out []gmlList
	for _, p := range l {
		if v, ok := p.value.(gmlList); ok && p.key == key {
			out = append(out, v)
		}
	}
	return out
}

// parseGML reads GML text with a small tokenizer: keys, numbers,
// strings without quotes inside, and brackets.
func parseGML(s string) (gmlList, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case c == '[' || c == ']':
			toks = append(toks, s[i:i+1])
			i++
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return nil, fmt.Errorf("unterminated string at %d", i)
			}
			toks = append(toks, s[i:i+j+2])
			i += j + 2
		default:
			j := i
			for j < len(s) && !unicode.IsSpace(rune(s[j])) && s[j] != '[' && s[j] != ']' {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	pos := 0
	var list func(depth int) (gmlList, error)
	list = func(depth int) (gmlList, error) {
		var l gmlList
		for pos < len(toks) {
			key := toks[pos]
			if key == "]" {
				if depth == 0 {
					return nil, fmt.Errorf("unbalanced ]")
				}
				pos++
				return l, nil
			}
			if pos+1 >= len(toks) {
				return nil, fmt.Errorf("key %s without value", key)
			}
			val := toks[pos+1]
			pos += 2
			switch {
			case val == "[":
				sub, err := list(depth + 1)
				if err != nil {
					return nil, err
				}
				l = append(l, gmlPair{key, sub})
			case strings.HasPrefix(val, `"`):
				l = append(l, gmlPair{key, val[1 : len(val)-1]})
			default:
				l = append(l, gmlPair{key, val})
			}
		}
		if depth != 0 {
			return nil, fmt.Errorf("unbalanced [")
		}
		return l, nil
	}
	return list(0)
}

// TestGML re-reads the GML of the fixture.
//
// The golden file testdata/export/gml_graph.gml was read once with
// python3 and networkx 3.6.1:
//
//	g = nx.read_gml("testdata/export/gml_graph.gml", label="id")
//	g.number_of_nodes(), g.number_of_edges()   # (6, 7)
//	g.edges[1, 3]["weight"]                     # 2.0
//	g.edges[1, 3]["papers"]                     # 'p1; p5'
//	g.nodes[3]["label"]                         # 'O"Brien'
//	g.nodes[4]["label"]                         # 'Ünal & Co'
//	g.nodes[2]["label"]                         # 'Lone\nAuthor [x]_y `z`'
//	g.nodes[0]["first_year"], g.is_directed()   # (2019, False)
//
// matching the fixture (six authors, seven edges, 1-3 of weight 2).
func TestGML(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := GML(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "gml_graph.gml", buf.Bytes())

	for i, r := range buf.String() {
		if r > 0x7e || (r < 0x20 && r != '\n') {
			t.Fatalf("byte %d: %q is not printable ASCII", i, r)
		}
	}
	top, err := parseGML(buf.String())
	if err != nil {
		t.Fatalf("re-reading GML: %v", err)
	}
	gs := top.all("graph")
	if len(gs) != 1 {
		t.Fatalf("%d graphs, want 1", len(gs))
	}
	g := gs[0]
	if d := g.get("directed"); d != "0" {
		t.Errorf("directed = %v, want 0", d)
	}
	nodes, edges := g.all("node"), g.all("edge")
	if len(nodes) != 6 || len(edges) != 7 {
		t.Fatalf("%d nodes and %d edges, want 6 and 7", len(nodes), len(edges))
	}
	for u, n := range nodes {
		label, _ := n.get("label").(string)
		if got := html.UnescapeString(label); got != a.Graph.Authors[u].Name || n.get("id") != fmt.Sprint(u) {
			t.Errorf("node %v label %q, want %d %q", n.get("id"), got, u, a.Graph.Authors[u].Name)
		}
	}
	if l := nodes[4].get("label"); l != "&#220;nal &amp; Co" {
		t.Errorf("node 4 label written %q, want &#220;nal &amp; Co", l)
	}
	// Edge 1-3: weight 2, distance 0.5, two joint papers.
	e := edges[4]
	if e.get("source") != "1" || e.get("target") != "3" || e.get("weight") != "2.0" ||
		e.get("distance") != "0.5" || e.get("joint") != "2" || e.get("papers") != "p1; p5" {
		t.Errorf("edge 4 = %v, want 1-3 weight 2.0 distance 0.5 joint 2 papers p1; p5", e)
	}
	// Node 0: integers stay integers, reals get a decimal point.
	if n := nodes[0]; n.get("papers") != "2" || n.get("strength") != "4.0" || n.get("community") != "0" {
		t.Errorf("node 0 papers %v strength %v community %v, want 2, 4.0, 0",
			n.get("papers"), n.get("strength"), n.get("community"))
	}
}

func TestGMLReal(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{"integer", 4, "4.0"},
		{"zero", 0, "0.0"},
		{"fraction", 0.25, "0.25"},
		{"exponent", 1e-05, "1.0e-05"},
		{"exponent with point", 1.5e-07, "1.5e-07"},
		{"NaN", math.NaN(), "NAN"},
		{"infinity", math.Inf(-1), "-INF"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := gmlReal(test.in); got != test.want {
				t.Errorf("gmlReal(%g) = %q, want %q", test.in, got, test.want)
			}
		})
	}
}

func TestGMLString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quote", `O"Brien`, `"O&quot;Brien"`},
		{"ampersand", "A & B", `"A &amp; B"`},
		{"non-ASCII", "Zoë", `"Zo&#235;"`},
		{"newline", "a\nb", `"a&#10;b"`},
		{"invalid UTF-8", "a\xffb", `"a&#65533;b"`},
		{"backslash and brackets", `a\b [x]`, `"a\b [x]"`},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := gmlString(test.in); got != test.want {
				t.Errorf("gmlString(%q) = %s, want %s", test.in, got, test.want)
			}
		})
	}
}
