package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// csvSummary is what the CSV and JSONL tests compare for each paper.
type csvSummary struct {
	ID, Title, Date, Venue, DOI, ArXiv string
	Authors, Keywords                  []string
	Truncated                          bool
	Line                               int
}

func csvSummarize(res *Result) []csvSummary {
	var out []csvSummary
	for _, p := range res.Papers {
		out = append(out, csvSummary{p.ID, p.Title, p.Date.String(), p.Venue, p.DOI, p.ArXiv,
			bibNames(p), p.Keywords, p.Truncated, p.Origin.Line})
	}
	return out
}

// TestCSVFile reads testdata/csv/papers.csv, written for this test: a BOM,
// header names in mixed case, an unknown column, a quoted comma, doubled
// quotes, a title over two lines, "et al." and "and others", and an id
// used twice. The expected values are the file's cells.
func TestCSVFile(t *testing.T) {
	res, err := Read(filepath.Join("..", "testdata", "csv", "papers.csv"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "csv" {
		t.Errorf("Format = %q, want csv", res.Format)
	}
	want := []csvSummary{
		{"p1", "Graphs, co-authors and you", "2019", "Journal of Tests", "10.1000/xyz1", "",
			[]string{"Grace Hopper", "Alan Turing"}, []string{"graphs", "networks"}, false, 2},
		{"row2", `A title with "quotes"`, "2020", "", "", "",
			[]string{"Jane Doe", "R. Roe"}, nil, true, 3},
		{"p3", "Multi-line\ntitle", "2021", "", "", "",
			[]string{"Émilie du Châtelet"}, nil, true, 4},
		{"p1-2", "Same id again", "2018", "", "", "",
			[]string{"Kurt Gödel"}, nil, true, 6},
	}
	if got := csvSummarize(res); !reflect.DeepEqual(got, want) {
		t.Errorf("papers:\n got %+v\nwant %+v", got, want)
	}
}

func TestCSVMissingColumn(t *testing.T) {
	_, err := Read(filepath.Join("..", "testdata", "csv", "no-authors-column.csv"), &Options{Lenient: true})
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v, want a *ParseError", err)
	}
	if pe.Line != 1 || !strings.HasSuffix(pe.File, "no-authors-column.csv") || !strings.Contains(pe.Error(), `authors`) {
		t.Errorf("error %q (line %d), want line 1 naming the file and the column authors", pe.Error(), pe.Line)
	}
}

// TestCSVMalformed: testdata/csv/bad-row.csv has a header and three rows;
// the row on line 3 has two fields instead of three.
func TestCSVMalformed(t *testing.T) {
	path := filepath.Join("..", "testdata", "csv", "bad-row.csv")
	_, err := Read(path, nil)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("strict: error %v, want a *ParseError", err)
	}
	if pe.Line != 3 || pe.Reason != "wrong number of fields" {
		t.Errorf("strict: line %d reason %q, want line 3 reason %q", pe.Line, pe.Reason, "wrong number of fields")
	}
	res, err := Read(path, &Options{Lenient: true})
	if err != nil {
		t.Fatalf("lenient: %v", err)
	}
	var titles []string
	for _, p := range res.Papers {
		titles = append(titles, p.Title)
	}
	if want := []string{"First", "Third"}; !reflect.DeepEqual(titles, want) || res.Skipped["wrong number of fields"] != 1 || res.SkippedTotal() != 1 {
		t.Errorf("lenient: titles %q skipped %v, want %q and one row skipped", titles, res.Skipped, want)
	}
}

func TestCSVRows(t *testing.T) {
	tests := []struct {
		name, src string
		reason    string // "" when the row is read
		want      string // Date|authors|truncated
	}{
		{"date column", "title,date,authors\nT,2020-02-29,A B\n", "", "2020-02-29|A B|false"},
		{"year wins over date", "title,date,year,authors\nT,2020-02,2019,A B\n", "", "2019|A B|false"},
		{"empty year", "title,year,authors\nT,,A B\n", "", "|A B|false"},
		{"bad date", "title,date,authors\nT,2020-13,A B\n", "invalid date", ""},
		{"bad truncated", "title,year,authors,truncated\nT,2020,A B,maybe\n", "invalid field", ""},
		{"et al without separator", "title,year,authors\nT,2020,Smith J et al\n", "", "2020|Smith J|true"},
		{"bare quote", "title,year,authors\nT \"x\" y,2020,A\n", "malformed CSV", ""},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := ReadFrom(strings.NewReader(test.src), "t.csv", nil)
			if test.reason != "" {
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Reason != test.reason || pe.Line != 2 {
					t.Fatalf("error %v, want a *ParseError on line 2 with reason %q", err, test.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p := res.Papers[0]
			got := p.Date.String() + "|" + strings.Join(bibNames(p), ";") + "|" + map[bool]string{true: "true", false: "false"}[p.Truncated]
			if got != test.want {
				t.Errorf("got %q, want %q", got, test.want)
			}
		})
	}
}

// TestCSVSniff checks that content is taken as generic CSV only when
// every column is known, so that the exports read by other readers are
// left to them. The other headers are the first lines of files in
// testdata/scopus and testdata/dbcsv; a file not present is skipped.
func TestCSVSniff(t *testing.T) {
	if !sniffCSV([]byte("Title,Year,Authors,DOI\nx,2000,y,z\n")) {
		t.Error("sniffCSV rejects a header of known columns")
	}
	if sniffCSV([]byte("title,authors,notes\n")) {
		t.Error("sniffCSV accepts a header with an unknown column")
	}
	for _, f := range []string{"scopus/bibliometrix-scopus_sample.csv", "dbcsv/bibliometrix-lens_sample.csv",
		"dbcsv/litstudy-springer.csv", "dbcsv/constructed-ieee.csv", "dbcsv/bibliometrix-openalex_sample.csv"} {
		head, err := os.ReadFile(filepath.Join("..", "testdata", f))
		if err != nil {
			t.Logf("skipping %s: %v", f, err)
			continue
		}
		if sniffCSV(head) {
			t.Errorf("sniffCSV takes %s", f)
		}
	}
}
