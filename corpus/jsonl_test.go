package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
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

// jsonlReadReference reads JSON Lines as the reader did before it read
// in batches, with workers and a fast path: every line through
// jsonlPaper, one after another. The reader must give what it gives.
func jsonlReadReference(r io.Reader, name string, opt *Options) (*Result, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	res := &Result{}
	seen := map[string]bool{}
	rec, n := 0, 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(line) == 0 {
			continue
		}
		rec++
		p, perr := jsonlPaper(line, name, n, rec)
		if perr != nil {
			if err := res.skip(opt, perr); err != nil {
				return nil, err
			}
			continue
		}
		p.ID = csvUniqueID(p.ID, seen)
		res.Papers = append(res.Papers, *p)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line longer than %d bytes", ErrLimit, maxLine)
		}
		return nil, &ParseError{File: name, Line: n + 1, Reason: "line too long", Err: err}
	}
	return res, nil
}

// jsonlCompare reads data with the reference and with the reader for every
// number of workers and batch size given, strictly and leniently, and
// reports the first difference.
func jsonlCompare(t *testing.T, data []byte, workers, batches []int) {
	t.Helper()
	for _, lenient := range []bool{false, true} {
		opt := &Options{Lenient: lenient}
		want, wantErr := jsonlReadReference(bytes.NewReader(data), "f.jsonl", opt)
		for _, w := range workers {
			for _, bl := range batches {
				got, err := readJSONLWith(bytes.NewReader(data), "f.jsonl", opt, w, bl)
				if msg := jsonlDiff(got, err, want, wantErr); msg != "" {
					t.Fatalf("lenient %v, %d workers, %d lines a batch: %s\ninput %.4000q", lenient, w, bl, msg, data)
				}
			}
		}
	}
}

// jsonlDiff describes how one result and error differ from another.
func jsonlDiff(got *Result, err error, want *Result, wantErr error) string {
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		return fmt.Sprintf("error %v, want %v", err, wantErr)
	}
	if err != nil {
		var pe, wpe *ParseError
		if !errors.As(err, &pe) || !errors.As(wantErr, &wpe) ||
			pe.File != wpe.File || pe.Line != wpe.Line || pe.Record != wpe.Record || pe.Reason != wpe.Reason ||
			errors.Is(err, ErrLimit) != errors.Is(wantErr, ErrLimit) {
			return fmt.Sprintf("error %#v, want %#v", err, wantErr)
		}
		if got != nil {
			return "a result with the error"
		}
		return ""
	}
	if len(got.Papers) != len(want.Papers) {
		return fmt.Sprintf("%d papers, want %d", len(got.Papers), len(want.Papers))
	}
	for i := range got.Papers {
		if !reflect.DeepEqual(got.Papers[i], want.Papers[i]) {
			return fmt.Sprintf("paper %d:\n got %#v\nwant %#v", i, got.Papers[i], want.Papers[i])
		}
	}
	if !reflect.DeepEqual(got.Skipped, want.Skipped) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
		return fmt.Sprintf("skipped %v warnings %q, want %v and %q", got.Skipped, got.Warnings, want.Skipped, want.Warnings)
	}
	return ""
}

// TestJSONLSameTestdata checks the reader against the reference on the
// files of testdata/jsonl, whole and repeated so that they span batches.
func TestJSONLSameTestdata(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "jsonl", "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no files in testdata/jsonl: %v", err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			jsonlCompare(t, data, []int{1, 2, 3}, []int{1, 2, 1024})
			jsonlCompare(t, bytes.Repeat(data, 7), []int{1, 2, 3}, []int{1, 3, 1024})
		})
	}
}

