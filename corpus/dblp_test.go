package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDBLPFiles reads the three pieces of dblp.xml in testdata/dblp.
// The expected counts were made on the files with grep and Python:
// records by `grep -o '<\(article\|incollection\|book\|phdthesis\|mastersthesis\) '
// FILE | wc -l` (21, 131, 577, also the counts in the data README); authors
// by `grep -c '<author'` (every author is on its own line); records
// without an author and records with a doi.org link by
// re.findall(r'<(article|incollection|book|phdthesis|mastersthesis) [^>]*>(.*?)</\1>')
// then counting those whose body lacks '<author' or holds 'doi.org/'.
func TestDBLPFiles(t *testing.T) {
	tests := []struct {
		file                        string
		records, authors, noAuthors int
		dois                        int
	}{
		{"dataanalysis-dblp-2017-extract.xml", 21, 24, 0, 9},
		{"dblpdatapipeline-dblp-2025-sample.xml", 131, 73, 76, 131},
		{"publicationparser-dblp-2013-cogtech.xml", 577, 1438, 21, 553},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			res, err := Read("../testdata/dblp/"+test.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "dblp" {
				t.Errorf("format = %q, want dblp", res.Format)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings = %q, want none", res.Warnings)
			}
			authors, noAuthors, dois := 0, 0, 0
			for _, p := range res.Papers {
				authors += len(p.Authors)
				if len(p.Authors) == 0 {
					noAuthors++
				}
				if p.DOI != "" {
					dois++
				}
				if p.Date.Year == 0 || p.Title == "" || p.ID == "" {
					t.Errorf("%s: year %d, title %q, id %q: want all set", p.Origin, p.Date.Year, p.Title, p.ID)
				}
			}
			got := []int{len(res.Papers), authors, noAuthors, dois}
			want := []int{test.records, test.authors, test.noAuthors, test.dois}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("records, authors, without authors, DOIs = %v, want %v", got, want)
			}
		})
	}
}

// dblpFind returns the paper with the given ID.
func dblpFind(t *testing.T, papers []Paper, id string) *Paper {
	t.Helper()
	for i := range papers {
		if papers[i].ID == id {
			return &papers[i]
		}
	}
	t.Fatalf("no paper %q", id)
	return nil
}

