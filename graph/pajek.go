package graph

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxPajekVertices is the largest vertex count a *Vertices line may
// declare. Vertices need no line of their own, so a few bytes can declare
// any number; the limit keeps a small file from taking all memory.
//
// TODO: a Pajek file declaring more than 16.7 million vertices is
// refused; raise the limit, or keep unlabelled vertices implicit, when
// graphs that large need reading.
var maxPajekVertices = 1 << 24

// maxPajekUnnamed is the most vertices a file may declare without naming
// them on any vertex or edge line. Each vertex of the graph costs over a
// hundred bytes, so without it a file of a few bytes declaring millions
// of vertices would take gigabytes.
//
// TODO: a file declaring more than a million vertices that it never
// names is refused; keep such vertices implicit in the graph if files
// like that need reading.
const maxPajekUnnamed = 1 << 20

// pajekSection is the part of a Pajek file being read.
type pajekSection int

const (
	pajekNone     pajekSection = iota
	pajekVertices              // id "label" x y z ...
	pajekPairs                 // *Edges, *Arcs: u v [weight] ...
	pajekLists                 // *Edgeslist, *Arcslist: u v1 v2 ...
	pajekSkip                  // sections the reader does not use
)

// pajekReader holds the state of one Pajek read.
type pajekReader struct {
	name      string
	line      int
	n         int              // declared vertex count; -1 before *Vertices
	nLine     int              // line of the *Vertices header
	labels    map[int32]string // labels of vertex lines by vertex id-1
	named     []uint64         // bit set of the vertices a line names
	nNamed    int              // vertices in named
	es        *edgeSet
	edgeLines int
	inArcs    bool // the section is *Arcs or *Arcslist
	arcs      int  // lines read in *Arcs and *Arcslist sections
	recoded   int  // labels read as Windows-1252
	notes     []string
}

