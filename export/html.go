package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

// maxTableRows caps the rows of the authors table of the HTML report.
const maxTableRows = 2000

// maxHTMLMembers is how many members of each community the HTML report
// names.
const maxHTMLMembers = 30

// graphvizVersion is the version of the Graphviz that [SVG] renders
// with, for the methods paragraph.
const graphvizVersion = "12.1.2"

// HTML writes report.html: one self-contained page holding the title and
// inputs, the summary table, the drawing (svg, the output of [SVG] for
// the analysis, embedded inline, zoomed with the mouse wheel and panned
// by dragging), the communities with their members and topics, the
// topics, a table of the authors with every measure (sortable by
// clicking a header, at most the 2000 of highest PageRank), a bar chart
// of papers per year, the graph's notes, a.Warnings and a methods
// paragraph stating every setting. svg may be nil: the drawing is then
// left out, like every section whose data is missing.
//
// The page loads nothing: its style sheet and script are inline, and its
// Content-Security-Policy allows no network access and only its own
// script (by hash). Every name and string from the input is
// HTML-escaped. The drawing is not trusted as given: it is parsed as XML
// and written again element by element; an element outside the set
// Graphviz writes for our drawings, an event handler attribute, a link
// other than http, https or a fragment, or XML that is not well-formed
// makes HTML return an error and write nothing. Comments, the XML
// declaration and the doctype are dropped; the node and edge ids of the
// drawing's titles become author names, so that hovering over a node or
// tie names it.
//
// The tool version in the methods paragraph is taken from an entry
// "version=V" of a.Settings.Other. The same analysis and svg give the
// same bytes.
func HTML(w io.Writer, a *Analysis, svg []byte) error {
	if a.Graph == nil {
		return errNoGraph
	}
	var p htmlPage
	if len(svg) > 0 {
		clean, err := embedSVG(svg, a)
		if err != nil {
			return fmt.Errorf("html: %w", err)
		}
		p.SVG = template.HTML(clean) // checked and rewritten by embedSVG
	}
	p.fill(a)
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, &p); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// htmlPage is the data of the page template.
type htmlPage struct {
	Title       string
	Owner       string
	Inputs      []string
	Summary     [][2]string
	SVG         template.HTML
	Communities []htmlCommunity
	MoreComms   int // communities beyond maxCommunities
	Singles     int // communities of one author
	Topics      [][3]string
	Columns     []htmlColumn
	Rows        [][]string
	Authors     int // all authors; len(Rows) may be fewer
	YearChart   template.HTML
	NoYear      int // papers of unknown year
	Notes       []string
	Warnings    []string
	Methods     string
	CSP         string
}

// htmlCommunity is one community of the page.
type htmlCommunity struct {
	ID      int
	Size    int
	Colour  template.CSS
	Topic   string
	Members []string
	More    int
}

// htmlColumn is a column of the authors table; Num marks numbers, which
// sort in decreasing order on the first click.
type htmlColumn struct {
	Title string
	Num   bool
}

// fill sets every field of p but SVG from a.
func (p *htmlPage) fill(a *Analysis) {
	p.Title = "Co-authorship report"
	if a.Owner != "" {
		p.Title += " of " + a.Owner
	}
	p.Owner = a.Owner
	p.Inputs = a.Inputs
	p.Summary = summaryRows(a.Summary, len(a.Graph.Papers) > 0)
	p.fillCommunities(a)
	if t := a.Topics; t != nil {
		for i, terms := range t.Labels {
			p.Topics = append(p.Topics, [3]string{strconv.Itoa(i), intCell(t.Sizes, i), strings.Join(terms, ", ")})
		}
	}
	p.fillAuthors(a)
	p.YearChart, p.NoYear = yearChart(a)
	p.Notes = a.Graph.Notes
	p.Warnings = a.Warnings
	p.Methods = methods(a, len(p.SVG) > 0)
	p.CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + pageJSHash +
		"'; img-src data:; base-uri 'none'; form-action 'none'"
}

