package corpus

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// The BibTeX reader accepts BibTeX and biblatex databases:
//
//	@string{acm = "Comm. ACM"}
//	@article{knuth84,
//	  author  = {Knuth, Donald E. and {The {\TeX} Users Group}},
//	  title   = "Literate Programming",
//	  journal = acm # { (special issue)},
//	  year    = 1984, month = may,
//	}
//
// Entries are delimited by braces or parentheses; values are braced
// (nested), quoted, bare numbers or macro names, joined with "#". @string
// defines a macro (names are case-insensitive, jan..dec are predefined),
// @comment and @preamble are skipped and text outside entries is ignored,
// including "%" comment lines.
//
// Each entry other than @string, @comment and @preamble is one paper,
// also when it has no author: an entry without authors (a proceedings
// volume, a manual) is kept with an empty author list so that counts
// match the file, and one warning says how many there were. Editors,
// translators and book authors are not authors of the entry. The citation
// key is the paper's ID; a key seen again gets "-2", "-3" appended.
//
// A field missing from an entry that names another with crossref is taken
// from that entry for the date and the venue; the title of the
// cross-referenced entry is the venue when it has no journal or
// booktitle. Authors are never inherited.
//
// The file is read into memory whole: a file larger than 1 GiB, or with
// a line longer than 16 MiB, is refused with [ErrLimit].

func init() {
	register(format{
		name:  "bibtex",
		exts:  []string{".bib", ".bibtex"},
		sniff: sniffBibTeX,
		read:  readBibTeX,
	})
}

// bibMaxDepth is the deepest brace nesting accepted in a field value.
const bibMaxDepth = 1000

// bibMonths holds the predefined month macros.
var bibMonths = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// bibMonthNumber maps the first three letters of an English month name
// to its number.
var bibMonthNumber = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// sniffBibTeX reports whether head starts, after blank and "%" comment
// lines, with "@word{" or "@word(".
func sniffBibTeX(head []byte) bool {
	s := string(head)
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if !strings.HasPrefix(s, "%") {
			break
		}
		k := strings.IndexByte(s, '\n')
		if k < 0 {
			return false
		}
		s = s[k+1:]
	}
	if !strings.HasPrefix(s, "@") {
		return false
	}
	i := 1
	for i < len(s) && bibIsTypeChar(s[i]) {
		i++
	}
	if i == 1 {
		return false
	}
	s = strings.TrimLeft(s[i:], " \t\r\n")
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "(")
}

// bibEntry is one entry as written: the field values are macro-expanded
// but still hold their LaTeX markup and inner braces.
type bibEntry struct {
	typ, key string
	fields   map[string]string
	line     int
}

// bibParser reads a whole BibTeX file held in memory.
type bibParser struct {
	src    []byte
	pos    int
	name   string
	lines  []int   // offsets at which lines start
	match  []int32 // for each '{', the offset of its '}', or -1
	macros map[string]string
	res    *Result
}

