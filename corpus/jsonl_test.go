package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestJSONLFile reads testdata/jsonl/papers.jsonl, written for this test:
// authors as strings, as objects with an ORCID URL, and as one string; a
// blank line; a capitalised key; an id used twice. The expected values
// are the file's values.
func TestJSONLFile(t *testing.T) {
	res, err := Read(filepath.Join("..", "testdata", "jsonl", "papers.jsonl"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "jsonl" {
		t.Errorf("Format = %q, want jsonl", res.Format)
	}
	want := []csvSummary{
		{"j1", "Strings as authors", "2021", "Test Venue", "10.1000/j1", "",
			[]string{"Ada Lovelace", "Alan Turing"}, nil, false, 1},
		{"line3", "Objects as authors", "2020-05-17", "", "", "",
			[]string{"Grace Hopper", "Émilie du Châtelet"}, []string{"a", "b"}, false, 3},
		{"j3", "One string", "2019", "J", "", "2301.12594",
			[]string{"Donald E. Knuth", "J. Smith"}, []string{"x", "y"}, true, 4},
		{"j1-2", "Same id", "", "", "", "", []string{"Kurt Gödel"}, nil, true, 5},
	}
	if got := csvSummarize(res); !reflect.DeepEqual(got, want) {
		t.Errorf("papers:\n got %+v\nwant %+v", got, want)
	}
	hopper := res.Papers[1].Authors[0]
	if !reflect.DeepEqual(hopper.IDs, []string{"orcid:0000-0002-1825-0097"}) || hopper.Affiliation != "Navy" {
		t.Errorf("Grace Hopper: IDs %q affiliation %q, want orcid:0000-0002-1825-0097 and Navy", hopper.IDs, hopper.Affiliation)
	}
}

// TestJSONLMalformed: line 2 of testdata/jsonl/bad-line.jsonl is cut off.
func TestJSONLMalformed(t *testing.T) {
	path := filepath.Join("..", "testdata", "jsonl", "bad-line.jsonl")
	_, err := Read(path, nil)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("strict: error %v, want a *ParseError", err)
	}
	if pe.Line != 2 || pe.Reason != "invalid JSON" {
		t.Errorf("strict: line %d reason %q, want line 2 reason %q", pe.Line, pe.Reason, "invalid JSON")
	}
	res, err := Read(path, &Options{Lenient: true})
	if err != nil {
		t.Fatalf("lenient: %v", err)
	}
	var titles []string
	for _, p := range res.Papers {
		titles = append(titles, p.Title)
	}
	if want := []string{"First", "Third"}; !reflect.DeepEqual(titles, want) || res.Skipped["invalid JSON"] != 1 || res.SkippedTotal() != 1 {
		t.Errorf("lenient: titles %q skipped %v, want %q and one line skipped", titles, res.Skipped, want)
	}
}

func TestJSONLLines(t *testing.T) {
	tests := []struct {
		name, line string
		reason     string
	}{
		{"array not object", `["title"]`, "invalid JSON"},
		{"null", `null`, "invalid JSON"},
		{"title not a string", `{"title": {"a": 1}, "authors": []}`, "invalid field"},
		{"author not a name", `{"title": "t", "authors": [1]}`, "invalid field"},
		{"bad date", `{"title": "t", "date": "May 2020"}`, "invalid field"},
		{"fine", `{"title": "t", "authors": null, "year": null}`, ""},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			_, err := ReadFrom(strings.NewReader(test.line+"\n"), "t.jsonl", nil)
			var pe *ParseError
			switch {
			case test.reason == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case test.reason != "" && (!errors.As(err, &pe) || pe.Reason != test.reason || pe.Line != 1):
				t.Errorf("error %v, want a *ParseError on line 1 with reason %q", err, test.reason)
			}
		})
	}
}

// TestJSONLSniff checks that OpenAlex JSON Lines, read by another reader,
// are not taken. The OpenAlex head is the start of
// testdata/openalex/goopenalex-works-2021-11-03-part_000.jsonl when that
// file is present, and a two-line sample otherwise.
func TestJSONLSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"two lines", "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", true},
		{"one line with authors", `{"authors": ["x"]}`, true},
		{"second line not an object", "{\"title\": \"a\"}\n[1]\n", false},
		{"pretty-printed object", "{\n  \"title\": \"a\"\n}\n", false},
		{"openalex authorships", "{\"id\": \"W1\", \"title\": \"a\", \"authorships\": []}\n", false},
		{"openalex id", "{\"id\": \"https://openalex.org/W1\", \"title\": \"a\"}\n", false},
		{"title not a string", "{\"title\": [\"a\"], \"author\": []}\n", false},
		{"csl json array", "[{\"title\": \"a\"}]", false},
	}
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "openalex", "goopenalex-works-2021-11-03-part_000.jsonl")); err == nil {
		tests = append(tests, struct {
			name, head string
			want       bool
		}{"openalex snapshot file", string(b[:min(len(b), sniffSize)]), false})
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := sniffJSONL([]byte(test.head)); got != test.want {
				t.Errorf("sniffJSONL(%.40q) = %v, want %v", test.head, got, test.want)
			}
		})
	}
}