// summaryRows returns the rows of the summary table, as in [Report];
// without papers (a graph read from a graph file) the rows on papers
// and topics are left out.
func summaryRows(s metrics.Summary, papers bool) [][2]string {
	diam, wdiam := strconv.Itoa(s.Diameter), num(s.WeightedDiameter)
	if !s.DiameterExact {
		diam = "≥ " + diam + " (lower bound)"
	}
	if !s.WeightedDiameterExact {
		wdiam = "≥ " + wdiam + " (lower bound)"
	}
	rows := [][2]string{
		{"papers", strconv.Itoa(s.Papers)},
		{"authors", strconv.Itoa(s.Authors)},
		{"co-authorship ties", strconv.Itoa(s.Edges)},
		{"connected components", strconv.Itoa(s.Components)},
		{"largest component", fmt.Sprintf("%d authors, %d ties", s.LargestComponent, s.LargestComponentEdges)},
		{"density", num(s.Density)},
		{"average clustering", num(s.AverageClustering)},
		{"transitivity", num(s.Transitivity)},
		{"triangles", strconv.FormatInt(s.Triangles, 10)},
		{"diameter (hops, largest component)", diam},
		{"weighted diameter (length 1/weight)", wdiam},
		{"communities", strconv.Itoa(s.Communities)},
		{"modularity", num(s.Modularity)},
		{"topics", strconv.Itoa(s.Topics)},
		{"papers with truncated author lists", strconv.Itoa(s.TruncatedPapers)},
		{"records skipped", strconv.Itoa(s.SkippedRecords)},
	}
	if !papers {
		var kept [][2]string
		for _, r := range rows {
			if !strings.Contains(r[0], "papers") && r[0] != "topics" {
				kept = append(kept, r)
			}
		}
		rows = kept
	}
	reasons := make([]string, 0, len(s.SkippedReasons))
	for r := range s.SkippedReasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		rows = append(rows, [2]string{"skipped: " + r, strconv.Itoa(s.SkippedReasons[r])})
	}
	return rows
}

// fillCommunities sets the communities of the page: those of more than
// one author, the first maxCommunities of them.
func (p *htmlPage) fillCommunities(a *Analysis) {
	for c, ms := range a.members() {
		if len(ms) <= 1 {
			p.Singles++
			continue
		}
		if c >= maxCommunities {
			p.MoreComms++
			continue
		}
		hc := htmlCommunity{ID: c, Size: len(ms), Members: a.names(ms, maxHTMLMembers),
			Colour: template.CSS(communityColour(a, DrawOptions{MinCommunity: 3}, c))}
		if len(ms) > maxHTMLMembers {
			hc.More = len(ms) - maxHTMLMembers
		}
		if t := a.dominantTopic(ms); t >= 0 {
			hc.Topic = fmt.Sprintf("%d (%s)", t, a.topicLabel(t))
		}
		p.Communities = append(p.Communities, hc)
	}
}

// fillAuthors sets the authors table: one row per author in PageRank
// order, at most maxTableRows, with a column per available measure.
func (p *htmlPage) fillAuthors(a *Analysis) {
	type col struct {
		title string
		cell  func(u int) string
	}
	cols := []col{{"author", func(u int) string { return a.Graph.Authors[u].Name }},
		{"papers", func(u int) string { return strconv.Itoa(a.Graph.Authors[u].Papers) }}}
	for _, m := range []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"} {
		v := a.measure(m)
		if v == nil {
			continue
		}
		title := m
		if m == "pagerank" {
			title = "PageRank"
		}
		cols = append(cols, col{title, func(u int) string { return num(v[u]) }})
	}
	if c := a.Centrality; c != nil {
		if len(c.Core) == a.Graph.Len() {
			cols = append(cols, col{"k-core", func(u int) string { return strconv.Itoa(c.Core[u]) }})
		}
		if len(c.Clustering) == a.Graph.Len() {
			cols = append(cols, col{"clustering", func(u int) string { return num(c.Clustering[u]) }})
		}
	}
	if a.Communities != nil {
		cols = append(cols, col{"community", func(u int) string { return optCell(a.community(u)) }})
	}
	if a.Topics != nil {
		cols = append(cols, col{"topic", func(u int) string { return optCell(a.authorTopic(u)) }})
	}

	p.Columns = []htmlColumn{{"rank", true}}
	for i, c := range cols {
		p.Columns = append(p.Columns, htmlColumn{c.title, i > 0})
	}
	p.Authors = a.Graph.Len()
	for i, u := range a.ranking("pagerank") {
		if i == maxTableRows {
			break
		}
		row := []string{strconv.Itoa(i + 1)}
		for _, c := range cols {
			row = append(row, c.cell(u))
		}
		p.Rows = append(p.Rows, row)
	}
}

