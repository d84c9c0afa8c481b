package corpus

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// bibRead reads BibTeX text with the bibtex reader.
func bibRead(t *testing.T, src string, lenient bool) (*Result, error) {
	t.Helper()
	return ReadFrom(strings.NewReader(src), "test.bib", &Options{Format: "bibtex", Lenient: lenient})
}

func bibNames(p Paper) []string {
	var out []string
	for _, a := range p.Authors {
		out = append(out, a.Name)
	}
	return out
}

func bibByID(res *Result) map[string]Paper {
	m := make(map[string]Paper)
	for _, p := range res.Papers {
		m[p.ID] = p
	}
	return m
}

// TestBibTeXFiles reads the real files in testdata/bibtex. The entry
// counts were taken with
//
//	grep -c '^@' FILE   minus   grep -ci '^@\(string\|comment\|preamble\)' FILE
//
// (no file has an entry that does not start a line). The sampled fields
// were read from the files by eye; LaTeX accents are written out.
func TestBibTeXFiles(t *testing.T) {
	type want struct {
		id, title, date, venue string
		authors                []string
		line                   int
	}
	tests := []struct {
		file    string
		entries int
		sample  []want
	}{
		// traps.bib: the author value is "Jean Laid{\'e},\n Ben Loaeb", a
		// single name with one comma, so BibTeX reads it as "Last, First".
		{"traps.bib", 1, []want{{"Laide2013", "An amazing title", "2013-01", "Nice Journal",
			[]string{"Ben Loaeb Jean Laidé"}, 1}}},
		{"article_with_strings.bib", 1, []want{{"Cesar2013", "An amazing title", "2013-01", "Nice Journal",
			[]string{"Jean César"}, 5}}},
		{"book_capital_AND.bib", 1, []want{{"Bird1987", "Dynamics of Polymeric Liquid", "1987", "",
			[]string{"R.B. Bird", "R.C. Armstrong", "O. Hassager"}, 1}}},
		{"multiple_entries_and_comments.bib", 3, []want{
			{"Wigner1938", "The transition state method", "1938", "Trans. Faraday Soc.", []string{"E. Wigner"}, 8},
			{"Toto3000", "A title", "", "", []string{"A Toto", "B Titi"}, 21},
		}},
		{"crossref_entries.bib", 14, []want{
			// year and venue come from the crossref'd @BOOK{cr_m}
			{"cr1", "Great and Good Graphs", "1974", "Graphs of the Continent", []string{"Graham Gullam"}, 7},
			{"cr_m", "Graphs of the Continent", "1974", "", nil, 25},
			{"cr6", "Title of inproceeding", "2009", "Manual booktitle", []string{"Firstname Author"}, 85},
		}},
		{"biber-examples.bib", 118, []want{
			{"set:aksin", "Effect of immobilization on catalytic characteristics of saturated " +
				"Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions", "2006-02", "J. Organomet. Chem.",
				[]string{"Özge Aksın", "Hayati Türkmen", "Levent Artok", "Bekir C\u0328etinkaya",
					"Chaoying Ni", "Orhan Büyükgüngör", "Erhan Özkal"}, 211},
			{"set:herrmann", "A carbocyclic carbene as an efficient catalyst ligand for C–C coupling reactions",
				"2006", "Angew. Chem. Int. Ed.", []string{"Wolfgang A. Herrmann", "Karl Öfele",
					"Sabine K. Schneider", "Eberhardt Herdtweck", "Stephan D. Hoffmann"}, 227},
			{"shore", "Twice-Born, Once Conceived", "1991-03", "American Anthropologist", []string{"Bradd Shore"}, 254},
			{"malinowski", "Argonauts of the Western Pacific", "1972", "", []string{"Bronisław Malinowski"}, 731},
			{"vazques-de-parga", "Las Peregrinaciones a Santiago de Compostela", "1993", "",
				[]string{"Luis Vázques de Parga", "José María Lacarra", "Juan Uría Ríu"}, 877},
			{"Pimentel00", "Sociolinguistic Reflections of Privatization and Globalization: " +
				"The Arabic of Egyptian newspaper advertisements", "2000", "", []string{"Joseph J. Pimentel Jr."}, 1400},
			{"hasan", "Some title", "2000", "", []string{"ʿAlī al-Hasan"}, 1417},
			{"itzhaki", "Some remarks on 't Hooft's S-matrix for black holes", "1996-03-11", "",
				[]string{"Nissan Itzhaki"}, 1214},
			{"aristotle:anima", "De Anima", "1907", "", []string{"Aristotle"}, 348}, // editor not an author
			{"tmn4-2", "", "", "", []string{"ZZZ"}, 1543},                           // second @UNPUBLISHED{tmn4
		}},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			res, err := Read(filepath.Join("..", "testdata", "bibtex", test.file), nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "bibtex" {
				t.Errorf("Format = %q, want bibtex", res.Format)
			}
			if len(res.Papers) != test.entries {
				t.Errorf("read %d entries, want %d", len(res.Papers), test.entries)
			}
			got := bibByID(res)
			for _, w := range test.sample {
				p, ok := got[w.id]
				if !ok {
					t.Errorf("no entry %s", w.id)
					continue
				}
				if p.Title != w.title || p.Date.String() != w.date || p.Venue != w.venue || p.Origin.Line != w.line {
					t.Errorf("%s: title %q, date %q, venue %q, line %d; want %q, %q, %q, %d",
						w.id, p.Title, p.Date, p.Venue, p.Origin.Line, w.title, w.date, w.venue, w.line)
				}
				if names := bibNames(p); !reflect.DeepEqual(names, w.authors) {
					t.Errorf("%s: authors %q, want %q", w.id, names, w.authors)
				}
			}
		})
	}
}

