package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	_, ok := graph.Detect(path, head)
	return ok, nil
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
