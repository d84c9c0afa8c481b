package corpus

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestPubMedFiles reads the real MEDLINE files. Record counts are the
// number of "PMID- " lines (grep -c '^PMID-'): 175 and 10, as the shared
// data README says. PMID 26153366 (line 14925 of the metaknowledge file)
// has no FAU or AU line at all. Author totals are grep -c '^FAU' (every
// FAU is followed by its AU in both files: grep -c '^AU  ' gives the same
// numbers); ORCID totals are grep -c '^AUID- ORCID'.
func TestPubMedFiles(t *testing.T) {
	res := biblioCheckCounts(t, []biblioCount{
		{"../testdata/pubmed/metaknowledge-medline_test.medline", "pubmed", 175, 1},
		{"../testdata/pubmed/rispy-example_pubmed.txt", "pubmed", 10, 0},
	}, nil)
	for file, want := range map[string][2]int{
		"../testdata/pubmed/metaknowledge-medline_test.medline": {1275, 1},
		"../testdata/pubmed/rispy-example_pubmed.txt":           {88, 33},
	} {
		r := res[file]
		if r == nil {
			continue
		}
		authors, orcids := 0, 0
		for _, p := range r.Papers {
			authors += len(p.Authors)
			for _, a := range p.Authors {
				orcids += len(a.IDs)
			}
		}
		if authors != want[0] || orcids != want[1] {
			t.Errorf("%s: %d authors, %d ORCID iDs, want %d and %d", file, authors, orcids, want[0], want[1])
		}
	}

	// Read by eye from the first record of rispy-example_pubmed.txt.
	if r := res["../testdata/pubmed/rispy-example_pubmed.txt"]; r != nil && len(r.Papers) == 10 {
		p := r.Papers[0]
		if got, want := biblioNames(p.Authors), []string{"Darren K Griffin", "Denis M Larkin", "Rebecca E O'Connor"}; !reflect.DeepEqual(got, want) {
			t.Errorf("authors = %q, want %q", got, want)
		}
		if p.ID != "30922926" || p.Date != (Date{2020, 2, 0}) || p.DOI != "10.1016/j.ejmg.2019.03.004" ||
			p.Venue != "European journal of medical genetics" || p.Title != "Time lapse: A glimpse into prehistoric genomics." {
			t.Errorf("paper = %q %v %q %q %q", p.ID, p.Date, p.DOI, p.Venue, p.Title)
		}
		if want := "School of Biosciences, University of Kent, Canterbury, CT2 7NJ, UK. Electronic address: d.k.griffin@kent.ac.uk."; p.Authors[0].Affiliation != want {
			t.Errorf("affiliation = %q, want %q", p.Authors[0].Affiliation, want)
		}
		if !strings.HasPrefix(p.Abstract, "For the purpose of this review, 'time-lapse' refers to the reconstruction of ancestral") {
			t.Errorf("abstract = %.90q", p.Abstract)
		}
		if len(p.Keywords) == 0 || p.Keywords[0] != "Animals" {
			t.Errorf("keywords = %q, want MH Animals first", p.Keywords)
		}
		q := r.Papers[1] // PMID 37068225, line 114
		if q.Origin.Line != 114 || q.Authors[0].Name != "Enrique Peñalver" || !reflect.DeepEqual(q.Authors[0].IDs, []string{"orcid:0000-0001-8312-6087"}) {
			t.Errorf("second paper line %d, first author %+v", q.Origin.Line, q.Authors[0])
		}
	}
	if r := res["../testdata/pubmed/metaknowledge-medline_test.medline"]; r != nil && len(r.Papers) > 0 {
		if p := r.Papers[0]; p.ID != "26524502" || p.Date != (Date{2016, 1, 15}) || p.DOI != "10.1016/j.gene.2015.10.064" {
			t.Errorf("first paper %q %v %q", p.ID, p.Date, p.DOI)
		}
	}
}

// TestPubMedIDList: knh11545-pmid.txt holds 1458 PubMed ids, one per line
// and nothing else (wc -l; grep -vc '^[0-9]*$' gives 0). Reading it as an
// empty corpus would hide the mistake, so both modes refuse it.
func TestPubMedIDList(t *testing.T) {
	for _, lenient := range []bool{false, true} {
		_, err := Read("../testdata/pubmed/knh11545-pmid.txt", &Options{Lenient: lenient})
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Reason != "only PubMed ids" || !strings.Contains(err.Error(), "MEDLINE") {
			t.Errorf("lenient=%v: error %v, want one saying the file holds only PubMed ids", lenient, err)
		}
	}
}

func TestPubMedRecord(t *testing.T) {
	const in = "PMID- 1\n" +
		"TI  - A title\n" +
		"      continued\n" +
		"AU  - Solo A\n" + // AU without FAU
		"FAU - Doe, Jane\n" +
		"AU  - Doe J\n" +
		"AUID- ORCID: https://orcid.org/0000-0002-1825-0097\n" +
		"AD  - Place One.\n" +
		"AD  - Place Two.\n" +
		"CN  - Some Consortium\n" +
		"DP  - 2019 Mar 15\n" +
		"AID - 10.48550/arXiv.1905.00001 [doi]\n" +
		"OT  - graphs\n" +
		"TA  - J Short\n" +
		"\n" +
		"PMID- 1\n" +
		"FAU - Roe, Richard\n"
	res, err := ReadFrom(strings.NewReader(in), "x.nbib", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 2 {
		t.Fatalf("papers = %d, want 2", len(res.Papers))
	}
	want := Paper{
		ID: "1", Title: "A title continued", Date: Date{2019, 3, 15}, Venue: "J Short",
		Authors: []Author{{Name: "Solo A"}, {Name: "Jane Doe", IDs: []string{"orcid:0000-0002-1825-0097"},
			Affiliation: "Place One.; Place Two."}},
		Keywords: []string{"graphs"}, DOI: "10.48550/arxiv.1905.00001", ArXiv: "1905.00001",
		Origin: Origin{File: "x.nbib", Line: 1, Record: 1},
	}
	if !reflect.DeepEqual(res.Papers[0], want) {
		t.Errorf("paper = %+v\nwant    %+v", res.Papers[0], want)
	}
	if res.Papers[1].ID != "1_2" || res.Papers[1].Origin.Line != 16 {
		t.Errorf("second paper ID %q line %d, want 1_2 and 16", res.Papers[1].ID, res.Papers[1].Origin.Line)
	}
}

func TestPubMedMalformed(t *testing.T) {
	const in = "PMID- 1\nFAU - A, B\n\nPMID- 2\nFAU - C, D\nthis line has no tag\n\nPMID- 3\nFAU - E, F\n"
	_, err := ReadFrom(strings.NewReader(in), "x.nbib", nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 6 || pe.Reason != "malformed line" {
		t.Fatalf("strict: %v, want a malformed line at line 6", err)
	}
	res, err := ReadFrom(strings.NewReader(in), "x.nbib", &Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 2 || res.Papers[1].ID != "3" || res.Skipped["malformed line"] != 1 {
		t.Errorf("lenient: %d papers, skipped %v, want 2 (PMIDs 1 and 3) and one malformed", len(res.Papers), res.Skipped)
	}
}
