package corpus

import (
	"bytes"
	"encoding/json"
	"hash/maphash"
	"math"
	"strconv"
	"unicode/utf8"
)

// The fast path reads the lines most JSON Lines files hold without
// encoding/json: an object whose keys are lower-case ASCII without
// escapes, each known key at most once, and whose values have the types
// the format asks for. It never reports an error: on anything else,
// from a key in capitals to a malformed date, it gives up and the line
// goes to jsonlPaper, which is the reference. So the fast path only has
// to agree with jsonlPaper on the lines it accepts, and its own reading
// of JSON only has to accept a subset of what encoding/json accepts.

// jsonlMaxDepth is the deepest nesting the fast path skips over in the
// value of an unknown key; deeper lines go to encoding/json.
const jsonlMaxDepth = 32

// jsonlAuthorText is an author as the fast path reads it, before the
// name is put in display order.
type jsonlAuthorText struct {
	name, affil []byte
	ids         []string
}

// Bits of the known keys, to give up on a key seen twice.
const (
	jsonlKeyID = 1 << iota
	jsonlKeyTitle
	jsonlKeyVenue
	jsonlKeyJournal
	jsonlKeyAbstract
	jsonlKeyAffiliation
	jsonlKeyDOI
	jsonlKeyArXiv
	jsonlKeyDate
	jsonlKeyYear
	jsonlKeyAuthors
	jsonlKeyKeywords
	jsonlKeyTruncated
)

// jsonlDecoder reads lines for the fast path. One worker owns it; the
// tables it stores strings in are shared.
type jsonlDecoder struct {
	s []byte // the line
	i int    // the offset read up to

	shared *jsonlShared
	local  map[string]string // strings of shared.strs this worker has seen

	// Per line: the authors and keywords read so far.
	authors  []jsonlAuthorText
	keywords [][]byte
	display  []string // the display names of authors

	own   []byte // the text of the batch's brief papers
	id    []byte // an ID made from the line number
	doi   []byte
	arxiv []byte

	// Blocks the author and keyword lists are cut from.
	authorBlock  []Author
	keywordBlock []string
}

// parse adds the paper of line to b and reports whether the line had the
// common shape; if not, b is left as it was and the line is for
// jsonlPaper.
func (d *jsonlDecoder) parse(line []byte, name string, n, rec int, b *jsonlBatch) bool {
	d.s, d.i = line, 0
	d.authors, d.keywords = d.authors[:0], d.keywords[:0]
	d.ws()
	if !d.eat('{') {
		return false
	}
	var (
		seen                                   int
		id, title, abstract, affil, doi, arxiv []byte
		venue, journal, date, year             []byte
		truncated, authorsTruncated, array     bool
	)
	d.ws()
	if !d.eat('}') {
		for {
			key, ok := d.member()
			if !ok {
				return false
			}
			bit := 0
			switch string(key) {
			case "id":
				bit = jsonlKeyID
				id, ok = d.text()
			case "title":
				bit = jsonlKeyTitle
				title, ok = d.text()
			case "venue":
				bit = jsonlKeyVenue
				venue, ok = d.text()
			case "journal":
				bit = jsonlKeyJournal
				journal, ok = d.text()
			case "abstract":
				bit = jsonlKeyAbstract
				abstract, ok = d.text()
			case "affiliation":
				bit = jsonlKeyAffiliation
				affil, ok = d.text()
			case "doi":
				bit = jsonlKeyDOI
				doi, ok = d.text()
			case "arxiv":
				bit = jsonlKeyArXiv
				arxiv, ok = d.text()
			case "date":
				bit = jsonlKeyDate
				date, ok = d.text()
			case "year":
				bit = jsonlKeyYear
				year, ok = d.text()
			case "authors":
				bit = jsonlKeyAuthors
				authorsTruncated, array, ok = d.readAuthors()
			case "keywords":
				bit = jsonlKeyKeywords
				ok = d.readKeywords()
			case "truncated":
				bit = jsonlKeyTruncated
				truncated, ok = d.boolean()
			default:
				ok = d.skip(0)
			}
			if !ok || seen&bit != 0 {
				return false
			}
			seen |= bit
			if more, ok := d.next('}'); !ok {
				return false
			} else if !more {
				break
			}
		}
	}
	d.ws()
	if d.i != len(d.s) {
		return false
	}
	if len(year) > 0 {
		date = year
	}
	dt, ok := jsonlDate(date)
	if !ok {
		return false
	}
	if len(venue) == 0 {
		venue = journal
	}
	if len(id) == 0 {
		d.id = strconv.AppendInt(append(d.id[:0], "line"...), int64(n), 10)
		id = d.id
	}
	b.ids = append(b.ids, maphash.Bytes(d.shared.seed, id))
	brief := jsonlBrief{
		venue:     d.intern(venue),
		authors:   d.finishAuthors(array),
		line:      uint32(n - b.line0),
		rec:       uint32(rec - b.rec0),
		date:      jsonlPackDate(dt),
		truncated: authorsTruncated || truncated,
	}
	if len(doi) > 0 {
		doi = append(d.doi[:0], NormalizeDOI(string(doi))...)
		d.doi = doi
	}
	if len(arxiv) > 0 {
		arxiv = append(d.arxiv[:0], bibArXivID(string(arxiv))...)
		d.arxiv = arxiv
	}
	keywords := d.finishKeywords()
	if jsonlUnpackDate(brief.date) == dt && int(brief.line) == n-b.line0 && int(brief.rec) == rec-b.rec0 &&
		len(d.own)+len(id)+len(title)+len(abstract)+len(affil)+len(doi)+len(arxiv) <= math.MaxUint32 {
		for i, s := range [...][]byte{id, title, abstract, affil, doi, arxiv} {
			d.own = append(d.own, s...)
			brief.ends[i] = uint32(len(d.own))
		}
		if keywords != nil {
			b.keywords = append(b.keywords, keywords)
			brief.keywords = int32(len(b.keywords))
		}
		b.brief = append(b.brief, brief)
		return true
	}
	b.addFull(Paper{
		ID:          string(id),
		Title:       string(title),
		Date:        dt,
		Venue:       brief.venue,
		Authors:     brief.authors,
		Truncated:   brief.truncated,
		Affiliation: string(affil),
		Abstract:    string(abstract),
		Keywords:    keywords,
		DOI:         string(doi),
		ArXiv:       string(arxiv),
		Origin:      Origin{File: name, Line: n, Record: rec},
	})
	return true
}

