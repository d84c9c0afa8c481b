package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// FuzzDBCSV feeds every CSV database reader the same input, strictly and
// leniently. None may panic; a lenient read fails only on a limit or an
// unreadable header; papers have an origin and unique IDs. New inputs
// are slow to minimise at the default -fuzzminimizetime of 60s; 3s keeps
// the fuzzer busy with new inputs instead.
func FuzzDBCSV(f *testing.F) {
	for _, path := range []string{
		"../testdata/scopus/bibliometrix-scopus_sample.csv",
		"../testdata/scopus/metaknowledge-scopus_testing.csv.scopus.gz",
		"../testdata/dbcsv/bibliometrix-openalex_sample.csv",
		"../testdata/dbcsv/bibliometrix-lens_sample.csv",
		"../testdata/dbcsv/litstudy-springer.csv",
		"../testdata/dbcsv/constructed-ieee.csv",
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				f.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				f.Fatal(err)
			}
		}
		// Large seeds make every run and the minimising of new inputs
		// slow; the first rows of a file are enough to start from.
		if len(data) > 16<<10 {
			data = data[:16<<10]
		}
		f.Add(data)
	}
	f.Add([]byte(scopusHeader + `"Doe J., et al.","","","T",2020,"V","","",""` + "\n"))
	f.Add([]byte("\"Lens ID\",\"Author/s\",\"Title\"\n\"1\",\"a\"\"b;;\",\"x\n"))

	readers := []readerFunc{readScopus, readOpenAlexCSV, readLens, readIEEE, readSpringer}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range readers {
			read(bytes.NewReader(data), "fuzz.csv", nil)
			res, err := read(bytes.NewReader(data), "fuzz.csv", &Options{Lenient: true})
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("lenient read failed with %T %v, want a *ParseError", err, err)
				}
				continue
			}
			seen := make(map[string]bool)
			for _, p := range res.Papers {
				if p.Origin.Line < 2 || p.Origin.Record < 1 || p.ID == "" || seen[p.ID] {
					t.Fatalf("paper with origin %v and ID %q (seen before: %v)", p.Origin, p.ID, seen[p.ID])
				}
				seen[p.ID] = true
			}
		}
	})
}
