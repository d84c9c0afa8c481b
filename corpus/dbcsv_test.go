package corpus

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// Row and author counts were counted independently of this package with
// Python 3's csv module (csv.DictReader; authors by splitting the author
// column at "|" for OpenAlex and "; " for Lens.org). The Springer author
// count is the sum of the names of each row, split by eye from the
// run-together "Authors" column. data/README.md section A gives the same
// row counts for the real files.
func TestDBCSVRealFiles(t *testing.T) {
	tests := []struct {
		path    string
		format  string
		rows    int
		authors int
	}{
		{"../testdata/dbcsv/bibliometrix-openalex_sample.csv", "openalexcsv", 8, 20},
		{"../testdata/dbcsv/bibliometrix-lens_sample.csv", "lens", 8, 28},
		{"../testdata/dbcsv/litstudy-springer.csv", "springer", 18, 63},
		{"../testdata/dbcsv/constructed-ieee.csv", "ieee", 3, 6},
	}
	for _, test := range tests {
		t.Run(test.format, func(t *testing.T) {
			res, err := Read(test.path, nil)
			if err != nil {
				t.Fatalf("Read(%s) error: %v", test.path, err)
			}
			if res.Format != test.format {
				t.Errorf("Format = %q, want %q", res.Format, test.format)
			}
			n := 0
			for _, p := range res.Papers {
				n += len(p.Authors)
			}
			if len(res.Papers) != test.rows || n != test.authors || res.SkippedTotal() != 0 {
				t.Errorf("%d papers, %d authors, %d skipped; want %d, %d, 0",
					len(res.Papers), n, res.SkippedTotal(), test.rows, test.authors)
			}
		})
	}
}

func dbcsvPaperAt(t *testing.T, path string, line int) Paper {
	t.Helper()
	return scopusPaperAt(t, path, line)
}

func dbcsvNames(p Paper) []string {
	var names []string
	for _, a := range p.Authors {
		names = append(names, a.Name)
	}
	return names
}

// Expected values were read off the files by eye.
func TestOpenAlexCSVRows(t *testing.T) {
	const path = "../testdata/dbcsv/bibliometrix-openalex_sample.csv"
	p := dbcsvPaperAt(t, path, 2)
	want := []Author{
		{Name: "Massimo Aria", IDs: []string{"openalex:A5069892096", "orcid:0000-0002-8517-9411"},
			Affiliation: "University of Naples Federico II"},
		{Name: "Corrado Cuccurullo", IDs: []string{"openalex:A5049136342", "orcid:0000-0002-7401-8575"},
			Affiliation: `University of Campania "Luigi Vanvitelli"`},
	}
	if p.ID != "W2755950973" || p.Date != (Date{2017, 9, 12}) || p.DOI != "10.1016/j.joi.2017.08.007" ||
		p.Venue != "Journal of Informetrics" || !reflect.DeepEqual(p.Authors, want) {
		t.Errorf("line 2 = %+v", p)
	}
	// Four institutions for two authors: not parallel, so none is given.
	p = dbcsvPaperAt(t, path, 4)
	if got := dbcsvNames(p); !reflect.DeepEqual(got, []string{"Deepa Guleria", "Gurvinder Kaur"}) || p.Authors[0].Affiliation != "" {
		t.Errorf("line 4 authors = %+v", p.Authors)
	}
	// An empty institution slot for the third author.
	p = dbcsvPaperAt(t, path, 8)
	if len(p.Authors) != 4 || p.Authors[2].Name != "Gianluca Oricchio" || p.Authors[2].Affiliation != "" ||
		p.Authors[3].Affiliation != "University of Turin" {
		t.Errorf("line 8 authors = %+v", p.Authors)
	}
}

func TestLensRows(t *testing.T) {
	const path = "../testdata/dbcsv/bibliometrix-lens_sample.csv"
	p := dbcsvPaperAt(t, path, 2)
	names := dbcsvNames(p)
	if p.ID != "000-360-106-493-122" || p.Date != (Date{2020, 11, 22}) || p.DOI != "10.1007/s10669-020-09792-x" ||
		len(names) != 10 || names[0] != "Petar Radanliev" || names[9] != "La’Treall Maddox" {
		t.Errorf("line 2: ID %q, date %v, DOI %q, authors %q", p.ID, p.Date, p.DOI, names)
	}
	p = dbcsvPaperAt(t, path, 4)
	if names := dbcsvNames(p); len(names) != 5 || names[0] != "Yasmine ABDOULAYE" || p.Date.Year != 2021 {
		t.Errorf("line 4: authors %q, year %d", names, p.Date.Year)
	}
}