// readBibTeX refuses, with [ErrLimit], a line longer than maxLine and a
// file larger than maxBibTeX.
//
// TODO: the whole file is held in memory with four bytes of brace
// matching per input byte (about 24 MB for the 4.7 MB geom.bib; a
// 50 MB file of 78,000 entries takes 690 MB from the system and
// allocates 1 GB in all), which is why a file is bounded by maxBibTeX;
// a streaming parser would need the lookahead to be bounded instead.
func readBibTeX(r io.Reader, name string, opt *Options) (*Result, error) {
	file := &spanReader{r: r, max: maxBibTeX, what: "a BibTeX file"}
	lines := &spanReader{r: file, max: maxLine, lines: true, what: "a line"}
	src, err := io.ReadAll(lines)
	switch {
	case lines.err != nil || file.err != nil:
		return nil, &ParseError{File: name, Line: lines.line + 1, Reason: "too long", Err: err}
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	src = []byte(strings.TrimPrefix(string(src), "\ufeff"))
	p := newBibParser(src, name)
	entries, err := p.parse(opt)
	if err != nil {
		return nil, err
	}
	p.res.Papers = bibPapers(entries, name, p.res)
	return p.res, nil
}

func newBibParser(src []byte, name string) *bibParser {
	p := &bibParser{src: src, name: name, macros: map[string]string{}, res: &Result{}}
	p.lines = append(p.lines, 0)
	p.match = make([]int32, len(src))
	var stack []int32
	for i, c := range src {
		switch c {
		case '\n':
			p.lines = append(p.lines, i+1)
		case '{':
			p.match[i] = -1
			stack = append(stack, int32(i))
		case '}':
			if n := len(stack); n > 0 {
				p.match[stack[n-1]] = int32(i)
				stack = stack[:n-1]
			}
		}
	}
	return p
}

// lineOf returns the 1-based line of offset i.
func (p *bibParser) lineOf(i int) int {
	return sort.Search(len(p.lines), func(k int) bool { return p.lines[k] > i })
}

// parse reads every entry. A bad entry stops it in strict mode; in
// lenient mode it is counted and reading goes on at the next "@" that
// starts a line.
func (p *bibParser) parse(opt *Options) ([]bibEntry, error) {
	var entries []bibEntry
	for p.nextAt() {
		at := p.pos
		e, perr := p.entry()
		if perr != nil {
			if err := p.res.skip(opt, perr); err != nil {
				return nil, err
			}
			p.pos = p.nextLineAt(at + 1)
			continue
		}
		if e != nil {
			entries = append(entries, *e)
		}
	}
	return entries, nil
}

// nextAt moves to the next "@" outside "%" comments and reports whether
// there is one.
func (p *bibParser) nextAt() bool {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case '@':
			return true
		case '%':
			k := bytes.IndexByte(p.src[p.pos:], '\n')
			if k < 0 {
				p.pos = len(p.src)
				return false
			}
			p.pos += k
		}
		p.pos++
	}
	return false
}

// nextLineAt returns the offset of the first "@" at or after i that has
// only blanks before it on its line, or the end of the input.
func (p *bibParser) nextLineAt(i int) int {
	for ; i < len(p.src); i++ {
		if p.src[i] == '@' && p.atLineStart(i) {
			return i
		}
	}
	return len(p.src)
}