// yearChart returns an SVG bar chart of the graph's papers per year and
// the number of papers of unknown year. The chart holds only numbers
// written here, never input text. It is "" when no paper has a year.
func yearChart(a *Analysis) (template.HTML, int) {
	count := map[int]int{}
	lo, hi, unknown := 0, 0, 0
	for _, gp := range a.Graph.Papers {
		y := gp.Year
		if y <= 0 {
			unknown++
			continue
		}
		count[y]++
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	if lo == 0 {
		return "", unknown
	}
	top := 0
	for _, n := range count {
		top = max(top, n)
	}
	const width, height, left, bottom, topPad = 800.0, 240.0, 40.0, 30.0, 20.0
	years := hi - lo + 1
	step := (width - left - 10) / float64(years)
	every := (years + 29) / 30 // label at most 30 years
	plot := height - bottom - topPad
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="years" viewBox="0 0 %g %g" role="img" aria-label="papers per year">`, width, height)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#444"/>`, left, height-bottom, width-10, height-bottom)
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">%d</text>`, left-6, topPad+4, top)
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">0</text>`, left-6, height-bottom+4)
	for i := 0; i < years; i++ {
		y, n := lo+i, count[lo+i]
		x := left + float64(i)*step
		h := plot * float64(n) / float64(top)
		fmt.Fprintf(&b, `<g><title>%d: %s</title>`, y, plural(n, "paper"))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#0072b2"/>`,
			x+step*0.1, height-bottom-h, step*0.8, h)
		if n > 0 && step >= 14 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%d</text>`, x+step/2, height-bottom-h-4, n)
		}
		b.WriteString("</g>")
		if i%every == 0 || i == years-1 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle">%d</text>`, x+step/2, height-bottom+16, y)
		}
	}
	b.WriteString("</svg>")
	return template.HTML(b.String()), unknown
}

// methods returns the methods paragraph: every setting of the run, in
// sentences ready to quote.
func methods(a *Analysis, drawn bool) string {
	set := a.Settings
	bo := set.Build
	var s []string
	tool := "coauthor"
	var other []string
	for _, o := range set.Other {
		if v, ok := strings.CutPrefix(o, "version="); ok {
			tool += " " + v
			continue
		}
		other = append(other, o)
	}
	if len(a.Graph.Papers) > 0 {
		s = append(s, fmt.Sprintf("The co-authorship network was built with %s from %s.", tool,
			plural(len(a.Graph.Papers), "paper")))
		s = append(s, "Authors are nodes, merged by identity key; two authors are joined by a tie when they share a paper.")
		if bo.Counting.String() == "fractional" {
			s = append(s, "Ties are weighted by fractional counting (Newman 2001): a paper with n authors adds 1/(n-1) to each of its author pairs.")
		} else {
			s = append(s, "Ties are weighted by full counting: the weight of a tie is the number of papers the two authors share.")
		}
		s = append(s, filterSentence(bo))
	} else {
		s = append(s, fmt.Sprintf("The network of %s and %s was read from a graph file and measured with %s.",
			plural(a.Graph.Len(), "node"), plural(a.Graph.EdgeCount(), "tie"), tool))
	}
	if a.Centrality != nil {
		bet := set.Betweenness
		if bet == "" {
			bet = "betweenness exact (Brandes)"
		}
		s = append(s, "Path-based measures (betweenness, closeness, harmonic centrality and the weighted diameter) "+
			"take the length of a tie as 1/weight, so that strong ties are short.")
		s = append(s, "Path measures: "+bet+".")
		s = append(s, "Betweenness is normalised by (n-1)(n-2)/2; closeness uses the Wasserman-Faust "+
			"correction for disconnected graphs; eigenvector centrality and PageRank (damping factor 0.85) use the "+
			"tie weights; the clustering coefficient is unweighted.")
	}
	if p := a.Communities; p != nil {
		method, res := p.Method, p.Resolution
		if method == "" || method == "louvain" {
			method = "the Louvain method (Blondel et al. 2008)"
		}
		if res == 0 {
			res = set.Resolution
		}
		if res == 0 {
			res = 1
		}
		s = append(s, fmt.Sprintf("Communities were found by %s on the weighted graph at resolution %s with random seed %d, "+
			"giving modularity Q = %s.", method, num(res), p.Seed, num(p.Q)))
	}
	if a.Topics != nil {
		s = append(s, fmt.Sprintf("Papers were clustered by the words of their titles and abstracts into %s "+
			"(random seed %d); an author's topic is that of most of their papers.",
			plural(len(a.Topics.Labels), "topic"), set.Seed))
	}
	if drawn {
		s = append(s, fmt.Sprintf("The drawing was laid out by Graphviz %s from random seed %d.", graphvizVersion, set.Seed))
	}
	if len(other) > 0 {
		s = append(s, "Further settings: "+strings.Join(other, ", ")+".")
	}
	return strings.Join(s, " ")
}

