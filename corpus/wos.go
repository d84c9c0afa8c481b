package corpus

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Web of Science exports records in two layouts that share one set of
// two-character field tags.
//
// The plain-text layout ("wos") writes one field per line, continuation
// lines indented by three spaces, ER after each record and EF at the end
// of the file:
//
//	FN Clarivate Analytics Web of Science
//	VR 1.0
//	PT J
//	AU Marghetis, T
//	   Nunez, R
//	AF Marghetis, Tyler
//	   Nunez, Rafael
//	...
//	UT WOS:000345678900001
//	ER
//
//	EF
//
// The tab-delimited layout ("wostab") has a header line naming the tags
// ("PT\tAU\tBA\t...") and one record per line, several values of a field
// separated by "; ". It is often UTF-16 with a byte-order mark.
//
// AF (full names, "Nunez, Rafael") is preferred to AU ("Nunez, R") for
// display. OI ("Name/0000-0001-...") and RI ("Name/ABC-1234-2010") are
// matched to the authors by name and become "orcid:" and "wos:" IDs.
// C1 lines of the form "[Author A; Author B] Affiliation" give the
// affiliations of the authors named in brackets; C1 lines without
// brackets are the affiliations of the paper as a whole.

func init() {
	register(format{name: "wos", exts: []string{".isi", ".ciw"}, sniff: sniffWoS, read: readWoS})
	register(format{name: "wostab", sniff: sniffWoSTab, read: readWoSTab})
}

// wosLine matches a tagged line: a letter, a letter or digit, a space.
var wosLine = regexp.MustCompile(`^([A-Z][A-Z0-9])(?: (.*))?$`)

func sniffWoS(head []byte) bool {
	var tags []string
	for _, l := range biblioHeadLines(head, 40) {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(l) < 3 || l[2] != ' ' || !wosLine.MatchString(l) {
			break
		}
		tags = append(tags, l[:2])
		if len(tags) == 4 {
			break
		}
	}
	has := func(t string) bool {
		for _, x := range tags {
			if x == t {
				return true
			}
		}
		return false
	}
	switch {
	case len(tags) == 0:
		return false
	case tags[0] == "FN":
		return has("VR") || has("PT")
	case tags[0] == "PT":
		return has("AU") || has("AF") || has("TI")
	}
	return false
}

func sniffWoSTab(head []byte) bool {
	lines := biblioHeadLines(head, 1)
	if len(lines) == 0 {
		return false
	}
	cols := strings.Split(lines[0], "\t")
	return len(cols) > 3 && cols[0] == "PT" && cols[1] == "AU" && strings.Contains(lines[0], "\tTI\t")
}

// wosFields holds one record: the values of each tag, one entry per line
// (plain text) or per "; "-separated item (tab-delimited).
type wosFields map[string][]string

// wosState is the reader of a plain-text file between lines.
type wosState struct {
	res    *Result
	opt    *Options
	name   string
	ids    biblioIDs
	fields wosFields
	last   string // tag of the last field, for continuation lines
	start  int    // line of the open record's first tag, 0 when none
	bad    bool   // the open record has a malformed line
	rec    int
}

func readWoS(r io.Reader, name string, opt *Options) (*Result, error) {
	lr, err := biblioNewLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &wosState{res: &Result{}, opt: opt, name: name}
	ended := false
	for !ended && lr.scan() {
		line, n := lr.text, lr.n
		if err := s.line(line, n, &ended); err != nil {
			return nil, err
		}
	}
	if err := lr.err(); err != nil {
		return nil, &ParseError{File: name, Line: lr.n + 1, Err: err}
	}
	if s.start != 0 {
		s.rec++
		perr := &ParseError{File: name, Line: lr.n, Record: s.rec, Reason: "truncated record",
			Err: fmt.Errorf("file ends inside the record started at line %d: expected an ER line", s.start)}
		if err := s.res.skip(opt, perr); err != nil {
			return nil, err
		}
	}
	if !ended {
		perr := &ParseError{File: name, Line: lr.n, Record: s.rec, Reason: "missing EF",
			Err: fmt.Errorf("file ends after line %d without the EF line that closes a Web of Science export: it may be truncated", lr.n)}
		if opt == nil || !opt.Lenient {
			return nil, perr
		}
		s.res.warnf("%v", perr)
	}
	return s.res, nil
}

