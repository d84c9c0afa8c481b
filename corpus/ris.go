package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The RIS format is the tagged text that reference managers exchange:
//
//	TY  - JOUR
//	AU  - Marx, Karl
//	PY  - 2014
//	TI  - Title of reference
//	ER  -
//
// Each line holds a two-character tag, two spaces, a hyphen, a space and
// the value. TY starts a record and ER ends it; the other tags come in any
// order. A line without a tag continues the value of the tag before it.
//
// AU and A1 are the authors. A2 (editors or the secondary title's
// authors), A3 (series editors) and A4 (translators, subsidiary authors)
// are not: editing a volume is not writing its papers together. Only a
// record with no AU or A1 at all, an edited book for example, takes its
// A2 names as its authors.

func init() {
	register(format{
		name:  "ris",
		exts:  []string{".ris"},
		sniff: sniffRIS,
		read:  readRIS,
	})
}

// risTag matches a tagged line. The standard writes two spaces before the
// hyphen and one after; exporters drop the space after an empty value and
// some write a single space before the hyphen.
var risTag = regexp.MustCompile(`^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$`)

func sniffRIS(head []byte) bool {
	for _, line := range biblioHeadLines(head, 200) {
		if strings.HasPrefix(line, "TY  - ") {
			return true
		}
	}
	return false
}

// risField is one tag and its value, with the line it started on.
type risField struct {
	tag, value string
	line       int
}

