package corpus

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// The row counts below were counted independently of this package with
// Python 3's csv module: len(list(csv.reader(f))) - 1 for the header, on
// the file as stored (gunzipped for the .gz file). data/README.md section
// A gives the same numbers.
func TestScopusRealFiles(t *testing.T) {
	tests := []struct {
		name      string
		path      string
		rows      int
		noAuthors int // rows whose "Authors" is "[No author name available]" or "Anon", counted with the same script
		authors   int // sum of the author counts, by splitting "Authors" at "; " or ", " in Python
	}{
		{"recent", "../testdata/scopus/bibliometrix-scopus_sample.csv", 8, 0, 38},
		{"older", "../testdata/scopus/metaknowledge-scopus_testing.csv.scopus.gz", 220, 4, 2030},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := Read(test.path, nil)
			if err != nil {
				t.Fatalf("Read(%s) error: %v", test.path, err)
			}
			if res.Format != "scopus" {
				t.Errorf("Format = %q, want scopus", res.Format)
			}
			if len(res.Papers) != test.rows || res.SkippedTotal() != 0 {
				t.Errorf("read %d papers, skipped %d; want %d, 0", len(res.Papers), res.SkippedTotal(), test.rows)
			}
			none, authors := 0, 0
			for _, p := range res.Papers {
				if len(p.Authors) == 0 {
					none++
				}
				authors += len(p.Authors)
			}
			if none != test.noAuthors || authors != test.authors {
				t.Errorf("%d papers without authors, %d authors; want %d, %d", none, authors, test.noAuthors, test.authors)
			}
		})
	}
}

func scopusPaperAt(t *testing.T, path string, line int) Paper {
	t.Helper()
	res, err := Read(path, nil)
	if err != nil {
		t.Fatalf("Read(%s) error: %v", path, err)
	}
	for _, p := range res.Papers {
		if p.Origin.Line == line {
			return p
		}
	}
	t.Fatalf("no paper starts on line %d of %s", line, path)
	return Paper{}
}

// Expected values were read off the files by eye (a text editor on the
// CSV, and Python's csv module to find the columns of a row).
func TestScopusRecentRow(t *testing.T) {
	p := scopusPaperAt(t, "../testdata/scopus/bibliometrix-scopus_sample.csv", 2)
	if p.ID != "2-s2.0-105030721984" || p.Date.Year != 2026 || p.DOI != "10.1177/20552076261415846" ||
		p.Venue != "Digital Health" || p.Origin.Record != 1 {
		t.Errorf("got ID %q, year %d, DOI %q, venue %q, record %d", p.ID, p.Date.Year, p.DOI, p.Venue, p.Origin.Record)
	}
	want := []Author{
		{Name: "Fengyuan Liu", IDs: []string{"scopus:60410297700"}},
		{Name: "Chunyun Li", IDs: []string{"scopus:58862216200"}},
		{Name: "Yong Liu", IDs: []string{"scopus:60409735200"}},
		{Name: "Yufei Li", IDs: []string{"scopus:57193852372"}},
	}
	for i := range p.Authors {
		p.Authors[i].Affiliation = ""
	}
	if !reflect.DeepEqual(p.Authors, want) {
		t.Errorf("authors = %+v, want %+v", p.Authors, want)
	}
	wantKW := []string{"Artificial intelligence", "bibliometrics", "citeSpace", "spinal diseases", "VOSviewer"}
	if !reflect.DeepEqual(p.Keywords, wantKW) {
		t.Errorf("keywords = %q, want %q", p.Keywords, wantKW)
	}

	p = scopusPaperAt(t, "../testdata/scopus/bibliometrix-scopus_sample.csv", 4)
	if len(p.Authors) != 1 || p.Authors[0].Name != "Saleh M. Abdullah" ||
		!reflect.DeepEqual(p.Authors[0].IDs, []string{"scopus:37071912100"}) {
		t.Errorf("line 4 authors = %+v, want Saleh M. Abdullah, scopus:37071912100", p.Authors)
	}
	if !strings.HasPrefix(p.Authors[0].Affiliation, "Department of Medical Laboratory") {
		t.Errorf("line 4 affiliation = %q, want the one of \"Authors with affiliations\"", p.Authors[0].Affiliation)
	}
}

