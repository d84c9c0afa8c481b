package export

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

// Limits of the ego section of the report.
const (
	egoMaxPairs   = 10 // brokered pairs listed
	egoMaxTies    = 15 // strongest ties listed
	egoMaxMembers = 12 // members listed per circle
	egoMaxDormant = 30 // dormant ties listed
)

// EgoHint returns a sentence for the report's warnings when one author
// is tied to at least [metrics.EgoShare] of the others (see
// [metrics.DetectEgo]), suggesting the ego view; "" otherwise.
func EgoHint(g *graph.Graph, ego int, share float64) string {
	if ego < 0 || ego >= g.Len() || share < metrics.EgoShare {
		return ""
	}
	return fmt.Sprintf("%s is a co-author of %.0f%% of the other authors: the graph is mostly one researcher's "+
		"collaborations, so centrality and communities say more about them than about a field; "+
		"the ego view (--ego) shows their circles, brokerage and ties over time",
		g.Authors[ego].Name, 100*share)
}

// EgoReport writes the ego view v of g as a Markdown section: the ego's
// brokerage and the strongest pairs of co-authors only the ego connects,
// the circles with their members and topics, the strongest ties, new
// co-authors and papers per year, and the dormant ties. Names and titles
// are escaped.
func EgoReport(w io.Writer, g *graph.Graph, v *metrics.EgoView) error {
	ew := &errWriter{w: w}
	name := g.Authors[v.Ego].Name
	alters := len(v.Ties)
	ew.printf("## Ego view: %s\n\n", mdEscape(name))
	ew.printf("%s has %d co-authors, %.0f%% of the other authors. The view removes %s and looks at "+
		"the co-authors and the ties among them.\n", mdEscape(name), alters, 100*v.AdjacentShare, mdEscape(name))

	egoBrokerage(ew, g, v, alters)
	egoCircles(ew, g, v)
	egoTies(ew, g, v)
	egoYears(ew, v)
	egoDormantTies(ew, g, v)
	return ew.err
}

// egoBrokerage writes the brokerage table and the brokered pairs.
func egoBrokerage(ew *errWriter, g *graph.Graph, v *metrics.EgoView, alters int) {
	ew.str("\n### Brokerage\n\n| measure | value |\n|---|---:|\n")
	ew.printf("| co-authors | %d |\n", alters)
	ew.printf("| effective size | %s |\n| efficiency | %s |\n| constraint | %s |\n",
		numOrNone(v.EffectiveSize), numOrNone(v.Efficiency), numOrNone(v.Constraint))
	ew.printf("| pairs of co-authors only the ego connects | %d of %d |\n", len(v.Brokered), alters*(alters-1)/2)
	ew.str("\nEffective size and constraint are Burt's (1992), weighted by joint papers: " +
		"a low constraint and an efficiency near 1 mean co-authors who do not work with one another.\n")
	if len(v.Brokered) == 0 {
		return
	}
	ew.str("\nStrongest pairs only the ego connects (weight of each one's tie to the ego):\n\n")
	for _, p := range v.Brokered[:min(len(v.Brokered), egoMaxPairs)] {
		ew.printf("- %s (%s) and %s (%s)\n", mdEscape(g.Authors[p[0]].Name), num(egoWeight(g, v.Ego, p[0])),
			mdEscape(g.Authors[p[1]].Name), num(egoWeight(g, v.Ego, p[1])))
	}
}

// egoCircles writes the circles table and the solo co-authors.
func egoCircles(ew *errWriter, g *graph.Graph, v *metrics.EgoView) {
	ew.str("\n### Circles\n\n")
	if len(v.Circles) == 0 {
		ew.str("No two co-authors work with each other.\n")
	} else {
		ew.str("Groups of co-authors who work with one another (Louvain on the co-authors' graph without the ego).\n\n")
		ew.str("| circle | size | papers with the ego | topic | members |\n|---|---:|---:|---|---|\n")
		for i, c := range v.Circles {
			ew.printf("| %d | %d | %d | %s | %s |\n", i+1, len(c.Members), c.Papers,
				mdEscape(strings.Join(c.Labels, ", ")), mdEscape(strings.Join(memberNames(g, c.Members, egoMaxMembers), "; ")))
		}
	}
	if len(v.Solo) > 0 {
		ew.printf("\nCo-authors who share no paper with another co-author (%d): %s\n", len(v.Solo),
			mdEscape(strings.Join(memberNames(g, v.Solo, egoMaxMembers), "; ")))
	}
}