// TestDBLPSamples checks records against the file as read by eye; the
// line of each is the line of its start tag in the file.
func TestDBLPSamples(t *testing.T) {
	read := func(file string) []Paper {
		res, err := Read("../testdata/dblp/"+file, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res.Papers
	}
	y17 := read("dataanalysis-dblp-2017-extract.xml")
	y25 := read("dblpdatapipeline-dblp-2025-sample.xml")
	y13 := read("publicationparser-dblp-2013-cogtech.xml")

	tests := []struct {
		name   string
		p      *Paper
		line   int
		year   int
		title  string
		venue  string
		doi    string
		author string // "Name|id|id" of the author at index ai
		ai     int
	}{
		// Second record, starting on line 14 after "</article>".
		{"same line as the previous end", dblpFind(t, y17, "journals/acta/Simon83"), 14, 1983,
			"Pattern Matching in Trees and Nets.", "Acta Inf.", "10.1007/bf01257084", "Hans Ulrich Simon", 0},
		{"homonym number", dblpFind(t, y25, "reference/vision/Singh14"), 11, 2014,
			"Transparency and Translucency.", "Computer Vision, A Reference Guide",
			"10.1007/978-0-387-31439-6_559", "Manish Singh|dblp:Manish Singh 0001", 0},
		{"orcid attribute", dblpFind(t, y25, "reference/vision/Pont14b"), 48, 2014,
			"Surface Roughness.", "Computer Vision, A Reference Guide",
			"10.1007/978-0-387-31439-6_539", "Sylvia C. Pont|orcid:0000-0002-9834-9600", 0},
		{"no author", dblpFind(t, y25, "reference/vision/X14bd"), 4, 2014,
			"Curvedness.", "Computer Vision, A Reference Guide", "10.1007/978-0-387-31439-6_100117", "", -1},
		{"entities &Uuml; &uuml;", dblpFind(t, y13, "series/class/TrendtelU13"), 3463, 2013,
			"Convex Optimization as a Tool for Correcting Dissimilarity Matrices for Regular Minimality.",
			"Algorithms from and for Nature and Life", "10.1007/978-3-319-00035-0_16", "Ali Ünlü", 1},
		{"inner <i> in title", dblpFind(t, y13, "series/class/Meyer-Waarden05"), 3644, 2005,
			`Loyalty Programs and Their Impact on Repeat Purchase Behaviour: An Extension on the "Single Source" Panel BehaviorScan.`,
			"Data Analysis and Decision Support", "10.1007/3-540-28397-8_29", "Lars Meyer-Waarden", 0},
		{"book: series as venue", dblpFind(t, y13, "series/cogtech/FurnkranzGL12"), 224, 2012,
			"Foundations of Rule Learning", "Cognitive Technologies", "10.1007/978-3-540-75197-7", "Johannes Fürnkranz", 0},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			p := test.p
			if p.Origin.Line != test.line || p.Date.Year != test.year || p.Title != test.title ||
				p.Venue != test.venue || p.DOI != test.doi {
				t.Errorf("got line %d, year %d, title %q, venue %q, doi %q\nwant line %d, year %d, title %q, venue %q, doi %q",
					p.Origin.Line, p.Date.Year, p.Title, p.Venue, p.DOI,
					test.line, test.year, test.title, test.venue, test.doi)
			}
			if test.ai < 0 {
				if len(p.Authors) != 0 {
					t.Errorf("authors = %v, want none", p.Authors)
				}
				return
			}
			a := p.Authors[test.ai]
			if got := strings.Join(append([]string{a.Name}, a.IDs...), "|"); got != test.author {
				t.Errorf("author %d = %q, want %q", test.ai, got, test.author)
			}
		})
	}
	s77 := dblpFind(t, y17, "journals/acta/Schonhage77")
	if s77.Authors[0].Name != "Arnold Schönhage" || s77.Title != "Schnelle Multiplikation von Polynomen über Körpern der Charakteristik 2." {
		t.Errorf("&ouml; &uuml;: author %q, title %q", s77.Authors[0].Name, s77.Title)
	}
	s01 := y17[len(y17)-1]
	for _, p := range y17 {
		for _, a := range p.Authors {
			if strings.HasPrefix(a.Name, "Christian Schulte") {
				s01 = p
			}
		}
	}
	if a := s01.Authors[0]; a.Name != "Christian Schulte" || fmt.Sprint(a.IDs) != "[dblp:Christian Schulte 0001]" || s01.Origin.Line != 180 {
		t.Errorf("homonym on line 181: %+v at %s, want Christian Schulte [dblp:Christian Schulte 0001] at line 180", a, s01.Origin)
	}
	if got := dblpFind(t, y13, "series/class/DancelliMV13").Title; !strings.HasSuffix(got, "Spearman's ρ.") {
		t.Errorf("&#961; title = %q, want it to end in Spearman's ρ.", got)
	}
}

const dblpRecordA = `<article mdate="2020-01-01" key="journals/x/A20">
<author>Ann Author 0002</author><author orcid="0000-0001-2345-6789">Bob B&ouml;hm</author>
<title>First <sub>2</sub> paper.</title><year>2020</year><journal>CoRR</journal><volume>abs/2001.01234</volume>
<ee type="oa">https://arxiv.org/abs/2001.01234</ee>
</article>`

const dblpRecordB = `<proceedings mdate="2020-01-01" key="conf/x/2020">
<editor>Eve Editor</editor><title>Proceedings of X</title><year>2020</year><booktitle>X</booktitle>
</proceedings>`