// filterSentence states the build filters.
func filterSentence(bo graph.Options) string {
	var f []string
	if bo.Since != 0 || bo.Until != 0 {
		f = append(f, fmt.Sprintf("papers from %s to %s were kept (papers of unknown year dropped)",
			yearOr(bo.Since, "the start"), yearOr(bo.Until, "the end")))
	}
	if bo.MinPapers > 1 {
		f = append(f, fmt.Sprintf("authors with fewer than %d papers were dropped", bo.MinPapers))
	}
	if bo.MinWeight > 0 {
		f = append(f, fmt.Sprintf("ties of weight below %s were dropped", num(bo.MinWeight)))
	}
	if bo.MaxAuthors > 0 {
		f = append(f, fmt.Sprintf("papers with more than %d authors added no ties", bo.MaxAuthors))
	}
	if len(f) == 0 {
		return "No filters were applied."
	}
	out := strings.Join(f, "; ") + "."
	return strings.ToUpper(out[:1]) + out[1:]
}

// svgElements are the elements embedSVG lets through: those Graphviz
// writes in its SVG output.
var svgElements = map[string]bool{
	"svg": true, "g": true, "title": true, "desc": true, "a": true, "path": true, "polygon": true,
	"polyline": true, "ellipse": true, "circle": true, "rect": true, "line": true, "text": true,
	"tspan": true, "defs": true, "linearGradient": true, "radialGradient": true, "stop": true,
}

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
)

var (
	nodeTitle = regexp.MustCompile(`^n([0-9]+)$`)
	edgeTitle = regexp.MustCompile(`^n([0-9]+)--n([0-9]+)$`)
)

// errSVG reports a drawing that embedSVG does not accept.
var errSVG = errors.New("svg not accepted")

// embedSVG checks that b is an SVG drawing as [SVG] writes it and
// returns it written again for inline use in HTML: elements in
// svgElements only, attributes without event handlers and links only to
// fragments or http(s), comments, declarations and the graph's own
// title dropped, text and attribute values escaped, node and edge ids in
// titles replaced by names, and a title added inside each link that
// carries a tooltip.
func embedSVG(b []byte, a *Analysis) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var out bytes.Buffer
	var stack []string // class attribute of each open element
	open := false      // a start tag is written without its closing ">"
	depth, roots, skip := 0, 0, 0
	closeTag := func() {
		if open {
			out.WriteByte('>')
			open = false
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errSVG, err)
		}
		if skip > 0 {
			switch tok.(type) {
			case xml.StartElement:
				skip++
			case xml.EndElement:
				skip--
			}
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != svgNS || !svgElements[t.Name.Local] {
				return nil, fmt.Errorf("%w: element %s %s", errSVG, t.Name.Space, t.Name.Local)
			}
			if depth == 0 {
				if roots++; roots > 1 || t.Name.Local != "svg" {
					return nil, fmt.Errorf("%w: root element %s", errSVG, t.Name.Local)
				}
			}
			if t.Name.Local == "title" && len(stack) > 0 && stack[len(stack)-1] == "graph" {
				skip = 1
				continue
			}
			closeTag()
			class, tooltip, err := writeStart(&out, t)
			if err != nil {
				return nil, err
			}
			open = true
			stack = append(stack, class)
			depth++
			if t.Name.Local == "a" && tooltip != "" {
				closeTag()
				out.WriteString("<title>" + html.EscapeString(tooltip) + "</title>")
			}
		case xml.EndElement:
			if open {
				out.WriteString("/>")
				open = false
			} else {
				out.WriteString("</" + t.Name.Local + ">")
			}
			stack = stack[:len(stack)-1]
			depth--
		case xml.CharData:
			if depth == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, fmt.Errorf("%w: text outside the root element", errSVG)
				}
				continue
			}
			closeTag()
			text := string(t)
			if len(stack) >= 2 && stack[len(stack)-1] == "title" {
				text = titleText(a, text)
			}
			out.WriteString(html.EscapeString(text))
		case xml.Comment, xml.ProcInst, xml.Directive:
			if depth > 0 {
				if _, ok := t.(xml.Comment); !ok {
					return nil, fmt.Errorf("%w: declaration inside the drawing", errSVG)
				}
			}
		}
	}
	if roots != 1 {
		return nil, fmt.Errorf("%w: no svg element", errSVG)
	}
	return out.Bytes(), nil
}

