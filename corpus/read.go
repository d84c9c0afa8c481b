package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Options control how files are read. The zero value reads strictly, with
// today as the date of capture and the owner of a profile page added where
// "et al." hides them.
type Options struct {
	// Format forces the input format (a name from [Formats]); "" detects
	// it from the extension and then from the content.
	Format string

	// AsOf is the date a profile page was captured: a date written
	// without a year ("Apr 21") is in AsOf's year, or the year before
	// when that would put it after AsOf. Zero means today.
	AsOf time.Time

	// NoOwner turns off adding the owner of a profile page to papers
	// whose truncated author list does not show them.
	NoOwner bool

	// Lenient skips bad records and counts them in [Result.Skipped]
	// instead of stopping at the first.
	Lenient bool

	// MaxBytes bounds the bytes read from one file after decompression,
	// so that a compression bomb stops with an error instead of running
	// on. Zero means 64 GiB.
	MaxBytes int64
}

// DefaultMaxBytes is the bound on decompressed input when
// [Options.MaxBytes] is zero.
const DefaultMaxBytes = 64 << 30

func (o *Options) maxBytes() int64 {
	if o == nil || o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o *Options) asOf() time.Time {
	if o == nil || o.AsOf.IsZero() {
		return time.Now()
	}
	return o.AsOf
}

// Result is what a reader found in one file.
type Result struct {
	Papers []Paper

	// Format is the name of the format that was read.
	Format string

	// Owner is the owner of a profile page, "" for other formats.
	Owner string

	// Skipped counts the records skipped in lenient mode, by reason.
	Skipped map[string]int

	// Warnings are problems that did not stop reading, each naming the
	// file.
	Warnings []string
}

// SkippedTotal returns the number of skipped records.
func (r *Result) SkippedTotal() int {
	n := 0
	for _, c := range r.Skipped {
		n += c
	}
	return n
}

// skip records a bad record: in lenient mode it is counted and nil is
// returned, otherwise the error is returned to stop the reader.
func (r *Result) skip(opt *Options, err *ParseError) error {
	if opt == nil || !opt.Lenient {
		return err
	}
	if r.Skipped == nil {
		r.Skipped = make(map[string]int)
	}
	reason := err.Reason
	if reason == "" {
		reason = "malformed record"
	}
	r.Skipped[reason]++
	switch n := r.SkippedTotal(); {
	case n <= maxSkipWarnings:
		r.Warnings = append(r.Warnings, "skipped "+err.Error())
	case n == maxSkipWarnings+1:
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: more than %d records skipped: the others are counted, not listed",
			err.File, maxSkipWarnings))
	}
	return nil
}

// maxSkipWarnings is the number of skipped records of a file that get a
// warning each; a file of thousands of bad records would bury the other
// warnings.
const maxSkipWarnings = 20

func (r *Result) warnf(format string, args ...any) {
	r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
}

// A readerFunc reads one file's content. name is used in errors.
type readerFunc func(r io.Reader, name string, opt *Options) (*Result, error)

// format describes one input format.
type format struct {
	name  string
	exts  []string
	sniff func(head []byte) bool
	read  readerFunc
}

var formats []format

func register(f format) { formats = append(formats, f) }

// Formats returns the names of the formats [Read] knows, sorted.
func Formats() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	sort.Strings(names)
	return names
}