func (p *bibParser) atLineStart(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch p.src[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

func (p *bibParser) skipSpace() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n\f\v", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *bibParser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// entry parses the entry whose "@" is at p.pos. It returns nil and no
// error for an "@" that does not start an entry, for @comment,
// @preamble and @string.
func (p *bibParser) entry() (*bibEntry, *ParseError) {
	start := p.pos
	p.pos++
	typ := strings.ToLower(p.ident(bibIsTypeChar))
	p.skipSpace()
	open := p.peek()
	if typ == "" || (open != '{' && open != '(') {
		p.pos = start + 1 // a lone "@" in text between entries
		return nil, nil
	}
	closer := byte('}')
	if open == '(' {
		closer = ')'
	}
	if typ == "comment" {
		if m := p.match[p.pos]; open == '{' && m >= 0 {
			p.pos = int(m) + 1
		}
		return nil, nil
	}
	p.pos++
	e := &bibEntry{typ: typ, fields: map[string]string{}, line: p.lineOf(start)}
	switch typ {
	case "preamble":
		if _, err := p.value(e, closer); err != nil {
			return nil, err
		}
		return nil, p.close(e, closer)
	case "string":
		p.skipSpace()
		name := strings.ToLower(p.ident(bibIsNameChar))
		if err := p.expect(e, '=', "\"=\" after the macro name"); err != nil {
			return nil, err
		}
		v, err := p.value(e, closer)
		if err != nil {
			return nil, err
		}
		p.macros[name] = v
		return nil, p.close(e, closer)
	}
	p.skipSpace()
	e.key = p.ident(func(c byte) bool {
		return c != ',' && c != closer && c != '}' && !bibIsSpace(c)
	})
	for {
		p.skipSpace()
		switch p.peek() {
		case closer:
			p.pos++
			return e, nil
		case ',':
			p.pos++
		default:
			return nil, p.fail(e, "\",\" or the end of the entry")
		}
		p.skipSpace()
		if p.peek() == closer {
			continue
		}
		field := strings.ToLower(p.ident(bibIsNameChar))
		if field == "" {
			return nil, p.fail(e, "a field name")
		}
		if err := p.expect(e, '=', "\"=\" after field "+field); err != nil {
			return nil, err
		}
		v, err := p.value(e, closer)
		if err != nil {
			return nil, err
		}
		if _, dup := e.fields[field]; dup {
			p.res.warnf("%s:%d: field %s repeated in entry %s; the first is kept", p.name, e.line, field, e.key)
			continue
		}
		e.fields[field] = v
	}
}

func (p *bibParser) ident(ok func(byte) bool) string {
	i := p.pos
	for p.pos < len(p.src) && ok(p.src[p.pos]) {
		p.pos++
	}
	return string(p.src[i:p.pos])
}

func (p *bibParser) expect(e *bibEntry, c byte, what string) *ParseError {
	p.skipSpace()
	if p.peek() != c {
		return p.fail(e, what)
	}
	p.pos++
	return nil
}

func (p *bibParser) close(e *bibEntry, closer byte) *ParseError {
	p.skipSpace()
	if p.peek() != closer {
		return p.fail(e, "the end of the entry")
	}
	p.pos++
	return nil
}

// value reads a field value: parts joined with "#".
func (p *bibParser) value(e *bibEntry, closer byte) (string, *ParseError) {
	var b strings.Builder
	for {
		p.skipSpace()
		c := p.peek()
		switch {
		case c == '{':
			m := int(p.match[p.pos])
			if m < 0 {
				return "", p.unterminated(e)
			}
			if err := p.checkDepth(e, p.pos+1, m); err != nil {
				return "", err
			}
			b.Write(p.src[p.pos+1 : m])
			p.pos = m + 1
		case c == '"':
			end, err := p.quoted(e)
			if err != nil {
				return "", err
			}
			b.Write(p.src[p.pos+1 : end])
			p.pos = end + 1
		case c >= '0' && c <= '9':
			b.WriteString(p.ident(func(c byte) bool { return c >= '0' && c <= '9' }))
		case bibIsNameChar(c) && c != closer:
			line := p.lineOf(p.pos)
			name := strings.ToLower(p.ident(bibIsNameChar))
			if v, ok := p.macros[name]; ok {
				b.WriteString(v)
			} else if v, ok := bibMonths[name]; ok {
				b.WriteString(v)
			} else {
				p.res.warnf("%s:%d: undefined macro %q in entry %s, read as empty", p.name, line, name, e.key)
			}
		default:
			return "", p.fail(e, "a field value")
		}
		p.skipSpace()
		if p.peek() != '#' {
			return b.String(), nil
		}
		p.pos++
	}
}

// quoted returns the offset of the '"' closing the quoted value that
// starts at p.pos. Braces inside it must balance.
func (p *bibParser) quoted(e *bibEntry) (int, *ParseError) {
	for i := p.pos + 1; i < len(p.src); i++ {
		switch p.src[i] {
		case '"':
			return i, nil
		case '{':
			m := int(p.match[i])
			if m < 0 {
				return 0, p.unterminated(e)
			}
			if err := p.checkDepth(e, i+1, m); err != nil {
				return 0, err
			}
			i = m
		}
	}
	return 0, p.unterminated(e)
}

// checkDepth refuses values whose braces nest deeper than bibMaxDepth.
func (p *bibParser) checkDepth(e *bibEntry, from, to int) *ParseError {
	depth := 1
	for _, c := range p.src[from:to] {
		switch c {
		case '{':
			if depth++; depth > bibMaxDepth {
				return &ParseError{File: p.name, Line: e.line, Reason: "nesting too deep",
					Err: fmt.Errorf("%w: braces nested deeper than %d in entry %s", ErrLimit, bibMaxDepth, e.key)}
			}
		case '}':
			depth--
		}
	}
	return nil
}

// unterminated reports an entry that runs to the end of the input.
func (p *bibParser) unterminated(e *bibEntry) *ParseError {
	return &ParseError{File: p.name, Line: e.line, Reason: "unterminated entry",
		Err: fmt.Errorf("unterminated entry @%s{%s: expected a closing brace before the end of the input", e.typ, e.key)}
}

// fail reports a syntax error at p.pos. Running into the next entry or
// the end of the input means the entry was not closed.
func (p *bibParser) fail(e *bibEntry, want string) *ParseError {
	if p.pos >= len(p.src) {
		return p.unterminated(e)
	}
	if p.src[p.pos] == '@' && p.atLineStart(p.pos) {
		return &ParseError{File: p.name, Line: e.line, Reason: "unterminated entry",
			Err: fmt.Errorf("unterminated entry @%s{%s: expected a closing brace before line %d", e.typ, e.key, p.lineOf(p.pos))}
	}
	found := string(p.src[p.pos:min(p.pos+12, len(p.src))])
	if k := strings.IndexByte(found, '\n'); k >= 0 {
		found = found[:k]
	}
	return &ParseError{File: p.name, Line: p.lineOf(p.pos), Reason: "syntax error",
		Err: fmt.Errorf("in entry @%s{%s: expected %s, found %q", e.typ, e.key, want, found)}
}

func bibIsTypeChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// bibIsNameChar reports whether c may appear in a field or macro name.
func bibIsNameChar(c byte) bool {
	return c > ' ' && c < 0x7f && strings.IndexByte("\"#%'(),={}@", c) < 0
}

func bibIsSpace(c byte) bool { return strings.IndexByte(" \t\r\n\f\v", c) >= 0 }

// TODO: crossref is followed one level only; a chain of crossrefs (a
// chapter naming a book naming a series) does not reach the last entry.

// bibPapers turns the entries into papers, resolving crossref fields and
// making keys unique.
func bibPapers(entries []bibEntry, name string, res *Result) []Paper {
	byKey := make(map[string]*bibEntry, len(entries))
	for i := range entries {
		k := strings.ToLower(entries[i].key)
		if _, ok := byKey[k]; !ok {
			byKey[k] = &entries[i]
		}
	}
	papers := make([]Paper, 0, len(entries))
	seen := make(map[string]bool, len(entries))
	noAuthor := 0
	for i := range entries {
		e := &entries[i]
		var parent *bibEntry
		if ref := strings.TrimSpace(bibPlain(e.fields["crossref"])); ref != "" {
			parent = byKey[strings.ToLower(ref)]
			if parent == nil || parent == e {
				parent = nil
				res.warnf("%s:%d: entry %s names crossref %q, which is not in the file", name, e.line, e.key, ref)
			}
		}
		p := bibPaper(e, parent, name, res)
		p.Origin.Record = i + 1
		p.ID = bibUniqueID(e.key, i+1, seen)
		if len(p.Authors) == 0 {
			noAuthor++
		}
		papers = append(papers, p)
	}
	if noAuthor > 0 {
		res.warnf("%s: %d of %d entries have no author; they are kept without authors", name, noAuthor, len(entries))
	}
	return papers
}

func bibUniqueID(key string, rec int, seen map[string]bool) string {
	if key == "" {
		key = fmt.Sprintf("entry%d", rec)
	}
	id := key
	for n := 2; seen[id]; n++ {
		id = fmt.Sprintf("%s-%d", key, n)
	}
	seen[id] = true
	return id
}

// bibPaper converts one entry; parent is its crossref target or nil.
func bibPaper(e, parent *bibEntry, name string, res *Result) Paper {
	inherit := func(f string) string {
		if v, ok := e.fields[f]; ok || parent == nil {
			return v
		}
		return parent.fields[f]
	}
	p := Paper{
		Title:       bibTitle(e.fields["title"]),
		Abstract:    bibText(e.fields["abstract"]),
		Affiliation: bibText(e.fields["affiliation"]),
		DOI:         NormalizeDOI(bibPlain(e.fields["doi"])),
		ArXiv:       bibArXiv(e.fields),
		Origin:      Origin{File: name, Line: e.line},
	}
	p.Date = bibDate(inherit("year"), inherit("month"), inherit("date"))
	for _, f := range []string{"journal", "journaltitle", "booktitle"} {
		if p.Venue = bibText(inherit(f)); p.Venue != "" {
			break
		}
	}
	if p.Venue == "" && parent != nil {
		p.Venue = bibText(parent.fields["title"])
	}
	for _, k := range strings.FieldsFunc(bibText(e.fields["keywords"]+","+e.fields["keyword"]), func(r rune) bool { return r == ',' || r == ';' }) {
		if k = strings.TrimSpace(k); k != "" {
			p.Keywords = append(p.Keywords, k)
		}
	}
	names, truncated := bibSplitAuthors(e.fields["author"])
	p.Truncated = truncated
	for _, n := range names {
		disp := bibText(DisplayName(n))
		if Key(disp) == "" {
			res.warnf("%s:%d: author %q of entry %s has no letters and is dropped", name, e.line, n, e.key)
			continue
		}
		p.Authors = append(p.Authors, Author{Name: disp})
	}
	return p
}

// TODO: a list written with commas instead of "and" ("Jean Laidé, Ben
// Loaeb") is read as BibTeX reads it, one name "Ben Loaeb Jean Laidé";
// telling such lists from "Last, First" needs a heuristic on the parts.
// TODO: biblatex extended names ("family=Doe, given=Jane") are not
// recognised and are read as "Last, First" parts.

// bibSplitAuthors splits a name list at the word "and" (any case) outside
// braces. A last name "others" is removed and reported as truncation.
func bibSplitAuthors(s string) (names []string, truncated bool) {
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && bibIsSpace(c) && i+4 < len(s) &&
			strings.EqualFold(s[i+1:i+4], "and") && bibIsSpace(s[i+4]):
			names = append(names, s[start:i])
			start = i + 4
			i += 3
		}
	}
	names = append(names, s[start:])
	out := names[:0]
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	if k := len(out); k > 0 && strings.EqualFold(out[k-1], "others") {
		out, truncated = out[:k-1], true
	}
	return out, truncated
}

