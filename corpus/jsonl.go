package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The JSON Lines format holds one JSON object per line, with the keys of
// the generic CSV format (matched case-insensitively):
//
//	{"id": "p1", "title": "A title", "year": 2021, "authors": ["Ada Lovelace", "Alan Turing"]}
//	{"title": "B", "date": "2020-05", "authors": [{"name": "Grace Hopper", "orcid": "0000-0002-1825-0097"}]}
//	{"title": "C", "year": "2019", "authors": "Knuth, Donald E.; Smith, J. et al."}
//
// authors is an array of names, an array of objects with "name" and the
// optional "orcid" and "affiliation", or one string of names separated by
// ";". keywords is an array or a ";"-separated string. Blank lines are
// skipped. The ID is the "id" key or "line<N>".
//
// Content is taken for this format when the first line is an object with
// a string "title" or an "authors" key and the second non-blank line also
// starts with "{". OpenAlex works, which have "authorships" and ids at
// openalex.org, are left to their own reader.

func init() {
	register(format{
		name:  "jsonl",
		exts:  []string{".jsonl", ".ndjson"},
		sniff: sniffJSONL,
		read:  readJSONL,
	})
}

// TODO: the OpenAlex reader also claims the .jsonl extension; a .jsonl
// file that neither sniffer recognises goes to whichever format was
// registered first (this one, by file order), not by its content.
func sniffJSONL(head []byte) bool {
	var lines [][]byte
	for _, l := range bytes.Split(head, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			lines = append(lines, l)
			if len(lines) == 2 {
				break
			}
		}
	}
	if len(lines) == 0 || lines[0][0] != '{' || (len(lines) == 2 && lines[1][0] != '{') {
		return false
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(lines[0], &obj) != nil {
		return false
	}
	keys := jsonlLower(obj)
	if _, ok := keys["authorships"]; ok {
		return false
	}
	var id string
	if json.Unmarshal(keys["id"], &id) == nil && strings.Contains(id, "openalex.org/") {
		return false
	}
	var title string
	_, hasAuthors := keys["authors"]
	return hasAuthors || json.Unmarshal(keys["title"], &title) == nil && keys["title"] != nil
}

// jsonlLower returns obj with lower-case keys; of keys differing only in
// case, the one that sorts first wins.
func jsonlLower(obj map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(obj))
	best := make(map[string]string, len(obj))
	for k, v := range obj {
		lk := strings.ToLower(k)
		if prev, ok := best[lk]; !ok || k < prev {
			out[lk], best[lk] = v, k
		}
	}
	return out
}

func readJSONL(r io.Reader, name string, opt *Options) (*Result, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	res := &Result{}
	seen := map[string]bool{}
	rec := 0
	n := 0
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

// jsonlAuthor is an author written as an object.
type jsonlAuthor struct {
	Name        string `json:"name"`
	ORCID       string `json:"orcid"`
	Affiliation string `json:"affiliation"`
}

func jsonlPaper(line []byte, name string, n, rec int) (*Paper, *ParseError) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return nil, &ParseError{File: name, Line: n, Record: rec, Reason: "invalid JSON", Err: fmt.Errorf("invalid JSON: %w", err)}
	}
	if obj == nil {
		return nil, &ParseError{File: name, Line: n, Record: rec, Reason: "invalid JSON",
			Err: errors.New("invalid JSON: expected an object")}
	}
	f := jsonlFields{obj: jsonlLower(obj)}
	p := &Paper{
		ID:          f.str("id"),
		Title:       f.str("title"),
		Venue:       f.str("venue"),
		Abstract:    f.str("abstract"),
		Affiliation: f.str("affiliation"),
		DOI:         NormalizeDOI(f.str("doi")),
		ArXiv:       bibArXivID(f.str("arxiv")),
		Origin:      Origin{File: name, Line: n, Record: rec},
	}
	if p.Venue == "" {
		p.Venue = f.str("journal")
	}
	if p.ID == "" {
		p.ID = fmt.Sprintf("line%d", n)
	}
	date := f.str("date")
	if y := f.str("year"); y != "" {
		date = y
	}
	d, err := csvDate(date)
	if err != nil && f.err == nil {
		f.err = err
	}
	p.Date = d
	p.Authors, p.Truncated = f.authors()
	if raw, ok := f.obj["truncated"]; ok && string(raw) != "null" {
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil && f.err == nil {
			f.err = fmt.Errorf("truncated: expected true or false, got %s", raw)
		}
		p.Truncated = p.Truncated || b
	}
	p.Keywords = f.list("keywords")
	if f.err != nil {
		return nil, &ParseError{File: name, Line: n, Record: rec, Reason: "invalid field", Err: f.err}
	}
	return p, nil
}

// jsonlFields reads typed values from one object, keeping the first error.
type jsonlFields struct {
	obj map[string]json.RawMessage
	err error
}

// str returns a string or number value as text; "" when absent or null.
func (f *jsonlFields) str(key string) string {
	raw, ok := f.obj[key]
	if !ok || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var num json.Number
	if json.Unmarshal(raw, &num) == nil {
		if _, err := strconv.ParseFloat(num.String(), 64); err == nil {
			return num.String()
		}
	}
	if f.err == nil {
		f.err = fmt.Errorf("%s: expected a string, got %s", key, jsonlShort(raw))
	}
	return ""
}

// list returns an array of strings or a ";"-separated string as a list.
func (f *jsonlFields) list(key string) []string {
	raw, ok := f.obj[key]
	if !ok || string(raw) == "null" {
		return nil
	}
	var arr []string
	if json.Unmarshal(raw, &arr) == nil {
		var out []string
		for _, s := range arr {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return csvSplit(f.str(key))
}

// authors reads the authors as an array of strings, an array of objects
// or a ";"-separated string.
func (f *jsonlFields) authors() ([]Author, bool) {
	raw, ok := f.obj["authors"]
	if !ok || string(raw) == "null" {
		return nil, false
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return csvAuthors(f.str("authors"))
	}
	var names []string
	var out []Author
	for _, it := range items {
		var s string
		if json.Unmarshal(it, &s) == nil {
			names = append(names, s)
			out = append(out, Author{})
			continue
		}
		var a jsonlAuthor
		if err := json.Unmarshal(it, &a); err != nil {
			if f.err == nil {
				f.err = fmt.Errorf("authors: expected names or objects with a name, got %s", jsonlShort(it))
			}
			return nil, false
		}
		names = append(names, a.Name)
		au := Author{Affiliation: strings.TrimSpace(a.Affiliation)}
		if o := jsonlORCID(a.ORCID); o != "" {
			au.IDs = []string{"orcid:" + o}
		}
		out = append(out, au)
	}
	// A last item "et al." or "... et al." marks truncation.
	truncated := false
	if k := len(names); k > 0 {
		if loc := csvEtAl.FindStringIndex(names[k-1]); loc != nil {
			names[k-1], truncated = names[k-1][:loc[0]], true
		}
	}
	kept := out[:0]
	for i, n := range names {
		if n = DisplayName(n); n != "" {
			out[i].Name = n
			kept = append(kept, out[i])
		}
	}
	return kept, truncated
}

// jsonlORCID strips an orcid.org URL from an ORCID iD.
func jsonlORCID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "orcid.org/"); i >= 0 {
		s = s[i+len("orcid.org/"):]
	}
	return s
}

func jsonlShort(raw json.RawMessage) string {
	if len(raw) > 40 {
		return string(raw[:40]) + "..."
	}
	return string(raw)
}
