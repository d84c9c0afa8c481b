package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// TestORCIDFiles reads the ORCID samples in testdata/orcid. Expected
// values come from reading the files by eye and with Python's json
// module: the bulk file has 3 works under "bulk", of which only the
// second has a contributor (credit-name "Jordan", ORCID
// 0000-0002-5391-5437) and no owner is named; the record has one group
// with one work-summary (put-code 178602, DOI 10.1087/20120404 with
// relationship version-of, the other DOI "work:doi" being no DOI) owned
// by 0000-0002-7319-2192, given name "Three", family name
// "releasecandidate1"; the XML work (put-code 123, 1948-02-02) has one
// contributor with credit name "work:credit-name".
func TestORCIDFiles(t *testing.T) {
	tests := []struct {
		file  string
		owner string
		want  []string // per work: ID|title|date|venue|DOI|truncated|authors
	}{
		{"orcid-bulk-works-3-works-3.0.json", "", []string{
			"orcid1|Work Title 1|2015-06-01|Journal Title|10.1026/j.crvasa.2015.05.007|true|[]",
			"orcid2|Work Title 2|2015-06-01|Journal Title|10.1012/j.crvasa.2015.05.008|false|[{Jordan [orcid:0000-0002-5391-5437]  false}]",
			"orcid3|Work Title 3|2015-06-01|Another journal title|10.1032/j.crvasa.2015.05.008|true|[]",
		}},
		{"orcid-record-full-3.0.json", "Three releasecandidate1", []string{
			"178602|Work Title|2012-10-01|Jounral Title|10.1087/20120404|true|[{Three releasecandidate1 [orcid:0000-0002-7319-2192]  true}]",
		}},
		{"orcid-work-full-3.0.xml", "", []string{
			"123|common:title|1948-02-02|common:journal-title||false|[{work:credit-name [orcid:8888-8888-8888-8880]  false}]",
		}},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			res, err := Read("../testdata/orcid/"+test.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "orcid" || res.Owner != test.owner {
				t.Errorf("format %q, owner %q, want orcid, %q", res.Format, res.Owner, test.owner)
			}
			var got []string
			for _, p := range res.Papers {
				got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s|%v|%v", p.ID, p.Title, p.Date, p.Venue, p.DOI, p.Truncated, p.Authors))
			}
			if strings.Join(got, "\n") != strings.Join(test.want, "\n") {
				t.Errorf("works =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(test.want, "\n"))
			}
		})
	}
}

// orcidWorksXML is a works summary as /v3.0/{orcid}/works returns it,
// written for this test: two groups, the first with two versions.
const orcidWorksXML = `<?xml version="1.0" encoding="UTF-8"?>
<activities:works path="/0000-0002-1825-0097/works" xmlns:activities="http://www.orcid.org/ns/activities"
  xmlns:common="http://www.orcid.org/ns/common" xmlns:work="http://www.orcid.org/ns/work">
 <activities:group>
  <work:work-summary put-code="1" path="/0000-0002-1825-0097/work/1">
   <work:title><common:title>First</common:title></work:title>
   <common:external-ids><common:external-id><common:external-id-type>arxiv</common:external-id-type>
    <common:external-id-value>arXiv:2301.12594v2</common:external-id-value></common:external-id></common:external-ids>
   <common:publication-date><common:year>2023</common:year></common:publication-date>
  </work:work-summary>
  <work:work-summary put-code="2" path="/0000-0002-1825-0097/work/2">
   <work:title><common:title>First, other source</common:title></work:title>
  </work:work-summary>
 </activities:group>
 <activities:group>
  <work:work-summary put-code="3" path="/0000-0002-1825-0097/work/3">
   <work:title><common:title>Second</common:title></work:title>
  </work:work-summary>
 </activities:group>
</activities:works>`

func TestORCIDWorksXML(t *testing.T) {
	res, err := ReadFrom(strings.NewReader(orcidWorksXML), "works.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Papers {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%v|%v", p.ID, p.Title, p.Date, p.ArXiv, p.Truncated, p.Authors))
	}
	want := "1|First|2023|2301.12594|true|[{0000-0002-1825-0097 [orcid:0000-0002-1825-0097]  true}]\n" +
		"3|Second|||true|[{0000-0002-1825-0097 [orcid:0000-0002-1825-0097]  true}]"
	if strings.Join(got, "\n") != want || res.Format != "orcid" {
		t.Errorf("format %q, works =\n%s\nwant\n%s", res.Format, strings.Join(got, "\n"), want)
	}

	cut := orcidWorksXML[:strings.Index(orcidWorksXML, "<work:work-summary put-code=\"3\"")]
	if _, err := ReadFrom(strings.NewReader(cut), "works.xml", nil); err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Errorf("truncated, strict: error = %v, want unexpected EOF", err)
	}
	res, err = ReadFrom(strings.NewReader(cut), "works.xml", &Options{Lenient: true})
	if err != nil || len(res.Papers) != 1 || res.SkippedTotal() != 1 {
		t.Errorf("truncated, lenient: err %v, %d papers, want the first work and one skipped", err, len(res.Papers))
	}
	if _, err := ReadFrom(strings.NewReader(`{"put-code": 1, "title": {`), "w.json", &Options{Lenient: true}); err == nil {
		t.Error("truncated JSON: no error")
	}
}

func TestORCIDSniff(t *testing.T) {
	for _, test := range []struct {
		name, head string
		want       bool
	}{
		{"xml", `<?xml version="1.0"?><record:record xmlns:record="http://www.orcid.org/ns/record">`, true},
		{"json record", `{"orcid-identifier": {"path": "0000-0002-7319-2192"}}`, true},
		{"json bulk", `{"bulk": [{"work": {"external-ids": {"external-id": [{"external-id-type": "doi"}]}}}]}`, true},
		{"crossref", `{"status": "ok", "message": {"DOI": "10.1/x", "author": [{"ORCID": "http://orcid.org/0000-0002-1825-0097"}]}}`, false},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, false},
	} {
		if got := sniffORCID([]byte(test.head)); got != test.want {
			t.Errorf("%s: sniffORCID = %v, want %v", test.name, got, test.want)
		}
	}
}
