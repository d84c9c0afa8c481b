package corpus

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const readTestBib = "@article{k1,\n  author = {Jane Roe and John Doe},\n  title = {One},\n  year = 2020\n}\n"

func TestReadGzipAndZip(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(readTestBib))
	zw.Close()
	gzPath := filepath.Join(dir, "refs.bib.gz")
	os.WriteFile(gzPath, gz.Bytes(), 0o644)

	zipPath := filepath.Join(dir, "export.zip")
	f, _ := os.Create(zipPath)
	w := zip.NewWriter(f)
	for name, body := range map[string]string{
		"a/refs.bib":            readTestBib,
		"a/more.csv":            "title,year,authors\nTwo,2021,Jane Roe; Max Mustermann\n",
		"__MACOSX/a/._refs.bib": "junk",
	} {
		fw, _ := w.Create(name)
		fw.Write([]byte(body))
	}
	w.Close()
	f.Close()

	tests := []struct {
		name, path, format string
		papers             int
	}{
		{"gzip", gzPath, "bibtex", 1},
		{"zip", zipPath, "zip(bibtex,csv)", 2},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res, err := Read(test.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != test.format || len(res.Papers) != test.papers {
				t.Errorf("format %q with %d papers, want %q with %d", res.Format, len(res.Papers), test.format, test.papers)
			}
		})
	}
}

// TestReadBomb checks that a small gzip file that inflates past the bound
// stops with ErrLimit instead of being read on.
func TestReadBomb(t *testing.T) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write([]byte(readTestBib))
	zw.Write(bytes.Repeat([]byte("% comment line\n"), 1<<20))
	zw.Close()
	if gz.Len() > 100<<10 {
		t.Fatalf("compressed size %d, want a small bomb", gz.Len())
	}
	_, err := ReadFrom(bytes.NewReader(gz.Bytes()), "bomb.bib.gz", &Options{MaxBytes: 1 << 20})
	if !errors.Is(err, ErrLimit) {
		t.Errorf("error = %v, want ErrLimit", err)
	}
	if err != nil && !strings.Contains(err.Error(), "bomb.bib.gz") {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestDetectUnknown(t *testing.T) {
	_, err := ReadFrom(strings.NewReader("just some words\n"), "notes.xyz", nil)
	if err == nil || !strings.Contains(err.Error(), "notes.xyz") || !strings.Contains(err.Error(), "--from") {
		t.Errorf("error = %v, want one naming the file and --from", err)
	}
	_, err = ReadFrom(strings.NewReader(readTestBib), "x.bib", &Options{Format: "nope"})
	if err == nil || !strings.Contains(err.Error(), `unknown format "nope"`) {
		t.Errorf("error = %v, want unknown format", err)
	}
}