// jsonlRandomLine returns a line made of the pieces a JSON Lines file
// may hold: keys in any case or escaped, repeated keys, values of every
// type, escapes, invalid UTF-8, "et al.", nesting. When wild is set,
// some pieces break the syntax or the types the format asks for.
func jsonlRandomLine(r *rand.Rand, wild bool) string {
	pick := func(good []string, bad ...string) string {
		if wild && len(bad) > 0 && r.IntN(8) == 0 {
			return bad[r.IntN(len(bad))]
		}
		return good[r.IntN(len(good))]
	}
	text := func() string {
		return pick([]string{`"Ada Lovelace"`, `" Alan  Turing "`, `"Turing, Alan"`, `"de Geer, Ingrid"`, `""`, `"  "`,
			`"Smith, J., Jr."`, `"{Barnes, Noble}"`, `"Jane Roe et al."`, `"J. Roe and others"`, `"et al"`,
			`"Roe, J.; Doe, J. et al."`, `"a; ; b;"`, `"x\u00e9y"`, `"\ud83d\ude00"`, `"\ud800"`, `"\ud800\u0041"`,
			`"tab\tnew\nline"`, `"q\"uote\\"`, "\"bad \xff utf8\"", "\"caf\xc3\xa9\"", `"\u00a0nbsp\u00a0"`,
			"\"\u00a0raw nbsp\u00a0\"", `"otherſ"`, `"and otherſ"`, `"Ada Lovelace \u212a"`, `"doi:10.1000/ABC"`,
			`"https://doi.org/10.5/X"`, `"arXiv:2301.12594v2"`, `"2020"`, `" 2019-05 "`, `"2020-13"`, `"0000"`,
			`"+202"`, `"May 2020"`, `"https://orcid.org/0000-0002-1825-0097"`, `"\/slash\/"`, `"Al Ali et al. "`,
			`"Roe et. al"`, `"ET AL."`, `"Daniel"`, `"Jones"`},
			`"\x"`, `"\u12"`, "\"ctl\x01\"", `"unterminated`)
	}
	var value func(depth int) string
	value = func(depth int) string {
		switch k := r.IntN(14); {
		case k < 5:
			return text()
		case k < 7:
			return pick([]string{"2020", "-1", "0", "1e400", "0.5", "1E5", "-0", "12345678901234567890", "1999", "2.5e-3"},
				"01", "1.", "2e", "-", "+1", ".5")
		case k == 7:
			return pick([]string{"null", "true", "false"}, "nul", "True")
		case k < 11 && depth < 4:
			items := make([]string, r.IntN(4))
			for i := range items {
				items[i] = value(depth + 1)
			}
			return "[" + strings.Join(items, pick([]string{",", ", ", " ,\t"})) + pick([]string{"]", " ]"}, ",]", "")
		case depth < 4:
			items := make([]string, r.IntN(4))
			for i := range items {
				items[i] = pick([]string{`"name"`, `"orcid"`, `"affiliation"`, `"Name"`, `"NAME"`, `"n\u0061me"`,
					`"other"`, `"ORCID"`}) + pick([]string{":", " : "}) + value(depth+1)
			}
			return "{" + strings.Join(items, ",") + pick([]string{"}", " }"}, "")
		}
		return text()
	}
	keys := []string{`"id"`, `"title"`, `"year"`, `"date"`, `"venue"`, `"journal"`, `"authors"`, `"keywords"`,
		`"doi"`, `"arxiv"`, `"abstract"`, `"affiliation"`, `"truncated"`, `"extra"`, `"Title"`, `"AUTHORS"`,
		`"ti\u0074le"`, `"Year"`, `"authorships"`, `"\u212aeywords"`, `"yéar"`}
	if wild {
		switch r.IntN(20) {
		case 0:
			return pick([]string{"", "   ", "null", "[1]", `"s"`, "{", "}", "{}", " {} ", "{}x", "{},", `{"a":1}{"b":2}`})
		case 1:
			return strings.Repeat("[", r.IntN(40)) + strings.Repeat("]", r.IntN(40))
		}
	}
	fields := make([]string, r.IntN(7))
	for i := range fields {
		fields[i] = keys[r.IntN(len(keys))] + pick([]string{":", ": ", " :"}) + value(0)
	}
	return pick([]string{"", " ", "\t"}) + "{" + strings.Join(fields, pick([]string{",", ", ", ",\n"})) +
		pick([]string{"}", "} ", "}\r"}, "")
}

