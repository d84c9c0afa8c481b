package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAuthorsSeed lists the people of the seed profile page merged with
// the whole author lists of testdata/identity/seed-complete.bib.
func TestAuthorsSeed(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"authors", "--format", "json", "--as-of", "2026-12-03",
		"../../testdata/profile-page.txt", "../../testdata/identity/seed-complete.bib"}
	if code := run(args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("run(%q) = %d, stderr:\n%s", args, code, &stderr)
	}
	var out authorsOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	// Salem Lahlou owns the page (34 papers, header "34papers"); the
	// BibTeX file writes him "Lahlou, S." once.
	first := out.People[0]
	if first.Name != "Salem Lahlou" || first.Papers != 34 || strings.Join(first.Variants, ";") != "S. Lahlou;Salem Lahlou" {
		t.Errorf("first person = %+v, want Salem Lahlou with 34 papers and the variant S. Lahlou", first)
	}
	// Four papers are in both files, all truncated on the page.
	if out.Merge.Records != 38 || out.Merge.Papers != 34 || out.Merge.Completed != 4 {
		t.Errorf("merge = %+v, want 38 records, 34 papers, 4 completed", out.Merge)
	}
	// "S. Lahlou" joins Salem Lahlou and "Edward Hu" (GFlowNets and
	// variational inference, BibTeX) joins Edward J. Hu (profile page).
	if out.Joins.Initials != 2 {
		t.Errorf("joins = %+v, want 2 by initials", out.Joins)
	}
}

// TestAuthorsSuspects checks that suspects are printed as alias lines
// that, read back with --alias, merge the people.
func TestAuthorsSuspects(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "papers.jsonl")
	lines := `{"title": "Flows one", "year": 2021, "authors": ["J. Martin", "Jean Martin", "Aleksandr Petrov"]}
{"title": "Flows two", "year": 2022, "authors": ["Julie Martin", "Alexander Petrov"]}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"authors", in}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("authors = %d, stderr:\n%s", code, &stderr)
	}
	got := stdout.String()
	for _, want := range []string{
		"J. Martin,Jean Martin  # initials match 2 people\n",
		"J. Martin,Julie Martin  # initials match 2 people\n",
		"Aleksandr Petrov,Alexander Petrov  # transliteration (aleksandr petrov / alexander petrov)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// Paste the transliteration line into an alias file: one Petrov.
	alias := filepath.Join(dir, "aliases.csv")
	if err := os.WriteFile(alias, []byte("Aleksandr Petrov,Alexander Petrov  # transliteration\n!J. Martin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := run([]string{"authors", "--alias", alias, "--format", "csv", in}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("authors --alias = %d, stderr:\n%s", code, &stderr)
	}
	// Header, then 4 people: Alexander Petrov, J. Martin, Jean Martin,
	// Julie Martin.
	if n := strings.Count(stdout.String(), "\n"); n != 5 || !strings.Contains(stdout.String(), "Alexander Petrov,alexander petrov,Aleksandr Petrov; Alexander Petrov,,2,2021,2022,alias") {
		t.Errorf("csv with aliases has %d lines, want 5:\n%s", n, &stdout)
	}
}

func TestAuthorsBadFormat(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"authors", "--format", "xml", "../../testdata/profile-page.txt"}, nil, &stdout, &stderr); code != exitUsage {
		t.Errorf("authors --format xml = %d, want %d", code, exitUsage)
	}
}
