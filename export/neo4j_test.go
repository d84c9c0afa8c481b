package export

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
)

// readNeo4j reads a CSV file written for neo4j-admin import and returns
// its header and rows, failing when a row has another width.
func readNeo4j(t *testing.T, data []byte) (header []string, rows [][]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("re-reading CSV: %v", err)
	}
	return recs[0], recs[1:]
}

func TestNeo4jNodes(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := Neo4jNodes(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "neo4j_authors.csv", buf.Bytes())

	header, rows := readNeo4j(t, buf.Bytes())
	if header[0] != "authorId:ID(Author)" || header[len(header)-1] != ":LABEL" ||
		!strings.Contains(strings.Join(header, ","), ",papers:int,") ||
		!strings.Contains(strings.Join(header, ","), ",pagerank:double,") {
		t.Errorf("header = %q, want authorId:ID(Author) first, :LABEL last, papers:int, pagerank:double", header)
	}
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6", len(rows))
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for u, r := range rows {
		name := strings.ReplaceAll(a.Graph.Authors[u].Name, "\n", " ")
		if r[col["name"]] != name || r[col[":LABEL"]] != "Author" {
			t.Errorf("row %d name %q label %q, want %q and Author", u, r[col["name"]], r[col[":LABEL"]], name)
		}
	}
	// O"Brien: three papers, PageRank 0.25, community 1.
	if r := rows[3]; r[col["papers:int"]] != "3" || r[col["pagerank:double"]] != "0.25" || r[col["community:int"]] != "1" {
		t.Errorf("row 3 = %q, want 3 papers, PageRank 0.25, community 1", r)
	}
	// The lone author has no years and no topic: empty cells.
	if r := rows[2]; r[col["first_year:int"]] != "" || r[col["topic:int"]] != "" {
		t.Errorf("row 2 = %q, want empty first_year and topic", r)
	}
	if strings.Count(buf.String(), "\n") != 7 {
		t.Errorf("file has %d lines, want 7: a line break in a name was kept", strings.Count(buf.String(), "\n"))
	}
}

func TestNeo4jRelationships(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := Neo4jRelationships(&buf, a); err != nil {
		t.Fatal(err)
	}
	golden(t, "neo4j_coauthored.csv", buf.Bytes())

	header, rows := readNeo4j(t, buf.Bytes())
	want := ":START_ID(Author),:END_ID(Author),weight:double,distance:double,joint_papers:int,papers,:TYPE"
	if strings.Join(header, ",") != want {
		t.Errorf("header = %q, want %q", strings.Join(header, ","), want)
	}
	if len(rows) != 7 {
		t.Fatalf("%d rows, want 7", len(rows))
	}
	// Edge 1-3 of the fixture: weight 2, shared papers p1 and p5.
	if got := strings.Join(rows[4], ","); got != "1,3,2,0.5,2,p1; p5,COAUTHORED" {
		t.Errorf("row 4 = %q, want 1,3,2,0.5,2,p1; p5,COAUTHORED", got)
	}
}

func TestNeo4jNonFinite(t *testing.T) {
	a := testAnalysis(t)
	a.Centrality.PageRank = []float64{math.NaN(), math.Inf(1), 0, 0, 0, 0}
	var buf bytes.Buffer
	if err := Neo4jNodes(&buf, a); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); strings.Contains(s, "NaN") || strings.Contains(s, "INF") {
		t.Errorf("non-finite values written, want empty cells:\n%s", s)
	}
}
