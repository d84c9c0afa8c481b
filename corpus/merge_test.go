package corpus

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMergeSeed merges the seed profile page with the hand-written
// BibTeX file holding whole author lists for four of its papers
// (testdata/identity/seed-complete.bib).
func TestMergeSeed(t *testing.T) {
	opt := &Options{AsOf: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}
	var papers []Paper
	for _, f := range []string{"profile-page.txt", "identity/seed-complete.bib"} {
		res, err := Read(filepath.Join("..", "testdata", f), opt)
		if err != nil {
			t.Fatal(err)
		}
		papers = append(papers, res.Papers...)
	}
	if len(papers) != 38 {
		t.Fatalf("read %d records, want 34 from the profile page and 4 from the BibTeX file", len(papers))
	}
	got, st := Merge(papers)
	// The profile page holds 34 papers (its header says so); the BibTeX
	// file repeats four of them, all truncated on the page.
	if len(got) != 34 || st.Merged != 4 || st.Completed != 4 {
		t.Errorf("Merge: %d papers, %d merged, %d completed; want 34, 4, 4", len(got), st.Merged, st.Completed)
	}
	// GFlowOut hides the owner behind "et al."; the BibTeX file writes
	// him "Lahlou, S." fifth.
	if st.OwnersPlaced != 1 || st.OwnersAppended != 0 || len(st.Warnings) != 0 {
		t.Errorf("owners placed %d, appended %d, warnings %q; want 1, 0, none", st.OwnersPlaced, st.OwnersAppended, st.Warnings)
	}
	// Positions of the owner in the published author lists, as written
	// in seed-complete.bib.
	want := map[string]struct {
		authors, owner int
		sources        int
	}{
		"GFlowNet Foundations":                            {6, 1, 2},
		"A theory of continuous generative flow networks": {9, 0, 2},
		"GFlowNets and variational inference":             {8, 1, 2},
		"GFlowOut: Dropout with Generative Flow Networks": {13, 4, 2},
	}
	for _, p := range got {
		w, ok := want[p.Title]
		if !ok {
			if len(p.Sources) != 1 {
				t.Errorf("%q: %d sources, want 1", p.Title, len(p.Sources))
			}
			continue
		}
		var owner []int
		for j, a := range p.Authors {
			if a.Inferred {
				t.Errorf("%q: author %d %q still inferred", p.Title, j, a.Name)
			}
			if strings.HasSuffix(a.Name, "Lahlou") {
				owner = append(owner, j)
			}
		}
		if len(p.Authors) != w.authors || len(owner) != 1 || owner[0] != w.owner || p.Truncated || len(p.Sources) != w.sources {
			t.Errorf("%q: %d authors, owner at %v, truncated %v, %d sources; want %d, [%d], false, %d",
				p.Title, len(p.Authors), owner, p.Truncated, len(p.Sources), w.authors, w.owner, w.sources)
		}
		if p.Origin.File != filepath.Join("..", "testdata", "profile-page.txt") || p.ArXiv == "" {
			t.Errorf("%q: origin %v, arXiv %q; want the profile page's origin and the BibTeX arXiv id", p.Title, p.Origin, p.ArXiv)
		}
	}
	// The owner is one person across both files.
	id := Resolve(got, nil)
	found := 0
	for _, person := range id.People {
		if strings.HasSuffix(person.Name, "Lahlou") {
			found++
			if person.Name != "Salem Lahlou" || strings.Join(person.Variants, ",") != "S. Lahlou,Salem Lahlou" {
				t.Errorf("owner = %+v, want Salem Lahlou with the variant S. Lahlou", person)
			}
		}
	}
	if found != 1 {
		t.Errorf("%d people named Lahlou, want 1", found)
	}
}

