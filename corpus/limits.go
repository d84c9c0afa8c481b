package corpus

import (
	"bytes"
	"fmt"
	"io"
)

// maxLine is the longest line a line-based reader accepts. A longer line
// is refused with an error rather than read into memory whole.
const maxLine = 16 << 20

// maxRecord is the most bytes the XML and JSON document readers (dblp,
// arxiv, openalex) take for one record, or between two records. The
// decoders they use hold a whole text node or value in memory, so a
// longer record is refused with [ErrLimit]. Real records are a few
// kilobytes; the largest dblp records, with thousands of authors, are
// under a megabyte.
const maxRecord = 16 << 20

// maxBibTeX is the largest BibTeX file read. The BibTeX reader holds the
// whole file in memory, with several times its size of bookkeeping.
// Large real databases (the ACL Anthology's, dblp's per-venue exports)
// are a few hundred megabytes at most.
const maxBibTeX = 1 << 30

// maxProfile is the largest profile page read. A copied profile page
// is a few megabytes even for an author of thousands of papers.
const maxProfile = 64 << 20

// spanReader fails with an error wrapping [ErrLimit] once more than max
// bytes are read in one span. A span ends at each newline when lines is
// set, and at each call of mark. It counts newlines for error messages.
type spanReader struct {
	r     io.Reader
	max   int64
	lines bool   // a newline ends a span
	what  string // what a span is, for the error: "a line", "a record"
	run   int64  // bytes of the current span read so far
	line  int    // newlines seen
	err   error
}

// mark ends the current span.
func (s *spanReader) mark() { s.run = 0 }

func (s *spanReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	for rest := p[:n]; len(rest) > 0; {
		k := len(rest) // bytes of the current span in rest
		if s.lines {
			if j := bytes.IndexByte(rest, '\n'); j >= 0 {
				k = j
			}
		}
		if s.run+int64(k) > s.max {
			s.err = fmt.Errorf("%w: %s longer than %d MiB", ErrLimit, s.what, s.max>>20)
			return n - len(rest) + int(s.max-s.run), s.err
		}
		if k == len(rest) {
			s.run += int64(k)
			break
		}
		s.run = 0
		s.line++
		rest = rest[k+1:]
	}
	return n, err
}
