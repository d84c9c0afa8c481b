package graph

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// GML (Himsolt's Graph Modelling Language) as Newman, networkx and igraph
// write it:
//
//	graph [
//	  directed 0
//	  node [ id 0 label "ABRAMSON, G" ]
//	  edge [ source 0 target 1 value 2.5 ]
//	]
//
// Keys the reader does not use, and their nested lists (graphics [...]),
// are skipped. "#" starts a comment running to the end of the line.

// gmlTok is the kind of a GML token.
type gmlTok int

const (
	gmlEOF gmlTok = iota
	gmlKey
	gmlNum
	gmlStr
	gmlOpen
	gmlClose
)

func (t gmlTok) String() string {
	return [...]string{"end of file", "key", "number", "string", "[", "]"}[t]
}

// gmlLexer splits GML into tokens and counts lines.
type gmlLexer struct {
	r    *bufio.Reader
	name string
	line int // line of the last token read, 1-based
	cur  int // line the reader is on
	tok  gmlTok
	text string // text of a key, number or (decoded) string
	buf  []byte
	err  error // read error other than io.EOF
}

// next reads the next token into l.tok and l.text.
func (l *gmlLexer) next() error {
	for {
		c, err := l.r.ReadByte()
		if err != nil {
			return l.end(err)
		}
		switch {
		case c == '\n':
			l.cur++
		case isSpace(c):
		case c == '#':
			if err := l.skipLine(); err != nil {
				return err
			}
		case c == '[' || c == ']':
			l.line, l.tok, l.text = l.cur, gmlOpen, "["
			if c == ']' {
				l.tok, l.text = gmlClose, "]"
			}
			return nil
		case c == '"':
			l.line = l.cur
			return l.str()
		default:
			l.line = l.cur
			return l.word(c)
		}
	}
}

// end turns a read error into the end of input or a *corpus.ParseError.
func (l *gmlLexer) end(err error) error {
	if err == io.EOF {
		l.line, l.tok, l.text = l.cur, gmlEOF, ""
		return nil
	}
	return scanErr(err, l.name, l.cur-1)
}

func (l *gmlLexer) skipLine() error {
	for {
		c, err := l.r.ReadByte()
		if err != nil {
			return l.end(err)
		}
		if c == '\n' {
			l.cur++
			return nil
		}
	}
}

// str reads a quoted string; GML has no escapes, so it ends at the next
// double quote. Standard "&name;" and "&#n;" entities are decoded, any
// other "&" is kept as it is.
func (l *gmlLexer) str() error {
	l.buf = l.buf[:0]
	for {
		c, err := l.r.ReadByte()
		if err == io.EOF {
			return parseErr(l.name, l.line, "syntax", "string not closed")
		}
		if err != nil {
			return l.end(err)
		}
		if c == '"' {
			break
		}
		if c == '\n' {
			l.cur++
		}
		if len(l.buf) >= maxLine {
			return parseErr(l.name, l.line, "line too long", "string longer than %d bytes", maxLine)
		}
		l.buf = append(l.buf, c)
	}
	s, _ := toUTF8(string(l.buf))
	l.tok, l.text = gmlStr, decodeEntities(s)
	return nil
}

// word reads a key or a number starting with c.
func (l *gmlLexer) word(c byte) error {
	l.buf = append(l.buf[:0], c)
	for {
		c, err := l.r.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return l.end(err)
		}
		if isSpace(c) || c == '[' || c == ']' || c == '"' || c == '#' {
			l.r.UnreadByte()
			break
		}
		l.buf = append(l.buf, c)
	}
	l.text = string(l.buf)
	first := l.buf[0]
	switch {
	case first == '_' || first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z':
		l.tok = gmlKey
	case isNumber(l.text):
		l.tok = gmlNum
	default:
		return parseErr(l.name, l.line, "syntax", "unexpected %q", clip(l.text))
	}
	return nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// decodeEntities decodes the character entities of s that end in ";"