// TestBibTeXSyntax checks the parts of the syntax one at a time on small
// hand-written entries.
func TestBibTeXSyntax(t *testing.T) {
	tests := []struct {
		name, src string
		check     func(t *testing.T, p Paper)
	}{
		{"parentheses and quotes", `@Article(k, author = "Doe, John", title = "A {"}quoted{"} title", year = 1999)`,
			func(t *testing.T, p Paper) {
				bibWant(t, p.ID+"|"+p.Title+"|"+p.Date.String()+"|"+strings.Join(bibNames(p), ";"),
					`k|A "quoted" title|1999|John Doe`)
			}},
		{"macros and concatenation", "@String{Acm = {Comm.}}\n@string(ACMX = \" ACM\")\n" +
			`@article{k, journal = aCM # acmx # { } # 7, month = sep, year = {2001}, author = {X Y}}`,
			func(t *testing.T, p Paper) { bibWant(t, p.Venue+"|"+p.Date.String(), "Comm. ACM 7|2001-09") }},
		{"nested braces and dashes", `@misc{k, title = {{The {\TeX}book}: pages 1--2 --- {\&} more}, author={A}}`,
			func(t *testing.T, p Paper) { bibWant(t, p.Title, "The TeXbook: pages 1–2 — & more") }},
		{"accents", `@misc{k, author = {Erd{\H{o}}s, P{\'a}l and Gödel, Kurt and \v{S}koda, {\c{C}}a{\u{g}}r{\i} and ` +
			`{\O}stergaard, {\AA}se and Stra{\ss}e, {\L}ukasz and Pe{\~n}a, Jos\'{e} and \.Zak, \k{A}nna and \=Ana Bo\^ite}}`,
			func(t *testing.T, p Paper) {
				bibWant(t, strings.Join(bibNames(p), ";"),
					"Pál Erdős;Kurt Gödel;Çağrı Škoda;Åse Østergaard;Łukasz Straße;José Peña;Ąnna Żak;Āna Boîte")
			}},
		{"and others, AND, corporate", `@misc{k, author = {{Barnes and Noble, Inc.} AND Smith, J. and others}}`,
			func(t *testing.T, p Paper) {
				bibWant(t, strings.Join(bibNames(p), ";"), "Barnes and Noble, Inc.;J. Smith")
				if !p.Truncated {
					t.Error("Truncated = false, want true")
				}
			}},
		{"identifiers", `@article{k, author={A}, doi = {https://doi.org/10.1000/ABC\_1}, eprint = {arXiv:2301.12594v2},` +
			` archivePrefix = {arXiv}, keywords = {graphs; networks, co-authorship}, affiliation = {Univ. of {\"U}lm}}`,
			func(t *testing.T, p Paper) {
				bibWant(t, p.DOI+"|"+p.ArXiv+"|"+strings.Join(p.Keywords, "/")+"|"+p.Affiliation,
					"10.1000/abc_1|2301.12594|graphs/networks/co-authorship|Univ. of Ülm")
			}},
		{"arxiv url", `@misc{k, author={A}, url = {https://arxiv.org/abs/1706.03762v7}}`,
			func(t *testing.T, p Paper) { bibWant(t, p.ArXiv, "1706.03762") }},
		{"eprint without arxiv prefix", `@misc{k, author={A}, eprint = {12345}}`,
			func(t *testing.T, p Paper) { bibWant(t, p.ArXiv, "") }},
		{"no author, editor only", `@proceedings{k, editor = {Ed Itor}, title = {Proc}}`,
			func(t *testing.T, p Paper) { bibWant(t, strings.Join(bibNames(p), ";")+"|"+p.Title, "|Proc") }},
		{"comments and stray text", "% @article{no, title={x}}\nsome text@here\n@comment{ @article{no2,} }\n" +
			"@preamble{ \"\\newcommand{\\x}{y}\" }\n  @misc{k, title={T}}",
			func(t *testing.T, p Paper) { bibWant(t, p.ID+"|"+p.Title+"|"+p.Origin.String(), "k|T|test.bib:5") }},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := bibRead(t, test.src, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Papers) != 1 {
				t.Fatalf("read %d papers, want 1", len(res.Papers))
			}
			test.check(t, res.Papers[0])
		})
	}
}