// line handles one line of a plain-text file.
func (s *wosState) line(line string, n int, ended *bool) error {
	switch {
	case strings.TrimSpace(line) == "":
		return nil
	case strings.HasPrefix(line, "   ") || strings.HasPrefix(line, "\t"):
		if s.start != 0 && s.last != "" {
			s.fields[s.last] = append(s.fields[s.last], strings.TrimSpace(line))
			return nil
		}
		return s.fail(n, "continuation outside a record",
			fmt.Errorf("indented line outside a record: expected a field tag, got %q", biblioClip(line)))
	}
	m := wosLine.FindStringSubmatch(line)
	if m == nil {
		return s.fail(n, "malformed line",
			fmt.Errorf("expected a two-character field tag, a space and a value, got %q", biblioClip(line)))
	}
	tag, value := m[1], strings.TrimSpace(m[2])
	switch {
	case tag == "ER":
		if s.start == 0 {
			return s.fail(n, "ER outside a record", fmt.Errorf("ER line without a record before it"))
		}
		s.finish()
	case tag == "EF":
		if s.start != 0 {
			return s.fail(n, "missing ER",
				fmt.Errorf("EF line inside the record started at line %d: expected an ER line first", s.start))
		}
		*ended = true
	case s.start == 0 && (tag == "FN" || tag == "VR"):
		// File header.
	default:
		if s.start == 0 {
			if tag != "PT" {
				return s.fail(n, "record without PT",
					fmt.Errorf("expected a PT line to start a record, got %q", biblioClip(line)))
			}
			s.start, s.fields, s.bad = n, wosFields{}, false
		}
		s.last = tag
		s.fields[tag] = append(s.fields[tag], value)
	}
	return nil
}

// fail reports a malformed line. In lenient mode the record holding it is
// dropped when its ER is reached; a stray line outside a record is
// counted on its own.
func (s *wosState) fail(n int, reason string, err error) error {
	if s.start != 0 && s.bad {
		return nil // the record is already counted as bad
	}
	perr := &ParseError{File: s.name, Line: n, Record: s.rec + 1, Reason: reason, Err: err}
	if e := s.res.skip(s.opt, perr); e != nil {
		return e
	}
	if s.start != 0 {
		s.bad = true
	}
	return nil
}

// finish closes the open record at its ER line.
func (s *wosState) finish() {
	s.rec++
	start := s.start
	s.start, s.last = 0, ""
	if s.bad {
		return
	}
	p := wosRecord(s.fields)
	p.Origin = Origin{File: s.name, Line: start, Record: s.rec}
	if len(p.Authors) == 0 {
		biblioNoAuthors(s.res, p)
		return
	}
	p.ID = s.ids.unique(p.ID, s.rec)
	s.res.Papers = append(s.res.Papers, *p)
}

func readWoSTab(r io.Reader, name string, opt *Options) (*Result, error) {
	lr, err := biblioNewLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	res := &Result{}
	if !lr.scan() {
		return nil, &ParseError{File: name, Line: 1, Err: fmt.Errorf("empty file: expected a header line of field tags")}
	}
	header := strings.Split(lr.text, "\t")
	var ids biblioIDs
	rec := 0
	for lr.scan() {
		if strings.TrimSpace(lr.text) == "" {
			continue
		}
		rec++
		cols := strings.Split(lr.text, "\t")
		if len(cols) > len(header) && strings.TrimSpace(strings.Join(cols[len(header):], "")) != "" {
			perr := &ParseError{File: name, Line: lr.n, Record: rec, Reason: "too many columns",
				Err: fmt.Errorf("expected at most %d tab-separated columns as in the header, got %d", len(header), len(cols))}
			if err := res.skip(opt, perr); err != nil {
				return nil, err
			}
			continue
		}
		f := wosFields{}
		for i, v := range cols {
			if i >= len(header) || strings.TrimSpace(v) == "" {
				continue
			}
			f[strings.TrimSpace(header[i])] = wosSplitTab(header[i], v)
		}
		p := wosRecord(f)
		p.Origin = Origin{File: name, Line: lr.n, Record: rec}
		if len(p.Authors) == 0 {
			biblioNoAuthors(res, p)
			continue
		}
		p.ID = ids.unique(p.ID, rec)
		res.Papers = append(res.Papers, *p)
	}
	if err := lr.err(); err != nil {
		return nil, &ParseError{File: name, Line: lr.n + 1, Err: err}
	}
	return res, nil
}

// wosSplitTab splits a tab-delimited cell into the entries the plain-text
// layout writes on separate lines.
func wosSplitTab(tag, v string) []string {
	v = strings.TrimSpace(v)
	switch tag {
	case "AU", "AF", "BA", "BF":
		return strings.Split(v, "; ")
	case "C1":
		return wosSplitOutside(v)
	}
	return []string{v}
}

