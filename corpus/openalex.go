package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// The openalex format is OpenAlex works JSON, in three shapes:
//
//   - a single work object, as api.openalex.org/works/W... returns;
//   - a results page {"meta": {...}, "results": [work, ...]}; an empty
//     last page gives no papers and no error;
//   - JSON Lines, one work per line, as in the OpenAlex snapshot.
//
// The results array and JSON Lines are read one work at a time. A work
// longer than 16 MiB, or as much JSON between two works, is refused with
// [ErrLimit].
//
// Authors come from authorships[] in order: author.display_name, or
// raw_author_name when that is empty; author.id gives "openalex:A...",
// author.orcid gives "orcid:..."; the display names of the institutions
// are the affiliation, or the raw affiliation string when there are none.
// is_authors_truncated sets [Paper.Truncated].
//
// The venue is primary_location.source.display_name (current schema) or
// host_venue.display_name (schema of the early snapshots). Keywords are
// the display names of topics[] (current schema) or, when there are no
// topics, of concepts[] with a score of at least 0.3 (concepts are
// machine-assigned with a long tail of low scores; 0.3 keeps the
// confident ones), followed by keywords[]. The abstract is rebuilt from
// abstract_inverted_index, in the plain {word: [positions]} form or the
// {"IndexLength": n, "InvertedIndex": {...}} form of early snapshots.
//
// OpenAlex ids hold no arXiv identifier: ArXiv is taken from a DOI of
// the form 10.48550/arxiv.* or from an arxiv.org landing page among the
// locations. A work without authorships is kept with no authors and
// counted in a warning.

func init() {
	register(format{
		name:  "openalex",
		exts:  []string{".jsonl"},
		sniff: sniffOpenAlex,
		read:  readOpenAlex,
	})
}

// openalexMinConceptScore is the lowest concept score taken as a keyword.
const openalexMinConceptScore = 0.3

var (
	openalexIDRE   = regexp.MustCompile(`"id"\s*:\s*"https://openalex\.org/W\d+"`)
	openalexPageRE = regexp.MustCompile(`^\{\s*"meta"\s*:\s*\{[^{}]*"db_response_time_ms"`)
)

func sniffOpenAlex(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	return openalexIDRE.Match(head) || bytes.Contains(head, []byte(`"authorships"`)) || openalexPageRE.Match(head)
}

type openalexWork struct {
	ID                 string         `json:"id"`
	DOI                string         `json:"doi"`
	Title              string         `json:"title"`
	DisplayName        string         `json:"display_name"`
	PublicationYear    int            `json:"publication_year"`
	PublicationDate    string         `json:"publication_date"`
	IDs                map[string]any `json:"ids"`
	IsAuthorsTruncated bool           `json:"is_authors_truncated"`
	Authorships        []struct {
		Author struct {
			ID          string `json:"id"`
			DisplayName string `json:"display_name"`
			ORCID       string `json:"orcid"`
		} `json:"author"`
		RawAuthorName string `json:"raw_author_name"`
		Institutions  []struct {
			DisplayName string `json:"display_name"`
		} `json:"institutions"`
		RawAffiliation  string   `json:"raw_affiliation_string"`
		RawAffiliations []string `json:"raw_affiliation_strings"`
	} `json:"authorships"`
	PrimaryLocation *struct {
		Source *struct {
			DisplayName string `json:"display_name"`
		} `json:"source"`
	} `json:"primary_location"`
	HostVenue *struct {
		DisplayName string `json:"display_name"`
	} `json:"host_venue"`
	Locations []struct {
		LandingPageURL string `json:"landing_page_url"`
	} `json:"locations"`
	Topics []struct {
		DisplayName string `json:"display_name"`
	} `json:"topics"`
	Concepts []struct {
		DisplayName string  `json:"display_name"`
		Score       float64 `json:"score"`
	} `json:"concepts"`
	Keywords      []json.RawMessage `json:"keywords"`
	AbstractIndex json.RawMessage   `json:"abstract_inverted_index"`
}

// openalexReader holds the state of one file being read.
type openalexReader struct {
	name      string
	opt       *Options
	res       *Result
	ids       map[string]int
	noAuthors int
}

