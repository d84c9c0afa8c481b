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
	"time"
)

// The profile-page format is the text of a scholar's profile page as a
// browser copies it:
//
//	Owner Name
//
//	LG                      field
//	h-index47
//	34papers
//	1,510citations
//	...
//	34 Papers
//
//	LGJan 30, 2023          category code and date, optionally "Code"
//	Title of the paper
//
//	A, B, C et al. · affiliation
//
//	Abstract, one or more lines.
//
// A date written without a year ("CLApr 21") is in the year of capture.
//
// A page larger than 64 MiB is refused with [ErrLimit].

func init() {
	register(format{
		name:  "profile",
		exts:  []string{".txt"},
		sniff: sniffProfile,
		read:  readProfile,
	})
}

var (
	profileDate     = regexp.MustCompile(`^([A-Z]{1,6})(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(Code)?$`)
	profilePapers   = regexp.MustCompile(`^([\d,]+) ?papers$`)
	profileHIndex   = regexp.MustCompile(`^h-index ?(\d+)$`)
	profileCited    = regexp.MustCompile(`^([\d,]+) ?citations$`)
	profileMonths   = map[string]int{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
	profileEtAlRE   = regexp.MustCompile(`(?i),?\s*(et al\.?|and others)$`)
	profileAffilSep = " · "
)

func sniffProfile(head []byte) bool {
	hasH, hasDate := false, false
	for i, line := range strings.Split(string(head), "\n") {
		if i > 400 {
			break
		}
		line = strings.TrimSpace(line)
		if profileHIndex.MatchString(line) || profilePapers.MatchString(line) {
			hasH = true
		}
		if profileDate.MatchString(line) {
			hasDate = true
		}
	}
	return hasH && hasDate
}

// ProfileHeader is the header block of a profile page.
type ProfileHeader struct {
	Field     string
	HIndex    int // -1 when absent
	Papers    int // declared paper count, -1 when absent
	Citations int // -1 when absent
}

// profileLine is one non-blank line of input, trimmed, with its number.
type profileLine struct {
	n    int
	text string
}

// readProfile keeps the non-blank lines of the page, which must be no
// larger than maxProfile, and then parses them: blank lines separate
// nothing that the date lines do not.
func readProfile(r io.Reader, name string, opt *Options) (*Result, error) {
	var lines []profileLine
	sc := bufio.NewScanner(&spanReader{r: r, max: maxProfile, what: "a profile page"})
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		text := bytes.TrimSpace(bytes.TrimPrefix(sc.Bytes(), []byte("\ufeff")))
		if len(text) > 0 {
			lines = append(lines, profileLine{n, string(text)})
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: a line longer than %d bytes", ErrLimit, maxLine)
		}
		return nil, &ParseError{File: name, Line: n + 1, Err: err}
	}
	res := &Result{}
	i := 0
	if len(lines) == 0 {
		return nil, &ParseError{File: name, Line: 1, Err: fmt.Errorf("empty profile page: expected the owner's name on the first line")}
	}
	res.Owner = lines[i].text
	hdr := ProfileHeader{HIndex: -1, Papers: -1, Citations: -1}
	i++
	// Header block: everything up to the first date line.
	for ; i < len(lines) && !profileDate.MatchString(lines[i].text); i++ {
		t := lines[i].text
		switch {
		case profileHIndex.MatchString(t):
			hdr.HIndex = atoiComma(profileHIndex.FindStringSubmatch(t)[1])
		case profilePapers.MatchString(t):
			hdr.Papers = atoiComma(profilePapers.FindStringSubmatch(t)[1])
		case profileCited.MatchString(t):
			hdr.Citations = atoiComma(profileCited.FindStringSubmatch(t)[1])
		case hdr.Field == "" && t != "" && isUpperCode(t):
			hdr.Field = t
		}
	}
	asOf := opt.asOf()
	ownerKey := Key(res.Owner)
	for rec := 1; i < len(lines); rec++ {
		start := lines[i]
		next := i + 1
		for next < len(lines) && !profileDate.MatchString(lines[next].text) {
			next++
		}
		p, err := profilePaper(lines[i:next], name, rec, asOf)
		i = next
		if err != nil {
			if err := res.skip(opt, err); err != nil {
				return nil, err
			}
			continue
		}
		p.ID = fmt.Sprintf("p%d", rec)
		addOwner(res, p, ownerKey, opt, start.n, name)
		res.Papers = append(res.Papers, *p)
	}
	if hdr.Papers >= 0 && hdr.Papers != len(res.Papers)+res.SkippedTotal() {
		res.warnf("%s: the header says %d papers but %d were read", name, hdr.Papers, len(res.Papers))
	}
	return res, nil
}