// writeStart writes t's start tag without its closing ">" and returns
// its class, or "title" for a title element, and its xlink:title.
func writeStart(out *bytes.Buffer, t xml.StartElement) (class, tooltip string, err error) {
	out.WriteString("<" + t.Name.Local)
	if t.Name.Local == "title" {
		class = "title"
	}
	for _, at := range t.Attr {
		name := at.Name.Local
		switch at.Name.Space {
		case "":
		case "xmlns":
			name = "xmlns:" + name
		case xlinkNS:
			name = "xlink:" + name
		default:
			return "", "", fmt.Errorf("%w: attribute %s %s", errSVG, at.Name.Space, name)
		}
		low := strings.ToLower(at.Name.Local)
		switch {
		case strings.HasPrefix(low, "on"):
			return "", "", fmt.Errorf("%w: event handler attribute %s", errSVG, name)
		case low == "href" && !safeLink(at.Value):
			return "", "", fmt.Errorf("%w: link %q", errSVG, at.Value)
		case low == "style" && strings.Contains(strings.ToLower(at.Value), "url("):
			return "", "", fmt.Errorf("%w: style with url()", errSVG)
		}
		if name == "class" && class == "" {
			class = at.Value
		}
		if name == "xlink:title" {
			tooltip = at.Value
		}
		out.WriteString(" " + name + `="` + html.EscapeString(at.Value) + `"`)
	}
	return class, tooltip, nil
}

// safeLink reports whether a link target is a fragment or an http(s)
// address.
func safeLink(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return strings.HasPrefix(v, "#") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")
}

// titleText returns the tooltip for a title of the drawing: the name of
// node "n<id>", the names and weight of edge "n<u>--n<v>", or text as
// given.
func titleText(a *Analysis, text string) string {
	g := a.Graph
	node := func(s string) int {
		u, err := strconv.Atoi(s)
		if err != nil || u >= g.Len() {
			return -1
		}
		return u
	}
	if m := nodeTitle.FindStringSubmatch(text); m != nil {
		if u := node(m[1]); u >= 0 {
			return g.Authors[u].Name
		}
	}
	if m := edgeTitle.FindStringSubmatch(text); m != nil {
		u, v := node(m[1]), node(m[2])
		if u >= 0 && v >= 0 {
			s := g.Authors[u].Name + " – " + g.Authors[v].Name
			if e := g.EdgeID(u, v); e >= 0 {
				s += fmt.Sprintf(" (weight %s, %s)", num(g.Edges[e].Weight), plural(int(g.Edges[e].Joint), "joint paper"))
			}
			return s
		}
	}
	return text
}

// pageJSHash is the base64 SHA-256 of pageJS, for the page's
// Content-Security-Policy.
var pageJSHash = func() string {
	h := sha256.Sum256([]byte(pageJS))
	return base64.StdEncoding.EncodeToString(h[:])
}()

var htmlTemplate = template.Must(template.New("report.html").Parse(pageTemplate))