// TestJSONLSameRandom checks the reader against the reference on random
// files.
func TestJSONLSameRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	files := 400
	if testing.Short() {
		files = 50
	}
	for range files {
		var b strings.Builder
		if r.IntN(10) == 0 {
			b.WriteString("\ufeff")
		}
		wild := r.IntN(2) == 0
		for range r.IntN(30) {
			b.WriteString(jsonlRandomLine(r, wild))
			b.WriteString(jsonlLineEnd(r))
		}
		jsonlCompare(t, []byte(b.String()), []int{1, 2, 3}, []int{1, 4, 1024})
	}
}

// jsonlLineEnd returns a line end, at times with a carriage return or a
// blank line.
func jsonlLineEnd(r *rand.Rand) string {
	return []string{"\n", "\n", "\n", "\r\n", "\n\n"}[r.IntN(5)]
}

// TestJSONLSameGood checks the reader against the reference on random
// files of lines that the fast path takes, and that it takes them.
func TestJSONLSameGood(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	names := []string{"Ada Lovelace", "Alan Turing", "Turing, Alan", " Grace  Hopper ", "Émilie du Châtelet",
		"Jane Roe et al.", "", "Daniel Jones", "Kurt Gödel and others", "Smith, J., Jr."}
	var b bytes.Buffer
	for i := range 3000 {
		p := map[string]any{"title": fmt.Sprintf(" Title %d ", i%700)}
		if r.IntN(5) > 0 {
			p["id"] = fmt.Sprintf("p%d", r.IntN(2000))
		}
		switch r.IntN(3) {
		case 0:
			p["year"] = 1990 + r.IntN(30)
		case 1:
			p["date"] = fmt.Sprintf("%d-%02d", 1990+r.IntN(30), 1+r.IntN(12))
		}
		if r.IntN(2) == 0 {
			p["venue"] = []string{"J. ACM", "NAACL", ""}[r.IntN(3)]
		} else {
			p["journal"] = "Netw. Sci."
		}
		var authors []any
		for range r.IntN(5) {
			if r.IntN(4) == 0 {
				authors = append(authors, map[string]any{"name": names[r.IntN(len(names))],
					"orcid": "https://orcid.org/0000-0002-1825-0097", "affiliation": " Navy "})
			} else {
				authors = append(authors, names[r.IntN(len(names))])
			}
		}
		if r.IntN(10) == 0 {
			p["authors"] = "Roe, Jane; Doe, John et al."
		} else {
			p["authors"] = authors
		}
		if r.IntN(3) == 0 {
			p["keywords"] = []string{"graphs", " networks ", ""}
		}
		if r.IntN(5) == 0 {
			p["truncated"] = r.IntN(2) == 0
		}
		for k, vs := range map[string][]string{
			"doi":         {"10.1000/ABC", "https://doi.org/10.5/x", "none"},
			"arxiv":       {"arXiv:2301.12594v2", "2301.12594", "arxiv:"},
			"abstract":    {" We study graphs. ", ""},
			"affiliation": {"Navy", " "},
		} {
			if r.IntN(4) == 0 {
				p[k] = vs[r.IntN(len(vs))]
			}
		}
		line, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteString("\n\n"[:1+r.IntN(2)])
	}
	jsonlCompare(t, b.Bytes(), []int{1, 2, 3}, []int{7, 1024})

	d := newJSONLShared().decoder()
	var batch jsonlBatch
	for i, line := range bytes.Split(bytes.TrimSpace(b.Bytes()), []byte("\n")) {
		if len(line) > 0 && !d.parse(line, "f.jsonl", i+1, i+1, &batch) {
			t.Fatalf("line %d not taken by the fast path: %s", i+1, line)
		}
	}
	if len(batch.full) != 0 {
		t.Errorf("%d papers kept in full, want all brief", len(batch.full))
	}
}

