package corpus

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The PubMed MEDLINE format (PubMed's "Save as PubMed format", .nbib) writes
// one field per line, the tag padded to four characters, then "- ":
//
//	PMID- 30922926
//	TI  - Time lapse: A glimpse into prehistoric genomics.
//	FAU - Griffin, Darren K
//	AU  - Griffin DK
//	AD  - School of Biosciences, University of Kent, ...
//	      continued on a line indented by six spaces
//
// Records are separated by blank lines and each starts with PMID. FAU
// (full name) is preferred to AU; an AU right after an FAU is the same
// author. AUID and AD lines belong to the author before them.
//
// A file that holds only PubMed ids, one per line (PubMed's "PMID"
// export), is refused with an error that says so, rather than read as an
// empty corpus.

func init() {
	register(format{name: "pubmed", exts: []string{".nbib", ".medline"}, sniff: sniffPubMed, read: readPubMed})
}

var (
	pubmedLine   = regexp.MustCompile(`^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$`)
	pubmedPMIDRE = regexp.MustCompile(`^\d{1,9}$`)
	pubmedORCID  = regexp.MustCompile(`\d{4}-\d{4}-\d{4}-\d{3}[\dX]`)
)

// pubmedTagged reports whether line is a tagged line: a tag of up to four
// characters padded with spaces to four, then "-".
func pubmedTagged(line string) ([]string, bool) {
	if len(line) < 5 || line[4] != '-' {
		return nil, false
	}
	m := pubmedLine.FindStringSubmatch(line)
	return m, m != nil
}

func sniffPubMed(head []byte) bool {
	lines := biblioHeadLines(head, 400)
	ids := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "PMID- ") {
			return true
		}
	}
	// A list of PubMed ids: claimed so that the reader can explain it.
	for i, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case pubmedPMIDRE.MatchString(l):
			ids++
		case i == len(lines)-1 && len(head) == sniffSize:
			// The last line may be cut by the size of the head.
		default:
			return false
		}
	}
	return ids > 0
}

// pubmedRec gathers the fields of one record.
type pubmedRec struct {
	fields []risField
	start  int
	bad    bool
}

func readPubMed(r io.Reader, name string, opt *Options) (*Result, error) {
	lr, err := biblioNewLines(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	res := &Result{}
	var (
		ids     biblioIDs
		cur     pubmedRec
		rec     int
		onlyIDs = true
		any     bool
	)
	flush := func() {
		if cur.start == 0 {
			return
		}
		rec++
		if !cur.bad {
			p := pubmedRecord(cur.fields)
			p.Origin = Origin{File: name, Line: cur.start, Record: rec}
			if len(p.Authors) == 0 {
				biblioNoAuthors(res, p)
			} else {
				p.ID = ids.unique(p.ID, rec)
				res.Papers = append(res.Papers, *p)
			}
		}
		cur = pubmedRec{}
	}
	for lr.scan() {
		line, n := lr.text, lr.n
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		any = true
		if !pubmedPMIDRE.MatchString(strings.TrimSpace(line)) {
			onlyIDs = false
		}
		m, ok := pubmedTagged(line)
		switch {
		case ok && m[1] == "PMID":
			flush()
			cur = pubmedRec{start: n}
			cur.fields = append(cur.fields, risField{"PMID", strings.TrimSpace(m[2]), n})
		case ok:
			if cur.start == 0 {
				cur = pubmedRec{start: n}
			}
			cur.fields = append(cur.fields, risField{m[1], strings.TrimSpace(m[2]), n})
		case strings.HasPrefix(line, "  ") && cur.start != 0 && len(cur.fields) > 0:
			f := &cur.fields[len(cur.fields)-1]
			f.value = strings.TrimSpace(f.value + " " + strings.TrimSpace(line))
		default:
			if cur.bad {
				continue
			}
			if onlyIDs {
				continue // decided after the whole file is read
			}
			perr := &ParseError{File: name, Line: n, Record: rec + 1, Reason: "malformed line",
				Err: fmt.Errorf("expected a field tag padded to four characters and \"- \" (as \"PMID- \"), got %q", biblioClip(line))}
			if err := res.skip(opt, perr); err != nil {
				return nil, err
			}
			if cur.start == 0 {
				cur = pubmedRec{start: n}
			}
			cur.bad = true
		}
	}
	if err := lr.err(); err != nil {
		return nil, &ParseError{File: name, Line: lr.n + 1, Err: err}
	}
	if any && onlyIDs {
		return nil, &ParseError{File: name, Line: 1, Reason: "only PubMed ids",
			Err: fmt.Errorf("file holds only PubMed ids, no records: fetch the records in MEDLINE format (PubMed: Save, format \"PubMed\")")}
	}
	flush()
	return res, nil
}

// pubmedRecord builds a paper from the fields of one record.
func pubmedRecord(fields []risField) *Paper {
	p := &Paper{}
	first := map[string]string{}
	var pendingFAU bool // the last author came from FAU and awaits its AU
	last := func() *Author {
		if len(p.Authors) == 0 {
			return nil
		}
		return &p.Authors[len(p.Authors)-1]
	}
	for _, f := range fields {
		v := f.value
		if v == "" {
			continue
		}
		if _, ok := first[f.tag]; !ok {
			first[f.tag] = v
		}
		switch f.tag {
		case "FAU":
			p.Authors = append(p.Authors, Author{Name: DisplayName(v)})
			pendingFAU = true
		case "AU":
			if !pendingFAU {
				p.Authors = append(p.Authors, Author{Name: v})
			}
			pendingFAU = false
		case "AUID":
			if a := last(); a != nil {
				if id := pubmedORCID.FindString(v); id != "" && strings.Contains(strings.ToUpper(v), "ORCID") {
					a.IDs = append(a.IDs, "orcid:"+id)
				}
			}
		case "AD":
			if a := last(); a != nil {
				if a.Affiliation != "" {
					a.Affiliation += "; "
				}
				a.Affiliation += v
			}
		case "MH", "OT":
			k := strings.TrimPrefix(v, "*")
			p.Keywords = append(p.Keywords, k)
		case "LID", "AID":
			if p.DOI == "" && strings.HasSuffix(v, "[doi]") {
				p.DOI = NormalizeDOI(strings.TrimSuffix(v, "[doi]"))
			}
		}
	}
	p.ID = first["PMID"]
	p.Title = biblioFirst(first, "TI", "BTI")
	p.Abstract = first["AB"]
	p.Venue = biblioFirst(first, "JT", "TA")
	p.Date = biblioParseDate(first["DP"])
	if p.Date.Year == 0 {
		p.Date = biblioParseDate(first["DEP"])
	}
	p.ArXiv = biblioArXivFromDOI(p.DOI)
	// TODO: CN (collective author, a consortium) is not made an author:
	// a group is not a person in the graph; it could become an option.
	return p
}
