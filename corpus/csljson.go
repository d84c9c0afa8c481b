package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// CSL-JSON is the citation data of the Citation Style Language, written
// by reference managers and by DOI content negotiation: an array of items
// (or one item) such as
//
//	{"id": "doe2020", "type": "article-journal", "title": "...",
//	 "author": [{"family": "Doe", "given": "Jane"}, {"literal": "WHO"}],
//	 "issued": {"date-parts": [[2020, 3, 1]]}, "DOI": "10.1000/x"}
//
// Crossref works JSON (crossref.go) shares most field names; both readers
// turn an item into a paper with cslPaper.

func init() {
	register(format{name: "csljson", exts: []string{".json"}, sniff: sniffCSLJSON, read: readCSLJSON})
}

func sniffCSLJSON(head []byte) bool { return cslClassify(head) == "csljson" }

func readCSLJSON(r io.Reader, name string, opt *Options) (*Result, error) {
	return cslRead(r, name, opt, "id")
}

// cslTypes are the item types of CSL 1.0.2; Crossref names its types
// differently ("journal-article" where CSL says "article-journal").
var cslTypes = map[string]bool{
	"article": true, "article-journal": true, "article-magazine": true, "article-newspaper": true,
	"bill": true, "book": true, "broadcast": true, "chapter": true, "classic": true, "collection": true,
	"dataset": true, "document": true, "entry": true, "entry-dictionary": true, "entry-encyclopedia": true,
	"event": true, "figure": true, "graphic": true, "hearing": true, "interview": true, "legal_case": true,
	"legislation": true, "manuscript": true, "map": true, "motion_picture": true, "musical_score": true,
	"pamphlet": true, "paper-conference": true, "patent": true, "performance": true, "periodical": true,
	"personal_communication": true, "post": true, "post-weblog": true, "regulation": true, "report": true,
	"review": true, "review-book": true, "software": true, "song": true, "speech": true, "standard": true,
	"thesis": true, "treaty": true, "webpage": true,
}

// crossrefTypes are Crossref's work types.
var crossrefTypes = map[string]bool{
	"journal-article": true, "book-chapter": true, "proceedings-article": true, "posted-content": true,
	"edited-book": true, "monograph": true, "reference-book": true, "reference-entry": true,
	"book-section": true, "book-part": true, "book-track": true, "book-series": true, "book-set": true,
	"dissertation": true, "peer-review": true, "component": true, "journal-issue": true,
	"proceedings": true, "report-component": true, "other": true,
}

// cslSummary is what the start of a file says about its first item.
type cslSummary struct {
	keys      map[string]bool
	typ       string
	titleKind json.Delim // '[' for an array, 0 for a string
	authorSeq bool       // the first author has "sequence"
}

// cslClassify tells from the start of a JSON file whether it holds
// CSL-JSON ("csljson"), Crossref works ("crossref") or neither ("").
func cslClassify(head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(head))
	tok, err := dec.Token()
	if err != nil {
		return ""
	}
	switch tok {
	case json.Delim('['):
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return ""
		}
		return cslClassifyItem(cslSummarize(dec))
	case json.Delim('{'):
	default:
		return ""
	}
	// An object: a Crossref envelope, a map from DOIs to lists of works,
	// or a single item.
	s := cslSummary{keys: map[string]bool{}}
	for {
		t, err := dec.Token()
		if err != nil {
			break
		}
		key, ok := t.(string)
		if !ok {
			break
		}
		if key == "message-type" || key == "message" && len(s.keys) > 0 && s.keys["status"] {
			return "crossref"
		}
		if len(s.keys) == 0 && strings.HasPrefix(key, "10.") {
			if t, err := dec.Token(); err == nil && t == json.Delim('[') {
				return "crossref"
			}
			return ""
		}
		s.keys[key] = true
		if !cslSummarizeValue(dec, key, &s) {
			break
		}
	}
	return cslClassifyItem(s)
}

// cslSummarize reads the keys of an object whose '{' was read.
func cslSummarize(dec *json.Decoder) cslSummary {
	s := cslSummary{keys: map[string]bool{}}
	for {
		t, err := dec.Token()
		if err != nil {
			return s
		}
		key, ok := t.(string)
		if !ok {
			return s
		}
		s.keys[key] = true
		if !cslSummarizeValue(dec, key, &s) {
			return s
		}
	}
}

