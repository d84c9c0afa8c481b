package synth

import (
	"bytes"
	"testing"

	"github.com/coauthor/coauthor/corpus"
)

// TestNamesDistinct checks that the first authors of a 5M-paper corpus's
// pool, and a stretch far into it, have distinct identity keys.
func TestNamesDistinct(t *testing.T) {
	if d := gcd(nameStride, len(given)*len(family)); d != 1 {
		t.Fatalf("gcd(nameStride, block) = %d, want 1", d)
	}
	seen := make(map[string]int)
	check := func(a int) {
		k := corpus.Key(Name(a))
		if b, ok := seen[k]; ok {
			t.Fatalf("Name(%d) = %q and Name(%d) = %q have the same key %q", a, Name(a), b, Name(b), k)
		}
		seen[k] = a
	}
	for a := 0; a < 60000; a++ {
		check(a)
	}
	for a := 3_700_000; a < 3_760_000; a++ {
		check(a)
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := WriteJSONL(&a, Config{Papers: 500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	WriteJSONL(&b, Config{Papers: 500, Seed: 7})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs with seed 7 differ")
	}
	b.Reset()
	WriteJSONL(&b, Config{Papers: 500, Seed: 8})
	if bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("seeds 7 and 8 give the same papers")
	}
}

// TestShape checks the distributions the package comment promises on
// 20k papers.
func TestShape(t *testing.T) {
	g := New(Config{Papers: 20000, Seed: 1})
	var p Paper
	sizes := make(map[int]int)
	var maxTeamSeen int
	for g.Next(&p) {
		k := len(p.Authors)
		sizes[k]++
		maxTeamSeen = max(maxTeamSeen, k)
		if p.Year < firstYear || p.Year > lastYear {
			t.Fatalf("%s: year %d outside %d-%d", p.ID, p.Year, firstYear, lastYear)
		}
		seen := map[string]bool{}
		for _, a := range p.Authors {
			if seen[a] {
				t.Fatalf("%s: author %q twice", p.ID, a)
			}
			seen[a] = true
		}
	}
	small := 0
	for k := 1; k <= 6; k++ {
		small += sizes[k]
	}
	if frac := float64(small) / 20000; frac < 0.95 || frac > 0.99 {
		t.Errorf("share of papers with 1-6 authors = %.3f, want in [0.95, 0.99]", frac)
	}
	if maxTeamSeen < 30 || maxTeamSeen > maxTeam {
		t.Errorf("largest team = %d, want in [30, %d]", maxTeamSeen, maxTeam)
	}
	st := g.Stats()
	if st.Papers != 20000 || st.Authors < 10000 || st.Authors > 15000 {
		t.Errorf("Stats = %+v, want 20000 papers and 10k-15k authors", st)
	}
}

// TestReadable reads both formats back with package corpus and checks
// that they give the same papers.
func TestReadable(t *testing.T) {
	cfg := Config{Papers: 300, Seed: 3}
	var j, d bytes.Buffer
	if _, err := WriteJSONL(&j, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteDBLP(&d, cfg); err != nil {
		t.Fatal(err)
	}
	rj, err := corpus.ReadFrom(&j, "synth.jsonl", nil)
	if err != nil {
		t.Fatalf("reading JSON Lines: %v", err)
	}
	rd, err := corpus.ReadFrom(&d, "synth.xml", nil)
	if err != nil {
		t.Fatalf("reading dblp: %v", err)
	}
	g := New(cfg)
	var p Paper
	for i := 0; g.Next(&p); i++ {
		for _, r := range []*corpus.Result{rj, rd} {
			q := r.Papers[i]
			if q.Date.Year != p.Year || len(q.Authors) != len(p.Authors) {
				t.Fatalf("paper %d read back as %+v, want %+v", i, q, p)
			}
			for k, a := range q.Authors {
				if a.Name != p.Authors[k] {
					t.Fatalf("paper %d author %d = %q, want %q", i, k, a.Name, p.Authors[k])
				}
			}
		}
		if rj.Papers[i].Title != p.Title || rj.Papers[i].ID != p.ID {
			t.Fatalf("paper %d = %q %q, want %q %q", i, rj.Papers[i].ID, rj.Papers[i].Title, p.ID, p.Title)
		}
	}
	if len(rj.Papers) != 300 || len(rd.Papers) != 300 {
		t.Errorf("read %d and %d papers, want 300", len(rj.Papers), len(rd.Papers))
	}
}
