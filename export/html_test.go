package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// fixtureSVG is a drawing of testAnalysis written by hand in the shape
// of Graphviz 12 SVG output: prolog, doctype, comments, the graph's own
// title, node groups whose tooltip is an xlink:title, and an edge.
const fixtureSVG = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
 "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Title: coauthor Pages: 1 -->
<svg width="100pt" height="60pt"
 viewBox="0.00 0.00 100.00 60.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 56)">
<title>coauthor</title>
<polygon fill="white" stroke="none" points="-4,4 -4,-56 96,-56 96,4 -4,4"/>
<!-- n0&#45;&#45;n1 -->
<g id="edge1" class="edge">
<title>n0&#45;&#45;n1</title>
<path fill="none" stroke="#888888" stroke-width="0.5" d="M20,-20C40,-20 60,-20 80,-20"/>
</g>
<!-- n0 -->
<g id="node1" class="node">
<title>n0</title>
<g id="a_node1"><a xlink:title="a\b (2 papers)">
<ellipse fill="#e69f00" stroke="#555555" cx="20" cy="-20" rx="10" ry="10"/>
<text text-anchor="middle" x="20" y="-17" font-family="Helvetica,sans-Serif" font-size="10.00">a\b</text>
</a>
</g>
</g>
<!-- n1 -->
<g id="node2" class="node">
<title>n1</title>
<g id="a_node2"><a xlink:title="&lt;b&gt;x&lt;/b&gt; (2 papers)">
<ellipse fill="#56b4e9" stroke="#555555" cx="80" cy="-20" rx="10" ry="10"/>
<text text-anchor="middle" x="80" y="-17" font-family="Helvetica,sans-Serif" font-size="10.00">&lt;b&gt;x&lt;/b&gt;</text>
</a>
</g>
</g>
</g>
</svg>
`

func TestHTMLGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, testAnalysis(t), []byte(fixtureSVG)); err != nil {
		t.Fatal(err)
	}
	golden(t, "html_report.html", buf.Bytes())
}

// TestHTMLContents checks what the page must hold whatever its layout.
// The counts come from the papers of testAnalysis: years 2019, 2020,
// 2021, 2021 and one paper without a year; the tie between node 0 (a\b)
// and node 1 (<b>x</b>) comes from paper p1 alone, weight 1.
func TestHTMLContents(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, testAnalysis(t), []byte(fixtureSVG)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"<title>Co-authorship report of O&#34;Brien</title>",
		"<title>2019: 1 paper</title>",
		"<title>2021: 2 papers</title>",
		"1 paper has no year",
		`<title>a\b – &lt;b&gt;x&lt;/b&gt; (weight 1, 1 joint paper)</title>`,
		`<a xlink:title="&lt;b&gt;x&lt;/b&gt; (2 papers)"><title>&lt;b&gt;x&lt;/b&gt; (2 papers)</title>`,
		"<td>Zoë *Star* | Pipe</td>",
		"take the length of a tie as 1/weight",
		"resolution 1 with random seed 42",
		"Further settings: topics=2.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<!--", "<?xml", "<!DOCTYPE svg", "<title>coauthor</title>", "<title>n0</title>"} {
		if strings.Contains(out, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	// Nothing may be fetched: no src, no style sheet links, no url().
	for _, bad := range []string{" src=", "<link", "url(", "@import"} {
		if strings.Contains(out, bad) {
			t.Errorf("page holds %q, which may load from the network", bad)
		}
	}
}

// TestHTMLScriptHash checks that the page's script is the one whose
// hash its Content-Security-Policy allows: html/template must not have
// changed it.
func TestHTMLScriptHash(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, testAnalysis(t), nil); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(buf.String(), -1)
	if len(m) != 1 {
		t.Fatalf("page has %d script elements, want 1", len(m))
	}
	h := sha256.Sum256([]byte(m[0][1]))
	want := "&#39;sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "&#39;"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("Content-Security-Policy lacks the script's hash %s", want)
	}
	if strings.Contains(buf.String(), `id="drawing"`) {
		t.Errorf("page without a drawing has a drawing section")
	}
}

// TestHTMLEscapesScript gives a script element as a name, a topic term,
// a warning, an input and the owner, draws the graph with SVG and checks
// that the only script element of the page is its own.
func TestHTMLEscapesScript(t *testing.T) {
	const evil = "<script>alert(1)</script>"
	a := testAnalysis(t)
	a.Graph.Authors[1].Name = evil
	a.Topics.Labels[0][0] = evil
	a.Warnings = append(a.Warnings, evil)
	a.Inputs = append(a.Inputs, evil)
	a.Owner = evil
	a.Summary.SkippedReasons[evil] = 1
	var dot, svg, page bytes.Buffer
	if err := DOT(&dot, a, DrawOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := SVG(context.Background(), &svg, dot.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, a, svg.Bytes()); err != nil {
		t.Fatal(err)
	}
	out := page.String()
	if n := strings.Count(strings.ToLower(out), "<script"); n != 1 {
		t.Errorf("page has %d script start tags, want 1 (its own)", n)
	}
	if strings.Contains(out, evil) {
		t.Errorf("page holds %q unescaped", evil)
	}
	if n := strings.Count(out, "&lt;script&gt;alert(1)&lt;/script&gt;"); n < 7 {
		t.Errorf("page holds the escaped name %d times, want at least 7 (title twice, owner, "+
			"input, table, drawing, warning)", n)
	}
}

func TestEmbedSVGRejects(t *testing.T) {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`
	tests := []struct {
		name, svg string
	}{
		{"script element", head + `<script>alert(1)</script></svg>`},
		{"foreignObject", head + `<foreignObject><p>x</p></foreignObject></svg>`},
		{"event handler", head + `<g onload="alert(1)"></g></svg>`},
		{"event handler upper case", head + `<g ONCLICK="alert(1)"></g></svg>`},
		{"javascript link", head + `<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`},
		{"data link", head + `<a href="data:text/html,x"><text>x</text></a></svg>`},
		{"style url", head + `<g style="fill:url(http://example.invalid/x)"></g></svg>`},
		{"html element", head + `<p>x</p></svg>`},
		{"other namespace", `<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`},
		{"not svg root", `<g xmlns="http://www.w3.org/2000/svg"></g>`},
		{"two roots", head + `</svg>` + head + `</svg>`},
		{"text after root", head + `</svg>trailing`},
		{"not well-formed", head + `<g></svg>`},
		{"unknown entity", head + `<text>&nbsp;</text></svg>`},
		{"empty", ``},
	}
	a := testAnalysis(t)
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got, err := embedSVG([]byte(test.svg), a)
			if !errors.Is(err, errSVG) {
				t.Errorf("embedSVG(%q) = %q, %v, want an error wrapping errSVG", test.svg, got, err)
			}
		})
	}
}

