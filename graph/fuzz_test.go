package graph

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/coauthor/coauthor/corpus"
)

// fuzzRead reads data as format and checks that it either fails with a
// *corpus.ParseError or returns a well-formed graph.
func fuzzRead(t *testing.T, data []byte, format string) {
	// A few bytes may declare any number of Pajek vertices; keep the
	// fuzzer's allocations small.
	defer func(n int) { maxPajekVertices = n }(maxPajekVertices)
	maxPajekVertices = 1 << 12

	g, err := ReadFrom(bytes.NewReader(data), "fuzz", format)
	if err != nil {
		var pe *corpus.ParseError
		if !errors.As(err, &pe) && !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
			t.Fatalf("error %v is not a *corpus.ParseError", err)
		}
		return
	}
	checkGraph(t, g)
	for _, e := range g.Edges {
		if e.Weight != e.Weight {
			t.Fatalf("edge %v has a NaN weight", e)
		}
	}
}

// seed adds the test files and inputs to f.
func seed(f *testing.F, files []string, inputs ...string) {
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range inputs {
		f.Add([]byte(s))
	}
}

func FuzzEdgeList(f *testing.F) {
	seed(f, nil, "# c\n1 2\n2 1\n1 1\n", "a,b,2.5\r\nb,c\n", "source target weight\nx y 1e3\n", "1 2 NaN\n")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatEdgeList) })
}

func FuzzGML(f *testing.F) {
	seed(f, []string{"../testdata/net/karate.gml"},
		`graph [ directed 1 node [ id 1 label "a &amp; b" graphics [ x 1 ] ] node [ id 2 ] edge [ source 1 target 2 value 0.5 ] ]`,
		"# c\ngraph [ edge [ source \"x\" target y ] node [ id \"x\" ] node [ id y ] ]")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatGML) })
}

func FuzzPajek(f *testing.F) {
	seed(f, []string{"../testdata/net/netscience-cut.net"},
		"*Vertices 3\r\n1 \"a b\" 0.1 0.2\r\n*Arcs\r\n1 2 2\r\n*Edgeslist\r\n3 1 2\r\n",
		"*network n\n*vertices 2 1\n*arcslist\n1 2\n*partition p\n1\n")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatPajek) })
}

func FuzzGraphML(f *testing.F) {
	seed(f, nil,
		`<graphml><key id="w" for="edge" attr.name="weight"><default>2</default></key><graph edgedefault="directed">`+
			`<node id="a"><graph><node id="b"/></graph></node><edge source="a" target="b"><data key="w">3</data></edge></graph></graphml>`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, data, FormatGraphML) })
}
