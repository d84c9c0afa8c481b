package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// TestArXivFiles reads the arXiv API answers in testdata/arxiv. The
// expected counts were made with grep on the files: entries by
// `grep -c '<entry>'`, authors by `grep -c '<author>'`, DOIs by
// `grep -c '<arxiv:doi'` and categories by `grep -c '<category '` (each
// element is on its own line in these files).
func TestArXivFiles(t *testing.T) {
	tests := []struct {
		file                         string
		entries, authors, dois, cats int
		warning                      string
	}{
		{"arxivpy-2016-id_list-1111.2011v2.xml", 1, 3, 1, 2, ""},
		{"arxivpy-2016-search-del_maestro.xml", 10, 24, 10, 17, "holds 10 of 31 results"},
		{"arxivpy-2016-search-del_maestro-checkerboard.xml", 1, 3, 1, 2, ""},
		{"arxivpy-2026-query-testing-100.xml", 100, 366, 32, 173, "holds 100 of 214881 results"},
		{"arxivpy-2026-empty-id_0000.0000.xml", 0, 0, 0, 0, "the feed has no entries"},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			res, err := Read("../testdata/arxiv/"+test.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "arxiv" {
				t.Errorf("format = %q, want arxiv", res.Format)
			}
			if w := strings.Join(res.Warnings, "\n"); (test.warning == "") != (w == "") || !strings.Contains(w, test.warning) {
				t.Errorf("warnings = %q, want one containing %q", res.Warnings, test.warning)
			}
			authors, dois, cats := 0, 0, 0
			for _, p := range res.Papers {
				authors += len(p.Authors)
				cats += len(p.Keywords)
				if p.DOI != "" {
					dois++
				}
				if p.ArXiv == "" || p.ArXiv != p.ID || p.Date.Year == 0 || p.Venue == "" || strings.Contains(p.Title, "\n") {
					t.Errorf("%s: arxiv %q, id %q, year %d, venue %q, title %q", p.Origin, p.ArXiv, p.ID, p.Date.Year, p.Venue, p.Title)
				}
			}
			got := []int{len(res.Papers), authors, dois, cats}
			want := []int{test.entries, test.authors, test.dois, test.cats}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("entries, authors, DOIs, categories = %v, want %v", got, want)
			}
		})
	}
}

// TestArXivSamples checks entries against the files as read by eye.
func TestArXivSamples(t *testing.T) {
	res, err := Read("../testdata/arxiv/arxivpy-2016-id_list-1111.2011v2.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Papers[0]
	got := fmt.Sprintf("%s|%s|%s|%s|%s|%v|%s", p.ID, p.Title, p.Date, p.Venue, p.DOI, p.Keywords, p.Authors[1].Name)
	want := "1111.2011|Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit|2011-11-08|" +
		"cond-mat.str-el|10.1103/physrevb.85.115117|[cond-mat.str-el cond-mat.stat-mech]|Adrian Del Maestro"
	if got != want {
		t.Errorf("entry = %s\nwant    %s", got, want)
	}
	if !strings.HasPrefix(p.Abstract, "Theoretical description of anisotropic systems, such as layered superconductors") {
		t.Errorf("summary = %.80q, want leading spaces dropped and lines joined", p.Abstract)
	}

	res, err = Read("../testdata/arxiv/arxivpy-2026-query-testing-100.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Paper{}
	for i := range res.Papers {
		byID[res.Papers[i].ID] = &res.Papers[i]
	}
	g := byID["0804.0970"]
	if g == nil {
		t.Fatal("no entry 0804.0970")
	}
	got = fmt.Sprintf("%s|%s|%s|%s", g.Date, g.Venue, g.Authors[0].Name, g.Authors[0].Affiliation)
	if want := "2008-04-07|cs.PL|Marie-Claude Gaudel|LRI"; got != want {
		t.Errorf("0804.0970 = %s, want %s", got, want)
	}
	if p := byID["gr-qc/0103067"]; p == nil || p.Authors[1].Name != "C. Lämmerzahl" {
		t.Errorf("gr-qc/0103067 = %+v, want second author C. Lämmerzahl", p)
	}
}

func TestArXivErrorFeed(t *testing.T) {
	const file = "../testdata/arxiv/arxivpy-2026-error-id_abc.xml"
	_, err := Read(file, nil)
	if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "incorrect id format for abc") {
		t.Errorf("strict: error = %v, want one naming the file and the API's message", err)
	}
	res, err := Read(file, &Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 0 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "incorrect id format for abc") {
		t.Errorf("lenient: papers %d, warnings %q, want none and the API's message", len(res.Papers), res.Warnings)
	}
}

const arxivFeed = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
<entry><id>http://arxiv.org/abs/2301.12594v3</id><published>2023-01-30T00:00:00Z</published>
<title>One</title><author><name>A B</name><arxiv:affiliation>X</arxiv:affiliation><arxiv:affiliation>Y</arxiv:affiliation></author>
<category term="cs.LG"/></entry>
<entry><id>http://arxiv.org/abs/2301.00001v1</id><published>2023-01-01T00:00:00Z</published>
<title>Two</title></entry>
<entry><id>http://arxiv.org/abs/2301.00002v1</id><published>2023-01-01T00:00:00Z</published>
<title>Three</title><author><name>C D</name></author></entry>
</feed>`

func TestArXivSnippets(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		lenient bool
		papers  int
		skipped int
		err     string
	}{
		{"no author strict", arxivFeed, false, 0, 0, "arxiv.xml:6: entry 2301.00001: record has no authors"},
		{"no author lenient", arxivFeed, true, 2, 1, ""},
		{"truncated strict", arxivFeed[:400], false, 0, 0, "unexpected EOF"},
		{"truncated lenient", arxivFeed[:400], true, 1, 1, ""},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := ReadFrom(strings.NewReader(test.in), "arxiv.xml", &Options{Lenient: test.lenient})
			if test.err != "" {
				if err == nil || !strings.Contains(err.Error(), test.err) {
					t.Fatalf("error = %v, want one containing %q", err, test.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "arxiv" || len(res.Papers) != test.papers || res.SkippedTotal() != test.skipped {
				t.Errorf("format %q, papers %d, skipped %d, want arxiv, %d, %d", res.Format, len(res.Papers), res.SkippedTotal(), test.papers, test.skipped)
			}
			if p := res.Papers[0]; p.ID != "2301.12594" || p.Authors[0].Affiliation != "X; Y" {
				t.Errorf("first paper: id %q, affiliation %q, want 2301.12594 and X; Y", p.ID, p.Authors[0].Affiliation)
			}
		})
	}
}

func TestArXivID(t *testing.T) {
	for in, want := range map[string]string{
		"http://arxiv.org/abs/1111.2011v2":          "1111.2011",
		"https://arxiv.org/abs/cond-mat/0412498v1":  "cond-mat/0412498",
		"https://arxiv.org/pdf/2301.12594":          "2301.12594",
		"arXiv:2301.12594v10":                       "2301.12594",
		"http://arxiv.org/abs/math.GT/0309136v1":    "math.GT/0309136",
		"https://arxiv.org/api/errors#incorrect_id": "",
		"10.1103/PhysRevB.85.115117":                "",
	} {
		if got := arxivID(in); got != want {
			t.Errorf("arxivID(%q) = %q, want %q", in, got, want)
		}
	}
}
