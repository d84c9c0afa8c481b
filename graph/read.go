package graph

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coauthor/coauthor/corpus"
	"golang.org/x/text/encoding/charmap"
)

// Format names accepted by [Read] and [ReadFrom] and returned by [Detect].
const (
	FormatEdgeList = "edgelist"
	FormatGML      = "gml"
	FormatPajek    = "pajek"
	FormatGraphML  = "graphml"
)

// maxLine is the longest line a reader accepts. A longer line is refused
// with a *corpus.ParseError instead of being read into memory whole.
const maxLine = 16 << 20

// sniffLen is how much of the input [ReadFrom] looks at to detect the
// format.
const sniffLen = 64 << 10

// Read reads a graph made by another tool from the file at path; "-"
// reads standard input. format is one of "edgelist", "gml", "pajek" and
// "graphml", or "" to detect it with [Detect]. A gzip-compressed file
// (recognised by its first bytes, whatever its name) is decompressed on
// the fly.
//
// Graphs read from files carry no papers: every Author has Key and Name
// set and nothing else, every Edge has Joint 0 (unknown). g.Notes say
// how duplicates, self-loops and directions were treated.
func Read(path, format string) (*Graph, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return ReadFrom(r, path, format)
}

// ReadFrom reads a graph from r. name is used to detect the format (by
// its extension, after removing ".gz") and in errors. format is as for
// [Read]. Errors in the content are *corpus.ParseError values. It reads
// at most [corpus.DefaultMaxBytes] after decompression; use
// [ReadFromOptions] to set another bound.
func ReadFrom(r io.Reader, name, format string) (*Graph, error) {
	return ReadFromOptions(r, name, &ReadOptions{Format: format})
}

// ReadOptions control how [ReadFromOptions] reads a graph. The zero value
// detects the format and reads up to [corpus.DefaultMaxBytes].
type ReadOptions struct {
	// Format is a format name as for [Read], or "" to detect it.
	Format string

	// MaxBytes bounds the bytes read from the file after decompression,
	// so that a compression bomb stops with an error wrapping
	// [corpus.ErrLimit] instead of running on. Zero means
	// [corpus.DefaultMaxBytes] (64 GiB).
	MaxBytes int64
}

// ReadFromOptions reads a graph from r as [ReadFrom] does, with the
// format and bound of opt; nil means the zero ReadOptions.
func ReadFromOptions(r io.Reader, name string, opt *ReadOptions) (*Graph, error) {
	if opt == nil {
		opt = &ReadOptions{}
	}
	max := opt.MaxBytes
	if max <= 0 {
		max = corpus.DefaultMaxBytes
	}
	if _, ok := r.(*byteLimitReader); !ok {
		r = &byteLimitReader{r: r, left: max, max: max, name: name}
	}
	format := opt.Format
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		zl := &byteLimitReader{r: zr, left: max, max: max, name: name}
		return ReadFromOptions(zl, strings.TrimSuffix(name, ".gz"), opt)
	}
	if format == "" {
		f, ok := Detect(name, head)
		if !ok {
			return nil, fmt.Errorf("%s: cannot tell the graph format from the name or the content (known: %s)",
				name, strings.Join(formatNames, ", "))
		}
		format = f
	}
	// The line readers limit lines with their scanner; the others read
	// through a lineLimitReader.
	lr := &lineLimitReader{r: br}
	var g *Graph
	switch strings.ToLower(format) {
	case FormatEdgeList:
		g, err = readEdgeList(br, name)
	case FormatGML:
		g, err = readGML(lr, name)
	case FormatPajek:
		g, err = readPajek(br, name)
	case FormatGraphML:
		g, err = readGraphML(lr, name)
	default:
		return nil, fmt.Errorf("unknown graph format %q (known: %s)", format, strings.Join(formatNames, ", "))
	}
	if err != nil {
		return nil, err
	}
	return g, nil
}

var formatNames = []string{FormatEdgeList, FormatGML, FormatPajek, FormatGraphML}