// wosSplitOutside splits at the semicolons that are not inside brackets.
func wosSplitOutside(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// wosRecord builds a paper from the fields of one record.
func wosRecord(f wosFields) *Paper {
	join := func(tag string) string { return strings.Join(f[tag], " ") }
	p := &Paper{
		Title:    join("TI"),
		Venue:    join("SO"),
		Abstract: strings.Join(f["AB"], "\n"),
		DOI:      NormalizeDOI(join("DI")),
		ID:       join("UT"),
	}
	raw := f["AF"]
	if len(raw) == 0 {
		raw = f["AU"]
	}
	if len(raw) == 0 {
		// Books list their authors in BA/BF.
		if raw = f["BF"]; len(raw) == 0 {
			raw = f["BA"]
		}
	}
	for _, n := range raw {
		if n = strings.TrimSpace(n); n != "" && n != "[Anonymous]" {
			p.Authors = append(p.Authors, Author{Name: DisplayName(n)})
		}
	}
	p.Date = biblioParseDate(join("PY"))
	if p.Date.Year == 0 {
		p.Date = biblioParseDate(join("EA"))
	}
	if pd := biblioParseDate("2000 " + join("PD")); p.Date.Year != 0 && pd.Month != 0 {
		p.Date.Month, p.Date.Day = pd.Month, pd.Day
	}
	seen := map[string]bool{}
	for _, tag := range []string{"DE", "ID"} {
		for _, k := range strings.Split(join(tag), ";") {
			if k = strings.TrimSpace(k); k != "" && !seen[strings.ToLower(k)] {
				seen[strings.ToLower(k)] = true
				p.Keywords = append(p.Keywords, k)
			}
		}
	}
	p.ArXiv = biblioArXivFromDOI(p.DOI)
	wosIdentifiers(p.Authors, join("OI"), "orcid:")
	wosIdentifiers(p.Authors, join("RI"), "wos:")
	p.Affiliation = wosAffiliations(p.Authors, f["C1"])
	return p
}

// wosIdentifiers gives the authors the identifiers of a list such as
// "Kaiser, Robin/0000-0001-5194-3680; Smith, J/0000-...", matched by name.
func wosIdentifiers(authors []Author, list, scheme string) {
	for _, item := range strings.Split(list, ";") {
		k := strings.LastIndex(item, "/")
		if k < 0 {
			continue
		}
		who, id := strings.TrimSpace(item[:k]), strings.TrimSpace(item[k+1:])
		if id == "" {
			continue
		}
		if i := wosMatch(authors, who); i >= 0 {
			authors[i].IDs = append(authors[i].IDs, scheme+id)
		}
	}
}

// wosMatch returns the index of the author named who ("Last, First"), or
// -1. A full match of the name wins; otherwise the family name and the
// first initial must agree, and only one author may fit.
func wosMatch(authors []Author, who string) int {
	want := Key(DisplayName(who))
	// Some lists write the name the wrong way round ("Given, FAMILY").
	last, first, _ := strings.Cut(who, ",")
	swapped := Key(last + " " + first)
	for i, a := range authors {
		if k := Key(a.Name); k == want || k == swapped {
			return i
		}
	}
	family, initial := wosFamilyInitial(who)
	if family == "" {
		return -1
	}
	found := -1
	for i, a := range authors {
		f, in := wosFamilyInitialDisplay(a.Name)
		if f == family && (in == initial || in == "" || initial == "") {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// wosFamilyInitial returns the keyed family name and first initial of a
// "Last, First" name.
func wosFamilyInitial(s string) (string, string) {
	last, first, ok := strings.Cut(s, ",")
	if !ok {
		return "", ""
	}
	return Key(last), wosInitial(first)
}

// wosFamilyInitialDisplay does the same for a display name ("First Last"):
// the last word is taken as the family name.
func wosFamilyInitialDisplay(s string) (string, string) {
	w := strings.Fields(s)
	if len(w) == 0 {
		return "", ""
	}
	return Key(w[len(w)-1]), wosInitial(strings.Join(w[:len(w)-1], " "))
}

func wosInitial(s string) string {
	k := Key(s)
	for _, r := range k {
		return string(r)
	}
	return ""
}

// TODO: a record whose CR tag line is missing (metaknowledge-testFile.isi,
// first record) lets the cited references continue the C1 field, so they
// end up in the paper's affiliation; lines shaped like citations ("Name,
// year, ...") could be recognised and dropped.

// wosAffiliations gives authors the affiliations of C1 entries of the form
// "[A; B] Affiliation" and returns the entries without brackets, joined
// with "; ", as the affiliation of the paper.
func wosAffiliations(authors []Author, c1 []string) string {
	var whole []string
	for _, e := range c1 {
		e = strings.TrimSpace(e)
		if !strings.HasPrefix(e, "[") {
			if e != "" {
				whole = append(whole, e)
			}
			continue
		}
		end := strings.Index(e, "]")
		if end < 0 {
			whole = append(whole, e)
			continue
		}
		affil := strings.TrimSpace(e[end+1:])
		for _, who := range strings.Split(e[1:end], ";") {
			i := wosMatch(authors, strings.TrimSpace(who))
			if i < 0 || affil == "" || strings.Contains(authors[i].Affiliation, affil) {
				continue
			}
			if authors[i].Affiliation != "" {
				authors[i].Affiliation += "; "
			}
			authors[i].Affiliation += affil
		}
	}
	return strings.Join(whole, "; ")
}
