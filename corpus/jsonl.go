package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

// Lines are read in batches by one goroutine and parsed by as many
// workers as GOMAXPROCS allows; the calling goroutine takes the batches
// back in file order, so that errors and skipped records come out as if
// the lines were read one after another. Most lines take the fast path
// of jsonl_fast.go; the rest, and every bad line, go to jsonlPaper.
//
// The papers of one file share their strings where they can: each
// distinct author name is put in display order and stored once, as are
// venues, keywords and author affiliations, and the author lists are
// cut from large blocks rather than allocated one by one.

// The size of a batch: at most jsonlBatchLines lines, and no more lines
// once it holds jsonlBatchBytes bytes.
const (
	jsonlBatchLines = 1024
	jsonlBatchBytes = 256 << 10
)

// jsonlBlock is the number of authors or keywords in one block.
const jsonlBlock = 4096

func readJSONL(r io.Reader, name string, opt *Options) (*Result, error) {
	return readJSONLWith(r, name, opt, runtime.GOMAXPROCS(0), jsonlBatchLines)
}

// readJSONLWith reads with the given number of workers and lines per
// batch. A file that fits in one batch is read without starting any
// goroutine, and with one worker the lines are parsed in the calling
// goroutine.
func readJSONLWith(r io.Reader, name string, opt *Options, workers, batchLines int) (*Result, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	lr := &jsonlLines{sc: sc, max: batchLines}
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		// On a read error the scanner gives what it holds as a last
		// line: note that it ended without its line break.
		adv, line, err := bufio.ScanLines(data, atEOF)
		if adv > 0 {
			lr.cut = data[adv-1] != '\n'
		}
		return adv, line, err
	})
	c := &jsonlCollector{name: name, opt: opt, res: &Result{}, shared: newJSONLShared()}
	b := new(jsonlBatch)
	lr.fill(b, nil)
	if workers <= 1 || lr.eof {
		d := c.shared.decoder()
		for {
			b.parse(d, name)
			if err := c.collect(b); err != nil {
				return nil, jsonlReadError(err, sc, lr, name)
			}
			if lr.eof {
				break
			}
			lr.fill(b, nil)
		}
	} else if err := c.pipeline(lr, b, name, workers); err != nil {
		return nil, jsonlReadError(err, sc, lr, name)
	}
	if err := sc.Err(); err != nil {
		return nil, jsonlScanError(err, lr, name)
	}
	return c.result(workers), nil
}

// jsonlReadError returns the error of reading the input instead of err
// when err is about the last line read and reading stopped on an error:
// a file cut short, or past --max-bytes, ends in a partial line whose
// parse error would hide the cause.
func jsonlReadError(err error, sc *bufio.Scanner, lr *jsonlLines, name string) error {
	var pe *ParseError
	if serr := sc.Err(); serr != nil && errors.As(err, &pe) && pe.Line >= lr.n {
		return jsonlScanError(serr, lr, name)
	}
	return err
}

// jsonlScanError returns the error of a scanner that stopped on err after
// lr.n lines: in line lr.n when that line was cut short, else in the
// next.
func jsonlScanError(err error, lr *jsonlLines, name string) error {
	if errors.Is(err, bufio.ErrTooLong) {
		err = fmt.Errorf("%w: line longer than %d bytes", ErrLimit, maxLine)
		return &ParseError{File: name, Line: lr.n + 1, Reason: "line too long", Err: err}
	}
	line := lr.n + 1
	if lr.cut {
		line = lr.n
	}
	return &ParseError{File: name, Line: line, Reason: "read error", Err: err}
}

// jsonlLines splits the input into lines, numbering them as they come.
type jsonlLines struct {
	sc  *bufio.Scanner
	max int  // lines per batch
	n   int  // lines read
	rec int  // lines that are not blank
	eof bool // the scanner has stopped, at the end or on an error
	cut bool // the last line read ended at the end of the input, unbroken
}

// jsonlLine is a line of a batch: where it ends in the batch's bytes,
// its line number and its record number.
type jsonlLine struct{ end, n, rec int }