// cslSummarizeValue reads the value of key, noting what classifies an
// item. It returns false when the head ends.
func cslSummarizeValue(dec *json.Decoder, key string, s *cslSummary) bool {
	t, err := dec.Token()
	if err != nil {
		return false
	}
	switch key {
	case "type":
		s.typ, _ = t.(string)
	case "title":
		if d, ok := t.(json.Delim); ok {
			s.titleKind = d
		}
	case "author":
		if t == json.Delim('[') {
			t2, err := dec.Token()
			switch {
			case err != nil:
				return false
			case t2 == json.Delim(']'):
				return true
			case t2 == json.Delim('{'):
				s.authorSeq = cslSummarize(dec).keys["sequence"]
			case t2 == json.Delim('['):
				if !cslSkipRest(dec, 1) {
					return false
				}
			}
			return cslSkipRest(dec, 1)
		}
	}
	if d, ok := t.(json.Delim); ok && (d == '[' || d == '{') {
		return cslSkipRest(dec, 1)
	}
	return true
}

// cslSkipRest reads tokens until depth open arrays or objects are closed.
func cslSkipRest(dec *json.Decoder, depth int) bool {
	for depth > 0 {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		if d, ok := t.(json.Delim); ok {
			if d == '[' || d == '{' {
				depth++
			} else {
				depth--
			}
		}
	}
	return true
}

func cslClassifyItem(s cslSummary) string {
	k := s.keys
	for _, other := range []string{"authorships", "publication_year", "display_name", "put-code", "bulk"} {
		if k[other] {
			return "" // OpenAlex and ORCID records
		}
	}
	isItem := k["author"] || k["issued"] || k["title"]
	switch {
	case !isItem:
		return ""
	case k["message-type"]:
		return "crossref"
	case s.typ != "" && cslTypes[s.typ] && s.titleKind != '[':
		return "csljson"
	case k["DOI"] && (crossrefTypes[s.typ] || s.titleKind == '[' || s.authorSeq):
		return "crossref"
	case s.typ != "" && s.titleKind != '{':
		return "csljson"
	}
	return ""
}

// cslItem is one item of a file with the offset where it starts.
type cslItem struct {
	raw json.RawMessage
	off int
}

// cslRead reads a CSL-JSON or Crossref file. idKey is the field used as
// the paper's ID before the DOI ("id" for CSL-JSON, "" for Crossref).
func cslRead(r io.Reader, name string, opt *Options, idKey string) (*Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, 4*maxLine+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > 4*maxLine {
		return nil, fmt.Errorf("%s: JSON file longer than %d bytes: %w", name, 4*maxLine, ErrLimit)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	res := &Result{}
	items, perr := cslCollect(data, name)
	if perr != nil {
		if err := res.skip(opt, perr); err != nil {
			return nil, err
		}
	}
	lines := cslLines{data: data}
	var ids biblioIDs
	for i, it := range items {
		rec := i + 1
		line := lines.at(it.off)
		p, err := cslPaper(it.raw, idKey)
		if err != nil {
			perr := &ParseError{File: name, Line: line, Record: rec, Reason: "malformed item", Err: err}
			if err := res.skip(opt, perr); err != nil {
				return nil, err
			}
			continue
		}
		p.Origin = Origin{File: name, Line: line, Record: rec}
		if len(p.Authors) == 0 {
			biblioNoAuthors(res, p)
			continue
		}
		p.ID = ids.unique(p.ID, rec)
		res.Papers = append(res.Papers, *p)
	}
	return res, nil
}

// cslLines turns byte offsets, given in increasing order, into line numbers.
type cslLines struct {
	data      []byte
	off, line int
}

func (l *cslLines) at(off int) int {
	if l.line == 0 {
		l.line = 1
	}
	if off < l.off {
		l.off, l.line = 0, 1
	}
	off = min(off, len(l.data))
	l.line += bytes.Count(l.data[l.off:off], []byte("\n"))
	l.off = off
	return l.line
}

// cslCollect finds the items of a file: the elements of a top-level
// array, the items of a Crossref envelope, the works of a map from DOIs
// to lists of works, or a single object. A syntax error ends the search;
// the items before it are returned with the error.
func cslCollect(data []byte, name string) ([]cslItem, *ParseError) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, cslSyntax(data, name, err, dec)
	}
	if tok == json.Delim('[') {
		var items []cslItem
		for dec.More() {
			off := cslSkipSpace(data, int(dec.InputOffset()))
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return items, cslSyntax(data, name, err, dec)
			}
			items = append(items, cslItem{raw, off})
		}
		if _, err := dec.Token(); err != nil {
			return items, cslSyntax(data, name, err, dec)
		}
		return items, cslTrailing(data, name, dec)
	}
	if tok != json.Delim('{') {
		return nil, &ParseError{File: name, Line: 1, Reason: "not a JSON object or array",
			Err: fmt.Errorf("expected a JSON array of items or an object, got %v", tok)}
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, cslSyntax(data, name, err, nil)
	}
	find := cslFinder{data: data}
	if msg, ok := top["message"]; ok {
		if st := cslString(top["status"]); st != "" && st != "ok" {
			return nil, &ParseError{File: name, Line: 1, Reason: "error response",
				Err: fmt.Errorf("the Crossref response has status %q, not \"ok\": %.200s", st, msg)}
		}
		var inner map[string]json.RawMessage
		if json.Unmarshal(msg, &inner) == nil && inner["items"] != nil {
			return find.all(inner["items"]), nil
		}
		return []cslItem{find.one(msg)}, nil
	}
	if top["items"] != nil && top["author"] == nil {
		return find.all(top["items"]), nil
	}
	var items []cslItem
	doiMap := len(top) > 0
	for k, v := range top {
		if !strings.HasPrefix(k, "10.") || !bytes.HasPrefix(bytes.TrimSpace(v), []byte("[")) {
			doiMap = false
			break
		}
	}
	if !doiMap {
		return []cslItem{{json.RawMessage(data), cslSkipSpace(data, 0)}}, nil
	}
	// Keys in file order: the works are found by their place in the file.
	for _, v := range top {
		items = append(items, find.all(v)...)
	}
	sortItems(items)
	return items, nil
}

