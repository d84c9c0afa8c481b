package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		first  string // prefix of the output
		lines  int
	}{
		{"jsonl", []string{"gen", "--papers", "50", "--seed", "2"}, exitOK, `{"id":"synth/1","title":`, 50},
		{"dblp", []string{"gen", "--papers", "20", "--format", "dblp"}, exitOK, `<?xml version="1.0" encoding="UTF-8"?>`, 0},
		{"bad format", []string{"gen", "--format", "csv"}, exitUsage, "", 0},
		{"argument", []string{"gen", "extra"}, exitUsage, "", 0},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(test.args, nil, &out, &errb); got != test.status {
				t.Fatalf("status = %d, want %d; stderr %s", got, test.status, errb.String())
			}
			if !strings.HasPrefix(out.String(), test.first) {
				t.Errorf("output starts %.60q, want %q", out.String(), test.first)
			}
			if n := strings.Count(out.String(), "\n"); test.lines > 0 && n != test.lines {
				t.Errorf("%d lines, want %d", n, test.lines)
			}
		})
	}
}

// TestGenFileReport writes a corpus to a file, checks that a second run
// writes the same bytes, and reads it back with the papers command.
func TestGenFileReport(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	for _, f := range []string{a, b} {
		var out, errb bytes.Buffer
		if got := run([]string{"gen", "--papers", "200", "-o", f}, nil, &out, &errb); got != exitOK {
			t.Fatalf("gen status %d: %s", got, errb.String())
		}
		if !strings.HasPrefix(errb.String(), "wrote 200 papers") {
			t.Errorf("stderr = %q, want it to count 200 papers", errb.String())
		}
	}
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ba, bb) {
		t.Error("two runs with the same seed wrote different files")
	}
	var out, errb bytes.Buffer
	if got := run([]string{"papers", a}, nil, &out, &errb); got != exitOK {
		t.Fatalf("papers status %d: %s", got, errb.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 200 {
		t.Errorf("papers printed %d records, want 200", n)
	}
}

// TestGenEmptyOut checks that an empty --out is a usage error rather than
// an attempt to write the current directory.
func TestGenEmptyOut(t *testing.T) {
	var out, errb bytes.Buffer
	if got := run([]string{"gen", "--papers", "5", "-o", ""}, nil, &out, &errb); got != exitUsage ||
		!strings.Contains(errb.String(), "--out must name a file") {
		t.Errorf("gen -o '': exit %d, stderr %q", got, errb.String())
	}
}