// TestJSONLSameEdges checks the reader against the reference on lines at
// the edges of the fast path.
func TestJSONLSameEdges(t *testing.T) {
	lines := []string{
		`{"title":"t","authors":[{"name":5}]}`,
		`{"title":"t","authors":[{"name":["A"]}]}`,
		`{"title":"t","authors":[{"name":"A","name":null}]}`,
		`{"title":"t","authors":[{"name":"A","name":"B"}]}`,
		`{"title":"t","authors":[{"Name":"A"}]}`,
		`{"title":"t","authors":[{"nAmE":"A","name":"B"}]}`,
		`{"title":"t","authors":[{"name":"A","x":{"y":[1,{"z":null}]}}]}`,
		`{"title":"t","authors":[{"name":"A","orcid":" https://orcid.org/0000-0001 ","affiliation":"  "}]}`,
		`{"title":"t","authors":[{"name":"A","orcid":"orcid.org/"}]}`,
		`{"title":"t","authors":[{}]}`,
		`{"title":"t","year":"2020","date":"2019-01"}`,
		`{"title":"t","year":null,"date":"2019-01"}`,
		`{"title":"t","date":"2019-01","year":""}`,
		`{"title":"t","date":"2019-01-02","year":" "}`,
		`{"title":"t","year":2020.0}`,
		`{"title":"t","year":"0999"}`,
		`{"title":"t","year":"+999"}`,
		`{"title":"t","venue":"","journal":"J"}`,
		`{"title":"t","venue":"V","journal":{}}`,
		`{"title":"t","venue":" ","journal":" J "}`,
		`{"title":"t","truncated":"yes"}`,
		`{"title":"t","truncated":null,"authors":["A et al."]}`,
		`{"title":"t","truncated":false,"authors":["A","B et al."]}`,
		`{"title":"t","authors":["et al."]}`,
		`{"title":"t","authors":["A","and others"]}`,
		`{"title":"t","authors":["A", "B ET AL"]}`,
		`{"title":"t","authors":["A", "B et al.\u00a0"]}`,
		`{"title":"t","authors":["A", "B and otherſ"]}`,
		`{"title":"t","authors":[null]}`,
		`{"title":"t","authors":[" "]}`,
		`{"title":"t","authors":["A",null]}`,
		`{"title":"t","authors":[]}`,
		`{"title":"t","authors":""}`,
		`{"title":"t","authors":" ; ;"}`,
		`{"title":"t","authors":"et al."}`,
		`{"title":"t","authors":5}`,
		`{"title":"t","authors":true}`,
		`{"title":"t","authors":{"name":"A"}}`,
		`{"title":"t","keywords":5}`,
		`{"title":"t","keywords":[1]}`,
		`{"title":"t","keywords":"a; b ;;"}`,
		`{"title":"t","keywords":[null," "]}`,
		`{"title":"t","keywords":[]}`,
		`{"id":" ","title":"t"}`,
		`{"id":5}`,
		`{"id":1e400}`,
		`{"id":-0.0}`,
		`{"id":12345678901234567890123}`,
		`{"id":"a"}`,
		`{"title":"t","title":"u"}`,
		`{"title":"t","Title":"u"}`,
		`{"TITLE":"t","Title":"u"}`,
		`{"title":"\u0000"}`,
		`{"title":"a\u2028b"}`,
		`{"title":"\ud800x"}`,
		"{\"title\":\"\xed\xa0\x80\"}",
		"{\"title\":\"\xc3\"}",
		`{"x":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
		`{"x":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`,
		`{"a":1}{"b":2}`,
		`{"a":1},`,
		`{ }`,
		`{"doi":"DOI:10.1/AB","arxiv":"arXiv:1234.5678v3","abstract":" x ","affiliation":" y "}`,
		`{"doi":"nodoi"}`,
		`{"title":"t"}` + "\u00a0",
		"\ufeff" + `{"title":"t"}`,
	}
	for _, l := range lines {
		jsonlCompare(t, []byte(l+"\n"), []int{1}, []int{1024})
		jsonlCompare(t, []byte("\ufeff"+l+"\n"+l+"\n"), []int{1, 2}, []int{1})
	}
	jsonlCompare(t, []byte(strings.Join(lines, "\n")), []int{1, 2, 3}, []int{1, 5, 1024})
}

// TestJSONLBatches reads, with two workers and three lines a batch, a
// file with repeated IDs across batches, blank lines and a bad line.
func TestJSONLBatches(t *testing.T) {
	in := "\n" + `{"id":"x","title":"1","authors":["A"]}` + "\n" +
		`{"id":"x","title":"2","authors":["Turing, Alan"]}` + "\n\n" +
		`{"id":"x-2","title":"3"}` + "\n" +
		`{"title":"4"` + "\n" +
		`{"id":"x","title":"5","authors":["Turing, Alan"]}` + "\n" +
		`{"title":"6"}` + "\n" +
		`{"id":"line9","title":"7"}` + "\n"
	res, err := readJSONLWith(strings.NewReader(in), "f.jsonl", &Options{Lenient: true}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Papers {
		got = append(got, fmt.Sprintf("%s %s %d %v", p.ID, p.Title, p.Origin.Line, bibNames(p)))
	}
	want := []string{"x 1 2 [A]", "x-2 2 3 [Alan Turing]", "x-2-2 3 5 []", "x-3 5 7 [Alan Turing]",
		"line8 6 8 []", "line9 7 9 []"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("papers %q, want %q", got, want)
	}
	if res.Skipped["invalid JSON"] != 1 || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "skipped f.jsonl:6: ") {
		t.Errorf("skipped %v warnings %q, want line 6 skipped as invalid JSON", res.Skipped, res.Warnings)
	}
	if a, b := res.Papers[1].Authors[0].Name, res.Papers[3].Authors[0].Name; unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("the two %q are stored twice", a)
	}

	_, err = readJSONLWith(strings.NewReader(in), "f.jsonl", nil, 2, 3)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 6 || pe.Record != 4 || pe.Reason != "invalid JSON" {
		t.Errorf("strict: error %v, want invalid JSON on line 6, record 4", err)
	}
}

// TestJSONLLongLine checks that a line over maxLine is refused after the
// lines before it, in the order of the file, with workers.
func TestJSONLLongLine(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "{\"title\":\"%d\"}\n", i)
		if i == 30 {
			b.WriteString("{\n")
		}
	}
	b.WriteString(`{"title":"`)
	b.WriteString(strings.Repeat("x", maxLine))
	b.WriteString("\"}\n{}\n")
	in := b.String()
	_, err := readJSONLWith(strings.NewReader(in), "f.jsonl", nil, 2, 4)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 32 || pe.Reason != "invalid JSON" {
		t.Errorf("strict: error %v, want invalid JSON on line 32", err)
	}
	_, err = readJSONLWith(strings.NewReader(in), "f.jsonl", &Options{Lenient: true}, 2, 4)
	if !errors.As(err, &pe) || pe.Line != 52 || pe.Reason != "line too long" || !errors.Is(err, ErrLimit) {
		t.Errorf("lenient: error %v, want line 52 too long", err)
	}
	jsonlCompare(t, []byte(in), []int{2}, []int{4})
}

// TestJSONLEtAlCheck checks that jsonlMaybeEtAl is true wherever csvEtAl
// matches, on names built to end near a match. It rests on the pattern
// and on the case folding of the letters of "al" and "others".
func TestJSONLEtAlCheck(t *testing.T) {
	if got, want := csvEtAl.String(), `(?i)(^|[\s,;])(et\.? al\.?|and others)\s*$`; got != want {
		t.Fatalf("csvEtAl is %s; jsonlMaybeEtAl was written for %s", got, want)
	}
	for _, c := range "alothers" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf && c != 's' {
				t.Errorf("%q folds to the non-ASCII %q", c, f)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	matches := 0
	for range 200_000 {
		s := pick("", "Roe", "Roe,", "Roe;", "x ", "é ", "\u00a0") + pick("", " ", ",", ";", "\t", "\v", "\u00a0") +
			pick("et", "ET", "eT", "e", "and", "AND", "an") + pick("", ".", " ", "..") + pick(" ", "", "\t", "  ", "\u00a0") +
			pick("al", "AL", "aL", "a", "others", "OTHERS", "otherſ", "others.", "ſ") + pick("", ".", "..", ",") +
			pick("", " ", "\t\n", "\f\r", "\v", "\u00a0", "x")
		m := csvEtAl.MatchString(s)
		if m {
			matches++
		}
		if m && !jsonlMaybeEtAl([]byte(s)) {
			t.Fatalf("jsonlMaybeEtAl(%q) = false, but csvEtAl matches", s)
		}
	}
	if matches < 500 {
		t.Errorf("only %d of the names matched", matches)
	}
	for _, s := range []string{"Amara Liu-Brandt", "Ada", "Jane Roe, Jr", ""} {
		if jsonlMaybeEtAl([]byte(s)) {
			t.Errorf("jsonlMaybeEtAl(%q) = true, want false", s)
		}
	}
}

// FuzzJSONLSame checks the reader against the reference on any input,
// with batches of two lines and two workers.
func FuzzJSONLSame(f *testing.F) {
	fuzzSeed(f, "jsonl")
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 20 {
		f.Add([]byte(jsonlRandomLine(r, i%2 == 0) + "\n" + jsonlRandomLine(r, false) + "\n"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		jsonlCompare(t, data, []int{1, 2}, []int{2})
	})
}

// failAfter is an io.Reader that gives its bytes, then err.
type failAfter struct {
	data []byte
	err  error
}

func (f *failAfter) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestJSONLReadErrorWins checks that a read error in the middle of a line
// is what the reader reports, not the partial line's invalid JSON, with
// one worker and with several, with and without lenient.
func TestJSONLReadErrorWins(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, `{"id":"p%d","title":"T","year":2020,"authors":["A B","C D"]}`+"\n", i)
	}
	cut := b.String()[:b.Len()-30] // in the middle of the last line
	cause := errors.New("unexpected EOF of the test")
	for _, workers := range []int{1, 4} {
		for _, lenient := range []bool{false, true} {
			_, err := readJSONLWith(&failAfter{[]byte(cut), cause}, "cut.jsonl", &Options{Lenient: lenient}, workers, 64)
			var pe *ParseError
			if !errors.Is(err, cause) || !errors.As(err, &pe) || pe.File != "cut.jsonl" || pe.Line != 5000 {
				t.Errorf("%d workers, lenient %v: error %v, want the read error at cut.jsonl:5000", workers, lenient, err)
			}
		}
	}
}

// TestSkipWarningsCapped checks that in lenient mode the first
// maxSkipWarnings skipped records get a warning each and the others are
// counted under one more warning.
func TestSkipWarningsCapped(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, `{"id":"p%d","title":"T","authors":["A B","C D"]}`+"\n", i)
		b.WriteString("not json\n")
	}
	res, err := readJSONLWith(strings.NewReader(b.String()), "bad.jsonl", &Options{Lenient: true}, 2, 16)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 100 || res.SkippedTotal() != 100 || len(res.Warnings) != maxSkipWarnings+1 {
		t.Fatalf("%d papers, %d skipped, %d warnings; want 100, 100, %d",
			len(res.Papers), res.SkippedTotal(), len(res.Warnings), maxSkipWarnings+1)
	}
	if last := res.Warnings[maxSkipWarnings]; !strings.Contains(last, "bad.jsonl: more than 20 records skipped") {
		t.Errorf("last warning %q", last)
	}
}