func TestSpringerRows(t *testing.T) {
	const path = "../testdata/dbcsv/litstudy-springer.csv"
	tests := []struct {
		line  int
		doi   string
		names []string
	}{
		{2, "10.1007/978-3-030-92127-9_33", []string{"Araz R. Aliev", "Nigar T. Ismayilova"}},
		{3, "10.1007/978-3-030-92127-9", []string{"Rafik A. Aliev", "Janusz Kacprzyk", "Witold Pedrycz",
			"Mo Jamshidi", "Mustafa Babanli", "Fahreddin M. Sadikoglu"}},
		{4, "10.1007/978-3-030-81561-5", []string{"Barnabás Bede", "Martine Ceberio", "Martine De Cock", "Vladik Kreinovich"}},
		{16, "10.1007/978-981-16-1342-5_61", []string{"C. Navya", "H. A. Sanjay", "Sanket Salvi"}},
		{19, "10.1007/978-3-030-87524-4_4", []string{"Umali Saidi"}},
	}
	for _, test := range tests {
		p := dbcsvPaperAt(t, path, test.line)
		if got := dbcsvNames(p); !reflect.DeepEqual(got, test.names) || p.DOI != test.doi || p.Date.Year != 2022 {
			t.Errorf("line %d: authors %q, DOI %q, year %d; want %q, %q, 2022", test.line, got, p.DOI, p.Date.Year, test.names, test.doi)
		}
	}
}

func TestSpringerSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Araz R. AlievNigar T. Ismayilova", []string{"Araz R. Aliev", "Nigar T. Ismayilova"}},
		{"Prof. Dr. Janusz KacprzykDr. N. Nalini", []string{"Janusz Kacprzyk", "N. Nalini"}},
		{"John McArthurJane DeWitt", []string{"John McArthur", "Jane DeWitt"}},
		{"Mario RüttgersÉmile Zola", []string{"Mario Rüttgers", "Émile Zola"}},
		{"Anna SmithJr", []string{"Anna SmithJr"}},
		{"Umali Saidi", []string{"Umali Saidi"}},
		{"", nil},
	}
	for _, test := range tests {
		if got := springerSplitNames(test.in); !reflect.DeepEqual(got, test.want) {
			t.Errorf("springerSplitNames(%q) = %q, want %q", test.in, got, test.want)
		}
	}
}

// The IEEE file is constructed (see testdata/README.md); its first record
// spans lines 2-3 because the abstract holds a newline.
func TestIEEERows(t *testing.T) {
	const path = "../testdata/dbcsv/constructed-ieee.csv"
	p := dbcsvPaperAt(t, path, 2)
	want := []Author{
		{Name: "A. Example", Affiliation: "Dept. of Informatics, Example University, Springfield, USA"},
		{Name: "B. Q. Sample-Person", Affiliation: "Lab of Graphs, Sample Institute, Oslo, Norway"},
		{Name: "C. de la Prueba", Affiliation: "Faculty of Science, Prueba University, Madrid, Spain"},
	}
	if p.ID != "ieee:9000001" || p.Date.Year != 2023 || p.DOI != "10.1109/tce.2023.0000001" ||
		!reflect.DeepEqual(p.Authors, want) || len(p.Keywords) != 5 {
		t.Errorf("line 2 = %+v", p)
	}
	p = dbcsvPaperAt(t, path, 4)
	if p.ID != "ieee:9000002" || len(p.Authors) != 1 || p.Authors[0].Name != "D. Único" {
		t.Errorf("line 4 = %+v", p)
	}
	p = dbcsvPaperAt(t, path, 5)
	if p.ArXiv != "2101.00001" {
		t.Errorf("line 5 ArXiv = %q, want 2101.00001", p.ArXiv)
	}
}

