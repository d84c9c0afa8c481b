package corpus

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestWoSFiles reads the real Web of Science exports. Record counts are
// the number of ER lines (grep -c '^ER$'; zcat first for the .gz file) and
// agree with the shared data README: OnePaper 1, savedrecs 32,
// ManyAuthors 500, knh11545 12.
func TestWoSFiles(t *testing.T) {
	res := biblioCheckCounts(t, []biblioCount{
		{"../testdata/wos/metaknowledge-OnePaper.isi", "wos", 1, 0},
		{"../testdata/wos/metaknowledge-savedrecs.txt", "wos", 32, 0},
		{"../testdata/wos/metaknowledge-ManyAuthors.isi.gz", "wos", 500, 0},
		{"../testdata/wos/knh11545-WoS_other_reference_software_r4001-4012.txt", "wos", 12, 0},
	}, nil)

	// Read by eye from metaknowledge-OnePaper.isi.
	if r := res["../testdata/wos/metaknowledge-OnePaper.isi"]; r != nil && len(r.Papers) == 1 {
		p := r.Papers[0]
		if got, want := biblioNames(p.Authors), []string{"Tyler Marghetis", "Rafael Nunez"}; !reflect.DeepEqual(got, want) {
			t.Errorf("OnePaper authors = %q, want %q (from AF)", got, want)
		}
		if !strings.HasPrefix(p.Title, "The Motion Behind the Symbols: A Vital Role for Dynamism in the Conceptualization") {
			t.Errorf("OnePaper title = %q", p.Title)
		}
		if p.Venue != "TOPICS IN COGNITIVE SCIENCE" || len(p.Keywords) != 10 || p.Keywords[0] != "Mathematical practice" {
			t.Errorf("OnePaper venue %q keywords %q, want 10: 7 DE and 4 ID, where GESTURE repeats Gesture", p.Venue, p.Keywords)
		}
		if want := "Univ Calif San Diego, Dept Cognit Sci, La Jolla, CA 92093 USA."; p.Authors[1].Affiliation != want {
			t.Errorf("OnePaper affiliation = %q, want %q", p.Authors[1].Affiliation, want)
		}
	}

	// The DeWorm3 protocol record of the knh11545 file (line 339): OI and
	// RI lists run over continuation lines; Ibikounle is written
	// "Moudachirou, IBIKOUNLE" in OI; "Schaer, Fabian" does not match the
	// AF spelling "Schar, Fabian" and is not given.
	if r := res["../testdata/wos/knh11545-WoS_other_reference_software_r4001-4012.txt"]; r != nil {
		var p *Paper
		for i := range r.Papers {
			if r.Papers[i].Origin.Line == 339 {
				p = &r.Papers[i]
			}
		}
		if p == nil {
			t.Fatal("no paper starts at line 339")
		}
		ids := map[string][]string{}
		for _, a := range p.Authors {
			if a.IDs != nil {
				ids[a.Name] = a.IDs
			}
		}
		want := map[string][]string{
			"Fabrizio Tediosi":      {"orcid:0000-0001-8671-9400", "wos:ABC-7880-2020"},
			"Judd Walson":           {"orcid:0000-0003-4836-720X", "wos:R-7269-2019"},
			"Moudachirou Ibikounle": {"orcid:0000-0002-3517-1729"},
			"Adrian J. F. Luty":     {"orcid:0000-0001-8830-3425"},
			"Katherine Halliday":    {"orcid:0000-0001-5307-2823"},
			"Bryan J. Weiner":       {"orcid:0000-0002-6996-9480"},
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("identifiers = %v\nwant %v", ids, want)
		}
		if len(p.Authors) != 19 || p.DOI != "10.1371/journal.pntd.0005988" || p.Date.Year != 2018 || p.ID != "WOS:000424022700008" {
			t.Errorf("DeWorm3: %d authors, DOI %q, year %d, ID %q; want 19, 10.1371/journal.pntd.0005988, 2018, WOS:000424022700008", len(p.Authors), p.DOI, p.Date.Year, p.ID)
		}
		if got := p.Authors[0].Affiliation; got != "Univ Washington, Dept Global Hlth, Seattle, WA 98195 USA.; Nat Hist Museum, Div Life Sci, London, England." {
			t.Errorf("Means affiliation = %q", got)
		}
	}

	// ManyAuthors: the total number of names under AF is 3351 and the
	// longest list 177, counted with awk over the decompressed file
	// (a line belongs to AF from "AF " up to the next tag).
	if r := res["../testdata/wos/metaknowledge-ManyAuthors.isi.gz"]; r != nil {
		total, longest := 0, 0
		for _, p := range r.Papers {
			total += len(p.Authors)
			longest = max(longest, len(p.Authors))
		}
		if total != 3351 || longest != 177 {
			t.Errorf("ManyAuthors: %d authors, longest list %d, want 3351 and 177", total, longest)
		}
	}
}

