package corpus

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The dblp format is the XML of the dblp computer science bibliography
// (dblp.xml and pieces of it):
//
//	<!DOCTYPE dblp SYSTEM "dblp.dtd">
//	<dblp>
//	<article mdate="2017-05-28" key="journals/acta/GoodmanS83">
//	<author orcid="0000-0002-1825-0097">Nathan Goodman</author>
//	<author>Manish Singh 0001</author>
//	<title>NP-complete Problems <i>Simplified</i>.</title>
//	<year>1983</year><journal>Acta Inf.</journal>
//	<ee>https://doi.org/10.1007/BF00289414</ee>
//	</article>...
//	</dblp>
//
// The file is read as a stream of tokens, so memory grows only with the
// papers kept, not with the file. A record longer than 16 MiB, or as
// much text between two records, is refused with [ErrLimit], as the
// XML decoder would hold it whole. The named entities of dblp.dtd
// (&uuml; ...) are resolved from [dblpEntities]; the DTD is not read, so
// entities declared inside the document are never expanded.
//
// Records are article, inproceedings, proceedings, book, incollection,
// phdthesis, mastersthesis and data. A record without any author (an
// edited book or a proceedings volume, which name only editors, or an
// anonymous encyclopedia entry) is kept with an empty author list:
// editors are not authors. www records are person pages, not papers:
// they are skipped and counted in a warning.
//
// A homonym number ("Manish Singh 0001") is removed from the name and
// kept in the identifier "dblp:Manish Singh 0001"; an orcid attribute
// gives "orcid:...". The key attribute is the paper's ID.
//
// A piece of dblp.xml without the <dblp> root element is read as if it
// had one. A file that ends after a complete record but before </dblp>
// gives a warning; one that ends inside a record is an error, or in
// lenient mode that record is skipped.

func init() {
	register(format{
		name:  "dblp",
		exts:  []string{".xml"},
		sniff: sniffDBLP,
		read:  readDBLP,
	})
}

// dblpRecordTags are the elements of dblp.xml that hold one publication.
var dblpRecordTags = map[string]bool{
	"article": true, "inproceedings": true, "proceedings": true,
	"book": true, "incollection": true, "phdthesis": true,
	"mastersthesis": true, "data": true,
}

var (
	dblpRootRE    = regexp.MustCompile(`<!DOCTYPE\s+dblp[\s>]|<dblp[\s>]`)
	dblpPieceRE   = regexp.MustCompile(`^<(article|inproceedings|proceedings|book|incollection|phdthesis|mastersthesis|www)\s[^>]*\b(mdate|key)="`)
	dblpHomonymRE = regexp.MustCompile(`^(.*\S) (\d{4})$`)
	dblpMonths    = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
)

func sniffDBLP(head []byte) bool {
	if dblpRootRE.Match(head) {
		return true
	}
	i := dblpFirstElement(head)
	return i >= 0 && dblpPieceRE.Match(head[i:])
}

// dblpFirstElement returns the offset of the first start tag in head,
// after the XML declaration, comments and the DOCTYPE, or -1.
func dblpFirstElement(head []byte) int {
	i := 0
	for {
		j := bytes.IndexByte(head[i:], '<')
		if j < 0 || i+j+1 >= len(head) {
			return -1
		}
		i += j
		switch c := head[i+1]; {
		case c == '?' || c == '!':
			end := []byte(">")
			if bytes.HasPrefix(head[i:], []byte("<!--")) {
				end = []byte("-->")
			}
			k := bytes.Index(head[i:], end)
			if k < 0 {
				return -1
			}
			i += k + len(end)
		case c == '/':
			return -1
		default:
			return i
		}
	}
}

// dblpSource returns the content of r with a synthetic <dblp> root
// around it when the first element is not <dblp>. The tags are added
// without newlines, so line numbers stay those of the file.
func dblpSource(r io.Reader) (io.Reader, bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, false, err
	}
	i := dblpFirstElement(head)
	if i < 0 || bytes.HasPrefix(head[i:], []byte("<dblp")) {
		return br, false, nil
	}
	prolog := make([]byte, i)
	copy(prolog, head[:i])
	if _, err := br.Discard(i); err != nil {
		return nil, false, err
	}
	return io.MultiReader(bytes.NewReader(prolog), strings.NewReader("<dblp>"), br,
		strings.NewReader("</dblp>")), true, nil
}

// dblpReader holds the state of one dblp file being read.
type dblpReader struct {
	d    *xml.Decoder
	lim  *spanReader // bounds each record and each token between records
	name string
	opt  *Options
	res  *Result
	ids  map[string]int
}