// bibText converts a value's LaTeX to Unicode and collapses whitespace.
func bibText(s string) string {
	return strings.Join(strings.Fields(LaTeXToUnicode(s)), " ")
}

var bibDashes = strings.NewReplacer("---", "—", "--", "–")

// bibTitle is bibText with TeX dashes turned into Unicode dashes.
func bibTitle(s string) string { return bibDashes.Replace(bibText(s)) }

// bibPlain removes braces and the backslash of escaped characters, for
// identifiers such as DOIs and URLs.
func bibPlain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{' || c == '}':
		case c == '\\' && i+1 < len(s) && !unicode.IsLetter(rune(s[i+1])):
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

// bibArXiv returns the arXiv identifier of an entry from eprint (when
// archivePrefix or eprinttype says arXiv), an arxiv field, or a URL.
func bibArXiv(f map[string]string) string {
	kind := strings.ToLower(bibPlain(f["archiveprefix"]) + bibPlain(f["eprinttype"]))
	if v := bibPlain(f["eprint"]); v != "" && strings.Contains(kind, "arxiv") {
		return bibArXivID(v)
	}
	for _, k := range []string{"arxiv", "arxivid"} {
		if v := bibPlain(f[k]); v != "" {
			return bibArXivID(v)
		}
	}
	for _, k := range []string{"url", "eprint"} {
		v := bibPlain(f[k])
		if i := strings.Index(v, "arxiv.org/abs/"); i >= 0 {
			return bibArXivID(v[i+len("arxiv.org/abs/"):])
		}
	}
	return ""
}