// jsonlBatch is a run of lines, parsed by one worker.
type jsonlBatch struct {
	buf   []byte // the lines, trimmed, one after another
	lines []jsonlLine

	// The papers of the good lines: brief, or in full.
	brief       []jsonlBrief
	full        []Paper
	keywords    [][]string // of brief papers
	text        string     // of brief papers
	line0, rec0 int        // of the first line
	ids         []uint64   // hashes of the IDs

	errs []*ParseError // the errors of the bad lines, in order

	done     chan struct{} // a worker has parsed the batch
	panicked any           // what a worker panicked with
}

// fill reads the next lines into b, stopping early once stop is set.
func (lr *jsonlLines) fill(b *jsonlBatch, stop *atomic.Bool) {
	b.buf, b.lines = b.buf[:0], b.lines[:0]
	for len(b.lines) < lr.max && len(b.buf) < jsonlBatchBytes {
		if stop != nil && stop.Load() {
			return
		}
		if !lr.sc.Scan() {
			lr.eof = true
			return
		}
		lr.n++
		line := bytes.TrimSpace(lr.sc.Bytes())
		if lr.n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(line) == 0 {
			continue
		}
		lr.rec++
		b.buf = append(b.buf, line...)
		b.lines = append(b.lines, jsonlLine{len(b.buf), lr.n, lr.rec})
	}
}

// parse parses every line of b.
func (b *jsonlBatch) parse(d *jsonlDecoder, name string) {
	b.brief, b.full, b.keywords = make([]jsonlBrief, 0, len(b.lines)), nil, nil
	b.ids, b.errs = b.ids[:0], b.errs[:0]
	if len(b.lines) > 0 {
		b.line0, b.rec0 = b.lines[0].n, b.lines[0].rec
	}
	start := 0
	for _, l := range b.lines {
		line := b.buf[start:l.end]
		start = l.end
		if d.parse(line, name, l.n, l.rec, b) {
			continue
		}
		p, err := jsonlPaper(line, name, l.n, l.rec)
		if err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		b.ids = append(b.ids, maphash.String(d.shared.seed, p.ID))
		b.addFull(*p)
	}
	b.text = string(d.own)
	d.own = d.own[:0]
}

// addFull adds a paper in full.
func (b *jsonlBatch) addFull(p Paper) {
	b.full = append(b.full, p)
	b.brief = append(b.brief, jsonlBrief{full: int32(len(b.full))})
}

// pipeline reads the rest of the input with workers, first being the
// batch already read.
func (c *jsonlCollector) pipeline(lr *jsonlLines, first *jsonlBatch, name string, workers int) error {
	// Every batch is in one place at a time, so sends on work and order
	// never block and free bounds the lines held in memory.
	n := 2*workers + 2
	free := make(chan *jsonlBatch, n)
	work := make(chan *jsonlBatch, n)
	order := make(chan *jsonlBatch, n)
	first.done = make(chan struct{}, 1)
	work <- first
	order <- first
	for range n - 1 {
		free <- &jsonlBatch{done: make(chan struct{}, 1)}
	}
	quit := make(chan struct{})
	var stop atomic.Bool
	var wg sync.WaitGroup
	var readPanic any

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(work)
		defer func() { readPanic = recover() }()
		for !lr.eof {
			var b *jsonlBatch
			select {
			case b = <-free:
			case <-quit:
				return
			}
			lr.fill(b, &stop)
			if stop.Load() {
				return
			}
			work <- b
			order <- b
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := c.shared.decoder()
			for b := range work {
				jsonlParseSafe(b, d, name)
				b.done <- struct{}{}
			}
		}()
	}

	var err error
	var panicked any
	for b := range order {
		<-b.done
		if panicked = b.panicked; panicked != nil {
			break
		}
		if err = c.collect(b); err != nil {
			break
		}
		// A batch that held a very long line gives its memory back.
		if cap(b.buf) > 4*jsonlBatchBytes {
			b.buf = nil
		}
		free <- b
	}
	stop.Store(true)
	close(quit)
	wg.Wait()
	if panicked == nil {
		panicked = readPanic
	}
	if panicked != nil {
		panic(panicked)
	}
	return err
}