func TestDBLPSnippets(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		lenient  bool
		papers   int
		warnings int
		skipped  int
		err      string // part of the error message, "" for none
	}{
		{"root and doctype", `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" +
			`<!DOCTYPE dblp SYSTEM "dblp.dtd">` + "\n<dblp>\n" + dblpRecordA + dblpRecordB + "\n</dblp>\n", false, 2, 0, 0, ""},
		{"root without doctype", "<dblp>" + dblpRecordA + dblpRecordB + "</dblp>", false, 2, 0, 0, ""},
		{"no root", `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + dblpRecordA + "\n" + dblpRecordB + "\n", false, 2, 1, 0, ""},
		{"no root, no declaration", dblpRecordA + dblpRecordB, false, 2, 1, 0, ""},
		{"cut before </dblp>", "<dblp>\n" + dblpRecordA + "\n" + dblpRecordB + "\n", false, 2, 1, 0, ""},
		{"www records", "<dblp>" + dblpRecordA + `<www key="homepages/1/a"><author>Ann Author 0002</author><title>Home Page</title></www>` + "</dblp>",
			false, 1, 1, 0, ""},
		{"truncated record strict", "<dblp>\n" + dblpRecordA + "\n" + dblpRecordB[:60], false, 0, 0, 0, "dblp.xml:7: record starting here: unexpected EOF"},
		{"truncated record lenient", "<dblp>\n" + dblpRecordA + "\n" + dblpRecordB[:60], true, 1, 2, 1, ""},
		{"bad year strict", "<dblp>" + strings.Replace(dblpRecordA, "2020<", "MMXX<", 1) + "</dblp>", false, 0, 0, 0, `year "MMXX"`},
		{"bad year lenient", "<dblp>" + strings.Replace(dblpRecordA, "2020<", "MMXX<", 1) + dblpRecordB + "</dblp>", true, 1, 1, 1, ""},
		{"unknown entity strict", "<dblp>" + strings.Replace(dblpRecordA, "&ouml;", "&oumlaut;", 1) + "</dblp>", false, 0, 0, 0, "invalid character entity &oumlaut;"},
		{"unknown entity lenient", "<dblp>" + strings.Replace(dblpRecordA, "&ouml;", "&oumlaut;", 1) + "</dblp>", true, 1, 0, 0, ""},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := ReadFrom(strings.NewReader(test.in), "dblp.xml", &Options{Lenient: test.lenient})
			if test.err != "" {
				if err == nil || !strings.Contains(err.Error(), test.err) {
					t.Fatalf("error = %v, want one containing %q", err, test.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "dblp" {
				t.Errorf("format = %q, want dblp", res.Format)
			}
			if len(res.Papers) != test.papers || len(res.Warnings) != test.warnings || res.SkippedTotal() != test.skipped {
				t.Errorf("papers, warnings, skipped = %d, %q, %d, want %d, %d warnings, %d",
					len(res.Papers), res.Warnings, res.SkippedTotal(), test.papers, test.warnings, test.skipped)
			}
		})
	}
}

// TestDBLPRecordA checks every field taken from dblpRecordA.
func TestDBLPRecordA(t *testing.T) {
	res, err := ReadFrom(strings.NewReader(dblpRecordA+"\n"+dblpRecordB), "piece.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := res.Papers[0]
	got := fmt.Sprintf("%s|%s|%s|%s|%s|%v|%d", p.ID, p.Title, p.Venue, p.ArXiv, p.Date, p.Authors, p.Origin.Line)
	want := "journals/x/A20|First 2 paper.|CoRR|2001.01234|2020|[{Ann Author [dblp:Ann Author 0002]  false} {Bob Böhm [orcid:0000-0001-2345-6789]  false}]|1"
	if got != want {
		t.Errorf("record A = %s\nwant       %s", got, want)
	}
	q := res.Papers[1]
	if len(q.Authors) != 0 || q.Title != "Proceedings of X" || q.Origin.Line != 6 {
		t.Errorf("proceedings: authors %v, title %q, line %d; want no authors (editors are not authors), Proceedings of X, line 6",
			q.Authors, q.Title, q.Origin.Line)
	}
}

// TestDBLPBillionLaughs checks that entities declared inside the
// document are never expanded: encoding/xml reads the internal subset as
// an opaque directive, so &lol9; is an unknown entity.
func TestDBLPBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE dblp [\n<!ENTITY lol \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "<!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString("]>\n<dblp><article key=\"a\"><author>&lol9;</author><title>t</title><year>2000</year></article></dblp>\n")
	doc := strings.ReplaceAll(b.String(), "&lol0;", "&lol;")

	_, err := ReadFrom(strings.NewReader(doc), "lol.xml", nil)
	if err == nil || !strings.Contains(err.Error(), "&lol9;") {
		t.Errorf("strict: error = %v, want an unknown entity &lol9;", err)
	}
	res, err := ReadFrom(strings.NewReader(doc), "lol.xml", &Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 1 || len(res.Papers[0].Authors[0].Name) > 10 {
		t.Errorf("lenient: papers %v, want one whose author is the unexpanded &lol9;", res.Papers)
	}
}

func TestDBLPEntities(t *testing.T) {
	if len(dblpEntities) != 96 {
		t.Errorf("%d entities, want 96 (U+00A0 to U+00FF)", len(dblpEntities))
	}
	seen := map[rune]string{}
	for name, v := range dblpEntities {
		r, size := utf8.DecodeRuneInString(v)
		if size != len(v) || r < 0xA0 || r > 0xFF || seen[r] != "" {
			t.Errorf("&%s; = %q: want one new character in U+00A0..U+00FF (also %q)", name, v, seen[r])
		}
		seen[r] = name
	}
	// From the Latin-1 code chart.
	for name, want := range map[string]string{"Auml": "Ä", "uuml": "ü", "szlig": "ß", "eacute": "é",
		"Oslash": "Ø", "ccedil": "ç", "THORN": "Þ", "yuml": "ÿ", "times": "×", "reg": "®", "nbsp": "\u00a0"} {
		if dblpEntities[name] != want {
			t.Errorf("&%s; = %q, want %q", name, dblpEntities[name], want)
		}
	}
}

