package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/metrics"
)

func TestCSVGolden(t *testing.T) {
	a := testAnalysis(t)
	tests := []struct {
		name  string
		write func(io.Writer, *Analysis) error
		rows  int // data rows, from the fixture
		cols  int
	}{
		{"authors.csv", AuthorsCSV, 6, 21},
		{"edges.csv", EdgesCSV, 7, 8},
		{"papers.csv", PapersCSV, 5, 7},
		{"communities.csv", CommunitiesCSV, 3, 5},
		{"topics.csv", TopicsCSV, 2, 3},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := test.write(&buf, a); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
			if err != nil {
				t.Fatalf("re-reading %s: %v", test.name, err)
			}
			if len(recs) != test.rows+1 || len(recs[0]) != test.cols {
				t.Errorf("%s has %d records of %d fields, want %d of %d",
					test.name, len(recs), len(recs[0]), test.rows+1, test.cols)
			}
			golden(t, test.name, buf.Bytes())
		})
	}
}

// TestCSVValues re-reads the tables and checks cells against the
// fixture built in testAnalysis.
func TestCSVValues(t *testing.T) {
	a := testAnalysis(t)
	read := func(write func(io.Writer, *Analysis) error) []map[string]string {
		var buf bytes.Buffer
		if err := write(&buf, a); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, r := range recs[1:] {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = r[i]
			}
			out = append(out, m)
		}
		return out
	}
	authors := read(AuthorsCSV)
	edges := read(EdgesCSV)
	papers := read(PapersCSV)
	comms := read(CommunitiesCSV)
	tests := []struct {
		name, got, want string
	}{
		{"author 3 name", authors[3]["name"], `O"Brien`},
		{"author 2 name keeps newline", authors[2]["name"], "Lone\nAuthor [x]_y `z`"},
		{"author 2 years unknown", authors[2]["first_year"], ""},
		{"author 0 years", authors[0]["first_year"] + "-" + authors[0]["last_year"], "2019-2021"},
		{"author 0 affiliations", authors[0]["affiliations"], "Univ. A; Dept <B>"},
		{"betweenness 1/3", authors[3]["betweenness"], "0.3333333333"},
		{"author 2 topic none", authors[2]["topic"], ""},
		{"edge 4 is 1-3", edges[4]["source_id"] + "-" + edges[4]["target_id"], "1-3"},
		{"edge 1-3 weight", edges[4]["weight"], "2"},
		{"edge 1-3 distance", edges[4]["distance"], "0.5"},
		{"edge 1-3 papers", edges[4]["papers"], "p1; p5"},
		{"paper 3 truncated", papers[2]["truncated"], "true"},
		{"paper 1 venue", papers[0]["venue"], "LG"},
		{"paper 1 authors", papers[0]["authors"], `O"Brien; <b>x</b>; a\b`},
		{"paper 4 topic none", papers[3]["topic"], ""},
		// Community 0 is {a\b, Ünal & Co, Zoë}: PageRank 0.25, 0.2, 0.125.
		{"community 0 members", comms[0]["members"], `a\b; Ünal & Co; Zoë *Star* | Pipe`},
		// Author topics of community 0 are 0, 0, 0.
		{"community 0 topic", comms[0]["top_topic"], "0"},
		{"community 0 topic label", comms[0]["topic_label"], "graph, network, centrality"},
		{"community 2 no topic", comms[2]["top_topic"], ""},
	}
	for _, test := range tests {
		if test.got != test.want {
			t.Errorf("%s = %q, want %q", test.name, test.got, test.want)
		}
	}
}

func TestAuthorsCSVWithoutMeasures(t *testing.T) {
	a := testAnalysis(t)
	a.Centrality, a.Communities, a.Topics = nil, nil, nil
	var buf bytes.Buffer
	if err := AuthorsCSV(&buf, a); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Node 0 (a\b) has 4 co-authors, each tie of weight 1 (fixture).
	got := strings.Join(recs[1][6:], ",")
	want := "4,4,,,,,,,,,,,,,"
	if got != want {
		t.Errorf("measure cells of author 0 = %q, want %q", got, want)
	}
}

func TestFormatFloat(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333"},
		{2.0 / 3, "0.6666666667"}, {1e-12, "1e-12"}, {123456789012, "1.23456789e+11"},
		{math.NaN(), "NaN"}, {math.Inf(1), "INF"}, {math.Inf(-1), "-INF"},
	}
	for _, test := range tests {
		if got := formatFloat(test.x); got != test.want {
			t.Errorf("formatFloat(%v) = %q, want %q", test.x, got, test.want)
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := SummaryJSON(&buf, a.Summary); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Errorf("SummaryJSON output does not end with a newline: %q", out)
	}
	var back metrics.Summary
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("re-reading summary: %v", err)
	}
	if back.Edges != 7 || back.Triangles != 2 || back.SkippedReasons["no authors"] != 1 ||
		math.Abs(back.Density-7.0/15) > 1e-15 {
		t.Errorf("summary read back = %+v, want the fixture's", back)
	}
	if !bytes.Contains(out, []byte("\n  \"largest_component_edges\": 7,\n")) {
		t.Errorf("summary lacks the indented key largest_component_edges:\n%s", out)
	}
	golden(t, "summary.json", out)

	// NaN cannot be JSON: it becomes null, and the output stays valid.
	buf.Reset()
	if err := SummaryJSON(&buf, metrics.Summary{WeightedDiameter: math.NaN()}); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("summary with NaN is not JSON: %v\n%s", err, buf.Bytes())
	}
	if v, ok := m["weighted_diameter"]; !ok || v != nil {
		t.Errorf("weighted_diameter = %v (present %v), want null", v, ok)
	}
	if _, ok := m["skipped_reasons"]; ok {
		t.Errorf("empty skipped_reasons written, want it omitted")
	}
}

func TestCSVNoGraph(t *testing.T) {
	for _, f := range []func(io.Writer, *Analysis) error{AuthorsCSV, EdgesCSV, PapersCSV, CommunitiesCSV} {
		if err := f(io.Discard, &Analysis{}); err == nil {
			t.Errorf("writer with no graph returned nil error, want one")
		}
	}
}

func TestSpreadsheetSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://127.0.0.1")`, `'=HYPERLINK("http://127.0.0.1")`},
		{"+1 555", "'+1 555"},
		{"@sum", "'@sum"},
		{"-0.5", "-0.5"},
		{"-INF", "-INF"}, // ParseFloat reads it: a number
		{"Jean-Pierre", "Jean-Pierre"},
		{"", ""},
		{"3", "3"},
	}
	for _, test := range tests {
		if got := SpreadsheetSafe(test.in); got != test.want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", test.in, got, test.want)
		}
	}
}