func TestScopusOlderRows(t *testing.T) {
	const path = "../testdata/scopus/metaknowledge-scopus_testing.csv.scopus.gz"
	tests := []struct {
		line      int
		id, doi   string
		year      int
		n         int
		first     string
		some      string // another author on the list
		firstAffl string
	}{
		{2, "2-s2.0-84963944162", "10.1109/tasc.2016.2541670", 2016, 11, "T. Yagai", "S. Imagawa", "Sophia University, Tokyo, Japan"},
		{52, "2-s2.0-0034598746", "10.1038/35000501", 2000, 31, "A.A. Alizadeh", "J. Hudson Jr.", ""},
		{81, "2-s2.0-0027362097", "10.1056/nejm199312093292401", 1993, 8, "D.W. Dockery", "C.A. Pope III", ""},
		{139, "2-s2.0-0032537396", "10.1016/s0140-6736(97)11423-4", 1998, 341, "O. Abe", "H. Caffier", ""},
		{185, "2-s2.0-54549108740", "10.1038/nature07385", 2008, 231, "R. McLendon", "E. Thomson", ""},
		{4, "2-s2.0-0021901665", "", 1985, 1, "Janko Wolfgang", "Janko Wolfgang", ""},
	}
	for _, test := range tests {
		p := scopusPaperAt(t, path, test.line)
		if p.ID != test.id || p.DOI != test.doi || p.Date.Year != test.year || len(p.Authors) != test.n {
			t.Errorf("line %d: ID %q, DOI %q, year %d, %d authors; want %q, %q, %d, %d",
				test.line, p.ID, p.DOI, p.Date.Year, len(p.Authors), test.id, test.doi, test.year, test.n)
			continue
		}
		names := make(map[string]bool)
		for _, a := range p.Authors {
			names[a.Name] = true
			if len(a.IDs) != 0 {
				t.Errorf("line %d: %q has ids %q; the older file has no id column", test.line, a.Name, a.IDs)
			}
		}
		if p.Authors[0].Name != test.first || !names[test.some] {
			t.Errorf("line %d: first author %q, want %q, and %q on the list", test.line, p.Authors[0].Name, test.first, test.some)
		}
		if test.firstAffl != "" && p.Authors[0].Affiliation != test.firstAffl {
			t.Errorf("line %d: affiliation %q, want %q", test.line, p.Authors[0].Affiliation, test.firstAffl)
		}
	}

	// "[No author name available]" on line 88: kept, no authors, warned.
	p := scopusPaperAt(t, path, 88)
	if len(p.Authors) != 0 || p.ID != "2-s2.0-19344364880" {
		t.Errorf("line 88: ID %q, authors %+v; want 2-s2.0-19344364880 without authors", p.ID, p.Authors)
	}
}

func TestScopusDisplayName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lahlou S.", "S. Lahlou"},
		{"Amoako P.T.", "P.T. Amoako"},
		{"Ma Ch.L.", "Ch.L. Ma"},
		{"He T.-C.", "T.-C. He"},
		{"Hudson Jr. J.", "J. Hudson Jr."},
		{"Pope III C.A.", "C.A. Pope III"},
		{"Da Costa L.T.", "L.T. Da Costa"},
		{"Sa-Ambo J.M.", "J.M. Sa-Ambo"},
		{"Fluge Ø.", "Ø. Fluge"},
		{"Janko Wolfgang", "Janko Wolfgang"},
		{"Scandinavian Simvastatin Survival Study Group", "Scandinavian Simvastatin Survival Study Group"},
	}
	for _, test := range tests {
		if got := scopusDisplayName(test.in); got != test.want {
			t.Errorf("scopusDisplayName(%q) = %q, want %q", test.in, got, test.want)
		}
	}
}

func TestScopusSplitAuthors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		recent bool
		nids   int
		want   []string
	}{
		{"recent", "Liu F.; Li C.; Liu Y.", true, 0, []string{"Liu F.", "Li C.", "Liu Y."}},
		{"older", "Yagai T., Kimura Y., Kamada H.", false, 0, []string{"Yagai T.", "Kimura Y.", "Kamada H."}},
		{"older with suffix", "Dockery D.W., Pope III C.A., Ferris Jr. B.G.", false, 0,
			[]string{"Dockery D.W.", "Pope III C.A.", "Ferris Jr. B.G."}},
		{"corporate name with a comma", "Centers for Disease Control, Atlanta, Smith J.", false, 0,
			[]string{"Centers for Disease Control, Atlanta", "Smith J."}},
		{"name without initials first", "Janko Wolfgang, Smith J.", false, 0, []string{"Janko Wolfgang", "Smith J."}},
		{"ids decide", "Alpha Beta, Gamma Delta", false, 2, []string{"Alpha Beta", "Gamma Delta"}},
		{"without ids stays joined", "Alpha Beta, Gamma Delta", false, 0, []string{"Alpha Beta, Gamma Delta"}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got := scopusSplitAuthors(test.in, test.recent, test.nids)
			if !reflect.DeepEqual(got, test.want) {
				t.Errorf("scopusSplitAuthors(%q) = %q, want %q", test.in, got, test.want)
			}
		})
	}
}