func readRIS(r io.Reader, name string, opt *Options) (*Result, error) {
	lr, err := biblioNewLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	res := &Result{}
	ids := biblioIDs{}
	var (
		fields []risField
		start  int  // line of the open record's TY, 0 when none is open
		stray  bool // a tag outside any record was already reported
		rec    int
	)
	for lr.scan() {
		line, n := lr.text, lr.n
		m := risTag.FindStringSubmatch(line)
		switch {
		case m == nil && start == 0:
			// Text between records, such as "1." numbering: ignored.
		case m == nil:
			if strings.TrimSpace(line) != "" && len(fields) > 0 {
				risContinue(&fields[len(fields)-1], line)
			}
		case m[1] == "TY":
			if start != 0 {
				rec++
				perr := &ParseError{File: name, Line: n, Record: rec, Reason: "missing ER",
					Err: fmt.Errorf("record started at line %d has no ER line before the next TY", start)}
				if err := res.skip(opt, perr); err != nil {
					return nil, err
				}
			}
			start, stray = n, false
			fields = append(fields[:0], risField{"TY", strings.TrimSpace(m[2]), n})
		case start == 0:
			if !stray {
				stray = true
				perr := &ParseError{File: name, Line: n, Record: rec + 1, Reason: "tag outside a record",
					Err: fmt.Errorf("expected \"TY  - \" to start a record, got %q", biblioClip(line))}
				if err := res.skip(opt, perr); err != nil {
					return nil, err
				}
			}
		case m[1] == "ER":
			rec++
			risFinish(res, risRecord(fields, name, start, rec), &ids)
			start = 0
		default:
			fields = append(fields, risField{m[1], strings.TrimSpace(m[2]), n})
		}
	}
	if err := lr.err(); err != nil {
		return nil, &ParseError{File: name, Line: lr.n + 1, Err: err}
	}
	if start != 0 {
		rec++
		perr := &ParseError{File: name, Line: lr.n, Record: rec, Reason: "truncated record",
			Err: fmt.Errorf("file ends inside the record started at line %d: expected an ER line", start)}
		if err := res.skip(opt, perr); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// risFinish adds a finished record to the result, or counts it when it
// has no authors.
func risFinish(res *Result, p *Paper, ids *biblioIDs) {
	if len(p.Authors) == 0 {
		biblioNoAuthors(res, p)
		return
	}
	p.ID = ids.unique(p.ID, p.Origin.Record)
	res.Papers = append(res.Papers, *p)
}

// risContinue appends a continuation line to a field. A continued KW line
// is a further keyword, as reference managers write one per line.
func risContinue(f *risField, line string) {
	line = strings.TrimSpace(line)
	switch {
	case f.tag == "KW":
		f.value += "\n" + line
	case f.tag == "AB" || f.tag == "N2":
		f.value += "\n" + line
	case f.value == "":
		f.value = line
	default:
		f.value += " " + line
	}
}

// risRecord builds a paper from the fields of one record.
func risRecord(fields []risField, name string, line, rec int) *Paper {
	p := &Paper{Origin: Origin{File: name, Line: line, Record: rec}}
	first := map[string]string{}
	var editors []Author
	var dates []string
	for _, f := range fields {
		v := f.value
		if v == "" {
			continue
		}
		if _, ok := first[f.tag]; !ok {
			first[f.tag] = v
		}
		switch f.tag {
		case "AU", "A1":
			p.Authors = append(p.Authors, Author{Name: risName(v)})
		case "A2":
			editors = append(editors, Author{Name: risName(v)})
		case "KW":
			for _, k := range strings.Split(v, "\n") {
				if k = strings.TrimSpace(k); k != "" {
					p.Keywords = append(p.Keywords, k)
				}
			}
		case "PY", "Y1", "DA":
			dates = append(dates, v)
		case "UR", "L1", "L2", "L3", "LK":
			if p.ArXiv == "" {
				p.ArXiv = biblioArXiv(v)
			}
			if first["DO"] == "" && p.DOI == "" {
				p.DOI = NormalizeDOI(v)
			}
		}
	}
	if len(p.Authors) == 0 {
		p.Authors = editors
	}
	p.Date = biblioBestDate(dates)
	p.Title = biblioFirst(first, "TI", "T1", "CT")
	if p.Title == "" && (first["TY"] == "BOOK" || first["TY"] == "EDBOOK") {
		p.Title = first["BT"]
	}
	p.Venue = biblioFirst(first, "JF", "T2", "JO", "J2", "JA")
	if p.Venue == "" && p.Title != first["BT"] {
		p.Venue = first["BT"]
	}
	p.Abstract = biblioFirst(first, "AB", "N2")
	if d := NormalizeDOI(first["DO"]); d != "" {
		p.DOI = d
	}
	if p.ArXiv == "" {
		p.ArXiv = biblioArXivFromDOI(p.DOI)
	}
	p.ID = biblioFirst(first, "ID")
	if p.ID == "" {
		p.ID = p.DOI
	}
	return p
}

// risName turns an RIS name, "Last, First" or "Last, First, Suffix", into
// display order.
//
// TODO: names written without a comma in family-first order, as some
// database exports do ("Fanning E."), are kept as written, since they
// cannot be told from "Given Family" names reliably.
func risName(s string) string {
	parts := strings.Split(s, ",")
	if len(parts) == 3 {
		// RIS puts the suffix last; DisplayName expects it in the middle.
		parts[1], parts[2] = parts[2], parts[1]
		s = strings.Join(parts, ",")
	}
	return DisplayName(s)
}

// ---- helpers shared by the bibliographic readers (RIS, CSL-JSON, Web of
// Science, PubMed, Crossref) ----

// biblioIDs makes paper IDs unique within a file.
type biblioIDs map[string]int

// unique returns id, or id with "_2", "_3"... appended when it was seen
// before. An empty id becomes "rec" and the record index.
func (u *biblioIDs) unique(id string, rec int) string {
	if *u == nil {
		*u = biblioIDs{}
	}
	if id == "" {
		id = "rec" + strconv.Itoa(rec)
	}
	base := id
	for (*u)[id] > 0 {
		(*u)[base]++
		id = base + "_" + strconv.Itoa((*u)[base])
	}
	(*u)[id]++
	return id
}

// biblioNoAuthors counts a well-formed record that names no author. It
// adds nothing to a co-authorship graph, so it is left out in both strict
// and lenient mode, counted under "no authors" and named in a warning.
func biblioNoAuthors(res *Result, p *Paper) {
	if res.Skipped == nil {
		res.Skipped = make(map[string]int)
	}
	res.Skipped["no authors"]++
	what := "record"
	if p.Title != "" {
		what = fmt.Sprintf("record %q", biblioClip(p.Title))
	}
	res.warnf("%s: %s left out: %v", p.Origin, what, ErrNoAuthors)
}

// biblioFirst returns the first non-empty value among the given tags.
func biblioFirst(m map[string]string, tags ...string) string {
	for _, t := range tags {
		if v := strings.TrimSpace(m[t]); v != "" {
			return v
		}
	}
	return ""
}

// biblioClip shortens s for an error message.
func biblioClip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

var (
	biblioArXivURL = regexp.MustCompile(`(?i)arxiv\.org/(?:abs|pdf)/([a-z\-]+(?:\.[A-Z]{2})?/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?`)
	biblioArXivDOI = regexp.MustCompile(`^10\.48550/arxiv\.(.+?)(?:v\d+)?$`)
	biblioYearRE   = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)
	biblioMonths   = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

// biblioArXiv returns the arXiv identifier, without version, in an
// arxiv.org address, or "".
func biblioArXiv(s string) string {
	if m := biblioArXivURL.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// biblioArXivFromDOI returns the arXiv identifier of an arXiv DOI
// (10.48550/arXiv.2301.12594), or "".
func biblioArXivFromDOI(doi string) string {
	if m := biblioArXivDOI.FindStringSubmatch(doi); m != nil {
		return m[1]
	}
	return ""
}

// biblioParseDate reads a date written as "2018/03/01/", "2014//",
// "2020 Feb 15", "2009-05", "AUG 15 2002" or any text holding a year.
// Numbers after the year are the month and the day; a month may also be
// named by its first three letters anywhere in the text.
func biblioParseDate(s string) Date {
	loc := biblioYearRE.FindStringIndex(s)
	if loc == nil {
		return Date{}
	}
	var d Date
	d.Year, _ = strconv.Atoi(s[loc[0]:loc[1]])
	rest := strings.FieldsFunc(s[loc[1]:], func(r rune) bool {
		return r == '/' || r == '-' || r == ' ' || r == ',' || r == '.'
	})
	if len(rest) > 0 {
		if m, err := strconv.Atoi(rest[0]); err == nil && m >= 1 && m <= 12 {
			d.Month = m
			if len(rest) > 1 {
				if day, err := strconv.Atoi(rest[1]); err == nil && day >= 1 && day <= 31 {
					d.Day = day
				}
			}
			return d
		}
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for i, w := range words {
		if len(w) < 3 || biblioMonths[w[:3]] == 0 || strings.ContainsAny(w, "0123456789") {
			continue
		}
		d.Month = biblioMonths[w[:3]]
		if i+1 < len(words) && len(words[i+1]) <= 2 {
			if day, err := strconv.Atoi(words[i+1]); err == nil && day >= 1 && day <= 31 {
				d.Day = day
			}
		}
		break
	}
	return d
}

// biblioBestDate returns the first date that has a year, completed with
// the month and day of a later one of the same year.
func biblioBestDate(dates []string) Date {
	var best Date
	for _, s := range dates {
		d := biblioParseDate(s)
		switch {
		case d.Year == 0:
		case best.Year == 0:
			best = d
		case d.Year == best.Year && best.Month == 0 && d.Month != 0:
			best.Month, best.Day = d.Month, d.Day
		}
	}
	return best
}

// biblioHeadLines returns up to max lines of the start of a file, without
// a byte-order mark and carriage returns; UTF-16 text is decoded.
func biblioHeadLines(head []byte, max int) []string {
	head = biblioUTF16(head)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	var out []string
	for len(head) > 0 && len(out) < max {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			i = len(head)
		}
		out = append(out, strings.TrimRight(string(head[:i]), "\r"))
		if i == len(head) {
			break
		}
		head = head[i+1:]
	}
	return out
}

// biblioUTF16 converts text that starts with a UTF-16 byte-order mark to
// UTF-8; other text is returned as it is. An odd last byte is dropped.
func biblioUTF16(b []byte) []byte {
	if len(b) < 2 {
		return b
	}
	var big bool
	switch {
	case b[0] == 0xff && b[1] == 0xfe:
	case b[0] == 0xfe && b[1] == 0xff:
		big = true
	default:
		return b
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// biblioLines reads a file line by line, numbering the lines from 1,
// without the byte-order mark and the carriage return of CRLF endings.
// A UTF-16 file is decoded first.
type biblioLines struct {
	sc   *bufio.Scanner
	text string
	n    int
}

func biblioNewLines(r io.Reader) (*biblioLines, error) {
	br := bufio.NewReader(r)
	bom, _ := br.Peek(2)
	var src io.Reader = br
	if len(bom) == 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		// TODO: UTF-16 input is decoded whole in memory; exports in
		// UTF-16 are small enough, but a streaming decoder would be kinder.
		all, err := io.ReadAll(io.LimitReader(br, 4*maxLine+1))
		if err != nil {
			return nil, err
		}
		if len(all) > 4*maxLine {
			return nil, fmt.Errorf("UTF-16 text longer than %d bytes: %w", 4*maxLine, ErrLimit)
		}
		src = bytes.NewReader(biblioUTF16(all))
	}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	return &biblioLines{sc: sc}, nil
}

func (l *biblioLines) scan() bool {
	if !l.sc.Scan() {
		return false
	}
	l.n++
	l.text = strings.TrimRight(l.sc.Text(), "\r")
	if l.n == 1 {
		l.text = strings.TrimPrefix(l.text, "\ufeff")
	}
	return true
}

func (l *biblioLines) err() error {
	err := l.sc.Err()
	if errors.Is(err, bufio.ErrTooLong) {
		return fmt.Errorf("%w: a line longer than %d bytes", ErrLimit, maxLine)
	}
	return err
}
