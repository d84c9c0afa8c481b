package corpus

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The generic CSV format is a comma-separated table with a header line.
// Column names are matched case-insensitively:
//
//	title          required
//	authors        required; names separated by ";", each "First Last"
//	               or "Last, First"; a last "et al." or "and others"
//	               marks the list as truncated
//	year or date   required; date is YYYY, YYYY-MM or YYYY-MM-DD
//	doi, arxiv, venue (or journal), abstract, affiliation
//	keywords       separated by ";"
//	id             the paper's ID; "row<N>" when absent, N counting
//	               data rows from 1
//	truncated      true/false, yes/no or 1/0
//
// Unknown columns are ignored. The format is chosen by the .csv extension,
// or by content only when every column of the header is one of these
// names, so that exports with their own readers (Scopus and others) are
// not taken for it.

func init() {
	register(format{
		name:  "csv",
		exts:  []string{".csv"},
		sniff: sniffCSV,
		read:  readCSV,
	})
}

// csvColumns are the column names the reader knows, with their aliases.
var csvColumns = map[string]string{
	"title": "title", "year": "year", "date": "date", "authors": "authors",
	"doi": "doi", "arxiv": "arxiv", "venue": "venue", "journal": "venue",
	"abstract": "abstract", "keywords": "keywords", "affiliation": "affiliation",
	"id": "id", "truncated": "truncated",
}

// csvEtAl matches a truncation mark at the end of an author list.
var csvEtAl = regexp.MustCompile(`(?i)(^|[\s,;])(et\.? al\.?|and others)\s*$`)

func sniffCSV(head []byte) bool {
	line, _, _ := strings.Cut(string(head), "\n")
	rec, err := csv.NewReader(strings.NewReader(line)).Read()
	if err != nil {
		return false
	}
	seen := map[string]bool{}
	for _, c := range rec {
		col, ok := csvColumns[strings.ToLower(strings.TrimSpace(c))]
		if !ok {
			return false
		}
		seen[col] = true
	}
	return seen["title"] && seen["authors"] && (seen["year"] || seen["date"])
}

// csvHeader maps the known columns to their index in a row.
type csvHeader map[string]int

func (h csvHeader) get(row []string, col string) string {
	if i, ok := h[col]; ok && i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

func readCSV(r io.Reader, name string, opt *Options) (*Result, error) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	lim := &dbcsvLimit{r: br} // refuses a row longer than maxLine
	cr := csv.NewReader(lim)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ParseError{File: name, Line: 1, Reason: "missing header",
				Err: errors.New("empty file: expected a header line naming the columns")}
		}
		return nil, &ParseError{File: name, Line: 1, Reason: "malformed CSV", Err: err}
	}
	hdr, err := csvReadHeader(head, name)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	seen := map[string]bool{}
	for rec := 1; ; rec++ {
		lim.n = 0
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line := 0
		if err == nil && len(row) > 0 {
			line, _ = cr.FieldPos(0)
		}
		var perr *ParseError
		var p *Paper
		switch {
		case err != nil:
			perr = csvError(name, err)
			var ce *csv.ParseError
			if !errors.As(err, &ce) {
				return nil, perr // a read error or a limit: the rest cannot be read
			}
		case len(row) != len(head):
			perr = &ParseError{File: name, Line: line, Record: rec, Reason: "wrong number of fields",
				Err: fmt.Errorf("wrong number of fields: %d, the header has %d", len(row), len(head))}
		default:
			p, perr = csvPaper(hdr, row, name, line, rec)
		}
		if perr != nil {
			if err := res.skip(opt, perr); err != nil {
				return nil, err
			}
			continue
		}
		p.ID = csvUniqueID(p.ID, seen)
		res.Papers = append(res.Papers, *p)
	}
	return res, nil
}

// csvError turns an error of encoding/csv into a ParseError on its line.
func csvError(name string, err error) *ParseError {
	var ce *csv.ParseError
	if errors.As(err, &ce) {
		return &ParseError{File: name, Line: ce.StartLine, Reason: "malformed CSV", Err: ce.Err}
	}
	return &ParseError{File: name, Reason: "malformed CSV", Err: err}
}