// jsonlBrief is a paper of the fast path in a third of the size of a
// Paper, with its text in one string for the batch. The papers of a
// batch are kept so until all are read; then each is made a Paper in
// its place in the result, which is so written once.
type jsonlBrief struct {
	authors []Author
	venue   string

	// The ends of the ID, title, abstract, affiliation, DOI and arXiv
	// identifier in the batch's text, where they follow each other from
	// the end of the batch's previous brief paper.
	ends [6]uint32

	line, rec uint32 // after the batch's first line and record
	date      uint32 // as jsonlPackDate packs it
	full      int32  // when positive, the paper is the batch's full[full-1]
	keywords  int32  // when positive, the keywords are the batch's keywords[keywords-1]
	truncated bool
}

// jsonlPackDate packs a date into 32 bits; jsonlUnpackDate gives it back
// for the dates csvDate returns.
func jsonlPackDate(d Date) uint32 {
	return uint32(d.Year)<<9 | uint32(d.Month)<<5 | uint32(d.Day)
}

func jsonlUnpackDate(x uint32) Date {
	return Date{Year: int(x >> 9), Month: int(x >> 5 & 15), Day: int(x & 31)}
}

// finishAuthors returns the authors read, in display order, dropping
// those whose name is blank as jsonlFields.authors does. A non-empty
// array whose names are all blank gives an empty list, not nil.
func (d *jsonlDecoder) finishAuthors(array bool) []Author {
	if len(d.authors) == 0 {
		return nil
	}
	d.display = d.display[:0]
	kept := 0
	for _, a := range d.authors {
		n := d.shared.displayName(a.name)
		d.display = append(d.display, n)
		if n != "" {
			kept++
		}
	}
	if kept == 0 {
		if array {
			return []Author{}
		}
		return nil
	}
	out := carve(&d.authorBlock, kept)
	j := 0
	for i, a := range d.authors {
		if d.display[i] != "" {
			out[j] = Author{Name: d.display[i], IDs: a.ids, Affiliation: d.intern(a.affil)}
			j++
		}
	}
	return out
}

