package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/coauthor/coauthor/internal/synth"
)

// writeIdentity writes every field of id as text, in a fixed order.
func writeIdentity(w io.Writer, id *Identity) {
	fmt.Fprintf(w, "people %d\n", len(id.People))
	for i, p := range id.People {
		fmt.Fprintf(w, "%d %q %q %q %q %q %q %q\n", i, p.Key, p.Name, p.Given, p.Family,
			p.Variants, p.IDs, p.Merged)
	}
	fmt.Fprintf(w, "of %d\n", len(id.Of))
	for i, row := range id.Of {
		fmt.Fprintf(w, "%d %v\n", i, row)
	}
	fmt.Fprintf(w, "suspects %d\n", len(id.Suspects))
	for _, s := range id.Suspects {
		fmt.Fprintf(w, "%v %q\n", s.People, s.Reason)
	}
	fmt.Fprintf(w, "joins %+v\n", id.Joins)
}

// identityHash returns the SHA-256 of the text [writeIdentity] writes.
func identityHash(id *Identity) string {
	h := sha256.New()
	writeIdentity(h, id)
	return hex.EncodeToString(h.Sum(nil))
}

// snapshotFiles are the inputs of the testdata folder that hold papers.
var snapshotFiles = []string{
	"profile-page.txt", "arxiv", "bibtex", "crossref", "csljson", "csv",
	"dbcsv", "dblp", "identity", "jsonl", "openalex", "orcid", "pubmed",
	"ris", "scopus", "wos",
}

// readTestdataPapers reads every file of snapshotFiles that reads
// leniently, in sorted order, and returns the papers with the names of
// the files read.
func readTestdataPapers(t *testing.T) ([]Paper, []string) {
	t.Helper()
	var paths []string
	for _, f := range snapshotFiles {
		err := filepath.WalkDir(filepath.Join("..", "testdata", f), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".md") {
				paths = append(paths, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(paths)
	opt := &Options{Lenient: true, AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var papers []Paper
	var read []string
	for _, p := range paths {
		res, err := Read(p, opt)
		if err != nil {
			continue
		}
		papers = append(papers, res.Papers...)
		read = append(read, filepath.ToSlash(p))
	}
	return papers, read
}

// synthPapers returns the papers of a generated corpus, read through
// the jsonl reader.
func synthPapers(t testing.TB, n int) []Paper {
	t.Helper()
	var buf bytes.Buffer
	if _, err := synth.WriteJSONL(&buf, synth.Config{Papers: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	res, err := ReadFrom(&buf, "synth.jsonl", &Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	return res.Papers
}

// noisy rewrites some authors of papers the way other sources write
// them, chosen by position so the result is fixed: initials ("W.
// Wang"), family name first ("Wang W."), two letters swapped, a missing
// letter, and identifiers that agree or clash. It gives the rules on
// initials, identifiers and suspects work on a large corpus.
func noisy(papers []Paper) []Paper {
	out := make([]Paper, len(papers))
	for i, p := range papers {
		out[i] = p
		out[i].Authors = make([]Author, len(p.Authors))
		for j, a := range p.Authors {
			w := strings.Fields(a.Name)
			h := (i*31 + j*17) % 29
			first, last := w[0], w[len(w)-1]
			switch {
			case h == 0:
				a.Name = first[:1] + ". " + strings.Join(w[1:], " ")
			case h == 1:
				a.Name = last + " " + first[:1] + "."
			case h == 2 && len(first) > 3:
				r := []byte(first)
				r[1], r[2] = r[2], r[1]
				a.Name = string(r) + " " + strings.Join(w[1:], " ")
			case h == 3 && len(last) > 4:
				a.Name = strings.Join(w[:len(w)-1], " ") + " " + last[:len(last)-1]
			case h == 4:
				a.Name = first[:1] + ". " + first[1:2] + ". " + strings.Join(w[1:], " ")
			case h == 5:
				a.IDs = []string{fmt.Sprintf("orcid:%04d", len(a.Name)%7)}
			case h == 6:
				a.IDs = []string{"dblp:" + a.Name, fmt.Sprintf("openalex:A%d", (i+j)%50)}
			}
			out[i].Authors[j] = a
		}
	}
	return out
}

const snapshotAliases = `variant,canonical
S. Lahlou,Salem Lahlou
!Wei Wang
!J. Martin,Jean Martin
Lena Ezzine,Léna Néhale Ezzine
`

// TestResolveSnapshot checks that Resolve gives the same people,
// assignments, suspects and join counts as before its rewrite for
// speed. The hashes below were computed with the implementation of
// commit ec32bb0 (before the rewrite), with one change that made it
// deterministic: similar pairs of the same people and reason sorted by
// their keys too, so the keys named in a suspect's reason no longer
// depend on map order. They were produced by running this test with
// -run TestResolveSnapshot -v and copying the hashes it logs.
func TestResolveSnapshot(t *testing.T) {
	testdata, read := readTestdataPapers(t)
	if len(read) < 20 {
		t.Fatalf("read %d testdata files, want at least 20", len(read))
	}
	var planted []Paper
	for _, p := range plantedCorpus() {
		var as []Author
		for k, v := range p.variants {
			a := Author{Name: v}
			if p.ids != nil && p.ids[k] != "" {
				a.IDs = []string{p.ids[k]}
			}
			as = append(as, a)
		}
		planted = append(planted, Paper{Authors: as})
	}
	al, err := parseAliases(strings.NewReader(snapshotAliases), "aliases.csv")
	if err != nil {
		t.Fatal(err)
	}
	gen := synthPapers(t, 20000)
	tests := []struct {
		name    string
		papers  []Paper
		aliases *Aliases
		want    string
	}{
		{"testdata", testdata, nil,
			"d552915d48b2969804ff681cedab92e2133e94ec7ddab250edb65afd0d195d2c"},
		{"testdata with aliases", testdata, al,
			"98b89fb64d63a44d5f72a277e6531723af22be75200bb330cf88205303b7e370"},
		{"planted", planted, nil,
			"71bff65001339bb957705d4446cb91311adb540d6f0c64f49525bdcc84e1e2eb"},
		{"planted with aliases", planted, al,
			"58cc204fe8651b17a041ed1225750738892fbb5a78006245e2996133c5f128d4"},
		{"synth 20k", gen, nil,
			"16924f6055b0e4069dee91b6487b6b994c630443e9ed1a353cfd69f055fb2a5c"},
		{"synth 20k noisy", noisy(gen), nil,
			"9ed49e52b7020c0dbc422923af718ae12d647d4b339fe6ce88b30cebaf579b34"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			id := Resolve(test.papers, test.aliases)
			got := identityHash(id)
			if dir := os.Getenv("COAUTHOR_SNAPSHOT_DUMP"); dir != "" {
				// Write the text hashed, to compare two implementations.
				var buf bytes.Buffer
				writeIdentity(&buf, id)
				name := filepath.Join(dir, strings.ReplaceAll(test.name, " ", "_")+".txt")
				if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%d papers, %d people, %d suspects, joins %+v: %s",
				len(test.papers), len(id.People), len(id.Suspects), id.Joins, got)
			if got != test.want {
				t.Errorf("identity hash = %s, want %s", got, test.want)
			}
		})
	}
}
