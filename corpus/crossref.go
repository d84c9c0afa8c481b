package corpus

import "io"

// Crossref works JSON is what the Crossref REST API returns for
// /works/{doi} and /works?query=...:
//
//	{"status": "ok", "message-type": "work", "message": {work}}
//	{"status": "ok", "message-type": "work-list", "message": {"items": [{work}, ...]}}
//
// A bare work object, an array of works and an object mapping DOIs to
// lists of works (as recorded responses are stored) are read too. A work
// has "author" [{given, family, suffix, ORCID (a URL), sequence,
// affiliation [{name}]}] (or "name" for an organisation), "title" and
// "container-title" as arrays, dates as "date-parts", "subject" keywords
// and an abstract in JATS XML, whose tags are removed. The paper's ID is
// the DOI. A response whose status is not "ok" is an error.

func init() {
	register(format{name: "crossref", exts: []string{".json"}, sniff: sniffCrossref, read: readCrossref})
}

func sniffCrossref(head []byte) bool { return cslClassify(head) == "crossref" }

func readCrossref(r io.Reader, name string, opt *Options) (*Result, error) {
	return cslRead(r, name, opt, "")
}