func readOpenAlex(r io.Reader, name string, opt *Options) (*Result, error) {
	or := &openalexReader{name: name, opt: opt, res: &Result{}, ids: map[string]int{}}
	br := bufio.NewReaderSize(r, 64<<10)
	lines, err := openalexIsLines(br, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if lines {
		err = or.readLines(br)
	} else {
		err = or.readDocument(br)
	}
	if err != nil {
		return nil, err
	}
	if or.noAuthors > 0 {
		or.res.warnf("%s: %d works have no authorships; kept without authors", name, or.noAuthors)
	}
	return or.res, nil
}

// openalexIsLines tells JSON Lines from a single JSON document: the
// name ends in .jsonl or .ndjson, or the first line is a whole object
// and the next non-blank line starts another.
func openalexIsLines(br *bufio.Reader, name string) (bool, error) {
	low := strings.ToLower(strings.TrimSuffix(name, ".gz"))
	if strings.HasSuffix(low, ".jsonl") || strings.HasSuffix(low, ".ndjson") {
		return true, nil
	}
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return false, err
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	first, rest, ok := bytes.Cut(head, []byte("\n"))
	if !ok || !json.Valid(first) {
		return false, nil
	}
	rest = bytes.TrimLeft(rest, " \t\r\n")
	return len(rest) > 0 && rest[0] == '{', nil
}

func (or *openalexReader) errorf(line, rec int, reason string, err error) *ParseError {
	return &ParseError{File: or.name, Line: line, Record: rec, Reason: reason, Err: err}
}

// readLines reads JSON Lines, one work per line; a bad line is a bad
// record.
func (or *openalexReader) readLines(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	rec := 0
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(bytes.TrimPrefix(sc.Bytes(), []byte("\xef\xbb\xbf")))
		if len(line) == 0 {
			continue
		}
		rec++
		var w openalexWork
		if err := json.Unmarshal(line, &w); err != nil {
			if err := or.res.skip(or.opt, or.errorf(n, rec, "malformed JSON", err)); err != nil {
				return err
			}
			continue
		}
		or.add(&w, n, rec)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: a line is longer than %d bytes", ErrLimit, maxLine)
		}
		return or.errorf(0, rec+1, "", err)
	}
	return nil
}

// readDocument reads a single work or a results page. The top object is
// read key by key so that the results array is decoded one work at a
// time; the other keys are kept, and if there is no results array they
// are the work itself.
//
// A work, and what the document holds before and after the results
// array, may each take up to maxRecord bytes of the file.
func (or *openalexReader) readDocument(r io.Reader) error {
	src := &openalexSource{lim: &spanReader{r: r, max: maxRecord, what: "a work or the JSON between two works"}}
	dec := json.NewDecoder(src)
	tok, err := dec.Token()
	if err == io.EOF {
		or.res.warnf("%s: empty file", or.name)
		return nil
	}
	if err != nil {
		return or.errorf(0, 0, "malformed JSON", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return or.errorf(0, 0, "malformed JSON", fmt.Errorf("expected a JSON object, got %v", tok))
	}
	fields := map[string]json.RawMessage{}
	page := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return or.errorf(0, 0, "malformed JSON", err)
		}
		key, _ := tok.(string)
		if key == "results" {
			page = true
			if err := or.readResults(dec, src); err != nil {
				return err
			}
			src.mark()
			continue
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return or.errorf(0, 0, "malformed JSON", err)
		}
		fields[key] = v
	}
	if _, err := dec.Token(); err != nil {
		return or.errorf(0, 0, "malformed JSON", err)
	}
	if page {
		return nil
	}
	if _, ok := fields["meta"]; ok {
		return or.errorf(0, 0, "malformed JSON", errors.New(`a page with "meta" but no "results" array`))
	}
	obj, _ := json.Marshal(fields)
	var w openalexWork
	if err := json.Unmarshal(obj, &w); err != nil {
		return or.res.skip(or.opt, or.errorf(0, 1, "malformed work", err))
	}
	or.add(&w, 0, 1)
	return nil
}

// readResults reads the results array of a page, one work at a time.
func (or *openalexReader) readResults(dec *json.Decoder, src *openalexSource) error {
	tok, err := dec.Token()
	if err != nil {
		return or.errorf(0, 0, "malformed JSON", err)
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return or.errorf(0, 0, "malformed JSON", fmt.Errorf(`"results" is %v, want an array`, tok))
	}
	for rec := 1; dec.More(); rec++ {
		src.mark()
		var w openalexWork
		err := dec.Decode(&w)
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			// The value was read whole; the decoder can go on.
			if err := or.res.skip(or.opt, or.errorf(0, rec, "malformed work", err)); err != nil {
				return err
			}
			continue
		case err != nil:
			return or.errorf(0, rec, "malformed JSON", err)
		}
		or.add(&w, 0, rec)
	}
	_, err = dec.Token()
	if err != nil {
		return or.errorf(0, 0, "malformed JSON", err)
	}
	return nil
}

// openalexSource is a JSON document as the decoder of readDocument sees
// it. A run of white space outside strings becomes its first byte:
// json.Decoder rescans the white space before a token on every read,
// so a long run of it would take time in the square of its length.
// Reads return at most openalexChunk bytes, so that the decoder reads
// little ahead of what it decodes and mark ends a span of lim close to
// where the decoder is.
type openalexSource struct {
	lim   *spanReader
	str   bool // inside a string
	esc   bool // after a backslash inside a string
	space bool // the last byte passed on was white space outside strings
}

// openalexChunk is the most bytes one read of an openalexSource returns.
const openalexChunk = 4 << 10

func (s *openalexSource) mark() { s.lim.mark() }

