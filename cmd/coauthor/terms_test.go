package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTermsSeed(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "terms", "--as-of", "2026-12-03", "-o", dir, "../../testdata/profile-page.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, f := range []string{"terms.dot", "terms.svg", "terms.graphml", "terms.csv"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "terms.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 124 terms: metrics.TestTermGraphSeedSize on the same papers with
	// the default of 4 occurrences.
	if got := len(rows) - 1; got != 124 {
		t.Errorf("terms.csv has %d terms, want 124", got)
	}
	var gfn bool
	for _, r := range rows[1:] {
		gfn = gfn || strings.Contains(r[0], "gflownet")
	}
	if !gfn {
		t.Errorf("terms.csv has no gflownet term")
	}
}

func TestTermsUsage(t *testing.T) {
	code, _, _ := runCmd(t, "terms", "--min-occurrences", "0", "x.bib")
	if code == exitOK {
		t.Errorf("--min-occurrences 0: exit %d, want an error", code)
	}
}