// Detect returns the format of a graph file given its name and its first
// bytes, and whether it could tell.
//
// Content that names its format wins: "<graphml" is GraphML, a line
// starting with a Pajek section header such as "*Vertices" is Pajek, a
// "graph [" list is GML. Otherwise the extension decides: .gml, .graphml,
// .net and .paj, .edges and .edgelist. A .txt, .tsv, .csv or .dat file,
// a name without extension, and a .net or .paj file without any Pajek
// section are edge lists only when the content looks like one: lines of
// two or three fields (the third a number), separated by white space or
// commas, with optional "#" or "%" comment lines. A trailing ".gz" is
// ignored.
func Detect(name string, head []byte) (format string, ok bool) {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.Contains(head, []byte("<graphml")):
		return FormatGraphML, true
	case sniffPajek(head):
		return FormatPajek, true
	case sniffGML(head):
		return FormatGML, true
	}
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
	switch ext {
	case ".gml":
		return FormatGML, true
	case ".graphml":
		return FormatGraphML, true
	case ".edges", ".edgelist":
		return FormatEdgeList, true
	case ".net", ".paj":
		if looksLikeEdgeList(head) {
			return FormatEdgeList, true
		}
		return FormatPajek, true
	case ".txt", ".tsv", ".csv", ".dat", "":
		if looksLikeEdgeList(head) {
			return FormatEdgeList, true
		}
	}
	return "", false
}

// sniffPajek reports whether a line of head starts with a Pajek section
// header.
func sniffPajek(head []byte) bool {
	for _, line := range bytes.Split(head, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] != '*' {
			continue
		}
		w := strings.ToLower(string(firstWord(line[1:])))
		switch w {
		case "vertices", "network", "edges", "arcs", "edgeslist", "arcslist":
			return true
		}
	}
	return false
}

// sniffGML reports whether head holds the key "graph" followed by "[".
func sniffGML(head []byte) bool {
	for i := 0; ; {
		j := bytes.Index(head[i:], []byte("graph"))
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || isSpace(head[j-1])
		rest := bytes.TrimLeft(head[j+5:], " \t\r\n")
		if before && len(rest) > 0 && rest[0] == '[' {
			return true
		}
		i = j + 5
	}
}

func firstWord(b []byte) []byte {
	for i, c := range b {
		if isSpace(c) {
			return b[:i]
		}
	}
	return b
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// looksLikeEdgeList reports whether the complete lines of head are
// comments, blank, or two or three fields whose third, if any, is a
// number; the first data line may be a header. At least one data line
// is needed.
func looksLikeEdgeList(head []byte) bool {
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 && len(head) >= sniffLen {
		lines = lines[:len(lines)-1] // possibly cut short
	}
	data := 0
	for _, line := range lines {
		s := strings.TrimSpace(string(line))
		if s == "" || s[0] == '#' || s[0] == '%' {
			continue
		}
		if strings.ContainsAny(s, "\"<>[]*{}=;") {
			return false
		}
		f := splitFields(s)
		if len(f) < 2 || len(f) > 3 {
			return false
		}
		if len(f) == 3 && !isNumber(f[2]) && !(data == 0 && isHeader(f)) {
			return false
		}
		data++
		if data >= 200 {
			break
		}
	}
	return data > 0
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// byteLimitReader fails once more than left bytes are read, with a
// *corpus.ParseError whose cause wraps corpus.ErrLimit: the readers pass
// a ParseError on as it is.
type byteLimitReader struct {
	r         io.Reader
	left, max int64
	name      string // the file, for the error
}

func (l *byteLimitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, &corpus.ParseError{File: l.name, Reason: "limit",
			Err: fmt.Errorf("%w: more than %d bytes after decompression", corpus.ErrLimit, l.max)}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// lineLimitReader fails once more than maxLine bytes pass without a
// newline, so that no reader buffers an unbounded line. It counts lines
// for error messages.
type lineLimitReader struct {
	r    io.Reader
	run  int // bytes since the last newline
	line int // newlines seen
	err  error
}

// errLineTooLong is the cause of the error for a line over maxLine bytes.
var errLineTooLong = fmt.Errorf("line longer than %d bytes", maxLine)

func (l *lineLimitReader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			l.line++
			l.run = 0
			continue
		}
		l.run++
		if l.run > maxLine {
			l.err = errLineTooLong
			return i, l.err
		}
	}
	return n, err
}

// scanLines returns a scanner of r's lines that refuses lines longer
// than maxLine.
func scanLines(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine+2)
	return sc
}

// scanErr turns the error of a line scanner into a *corpus.ParseError
// at the line after the last one read.
func scanErr(err error, name string, line int) error {
	var pe *corpus.ParseError
	switch {
	case errors.Is(err, bufio.ErrTooLong) || errors.Is(err, errLineTooLong):
		return &corpus.ParseError{File: name, Line: line + 1, Reason: "line too long", Err: errLineTooLong}
	case errors.As(err, &pe):
		return err
	}
	return fmt.Errorf("%s:%d: %w", name, line+1, err)
}

