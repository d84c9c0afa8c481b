package corpus

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestCSLJSONFiles reads the real CSL-JSON files. Record counts are the
// number of top-level array elements (python3 -c 'import json;
// print(len(json.load(open(f))))'): 2, 1 and 1. The second item of
// manubot-bibliography.json is a web page without "author".
func TestCSLJSONFiles(t *testing.T) {
	res := biblioCheckCounts(t, []biblioCount{
		{"../testdata/csljson/manubot-bibliography.json", "csljson", 2, 1},
		{"../testdata/csljson/manubot-crossref-deep-review-raw.json", "csljson", 1, 0},
		{"../testdata/csljson/manubot-pubmed-scihub-raw.json", "csljson", 1, 0},
	}, nil)
	// Values read from the files by eye.
	if r := res["../testdata/csljson/manubot-bibliography.json"]; r != nil && len(r.Papers) == 1 {
		p := r.Papers[0]
		if p.ID != "doi:10.7554/elife.32822" || p.DOI != "10.7554/elife.32822" || p.Date != (Date{2018, 3, 1}) ||
			p.Venue != "eLife" || len(p.Authors) != 7 || p.Authors[5].Name != "Bastian Greshake Tzovaras" || p.Origin.Line != 2 {
			t.Errorf("paper = %q %q %v %q %q line %d", p.ID, p.DOI, p.Date, p.Venue, biblioNames(p.Authors), p.Origin.Line)
		}
		if !strings.HasPrefix(p.Abstract, "The website Sci-Hub enables") || strings.Contains(p.Abstract, "<") {
			t.Errorf("abstract = %.60q, want the text without <jats:p>", p.Abstract)
		}
	}
	// The deep-review item lists its authors with ORCID URLs; the first
	// is Travers Ching, http://orcid.org/0000-0002-5577-3516. grep -c
	// '"sequence"' counts 36 authors.
	if r := res["../testdata/csljson/manubot-crossref-deep-review-raw.json"]; r != nil && len(r.Papers) == 1 {
		p := r.Papers[0]
		a := p.Authors[0]
		if a.Name != "Travers Ching" || !reflect.DeepEqual(a.IDs, []string{"orcid:0000-0002-5577-3516"}) || len(p.Authors) != 36 {
			t.Errorf("first author %+v of %d", a, len(p.Authors))
		}
		if p.Date != (Date{2018, 4, 0}) || p.ID != "PZMP42Ak" || p.Venue != "Journal of The Royal Society Interface" {
			t.Errorf("paper %v %q %q", p.Date, p.ID, p.Venue)
		}
	}
}

func TestCSLJSONItem(t *testing.T) {
	const in = `{"id": 7, "type": "paper-conference",
  "title": "A <i>marked</i> title",
  "author": [{"family": "Doe", "given": "Jane", "suffix": "Jr."},
             {"literal": "World Health Organization"},
             {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
             {"given": ""}],
  "issued": {"raw": "2019-05-02"},
  "keyword": "graphs, networks,  ",
  "URL": "https://arxiv.org/abs/1905.00001v3",
  "container-title": "Proc. Things"}`
	res, err := ReadFrom(strings.NewReader(in), "x.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "csljson" || len(res.Papers) != 1 {
		t.Fatalf("format %q, %d papers", res.Format, len(res.Papers))
	}
	want := Paper{ID: "7", Title: "A marked title", Date: Date{2019, 5, 2}, Venue: "Proc. Things",
		Authors:  []Author{{Name: "Jane Doe Jr."}, {Name: "World Health Organization"}, {Name: "Ludwig van Beethoven"}},
		Keywords: []string{"graphs", "networks"}, ArXiv: "1905.00001",
		Origin: Origin{File: "x.json", Line: 1, Record: 1}}
	if !reflect.DeepEqual(res.Papers[0], want) {
		t.Errorf("paper = %+v\nwant    %+v", res.Papers[0], want)
	}
}

func TestCSLJSONMalformed(t *testing.T) {
	const good = `{"type": "article", "title": "G", "author": [{"family": "A"}]}`
	for _, test := range []struct {
		name   string
		in     string
		line   int
		reason string
		papers int
	}{
		{"truncated", "[\n" + good + ",\n" + good + ",\n{\"type\": \"article\", \"auth", 4, "truncated JSON", 2},
		{"syntax", "[\n" + good + ",\n{\"type\": \"article\",, }\n]", 3, "malformed JSON", 1},
		{"author not a list", "[\n" + good + ",\n{\"type\": \"article\", \"author\": \"Doe\"},\n" + good + "]", 3, "malformed item", 2},
		{"item not an object", "[\n" + good + ",\n\"just text\",\n" + good + "]", 3, "malformed item", 2},
	} {
		t.Run(test.name, func(t *testing.T) {
			opt := &Options{Format: "csljson"}
			_, err := ReadFrom(strings.NewReader(test.in), "x.json", opt)
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != test.line || pe.Reason != test.reason {
				t.Fatalf("strict: %v (%+v), want line %d reason %q", err, pe, test.line, test.reason)
			}
			opt.Lenient = true
			res, err := ReadFrom(strings.NewReader(test.in), "x.json", opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Papers) != test.papers || res.Skipped[test.reason] != 1 {
				t.Errorf("lenient: %d papers, skipped %v, want %d and one %q", len(res.Papers), res.Skipped, test.papers, test.reason)
			}
		})
	}
}

// TestCSLSniff checks which JSON shapes each reader claims.
func TestCSLSniff(t *testing.T) {
	for _, test := range []struct {
		name, in, want string
	}{
		{"CSL array", `[{"id": "a", "type": "article-journal", "title": "T"}]`, "csljson"},
		{"CSL item from Crossref negotiation", `{"type": "article-journal", "DOI": "10.1/x", "author": [{"family": "A", "sequence": "first"}], "title": "T"}`, "csljson"},
		{"Crossref work", `{"DOI": "10.1/x", "type": "journal-article", "title": ["T"], "author": [{"family": "A", "sequence": "first"}]}`, "crossref"},
		{"Crossref envelope", `{"status": "ok", "message-type": "work", "message": {}}`, "crossref"},
		{"DOI map", `{"10.1/X": [{"DOI": "10.1/x"}]}`, "crossref"},
		{"OpenAlex work", `{"id": "https://openalex.org/W1", "title": "T", "display_name": "T", "type": "article", "authorships": []}`, ""},
		{"ORCID work", `{"title": {"title": {"value": "T"}}, "type": "journal-article", "put-code": 1}`, ""},
		{"other JSON", `{"nodes": [], "edges": []}`, ""},
		{"cut head", `[{"type": "article-journal", "title": "T", "author": [{"family": "A", "giv`, "csljson"},
	} {
		if got := cslClassify([]byte(test.in)); got != test.want {
			t.Errorf("%s: cslClassify = %q, want %q", test.name, got, test.want)
		}
	}
}
