package graph

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/coauthor/coauthor/corpus"
	"golang.org/x/text/encoding/charmap"
)

// graphmlKey is a <key> declaration.
type graphmlKey struct {
	id, domain, name, def string
}

// graphmlReader holds the state of one GraphML read.
type graphmlReader struct {
	d    *xml.Decoder
	lr   *lineLimitReader // nil when the input is not wrapped
	name string

	keys       []graphmlKey
	weightKeys map[string]string // ids of the keys of edge weights -> defaults
	labelKeys  map[string]string // ids of the keys of node labels -> defaults

	nodes     *nodeIndex
	labels    map[int32]string
	declared  map[int32]bool
	es        *edgeSet
	edgeLines int
	directed  int // edges that are directed, by edgedefault or their own attribute
	// defaults lists the edgedefault of each <graph> as it opens.
	// TODO: an edge takes the edgedefault of the graph opened last, not of
	// its own graph, when graphs nest; it only changes the count of
	// directed edges in the notes, since all edges are read as undirected.
	defaults []string
	graphs   int
	skipped  map[string]int // elements skipped: hyperedge, port
	depth    int            // nodes and edges open, for nested graphs
}

// maxGraphMLDepth bounds the nesting of nodes and edges (through nested
// graphs).
const maxGraphMLDepth = 100

// readGraphML reads a GraphML file with encoding/xml's streaming decoder.
// Nodes keep the order in which the file first names them, with Key the
// node id and Name the data of the key whose attr.name is "label" (else
// "name", else the id). The weight is the data of the edge key whose
// attr.name is "weight" (else "value"), its <default> when an edge has no
// such data, else 1. Directed edges are read as undirected, and an edge
// given more than once counts once with its largest weight. Nested graphs
// are flattened; hyperedges and ports are ignored.
func readGraphML(r io.Reader, name string) (*Graph, error) {
	p := &graphmlReader{
		name:     name,
		nodes:    newNodeIndex(),
		labels:   make(map[int32]string),
		declared: make(map[int32]bool),
		es:       newEdgeSet(),
		skipped:  make(map[string]int),
	}
	p.lr, _ = r.(*lineLimitReader)
	p.d = xml.NewDecoder(r)
	p.d.Entity = xml.HTMLEntity
	p.d.CharsetReader = charsetReader
	if err := p.read(); err != nil {
		return nil, p.wrap(err)
	}
	if p.graphs == 0 {
		return nil, p.errorf("syntax", "no <graph> element")
	}
	return p.graph(), nil
}

// charsetReader decodes the single-byte encodings older GraphML files
// declare.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
		return charmap.ISO8859_1.NewDecoder().Reader(r), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(r), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}

// lineNo returns the line the decoder is on.
func (p *graphmlReader) lineNo() int {
	line, _ := p.d.InputPos()
	return line
}

func (p *graphmlReader) errorf(reason, format string, args ...any) error {
	return parseErr(p.name, p.lineNo(), reason, format, args...)
}

// wrap turns a decoder error into a *corpus.ParseError.
func (p *graphmlReader) wrap(err error) error {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, errLineTooLong):
		line := p.lineNo()
		if p.lr != nil {
			line = p.lr.line + 1
		}
		return scanErr(err, p.name, line-1)
	case errors.As(err, &se):
		return parseErr(p.name, se.Line, "syntax", "%s", se.Msg)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return p.errorf("syntax", "unexpected end of file")
	}
	var pe *corpus.ParseError
	if errors.As(err, &pe) {
		return err
	}
	return p.errorf("syntax", "%v", err)
}

// read walks the elements of the document.
func (p *graphmlReader) read() error {
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "key":
			err = p.key(se)
		case "graph":
			p.graphs++
			if d := attr(se, "edgedefault"); d != "" {
				p.defaults = append(p.defaults, d)
			}
		case "node":
			err = p.node(se)
		case "edge":
			err = p.edge(se)
		case "hyperedge", "port":
			p.skipped[se.Name.Local]++
			err = p.d.Skip()
		}
		if err != nil {
			return err
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// key reads a <key> declaration with its optional <default>.
func (p *graphmlReader) key(se xml.StartElement) error {
	k := graphmlKey{id: attr(se, "id"), domain: attr(se, "for"), name: attr(se, "attr.name")}
	for {
		tok, err := p.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "default" {
				if err := p.d.Skip(); err != nil {
					return err
				}
				continue
			}
			if k.def, err = p.text(); err != nil {
				return err
			}
		case xml.EndElement:
			p.keys = append(p.keys, k)
			p.resolveKeys()
			return nil
		}
	}
}

// resolveKeys picks the keys of weights and labels among those declared:
// every key with the first attr.name found ("weight" before "value";
// "label" before "name"), since some writers declare one key per value
// type under the same attr.name. Keys without attr.name match by id.
func (p *graphmlReader) resolveKeys() {
	p.weightKeys = pickKeys(p.keys, "edge", "weight", "value")
	p.labelKeys = pickKeys(p.keys, "node", "label", "name")
}

