package corpus

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestOpenAlexFiles reads the four OpenAlex files in testdata/openalex.
// The expected counts were made with Python's json module on the same
// files: works are the lines of the .jsonl file (wc -l gives 50), the
// "results" array of a page, or the one object; authorships and ORCIDs
// are len(w["authorships"]) and the authorships whose author.orcid is
// not null; abstracts are the works whose abstract_inverted_index is not
// null.
func TestOpenAlexFiles(t *testing.T) {
	tests := []struct {
		file                              string
		works, authors, orcids, abstracts int
	}{
		{"openalexpython-W2741809807-2025.json", 1, 9, 9, 1},
		{"openalexpro-keypaper-results_page_1.json", 2, 11, 11, 1},
		{"openalexpro-keypaper-results_page_2-empty.json", 0, 0, 0, 0},
		{"goopenalex-works-2021-11-03-part_000.jsonl", 50, 102, 21, 19},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			res, err := Read("../testdata/openalex/"+test.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "openalex" {
				t.Errorf("format = %q, want openalex", res.Format)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings = %q, want none", res.Warnings)
			}
			authors, orcids, abstracts := 0, 0, 0
			for _, p := range res.Papers {
				authors += len(p.Authors)
				for _, a := range p.Authors {
					if strings.Contains(fmt.Sprint(a.IDs), "orcid:") {
						orcids++
					}
				}
				if p.Abstract != "" {
					abstracts++
				}
				if !strings.HasPrefix(p.ID, "W") || p.Date.Year == 0 || p.Title == "" {
					t.Errorf("%s: id %q, year %d, title %q: want all set", p.Origin, p.ID, p.Date.Year, p.Title)
				}
			}
			got := []int{len(res.Papers), authors, orcids, abstracts}
			want := []int{test.works, test.authors, test.orcids, test.abstracts}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("works, authors, ORCIDs, abstracts = %v, want %v", got, want)
			}
		})
	}
}

