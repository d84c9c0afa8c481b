package corpus

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var seedAsOf = time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)

// TestProfileSeed checks the seed profile page against counts made by
// counting lines of testdata/profile-page.txt with grep: 34 date lines
// (grep -cE '^[A-Z]+[A-Z][a-z]{2} [0-9]+(Code)?$'), 9 of them without a
// year, 6 ending in "Code" (grep -c 'Code$'), 24 author lines with
// "et al." (grep -c 'et al\.'), 16 of which do not show the owner
// (grep 'et al\.' | grep -vc 'Salem Lahlou'). The header says "34papers".
func TestProfileSeed(t *testing.T) {
	res, err := Read("../testdata/profile-page.txt", &Options{AsOf: seedAsOf})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "profile" {
		t.Errorf("format = %q, want profile", res.Format)
	}
	if res.Owner != "Salem Lahlou" {
		t.Errorf("owner = %q, want Salem Lahlou", res.Owner)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", res.Warnings)
	}
	var truncated, inferred, code, noYear int
	for _, p := range res.Papers {
		if p.Truncated {
			truncated++
		}
		if p.HasCode {
			code++
		}
		for _, a := range p.Authors {
			if a.Inferred {
				inferred++
			}
		}
		if p.Date.Year == 2026 {
			noYear++
		}
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"papers", len(res.Papers), 34},
		{"truncated", truncated, 24},
		{"inferred owners", inferred, 16},
		{"with code", code, 6},
		{"dated 2026", noYear, 9},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}

	first := res.Papers[0]
	if first.Title != "A theory of continuous generative flow networks" || first.Venue != "LG" ||
		first.Date != (Date{2023, 1, 30}) || first.Affiliation != "mila" || !first.Truncated ||
		len(first.Authors) != 3 || first.Authors[2].Name != "Pablo Lemos" || first.Origin.Line != 12 {
		t.Errorf("first paper = %+v", first)
	}
	// "CLApr 21" without a year, captured 2026-12-03: 2026-04-21.
	sahm := res.Papers[5]
	if sahm.Date != (Date{2026, 4, 21}) || sahm.Venue != "CL" {
		t.Errorf("SAHM date = %v venue %q, want 2026-04-21 CL", sahm.Date, sahm.Venue)
	}
	last := res.Papers[7].Authors
	if len(last) != 1 || last[0].Name != "Salem Lahlou" || last[0].Inferred || !res.Papers[7].HasCode {
		t.Errorf("ArabicDialectHub authors = %+v", last)
	}
	core := res.Papers[8] // "Kshitij Mishra, Mirat Aubakirov, Martin Takac et al."
	if n := len(core.Authors); n != 4 || !core.Authors[3].Inferred || core.Authors[3].Name != "Salem Lahlou" {
		t.Errorf("CORE authors = %+v, want the owner inferred fourth", core.Authors)
	}
}

func TestProfileNoOwner(t *testing.T) {
	res, err := Read("../testdata/profile-page.txt", &Options{AsOf: seedAsOf, NoOwner: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Papers {
		for _, a := range p.Authors {
			if a.Inferred {
				t.Fatalf("paper %q has an inferred author with NoOwner", p.Title)
			}
		}
	}
}

func TestProfileYearRollsBack(t *testing.T) {
	page := "Jane Roe\n\nh-index3\n1papers\n\nLGDec 20\nA title\n\nJane Roe, John Doe\n\nAbstract.\n"
	res, err := ReadFrom(strings.NewReader(page), "p.txt", &Options{AsOf: seedAsOf})
	if err != nil {
		t.Fatal(err)
	}
	// December 20 comes after the capture date 2026-12-03: the year before.
	if got := res.Papers[0].Date; got != (Date{2025, 12, 20}) {
		t.Errorf("date = %v, want 2025-12-20", got)
	}
}

func TestProfileErrors(t *testing.T) {
	page := "Jane Roe\n\nh-index3\n3papers\n\nLGJan 2, 2020\nGood one\n\nJane Roe, A B\n\nText.\n\nLGJan 3, 2020\nOnly a title\n\nLGJan 4, 2020\nAnother\n\nJane Roe et al.\n"
	_, err := ReadFrom(strings.NewReader(page), "p.txt", &Options{AsOf: seedAsOf})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 13 || pe.File != "p.txt" {
		t.Fatalf("strict error = %v, want a ParseError at p.txt:13", err)
	}
	res, err := ReadFrom(strings.NewReader(page), "p.txt", &Options{AsOf: seedAsOf, Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Papers) != 2 || res.SkippedTotal() != 1 || res.Skipped["incomplete paper"] != 1 {
		t.Errorf("lenient: %d papers, skipped %v; want 2 papers and 1 incomplete paper", len(res.Papers), res.Skipped)
	}
}

func TestProfileCountWarning(t *testing.T) {
	page := "Jane Roe\n\nh-index3\n5papers\n\nLGJan 2, 2020\nGood one\n\nJane Roe, A B\n"
	res, err := ReadFrom(strings.NewReader(page), "p.txt", &Options{AsOf: seedAsOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "5 papers but 1 were read") {
		t.Errorf("warnings = %q, want the paper count mismatch", res.Warnings)
	}
}
