package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// biblioFuzz runs one reader on arbitrary input, seeded with the files
// matching glob, in strict and lenient mode. It checks that the reader
// does not panic, that an error is a *ParseError or a plain error with a
// message, and that every paper it returns has an ID and authors.
func biblioFuzz(f *testing.F, format string, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) > 200<<10 {
				data = data[:200<<10]
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lenient := range []bool{false, true} {
			res, err := ReadFrom(bytes.NewReader(data), "fuzz", &Options{Format: format, Lenient: lenient})
			if err != nil {
				if err.Error() == "" {
					t.Fatal("error with an empty message")
				}
				continue
			}
			for _, p := range res.Papers {
				if p.ID == "" || len(p.Authors) == 0 {
					t.Fatalf("paper %+v has no ID or no authors", p)
				}
			}
		}
	})
}

func FuzzRIS(f *testing.F) { biblioFuzz(f, "ris", "../testdata/ris/*.ris") }

func FuzzCSLJSON(f *testing.F) { biblioFuzz(f, "csljson", "../testdata/csljson/*.json") }

func FuzzCrossref(f *testing.F) { biblioFuzz(f, "crossref", "../testdata/crossref/*.json") }

func FuzzWoS(f *testing.F) { biblioFuzz(f, "wos", "../testdata/wos/*.isi", "../testdata/wos/*.txt") }

func FuzzWoSTab(f *testing.F) { biblioFuzz(f, "wostab", "../testdata/wos/constructed-tab-utf16.txt") }

func FuzzPubMed(f *testing.F) {
	biblioFuzz(f, "pubmed", "../testdata/pubmed/*.txt", "../testdata/pubmed/*.medline")
}

// FuzzBiblioSniff checks that format detection never panics.
func FuzzBiblioSniff(f *testing.F) {
	f.Add([]byte("TY  - JOUR\n"))
	f.Add([]byte("FN x\nVR 1.0\nPT J\n"))
	f.Add([]byte(`[{"type":"article","author":[{"sequence":`))
	f.Add([]byte("PMID- 1\n"))
	f.Add([]byte{0xff, 0xfe, 'P', 0, 'T', 0, '\t', 0})
	f.Fuzz(func(t *testing.T, head []byte) {
		for _, s := range []func([]byte) bool{sniffRIS, sniffWoS, sniffWoSTab, sniffPubMed, sniffCSLJSON, sniffCrossref} {
			s(head)
		}
	})
}