// TestDBLPLatin1 checks raw Latin-1 bytes and UTF-8 bytes in a file that
// declares ISO-8859-1.
func TestDBLPLatin1(t *testing.T) {
	in := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<dblp><article key=\"a\"><author>J\xfcrgen M\xc3\xbcller</author>" +
		"<title>t</title><year>2000</year></article></dblp>"
	res, err := ReadFrom(strings.NewReader(in), "l1.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Papers[0].Authors[0].Name; got != "Jürgen Müller" {
		t.Errorf("name = %q, want Jürgen Müller", got)
	}
}

func TestDBLPSniff(t *testing.T) {
	for _, test := range []struct {
		name, head string
		want       bool
	}{
		{"doctype", `<?xml version="1.0"?><!DOCTYPE dblp SYSTEM "dblp.dtd">`, true},
		{"root", "<dblp>\n<article", true},
		{"piece", "<!-- x -->\n" + dblpRecordA, true},
		{"other xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>`, false},
		{"article without attributes", "<article><title>x</title></article>", false},
	} {
		if got := sniffDBLP([]byte(test.head)); got != test.want {
			t.Errorf("%s: sniffDBLP = %v, want %v", test.name, got, test.want)
		}
	}
}

// dblpGenerate returns a deterministic dblp.xml of at least size bytes.
func dblpGenerate(size int) []byte {
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<article mdate=\"2020-01-01\" key=\"journals/gen/P%d\">\n", i)
		for j := 0; j <= i%6; j++ {
			fmt.Fprintf(&b, "<author orcid=\"0000-0002-%04d-%04d\">Author J&ouml;rg %d %04d</author>\n", i%9999, j, (i*7+j)%5000, j+1)
		}
		fmt.Fprintf(&b, "<title>On <i>the</i> Problem of Sch&auml;fer Number %d.</title>\n<pages>1-10</pages>\n<year>%d</year>\n", i, 1980+i%45)
		fmt.Fprintf(&b, "<volume>%d</volume>\n<journal>Journal %d</journal>\n<ee>https://doi.org/10.1000/gen.%d</ee>\n", i%50, i%300, i)
		fmt.Fprintf(&b, "<url>db/journals/gen/gen%d.html#P%d</url>\n</article>", i%50, i)
	}
	b.WriteString("\n</dblp>\n")
	return b.Bytes()
}

func BenchmarkDBLP(b *testing.B) {
	data := dblpGenerate(20 << 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readDBLP(bytes.NewReader(data), "gen.xml", &Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDBLPGenerated reads the benchmark's file once, so a broken
// generator cannot make the benchmark time an error.
func TestDBLPGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	data := dblpGenerate(1 << 20)
	res, err := readDBLP(bytes.NewReader(data), "gen.xml", &Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := bytes.Count(data, []byte("<article ")); len(res.Papers) != want {
		t.Errorf("%d papers, want %d (count of <article )", len(res.Papers), want)
	}
}

// TestDBLPReadError checks that the file failing inside a record (a
// compressed file cut short) stops reading with that error even in
// lenient mode, where a malformed record would only be skipped.
func TestDBLPReadError(t *testing.T) {
	// More than the 64 KiB the reader looks at first, so that the error
	// comes inside a record.
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><dblp>` + "\n")
	const good = 1000
	for i := range good {
		fmt.Fprintf(&b, `<article key="a/%d"><author>Ann Lee</author><title>One</title><year>2020</year></article>`+"\n", i)
	}
	b.WriteString(`<article key="b/1"><author>Bo Chen</author><title>Tw`)
	xml := b.String()
	for _, lenient := range []bool{false, true} {
		_, err := readDBLP(&failAfter{[]byte(xml), io.ErrUnexpectedEOF}, "cut.xml", &Options{Lenient: lenient})
		var pe *ParseError
		if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.As(err, &pe) || pe.Line != good+2 || pe.Reason != "read error" {
			t.Errorf("lenient %v: error %v, want a read error in the record of line %d", lenient, err, good+2)
		}
	}
	// The same text ending there is a truncated record, skipped in
	// lenient mode.
	res, err := readDBLP(strings.NewReader(xml), "cut.xml", &Options{Lenient: true})
	if err != nil || len(res.Papers) != good || res.SkippedTotal() != 1 {
		t.Errorf("lenient, file ending in a record: %v, %v", res, err)
	}
}