// bibArXivID strips an "arXiv:" prefix and a version suffix.
func bibArXivID(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 6 && strings.EqualFold(s[:6], "arxiv:") {
		s = s[6:]
	}
	if i := strings.LastIndexByte(s, 'v'); i > 0 && i < len(s)-1 {
		if _, err := strconv.Atoi(s[i+1:]); err == nil {
			s = s[:i]
		}
	}
	return s
}

// bibDate reads the year and month fields, or a biblatex date
// (YYYY, YYYY-MM, YYYY-MM-DD, or a range "YYYY/YYYY" read as its start).
func bibDate(year, month, date string) Date {
	var d Date
	if y := bibDigits(bibPlain(year)); len(y) == 4 {
		d.Year, _ = strconv.Atoi(y)
		d.Month = bibMonth(bibPlain(month))
		return d
	}
	date = bibPlain(date)
	if i := strings.IndexByte(date, '/'); i >= 0 {
		date = date[:i]
	}
	parts := strings.Split(date, "-")
	if len(parts[0]) != 4 {
		return d
	}
	nums := make([]int, len(parts))
	for i, s := range parts {
		n, err := strconv.Atoi(s)
		if err != nil {
			return d
		}
		nums[i] = n
	}
	d.Year = nums[0]
	if len(nums) > 1 && nums[1] >= 1 && nums[1] <= 12 {
		d.Month = nums[1]
		if len(nums) > 2 && nums[2] >= 1 && nums[2] <= 31 {
			d.Day = nums[2]
		}
	}
	if d.Month == 0 {
		d.Month = bibMonth(bibPlain(month))
	}
	return d
}

// bibDigits returns the first run of digits in s.
func bibDigits(s string) string {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return ""
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return s[i:j]
}

// bibMonth reads a month as a number (1-12) or an English name or
// abbreviation; 0 when it is neither.
func bibMonth(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	if len(s) >= 3 {
		return bibMonthNumber[s[:3]]
	}
	return 0
}
