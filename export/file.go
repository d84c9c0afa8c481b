package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// WriteFile writes the file at path with write, atomically: the bytes go
// to a temporary file in the same directory, which is synced and then
// renamed over path; write gets a buffered writer, so it may write in
// small pieces. On any error the temporary file is removed and
// path is left as it was, so readers never see a half-written file.
// A new file gets mode 0644; a file written over keeps its mode.
//
// A path that is a symbolic link has the file it names written, and the
// link is kept, also when that file does not exist yet. A path that
// names a device, a named pipe or a socket, such as /dev/null or
// /dev/stdout, is written in place, as a rename would put a regular file
// where the device was; a directory is an error. Errors name path.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	target := OutputPath(path)
	perm := os.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("write %s: is a directory", path)
		case !st.Mode().IsRegular():
			return writeInPlace(path, target, write)
		}
		perm = st.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, cannotMake(dir, err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
			err = outputError(path, err, tmp, target)
		}
	}()

	bw := bufio.NewWriterSize(f, 256<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, target)
}

// CheckOutput returns an error when WriteFile could not write path: path
// is a directory, its directory does not exist, or no file can be made
// there. A command calls it before its work, so that an output it cannot
// write is said at once. A device or a pipe, written in place, passes.
func CheckOutput(path string) error {
	target := OutputPath(path)
	if st, err := os.Stat(target); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a directory: name a file", path)
		}
		if !st.Mode().IsRegular() {
			return nil
		}
	}
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("the directory %s does not exist", dir)
	}
	return CheckDir(dir)
}

// CheckDir returns an error unless files can be made in dir or, when dir
// does not exist yet, in the nearest directory above it that does, where
// it would be made. It makes and removes a file to find out.
func CheckDir(dir string) error {
	for {
		st, err := os.Stat(dir)
		if err == nil {
			if !st.IsDir() {
				return fmt.Errorf("%s is not a directory", dir)
			}
			f, err := os.CreateTemp(dir, ".coauthor-probe-*")
			if err != nil {
				return cannotMake(dir, err)
			}
			f.Close()
			return os.Remove(f.Name())
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// cannotMake returns err, of making a file in dir, as an error that names
// dir rather than the pattern of the file's name.
func cannotMake(dir string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("cannot make a file in %s: %w", dir, err)
}

// OutputPath returns the file that writing to path writes: path itself,
// or the file its chain of symbolic links ends at, which need not exist.
func OutputPath(path string) string {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		return target
	}
	// A link that dangles names the file to make: follow the chain by hand.
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			break
		}
		link, err := os.Readlink(path)
		if err != nil {
			break
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return path
}

// outputError returns err as an error in writing path: an error of the
// file system about one of the files of others (the temporary file, the
// file a link names) names path instead, once, and any other error is
// prefixed with "write path:".
func outputError(path string, err error, others ...string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && (pe.Path == path || slices.Contains(others, pe.Path)) {
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	}
	return fmt.Errorf("write %s: %w", path, err)
}

// writeInPlace writes target, a device or a pipe that writing to path
// reaches, with write through a buffered writer.
func writeInPlace(path, target string, write func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return outputError(path, err, target)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return outputError(path, err, target)
	}
	return nil
}

// errWriter remembers the first error of an io.Writer, so that a writer
// of many small pieces checks once at the end.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// printf writes a formatted string; errors are kept in e.err.
func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}

// str writes s; errors are kept in e.err.
func (e *errWriter) str(s string) {
	io.WriteString(e, s)
}

var errNoGraph = errors.New("export: analysis has no graph")