// scopusHeader is the header of a small hand-written recent export.
const scopusHeader = "\ufeff\"Authors\",\"Author full names\",\"Author(s) ID\",\"Title\",\"Year\",\"Source title\",\"DOI\",\"Link\",\"EID\"\n"

func TestScopusConstructed(t *testing.T) {
	in := scopusHeader +
		`"Doe J.; Roe R.; et al.","Doe, Jane (111); Roe, Richard (222)","111; 222","Quoted, with ""quotes""` + "\n" +
		`and a newline",2020,"Venue","https://doi.org/10.48550/arXiv.2301.12594","","2-s2.0-1"` + "\n" +
		`"Poe E.","Poe, Edgar (333)","333","Second",2021,"Venue","","","2-s2.0-1"` + "\n"
	res, err := ReadFrom(strings.NewReader(in), "x.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "scopus" || len(res.Papers) != 2 {
		t.Fatalf("format %q, %d papers; want scopus, 2", res.Format, len(res.Papers))
	}
	p := res.Papers[0]
	if !p.Truncated || len(p.Authors) != 2 || p.Authors[1].Name != "Richard Roe" ||
		p.Title != "Quoted, with \"quotes\"\nand a newline" || p.ArXiv != "2301.12594" ||
		p.DOI != "10.48550/arxiv.2301.12594" {
		t.Errorf("first paper = %+v", p)
	}
	q := res.Papers[1]
	if q.Origin.Line != 4 || q.Origin.Record != 2 || q.ID != "2-s2.0-1-2" {
		t.Errorf("second paper: line %d, record %d, ID %q; want 4, 2, 2-s2.0-1-2 (IDs are made unique)",
			q.Origin.Line, q.Origin.Record, q.ID)
	}
}

func TestScopusMalformed(t *testing.T) {
	good := `"Doe J.","Doe, Jane (111)","111","T",2020,"V","","","2-s2.0-1"` + "\n"
	good2 := `"Poe E.","Poe, Edgar (333)","333","T2",2021,"V","","","2-s2.0-2"` + "\n"
	tests := []struct {
		name   string
		in     string
		line   int
		reason string
		papers int // read in lenient mode
	}{
		{"missing column", scopusHeader + good + `"Roe R.","Roe, R (2)","2","T",2020,"V","","2-s2.0-3"` + "\n" + good2,
			3, "wrong number of fields", 2},
		{"unterminated quote", scopusHeader + good + good2 + `"Roe R.,"Roe, R (2)","2","T",2020,"V","","","2-s2.0-3"` + "\n",
			4, "malformed CSV", 2},
		{"bare quote", scopusHeader + good + `Roe "R.,"Roe, R (2)","2","T",2020,"V","","","2-s2.0-3"` + "\n" + good2,
			3, "malformed CSV", 2},
		{"no authors column value", scopusHeader + good + `"","","","T",2020,"V","","","2-s2.0-3"` + "\n" + good2,
			3, "no authors", 2},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			_, err := ReadFrom(strings.NewReader(test.in), "bad.csv", nil)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("strict: error %v, want a *ParseError", err)
			}
			if pe.Line != test.line || pe.File != "bad.csv" || pe.Reason != test.reason {
				t.Errorf("strict: %q, line %d, reason %q; want line %d, reason %q", pe, pe.Line, pe.Reason, test.line, test.reason)
			}
			res, err := ReadFrom(strings.NewReader(test.in), "bad.csv", &Options{Lenient: true})
			if err != nil {
				t.Fatalf("lenient: %v", err)
			}
			if len(res.Papers) != test.papers || res.Skipped[test.reason] != 1 || res.SkippedTotal() != 1 {
				t.Errorf("lenient: %d papers, skipped %v; want %d papers, {%s: 1}", len(res.Papers), res.Skipped, test.papers, test.reason)
			}
		})
	}
}

func TestScopusSniff(t *testing.T) {
	for _, path := range []string{"../testdata/scopus/bibliometrix-scopus_sample.csv"} {
		head, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"export.csv", "export.txt", "export"} {
			if got, err := Detect(name, head); got != "scopus" {
				t.Errorf("Detect(%q, %s) = %q, %v; want scopus", name, path, got, err)
			}
		}
	}
	if sniffScopus([]byte("Authors,Title,Year\nA,B,2000\n")) {
		t.Error("sniffScopus took a generic CSV header for Scopus")
	}
}