// TestWoSTestFile: metaknowledge-testFile.isi has 34 records (grep -c
// '^ER$'); the one at line 414 has the broken line "AUGilles, H" (line
// 416), with no space after the tag.
func TestWoSTestFile(t *testing.T) {
	const file = "../testdata/wos/metaknowledge-testFile.isi"
	_, err := Read(file, nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 416 || !strings.Contains(err.Error(), "AUGilles") {
		t.Errorf("strict: error %v, want a ParseError at line 416 quoting the line", err)
	}
	res, err := Read(file, &Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 33 || res.Skipped["malformed line"] != 1 {
		t.Errorf("lenient: %d papers, skipped %v, want 33 and 1 malformed line", len(res.Papers), res.Skipped)
	}
	if p := res.Papers[0]; p.ID != "WOS:A1979GV55600001" || p.Authors[0].Name != "I BREVIK" || p.Date.Year != 1979 {
		t.Errorf("first paper %q %q %d", p.ID, biblioNames(p.Authors), p.Date.Year)
	}
}

// TestWoSBadFile: metaknowledge-badFile.isi is testFile.isi with two
// records removed (32 remain, grep -c '^ER$') and without the closing EF
// line (diff against testFile.isi), as a truncated download would be.
func TestWoSBadFile(t *testing.T) {
	const file = "../testdata/wos/metaknowledge-badFile.isi"
	_, err := Read(file, nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2070 || !strings.Contains(err.Error(), "EF") {
		t.Errorf("strict: error %v, want a ParseError at the last line, 2070, naming EF", err)
	}
	res, err := Read(file, &Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 32 || len(res.Warnings) != 1 {
		t.Errorf("lenient: %d papers, warnings %q, want 32 and one warning", len(res.Papers), res.Warnings)
	}
}

func TestWoSMalformed(t *testing.T) {
	rec := func(au string) string { return "PT J\nAU " + au + "\nTI T\nPY 2001\nER\n\n" }
	for _, test := range []struct {
		name   string
		in     string
		line   int
		reason string
		papers int
	}{
		{"truncated record", "FN x\nVR 1.0\n" + rec("A, B") + "PT J\nAU C, D\n", 10, "truncated record", 1},
		{"EF inside record", "FN x\nVR 1.0\n" + rec("A, B") + "PT J\nAU C, D\nEF\n", 11, "missing ER", 1},
		{"no PT", "FN x\nVR 1.0\n" + rec("A, B") + "AU C, D\nER\n" + rec("E, F") + "EF\n", 9, "record without PT", 2},
		{"bad line", "FN x\nVR 1.0\n" + rec("A, B") + "PT J\nAU C, D\nbroken\nER\n" + rec("E, F") + "EF\n", 11, "malformed line", 2},
	} {
		t.Run(test.name, func(t *testing.T) {
			_, err := ReadFrom(strings.NewReader(test.in), "x.isi", nil)
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != test.line || pe.Reason != test.reason {
				t.Fatalf("strict: %v (%+v), want line %d reason %q", err, pe, test.line, test.reason)
			}
			res, err := ReadFrom(strings.NewReader(test.in), "x.isi", &Options{Lenient: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Papers) != test.papers || res.Skipped[test.reason] != 1 {
				t.Errorf("lenient: %d papers, skipped %v, want %d and one %q", len(res.Papers), res.Skipped, test.papers, test.reason)
			}
		})
	}
}

// TestWoSSniffRIS: a Web of Science export saved with a .ris name is read
// as Web of Science, since the content decides first.
func TestWoSSniffRIS(t *testing.T) {
	data, err := os.ReadFile("../testdata/wos/metaknowledge-OnePaper.isi")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ReadFrom(bytes.NewReader(data), "export.ris", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "wos" || len(res.Papers) != 1 {
		t.Errorf("format %q, %d papers, want wos and 1", res.Format, len(res.Papers))
	}
	if sniffRIS(data) {
		t.Error("sniffRIS matches a Web of Science file")
	}
}

// TestWoSTab reads testdata/wos/constructed-tab-utf16.txt, a tab-delimited
// export written by hand from the Web of Science tag set (no real sample
// was available), stored as UTF-16LE with a byte-order mark and CRLF line
// ends. It holds 3 records; the third has no author.
func TestWoSTab(t *testing.T) {
	res := biblioCheckCounts(t, []biblioCount{
		{"../testdata/wos/constructed-tab-utf16.txt", "wostab", 3, 1},
	}, nil)
	r := res["../testdata/wos/constructed-tab-utf16.txt"]
	if r == nil || len(r.Papers) != 2 {
		return
	}
	p := r.Papers[0]
	if got, want := biblioNames(p.Authors), []string{"Ana Müller", "Bo Li", "Chidi Okafor"}; !reflect.DeepEqual(got, want) {
		t.Errorf("authors = %q, want %q", got, want)
	}
	if p.Authors[1].Affiliation != "Univ Oslo, Oslo, Norway." || p.Authors[0].IDs[0] != "orcid:0000-0002-1825-0097" {
		t.Errorf("Li affiliation %q, Müller IDs %q", p.Authors[1].Affiliation, p.Authors[0].IDs)
	}
	if p.ID != "WOS:000000000000001" || p.Date != (Date{2020, 3, 0}) || p.DOI != "10.1000/xyz.1" || p.Origin.Line != 2 {
		t.Errorf("paper = %q %v %q line %d", p.ID, p.Date, p.DOI, p.Origin.Line)
	}
	if r.Papers[1].ArXiv != "2301.12594" {
		t.Errorf("arXiv = %q, want 2301.12594 from its arXiv DOI", r.Papers[1].ArXiv)
	}
}

// wosTabFile is the text of testdata/wos/constructed-tab-utf16.txt before
// its encoding in UTF-16.
const wosTabFile = "PT\tAU\tAF\tTI\tSO\tDE\tID\tAB\tC1\tRI\tOI\tPD\tPY\tDI\tUT\r\n" +
	"J\tMüller, A; Li, B; Okafor, C\tMüller, Ana; Li, Bo; Okafor, Chidi\tA constructed record\tJOURNAL OF TESTS\t" +
	"graphs; names\tNETWORKS\tAbstract text.\t[Müller, Ana; Li, Bo] Univ Oslo, Oslo, Norway.; [Okafor, Chidi] Univ Lagos, Lagos, Nigeria.\t" +
	"Li, Bo/AAA-1111-2019\tMuller, Ana/0000-0002-1825-0097\tMAR\t2020\t10.1000/XYZ.1\tWOS:000000000000001\t\r\n" +
	"J\tSmith, J\tSmith, Jane\tAn arXiv paper\tARXIV\t\t\t\t\t\t\t\t2023\t10.48550/arXiv.2301.12594\tWOS:000000000000002\t\r\n" +
	"J\t\t\tAn anonymous editorial\tJOURNAL OF TESTS\t\t\t\t\t\t\t\t2021\t\tWOS:000000000000003\t\r\n"

// TestWoSTabFixture checks that the stored file is wosTabFile in UTF-16LE,
// so the test above reads what this file shows.
func TestWoSTabFixture(t *testing.T) {
	data, err := os.ReadFile("../testdata/wos/constructed-tab-utf16.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(biblioUTF16(data)) != wosTabFile {
		t.Errorf("constructed-tab-utf16.txt does not hold wosTabFile; rewrite it with wosTabUTF16")
	}
	if !bytes.Equal(data, wosTabUTF16(wosTabFile)) {
		t.Errorf("constructed-tab-utf16.txt is not UTF-16LE with a byte-order mark")
	}
}

func wosTabUTF16(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}