// sortItems orders items by their offset in the file.
func sortItems(items []cslItem) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].off < items[j-1].off; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

// cslFinder locates raw values in the file they were decoded from.
type cslFinder struct {
	data []byte
}

func (f cslFinder) one(raw json.RawMessage) cslItem {
	off := bytes.Index(f.data, raw)
	return cslItem{raw, max(off, 0)}
}

func (f cslFinder) all(list json.RawMessage) []cslItem {
	var raws []json.RawMessage
	if err := json.Unmarshal(list, &raws); err != nil {
		return []cslItem{f.one(list)} // reported as a malformed item
	}
	base := max(bytes.Index(f.data, list), 0)
	var items []cslItem
	pos := base
	for _, raw := range raws {
		off := pos
		if i := bytes.Index(f.data[pos:], raw); i >= 0 {
			off = pos + i
			pos = off + len(raw)
		}
		items = append(items, cslItem{raw, off})
	}
	return items
}

func cslSkipSpace(data []byte, off int) int {
	for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return off
}

// cslSyntax turns a JSON decoding error into a ParseError with its line.
func cslSyntax(data []byte, name string, err error, dec *json.Decoder) *ParseError {
	off := len(data)
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case dec != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF):
		off = int(dec.InputOffset())
	}
	l := cslLines{data: data}
	reason := "malformed JSON"
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		reason = "truncated JSON"
		err = fmt.Errorf("file ends inside a JSON value: it may be truncated")
	}
	return &ParseError{File: name, Line: l.at(off), Reason: reason, Err: err}
}

// cslTrailing reports text after the top-level array.
func cslTrailing(data []byte, name string, dec *json.Decoder) *ParseError {
	if _, err := dec.Token(); err == io.EOF {
		return nil
	}
	l := cslLines{data: data}
	return &ParseError{File: name, Line: l.at(int(dec.InputOffset())), Reason: "malformed JSON",
		Err: fmt.Errorf("unexpected text after the top-level array")}
}

// cslPaper turns one CSL-JSON or Crossref item into a paper.
func cslPaper(raw json.RawMessage, idKey string) (*Paper, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, fmt.Errorf("expected a JSON object for an item, got %.40s", raw)
	}
	p := &Paper{
		Title:    cslText(cslString(m["title"])),
		Venue:    cslText(cslString(m["container-title"])),
		DOI:      NormalizeDOI(cslString(m["DOI"])),
		Abstract: cslText(cslString(m["abstract"])),
	}
	if p.Venue == "" {
		p.Venue = cslInstitution(m["institution"])
	}
	if list, ok := m["author"]; ok && string(list) != "null" {
		var authors []map[string]json.RawMessage
		if err := json.Unmarshal(list, &authors); err != nil {
			return nil, fmt.Errorf("expected \"author\" to be an array of name objects: %v", err)
		}
		for _, a := range authors {
			if au, ok := cslAuthor(a); ok {
				p.Authors = append(p.Authors, au)
			}
		}
	}
	for _, k := range []string{"issued", "published-print", "published-online", "published", "posted", "created"} {
		if d := cslDate(m[k]); d.Year != 0 {
			p.Date = d
			break
		}
	}
	p.Keywords = cslKeywords(m["keyword"], m["subject"])
	if idKey != "" {
		p.ID = cslString(m[idKey])
	}
	if p.ID == "" {
		p.ID = p.DOI
	}
	p.ArXiv = biblioArXivFromDOI(p.DOI)
	if p.ArXiv == "" {
		p.ArXiv = biblioArXiv(cslString(m["URL"]))
	}
	return p, nil
}

