package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The arxiv format is the Atom feed the arXiv API returns
// (export.arxiv.org/api/query):
//
//	<feed xmlns="http://www.w3.org/2005/Atom">
//	  <opensearch:totalResults>31</opensearch:totalResults>
//	  <entry>
//	    <id>http://arxiv.org/abs/1111.2011v2</id>
//	    <published>2011-11-08T18:48:36Z</published>
//	    <title>A title wrapped
//	      over lines</title>
//	    <summary>...</summary>
//	    <author><name>A. Author</name><arxiv:affiliation>X</arxiv:affiliation></author>
//	    <arxiv:doi>10.1103/PhysRevB.85.115117</arxiv:doi>
//	    <arxiv:primary_category term="cond-mat.str-el"/>
//	    <category term="cond-mat.str-el"/><category term="cond-mat.stat-mech"/>
//	  </entry>
//	</feed>
//
// Elements are matched by namespace, so the prefixes may be declared on
// each element (responses of about 2016) or on the root (2026). Title
// and summary have their white space collapsed. The id gives the paper's
// ID and [Paper.ArXiv] without URL and version; published is the date;
// the primary category is the venue and all categories are keywords.
//
// When a query fails the API answers with a feed whose only entry is
// titled "Error" and whose summary is the message: that is an error in
// strict mode and a warning in lenient mode. A feed without entries
// gives no papers and a warning, and so does a feed that holds only one
// page of a larger answer.
//
// An entry longer than 16 MiB, or as much text between two entries, is
// refused with [ErrLimit], as the XML decoder would hold it whole.

func init() {
	register(format{
		name:  "arxiv",
		exts:  []string{".atom"},
		sniff: sniffArXiv,
		read:  readArXiv,
	})
}

const (
	arxivAtomNS   = "http://www.w3.org/2005/Atom"
	arxivNS       = "http://arxiv.org/schemas/atom"
	arxivSearchNS = "http://a9.com/-/spec/opensearch/1.1/"
)

func sniffArXiv(head []byte) bool {
	return bytes.Contains(head, []byte("<feed")) && bytes.Contains(head, []byte(arxivAtomNS)) &&
		(bytes.Contains(head, []byte("arxiv.org/api")) || bytes.Contains(head, []byte("<id>http://arxiv.org/abs/")) ||
			bytes.Contains(head, []byte(arxivNS)))
}

// arxivEntry is an entry as read, before it becomes a paper.
type arxivEntry struct {
	id, title, summary, published, doi, primary string
	categories                                  []string
	authors                                     []Author
}

func readArXiv(r io.Reader, name string, opt *Options) (*Result, error) {
	res := &Result{}
	lim := &spanReader{r: r, max: maxRecord, what: "an entry or the text between two entries"}
	d := xml.NewDecoder(lim)
	d.CharsetReader = dblpCharsetReader
	ids := map[string]int{}
	rec, total, feed := 0, -1, false
	for {
		lim.mark() // each entry, and each token outside entries, is bounded
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			pe := &ParseError{File: name, Line: line, Record: rec + 1, Reason: "malformed XML", Err: dblpXMLCause(err)}
			if errors.Is(err, ErrLimit) {
				return nil, pe // not a bad record: lenient mode must not hide it
			}
			if err := res.skip(opt, pe); err != nil {
				return nil, err
			}
			res.warnf("%s: reading stopped at line %d", name, line)
			break
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case start.Name.Space == arxivAtomNS && start.Name.Local == "feed":
			feed = true
		case start.Name.Space == arxivSearchNS && start.Name.Local == "totalResults":
			text, err := dblpText(d)
			if err == nil {
				total, _ = strconv.Atoi(text)
			}
		case start.Name.Space == arxivAtomNS && start.Name.Local == "entry":
			rec++
			line, _ := d.InputPos()
			e, err := arxivReadEntry(d)
			if err != nil {
				continue // the next Token call reports the error
			}
			if err := arxivAdd(res, e, name, line, rec, opt, ids); err != nil {
				return nil, err
			}
		}
	}
	if !feed {
		return nil, &ParseError{File: name, Line: 1, Reason: "not an Atom feed", Err: errors.New("expected an Atom <feed> element")}
	}
	switch {
	case rec == 0:
		res.warnf("%s: the feed has no entries", name)
	case total > rec:
		res.warnf("%s: the feed holds %d of %d results (one page of a longer answer)", name, rec, total)
	}
	return res, nil
}

// arxivReadEntry reads the children of an entry whose start tag has
// just been read.
func arxivReadEntry(d *xml.Decoder) (*arxivEntry, error) {
	e := &arxivEntry{}
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return e, nil
		case xml.StartElement:
			if t.Name.Space == arxivAtomNS && t.Name.Local == "author" {
				a, err := arxivReadAuthor(d)
				if err != nil {
					return nil, err
				}
				if a.Name != "" {
					e.authors = append(e.authors, a)
				}
				continue
			}
			term := ""
			for _, at := range t.Attr {
				if at.Name.Local == "term" {
					term = at.Value
				}
			}
			text, err := dblpText(d)
			if err != nil {
				return nil, err
			}
			switch t.Name.Space + " " + t.Name.Local {
			case arxivAtomNS + " id":
				e.id = text
			case arxivAtomNS + " title":
				e.title = text
			case arxivAtomNS + " summary":
				e.summary = text
			case arxivAtomNS + " published":
				e.published = text
			case arxivAtomNS + " category":
				if term != "" {
					e.categories = append(e.categories, term)
				}
			case arxivNS + " primary_category":
				e.primary = term
			case arxivNS + " doi":
				e.doi = text
			}
		}
	}
}