func readDBLP(r io.Reader, name string, opt *Options) (*Result, error) {
	src, wrapped, err := dblpSource(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lim := &spanReader{r: src, max: maxRecord, what: "a record or the text between two records"}
	d := xml.NewDecoder(lim)
	d.Entity = dblpEntities
	d.CharsetReader = dblpCharsetReader
	// In lenient mode an unknown entity is kept as written instead of
	// stopping the whole file: encoding/xml cannot resume after an error.
	d.Strict = !opt.Lenient
	dr := &dblpReader{d: d, lim: lim, name: name, opt: opt, res: &Result{}, ids: map[string]int{}}
	if err := dr.run(); err != nil && !errors.Is(err, errDBLPStop) {
		return nil, err
	}
	if wrapped {
		dr.res.warnf("%s: no <dblp> root element; read as a piece of dblp.xml", name)
	}
	return dr.res, nil
}

func (dr *dblpReader) errorf(line, rec int, reason, f string, args ...any) *ParseError {
	return &ParseError{File: dr.name, Line: line, Record: rec, Reason: reason, Err: fmt.Errorf(f, args...)}
}

// run reads the tokens of the file: the root, then one record per child.
func (dr *dblpReader) run() error {
	depth, rec, www, other, rootSeen := 0, 0, 0, 0, false
	for {
		dr.lim.mark()
		tok, err := dr.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dr.d.InputPos()
			if depth == 1 && dblpEOF(err) {
				dr.res.warnf("%s:%d: the file ends before </dblp>", dr.name, line)
				break
			}
			return dr.errorf(line, 0, "malformed XML", "%w", dblpXMLCause(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := dr.d.InputPos()
			if depth == 0 {
				if t.Name.Local != "dblp" {
					return dr.errorf(line, 0, "not dblp", "expected the root element <dblp>, got <%s>", t.Name.Local)
				}
				depth, rootSeen = 1, true
				continue
			}
			rec++
			switch {
			case t.Name.Local == "www":
				www++
				err = dr.d.Skip()
			case dblpRecordTags[t.Name.Local]:
				err = dr.record(t, line, rec)
			default:
				other++
				err = dr.d.Skip()
			}
			if err != nil {
				if err := dr.recordError(err, line, rec); err != nil {
					return err
				}
			}
		case xml.EndElement:
			depth = 0
		}
	}
	if !rootSeen {
		dr.res.warnf("%s: no dblp records", dr.name)
	}
	if www > 0 {
		dr.res.warnf("%s: skipped %d www records (person pages, not papers)", dr.name, www)
	}
	if other > 0 {
		dr.res.warnf("%s: skipped %d elements that are not dblp records", dr.name, other)
	}
	return nil
}

// recordError handles an error met inside a record. A syntax error
// cannot be recovered from: in lenient mode the record is counted as
// skipped and reading stops with what was read so far.
// TODO: encoding/xml cannot resume after a syntax error, so in lenient
// mode the records after a malformed one are lost.
func (dr *dblpReader) recordError(err error, line, rec int) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return dr.res.skip(dr.opt, pe)
	}
	if errors.Is(err, ErrLimit) {
		// Not a bad record that lenient mode may skip: reading cannot go on.
		return dr.errorf(line, rec, "too long", "record starting here: %w", err)
	}
	if se := (*xml.SyntaxError)(nil); !errors.As(err, &se) {
		// The file itself failed, a compressed one cut short say: no
		// record to skip, and what follows is lost, so lenient mode
		// stops too.
		return dr.errorf(line, rec, "read error", "record starting here: %w", err)
	}
	reason := "malformed XML"
	if dblpEOF(err) {
		reason = "truncated record"
	}
	pe = dr.errorf(line, rec, reason, "record starting here: %v", dblpXMLCause(err))
	if err := dr.res.skip(dr.opt, pe); err != nil {
		return err
	}
	dr.res.warnf("%s: reading stopped at the malformed record on line %d", dr.name, line)
	return errDBLPStop
}

var errDBLPStop = errors.New("dblp: stop")

func dblpEOF(err error) bool {
	var se *xml.SyntaxError
	return errors.Is(err, io.ErrUnexpectedEOF) || (errors.As(err, &se) && strings.Contains(se.Msg, "unexpected EOF"))
}

// dblpXMLCause drops the line that encoding/xml puts in its message, as
// the ParseError names the line itself.
func dblpXMLCause(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return errors.New(se.Msg)
	}
	return err
}