func TestMerge(t *testing.T) {
	a := func(names ...string) []Author {
		var out []Author
		for _, n := range names {
			out = append(out, Author{Name: n})
		}
		return out
	}
	owner := Author{Name: "Salem Lahlou", Inferred: true}
	tests := []struct {
		name   string
		papers []Paper
		// want: number of papers, authors of the first, stats
		papersOut int
		authors   string
		completed int
		appended  int
	}{
		{"same doi", []Paper{
			{Title: "One", DOI: "10.1/x", Date: Date{Year: 2020}, Authors: a("A B")},
			{Title: "Other title", DOI: "10.1/x", Date: Date{Year: 2021}, Authors: a("A B", "C D")},
		}, 1, "A B; C D", 0, 0},
		{"title and year, punctuation and case differ", []Paper{
			{Title: "GFlowNets and Variational Inference.", Date: Date{Year: 2022}, Authors: a("N M", "S L"), Truncated: true},
			{Title: "{GFlowNets} and variational inference", Date: Date{Year: 2022}, Authors: a("N M", "S L", "T D")},
		}, 1, "N M; S L; T D", 1, 0},
		{"preprint a year earlier", []Paper{
			{Title: "A theory of flows", Date: Date{Year: 2022}, Authors: a("X Y")},
			{Title: "A theory of flows", Date: Date{Year: 2023}, ArXiv: "2301.00001", Authors: a("X Y")},
		}, 1, "X Y", 0, 0},
		{"two years apart", []Paper{
			{Title: "A theory of flows", Date: Date{Year: 2021}, Authors: a("X Y")},
			{Title: "A theory of flows", Date: Date{Year: 2023}, ArXiv: "2301.00001", Authors: a("X Y")},
		}, 2, "X Y", 0, 0},
		{"journal versions a year apart", []Paper{
			{Title: "A theory of flows", Date: Date{Year: 2022}, DOI: "10.1/a", Authors: a("X Y")},
			{Title: "A theory of flows", Date: Date{Year: 2023}, Authors: a("X Y")},
		}, 2, "X Y", 0, 0},
		{"different dois", []Paper{
			{Title: "A theory of flows", Date: Date{Year: 2022}, DOI: "10.1/a", Authors: a("X Y")},
			{Title: "A theory of flows", Date: Date{Year: 2022}, DOI: "10.1/b", Authors: a("X Y")},
		}, 2, "X Y", 0, 0},
		{"short titles are not matched", []Paper{
			{Title: "Introduction", Date: Date{Year: 2022}, Authors: a("X Y")},
			{Title: "Introduction", Date: Date{Year: 2022}, Authors: a("Z W")},
		}, 2, "X Y", 0, 0},
		{"owner found by initials", []Paper{
			{Title: "Flows on graphs today", Date: Date{Year: 2022}, Authors: append(a("A B"), owner), Truncated: true},
			{Title: "Flows on graphs today", Date: Date{Year: 2022}, Authors: a("A B", "C D", "S. Lahlou", "E F")},
		}, 1, "A B; C D; S. Lahlou; E F", 1, 0},
		{"owner absent", []Paper{
			{Title: "Flows on graphs today", Date: Date{Year: 2022}, Authors: append(a("A B"), owner), Truncated: true},
			{Title: "Flows on graphs today", Date: Date{Year: 2022}, Authors: a("A B", "C D")},
		}, 1, "A B; C D; Salem Lahlou*", 1, 1},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			got, st := Merge(test.papers)
			var names []string
			for _, au := range got[0].Authors {
				n := au.Name
				if au.Inferred {
					n += "*"
				}
				names = append(names, n)
			}
			if len(got) != test.papersOut || strings.Join(names, "; ") != test.authors ||
				st.Completed != test.completed || st.OwnersAppended != test.appended || st.Merged != len(test.papers)-len(got) {
				t.Errorf("Merge = %d papers, authors %q, stats %+v; want %d papers, authors %q, %d completed, %d appended",
					len(got), strings.Join(names, "; "), st, test.papersOut, test.authors, test.completed, test.appended)
			}
		})
	}
}

func TestMergeMetadata(t *testing.T) {
	in := []Paper{
		{ID: "p1", Title: "A theory of flows", Date: Date{Year: 2023, Month: 1}, Abstract: "short", Keywords: []string{"flows"},
			Origin: Origin{File: "a.txt", Line: 3}, Authors: []Author{{Name: "X Y"}}},
		{ID: "b1", Title: "A Theory of Flows", Date: Date{Year: 2022, Month: 10, Day: 2}, Abstract: "a longer abstract",
			Keywords: []string{"Flows", "inference"}, ArXiv: "2210.00580", HasCode: true,
			Origin: Origin{File: "b.bib", Line: 1}, Authors: []Author{{Name: "X Y", IDs: []string{"orcid:1"}}}},
	}
	got, _ := Merge(in)
	p := got[0]
	if p.ID != "p1" || p.Date != (Date{2022, 10, 2}) || p.Abstract != "a longer abstract" ||
		strings.Join(p.Keywords, ",") != "flows,inference" || p.ArXiv != "2210.00580" || !p.HasCode ||
		len(p.Sources) != 2 || p.Sources[1].File != "b.bib" || len(p.Authors[0].IDs) != 1 {
		t.Errorf("Merge = %+v", p)
	}
	if len(in[0].Authors[0].IDs) != 0 || len(in[0].Keywords) != 1 {
		t.Errorf("Merge changed its input: %+v", in[0])
	}
}

// TestMergeSameFileTitles checks that two records of one file with the
// same title and year stay two papers, while the same pair from two
// files is joined.
func TestMergeSameFileTitles(t *testing.T) {
	mk := func(file string) Paper {
		return Paper{Title: "Editorial for the special issue", Date: Date{Year: 2020},
			Origin: Origin{File: file}, Authors: []Author{{Name: "A B"}}}
	}
	if got, _ := Merge([]Paper{mk("x.bib"), mk("x.bib")}); len(got) != 2 {
		t.Errorf("one file: %d papers, want 2", len(got))
	}
	if got, _ := Merge([]Paper{mk("x.bib"), mk("y.ris")}); len(got) != 1 {
		t.Errorf("two files: %d papers, want 1", len(got))
	}
}
