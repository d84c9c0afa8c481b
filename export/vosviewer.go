package export

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
)

// vosMapHeader is the fixed part of the header of [VOSMap]: the column
// names of VOSviewer's own co-authorship map files.
var vosMapHeader = []string{"id", "label", "cluster",
	"weight<Links>", "weight<Total link strength>", "weight<Documents>"}

// vosScore is a per-author measure written as a VOSviewer score.
type vosScore struct {
	label string // the score's name in VOSviewer
	v     []float64
}

// vosScores returns the scores of [VOSMap] and [VOSJSON]: PageRank,
// betweenness and eigenvector centrality, those that were computed.
//
// TODO: add VOSviewer's usual "Avg. pub. year" score, the mean year of
// each author's papers, for its overlay view; it needs a rule for
// authors with no known year, as a score cell cannot be left empty.
func vosScores(a *Analysis) []vosScore {
	var out []vosScore
	for _, m := range []struct{ label, name string }{
		{"PageRank", "pagerank"}, {"Betweenness", "betweenness"}, {"Eigenvector", "eigenvector"},
	} {
		if v := a.measure(m.name); v != nil {
			out = append(out, vosScore{m.label, v})
		}
	}
	return out
}

// vosLabel returns s as a VOSviewer map file label: tabs, line breaks
// and other control characters become spaces, double quotes become
// single quotes, and a label holding a comma or semicolon is enclosed in
// double quotes, as VOSviewer's manual asks.
//
// TODO: VOSviewer's manual does not say how to write a double quote
// inside a label, so it is replaced by a single quote rather than
// doubled, which keeps the file readable at the price of changing the
// name.
func vosLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if strings.ContainsAny(s, ",;") {
		return `"` + s + `"`
	}
	return s
}

// VOSMap writes a VOSviewer map file: tab-separated, a header line and
// one line per author in node id order. The columns are id (node id
// plus one, as VOSviewer's ids start at 1), label (the author's name,
// see below), cluster (community plus one; left out when there are no
// communities), weight<Links> (number of co-authors),
// weight<Total link strength> (sum of tie weights), weight<Documents>
// (papers), then score<PageRank>, score<Betweenness> and
// score<Eigenvector> for the measures that were computed. Numbers are
// written as by [GraphML].
//
// Labels have tabs, line breaks and other control characters replaced
// by spaces and double quotes by single quotes; a label with a comma or
// semicolon is enclosed in double quotes.
//
// VOSMap goes with [VOSNetwork], which writes the links with the same
// ids.
func VOSMap(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	g := a.Graph
	clusters := a.Communities != nil
	scores := vosScores(a)

	ew := &errWriter{w: w}
	header := vosMapHeader
	if !clusters {
		header = append([]string{"id", "label"}, vosMapHeader[3:]...)
	}
	ew.str(strings.Join(header, "\t"))
	for _, s := range scores {
		ew.str("\tscore<" + s.label + ">")
	}
	ew.str("\n")
	for u := range g.Authors {
		ew.printf("%d\t%s", u+1, vosLabel(g.Authors[u].Name))
		if clusters {
			ew.printf("\t%s", vosCluster(a, u))
		}
		ew.printf("\t%d\t%s\t%d", g.Degree(u), formatFloat(g.Strength(u)), g.Authors[u].Papers)
		for _, s := range scores {
			ew.str("\t" + formatFloat(s.v[u]))
		}
		ew.str("\n")
	}
	return ew.err
}

// vosCluster returns u's VOSviewer cluster, its community plus one, as
// text; "" when u has no community.
//
// TODO: VOSviewer accepts clusters 1 to 1000 only; communities past the
// thousandth are written as they are and VOSviewer will reject the file.
// Merging the smallest communities into one cluster would avoid that.
func vosCluster(a *Analysis, u int) string {
	c := a.community(u)
	if c < 0 {
		return ""
	}
	return strconv.Itoa(c + 1)
}

