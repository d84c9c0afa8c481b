package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/coauthor/coauthor/metrics"
)

// listSep joins the items of a list held in one CSV cell or GraphML
// attribute.
const listSep = "; "

// formatFloat formats x in the shortest form of at most 10 significant
// digits, the same on every platform. NaN, +Inf and -Inf are written
// "NaN", "INF" and "-INF" as in XML Schema, and -0 as "0".
func formatFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "INF"
	case math.IsInf(x, -1):
		return "-INF"
	case x == 0:
		return "0"
	}
	return strconv.FormatFloat(x, 'g', 10, 64)
}

// yearCell returns y as text, or "" when it is zero (unknown).
func yearCell(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// intCell returns v[u] as text, or "" when v has no entry for u.
func intCell(v []int, u int) string {
	if u >= len(v) {
		return ""
	}
	return strconv.Itoa(v[u])
}

// floatCell returns v[u] as text, or "" when v has no entry for u.
func floatCell(v []float64, u int) string {
	if u >= len(v) {
		return ""
	}
	return formatFloat(v[u])
}

// optCell returns x as text, or "" when x is negative (meaning none).
func optCell(x int) string {
	if x < 0 {
		return ""
	}
	return strconv.Itoa(x)
}

// writeCSV writes the header and rows with encoding/csv.
func writeCSV(w io.Writer, header []string, rows func(emit func([]string) error) error) error {
	return writeCSVCells(w, header, rows, SpreadsheetSafe)
}

// writeCSVCells is writeCSV with every cell passed through cell first.
func writeCSVCells(w io.Writer, header []string, rows func(emit func([]string) error) error, cell func(string) string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	emit := func(row []string) error {
		for i, c := range row {
			row[i] = cell(c)
		}
		return cw.Write(row)
	}
	if err := rows(emit); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// SpreadsheetSafe returns a cell that a spreadsheet will not run as a
// formula: text starting with =, +, -, @, a tab or a carriage return gets
// a leading apostrophe, which spreadsheets hide and treat as "text".
// Numbers, negative ones included, are left alone.
func SpreadsheetSafe(c string) string {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return c
	}
	if _, err := strconv.ParseFloat(c, 64); err == nil {
		return c
	}
	return "'" + c
}

// AuthorsCSV writes authors.csv: one row per author in node id order,
// with the columns id, name, papers, first_year, last_year,
// affiliations, degree, strength, betweenness, closeness, harmonic,
// eigenvector, pagerank, core, clustering, component, community, topic,
// and Burt's effective_size, efficiency and constraint (NaN for an
// isolated author).
// Unknown years and measures not computed are empty cells; degree and
// strength come from the graph when a.Centrality is nil.
func AuthorsCSV(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	header := []string{"id", "name", "papers", "first_year", "last_year", "affiliations",
		"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
		"pagerank", "core", "clustering", "component", "community", "topic",
		"effective_size", "efficiency", "constraint"}
	c := a.Centrality
	if c == nil {
		c = &metrics.Centrality{}
	}
	g := a.Graph
	return writeCSV(w, header, func(emit func([]string) error) error {
		for u := range g.Authors {
			au := &g.Authors[u]
			deg, str := intCell(c.Degree, u), floatCell(c.Strength, u)
			if a.Centrality == nil {
				deg, str = strconv.Itoa(g.Degree(u)), formatFloat(g.Strength(u))
			}
			row := []string{strconv.Itoa(u), au.Name, strconv.Itoa(au.Papers),
				yearCell(au.FirstYear), yearCell(au.LastYear), strings.Join(au.Affiliations, listSep),
				deg, str, floatCell(c.Betweenness, u), floatCell(c.Closeness, u),
				floatCell(c.Harmonic, u), floatCell(c.Eigenvector, u), floatCell(c.PageRank, u),
				intCell(c.Core, u), floatCell(c.Clustering, u), intCell(c.Component, u),
				optCell(a.community(u)), optCell(a.authorTopic(u)),
				floatCell(c.EffectiveSize, u), floatCell(c.Efficiency, u), floatCell(c.Constraint, u)}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// EdgesCSV writes edges.csv: one row per edge in (source_id, target_id)
// order, source_id < target_id, with the columns source_id, target_id,
// source, target (names), weight, distance (1/weight, the edge length
// used by the path-based measures), joint_papers and papers (the paper
// ids joined by "; ").
func EdgesCSV(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	header := []string{"source_id", "target_id", "source", "target", "weight", "distance",
		"joint_papers", "papers"}
	g := a.Graph
	return writeCSV(w, header, func(emit func([]string) error) error {
		for e, ed := range g.Edges {
			row := []string{strconv.Itoa(int(ed.U)), strconv.Itoa(int(ed.V)),
				g.Authors[ed.U].Name, g.Authors[ed.V].Name,
				formatFloat(ed.Weight), formatFloat(1 / ed.Weight),
				strconv.Itoa(int(ed.Joint)), edgePaperIDs(a, e)}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// edgePaperIDs returns the ids of edge e's papers joined by "; ".
func edgePaperIDs(a *Analysis, e int) string {
	ps := a.Graph.EdgePapers(e)
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = a.Graph.Papers[p].ID
	}
	return strings.Join(ids, listSep)
}

// PapersCSV writes papers.csv: one row per paper of the graph in graph
// order, with the columns id, year, title, authors (node names joined by
// "; "), truncated (true when the source shortened the author list),
// venue and topic. Venue and truncated are empty when a.Papers is nil.
func PapersCSV(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	header := []string{"id", "year", "title", "authors", "truncated", "venue", "topic"}
	g := a.Graph
	return writeCSV(w, header, func(emit func([]string) error) error {
		for i := range g.Papers {
			p := &g.Papers[i]
			names := make([]string, len(p.Authors))
			for j, u := range p.Authors {
				names[j] = g.Authors[u].Name
			}
			trunc, venue := "", ""
			if cp := a.corpusPaper(i); cp != nil {
				trunc, venue = strconv.FormatBool(cp.Truncated), cp.Venue
			}
			row := []string{p.ID, yearCell(p.Year), p.Title, strings.Join(names, listSep),
				trunc, venue, optCell(a.paperTopic(i))}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// topMembers is how many members communities.csv and the report list.
const topMembers = 10

// CommunitiesCSV writes communities.csv: one row per community in
// community order, with the columns community, size, members (the up to
// 10 members of highest PageRank, joined by "; "), top_topic (the topic
// of most members, empty when none) and topic_label. It writes only the
// header when a.Communities is nil.
func CommunitiesCSV(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	header := []string{"community", "size", "members", "top_topic", "topic_label"}
	return writeCSV(w, header, func(emit func([]string) error) error {
		for c, ms := range a.members() {
			t := a.dominantTopic(ms)
			row := []string{strconv.Itoa(c), strconv.Itoa(a.Communities.Sizes[c]),
				strings.Join(a.names(ms, topMembers), listSep), optCell(t), a.topicLabel(t)}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// names returns the names of the first max of the given authors.
func (a *Analysis) names(ids []int, max int) []string {
	if len(ids) > max {
		ids = ids[:max]
	}
	out := make([]string, len(ids))
	for i, u := range ids {
		out[i] = a.Graph.Authors[u].Name
	}
	return out
}

// TopicsCSV writes topics.csv: one row per topic in topic order, with
// the columns topic, size (papers) and terms (all its label terms,
// most distinctive first, joined by "; "). It writes only the header
// when a.Topics is nil.
func TopicsCSV(w io.Writer, a *Analysis) error {
	header := []string{"topic", "size", "terms"}
	return writeCSV(w, header, func(emit func([]string) error) error {
		if a.Topics == nil {
			return nil
		}
		for t, terms := range a.Topics.Labels {
			row := []string{strconv.Itoa(t), intCell(a.Topics.Sizes, t), strings.Join(terms, listSep)}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// SummaryJSON writes s as JSON indented by two spaces, with the keys of
// its struct tags and a final newline. Non-finite floats, which JSON
// cannot hold, are written as null.
func SummaryJSON(w io.Writer, s metrics.Summary) error {
	var buf bytes.Buffer
	buf.WriteString("{")
	v := reflect.ValueOf(s)
	first := true
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		val, err := json.Marshal(fv.Interface())
		if x, ok := fv.Interface().(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
			val, err = []byte("null"), nil
		}
		if err != nil {
			return fmt.Errorf("summary %s: %w", name, err)
		}
		key, _ := json.Marshal(name)
		if !first {
			buf.WriteString(",")
		}
		first = false
		buf.WriteString("\n  ")
		buf.Write(key)
		buf.WriteString(": ")
		if err := json.Indent(&buf, val, "  ", "  "); err != nil {
			return err
		}
	}
	buf.WriteString("\n}\n")
	_, err := w.Write(buf.Bytes())
	return err
}
