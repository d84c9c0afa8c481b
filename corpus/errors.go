package corpus

import (
	"errors"
	"fmt"
)

// ParseError reports a record that does not follow its format. It names
// the file, the line (or the record index when the format is not line
// based) and what was expected.
type ParseError struct {
	File   string
	Line   int    // 1-based; 0 when unknown
	Record int    // 1-based record index; 0 when unknown
	Reason string // short, stable reason used to count skipped records
	Err    error
}

func (e *ParseError) Error() string {
	where := e.File
	switch {
	case e.Line > 0:
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	case e.Record > 0:
		where = fmt.Sprintf("%s: record %d", e.File, e.Record)
	}
	return fmt.Sprintf("%s: %v", where, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrNoAuthors is the cause of a record that has no author at all.
var ErrNoAuthors = errors.New("record has no authors")

// ErrLimit is the cause when input exceeds a limit set in [Limits].
var ErrLimit = errors.New("input exceeds a limit")