func parseErr(name string, line int, reason, format string, args ...any) error {
	return &corpus.ParseError{File: name, Line: line, Reason: reason, Err: fmt.Errorf(format, args...)}
}

// parseWeight parses an edge weight, which must be a finite number.
func parseWeight(s string) (float64, bool) {
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
		return 0, false
	}
	return w, true
}

// edgeSet collects the edges of a file. A pair given more than once, in
// either direction, counts once, with the largest of its weights: files
// made by other tools list an undirected edge in both directions or
// repeat it, and adding the weights would double them.
type edgeSet struct {
	idx       map[uint64]int // (min, max) pair -> index in edges
	dir       []bool         // edges[i] was first given as (U, V) with U < V
	edges     []Edge
	reverse   int // pairs given again in the other direction
	repeated  int // pairs given again in the same direction
	conflicts int // duplicates whose weight differed from the one kept
	loops     int
}

func newEdgeSet() *edgeSet { return &edgeSet{idx: make(map[uint64]int)} }

// add records an edge between nodes u and v.
func (s *edgeSet) add(u, v int32, w float64) {
	if u == v {
		s.loops++
		return
	}
	fwd := u < v
	if !fwd {
		u, v = v, u
	}
	k := uint64(uint32(u))<<32 | uint64(uint32(v))
	i, ok := s.idx[k]
	if !ok {
		s.idx[k] = len(s.edges)
		s.edges = append(s.edges, Edge{U: u, V: v, Weight: w})
		s.dir = append(s.dir, fwd)
		return
	}
	if s.dir[i] == fwd {
		s.repeated++
	} else {
		s.reverse++
	}
	if w != s.edges[i].Weight {
		s.conflicts++
		s.edges[i].Weight = math.Max(s.edges[i].Weight, w)
	}
}

// notes describes what add did, in the words of the package's notes.
func (s *edgeSet) notes(lines int, what string) []string {
	ns := []string{fmt.Sprintf("%d %s, %d distinct undirected edges, %d reverse duplicates merged, %d self-loops dropped",
		lines, what, len(s.edges), s.reverse, s.loops)}
	if s.repeated > 0 {
		ns = append(ns, fmt.Sprintf("%d repeated edges (same pair, same direction) merged", s.repeated))
	}
	if s.conflicts > 0 {
		ns = append(ns, fmt.Sprintf("%d duplicate edges carried a different weight; the largest weight was kept", s.conflicts))
	}
	return ns
}

// graph returns the graph of authors and the collected edges.
func (s *edgeSet) graph(authors []Author, notes []string) *Graph {
	g, _, _ := New(authors, s.edges)
	g.Notes = notes
	return g
}

// nodeIndex assigns dense ids to node tokens in order of first
// appearance.
type nodeIndex struct {
	ids    map[string]int32
	tokens []string
}

func newNodeIndex() *nodeIndex { return &nodeIndex{ids: make(map[string]int32)} }

// id returns tok's id, adding it if new.
func (x *nodeIndex) id(tok string) int32 {
	if i, ok := x.ids[tok]; ok {
		return i
	}
	i := int32(len(x.tokens))
	x.ids[tok] = i
	x.tokens = append(x.tokens, tok)
	return i
}

// numericOrder returns, when every token is an integer, the permutation
// old id -> new id that sorts the tokens numerically (ties, such as "7"
// and "07", by text); otherwise nil.
func (x *nodeIndex) numericOrder() []int32 {
	vals := make([]int64, len(x.tokens))
	for i, t := range x.tokens {
		v, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil
		}
		vals[i] = v
	}
	order := make([]int32, len(x.tokens))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if vals[i] != vals[j] {
			return vals[i] < vals[j]
		}
		return x.tokens[i] < x.tokens[j]
	})
	perm := make([]int32, len(order))
	for newID, old := range order {
		perm[old] = int32(newID)
	}
	return perm
}

// toUTF8 returns s unchanged when it is valid UTF-8 and otherwise reads
// it as Windows-1252, the usual encoding of older Pajek and GML files;
// the bool reports a conversion.
func toUTF8(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, false
	}
	t, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD"), true
	}
	return t, true
}
