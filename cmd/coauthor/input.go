package main

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// graphFormats are the --from values that name a graph file rather than
// a file of papers.
var graphFormats = []string{graph.FormatEdgeList, graph.FormatGML, graph.FormatPajek, graph.FormatGraphML}

// graphSource opens the graph of a graph file: the file itself, the one
// graph file in a zip archive, or standard input.
type graphSource struct {
	name string // as shown in messages: "x.zip/net.gml" for a member
	open func() (io.ReadCloser, error)
}

// graphInput tells whether path holds a graph made by another tool (edge
// list, GML, Pajek, GraphML) rather than papers, and if so how to open it.
// A format that the content shows wins: papers first (a profile page or a
// BibTeX file may end in .txt), then graphs; the extension decides the
// rest. A zip archive is a graph when it holds one graph file and no
// papers. Standard input is looked at through e.stdin, which keeps what
// it read for the reader that follows.
func graphInput(e *env, path, forced string) (*graphSource, error) {
	switch {
	case path == "-":
		if forced != "" && !slices.Contains(graphFormats, forced) {
			return nil, nil
		}
		head, _ := e.stdin.Peek(64 << 10)
		if forced == "" && !isGraphHead("-", head) {
			return nil, nil
		}
		return &graphSource{name: "-", open: func() (io.ReadCloser, error) { return io.NopCloser(e.stdin), nil }}, nil
	case corpus.IsZip(path):
		return zipGraph(path, forced)
	case forced != "":
		if !slices.Contains(graphFormats, forced) {
			return nil, nil
		}
	default:
		head, err := peek(path)
		if err != nil {
			return nil, err
		}
		if !isGraphHead(path, head) {
			return nil, nil
		}
	}
	return &graphSource{name: path, open: func() (io.ReadCloser, error) { return os.Open(path) }}, nil
}

// isGraphHead reports whether a file of this name starting with head is a
// graph file rather than papers.
func isGraphHead(name string, head []byte) bool {
	if _, ok := corpus.Sniff(head); ok {
		return false
	}
	f, ok := graph.Detect(name, head)
	if ok && f == graph.FormatEdgeList && isTable(name) && !edgeListHeader(head) {
		// A spreadsheet whose columns are not those of papers is more
		// likely a mistake than a graph: let the paper reader say which
		// column is missing.
		return false
	}
	return ok
}

// zipGraph returns the graph file of a zip archive that holds one graph
// file and no papers; nil when it holds papers only; an error when it
// mixes the two or holds several graphs.
func zipGraph(path, forced string) (*graphSource, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable zip archive: %w", path, err)
	}
	defer zr.Close()
	var graphs, papers []string
	for _, f := range zr.File {
		base := filepath.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, ".") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", path, f.Name, err)
		}
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(rc, head)
		rc.Close()
		isGraph := slices.Contains(graphFormats, forced) || (forced == "" && isGraphHead(f.Name, head[:n]))
		if isGraph {
			graphs = append(graphs, f.Name)
		} else {
			papers = append(papers, f.Name)
		}
	}
	switch {
	case len(graphs) == 0:
		return nil, nil
	case len(graphs) > 1 || len(papers) > 0:
		return nil, fmt.Errorf("%s holds %d graph files and %d files of papers: give one graph file alone (unzip the one you want)",
			path, len(graphs), len(papers))
	}
	member := graphs[0]
	return &graphSource{name: path + "/" + member, open: func() (io.ReadCloser, error) {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, err
		}
		rc, err := zr.Open(member)
		if err != nil {
			zr.Close()
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{rc, closers{rc, zr}}, nil
	}}, nil
}

// closers closes each of its members in order.
type closers []io.Closer

func (cs closers) Close() error {
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// isTable reports whether path names a CSV or TSV file.
func isTable(path string) bool {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(path, ".gz")))
	return ext == ".csv" || ext == ".tsv"
}

// edgeListHeader reports whether the first line that is not a comment
// starts with two node ids (numbers) or with the names of an edge list's
// columns (source and target, from and to, ...).
func edgeListHeader(head []byte) bool {
	for _, line := range strings.Split(string(head), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || line[0] == '%' {
			continue
		}
		f := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '\t' || r == ';' || r == ' ' })
		if len(f) < 2 {
			return false
		}
		if isNumber(f[0]) && isNumber(f[1]) {
			return true
		}
		pair := strings.ToLower(strings.Trim(f[0], `"`) + "," + strings.Trim(f[1], `"`))
		switch pair {
		case "source,target", "from,to", "node1,node2", "u,v", "id1,id2", "author1,author2", "src,dst":
			return true
		}
		return false
	}
	return false
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.Trim(s, `"`), 64)
	return err == nil
}

// peek returns the first 64 KiB of a file, decompressed when it is
// gzip-compressed.
func peek(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if m, _ := br.Peek(2); len(m) == 2 && m[0] == 0x1f && m[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return head[:n], nil
}