// pickKeys returns the ids and defaults of the keys for domain named by
// the first of names that any key has.
func pickKeys(keys []graphmlKey, domain string, names ...string) map[string]string {
	forDomain := func(k graphmlKey) bool {
		return k.domain == domain || k.domain == "all" || k.domain == ""
	}
	for _, byID := range []bool{false, true} {
		for _, n := range names {
			m := make(map[string]string)
			for _, k := range keys {
				match := strings.EqualFold(k.name, n)
				if byID {
					match = k.name == "" && k.id == n
				}
				if match && forDomain(k) {
					m[k.id] = k.def
				}
			}
			if len(m) > 0 {
				return m
			}
		}
	}
	return nil
}

// text returns the character data of the element just opened, trimmed,
// and consumes its end; nested elements are skipped.
func (p *graphmlReader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := p.d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) > maxLine {
				return "", p.errorf("line too long", "data longer than %d bytes", maxLine)
			}
			b.Write(t)
		case xml.StartElement:
			if err := p.d.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return strings.TrimSpace(b.String()), nil
		}
	}
}

// data reads the <data> children of a node or edge up to its end and
// returns the text of the first of the keys wanted, or when none is
// there a default of one of them, and whether either was found. Nested
// graphs inside a node are read as part of the graph.
func (p *graphmlReader) data(want map[string]string) (val string, found bool, err error) {
	if p.depth >= maxGraphMLDepth {
		return "", false, p.errorf("syntax", "elements nested more than %d deep", maxGraphMLDepth)
	}
	p.depth++
	defer func() { p.depth-- }()
	for {
		tok, err := p.d.Token()
		if err != nil {
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "data":
				if _, ok := want[attr(t, "key")]; ok && !found {
					if val, err = p.text(); err != nil {
						return "", false, err
					}
					found = true
					continue
				}
				err = p.d.Skip()
			case "graph":
				p.graphs++
				continue
			case "node":
				err = p.node(t)
			case "edge":
				err = p.edge(t)
			default:
				p.skipped[t.Name.Local]++
				err = p.d.Skip()
			}
			if err != nil {
				return "", false, err
			}
		case xml.EndElement:
			if t.Name.Local == "graph" {
				continue
			}
			if !found {
				val, found = keyDefault(want)
			}
			return val, found, nil
		}
	}
}

// keyDefault returns the smallest non-empty default among keys, so that
// the choice does not depend on map order.
func keyDefault(keys map[string]string) (string, bool) {
	best, ok := "", false
	for _, d := range keys {
		if d != "" && (!ok || d < best) {
			best, ok = d, true
		}
	}
	return best, ok
}

func (p *graphmlReader) node(se xml.StartElement) error {
	id := attr(se, "id")
	line := p.lineNo()
	if id == "" {
		return p.errorf("node id", "node without id")
	}
	v := p.nodes.id(id)
	if p.declared[v] {
		return parseErr(p.name, line, "duplicate node", "node id %q given twice", clip(id))
	}
	p.declared[v] = true
	label, found, err := p.data(p.labelKeys)
	if err != nil {
		return err
	}
	if found && label != "" {
		p.labels[v] = label
	}
	return nil
}

func (p *graphmlReader) edge(se xml.StartElement) error {
	src, dst := attr(se, "source"), attr(se, "target")
	line := p.lineNo()
	if src == "" || dst == "" {
		return p.errorf("edge ends", "edge without source or target")
	}
	val, found, err := p.data(p.weightKeys)
	if err != nil {
		return err
	}
	w := 1.0
	if found && val != "" {
		var ok bool
		if w, ok = parseWeight(val); !ok {
			return parseErr(p.name, line, "weight", "weight %q is not a finite number", clip(val))
		}
	}
	d := attr(se, "directed")
	if d == "true" || d == "" && len(p.defaults) > 0 && p.defaults[len(p.defaults)-1] == "directed" {
		p.directed++
	}
	p.edgeLines++
	p.es.add(p.nodes.id(src), p.nodes.id(dst), w)
	return nil
}

// graph makes the graph of the nodes and edges read.
func (p *graphmlReader) graph() *Graph {
	authors := make([]Author, len(p.nodes.tokens))
	implicit := 0
	for i, t := range p.nodes.tokens {
		name := t
		if l, ok := p.labels[int32(i)]; ok {
			name = l
		}
		if !p.declared[int32(i)] {
			implicit++
		}
		authors[i] = Author{Key: t, Name: name}
	}
	notes := []string{"GraphML; edges read as undirected"}
	if len(p.defaults) > 0 {
		notes[0] = fmt.Sprintf("GraphML with edgedefault %q; edges read as undirected", p.defaults[0])
	}
	notes = append(notes, p.es.notes(p.edgeLines, "edges in the file")...)
	if p.directed > 0 {
		notes = append(notes, fmt.Sprintf("%d directed edges read as undirected", p.directed))
	}
	if p.weightKeys == nil {
		notes = append(notes, "no weight key declared; every edge has weight 1")
	}
	if implicit > 0 {
		notes = append(notes, fmt.Sprintf("%d nodes named by edges but not declared were added", implicit))
	}
	if p.graphs > 1 {
		notes = append(notes, fmt.Sprintf("%d graph elements (nested or several) read as one graph", p.graphs))
	}
	for _, el := range []string{"hyperedge", "port"} {
		if n := p.skipped[el]; n > 0 {
			notes = append(notes, fmt.Sprintf("%d %s elements ignored", n, el))
		}
	}
	return p.es.graph(authors, notes)
}
