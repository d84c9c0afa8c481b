package corpus

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestCrossrefFiles reads citationjs-doi-api.json, an object mapping 4
// DOIs to lists of one work each (python3: sum of the list lengths is 4).
// Values below were read from the file by eye.
func TestCrossrefFiles(t *testing.T) {
	res := biblioCheckCounts(t, []biblioCount{
		{"../testdata/crossref/citationjs-doi-api.json", "crossref", 4, 0},
	}, nil)
	r := res["../testdata/crossref/citationjs-doi-api.json"]
	if r == nil || len(r.Papers) != 4 {
		return
	}
	p := r.Papers[0]
	if p.ID != "10.1021/ja01577a030" || p.Title != "Correlation of the Base Strengths of Amines1" ||
		p.Date != (Date{1957, 10, 0}) || p.Venue != "Journal of the American Chemical Society" ||
		!reflect.DeepEqual(biblioNames(p.Authors), []string{"H. K. Hall Jr."}) || p.Origin.Line != 3 {
		t.Errorf("first = %q %q %v %q %q line %d", p.ID, p.Title, p.Date, p.Venue, biblioNames(p.Authors), p.Origin.Line)
	}
	q := r.Papers[1]
	if q.DOI != "10.1101/2021.08.15.21262067" || len(q.Authors) != 17 || q.Venue != "medRxiv" ||
		!reflect.DeepEqual(q.Authors[0], Author{Name: "David H. Canaday", IDs: []string{"orcid:0000-0001-5503-7888"}}) {
		t.Errorf("second = %q %d %q %+v", q.DOI, len(q.Authors), q.Venue, q.Authors[0])
	}
	if !strings.HasPrefix(q.Abstract, "High COVID-19 mortality") {
		t.Errorf("abstract = %.60q, want JATS tags and the Abstract heading removed", q.Abstract)
	}
	if got := r.Papers[2].ID; got != "https://doi.org/10.5281/zenodo.8242099" && got != "10.5281/zenodo.8242099" {
		t.Errorf("third ID = %q", got)
	}
}

func TestCrossrefEnvelope(t *testing.T) {
	const list = `{"status": "ok", "message-type": "work-list", "message": {"items": [
  {"DOI": "10.1/A", "type": "journal-article", "title": ["First"], "author": [
    {"given": "Ann", "family": "Lee", "sequence": "first", "affiliation": [{"name": "Univ X"}],
     "ORCID": "https://orcid.org/0000-0002-1825-0097"},
    {"name": "The Consortium", "sequence": "additional"}],
   "published-print": {"date-parts": [["2020", "7"]]}, "subject": ["Physics", "Maths"],
   "abstract": "<jats:p>Text &amp; more.</jats:p>"},
  {"DOI": "10.1/a", "type": "journal-article", "title": ["Same DOI"], "author": [{"family": "Kim", "sequence": "first"}]}
]}}`
	res, err := ReadFrom(strings.NewReader(list), "x.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "crossref" || len(res.Papers) != 2 {
		t.Fatalf("format %q, %d papers", res.Format, len(res.Papers))
	}
	want := Paper{ID: "10.1/a", Title: "First", Date: Date{2020, 7, 0}, DOI: "10.1/a",
		Authors: []Author{{Name: "Ann Lee", IDs: []string{"orcid:0000-0002-1825-0097"}, Affiliation: "Univ X"},
			{Name: "The Consortium"}},
		Keywords: []string{"Physics", "Maths"}, Abstract: "Text & more.",
		Origin: Origin{File: "x.json", Line: 2, Record: 1}}
	if !reflect.DeepEqual(res.Papers[0], want) {
		t.Errorf("paper = %+v\nwant    %+v", res.Papers[0], want)
	}
	if res.Papers[1].ID != "10.1/a_2" || res.Papers[1].Origin.Line != 8 {
		t.Errorf("second ID %q line %d, want 10.1/a_2 and 8", res.Papers[1].ID, res.Papers[1].Origin.Line)
	}

	const single = `{"status":"ok","message-type":"work","message":{"DOI":"10.48550/arXiv.2301.12594","title":["P"],"author":[{"family":"Z","given":"Y","sequence":"first"}]}}`
	res, err = ReadFrom(strings.NewReader(single), "w.json", nil)
	if err != nil || len(res.Papers) != 1 || res.Papers[0].ArXiv != "2301.12594" {
		t.Errorf("single work: %v, %+v", err, res)
	}

	const failed = `{"status":"failed","message-type":"validation-failure","message":[{"type":"x"}]}`
	_, err = ReadFrom(strings.NewReader(failed), "e.json", nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Reason != "error response" {
		t.Errorf("strict error response: %v, want a ParseError with reason \"error response\"", err)
	}
	res, err = ReadFrom(strings.NewReader(failed), "e.json", &Options{Lenient: true})
	if err != nil || len(res.Papers) != 0 || res.Skipped["error response"] != 1 {
		t.Errorf("lenient error response: %v, %+v, want it counted", err, res)
	}
}