// TestEmbedSVGRewrites checks that comments are dropped (an HTML parser
// ends the comment "<!-->" at once, an XML parser does not), that text
// and attributes are escaped again, and that links to fragments pass.
func TestEmbedSVGRewrites(t *testing.T) {
	in := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` +
		`<!--><script>alert(1)</script>--><a xlink:href="#n1" xlink:title="x&amp;&quot;y">` +
		`<text>&lt;i&gt;</text></a><path d="M0,0"/></svg>`
	want := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` +
		`<a xlink:href="#n1" xlink:title="x&amp;&#34;y"><title>x&amp;&#34;y</title>` +
		`<text>&lt;i&gt;</text></a><path d="M0,0"/></svg>`
	got, err := embedSVG([]byte(in), testAnalysis(t))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("embedSVG =\n%s\nwant\n%s", got, want)
	}
}

// TestHTMLCap checks the row cap of the authors table on a random graph
// of 2100 authors.
func TestHTMLCap(t *testing.T) {
	a := randomAnalysis(2100, 100)
	var buf bytes.Buffer
	if err := HTML(&buf, a, nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	table := out[strings.Index(out, `id="authors-table"`):]
	if n := strings.Count(table, "<tr>"); n != maxTableRows+1 {
		t.Errorf("authors table has %d rows with the header, want %d", n, maxTableRows+1)
	}
	if !strings.Contains(out, "The 2000 authors of highest PageRank of 2100 are listed") {
		t.Errorf("page does not say that the table is capped")
	}
}

// TestHTMLNoPapers checks that a graph read from a graph file, without
// papers, gets no rows on papers and topics and no year chart.
func TestHTMLNoPapers(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, randomAnalysis(5, 5), nil); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`scope="row">papers</th>`, `scope="row">topics</th>`, "truncated author lists", `id="years"`} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("page without papers holds %q", bad)
		}
	}
	if !strings.Contains(buf.String(), `<th scope="row">authors</th><td>`) {
		t.Errorf("page lacks the authors row of the summary")
	}
}