// egoTies writes the strongest ties.
func egoTies(ew *errWriter, g *graph.Graph, v *metrics.EgoView) {
	if len(v.Ties) == 0 {
		return
	}
	ew.str("\n### Strongest ties\n\n| co-author | joint papers | weight | first | last | papers per year |\n|---|---:|---:|---:|---:|---|\n")
	for _, t := range v.Ties[:min(len(v.Ties), egoMaxTies)] {
		var per []string
		for _, yc := range t.PerYear {
			per = append(per, fmt.Sprintf("%d: %d", yc.Year, yc.Count))
		}
		ew.printf("| %s | %d | %s | %s | %s | %s |\n", mdEscape(g.Authors[t.Alter].Name), t.Papers, num(t.Weight),
			yearOr(t.FirstYear, ""), yearOr(t.LastYear, ""), strings.Join(per, ", "))
	}
}

// egoYears writes the ego's papers and new co-authors per year.
func egoYears(ew *errWriter, v *metrics.EgoView) {
	years := yearRange(v)
	if len(years) == 0 {
		return
	}
	papers, fresh := yearMap(v.Papers), yearMap(v.New)
	ew.str("\n### Papers and new co-authors per year\n\n| year | papers | new co-authors |\n|---:|---:|---:|\n")
	for _, y := range years {
		ew.printf("| %d | %d | %d |\n", y, papers[y], fresh[y])
	}
}

// egoDormantTies writes the ties not renewed.
func egoDormantTies(ew *errWriter, g *graph.Graph, v *metrics.EgoView) {
	ew.printf("\n### Dormant ties\n\n%d of %d co-authors share no paper with the ego after %d "+
		"(%d years or more before %d).\n", len(v.Dormant), len(v.Ties), v.AsOfYear-v.DormantYears,
		v.DormantYears, v.AsOfYear)
	if len(v.Dormant) == 0 {
		return
	}
	ew.str("\n")
	for _, t := range v.Dormant[:min(len(v.Dormant), egoMaxDormant)] {
		ew.printf("- %s: %s, last %d\n", mdEscape(g.Authors[t.Alter].Name), plural(t.Papers, "joint paper"), t.LastYear)
	}
	if len(v.Dormant) > egoMaxDormant {
		ew.printf("- and %d more\n", len(v.Dormant)-egoMaxDormant)
	}
}

// numOrNone formats x to four significant digits, "n/a" when NaN.
func numOrNone(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return num(x)
}

// egoWeight returns the weight of u's tie to ego.
func egoWeight(g *graph.Graph, ego, u int) float64 {
	if e := g.EdgeID(ego, u); e >= 0 {
		return g.Edges[e].Weight
	}
	return 0
}

// memberNames returns the names of up to max of ids, then "N more".
func memberNames(g *graph.Graph, ids []int, max int) []string {
	var out []string
	for i, u := range ids {
		if i == max {
			out = append(out, fmt.Sprintf("%d more", len(ids)-max))
			break
		}
		out = append(out, g.Authors[u].Name)
	}
	return out
}

// yearRange returns every year from the first to the last of the ego's
// papers and new co-authors.
func yearRange(v *metrics.EgoView) []int {
	lo, hi := 0, 0
	for _, yc := range append(append([]metrics.YearCount(nil), v.Papers...), v.New...) {
		if lo == 0 || yc.Year < lo {
			lo = yc.Year
		}
		hi = max(hi, yc.Year)
	}
	if lo == 0 {
		return nil
	}
	years := make([]int, 0, hi-lo+1)
	for y := lo; y <= hi; y++ {
		years = append(years, y)
	}
	return years
}

// yearMap returns the counts keyed by year.
func yearMap(ycs []metrics.YearCount) map[int]int {
	m := make(map[int]int, len(ycs))
	for _, yc := range ycs {
		m[yc.Year] = yc.Count
	}
	return m
}

// SVG chart geometry, in pixels.
const (
	chartBar    = 12 // width of one bar
	chartYear   = 36 // width of one year's slot
	chartHeight = 160
	chartLeft   = 40
	chartTop    = 40
)