// csvReadHeader finds the known columns and checks the required ones.
func csvReadHeader(head []string, name string) (csvHeader, error) {
	hdr := csvHeader{}
	for i, c := range head {
		c = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(c, "\ufeff")))
		if col, ok := csvColumns[c]; ok {
			if _, dup := hdr[col]; !dup {
				hdr[col] = i
			}
		}
	}
	var missing []string
	for _, c := range []string{"title", "authors"} {
		if _, ok := hdr[c]; !ok {
			missing = append(missing, c)
		}
	}
	_, y := hdr["year"]
	_, d := hdr["date"]
	if !y && !d {
		missing = append(missing, "year")
	}
	if len(missing) > 0 {
		return nil, &ParseError{File: name, Line: 1, Reason: "missing column",
			Err: fmt.Errorf("missing required column %s (the header has %s)",
				strings.Join(missing, ", "), strings.Join(head, ","))}
	}
	return hdr, nil
}

func csvPaper(h csvHeader, row []string, name string, line, rec int) (*Paper, *ParseError) {
	p := &Paper{
		ID:          h.get(row, "id"),
		Title:       h.get(row, "title"),
		Venue:       h.get(row, "venue"),
		Abstract:    h.get(row, "abstract"),
		Affiliation: h.get(row, "affiliation"),
		DOI:         NormalizeDOI(h.get(row, "doi")),
		ArXiv:       bibArXivID(h.get(row, "arxiv")),
		Origin:      Origin{File: name, Line: line, Record: rec},
	}
	if p.ID == "" {
		p.ID = fmt.Sprintf("row%d", rec)
	}
	date := h.get(row, "date")
	if y := h.get(row, "year"); y != "" {
		date = y
	}
	d, err := csvDate(date)
	if err != nil {
		return nil, &ParseError{File: name, Line: line, Record: rec, Reason: "invalid date", Err: err}
	}
	p.Date = d
	p.Authors, p.Truncated = csvAuthors(h.get(row, "authors"))
	if t := h.get(row, "truncated"); t != "" {
		b, err := csvBool(t)
		if err != nil {
			return nil, &ParseError{File: name, Line: line, Record: rec, Reason: "invalid field", Err: err}
		}
		p.Truncated = p.Truncated || b
	}
	p.Keywords = csvSplit(h.get(row, "keywords"))
	return p, nil
}

// csvAuthors splits an author list at ";", puts each name in display
// order and removes a trailing "et al." or "and others".
func csvAuthors(s string) ([]Author, bool) {
	truncated := false
	if loc := csvEtAl.FindStringIndex(s); loc != nil {
		s, truncated = s[:loc[0]], true
	}
	var out []Author
	for _, n := range csvSplit(s) {
		if n = DisplayName(n); n != "" {
			out = append(out, Author{Name: n})
		}
	}
	return out, truncated
}

// csvSplit splits s at ";" and drops empty items.
func csvSplit(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// csvDate reads "", YYYY, YYYY-MM or YYYY-MM-DD.
func csvDate(s string) (Date, error) {
	var d Date
	if s == "" {
		return d, nil
	}
	parts := strings.Split(s, "-")
	bad := fmt.Errorf("invalid date %q: expected YYYY, YYYY-MM or YYYY-MM-DD", s)
	if len(parts) > 3 || len(parts[0]) != 4 {
		return d, bad
	}
	limits := []int{9999, 12, 31}
	nums := make([]int, len(parts))
	for i, x := range parts {
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > limits[i] || (i > 0 && len(x) > 2) {
			return d, bad
		}
		nums[i] = n
	}
	d.Year = nums[0]
	if len(nums) > 1 {
		d.Month = nums[1]
	}
	if len(nums) > 2 {
		d.Day = nums[2]
	}
	return d, nil
}

func csvBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "yes", "1", "y", "t":
		return true, nil
	case "false", "no", "0", "n", "f":
		return false, nil
	}
	return false, fmt.Errorf("invalid truncated value %q: expected true or false", s)
}

// csvUniqueID returns id, or id with "-2", "-3" appended when it was
// already used.
func csvUniqueID(id string, seen map[string]bool) string {
	u := id
	for n := 2; seen[u]; n++ {
		u = fmt.Sprintf("%s-%d", id, n)
	}
	seen[u] = true
	return u
}