// carve returns a slice of n elements cut from the front of *block, a
// new block of jsonlBlock elements when it has too few left: one
// allocation for many papers' short lists. A list of more than an eighth
// of a block gets its own slice.
func carve[T any](block *[]T, n int) []T {
	if n > jsonlBlock/8 {
		return make([]T, n)
	}
	if n > len(*block) {
		*block = make([]T, jsonlBlock)
	}
	out := (*block)[:n:n]
	*block = (*block)[n:]
	return out
}

// finishKeywords returns the keywords read.
func (d *jsonlDecoder) finishKeywords() []string {
	n := len(d.keywords)
	if n == 0 {
		return nil
	}
	out := carve(&d.keywordBlock, n)
	for i, k := range d.keywords {
		out[i] = d.intern(k)
	}
	return out
}

// intern returns b as a string, stored once for all workers.
func (d *jsonlDecoder) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := d.local[string(b)]; ok {
		return s
	}
	s := d.shared.str(b)
	d.local[s] = s
	return s
}

// jsonlDate reads a date as csvDate does, without the cost of its
// error for the common four-digit year.
func jsonlDate(s []byte) (Date, bool) {
	if len(s) == 0 {
		return Date{}, true
	}
	if len(s) == 4 {
		y := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				y = -1
				break
			}
			y = y*10 + int(c-'0')
		}
		if y >= 1 {
			return Date{Year: y}, true
		}
	}
	d, err := csvDate(string(s))
	return d, err == nil
}

func (d *jsonlDecoder) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonlDecoder) peek() byte {
	if d.i < len(d.s) {
		return d.s[d.i]
	}
	return 0
}

func (d *jsonlDecoder) eat(c byte) bool {
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// lit reads the literal word.
func (d *jsonlDecoder) lit(word string) bool {
	if len(d.s)-d.i >= len(word) && string(d.s[d.i:d.i+len(word)]) == word {
		d.i += len(word)
		return true
	}
	return false
}

// key reads an object key made of lower-case ASCII without escapes, the
// only keys whose meaning does not depend on the case folding and the
// rules for duplicates of encoding/json and jsonlLower.
func (d *jsonlDecoder) key() ([]byte, bool) {
	if !d.eat('"') {
		return nil, false
	}
	start := d.i
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return d.s[start : d.i-1], true
		case c < 0x20 || c == '\\' || c >= 0x80 || 'A' <= c && c <= 'Z':
			return nil, false
		}
		d.i++
	}
	return nil, false
}

// member reads an object member's key and the colon after it, with the
// white space around them, leaving d at the value.
func (d *jsonlDecoder) member() ([]byte, bool) {
	d.ws()
	key, ok := d.key()
	if !ok {
		return nil, false
	}
	d.ws()
	if !d.eat(':') {
		return nil, false
	}
	d.ws()
	return key, true
}

// next reads past the white space and the comma or the closing byte
// after a member or an element. It reports whether another follows; ok
// is false when neither comes next.
func (d *jsonlDecoder) next(closing byte) (more, ok bool) {
	d.ws()
	if d.eat(',') {
		return true, true
	}
	return false, d.eat(closing)
}

// scan reads past a string, checking it as encoding/json does. It
// returns the bytes between the quotes, whether they hold an escape, and
// whether they hold non-ASCII bytes.
func (d *jsonlDecoder) scan() (raw []byte, escaped, high, ok bool) {
	if !d.eat('"') {
		return nil, false, false, false
	}
	start := d.i
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return d.s[start : d.i-1], escaped, high, true
		case c == '\\':
			escaped = true
			if d.i+1 >= len(d.s) {
				return nil, false, false, false
			}
			switch d.s[d.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.i += 2
			case 'u':
				if len(d.s)-d.i < 6 {
					return nil, false, false, false
				}
				for _, h := range d.s[d.i+2 : d.i+6] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return nil, false, false, false
					}
				}
				d.i += 6
			default:
				return nil, false, false, false
			}
			continue
		case c < 0x20:
			return nil, false, false, false
		case c >= 0x80:
			high = true
		}
		d.i++
	}
	return nil, false, false, false
}

// str reads a string and returns its value. Strings without escapes and
// with valid UTF-8 are their bytes; the rest are decoded by
// encoding/json, which replaces invalid UTF-8 and lone surrogates.
func (d *jsonlDecoder) str() ([]byte, bool) {
	start := d.i
	raw, escaped, high, ok := d.scan()
	if !ok {
		return nil, false
	}
	if !escaped && (!high || utf8.Valid(raw)) {
		return raw, true
	}
	var s string
	if json.Unmarshal(d.s[start:d.i], &s) != nil {
		return nil, false
	}
	return []byte(s), true
}

