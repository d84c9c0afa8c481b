package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/coauthor/coauthor/metrics"
)

// Size and margins of the strategic diagram, in SVG user units.
const (
	themeWidth, themeHeight = 800, 600
	themeMargin             = 70
	themeMinRadius          = 8
	themeMaxRadius          = 40
)

// ThematicSVG draws the strategic diagram of the topics as SVG 1.1:
// Callon centrality on the x axis, density on the y axis, the axes
// crossing at the medians of the points, one bubble per point with an
// area proportional to its papers, labelled with up to three terms of
// labels[p.Topic] (or of p.Terms when labels lacks the topic). The
// quadrants are named as bibliometrix names them: motor themes (upper
// right), niche themes (upper left), emerging or declining themes
// (lower left) and basic themes (lower right). All text is XML-escaped.
// The same points give the same bytes: coordinates are printed with two
// decimals and points drawn in the order given.
func ThematicSVG(w io.Writer, pts []metrics.ThemePoint, labels [][]string) error {
	ew := &errWriter{w: w}
	ew.printf("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">\n",
		themeWidth, themeHeight, themeWidth, themeHeight)
	ew.printf("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", themeWidth, themeHeight)
	ew.printf("<text x=\"%d\" y=\"30\" font-size=\"16\" text-anchor=\"middle\">Thematic map</text>\n", themeWidth/2)

	xs, ys := make([]float64, len(pts)), make([]float64, len(pts))
	maxPapers := 1
	for i, p := range pts {
		xs[i], ys[i] = p.Centrality, p.Density
		maxPapers = max(maxPapers, p.Papers)
	}
	sx := themeScale(xs, themeMargin, themeWidth-themeMargin)
	sy := themeScale(ys, themeHeight-themeMargin, themeMargin)
	mx, my := sx(themeMedian(xs)), sy(themeMedian(ys))

	// Axes at the medians and quadrant names.
	left, right := float64(themeMargin), float64(themeWidth-themeMargin)
	top, bottom := float64(themeMargin), float64(themeHeight-themeMargin)
	ew.printf("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#888888\" stroke-dasharray=\"4 4\"/>\n", left, my, right, my)
	ew.printf("<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#888888\" stroke-dasharray=\"4 4\"/>\n", mx, top, mx, bottom)
	quad := []struct {
		x, y   float64
		anchor string
		name   string
	}{
		{right, top - 10, "end", "Motor themes"},
		{left, top - 10, "start", "Niche themes"},
		{left, bottom + 25, "start", "Emerging or declining themes"},
		{right, bottom + 25, "end", "Basic themes"},
	}
	for _, q := range quad {
		ew.printf("<text x=\"%.2f\" y=\"%.2f\" font-size=\"13\" fill=\"#555555\" text-anchor=\"%s\">%s</text>\n", q.x, q.y, q.anchor, q.name)
	}
	ew.printf("<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">Centrality (relevance degree)</text>\n",
		themeWidth/2, themeHeight-15)
	ew.printf("<text x=\"20\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 20 %d)\">Density (development degree)</text>\n",
		themeHeight/2, themeHeight/2)

	for i, p := range pts {
		r := themeMinRadius + (themeMaxRadius-themeMinRadius)*math.Sqrt(float64(p.Papers)/float64(maxPapers))
		x, y := sx(xs[i]), sy(ys[i])
		ew.printf("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" fill-opacity=\"0.6\" stroke=\"#333333\"><title>",
			x, y, r, palette[max(p.Topic, 0)%len(palette)])
		ew.str(themeText(fmt.Sprintf("topic %d: %d papers, centrality %.3g, density %.3g", p.Topic, p.Papers, p.Centrality, p.Density)))
		ew.str("</title></circle>\n")
		ew.printf("<text x=\"%.2f\" y=\"%.2f\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
			x, y+r+12, themeText(strings.Join(themeTerms(p, labels), ", ")))
	}
	ew.str("</svg>\n")
	return ew.err
}

// themeTerms returns up to three label terms of point p.
func themeTerms(p metrics.ThemePoint, labels [][]string) []string {
	terms := p.Terms
	if p.Topic >= 0 && p.Topic < len(labels) {
		terms = labels[p.Topic]
	}
	return terms[:min(3, len(terms))]
}

// themeScale maps the range of vs onto [a, b], with a tenth of the
// range as padding on each side; a single value maps to the middle.
func themeScale(vs []float64, a, b float64) func(float64) float64 {
	if len(vs) == 0 {
		return func(float64) float64 { return (a + b) / 2 }
	}
	lo, hi := slices.Min(vs), slices.Max(vs)
	if hi-lo < 1e-12*math.Max(1, math.Abs(hi)) {
		return func(float64) float64 { return (a + b) / 2 }
	}
	pad := (hi - lo) / 10
	lo, hi = lo-pad, hi+pad
	return func(v float64) float64 { return a + (v-lo)/(hi-lo)*(b-a) }
}

// themeMedian returns the median of vs, 0 when empty.
func themeMedian(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// themeText returns s escaped for XML character data.
func themeText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
