package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

// egoSeed returns the graph of testdata/profile-page.txt (captured
// 2026-12-03) and its owner's ego view.
func egoSeed(t *testing.T) (*graph.Graph, *metrics.EgoView) {
	t.Helper()
	res, err := corpus.Read("../testdata/profile-page.txt",
		&corpus.Options{AsOf: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(res.Papers, corpus.Resolve(res.Papers, nil), graph.Options{})
	ego, share := metrics.DetectEgo(g, res.Owner)
	if g.Authors[ego].Name != "Salem Lahlou" || share != 1 {
		t.Fatalf("DetectEgo = %s, %g, want Salem Lahlou, 1", g.Authors[ego].Name, share)
	}
	return g, metrics.NewEgoView(g, ego, metrics.EgoOptions{Seed: 1})
}

func TestEgoReport(t *testing.T) {
	g, v := egoSeed(t)
	var b bytes.Buffer
	if err := EgoReport(&b, g, v); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	// Figures from the page (see metrics' TestTiesSeed): Tristan Deleu
	// shares 3 papers, 2021 to 2023; in 2018 the owner wrote BabyAI
	// with two new co-authors; Deleu's last joint paper is from 2023.
	for _, want := range []string{
		"## Ego view: Salem Lahlou",
		"Salem Lahlou has 60 co-authors, 100% of the other authors",
		"### Brokerage", "| effective size |", "| constraint |",
		"### Circles", "Tristan Deleu; Nikolay Malkin; Yoshua Bengio",
		"Co-authors who share no paper with another co-author (2)",
		"| Tristan Deleu | 3 | 3 | 2021 | 2023 | 2021: 1, 2022: 1, 2023: 1 |",
		"| 2018 | 1 | 2 |",
		"share no paper with the ego after 2023",
		"- Tristan Deleu: 3 joint papers, last 2023",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}

// weird is a name with Markdown, XML and DOT metacharacters.
const weird = "A <b>&\"Q\"\\ *_|`[x]\n"

// weirdEgo returns an ego named weird with two co-authors.
func weirdEgo() (*graph.Graph, *metrics.EgoView) {
	g, _, _ := graph.New([]graph.Author{{Key: "w", Name: weird}, {Key: "b", Name: "B</title>"}, {Key: "c", Name: "C"}},
		[]graph.Edge{{U: 0, V: 1, Weight: 2, Joint: 2}, {U: 0, V: 2, Weight: 1, Joint: 1}})
	return g, metrics.NewEgoView(g, 0, metrics.EgoOptions{})
}

func TestEgoEscaping(t *testing.T) {
	g, v := weirdEgo()
	var md bytes.Buffer
	if err := EgoReport(&md, g, v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), `## Ego view: A \<b\>\&"Q"\\ \*\_\|\`+"`"+`\[x\]`) {
		t.Errorf("name not escaped in the report:\n%s", md.String())
	}

	var svg bytes.Buffer
	if err := EgoSVG(&svg, g, v); err != nil {
		t.Fatal(err)
	}
	checkXML(t, svg.Bytes())
	var dotText bytes.Buffer
	if err := EgoDOT(&dotText, g, v); err != nil {
		t.Fatal(err)
	}
	checkDOT(t, dotText.String(), 3, 2)
}

func TestEgoSVG(t *testing.T) {
	g, v := egoSeed(t)
	var b bytes.Buffer
	if err := EgoSVG(&b, g, v); err != nil {
		t.Fatal(err)
	}
	checkXML(t, b.Bytes())
	// The page's papers run from 2018 to 2026: nine years, two bars
	// each, each bar titled with its year.
	s := b.String()
	if n := strings.Count(s, "<rect x="); n != 2+18 {
		t.Errorf("SVG has %d rects with x, want 2 legend keys and 18 bars", n)
	}
	for _, want := range []string{"<title>2018: 1 papers</title>", "<title>2018: 2 new co-authors</title>", ">2026</text>"} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestEgoDOT(t *testing.T) {
	g, v := egoSeed(t)
	var b bytes.Buffer
	if err := EgoDOT(&b, g, v); err != nil {
		t.Fatal(err)
	}
	// 61 authors, all of them the owner or a co-author, and all 121
	// ties of the graph (counts of metrics' and the report tests).
	checkDOT(t, b.String(), 61, g.EdgeCount())
	var again bytes.Buffer
	EgoDOT(&again, g, v)
	if again.String() != b.String() {
		t.Error("EgoDOT differs between two runs")
	}
}

// checkXML fails unless b is well-formed XML.
func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, b)
		}
	}
}

// checkDOT fails unless s parses as DOT with the given node and edge
// statement counts.
func checkDOT(t *testing.T, s string, nodes, edges int) {
	t.Helper()
	f, err := dot.ParseString(s)
	if err != nil {
		t.Fatalf("DOT does not parse: %v\n%s", err, s)
	}
	if len(f.Graphs) != 1 {
		t.Fatalf("DOT has %d graphs, want 1", len(f.Graphs))
	}
	n, e := 0, 0
	for _, st := range f.Graphs[0].Stmts {
		switch st.(type) {
		case *ast.NodeStmt:
			n++
		case *ast.EdgeStmt:
			e++
		}
	}
	if n != nodes || e != edges {
		t.Errorf("DOT has %d nodes and %d edges, want %d and %d", n, e, nodes, edges)
	}
}