// readPajek reads a Pajek .net file: a "*Vertices n" section whose lines
// give a vertex id (1..n) and an optional label, then "*Edges", "*Arcs",
// "*Edgeslist" or "*Arcslist" sections. Section headers are matched
// without regard to case; "%" starts a comment line; CRLF line ends are
// accepted. Vertices keep their ids' order, with Key the id and Name the
// label (else the id). The weight is the third number of an edge line,
// else 1. Arcs are read as undirected edges, and an edge given more than
// once counts once with its largest weight. Only the first network of a
// file is read. Vertices no line names get their id as label; a file
// declaring more than maxPajekUnnamed of them is refused.
func readPajek(r io.Reader, name string) (*Graph, error) {
	p := &pajekReader{name: name, n: -1, es: newEdgeSet()}
	sc := scanLines(r)
	sec := pajekNone
loop:
	for sc.Scan() {
		p.line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '%' {
			continue
		}
		if s[0] == '*' {
			next, stop, err := p.header(s)
			if err != nil {
				return nil, err
			}
			if stop {
				p.notes = append(p.notes, fmt.Sprintf("reading stopped at line %d: only the first network is read", p.line))
				break loop
			}
			sec = next
			continue
		}
		var err error
		switch sec {
		case pajekNone:
			err = parseErr(name, p.line, "syntax", "expected a section header such as *Vertices")
		case pajekVertices:
			err = p.vertex(s)
		case pajekPairs:
			err = p.pair(s)
		case pajekLists:
			err = p.list(s)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, scanErr(err, name, p.line)
	}
	if p.n < 0 {
		return nil, parseErr(name, p.line, "syntax", "no *Vertices section")
	}
	if unnamed := p.n - p.nNamed; unnamed > maxPajekUnnamed {
		return nil, parseErr(name, p.nLine, "limit", "%d vertices declared, %d of them on no line; at most %d such vertices are read",
			p.n, unnamed, maxPajekUnnamed)
	}
	return p.graph(), nil
}

// header reads a section header line and returns the section it opens,
// or stop when a second network starts.
func (p *pajekReader) header(s string) (sec pajekSection, stop bool, err error) {
	f := strings.Fields(s[1:])
	word := ""
	if len(f) > 0 {
		word = strings.ToLower(f[0])
	}
	switch word {
	case "network":
		return pajekSkip, p.n >= 0, nil
	case "vertices":
		if p.n >= 0 {
			return 0, true, nil
		}
		return pajekVertices, false, p.vertices(f)
	case "edges", "arcs", "edgeslist", "arcslist":
		if p.n < 0 {
			return 0, false, parseErr(p.name, p.line, "syntax", "*%s before *Vertices", f[0])
		}
		if len(f) > 1 && strings.HasPrefix(f[1], ":") {
			p.notes = append(p.notes, fmt.Sprintf("relation %s of line %d merged with the others", f[1], p.line))
		}
		p.inArcs = strings.HasPrefix(word, "arcs")
		if strings.HasSuffix(word, "list") {
			return pajekLists, false, nil
		}
		return pajekPairs, false, nil
	case "matrix":
		// TODO: *Matrix sections (an n-by-n table of weights) are not
		// read; no co-authorship file at hand uses them.
		return 0, false, parseErr(p.name, p.line, "unsupported", "*Matrix sections are not supported")
	}
	if p.n >= 0 {
		p.notes = append(p.notes, fmt.Sprintf("section %q at line %d skipped", clip(s), p.line))
	}
	return pajekSkip, false, nil
}

// vertices reads the count of "*Vertices n [n1]".
func (p *pajekReader) vertices(f []string) error {
	if len(f) < 2 {
		return parseErr(p.name, p.line, "syntax", "expected the number of vertices after *Vertices")
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n < 0 {
		return parseErr(p.name, p.line, "syntax", "number of vertices %q is not a count", clip(f[1]))
	}
	if n > maxPajekVertices {
		return parseErr(p.name, p.line, "limit", "%d vertices declared; at most %d are read", n, maxPajekVertices)
	}
	if len(f) > 2 {
		p.notes = append(p.notes, fmt.Sprintf("two-mode network (%s of %s vertices in the first mode) read as one-mode", f[2], f[1]))
	}
	p.n, p.nLine = n, p.line
	p.labels = make(map[int32]string)
	p.named = make([]uint64, (n+63)/64)
	return nil
}

// vertexID parses a vertex id, which must be in 1..n.
func (p *pajekReader) vertexID(tok string) (int32, error) {
	v, err := strconv.Atoi(tok)
	if err != nil {
		return 0, parseErr(p.name, p.line, "node ids", "vertex id %q is not a number", clip(tok))
	}
	if v < 1 || v > p.n {
		return 0, parseErr(p.name, p.line, "unknown node", "vertex id %d outside 1..%d", v, p.n)
	}
	i := v - 1
	if bit := uint64(1) << (i % 64); p.named[i/64]&bit == 0 {
		p.named[i/64] |= bit
		p.nNamed++
	}
	return int32(i), nil
}

// vertex reads `id "label" ...`; the label may be unquoted when it has
// no spaces. Coordinates and drawing attributes are ignored.
func (p *pajekReader) vertex(s string) error {
	idTok, rest := cutField(s)
	v, err := p.vertexID(idTok)
	if err != nil {
		return err
	}
	var label string
	if strings.HasPrefix(rest, "\"") {
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return parseErr(p.name, p.line, "syntax", "label not closed")
		}
		label = rest[1 : 1+end]
	} else {
		label, _ = cutField(rest)
	}
	label, recoded := toUTF8(label)
	if recoded {
		p.recoded++
	}
	if label != "" {
		p.labels[v] = label
	}
	return nil
}

// cutField returns the first white-space separated field of s and the
// rest, trimmed.
func cutField(s string) (field, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// pair reads `u v [weight] ...`.
func (p *pajekReader) pair(s string) error {
	f := strings.Fields(s)
	if len(f) < 2 {
		return parseErr(p.name, p.line, "node ids", "expected two vertex ids")
	}
	u, err := p.vertexID(f[0])
	if err != nil {
		return err
	}
	v, err := p.vertexID(f[1])
	if err != nil {
		return err
	}
	w := 1.0
	if len(f) > 2 {
		if x, ok := parseWeight(f[2]); ok {
			w = x
		} else if isNumber(f[2]) {
			return parseErr(p.name, p.line, "weight", "weight %q is not a finite number", clip(f[2]))
		}
	}
	p.edgeLines++
	if p.inArcs {
		p.arcs++
	}
	p.es.add(u, v, w)
	return nil
}

// list reads `u v1 v2 ...`: an edge of weight 1 from u to each v.
func (p *pajekReader) list(s string) error {
	f := strings.Fields(s)
	if len(f) < 2 {
		return parseErr(p.name, p.line, "node ids", "expected a vertex id and its neighbours")
	}
	u, err := p.vertexID(f[0])
	if err != nil {
		return err
	}
	if p.inArcs {
		p.arcs++
	}
	for _, t := range f[1:] {
		v, err := p.vertexID(t)
		if err != nil {
			return err
		}
		p.edgeLines++
		p.es.add(u, v, 1)
	}
	return nil
}

// graph makes the graph of the vertices and edges read.
func (p *pajekReader) graph() *Graph {
	authors := make([]Author, p.n)
	for i := range authors {
		id := strconv.Itoa(i + 1)
		name := p.labels[int32(i)]
		if name == "" {
			name = id
		}
		authors[i] = Author{Key: id, Name: name}
	}
	notes := []string{"Pajek; edges read as undirected"}
	notes = append(notes, p.es.notes(p.edgeLines, "edges in the file")...)
	if p.arcs > 0 {
		notes = append(notes, fmt.Sprintf("%d arc lines read as undirected edges", p.arcs))
	}
	if p.recoded > 0 {
		notes = append(notes, fmt.Sprintf("%d labels were not UTF-8 and were read as Windows-1252", p.recoded))
	}
	notes = append(notes, p.notes...)
	return p.es.graph(authors, notes)
}
