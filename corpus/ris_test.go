package corpus

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// biblioCount is the expected outcome of reading one real file: the
// number of records (counted independently, the command is given with
// each case), how many become papers and how many are left out for
// having no authors.
type biblioCount struct {
	file      string
	format    string
	records   int
	noAuthors int
}

func biblioCheckCounts(t *testing.T, tests []biblioCount, opt *Options) map[string]*Result {
	t.Helper()
	out := map[string]*Result{}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			res, err := Read(test.file, opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != test.format {
				t.Errorf("format = %q, want %q", res.Format, test.format)
			}
			if got, want := len(res.Papers), test.records-test.noAuthors; got != want {
				t.Errorf("papers = %d, want %d", got, want)
			}
			if got := res.Skipped["no authors"]; got != test.noAuthors {
				t.Errorf("no-author records = %d, want %d", got, test.noAuthors)
			}
			if got := len(res.Papers) + res.SkippedTotal(); got != test.records {
				t.Errorf("papers + skipped = %d, want %d records", got, test.records)
			}
			seen := map[string]bool{}
			for _, p := range res.Papers {
				if p.ID == "" || seen[p.ID] {
					t.Errorf("paper at %s: ID %q empty or repeated", p.Origin, p.ID)
				}
				seen[p.ID] = true
			}
			out[test.file] = res
		})
	}
	return out
}

func biblioNames(as []Author) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// TestRISFiles reads the real RIS files. Record counts are the number of
// "ER  -" lines (grep -c '^ER  -'); the records without AU or A1 lines
// were found by reading the files: the ELEC web page in
// manubot-bibliography.ris and the only record of rispy-example_bom.ris.
func TestRISFiles(t *testing.T) {
	res := biblioCheckCounts(t, []biblioCount{
		{"../testdata/ris/manubot-bibliography.ris", "ris", 2, 1},
		{"../testdata/ris/rispy-example_bom.ris", "ris", 1, 1},
		{"../testdata/ris/rispy-example_empty_tag.ris", "ris", 1, 0},
		{"../testdata/ris/rispy-example_full.ris", "ris", 2, 0},
		{"../testdata/ris/rispy-example_utf_chars.ris", "ris", 1, 0},
	}, nil)

	// Values below were read from the files by eye.
	if r := res["../testdata/ris/rispy-example_full.ris"]; r != nil && len(r.Papers) == 2 {
		p := r.Papers[0]
		if got, want := biblioNames(p.Authors), []string{"Karl Marx", "Astrid Lindgren"}; !reflect.DeepEqual(got, want) {
			t.Errorf("full.ris authors = %q, want %q (A2 Glattauer is an editor)", got, want)
		}
		if p.ID != "12345" || r.Papers[1].ID != "12345_2" {
			t.Errorf("full.ris IDs = %q, %q, want 12345, 12345_2 (both records say ID 12345)", p.ID, r.Papers[1].ID)
		}
		if p.Date.Year != 2014 || p.Venue != "Lorem" || p.Title != "Title of reference" || p.Origin.Line != 2 {
			t.Errorf("full.ris first = %d %q %q line %d, want 2014 Lorem \"Title of reference\" line 2", p.Date.Year, p.Venue, p.Title, p.Origin.Line)
		}
		if got, want := r.Papers[1].Keywords, []string{"Pippi Langstrumpf", "Nordwind", "Piraten"}; !reflect.DeepEqual(got, want) {
			t.Errorf("full.ris second keywords = %q, want %q", got, want)
		}
		if !strings.HasPrefix(p.Abstract, "BACKGROUND: Lorem ipsum") {
			t.Errorf("full.ris abstract = %q", p.Abstract)
		}
	}
	if r := res["../testdata/ris/rispy-example_empty_tag.ris"]; r != nil && len(r.Papers) == 1 {
		p := r.Papers[0]
		if p.DOI != "10.1177/2325967120950040" || p.Date.Year != 2020 || p.ID != "2006713348" {
			t.Errorf("empty_tag.ris = %q %d %q", p.DOI, p.Date.Year, p.ID)
		}
		if want := "Outcome measures are valuable"; !strings.Contains(p.Abstract, "\n"+want) {
			t.Errorf("empty_tag.ris abstract lacks its continuation line: %q", p.Abstract)
		}
		if len(p.Keywords) != 3 || p.Keywords[0] != "*athlete" {
			t.Errorf("empty_tag.ris keywords = %q", p.Keywords)
		}
	}
	if r := res["../testdata/ris/rispy-example_utf_chars.ris"]; r != nil && len(r.Papers) == 1 {
		p := r.Papers[0]
		if len(p.Authors) != 5 || p.Authors[0].Name != "Yu E. Dobrokhotova" || p.Date.Year != 2009 ||
			p.Venue != "Gynecology, Obstetrics and Perinatology" {
			t.Errorf("utf_chars.ris = %q %d %q", biblioNames(p.Authors), p.Date.Year, p.Venue)
		}
	}
	if r := res["../testdata/ris/manubot-bibliography.ris"]; r != nil && len(r.Papers) == 1 {
		p := r.Papers[0]
		if p.DOI != "10.7554/elife.32822" || p.Venue != "eLife" || p.Date != (Date{2018, 3, 1}) ||
			len(p.Authors) != 7 || p.Authors[5].Name != "Bastian Greshake Tzovaras" {
			t.Errorf("manubot.ris = %q %q %v %q", p.DOI, p.Venue, p.Date, biblioNames(p.Authors))
		}
	}
}