// TestOpenAlexSamples checks works against the files as read by eye and
// with Python (the abstract is the words of the inverted index sorted by
// position and joined with spaces: 1630 characters for W2741809807).
func TestOpenAlexSamples(t *testing.T) {
	res, err := Read("../testdata/openalex/openalexpython-W2741809807-2025.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Papers[0]
	got := fmt.Sprintf("%s|%s|%s|%s|%d authors", p.ID, p.Date, p.Venue, p.DOI, len(p.Authors))
	if want := "W2741809807|2018-02-13|PeerJ|10.7717/peerj.4375|9 authors"; got != want {
		t.Errorf("work = %s, want %s", got, want)
	}
	a := p.Authors[2]
	if got, want := fmt.Sprintf("%s %v %s", a.Name, a.IDs, a.Affiliation),
		"Vincent Larivière [openalex:A5068542997 orcid:0000-0002-2733-0689] Université de Montréal; Université du Québec à Montréal"; got != want {
		t.Errorf("third author = %s, want %s", got, want)
	}
	if len(p.Abstract) != 1630 || !strings.HasPrefix(p.Abstract, "Despite growing interest in Open Access (OA) to scholarly literature, there is a") ||
		!strings.HasSuffix(p.Abstract, "oaDOI service, as a way to inform OA policy and practice.") {
		t.Errorf("abstract (%d bytes) = %.80q...", len(p.Abstract), p.Abstract)
	}
	wantKW := "[scientometrics and bibliometrics research Academic Publishing and Open Access Research Data Management Practices " +
		"Scholarly Communication Web of science Open Science Citation analysis]"
	if got := fmt.Sprint(p.Keywords); got != wantKW {
		t.Errorf("keywords = %s\nwant       %s", got, wantKW)
	}

	// Old schema: host_venue, concepts, wrapped inverted index.
	res, err = Read("../testdata/openalex/goopenalex-works-2021-11-03-part_000.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	p = res.Papers[2]
	got = fmt.Sprintf("%s|%s|%s|line %d|%s", p.ID, p.Date, p.Venue, p.Origin.Line, p.Authors[0].Name)
	if want := "W2963429753|2013-01-01|Journal of Operator Theory|line 3|Serban T. Belinschi"; got != want {
		t.Errorf("work = %s, want %s", got, want)
	}
	// Concepts scored 0.826 to 0.352 are kept; 0.3 is the threshold.
	if got := strings.Join(p.Keywords[:3], "|"); got != "Mathematics|Bernoulli process|Bernoulli's principle" {
		t.Errorf("keywords = %q", p.Keywords)
	}
	if !strings.HasPrefix(p.Abstract, "We study of the connection between operator valued central limits for") {
		t.Errorf("abstract = %.80q", p.Abstract)
	}
}

const openalexWorkA = `{"id":"https://openalex.org/W1","title":"A","publication_year":2020,` +
	`"doi":"https://doi.org/10.48550/arXiv.2001.01234","is_authors_truncated":true,` +
	`"authorships":[{"author":{"id":"https://openalex.org/A1","display_name":"","orcid":null},"raw_author_name":"Raw Name","institutions":[]}],` +
	`"abstract_inverted_index":{"b":[1],"a":[0],"c":[2000000000]},"concepts":[{"display_name":"Low","score":0.29}]}`

func TestOpenAlexSnippets(t *testing.T) {
	tests := []struct {
		name     string
		file, in string
		lenient  bool
		papers   int
		skipped  int
		err      string
	}{
		{"single line object", "w.json", openalexWorkA, false, 1, 0, ""},
		{"lines without extension", "w.json", openalexWorkA + "\n" + strings.Replace(openalexWorkA, "W1", "W2", 1) + "\n", false, 2, 0, ""},
		{"bad line strict", "w.jsonl", openalexWorkA + "\n{\"id\": \"https://openalex.org/W2\", \n" + openalexWorkA + "\n", false, 0, 0, "w.jsonl:2: unexpected end of JSON input"},
		{"bad line lenient", "w.jsonl", openalexWorkA + "\n{\"id\": \"https://openalex.org/W2\", \n" + openalexWorkA + "\n", true, 2, 1, ""},
		{"page", "p.json", `{"meta":{"count":2,"db_response_time_ms":3},"results":[` + openalexWorkA + "," + openalexWorkA + `]}`, false, 2, 0, ""},
		{"page with a bad work strict", "p.json", `{"meta":{"count":2,"db_response_time_ms":3},"results":[{"id":5},` + openalexWorkA + `]}`, false, 0, 0, "p.json: record 1: json: cannot unmarshal"},
		{"page with a bad work lenient", "p.json", `{"meta":{"count":2,"db_response_time_ms":3},"results":[{"id":5},` + openalexWorkA + `]}`, true, 1, 1, ""},
		{"truncated page", "p.json", `{"meta":{"count":2,"db_response_time_ms":3},"results":[` + openalexWorkA[:40], false, 0, 0, "unexpected EOF"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := ReadFrom(strings.NewReader(test.in), test.file, &Options{Lenient: test.lenient})
			if test.err != "" {
				if err == nil || !strings.Contains(err.Error(), test.err) {
					t.Fatalf("error = %v, want one containing %q", err, test.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "openalex" || len(res.Papers) != test.papers || res.SkippedTotal() != test.skipped {
				t.Errorf("format %q, papers %d, skipped %d, want openalex, %d, %d", res.Format, len(res.Papers), res.SkippedTotal(), test.papers, test.skipped)
			}
		})
	}
	res, err := ReadFrom(strings.NewReader(openalexWorkA), "w.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Papers[0]
	got := fmt.Sprintf("%s|%s|%v|%v|%q|%q", p.ArXiv, p.DOI, p.Truncated, p.Authors, p.Abstract, p.Keywords)
	want := `2001.01234|10.48550/arxiv.2001.01234|true|[{Raw Name [openalex:A1]  false}]|"a b c"|[]`
	if got != want {
		t.Errorf("work A = %s\nwant     %s", got, want)
	}
}

func TestOpenAlexSniff(t *testing.T) {
	for _, test := range []struct {
		name, head string
		want       bool
	}{
		{"work", `{"id": "https://openalex.org/W123", "doi": null}`, true},
		{"authorships", `{"title": "x", "authorships": []}`, true},
		{"empty page", `{"meta":{"count":2,"db_response_time_ms":57,"page":null},"results":[]}`, true},
		{"csl json", `[{"id": "x", "author": [{"family": "A"}]}]`, false},
		{"other json lines", `{"title": "x", "authors": ["A"], "id": "W123"}`, false},
		{"openalex csv", "id,title\nhttps://openalex.org/W123,x\n", false},
	} {
		if got := sniffOpenAlex([]byte(test.head)); got != test.want {
			t.Errorf("%s: sniffOpenAlex = %v, want %v", test.name, got, test.want)
		}
	}
}

// TestOpenAlexSource checks that white space outside strings is cut to
// one byte a run, that strings pass unchanged (escaped quotes and
// backslashes included), and that a work over maxRecord (give or take
// openalexChunk) is refused while two works of half that size are read.
func TestOpenAlexSource(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"runs between values", "{\n\n  \"a\" :\t\t1 ,\r\n\r\n  \"b\":[ ]}", "{\n\"a\" :\t1 ,\r\"b\":[ ]}"},
		{"space in strings", `{"a":"x   y"}`, `{"a":"x   y"}`},
		{"escaped quote", `["a\"   b"   ,   "c"]`, `["a\"   b" , "c"]`},
		{"escaped backslash", `["a\\"   ,   "  "]`, `["a\\" , "  "]`},
		{"long run", "[1," + strings.Repeat(" ", 100_000) + "2]", "[1, 2]"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			src := &openalexSource{lim: &spanReader{r: strings.NewReader(test.in), max: maxRecord}}
			got, err := io.ReadAll(src)
			if err != nil || string(got) != test.want {
				t.Errorf("openalexSource(%q) = %q, %v; want %q", test.in, got, err, test.want)
			}
		})
	}

	// The decoder reads up to openalexChunk bytes ahead of a mark.
	big := `{"results":[{"id":"https://openalex.org/W1","title":"` + strings.Repeat("a", maxRecord+2*openalexChunk) + `"}]}`
	small := `{"results":[{"id":"https://openalex.org/W1","title":"` + strings.Repeat("a", maxRecord/2) +
		`"},{"id":"https://openalex.org/W2","title":"` + strings.Repeat("a", maxRecord/2) + `"}]}`
	_, err := ReadFrom(strings.NewReader(big), "big.json", &Options{Format: "openalex"})
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "big.json") {
		t.Errorf("ReadFrom(a work of %d bytes) error = %v, want ErrLimit naming big.json", maxRecord, err)
	}
	res, err := ReadFrom(strings.NewReader(small), "small.json", &Options{Format: "openalex"})
	if err != nil || len(res.Papers) != 2 {
		t.Errorf("ReadFrom(two works of %d bytes) = %v; want 2 papers and no error", maxRecord/2, err)
	}
}