func bibWant(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBibTeXDuplicateKeys(t *testing.T) {
	res, err := bibRead(t, "@misc{a, title={1}}\n@misc{a, title={2}}\n@misc{a-2, title={3}}\n@misc{, title={4}}", false)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range res.Papers {
		ids = append(ids, p.ID)
	}
	if want := []string{"a", "a-2", "a-2-2", "entry4"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("IDs %q, want %q", ids, want)
	}
}

// TestBibTeXMalformed checks strict and lenient reading of broken input:
// strict stops with a *ParseError on the line of the entry's "@",
// lenient keeps every good entry and counts the bad one.
func TestBibTeXMalformed(t *testing.T) {
	good1 := "@article{good1,\n  author = {A. One},\n  title = {First},\n}\n\n"
	good2 := "@article{good2,\n  author = {C. Three},\n  title = {Third},\n}\n"
	tests := []struct {
		name, src string
		line      int
		reason    string
		good      []string
	}{
		{"brace of a value never closes", good1 +
			"@article{bad,\n  title = {Never closed,\n  year = 2002\n}\n\n" + good2,
			6, "unterminated entry", []string{"good1", "good2"}},
		{"entry brace never closes", good1 + "@article{bad,\n  title = {T},\n  year = 2002\n\n" + good2,
			6, "unterminated entry", []string{"good1", "good2"}},
		{"last entry runs to the end", good1 + good2 + "\n@book{bad, title = {T}",
			11, "unterminated entry", []string{"good1", "good2"}},
		{"missing equals sign", good1 + "@article{bad,\n  title {T}\n}\n" + good2,
			7, "syntax error", []string{"good1", "good2"}},
		{"nesting too deep", good1 + "@misc{bad, title = " + strings.Repeat("{", 1001) + strings.Repeat("}", 1001) + "}\n" + good2,
			6, "nesting too deep", []string{"good1", "good2"}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			_, err := bibRead(t, test.src, false)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("strict: error %v, want a *ParseError", err)
			}
			if pe.Line != test.line || pe.Reason != test.reason || pe.File != "test.bib" {
				t.Errorf("strict: %s line %d reason %q, want test.bib line %d reason %q", pe.File, pe.Line, pe.Reason, test.line, test.reason)
			}
			if test.reason == "unterminated entry" && !strings.Contains(pe.Error(), "expected a closing brace") {
				t.Errorf("strict: message %q does not say a closing brace was expected", pe.Error())
			}
			res, err := bibRead(t, test.src, true)
			if err != nil {
				t.Fatalf("lenient: %v", err)
			}
			var ids []string
			for _, p := range res.Papers {
				ids = append(ids, p.ID)
			}
			if !reflect.DeepEqual(ids, test.good) || res.Skipped[test.reason] != 1 || res.SkippedTotal() != 1 {
				t.Errorf("lenient: papers %q, skipped %v; want %q and 1 %q", ids, res.Skipped, test.good, test.reason)
			}
		})
	}
}

func TestBibTeXSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"entry", "@article{k,", true},
		{"parenthesis and blanks", "\n\n  @Book (k,", true},
		{"after comment lines", "% my refs\n%\n@string{a = {b}}", true},
		{"csv", "title,authors,year\n", false},
		{"json", `{"title": "x"}`, false},
		{"text with email", "contact me@example.org\n", false},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := sniffBibTeX([]byte(test.head)); got != test.want {
				t.Errorf("sniffBibTeX(%q) = %v, want %v", test.head, got, test.want)
			}
		})
	}
}