// VOSNetwork writes a VOSviewer network file: one line per edge in
// (U, V) order, each pair once, with three tab-separated columns: the
// ids of the two authors as in [VOSMap] (node id plus one) and the tie
// weight. It has no header line.
func VOSNetwork(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	ew := &errWriter{w: w}
	for _, e := range a.Graph.Edges {
		ew.printf("%d\t%d\t%s\n", e.U+1, e.V+1, formatFloat(e.Weight))
	}
	return ew.err
}

// jsonFloat is a float64 written in JSON as by formatFloat, with null
// for NaN and infinities, which JSON cannot hold.
type jsonFloat float64

// MarshalJSON implements json.Marshaler.
func (x jsonFloat) MarshalJSON() ([]byte, error) {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(formatFloat(f)), nil
}

// vosWeights are the weights of a VOSviewer JSON item.
type vosWeights struct {
	Links     int       `json:"Links"`
	Strength  jsonFloat `json:"Total link strength"`
	Documents int       `json:"Documents"`
}

// vosScoresJSON are the scores of a VOSviewer JSON item; nil fields
// are measures that were not computed.
type vosScoresJSON struct {
	PageRank    *jsonFloat `json:"PageRank,omitempty"`
	Betweenness *jsonFloat `json:"Betweenness,omitempty"`
	Eigenvector *jsonFloat `json:"Eigenvector,omitempty"`
}

type vosItem struct {
	ID      int            `json:"id"`
	Label   string         `json:"label"`
	Cluster int            `json:"cluster,omitempty"`
	Weights vosWeights     `json:"weights"`
	Scores  *vosScoresJSON `json:"scores,omitempty"`
}

type vosLink struct {
	Source   int       `json:"source_id"`
	Target   int       `json:"target_id"`
	Strength jsonFloat `json:"strength"`
}

type vosFile struct {
	Network struct {
		Items []vosItem `json:"items"`
		Links []vosLink `json:"links"`
	} `json:"network"`
}

// VOSJSON writes the graph as a VOSviewer JSON file (the format of
// VOSviewer Online): {"network": {"items": [...], "links": [...]}},
// indented by two spaces. Items come in node id order with id (node id
// plus one), label (the author's name, unchanged), cluster (community
// plus one, left out when the author has none), weights ("Links",
// "Total link strength", "Documents", as in [VOSMap]) and scores
// ("PageRank", "Betweenness", "Eigenvector", those computed; left out
// when none was). Links come in (U, V) order, each pair once, with
// source_id, target_id and strength (the tie weight). Numbers are
// written as by [GraphML], non-finite ones as null.
func VOSJSON(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	g := a.Graph
	var f vosFile
	f.Network.Items = make([]vosItem, g.Len())
	for u := range g.Authors {
		it := &f.Network.Items[u]
		it.ID, it.Label = u+1, g.Authors[u].Name
		it.Cluster = a.community(u) + 1
		it.Weights = vosWeights{g.Degree(u), jsonFloat(g.Strength(u)), g.Authors[u].Papers}
		it.Scores = vosItemScores(a, u)
	}
	f.Network.Links = make([]vosLink, len(g.Edges))
	for i, e := range g.Edges {
		f.Network.Links[i] = vosLink{int(e.U) + 1, int(e.V) + 1, jsonFloat(e.Weight)}
	}
	return writeJSON(w, &f)
}

// vosItemScores returns u's scores, nil when no measure was computed.
func vosItemScores(a *Analysis, u int) *vosScoresJSON {
	at := func(name string) *jsonFloat {
		v := a.measure(name)
		if v == nil {
			return nil
		}
		x := jsonFloat(v[u])
		return &x
	}
	s := vosScoresJSON{at("pagerank"), at("betweenness"), at("eigenvector")}
	if s == (vosScoresJSON{}) {
		return nil
	}
	return &s
}

// writeJSON writes v as JSON indented by two spaces with a final
// newline, without escaping <, > and & (names are data, not HTML).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
