package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// TestWriteFileSpecial checks that a device and a named pipe are written
// in place, not replaced by a regular file, that a symbolic link is kept
// with the file it names replaced, and that a directory is refused.
func TestWriteFileSpecial(t *testing.T) {
	hello := func(w io.Writer) error {
		_, err := io.WriteString(w, "hello\n")
		return err
	}
	dir := t.TempDir()

	// A null device of the test's own (made only with the right to), so
	// that a failure cannot replace the system's: writing must leave it
	// a device.
	if null := filepath.Join(dir, "null"); mknull(null) != nil {
		t.Logf("no device of our own: %v", mknull(null))
	} else {
		if err := WriteFile(null, hello); err != nil {
			t.Fatalf("WriteFile(null device) = %v", err)
		}
		if st, err := os.Lstat(null); err != nil || st.Mode()&os.ModeDevice == 0 {
			t.Errorf("null device after WriteFile: %v, %v; want a device", st.Mode(), err)
		}
	}

	// A named pipe, opened for reading and writing first so that neither
	// end waits for the other; what WriteFile writes must come out of it.
	fifo := filepath.Join(dir, "fifo")
	if err := mkfifo(fifo); err != nil {
		t.Logf("no named pipe: %v", err)
	} else {
		r, err := os.OpenFile(fifo, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if err := WriteFile(fifo, hello); err != nil {
			t.Fatalf("WriteFile(fifo) = %v", err)
		}
		got := make([]byte, len("hello\n"))
		r.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.ReadFull(r, got); err != nil || string(got) != "hello\n" {
			t.Errorf("read %q (%v) from the pipe, want %q", got, err, "hello\n")
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("pipe after WriteFile: %v, %v; want a named pipe", st.Mode(), err)
		}
	}

	// A link to a regular file: the file is replaced, the link kept.
	file := filepath.Join(dir, "file.csv")
	if err := os.WriteFile(file, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, hello); err != nil {
		t.Fatalf("WriteFile(link) = %v", err)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "hello\n" {
		t.Errorf("linked file = %q, %v; want %q", b, err, "hello\n")
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link after WriteFile: %v, %v; want it kept", st.Mode(), err)
	}

	// A link that dangles: the file it names is made, the link kept.
	dangling := filepath.Join(dir, "dangling.csv")
	if err := os.Symlink("made.csv", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, hello); err != nil {
		t.Fatalf("WriteFile(dangling link) = %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "made.csv")); err != nil || string(b) != "hello\n" {
		t.Errorf("file named by the dangling link = %q, %v; want %q", b, err, "hello\n")
	}
	if st, err := os.Lstat(dangling); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("dangling link after WriteFile: %v, %v; want it kept", st.Mode(), err)
	}

	if err := WriteFile(dir, hello); err == nil {
		t.Errorf("WriteFile(a directory) = nil, want an error")
	}

	// A device that is full: the error names the path given, once.
	if full := filepath.Join(dir, "full"); mkfull(full) == nil {
		err := WriteFile(full, hello)
		if err == nil || err.Error() != "write "+full+": no space left on device" {
			t.Errorf("WriteFile(full device) = %v, want %q", err, "write "+full+": no space left on device")
		}
	}
}

// TestWriteFileMode checks that a file written over keeps its mode and a
// new one gets 0644.
func TestWriteFileMode(t *testing.T) {
	dir := t.TempDir()
	write := func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	private := filepath.Join(dir, "private.csv")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(private, 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh.csv")
	for path, want := range map[string]os.FileMode{private: 0o600, fresh: 0o644} {
		if err := WriteFile(path, write); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", filepath.Base(path), st.Mode().Perm(), err, want)
		}
	}
}

// TestCheckOutput checks the reasons CheckOutput gives before any work,
// and that it leaves no file behind.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	for _, test := range []struct {
		path, want string // want: part of the error, "" for none
	}{
		{filepath.Join(dir, "new.csv"), ""},
		{dir, "is a directory"},
		{filepath.Join(dir, "no", "x.csv"), "does not exist"},
	} {
		err := CheckOutput(test.path)
		if test.want == "" && err != nil || test.want != "" && (err == nil || !strings.Contains(err.Error(), test.want)) {
			t.Errorf("CheckOutput(%s) = %v, want %q", test.path, err, test.want)
		}
	}
	if null := filepath.Join(dir, "null"); mknull(null) == nil {
		if err := CheckOutput(null); err != nil {
			t.Errorf("CheckOutput(device) = %v, want nil", err)
		}
		os.Remove(null)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("CheckOutput left %d files in the directory", len(entries))
	}
	if err := CheckDir(filepath.Join(dir, "a", "b")); err != nil {
		t.Errorf("CheckDir(a directory to be made) = %v", err)
	}
}
