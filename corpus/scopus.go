package corpus

import (
	"io"
	"regexp"
	"strings"
)

// Scopus CSV export. Two generations of header are read:
//
//   - recent exports have "Authors" as "Liu F.; Li C." (family name and
//     initials, "; " between authors), "Author full names" as "Liu,
//     Fengyuan (60410297700); ..." and "Author(s) ID" parallel to both;
//   - older exports have "Authors" as "Yagai T., Kimura Y." (", " between
//     authors) and may lack the two other columns.
//
// Names are displayed given names first: the full name when the export
// has one, otherwise "F. Liu" from "Liu F.". "[No author name available]"
// and "Anon" mean the record has no authors; it is kept, with a warning,
// because the export is still well formed.
//
// TODO: titles and abstracts keep Scopus's inline markup for sub- and
// superscripts ("YBa<inf>2</inf>Cu<inf>3</inf>"); it is not yet turned
// into plain text.
//
// TODO: in an older export without "Author(s) ID", two neighbouring names
// that both lack initials ("Alpha Beta, Gamma Delta") are read as one
// corporate name; nothing in the row tells them apart.

func init() {
	register(format{name: "scopus", exts: nil, sniff: sniffScopus, read: readScopus})
}

func sniffScopus(head []byte) bool {
	h := dbcsvHeader(head)
	return h != nil && h["authors"] && h["title"] && h["source title"] &&
		(h["eid"] || h["author(s) id"] || h["author full names"])
}

func readScopus(r io.Reader, name string, opt *Options) (*Result, error) {
	return dbcsvRun(r, name, opt, nil, scopusRow)
}

var (
	// scopusInitialsRE matches the initials of a name: "S.", "A.A.",
	// "Ch.L.", "J.-P.".
	scopusInitialsRE = regexp.MustCompile(`^\p{Lu}\p{Ll}{0,2}\.(?:-?\p{Lu}\p{Ll}{0,2}\.)*$`)
	// scopusFullNameRE matches one entry of "Author full names".
	scopusFullNameRE = regexp.MustCompile(`^(.*?)\s*\((\d+)\)$`)
	scopusEtAlRE     = regexp.MustCompile(`(?i)[;,]?\s*et al\.?$`)
)

// scopusNoAuthor holds the author fields Scopus writes for a record
// without authors, in lower case.
var scopusNoAuthor = map[string]bool{
	"[no author name available]": true, "anon": true, "anon.": true,
}

func scopusRow(r *dbcsvRow, res *Result) (*Paper, *ParseError) {
	p := r.paper()
	p.ID = r.get("EID")
	p.Title = r.get("Title")
	p.Date = dbcsvDate(r.get("Year"))
	p.Venue = r.get("Source title")
	p.DOI = NormalizeDOI(r.get("DOI"))
	p.ArXiv = dbcsvArXiv(r.get("DOI"), r.get("Link"))
	p.Affiliation = r.get("Affiliations")
	if abs := r.get("Abstract"); !strings.EqualFold(abs, "[No abstract available]") {
		p.Abstract = abs
	}
	p.Keywords = dbcsvKeywords(";", r.get("Author Keywords"), r.get("Index Keywords"))

	raw := r.get("Authors")
	if scopusNoAuthor[strings.ToLower(raw)] {
		res.warnf("%s:%d: %q has no author names", r.t.name, r.line, p.Title)
		return p, nil
	}
	if m := scopusEtAlRE.FindStringIndex(raw); m != nil {
		p.Truncated = true
		raw = strings.TrimSpace(raw[:m[0]])
	}
	ids := dbcsvSplit(r.get("Author(s) ID"), ";")
	short := scopusSplitAuthors(raw, r.t.has("Author full names"), len(ids))
	full := dbcsvSplit(r.get("Author full names"), ";")
	if len(full) > 0 && len(full) != len(short) {
		res.warnf("%s:%d: %d names in \"Authors\" but %d in \"Author full names\"; the short names are used",
			r.t.name, r.line, len(short), len(full))
		full = nil
	}
	if len(ids) > 0 && len(ids) != len(short) {
		res.warnf("%s:%d: %d names in \"Authors\" but %d ids in \"Author(s) ID\"; the ids are ignored",
			r.t.name, r.line, len(short), len(ids))
		ids = nil
	}
	affs := scopusAffiliations(r.get("Authors with affiliations"), short)
	for i, s := range short {
		a := Author{Name: scopusDisplayName(s)}
		if full != nil {
			a.Name, a.IDs = scopusFullName(full[i])
		}
		if ids != nil {
			a.IDs = []string{"scopus:" + ids[i]}
		}
		if affs != nil {
			a.Affiliation = affs[i]
		}
		p.Authors = append(p.Authors, a)
	}
	if len(p.Authors) == 0 {
		return nil, dbcsvNoAuthors(r, "Authors")
	}
	return p, nil
}