// and that HTML knows; others are left as they are.
func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, ';')
		if j < 0 || j > 32 || strings.ContainsAny(s[1:j], " &\t\n") {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		b.WriteString(html.UnescapeString(s[:j+1]))
		s = s[j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// gmlEdge is an edge as read, before its ends are resolved.
type gmlEdge struct {
	src, dst string
	w        float64
	line     int
}

// gmlReader holds the state of one GML read.
type gmlReader struct {
	lx       *gmlLexer
	ids      map[string]int32
	authors  []Author
	edges    []gmlEdge
	directed bool
}

// readGML reads the first graph of a GML file. Node ids may be numbers
// or strings; nodes keep the order of the file, with Key the id and Name
// the label (else the id). The weight is the edge's "value", else its
// "weight", else 1. A directed graph is read as undirected, and repeated
// edges count once with their largest weight.
func readGML(r io.Reader, name string) (*Graph, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	p := &gmlReader{
		lx:  &gmlLexer{r: br, name: name, cur: 1},
		ids: make(map[string]int32),
	}
	found := false
	for {
		if err := p.lx.next(); err != nil {
			return nil, err
		}
		switch p.lx.tok {
		case gmlEOF:
			if !found {
				return nil, parseErr(name, p.lx.line, "syntax", "no graph [ ... ] in the file")
			}
			return p.graph()
		case gmlKey:
		default:
			return nil, p.unexpected("a key")
		}
		key := p.lx.text
		if key == "graph" && !found {
			if err := p.expectOpen(); err != nil {
				return nil, err
			}
			if err := p.readGraph(); err != nil {
				return nil, err
			}
			found = true
			continue
		}
		if err := p.skipValue(); err != nil {
			return nil, err
		}
	}
}

func (p *gmlReader) unexpected(want string) error {
	got := p.lx.tok.String()
	if p.lx.tok == gmlKey || p.lx.tok == gmlNum {
		got = fmt.Sprintf("%s %q", got, clip(p.lx.text))
	}
	return parseErr(p.lx.name, p.lx.line, "syntax", "expected %s, got %s", want, got)
}

func (p *gmlReader) expectOpen() error {
	if err := p.lx.next(); err != nil {
		return err
	}
	if p.lx.tok != gmlOpen {
		return p.unexpected(`"["`)
	}
	return nil
}

// value reads a scalar value; a list is skipped and its token returned.
// A bare word, which GML does not allow as a value, is read as a string.
func (p *gmlReader) value() (text string, tok gmlTok, err error) {
	if err := p.lx.next(); err != nil {
		return "", 0, err
	}
	switch p.lx.tok {
	case gmlNum, gmlStr:
		return p.lx.text, p.lx.tok, nil
	case gmlKey:
		return p.lx.text, gmlStr, nil
	case gmlOpen:
		return "", gmlOpen, p.skipList()
	}
	return "", 0, p.unexpected("a value")
}

// skipValue skips the value after a key.
func (p *gmlReader) skipValue() error {
	_, _, err := p.value()
	return err
}

// skipList skips to the "]" closing a list whose "[" was just read.
func (p *gmlReader) skipList() error {
	line := p.lx.line
	for depth := 1; depth > 0; {
		if err := p.lx.next(); err != nil {
			return err
		}
		switch p.lx.tok {
		case gmlOpen:
			depth++
		case gmlClose:
			depth--
		case gmlEOF:
			return parseErr(p.lx.name, line, "syntax", "list not closed")
		}
	}
	return nil
}

// readGraph reads the keys of the graph list up to its "]".
func (p *gmlReader) readGraph() error {
	open := p.lx.line
	for {
		if err := p.lx.next(); err != nil {
			return err
		}
		switch p.lx.tok {
		case gmlClose:
			return nil
		case gmlEOF:
			return parseErr(p.lx.name, open, "syntax", "graph list not closed")
		case gmlKey:
		default:
			return p.unexpected("a key")
		}
		var err error
		switch key := p.lx.text; key {
		case "node", "edge":
			line := p.lx.line
			if err = p.expectOpen(); err != nil {
				return err
			}
			if key == "node" {
				err = p.readNode(line)
			} else {
				err = p.readEdge(line)
			}
		case "directed":
			var v string
			v, _, err = p.value()
			p.directed = v == "1"
		default:
			err = p.skipValue()
		}
		if err != nil {
			return err
		}
	}
}

// fields reads the keys of a node or edge list up to its "]", calling
// set for each scalar; nested lists are skipped.
func (p *gmlReader) fields(line int, set func(key, text string, tok gmlTok)) error {
	for {
		if err := p.lx.next(); err != nil {
			return err
		}
		switch p.lx.tok {
		case gmlClose:
			return nil
		case gmlEOF:
			return parseErr(p.lx.name, line, "syntax", "list not closed")
		case gmlKey:
		default:
			return p.unexpected("a key")
		}
		key := p.lx.text
		text, tok, err := p.value()
		if err != nil {
			return err
		}
		if tok != gmlOpen {
			set(key, text, tok)
		}
	}
}

func (p *gmlReader) readNode(line int) error {
	var id, label, alt string
	var hasID bool
	err := p.fields(line, func(key, text string, tok gmlTok) {
		switch key {
		case "id":
			id, hasID = text, true
		case "label":
			label = text
		case "name":
			alt = text
		}
	})
	if err != nil {
		return err
	}
	if !hasID {
		return parseErr(p.lx.name, line, "node id", "node without id")
	}
	if _, dup := p.ids[id]; dup {
		return parseErr(p.lx.name, line, "duplicate node", "node id %q given twice", clip(id))
	}
	if label == "" {
		label = alt
	}
	if label == "" {
		label = id
	}
	p.ids[id] = int32(len(p.authors))
	p.authors = append(p.authors, Author{Key: id, Name: label})
	return nil
}

func (p *gmlReader) readEdge(line int) error {
	e := gmlEdge{w: 1, line: line}
	var hasSrc, hasDst, hasValue bool
	var bad string
	err := p.fields(line, func(key, text string, tok gmlTok) {
		switch key {
		case "source":
			e.src, hasSrc = text, true
		case "target":
			e.dst, hasDst = text, true
		case "value", "weight":
			if key == "weight" && hasValue {
				return
			}
			w, ok := parseWeight(text)
			if !ok {
				bad = text
			}
			e.w, hasValue = w, key == "value"
		}
	})
	if err != nil {
		return err
	}
	if !hasSrc || !hasDst {
		return parseErr(p.lx.name, line, "edge ends", "edge without source or target")
	}
	if bad != "" {
		return parseErr(p.lx.name, line, "weight", "weight %q is not a finite number", clip(bad))
	}
	p.edges = append(p.edges, e)
	return nil
}

// graph resolves the edges and makes the graph.
func (p *gmlReader) graph() (*Graph, error) {
	es := newEdgeSet()
	for _, e := range p.edges {
		u, ok := p.ids[e.src]
		v, ok2 := p.ids[e.dst]
		if !ok || !ok2 {
			missing := e.src
			if ok {
				missing = e.dst
			}
			return nil, parseErr(p.lx.name, e.line, "unknown node", "edge refers to node id %q, which no node has", clip(missing))
		}
		es.add(u, v, e.w)
	}
	notes := []string{"GML; edges read as undirected"}
	if p.directed {
		notes[0] = "GML with directed 1; arcs read as undirected edges"
	}
	notes = append(notes, es.notes(len(p.edges), "edges in the file")...)
	return es.graph(p.authors, notes), nil
}