func TestDBCSVSniff(t *testing.T) {
	tests := []struct{ path, want string }{
		{"../testdata/dbcsv/bibliometrix-openalex_sample.csv", "openalexcsv"},
		{"../testdata/dbcsv/bibliometrix-lens_sample.csv", "lens"},
		{"../testdata/dbcsv/litstudy-springer.csv", "springer"},
		{"../testdata/dbcsv/constructed-ieee.csv", "ieee"},
	}
	for _, test := range tests {
		head, err := os.ReadFile(test.path)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"export.csv", "export.txt"} {
			if got, err := Detect(name, head); got != test.want {
				t.Errorf("Detect(%q, %s) = %q, %v; want %q", name, test.path, got, err, test.want)
			}
		}
	}
	for _, f := range []func([]byte) bool{sniffOpenAlexCSV, sniffLens, sniffIEEE, sniffSpringer, sniffScopus} {
		if f([]byte("title,year,authors\nA,2000,B\n")) || f([]byte("@article{x,\n title={A},\n}\n")) {
			t.Error("a sniffer took a generic CSV or a BibTeX file for its format")
		}
	}
}

func TestDBCSVMalformed(t *testing.T) {
	const hdr = "\"Lens ID\",\"Title\",\"Publication Year\",\"Author/s\",\"DOI\"\n"
	good := `"1","A",2020,"Ann Lee; Bo Chen","10.1/x"` + "\n"
	tests := []struct {
		name   string
		in     string
		line   int
		reason string
		papers int
	}{
		{"missing column", hdr + good + `"2","B",2021,"Cy Dunn"` + "\n" + good, 3, "wrong number of fields", 2},
		{"extra column", hdr + good + good + `"2","B",2021,"Cy Dunn","",""` + "\n", 4, "wrong number of fields", 2},
		{"unterminated quote over lines", hdr + good + `"2","B` + "\n" + `title",2021,"Cy Dunn,""` + "\n", 3, "malformed CSV", 1},
		{"empty authors", hdr + good + `"2","B",2021,"","10.1/y"` + "\n" + good, 3, "no authors", 2},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			_, err := ReadFrom(strings.NewReader(test.in), "lens.csv", nil)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("strict: error %v, want a *ParseError", err)
			}
			if pe.Line != test.line || pe.Reason != test.reason {
				t.Errorf("strict: %q, line %d, reason %q; want line %d, reason %q", pe, pe.Line, pe.Reason, test.line, test.reason)
			}
			res, err := ReadFrom(strings.NewReader(test.in), "lens.csv", &Options{Lenient: true})
			if err != nil {
				t.Fatalf("lenient: %v", err)
			}
			if len(res.Papers) != test.papers || res.Skipped[test.reason] != 1 || res.SkippedTotal() != 1 {
				t.Errorf("lenient: %d papers, skipped %v; want %d, {%s: 1}", len(res.Papers), res.Skipped, test.papers, test.reason)
			}
		})
	}
}

func TestDBCSVEmpty(t *testing.T) {
	_, err := readLens(strings.NewReader(""), "empty.csv", nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 1 {
		t.Errorf("readLens(empty) error = %v, want a *ParseError on line 1", err)
	}
}

func TestDBCSVDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2020", Date{Year: 2020}},
		{"2020-11", Date{2020, 11, 0}},
		{"2020-11-22", Date{2020, 11, 22}},
		{"2020-11-22T10:00:00", Date{2020, 11, 22}},
		{"2020-13-01", Date{Year: 2020}},
		{"20", Date{}},
		{"", Date{}},
		{"n.d.", Date{}},
	}
	for _, test := range tests {
		if got := dbcsvDate(test.in); got != test.want {
			t.Errorf("dbcsvDate(%q) = %v, want %v", test.in, got, test.want)
		}
	}
}

// TestDBCSVLongFields guards against work that grows with the square of a
// field's length: each call takes well under a second when linear and
// minutes when not.
func TestDBCSVLongFields(t *testing.T) {
	long := strings.Repeat("aB", 1<<20)
	if got := springerSplitNames(long); len(got) != 1 {
		t.Errorf("springerSplitNames(aBaB...) gave %d names, want 1", len(got))
	}
	if got := scopusSplitAuthors(strings.Repeat("Alpha Beta, ", 1<<18), false, 0); len(got) != 1 {
		t.Errorf("scopusSplitAuthors(corporate name repeated) gave %d names, want 1", len(got))
	}
	var ids dbcsvIDs
	for i := 1; i <= 1<<16; i++ {
		ids.unique("same", i)
	}
	if got := ids.unique("same", 0); got != "same-65537" {
		t.Errorf("ID after 65536 repeats = %q, want same-65537", got)
	}
}