// jsonlParseSafe parses b, keeping a panic for the collector to raise in
// the caller's goroutine.
func jsonlParseSafe(b *jsonlBatch, d *jsonlDecoder, name string) {
	defer func() { b.panicked = recover() }()
	b.parse(d, name)
}

// jsonlCollector takes parsed batches in file order.
type jsonlCollector struct {
	name    string
	opt     *Options
	res     *Result
	shared  *jsonlShared
	batches []jsonlPapers
	count   int
	ids     []uint64 // hashes of the IDs of the papers
}

// jsonlPapers are the papers of a batch.
type jsonlPapers struct {
	brief       []jsonlBrief
	full        []Paper
	keywords    [][]string
	text        string
	line0, rec0 int
}

// collect keeps the papers of b and counts or returns its errors.
func (c *jsonlCollector) collect(b *jsonlBatch) error {
	for _, e := range b.errs {
		if err := c.res.skip(c.opt, e); err != nil {
			return err
		}
	}
	if len(b.brief) > 0 {
		c.batches = append(c.batches, jsonlPapers{b.brief, b.full, b.keywords, b.text, b.line0, b.rec0})
		c.count += len(b.brief)
		c.ids = append(c.ids, b.ids...)
	}
	b.brief, b.full, b.keywords, b.text = nil, nil, nil, ""
	return nil
}

// result returns the papers in one list.
//
// IDs are made unique in file order, as csvUniqueID does, only when two
// IDs have the same hash: if no two are the same, csvUniqueID would
// leave every one as it is. The sorted hashes tell that with far less
// memory and time than a set of the IDs; with more than one worker they
// are sorted while the list is written.
func (c *jsonlCollector) result(workers int) *Result {
	var wg sync.WaitGroup
	var repeats bool
	if workers > 1 && len(c.batches) > 1 {
		wg.Go(func() { repeats = jsonlRepeats(c.ids) })
	} else {
		repeats = jsonlRepeats(c.ids)
	}
	if c.count > 0 {
		c.res.Papers = make([]Paper, c.count)
		at := 0
		for _, ps := range c.batches {
			ps.expand(c.res.Papers[at:at+len(ps.brief)], c.name)
			at += len(ps.brief)
		}
	}
	wg.Wait()
	c.batches, c.ids = nil, nil
	if repeats {
		seen := make(map[string]bool, len(c.res.Papers))
		for i := range c.res.Papers {
			p := &c.res.Papers[i]
			p.ID = csvUniqueID(p.ID, seen)
		}
	}
	return c.res
}

// expand writes the papers to out.
func (ps jsonlPapers) expand(out []Paper, name string) {
	start := uint32(0)
	text := func(end uint32) string {
		t := ""
		if end > start {
			t = ps.text[start:end]
		}
		start = end
		return t
	}
	for i := range ps.brief {
		s := &ps.brief[i]
		if s.full > 0 {
			out[i] = ps.full[s.full-1]
			continue
		}
		id := text(s.ends[0])
		title := text(s.ends[1])
		abstract := text(s.ends[2])
		affil := text(s.ends[3])
		doi := text(s.ends[4])
		arxiv := text(s.ends[5])
		out[i] = Paper{
			ID:          id,
			Title:       title,
			Abstract:    abstract,
			Affiliation: affil,
			DOI:         doi,
			ArXiv:       arxiv,
			Date:        jsonlUnpackDate(s.date),
			Venue:       s.venue,
			Authors:     s.authors,
			Truncated:   s.truncated,
			Origin:      Origin{File: name, Line: ps.line0 + int(s.line), Record: ps.rec0 + int(s.rec)},
		}
		if s.keywords > 0 {
			out[i].Keywords = ps.keywords[s.keywords-1]
		}
	}
}

// jsonlRepeats reports whether a value occurs twice in hs, sorting hs.
func jsonlRepeats(hs []uint64) bool {
	slices.Sort(hs)
	for i := 1; i < len(hs); i++ {
		if hs[i] == hs[i-1] {
			return true
		}
	}
	return false
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