// arxivReadAuthor reads an author element: name and affiliations.
func arxivReadAuthor(d *xml.Decoder) (Author, error) {
	var a Author
	var affs []string
	for {
		tok, err := d.Token()
		if err != nil {
			return a, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			a.Affiliation = strings.Join(affs, "; ")
			return a, nil
		case xml.StartElement:
			text, err := dblpText(d)
			if err != nil {
				return a, err
			}
			switch {
			case t.Name.Local == "name":
				a.Name = text
			case t.Name.Local == "affiliation" && text != "":
				affs = append(affs, text)
			}
		}
	}
}

// arxivAdd turns an entry into a paper, or reports an error entry.
func arxivAdd(res *Result, e *arxivEntry, name string, line, rec int, opt *Options, ids map[string]int) error {
	if e.title == "Error" && (strings.Contains(e.id, "/api/errors") || len(e.authors) == 0 || e.authors[0].Name == "arXiv api core") {
		msg := fmt.Errorf("the arXiv API answered with an error: %s", e.summary)
		if opt.Lenient {
			res.warnf("%s:%d: %v", name, line, msg)
			return nil
		}
		return &ParseError{File: name, Line: line, Record: rec, Reason: "API error", Err: msg}
	}
	p := Paper{
		Title:    e.title,
		Abstract: e.summary,
		Date:     webParseDate(e.published),
		Venue:    e.primary,
		Keywords: e.categories,
		Authors:  e.authors,
		DOI:      NormalizeDOI(e.doi),
		ArXiv:    arxivID(e.id),
		Origin:   Origin{File: name, Line: line, Record: rec},
	}
	if p.Venue == "" && len(p.Keywords) > 0 {
		p.Venue = p.Keywords[0]
	}
	if p.ArXiv == "" {
		pe := &ParseError{File: name, Line: line, Record: rec, Reason: "no arXiv id",
			Err: fmt.Errorf("entry id %q is not an arXiv abstract URL", e.id)}
		return res.skip(opt, pe)
	}
	if len(p.Authors) == 0 {
		pe := &ParseError{File: name, Line: line, Record: rec, Reason: "no authors",
			Err: fmt.Errorf("entry %s: %w", p.ArXiv, ErrNoAuthors)}
		return res.skip(opt, pe)
	}
	p.ID = webUniqueID(ids, p.ArXiv)
	res.Papers = append(res.Papers, p)
	return nil
}

// arxivIDRE matches an arXiv identifier, new style ("2301.12594") or old
// style ("cond-mat/0102536", "math.GT/0309136"), with an optional version.
var arxivIDRE = regexp.MustCompile(`(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z-]+)?/\d{7})(v\d+)?`)

// arxivID returns the arXiv identifier in s (a bare id or an abs, pdf or
// api URL) without its version, or "" when s holds none.
func arxivID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(strings.ToLower(s), "arxiv.org/"); i >= 0 {
		s = s[i+len("arxiv.org/"):]
		for _, p := range []string{"abs/", "pdf/", "html/", "api/"} {
			if strings.HasPrefix(s, p) {
				s = s[len(p):]
				break
			}
		}
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "arXiv:"), "arxiv:")
	m := arxivIDRE.FindStringSubmatchIndex(s)
	if m == nil || m[0] != 0 {
		return ""
	}
	return s[m[2]:m[3]]
}

// webCollapse returns s with runs of white space made one space and
// trimmed: titles in XML and JSON sources wrap over lines.
func webCollapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// webDateRE matches YYYY, YYYY-MM or YYYY-MM-DD at the start of a string
// (also the date of an RFC 3339 timestamp).
var webDateRE = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?`)

// webParseDate returns the date at the start of s, zero when there is
// none; a month or day out of range is dropped.
func webParseDate(s string) Date {
	m := webDateRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Date{}
	}
	var d Date
	d.Year, _ = strconv.Atoi(m[1])
	d.Month, _ = strconv.Atoi(m[2])
	d.Day, _ = strconv.Atoi(m[3])
	if d.Month < 1 || d.Month > 12 {
		d.Month, d.Day = 0, 0
	}
	if d.Day < 1 || d.Day > 31 {
		d.Day = 0
	}
	return d
}

// webORCIDRE matches an ORCID iD.
var webORCIDRE = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dX]`)

// webORCID returns the ORCID iD in s (bare or as an orcid.org URL), or "".
func webORCID(s string) string {
	return webORCIDRE.FindString(s)
}

// webUniqueID returns id, or id with "#2", "#3"... when it was seen
// before in the same file.
func webUniqueID(seen map[string]int, id string) string {
	n := seen[id]
	seen[id] = n + 1
	if n == 0 {
		return id
	}
	return fmt.Sprintf("%s#%d", id, n+1)
}