// scopusSplitAuthors splits the "Authors" column. Recent exports separate
// authors by ";". Older ones use ", ", which a corporate name may also
// hold: there a new author starts after a name that ends with an initial
// ("Lahlou S., ...") or at a piece that ends with initials itself. When
// the ids give the count and a plain split at every ", " matches it, that
// split wins.
func scopusSplitAuthors(s string, recent bool, nids int) []string {
	if recent || strings.Contains(s, ";") {
		return dbcsvSplit(s, ";")
	}
	plain := dbcsvSplit(s, ", ")
	if nids > 0 && len(plain) == nids {
		return plain
	}
	var groups [][]string
	for _, piece := range plain {
		n := len(groups)
		if n == 0 || strings.HasSuffix(groups[n-1][len(groups[n-1])-1], ".") || scopusHasInitials(piece) {
			groups = append(groups, []string{piece})
			continue
		}
		groups[n-1] = append(groups[n-1], piece)
	}
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = strings.Join(g, ", ")
	}
	return out
}

// scopusHasInitials reports whether a name ends with initials, "Lahlou S.".
func scopusHasInitials(s string) bool {
	f := strings.Fields(s)
	return len(f) > 1 && scopusInitialsRE.MatchString(f[len(f)-1]) && !scopusIsSuffix(f[len(f)-1])
}

func scopusIsSuffix(s string) bool {
	switch strings.ToLower(s) {
	case "jr.", "sr.", "jr", "sr":
		return true
	}
	return false
}

// scopusDisplayName turns "Lahlou S." into "S. Lahlou" and "Hudson Jr.
// J." into "J. Hudson Jr.". A name that does not end with initials is
// returned as written.
func scopusDisplayName(s string) string {
	f := strings.Fields(s)
	k := len(f)
	for k > 1 && scopusInitialsRE.MatchString(f[k-1]) && !scopusIsSuffix(f[k-1]) {
		k--
	}
	if k == len(f) || k == 0 {
		return strings.Join(f, " ")
	}
	return DisplayName(strings.Join(f[:k], " ") + ", " + strings.Join(f[k:], " "))
}

// scopusFullName reads "Liu, Fengyuan (60410297700)" as the display name
// "Fengyuan Liu" and the id "scopus:60410297700".
func scopusFullName(s string) (string, []string) {
	if m := scopusFullNameRE.FindStringSubmatch(s); m != nil {
		return DisplayName(m[1]), []string{"scopus:" + m[2]}
	}
	return DisplayName(s), nil
}

// scopusAffiliations reads "Authors with affiliations", "Liu F., Dept.,
// City, Country; Li C., ..." (recent) or "Yagai, T., Sophia University,
// Tokyo, Japan; ..." (older), as the affiliation of each author of
// short. It returns nil unless every entry starts with its author's name.
func scopusAffiliations(s string, short []string) []string {
	entries := dbcsvSplit(s, "; ")
	if len(entries) != len(short) {
		return nil
	}
	out := make([]string, len(short))
	for i, e := range entries {
		name := short[i]
		prefixes := []string{name}
		if f := strings.Fields(name); len(f) > 1 {
			prefixes = append(prefixes, strings.Join(f[:len(f)-1], " ")+", "+f[len(f)-1])
		}
		found := false
		for _, pre := range prefixes {
			if rest, ok := strings.CutPrefix(e, pre); ok {
				out[i] = strings.TrimSpace(strings.TrimPrefix(rest, ","))
				found = true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return out
}