// cslAuthor reads a CSL or Crossref name object.
func cslAuthor(a map[string]json.RawMessage) (Author, bool) {
	name := cslString(a["literal"])
	if name == "" {
		name = cslString(a["name"])
	}
	if name == "" {
		var parts []string
		for _, k := range []string{"given", "dropping-particle", "non-dropping-particle", "family", "suffix"} {
			if v := cslString(a[k]); v != "" {
				parts = append(parts, v)
			}
		}
		name = strings.Join(parts, " ")
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return Author{}, false
	}
	au := Author{Name: name}
	if id := pubmedORCID.FindString(cslString(a["ORCID"])); id != "" {
		au.IDs = []string{"orcid:" + id}
	}
	var affs []map[string]json.RawMessage
	if json.Unmarshal(a["affiliation"], &affs) == nil {
		var names []string
		for _, af := range affs {
			if n := cslString(af["name"]); n != "" {
				names = append(names, n)
			}
		}
		au.Affiliation = strings.Join(names, "; ")
	}
	return au, true
}

// cslInstitution returns the first name in a Crossref "institution" list,
// where preprint servers put their name.
func cslInstitution(raw json.RawMessage) string {
	var list []map[string]json.RawMessage
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
		return cslString(list[0]["name"])
	}
	return ""
}

// cslString returns a JSON string, the first string of an array, or a
// number as text; "" for anything else.
func cslString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return strings.TrimSpace(s)
		}
	case '[':
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			for _, e := range list {
				if s := cslString(e); s != "" {
					return s
				}
			}
		}
	default:
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			return n.String()
		}
	}
	return ""
}

// cslDate reads {"date-parts": [[y, m, d]]}, whose parts may be numbers or
// strings, or a "raw" or "literal" date string.
func cslDate(raw json.RawMessage) Date {
	var v struct {
		Parts   [][]json.RawMessage `json:"date-parts"`
		Raw     json.RawMessage     `json:"raw"`
		Literal json.RawMessage     `json:"literal"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return Date{}
	}
	if len(v.Parts) > 0 && len(v.Parts[0]) > 0 {
		var n [3]int
		for i := 0; i < len(v.Parts[0]) && i < 3; i++ {
			n[i], _ = strconv.Atoi(cslString(v.Parts[0][i]))
		}
		d := Date{Year: n[0]}
		if n[1] >= 1 && n[1] <= 12 {
			d.Month = n[1]
			if n[2] >= 1 && n[2] <= 31 {
				d.Day = n[2]
			}
		}
		if d.Year > 0 {
			return d
		}
	}
	if s := cslString(v.Raw); s != "" {
		return biblioParseDate(s)
	}
	return biblioParseDate(cslString(v.Literal))
}

// cslKeywords reads CSL "keyword" (one string, comma-separated) and
// Crossref "subject" (an array of strings).
func cslKeywords(raws ...json.RawMessage) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	for _, raw := range raws {
		var list []string
		var one string
		switch {
		case json.Unmarshal(raw, &list) == nil:
			for _, s := range list {
				add(s)
			}
		case json.Unmarshal(raw, &one) == nil:
			for _, s := range strings.Split(one, ",") {
				add(s)
			}
		}
	}
	return out
}

var (
	cslBlockEnd = regexp.MustCompile(`(?i)</(?:jats:)?(?:p|title|sec)>`)
	cslTag      = regexp.MustCompile(`<[^<>]*>`)
	cslAbsHead  = regexp.MustCompile(`(?i)^abstract\s*\n`)
)

// cslText removes JATS or HTML markup: block ends become line breaks,
// other tags are dropped, entities decoded, a leading "Abstract" heading
// removed and spaces collapsed within lines.
func cslText(s string) string {
	if !strings.Contains(s, "<") && !strings.Contains(s, "&") {
		return s
	}
	s = cslBlockEnd.ReplaceAllString(s, "\n")
	s = cslTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	s = strings.Join(lines, "\n")
	return cslAbsHead.ReplaceAllString(s, "")
}