// num reads a number and returns it as written, as json.Number does; a
// number out of the range of float64 is refused, as in jsonlFields.str.
func (d *jsonlDecoder) num() ([]byte, bool) {
	start := d.i
	d.eat('-')
	digits := func() int {
		k := d.i
		for d.i < len(d.s) && '0' <= d.s[d.i] && d.s[d.i] <= '9' {
			d.i++
		}
		return d.i - k
	}
	switch c := d.peek(); {
	case c == '0':
		d.i++
	case '1' <= c && c <= '9':
		digits()
	default:
		return nil, false
	}
	plain := true
	if d.eat('.') {
		plain = false
		if digits() == 0 {
			return nil, false
		}
	}
	if c := d.peek(); c == 'e' || c == 'E' {
		plain = false
		d.i++
		if c := d.peek(); c == '+' || c == '-' {
			d.i++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	v := d.s[start:d.i]
	if !plain || len(v) > 15 {
		if _, err := strconv.ParseFloat(string(v), 64); err != nil {
			return nil, false
		}
	}
	return v, true
}

// text reads a value as jsonlFields.str does: a string, trimmed; a number
// as written; null as nothing.
func (d *jsonlDecoder) text() ([]byte, bool) {
	switch c := d.peek(); {
	case c == '"':
		v, ok := d.str()
		return bytes.TrimSpace(v), ok
	case c == 'n':
		return nil, d.lit("null")
	case c == '-' || '0' <= c && c <= '9':
		return d.num()
	}
	return nil, false
}

// boolean reads true, false or null.
func (d *jsonlDecoder) boolean() (bool, bool) {
	switch d.peek() {
	case 't':
		return true, d.lit("true")
	case 'f':
		return false, d.lit("false")
	case 'n':
		return false, d.lit("null")
	}
	return false, false
}

// skip reads past any value.
func (d *jsonlDecoder) skip(depth int) bool {
	if depth > jsonlMaxDepth {
		return false
	}
	switch c := d.peek(); {
	case c == '"':
		_, _, _, ok := d.scan()
		return ok
	case c == 't':
		return d.lit("true")
	case c == 'f':
		return d.lit("false")
	case c == 'n':
		return d.lit("null")
	case c == '-' || '0' <= c && c <= '9':
		_, ok := d.num()
		return ok
	case c == '[':
		d.i++
		d.ws()
		if d.eat(']') {
			return true
		}
		for {
			d.ws()
			if !d.skip(depth + 1) {
				return false
			}
			d.ws()
			if d.eat(',') {
				continue
			}
			return d.eat(']')
		}
	case c == '{':
		d.i++
		d.ws()
		if d.eat('}') {
			return true
		}
		for {
			d.ws()
			if _, _, _, ok := d.scan(); !ok {
				return false
			}
			d.ws()
			if !d.eat(':') {
				return false
			}
			d.ws()
			if !d.skip(depth + 1) {
				return false
			}
			d.ws()
			if d.eat(',') {
				continue
			}
			return d.eat('}')
		}
	}
	return false
}

// readAuthors reads the authors as jsonlFields.authors does, into
// d.authors. It reports whether "et al." ended the list and whether the
// list was an array.
func (d *jsonlDecoder) readAuthors() (truncated, array, ok bool) {
	switch d.peek() {
	case 'n':
		return false, false, d.lit("null")
	case '"':
		v, ok := d.str()
		if !ok {
			return false, false, false
		}
		// As csvAuthors: cut "et al.", split at ";", trim.
		truncated, v = jsonlEtAl(bytes.TrimSpace(v))
		for len(v) > 0 {
			item := v
			if k := bytes.IndexByte(v, ';'); k >= 0 {
				item, v = v[:k], v[k+1:]
			} else {
				v = nil
			}
			if item = bytes.TrimSpace(item); len(item) > 0 {
				d.authors = append(d.authors, jsonlAuthorText{name: item})
			}
		}
		return truncated, false, true
	case '[':
		d.i++
	default:
		return false, false, false
	}
	d.ws()
	if !d.eat(']') {
		for {
			d.ws()
			var a jsonlAuthorText
			switch d.peek() {
			case '"':
				if a.name, ok = d.str(); !ok {
					return false, false, false
				}
			case 'n':
				if !d.lit("null") {
					return false, false, false
				}
			case '{':
				if !d.author(&a) {
					return false, false, false
				}
			default:
				return false, false, false
			}
			d.authors = append(d.authors, a)
			d.ws()
			if d.eat(',') {
				continue
			}
			if d.eat(']') {
				break
			}
			return false, false, false
		}
	}
	if k := len(d.authors); k > 0 {
		truncated, d.authors[k-1].name = jsonlEtAl(d.authors[k-1].name)
	}
	return truncated, true, true
}

// author reads an author object as encoding/json fills jsonlAuthor: the
// last string of a key wins, null changes nothing, other keys are
// ignored.
func (d *jsonlDecoder) author(a *jsonlAuthorText) bool {
	d.i++ // '{'
	var orcid []byte
	d.ws()
	if !d.eat('}') {
		for {
			key, ok := d.member()
			if !ok {
				return false
			}
			var dst *[]byte
			switch string(key) {
			case "name":
				dst = &a.name
			case "orcid":
				dst = &orcid
			case "affiliation":
				dst = &a.affil
			}
			switch {
			case dst == nil:
				ok = d.skip(1)
			case d.peek() == '"':
				*dst, ok = d.str()
			default:
				ok = d.lit("null")
			}
			if !ok {
				return false
			}
			if more, ok := d.next('}'); !ok {
				return false
			} else if !more {
				break
			}
		}
	}
	a.affil = bytes.TrimSpace(a.affil)
	if len(orcid) > 0 {
		if o := jsonlORCID(string(orcid)); o != "" {
			a.ids = []string{"orcid:" + o}
		}
	}
	return true
}

// readKeywords reads the keywords as jsonlFields.list does, into
// d.keywords.
func (d *jsonlDecoder) readKeywords() bool {
	switch d.peek() {
	case 'n':
		return d.lit("null")
	case '"':
		v, ok := d.str()
		if !ok {
			return false
		}
		for v = bytes.TrimSpace(v); len(v) > 0; {
			item := v
			if k := bytes.IndexByte(v, ';'); k >= 0 {
				item, v = v[:k], v[k+1:]
			} else {
				v = nil
			}
			if item = bytes.TrimSpace(item); len(item) > 0 {
				d.keywords = append(d.keywords, item)
			}
		}
		return true
	case '[':
		d.i++
	default:
		return false
	}
	d.ws()
	if d.eat(']') {
		return true
	}
	for {
		d.ws()
		switch d.peek() {
		case '"':
			v, ok := d.str()
			if !ok {
				return false
			}
			if v = bytes.TrimSpace(v); len(v) > 0 {
				d.keywords = append(d.keywords, v)
			}
		case 'n':
			if !d.lit("null") {
				return false
			}
		default:
			return false
		}
		d.ws()
		if d.eat(',') {
			continue
		}
		return d.eat(']')
	}
}

// jsonlEtAl removes a trailing "et al." or "and others" from a list of
// names as csvEtAl does, and reports whether there was one. The regular
// expression runs only when the text ends in a way it can match, which
// few names do.
func jsonlEtAl(s []byte) (bool, []byte) {
	if !jsonlMaybeEtAl(s) {
		return false, s
	}
	if loc := csvEtAl.FindIndex(s); loc != nil {
		return true, s[:loc[0]]
	}
	return false, s
}

// jsonlMaybeEtAl reports whether csvEtAl may match s. A match ends in
// "al", "al." or "others" and then white space as \s means it; in any
// case, since (?i) folds only ASCII letters to ASCII, except s, which
// folds to "ſ" too, so text ending in non-ASCII is a maybe.
func jsonlMaybeEtAl(s []byte) bool {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t', '\n', '\f', '\r':
			s = s[:len(s)-1]
			continue
		}
		break
	}
	if len(s) == 0 {
		return false
	}
	if s[len(s)-1] >= utf8.RuneSelf {
		return true
	}
	s = bytes.TrimSuffix(s, []byte("."))
	return jsonlHasSuffixFold(s, "al") || jsonlHasSuffixFold(s, "others")
}

// jsonlHasSuffixFold reports whether s ends with the lower-case ASCII
// suffix in any ASCII case.
func jsonlHasSuffixFold(s []byte, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := range len(suffix) {
		if s[i]|0x20 != suffix[i] {
			return false
		}
	}
	return true
}