func (s *openalexSource) Read(p []byte) (int, error) {
	if len(p) > openalexChunk {
		p = p[:openalexChunk]
	}
	for {
		n, err := s.lim.Read(p)
		w := 0
		for _, c := range p[:n] {
			switch {
			case s.str:
				s.str = s.esc || c != '"'
				s.esc = !s.esc && c == '\\'
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				if s.space {
					continue
				}
				s.space = true
			default:
				s.str = c == '"'
				s.space = false
			}
			p[w] = c
			w++
		}
		if w > 0 || err != nil || n == 0 {
			return w, err
		}
	}
}

// add turns a work into a paper and adds it to the result.
func (or *openalexReader) add(w *openalexWork, line, rec int) {
	p := Paper{
		ID:        strings.TrimPrefix(w.ID, "https://openalex.org/"),
		Title:     webCollapse(w.Title),
		DOI:       NormalizeDOI(w.DOI),
		Truncated: w.IsAuthorsTruncated,
		Origin:    Origin{File: or.name, Line: line, Record: rec},
	}
	if p.Title == "" {
		p.Title = webCollapse(w.DisplayName)
	}
	p.Date = webParseDate(w.PublicationDate)
	if p.Date.Year == 0 {
		p.Date.Year = w.PublicationYear
	}
	switch {
	case w.PrimaryLocation != nil && w.PrimaryLocation.Source != nil && w.PrimaryLocation.Source.DisplayName != "":
		p.Venue = w.PrimaryLocation.Source.DisplayName
	case w.HostVenue != nil:
		p.Venue = w.HostVenue.DisplayName
	}
	for _, a := range w.Authorships {
		au := Author{Name: webCollapse(a.Author.DisplayName)}
		if au.Name == "" {
			au.Name = webCollapse(a.RawAuthorName)
		}
		if au.Name == "" {
			continue
		}
		if id := strings.TrimPrefix(a.Author.ID, "https://openalex.org/"); id != "" {
			au.IDs = append(au.IDs, "openalex:"+id)
		}
		if o := webORCID(a.Author.ORCID); o != "" {
			au.IDs = append(au.IDs, "orcid:"+o)
		}
		var inst []string
		for _, i := range a.Institutions {
			if i.DisplayName != "" {
				inst = append(inst, i.DisplayName)
			}
		}
		au.Affiliation = strings.Join(inst, "; ")
		if au.Affiliation == "" {
			au.Affiliation = a.RawAffiliation
			if au.Affiliation == "" {
				au.Affiliation = strings.Join(a.RawAffiliations, "; ")
			}
		}
		p.Authors = append(p.Authors, au)
	}
	if len(p.Authors) == 0 {
		or.noAuthors++
	}
	p.Keywords = openalexKeywords(w)
	p.Abstract = openalexAbstract(w.AbstractIndex)
	if strings.HasPrefix(p.DOI, "10.48550/arxiv.") {
		p.ArXiv = arxivID(strings.TrimPrefix(p.DOI, "10.48550/arxiv."))
	}
	for _, l := range w.Locations {
		if p.ArXiv == "" && strings.Contains(l.LandingPageURL, "arxiv.org/") {
			p.ArXiv = arxivID(l.LandingPageURL)
		}
	}
	if p.ID == "" {
		p.ID = fmt.Sprintf("openalex%d", rec)
	}
	p.ID = webUniqueID(or.ids, p.ID)
	or.res.Papers = append(or.res.Papers, p)
}

// openalexKeywords returns the topics (or confident concepts) and the
// keywords of a work, each once.
func openalexKeywords(w *openalexWork) []string {
	var kw []string
	seen := map[string]bool{}
	add := func(s string) {
		s = webCollapse(s)
		if k := strings.ToLower(s); s != "" && !seen[k] {
			seen[k] = true
			kw = append(kw, s)
		}
	}
	for _, t := range w.Topics {
		add(t.DisplayName)
	}
	if len(w.Topics) == 0 {
		for _, c := range w.Concepts {
			if c.Score >= openalexMinConceptScore {
				add(c.DisplayName)
			}
		}
	}
	for _, raw := range w.Keywords {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			var o struct {
				DisplayName string `json:"display_name"`
				Keyword     string `json:"keyword"`
			}
			json.Unmarshal(raw, &o)
			s = o.DisplayName
			if s == "" {
				s = o.Keyword
			}
		}
		add(s)
	}
	return kw
}

// openalexAbstract rebuilds an abstract from its inverted index. The
// words are sorted by position, so a huge position costs no memory.
func openalexAbstract(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var index map[string][]int
	var wrapped struct {
		InvertedIndex map[string][]int `json:"InvertedIndex"`
	}
	if json.Unmarshal(raw, &wrapped) == nil && wrapped.InvertedIndex != nil {
		index = wrapped.InvertedIndex
	} else if json.Unmarshal(raw, &index) != nil {
		return ""
	}
	type word struct {
		pos  int
		text string
	}
	var words []word
	for w, ps := range index {
		for _, p := range ps {
			words = append(words, word{p, w})
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].pos != words[j].pos {
			return words[i].pos < words[j].pos
		}
		return words[i].text < words[j].text
	})
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}
