package main

import (
	"bufio"
	"compress/gzip"
	"errors"
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

// isGraphFile reports whether path holds a graph made by another tool
// (edge list, GML, Pajek, GraphML) rather than papers. A format that the
// content shows wins: papers first (a profile page or a BibTeX file may
// end in .txt), then graphs; the extension decides the rest.
func isGraphFile(path, forced string) (bool, error) {
	if forced != "" {
		return slices.Contains(graphFormats, forced), nil
	}
	if path == "-" || strings.EqualFold(filepath.Ext(path), ".zip") {
		return false, nil
	}
	head, err := peek(path)
	if err != nil {
		return false, err
	}
	if _, ok := corpus.Sniff(head); ok {
		return false, nil
	}
	f, ok := graph.Detect(path, head)
	if ok && f == graph.FormatEdgeList && isTable(path) && !edgeListHeader(head) {
		// A spreadsheet whose columns are not those of papers is more
		// likely a mistake than a graph: let the paper reader say which
		// column is missing.
		return false, nil
	}
	return ok, nil
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