func TestRISRecord(t *testing.T) {
	const in = "TY  - CPAPER\r\n" +
		"AU  - Smith, John, Jr.\r\n" +
		"A1  - Doe, Jane\r\n" +
		"A2  - Editor, Ed\r\n" +
		"A3  - Series, Sam\r\n" +
		"TI  - A long title\r\n" +
		"  that continues\r\n" +
		"PY  - 2021/07/04/\r\n" +
		"BT  - Proceedings of Things\r\n" +
		"UR  - https://arxiv.org/abs/2107.01234v2\r\n" +
		"KW  - one\r\n" +
		"two\r\n" +
		"ER  - \r\n"
	res, err := ReadFrom(strings.NewReader(in), "x.ris", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 1 {
		t.Fatalf("papers = %d, want 1", len(res.Papers))
	}
	p := res.Papers[0]
	want := Paper{
		ID: "rec1", Title: "A long title that continues", Date: Date{2021, 7, 4},
		Venue:    "Proceedings of Things",
		Authors:  []Author{{Name: "John Smith Jr."}, {Name: "Jane Doe"}},
		Keywords: []string{"one", "two"}, ArXiv: "2107.01234",
		Origin: Origin{File: "x.ris", Line: 1, Record: 1},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("paper = %+v\nwant    %+v", p, want)
	}
}

func TestRISEditorsOnly(t *testing.T) {
	const in = "TY  - EDBOOK\nA2  - Lovelace, Ada\nA2  - Babbage, Charles\nBT  - Engines\nPY  - 1843\nER  - \n"
	res, err := ReadFrom(strings.NewReader(in), "x.ris", nil)
	if err != nil || len(res.Papers) != 1 {
		t.Fatalf("ReadFrom = %v, %v", res, err)
	}
	if got, want := biblioNames(res.Papers[0].Authors), []string{"Ada Lovelace", "Charles Babbage"}; !reflect.DeepEqual(got, want) {
		t.Errorf("authors = %q, want %q", got, want)
	}
	if res.Papers[0].Title != "Engines" {
		t.Errorf("title = %q, want Engines", res.Papers[0].Title)
	}
}

func TestRISMalformed(t *testing.T) {
	good := "TY  - JOUR\nAU  - Good, One\nER  - \n"
	for _, test := range []struct {
		name   string
		in     string
		line   int    // line of the strict error
		reason string // reason counted in lenient mode
		papers int    // papers kept in lenient mode
	}{
		{"missing ER", "TY  - JOUR\nAU  - Bad, One\n" + good, 3, "missing ER", 1},
		{"truncated", good + "TY  - JOUR\nAU  - Cut, Off\nTI  - half", 6, "truncated record", 1},
		{"tag outside", good + "AU  - Lost, Tag\n" + good, 4, "tag outside a record", 2},
	} {
		t.Run(test.name, func(t *testing.T) {
			_, err := ReadFrom(strings.NewReader(test.in), "bad.ris", nil)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("strict error = %v, want a *ParseError", err)
			}
			if pe.Line != test.line || pe.Reason != test.reason {
				t.Errorf("strict error at line %d reason %q, want line %d reason %q (%v)", pe.Line, pe.Reason, test.line, test.reason, err)
			}
			res, err := ReadFrom(strings.NewReader(test.in), "bad.ris", &Options{Lenient: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Papers) != test.papers || res.Skipped[test.reason] != 1 {
				t.Errorf("lenient: papers %d skipped %v, want %d and 1 %q", len(res.Papers), res.Skipped, test.papers, test.reason)
			}
		})
	}
}

func TestBiblioParseDate(t *testing.T) {
	for _, test := range []struct {
		in   string
		want Date
	}{
		{"2018/03/01/", Date{2018, 3, 1}},
		{"2014//", Date{2014, 0, 0}},
		{"2014/05//spring", Date{2014, 5, 0}},
		{"2020 Feb", Date{2020, 2, 0}},
		{"2019 Mar 15", Date{2019, 3, 15}},
		{"AUG 15", Date{}},
		{"2009-11-30", Date{2009, 11, 30}},
		{"Winter 1999", Date{1999, 0, 0}},
		{"no date", Date{}},
	} {
		if got := biblioParseDate(test.in); got != test.want {
			t.Errorf("biblioParseDate(%q) = %v, want %v", test.in, got, test.want)
		}
	}
}