// addOwner makes sure the owner is on a paper's author list: a truncated
// list that does not show them gets them appended, marked as inferred.
func addOwner(res *Result, p *Paper, ownerKey string, opt *Options, line int, name string) {
	for _, a := range p.Authors {
		if Key(a.Name) == ownerKey {
			return
		}
	}
	switch {
	case opt.NoOwner:
	case p.Truncated:
		p.Authors = append(p.Authors, Author{Name: res.Owner, Inferred: true})
	default:
		res.warnf("%s:%d: the owner %q is not on the complete author list of %q", name, line, res.Owner, p.Title)
	}
}

// profilePaper parses the non-blank lines of one paper: the date line,
// the title, the author line and the abstract.
func profilePaper(ls []profileLine, name string, rec int, asOf time.Time) (*Paper, *ParseError) {
	m := profileDate.FindStringSubmatch(ls[0].text)
	p := &Paper{Venue: m[1], HasCode: m[5] != "", Origin: Origin{File: name, Line: ls[0].n, Record: rec}}
	p.Date.Month = profileMonths[m[2]]
	p.Date.Day, _ = strconv.Atoi(m[3])
	if m[4] != "" {
		p.Date.Year, _ = strconv.Atoi(m[4])
	} else {
		p.Date.Year = asOf.Year()
		if p.Date.Month > int(asOf.Month()) || (p.Date.Month == int(asOf.Month()) && p.Date.Day > asOf.Day()) {
			p.Date.Year--
		}
	}
	rest := ls[1:]
	if len(rest) < 2 {
		return nil, &ParseError{File: name, Line: ls[0].n, Record: rec, Reason: "incomplete paper",
			Err: fmt.Errorf("expected a title line and an author line after the date line %q", ls[0].text)}
	}
	p.Title = rest[0].text
	authorLine := rest[1].text
	if k := strings.LastIndex(authorLine, profileAffilSep); k >= 0 {
		p.Affiliation = strings.TrimSpace(authorLine[k+len(profileAffilSep):])
		authorLine = strings.TrimSpace(authorLine[:k])
	}
	if m := profileEtAlRE.FindStringIndex(authorLine); m != nil {
		p.Truncated = true
		authorLine = strings.TrimSpace(authorLine[:m[0]])
	}
	for _, a := range strings.Split(authorLine, ",") {
		if a = strings.TrimSpace(a); a != "" {
			p.Authors = append(p.Authors, Author{Name: a})
		}
	}
	if len(p.Authors) == 0 {
		return nil, &ParseError{File: name, Line: rest[1].n, Record: rec, Reason: "no authors",
			Err: fmt.Errorf("expected an author line (\"A, B, C et al. · affiliation\"), got %q", rest[1].text)}
	}
	var abs []string
	for _, l := range rest[2:] {
		abs = append(abs, l.text)
	}
	p.Abstract = strings.Join(abs, "\n")
	return p, nil
}

func atoiComma(s string) int {
	n, _ := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	return n
}

func isUpperCode(s string) bool {
	if len(s) > 8 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
