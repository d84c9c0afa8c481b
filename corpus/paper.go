package corpus

import (
	"fmt"
	"strings"
)

// Date is a publication date. Year is zero when unknown; Month (1-12) and
// Day (1-31) are zero when unknown.
type Date struct {
	Year, Month, Day int
}

// String returns the date as YYYY, YYYY-MM or YYYY-MM-DD, or "" when the
// year is unknown.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Author is one entry of a paper's author list.
type Author struct {
	// Name is the name as written in the source, after markup such as
	// LaTeX accents has been turned into Unicode.
	Name string

	// IDs holds identifiers of the person, each prefixed by its scheme:
	// "orcid:0000-0002-1825-0097", "dblp:Manish Singh 0001",
	// "openalex:A123", "scopus:7004212771". Empty when the source has none.
	IDs []string

	// Affiliation is the author's affiliation when the source gives one
	// per author.
	Affiliation string

	// Inferred is true when the author was not written in the source but
	// deduced, as the owner of a profile page hidden behind "et al.".
	Inferred bool
}

// Origin says where a record came from.
type Origin struct {
	File   string // path as given, "-" for standard input
	Line   int    // first line of the record, 1-based; 0 when not line based
	Record int    // index of the record in the file, 1-based
}

// String returns "file:line", or "file#record" when there is no line.
func (o Origin) String() string {
	if o.Line > 0 {
		return fmt.Sprintf("%s:%d", o.File, o.Line)
	}
	return fmt.Sprintf("%s#%d", o.File, o.Record)
}

// Paper is one publication, whatever format it was read from.
type Paper struct {
	// ID identifies the paper within a run: the source's key when it has
	// one (BibTeX key, PMID, OpenAlex id), otherwise one made from the
	// origin. Readers make IDs unique within a file.
	ID string

	Title string
	Date  Date

	// Venue is the journal, conference or, for a profile page, the
	// subject category code ("LG", "CL").
	Venue string

	// Authors lists the authors in the order of the source.
	Authors []Author

	// Truncated is true when the source shortened the author list
	// ("et al.", "and others").
	Truncated bool

	// Affiliation is the affiliation given for the paper as a whole.
	Affiliation string

	Abstract string
	Keywords []string

	// DOI is lower case without a resolver prefix; ArXiv is the arXiv
	// identifier without version ("2301.12594").
	DOI, ArXiv string

	// HasCode is true when the source marks the paper as having code.
	HasCode bool

	Origin Origin

	// Sources lists where each record merged into this paper came from,
	// in the order they were read; [Merge] sets it, and it is empty for
	// a paper that has not been through Merge.
	Sources []Origin
}

// Year returns the paper's year, zero when unknown.
func (p *Paper) Year() int { return p.Date.Year }

// NormalizeDOI returns a DOI in lower case without "doi:" or a resolver
// URL in front, or "" when s holds none.
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"} {
		if strings.HasPrefix(low, p) {
			low = strings.TrimSpace(low[len(p):])
			break
		}
	}
	if !strings.HasPrefix(low, "10.") {
		return ""
	}
	return low
}