// pageTemplate is the page. Its style sheet and script hold no comments,
// which html/template would remove, changing the script's hash.
const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="generator" content="coauthor">
<title>{{.Title}}</title>
<style>` + pageCSS + `</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<nav><a href="#summary">Summary</a>
{{- if .SVG}} · <a href="#diagram">Diagram</a>{{end}}
{{- if .Communities}} · <a href="#communities">Communities</a>{{end}}
{{- if .Topics}} · <a href="#topics">Topics</a>{{end}} · <a href="#authors">Authors</a>
{{- if .YearChart}} · <a href="#years">Papers per year</a>{{end}}
{{- if or .Notes .Warnings}} · <a href="#warnings">Warnings</a>{{end}} · <a href="#methods">Methods</a></nav>
{{- if or .Inputs .Owner}}
<section id="inputs">
<h2>Inputs</h2>
{{- if .Inputs}}
<ul>
{{- range .Inputs}}
<li><code>{{.}}</code></li>
{{- end}}
</ul>
{{- end}}
{{- if .Owner}}
<p>Profile owner: {{.Owner}}.</p>
{{- end}}
</section>
{{- end}}
<section id="summary">
<h2>Summary</h2>
<table class="summary">
<tbody>
{{- range .Summary}}
<tr><th scope="row">{{index . 0}}</th><td>{{index . 1}}</td></tr>
{{- end}}
</tbody>
</table>
</section>
{{- if .SVG}}
<section id="diagram">
<h2>Collaboration diagram</h2>
<p class="hint">Colours are communities, node size is PageRank, line width is tie strength.
Scroll to zoom, drag to pan, double-click to reset <button type="button" id="reset">Reset view</button><br>
Hover over a node or a tie to name it.</p>
<div id="drawing">
{{.SVG}}
</div>
</section>
{{- end}}
{{- if .Communities}}
<section id="communities">
<h2>Communities</h2>
<p>Members are listed by decreasing PageRank.</p>
<div class="cards">
{{- range .Communities}}
<div class="card">
<h3><span class="sw" style="background: {{.Colour}}"></span>Community {{.ID}} <small>({{.Size}} authors)</small></h3>
{{- if .Topic}}
<p><b>Dominant topic:</b> {{.Topic}}</p>
{{- end}}
<p><b>Members:</b> {{range $i, $m := .Members}}{{if $i}}, {{end}}{{$m}}{{end}}{{if .More}} and {{.More}} more{{end}}.</p>
</div>
{{- end}}
</div>
{{- if .MoreComms}}
<p>{{.MoreComms}} further communities are listed in communities.csv.</p>
{{- end}}
{{- if .Singles}}
<p>{{.Singles}} {{if eq .Singles 1}}community{{else}}communities{{end}} of a single author {{if eq .Singles 1}}is{{else}}are{{end}} not listed.</p>
{{- end}}
</section>
{{- end}}
{{- if .Topics}}
<section id="topics">
<h2>Topics</h2>
<table class="sortable list">
<thead><tr><th data-num="1">topic</th><th data-num="1">papers</th><th>terms</th></tr></thead>
<tbody>
{{- range .Topics}}
<tr><td class="n">{{index . 0}}</td><td class="n">{{index . 1}}</td><td>{{index . 2}}</td></tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
<section id="authors">
<h2>Authors</h2>
<p>{{if lt (len .Rows) .Authors}}The {{len .Rows}} authors of highest PageRank of {{.Authors}} are listed; authors.csv has them all.
{{- else}}All {{.Authors}} authors, by decreasing PageRank.{{end}}
Click a column header to sort by it; click again to reverse.</p>
<div class="scroll">
<table class="sortable" id="authors-table">
<thead><tr>
{{- range .Columns}}<th{{if .Num}} data-num="1"{{end}}>{{.Title}}</th>{{end -}}
</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
</section>
{{- if .YearChart}}
<section id="years">
<h2>Papers per year</h2>
{{.YearChart}}
{{- if .NoYear}}
<p>{{.NoYear}} {{if eq .NoYear 1}}paper has{{else}}papers have{{end}} no year and {{if eq .NoYear 1}}is{{else}}are{{end}} not shown.</p>
{{- end}}
</section>
{{- end}}
{{- if or .Notes .Warnings}}
<section id="warnings">
<h2>Warnings and notes</h2>
{{- if .Warnings}}
<ul class="warnings">
{{- range .Warnings}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Notes}}
<h3>How the graph was made</h3>
<ul>
{{- range .Notes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</section>
{{- end}}
<section id="methods">
<h2>Methods</h2>
<p class="methods">{{.Methods}}</p>
</section>
</main>
<script>` + pageJS + `</script>
</body>
</html>
`

// pageCSS is the page's style sheet.
const pageCSS = `
body{margin:0;background:#fff;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:20px 28px 60px}
h1{font-size:1.75em;margin:.3em 0 .3em}
h2{font-size:1.3em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid #d8dee4}
h3{font-size:1.05em;margin:0 0 .4em}
nav{color:#57606a}
nav a{color:#0969da;text-decoration:none}
code{font-size:.95em}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:3px 10px;border-bottom:1px solid #e6e8eb;text-align:left;vertical-align:top}
table.summary th{font-weight:normal;color:#444}
table.summary td,td.n{text-align:right}
#authors-table td:not(:nth-child(2)),#authors-table th:not(:nth-child(2)){text-align:right}
#authors-table{font-size:13.5px}
#authors-table th,#authors-table td{padding:2px 7px}
#authors-table td:nth-child(2){white-space:nowrap}
.sortable thead th{cursor:pointer;user-select:none;background:#f3f5f7;white-space:nowrap}
.sortable thead th:hover{background:#e7ebef}
.sortable th[aria-sort=descending]::after{content:" \25BC";font-size:.75em}
.sortable th[aria-sort=ascending]::after{content:" \25B2";font-size:.75em}
.scroll{max-height:75vh;overflow:auto;border:1px solid #d8dee4;border-radius:4px}
.scroll table{width:100%}
.scroll thead th{position:sticky;top:0;z-index:1}
tbody tr:nth-child(even){background:#f8f9fa}
.hint{color:#57606a;font-size:.92em}
#reset{font:inherit;font-size:.9em;margin-left:.4em}
#drawing{border:1px solid #d8dee4;border-radius:4px;overflow:hidden;background:#fff}
#drawing svg{display:block;width:100%;height:min(80vh,900px);cursor:grab;touch-action:none}
#drawing svg.dragging{cursor:grabbing}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:12px}
.card{border:1px solid #d8dee4;border-radius:6px;padding:10px 14px}
.card p{margin:.3em 0}
.card small{color:#57606a;font-weight:normal}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:50%;border:1px solid #555;margin-right:.45em;vertical-align:-.1em}
svg.years{display:block;width:100%;max-width:800px;height:auto}
svg.years text{font:12px system-ui,sans-serif;fill:#333}
.warnings li{color:#7d4e00}
.methods{background:#f6f8fa;border:1px solid #d8dee4;border-radius:6px;padding:12px 16px;max-width:62em}
`

// pageJS is the page's script: sortable tables and zoom and pan of the
// drawing. It sets data-script on the html element when it has run.
const pageJS = `
(function () {
  "use strict";
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var key = function (cell) {
    var s = cell.textContent.trim();
    if (s === "") { return null; }
    var x = Number(s);
    return isNaN(x) ? s.toLowerCase() : x;
  };
  each(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, col) {
      th.tabIndex = 0;
      th.title = "sort by " + th.textContent;
      var sort = function () {
        var now = th.getAttribute("aria-sort");
        var desc = now ? now === "ascending" : th.getAttribute("data-num") === "1";
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.map.call(body.rows, function (r, i) {
          return [key(r.cells[col]), i, r];
        });
        rows.sort(function (p, q) {
          var a = p[0], b = q[0], c = 0;
          if (a === null || b === null) {
            return a === b ? p[1] - q[1] : (a === null ? 1 : -1);
          }
          if (typeof a === typeof b) {
            c = a < b ? -1 : (a > b ? 1 : 0);
          } else {
            c = typeof a === "number" ? -1 : 1;
          }
          return (desc ? -c : c) || p[1] - q[1];
        });
        rows.forEach(function (r) { body.appendChild(r[2]); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
  });

  var box = document.getElementById("drawing");
  var svg = box ? box.querySelector("svg") : null;
  if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0) {
    var b = svg.viewBox.baseVal;
    var home = [b.x, b.y, b.width, b.height];
    var v = home.slice();
    var drag = null;
    var set = function () { svg.setAttribute("viewBox", v.join(" ")); };
    var reset = function () { v = home.slice(); set(); };
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var f = e.deltaY < 0 ? 1 / 1.25 : 1.25;
      var w = v[2] * f;
      if (w < home[2] / 50 || w > home[2] * 4) { return; }
      var p = svg.createSVGPoint();
      p.x = e.clientX;
      p.y = e.clientY;
      p = p.matrixTransform(svg.getScreenCTM().inverse());
      v = [p.x - (p.x - v[0]) * f, p.y - (p.y - v[1]) * f, w, v[3] * f];
      set();
    }, { passive: false });
    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      drag = { x: e.clientX, y: e.clientY, v: v.slice(), s: svg.getScreenCTM().a };
      svg.setPointerCapture(e.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      v[0] = drag.v[0] - (e.clientX - drag.x) / drag.s;
      v[1] = drag.v[1] - (e.clientY - drag.y) / drag.s;
      set();
    });
    var stop = function () { drag = null; svg.classList.remove("dragging"); };
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    svg.addEventListener("dblclick", reset);
    document.getElementById("reset").addEventListener("click", reset);
  }
  document.documentElement.setAttribute("data-script", "ran");
}());
`