// record reads one publication whose start tag has just been read.
func (dr *dblpReader) record(start xml.StartElement, line, rec int) error {
	p := Paper{Origin: Origin{File: dr.name, Line: line, Record: rec}}
	var year, month, volume, school, series, publisher string
	for _, a := range start.Attr {
		if a.Name.Local == "key" {
			p.ID = a.Value
		}
	}
	for {
		tok, err := dr.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			for _, v := range []string{series, publisher} {
				if p.Venue == "" {
					p.Venue = v
				}
			}
			return dr.finish(&p, year, month, volume, school)
		case xml.StartElement:
			text, err := dblpText(dr.d)
			if err != nil {
				return err
			}
			switch t.Name.Local {
			case "author":
				if a, ok := dblpAuthor(text, t.Attr); ok {
					p.Authors = append(p.Authors, a)
				}
			case "title":
				p.Title = text
			case "year":
				year = text
			case "month":
				month = text
			case "journal", "booktitle":
				if p.Venue == "" {
					p.Venue = text
				}
			case "series":
				series = text
			case "publisher":
				publisher = text
			case "volume":
				volume = text
			case "school":
				school = text
			case "ee", "url":
				dblpLink(&p, text)
			}
		}
	}
}

// finish checks and completes a record and adds it to the result.
func (dr *dblpReader) finish(p *Paper, year, month, volume, school string) error {
	if year != "" {
		y, err := strconv.Atoi(year)
		if err != nil || y < 1000 || y > 9999 {
			return dr.errorf(p.Origin.Line, p.Origin.Record, "bad year", "record %q: year %q is not a four-digit year", p.ID, year)
		}
		p.Date.Year = y
		p.Date.Month = dblpMonths[strings.ToLower(strings.Fields(month + " x")[0])]
	}
	if p.ArXiv == "" && p.Venue == "CoRR" && strings.HasPrefix(volume, "abs/") {
		p.ArXiv = volume[len("abs/"):]
	}
	p.Affiliation = school
	if p.ID == "" {
		p.ID = fmt.Sprintf("dblp%d", p.Origin.Record)
	}
	p.ID = webUniqueID(dr.ids, p.ID)
	dr.res.Papers = append(dr.res.Papers, *p)
	return nil
}

// dblpText returns the text of the element whose start tag has just
// been read, inner markup (<i>, <sub>, <sup>, <tt>) flattened and
// whitespace collapsed, and consumes its end tag.
func dblpText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), nil
}

// dblpAuthor makes an author from the text of an <author> element.
func dblpAuthor(text string, attrs []xml.Attr) (Author, bool) {
	if text == "" {
		return Author{}, false
	}
	a := Author{Name: text}
	if m := dblpHomonymRE.FindStringSubmatch(text); m != nil {
		a.Name = m[1]
		a.IDs = append(a.IDs, "dblp:"+text)
	}
	for _, at := range attrs {
		if at.Name.Local == "orcid" && strings.TrimSpace(at.Value) != "" {
			a.IDs = append(a.IDs, "orcid:"+strings.TrimSpace(at.Value))
		}
	}
	return a, true
}

// dblpLink takes a DOI or an arXiv id from an <ee> or <url> link.
func dblpLink(p *Paper, link string) {
	low := strings.ToLower(link)
	switch {
	case p.DOI == "" && strings.Contains(low, "doi.org/"):
		p.DOI = NormalizeDOI(link)
	case p.ArXiv == "" && strings.Contains(low, "arxiv.org/"):
		p.ArXiv = arxivID(link)
	}
}

// dblpCharsetReader decodes the ISO-8859-1 that dblp.xml declares. A
// byte sequence that is valid multi-byte UTF-8 is kept as UTF-8, since
// pieces of the file are often re-saved as UTF-8 without changing the
// declaration; Latin-1 text rarely forms such sequences.
func dblpCharsetReader(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252":
		// TODO: windows-1252 differs from Latin-1 in 0x80-0x9F (curly
		// quotes, euro sign); those bytes are read as C1 controls.
		return &dblpLatin1{r: bufio.NewReader(input)}, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", charset)
}

type dblpLatin1 struct {
	r   *bufio.Reader
	out []byte
}

func (l *dblpLatin1) Read(p []byte) (int, error) {
	for len(l.out) < len(p) {
		c, err := l.r.ReadByte()
		if err != nil {
			if len(l.out) > 0 {
				break
			}
			return 0, err
		}
		if c < utf8.RuneSelf {
			l.out = append(l.out, c)
			continue
		}
		peek, _ := l.r.Peek(utf8.UTFMax - 1)
		seq := append([]byte{c}, peek...)
		if r, size := utf8.DecodeRune(seq); r != utf8.RuneError && size > 1 {
			l.out = append(l.out, seq[:size]...)
			l.r.Discard(size - 1)
			continue
		}
		l.out = utf8.AppendRune(l.out, rune(c))
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}