// EgoSVG writes a bar chart of the ego's papers and new co-authors per
// year as a standalone SVG 1.1 document. Every year from the first to
// the last appears, empty years included. Text is XML-escaped.
func EgoSVG(w io.Writer, g *graph.Graph, v *metrics.EgoView) error {
	ew := &errWriter{w: w}
	years := yearRange(v)
	papers, fresh := yearMap(v.Papers), yearMap(v.New)
	top := 1
	for _, y := range years {
		top = max(top, papers[y], fresh[y])
	}
	width := chartLeft + chartYear*max(len(years), 1) + 20
	height := chartTop + chartHeight + 50
	ew.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n",
		width, height, width, height)
	ew.printf(`<title>%s: papers and new co-authors per year</title>`+"\n", svgText(g.Authors[v.Ego].Name))
	ew.printf(`<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	ew.printf(`<text x="%d" y="16" font-size="13">%s</text>`+"\n", chartLeft, svgText(g.Authors[v.Ego].Name))
	ew.printf(`<rect x="%d" y="24" width="10" height="10" fill="%s"/><text x="%d" y="33">papers</text>`+"\n",
		chartLeft, palette[4], chartLeft+14)
	ew.printf(`<rect x="%d" y="24" width="10" height="10" fill="%s"/><text x="%d" y="33">new co-authors</text>`+"\n",
		chartLeft+70, palette[0], chartLeft+84)

	base := chartTop + chartHeight
	ew.printf(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>`+"\n", chartLeft, base, width-10, base)
	ew.printf(`<text x="%d" y="%d" text-anchor="end">%d</text>`+"\n", chartLeft-4, chartTop+4, top)
	ew.printf(`<text x="%d" y="%d" text-anchor="end">0</text>`+"\n", chartLeft-4, base+4)
	for i, y := range years {
		x := chartLeft + i*chartYear + 4
		for k, c := range []struct {
			n      int
			colour string
			what   string
		}{{papers[y], palette[4], "papers"}, {fresh[y], palette[0], "new co-authors"}} {
			h := float64(chartHeight) * float64(c.n) / float64(top)
			ew.printf(`<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="%s"><title>%d: %d %s</title></rect>`+"\n",
				x+k*chartBar, float64(base)-h, chartBar, h, c.colour, y, c.n, c.what)
		}
		ew.printf(`<text x="%d" y="%d" text-anchor="middle" transform="rotate(-45 %d %d)">%d</text>`+"\n",
			x+chartBar, base+16, x+chartBar, base+16, y)
	}
	ew.str("</svg>\n")
	return ew.err
}

// svgText returns s escaped for XML text, with control characters and
// invalid UTF-8, which XML 1.0 forbids, replaced: the same escaping as
// a Graphviz HTML label's.
func svgText(s string) string { return htmlText(s) }

// EgoDOT writes the ego network of v as a Graphviz graph: the ego in
// the centre (neato with the ego pinned at the origin), co-authors
// coloured by circle (grey for co-authors in no circle and for circles
// past the palette), edge width by tie weight, ties among co-authors
// included. Nodes are written by node id and edges by endpoints, so the
// text is the same on every run.
func EgoDOT(w io.Writer, g *graph.Graph, v *metrics.EgoView) error {
	ew := &errWriter{w: w}
	colour := map[int]string{}
	for i, c := range v.Circles {
		col := grey
		if i < len(palette) {
			col = palette[i]
		}
		for _, u := range c.Members {
			colour[u] = col
		}
	}
	in := map[int]bool{v.Ego: true}
	for _, t := range v.Ties {
		in[t.Alter] = true
	}
	maxW := 0.0
	for _, t := range v.Ties {
		maxW = math.Max(maxW, t.Weight)
	}

	ew.printf("graph ego {\n\tlayout=neato; overlap=scale; splines=true; outputorder=edgesfirst;\n")
	ew.printf("\tlabel=%s; labelloc=t;\n", dotQuote(g.Authors[v.Ego].Name+": co-authors by circle"))
	ew.str("\tnode [shape=circle, style=filled, fontsize=9, fixedsize=false];\n")
	ew.printf("\tn%d [label=%s, shape=doublecircle, fillcolor=\"#FFFFFF\", pos=\"0,0!\", fontsize=12];\n",
		v.Ego, dotQuote(g.Authors[v.Ego].Name))
	nbrs, _ := g.Neighbors(v.Ego)
	for _, u := range nbrs {
		col, ok := colour[int(u)]
		if !ok {
			col = grey
		}
		ew.printf("\tn%d [label=%s, fillcolor=%s];\n", u, dotQuote(g.Authors[u].Name), dotQuote(col))
	}
	for _, e := range g.Edges {
		if !in[int(e.U)] || !in[int(e.V)] {
			continue
		}
		width := 1.0
		if maxW > 0 {
			width = 0.5 + 3.5*e.Weight/maxW
		}
		// Ties among co-authors, which make the circles, are dark;
		// the ego's own ties light.
		col := "#555555"
		if int(e.U) == v.Ego || int(e.V) == v.Ego {
			col = grey
		}
		ew.printf("\tn%d -- n%d [penwidth=%.2f, color=%s];\n", e.U, e.V, width, dotQuote(col))
	}
	ew.str("}\n")
	return ew.err
}
