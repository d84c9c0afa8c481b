package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fuzzSeed adds every file of testdata/<dir> to the corpus of f.
func fuzzSeed(f *testing.F, dir string) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
	if len(paths) == 0 {
		f.Fatalf("no seed files in testdata/%s", dir)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// fuzzRead reads data strictly and leniently with one reader and checks
// that it neither panics nor returns both papers and an error.
func fuzzRead(t *testing.T, format string, data []byte) *Result {
	var lenient *Result
	for _, le := range []bool{false, true} {
		res, err := ReadFrom(bytes.NewReader(data), "fuzz", &Options{Format: format, Lenient: le})
		if err != nil && res != nil {
			t.Fatalf("%s: both a result and the error %v", format, err)
		}
		if le {
			lenient = res
		}
	}
	return lenient
}

func FuzzBibTeX(f *testing.F) {
	fuzzSeed(f, "bibtex")
	f.Add([]byte("@a{k, t = {" + strings.Repeat("{", 2000) + "}"))
	f.Add([]byte(strings.Repeat("@a{k,f={\n", 500)))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		res := fuzzRead(t, "bibtex", data)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("reading %d bytes took %v", len(data), d)
		}
		if res != nil && len(res.Papers) > bytes.Count(data, []byte("@")) {
			t.Fatalf("%d papers from %d \"@\"", len(res.Papers), bytes.Count(data, []byte("@")))
		}
	})
}

func FuzzCSV(f *testing.F) {
	fuzzSeed(f, "csv")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "csv", data) })
}

func FuzzJSONL(f *testing.F) {
	fuzzSeed(f, "jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		res := fuzzRead(t, "jsonl", data)
		if res != nil && len(res.Papers) > bytes.Count(data, []byte("\n"))+1 {
			t.Fatalf("%d papers from %d lines", len(res.Papers), bytes.Count(data, []byte("\n"))+1)
		}
	})
}

// FuzzLaTeXToUnicode checks that the conversion never panics and returns
// valid UTF-8 for valid input.
func FuzzLaTeXToUnicode(f *testing.F) {
	for _, s := range []string{`{\'e}`, `\"{\i}`, `\c`, `\'{`, `\k{\'{\~{a}}}`, `\\\\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := LaTeXToUnicode(s)
		if utf8Valid(s) && !utf8Valid(out) {
			t.Fatalf("LaTeXToUnicode(%q) = %q, not valid UTF-8", s, out)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