func lookup(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// sniffSize is how much of a file is looked at to detect its format.
const sniffSize = 64 << 10

// Read reads the papers of one file. path "-" reads standard input. A
// gzip-compressed file (by content, whatever its name) is decompressed
// on the fly; a zip archive is read member by member, each member named
// "archive.zip/member" in origins and errors.
func Read(path string, opt *Options) (*Result, error) {
	if opt == nil {
		opt = &Options{}
	}
	if path != "-" && IsZip(path) {
		return readZip(path, opt)
	}
	rc, err := open(path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return ReadFrom(rc, path, opt)
}

// IsZip reports whether the file at path starts like a zip archive.
func IsZip(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var magic [4]byte
	_, err = io.ReadFull(f, magic[:])
	return err == nil && string(magic[:]) == "PK\x03\x04"
}

// readZip reads every file of a zip archive, skipping directories and
// the resource forks some archivers add, and merges what they hold.
func readZip(path string, opt *Options) (*Result, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	all := &Result{}
	formats := map[string]bool{}
	for _, f := range zr.File {
		base := filepath.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, ".") {
			continue
		}
		name := path + "/" + f.Name
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		res, err := ReadFrom(rc, name, opt)
		rc.Close()
		if err != nil {
			return nil, err
		}
		formats[res.Format] = true
		all.Papers = append(all.Papers, res.Papers...)
		all.Warnings = append(all.Warnings, res.Warnings...)
		if all.Owner == "" {
			all.Owner = res.Owner
		}
		for r, c := range res.Skipped {
			if all.Skipped == nil {
				all.Skipped = map[string]int{}
			}
			all.Skipped[r] += c
		}
	}
	var names []string
	for f := range formats {
		names = append(names, f)
	}
	sort.Strings(names)
	all.Format = "zip(" + strings.Join(names, ",") + ")"
	return all, nil
}

// ReadFrom reads papers from r; name is the file name used to detect the
// format and in errors.
func ReadFrom(r io.Reader, name string, opt *Options) (*Result, error) {
	if opt == nil {
		opt = &Options{}
	}
	return readFrom(r, name, name, opt)
}

// readFrom reads r, detecting the format from detectName (name without
// ".gz" once decompressed) and naming the file name in errors.
func readFrom(r io.Reader, name, detectName string, opt *Options) (*Result, error) {
	if _, ok := r.(*limitedReader); !ok {
		r = &limitedReader{r: r, left: opt.maxBytes(), max: opt.maxBytes(), name: name}
	}
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: not a readable gzip file: %w", name, err)
		}
		defer zr.Close()
		return readFrom(&limitedReader{r: gzipErrors{zr}, left: opt.maxBytes(), max: opt.maxBytes(), name: name},
			name, strings.TrimSuffix(detectName, ".gz"), opt)
	}
	f, err := detect(detectName, head, opt.Format)
	if err != nil {
		if len(bytes.TrimSpace(head)) == 0 {
			return nil, fmt.Errorf("%s: the file is empty", name)
		}
		if name != detectName {
			err = errors.New(strings.Replace(err.Error(), detectName+":", name+":", 1))
		}
		return nil, err
	}
	res, err := f.read(br, name, opt)
	if err != nil {
		return nil, err
	}
	res.Format = f.name
	return res, nil
}

// gzipErrors says that an error came from decompressing: the reader adds
// the file, so a truncated download reads "x.bib.gz: gzip data:
// unexpected EOF".
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip data: %w", err)
	}
	return n, err
}

// limitedReader fails with ErrLimit once more than left bytes are read.
type limitedReader struct {
	r    io.Reader
	left int64
	max  int64 // the bound, for the message
	name string
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, fmt.Errorf("%s: %w: more than %d bytes after decompression (raise the bound with --max-bytes, in GiB)", l.name, ErrLimit, l.max)
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

func isGzip(head []byte) bool {
	return len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b
}

// Sniff returns the name of the format that the first bytes of a file
// show, looking at the content alone, and whether one did.
func Sniff(head []byte) (string, bool) {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for _, f := range formats {
		if f.sniff != nil && f.sniff(head) {
			return f.name, true
		}
	}
	return "", false
}

// Detect returns the name of the format of a file given its name and the
// first bytes of its content.
func Detect(name string, head []byte) (string, error) {
	f, err := detect(name, head, "")
	return f.name, err
}

func detect(name string, head []byte, forced string) (format, error) {
	if forced != "" {
		f, ok := lookup(forced)
		if !ok {
			return format{}, fmt.Errorf("unknown format %q (known: %s)", forced, strings.Join(Formats(), ", "))
		}
		return f, nil
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
	// Content first where a format can tell itself apart; then extension.
	for _, f := range formats {
		if f.sniff != nil && f.sniff(head) {
			return f, nil
		}
	}
	for _, f := range formats {
		for _, e := range f.exts {
			if e == ext {
				return f, nil
			}
		}
	}
	return format{}, fmt.Errorf("%s: cannot tell the format from the name or the content; use --from (known: %s)", name, strings.Join(Formats(), ", "))
}

func open(path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}
