package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

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
