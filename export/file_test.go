package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	errWrite := errors.New("disk on fire")
	tests := []struct {
		name    string
		old     string // content before, "" for no file
		write   func(io.Writer) error
		wantErr bool
		want    string // content after, "" for no file
	}{
		{name: "new file", write: func(w io.Writer) error {
			_, err := io.WriteString(w, "hello\n")
			return err
		}, want: "hello\n"},
		{name: "replace", old: "old\n", write: func(w io.Writer) error {
			_, err := io.WriteString(w, "new\n")
			return err
		}, want: "new\n"},
		{name: "fails, no file left", write: func(w io.Writer) error {
			io.WriteString(w, "half")
			return errWrite
		}, wantErr: true},
		{name: "fails, old file kept", old: "old\n", write: func(w io.Writer) error {
			io.WriteString(w, "half")
			return errWrite
		}, wantErr: true, want: "old\n"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.csv")
			if test.old != "" {
				if err := os.WriteFile(path, []byte(test.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(path, test.write)
			if (err != nil) != test.wantErr {
				t.Fatalf("WriteFile error = %v, want error %v", err, test.wantErr)
			}
			if test.wantErr && !errors.Is(err, errWrite) {
				t.Errorf("WriteFile error = %v, want it to wrap %v", err, errWrite)
			}
			got, err := os.ReadFile(path)
			switch {
			case test.want == "" && !errors.Is(err, os.ErrNotExist):
				t.Errorf("file exists (%q, %v), want none", got, err)
			case test.want != "" && string(got) != test.want:
				t.Errorf("file = %q (%v), want %q", got, err, test.want)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.Name() != "out.csv" {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
}

func TestWriteFileMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "x.csv")
	called := false
	err := WriteFile(path, func(io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("WriteFile into a missing directory = %v (write called %v), want an error before writing", err, called)
	}
}
