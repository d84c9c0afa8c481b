package export

import (
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/coauthor/coauthor/graph"
)

// graphmlKey is one <key> of a GraphML file: an attribute of nodes or
// edges with its value for element i, ok false when the element has no
// value.
type graphmlKey struct {
	id, of, name, typ string
	value             func(i int) (v string, ok bool)

	// text appends the value of element i to b as XML character data,
	// the same text as escaping value(i), and reports whether the
	// element has a value; when it has none the caller drops what was
	// appended. GraphML calls it millions of times on a large graph,
	// where a string per value costs more than the formatting. Nil for
	// the edge keys, which GraphML writes with appendGraphMLEdges; a node
	// key without it is written from value.
	text func(b []byte, i int) ([]byte, bool)
}

// The numbers of nodes and of edges that one goroutine of GraphML
// formats into one buffer: a megabyte of text or more, so that handing
// blocks between goroutines costs little and most writes are larger than
// the buffer of a bufio.Writer, which then passes them on without a copy.
const (
	graphmlNodeBlock = 4096
	graphmlEdgeBlock = 8192
)

// GraphML writes the graph in GraphML 1.0 (undirected) with every
// author and edge attribute the analysis has, for Gephi, networkx,
// igraph and Cytoscape.
//
// Nodes have ids "n0".."n{n-1}" in node id order and edges "e0".. in
// (source, target) order, source < target. Every attribute is declared
// by a <key> before the graph, with for (node or edge), attr.name and
// attr.type, as Gephi drops undeclared or untyped data. Node attributes:
// label, key, papers, first_year, last_year, affiliations ("; "-joined),
// degree, strength, betweenness, closeness, harmonic, eigenvector,
// pagerank, core, clustering, component, Burt's effective_size,
// efficiency and constraint (none for an author without co-authors),
// community, topic, topic_label.
// Edge attributes: weight, distance (1/weight), joint_papers and papers
// (paper ids, "; "-joined). Keys of measures that were not computed are
// left out, and so are values that are unknown (a zero year, no topic).
// Floats are written with at most 10 significant digits; non-finite ones
// as NaN, INF and -INF. Each node and each edge takes one line, its data
// elements run together: a large graph's file is about a seventh smaller
// than with a line for each, and that much quicker to write and to read.
func GraphML(w io.Writer, a *Analysis) error {
	return graphML(w, a, GraphMLOptions{}, graphmlNodeBlock, graphmlEdgeBlock)
}

// GraphMLOptions says which attributes GraphMLWith writes.
type GraphMLOptions struct {
	// Attrs holds the ids of the keys to write, such as "label" and
	// "weight"; nil writes every attribute, as GraphML does. The ids are
	// those GraphML declares: the node attributes by their names, and the
	// edge attributes weight, distance, joint_papers and edge_papers.
	Attrs []string
}

// GraphMLAttrs returns the ids of every attribute GraphML may write, in
// its order: an analysis without some measures, communities or topics
// has fewer.
func GraphMLAttrs() []string {
	return []string{"label", "key", "papers", "first_year", "last_year", "affiliations",
		"degree", "core", "component", "strength", "betweenness", "closeness", "harmonic",
		"eigenvector", "pagerank", "clustering", "effective_size", "efficiency", "constraint",
		"community", "topic", "topic_label",
		"weight", "distance", "joint_papers", "edge_papers"}
}

// GraphMLWith writes the graph as GraphML does, with only the attributes
// opt names. A lean file of a large graph, labels and weights say, is
// several times smaller and quicker to write and to load into Gephi. It
// returns an error naming the attribute ids there are when opt names one
// the analysis does not have.
func GraphMLWith(w io.Writer, a *Analysis, opt GraphMLOptions) error {
	return graphML(w, a, opt, graphmlNodeBlock, graphmlEdgeBlock)
}

// graphML is GraphMLWith with the given numbers of nodes and edges to a
// block.
func graphML(w io.Writer, a *Analysis, opt GraphMLOptions, nodeBlock, edgeBlock int) error {
	if a.Graph == nil {
		return errNoGraph
	}
	nodeKeys, edgeKeys := graphmlKeys(a)
	nodeKeys, edgeKeys, edgeAttrs, err := selectGraphMLKeys(nodeKeys, edgeKeys, opt.Attrs)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	ew.str(xml.Header)
	ew.str(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` + "\n")
	for _, k := range append(nodeKeys, edgeKeys...) {
		ew.printf("  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.of, k.name, k.typ)
	}
	ew.str(`  <graph id="coauthor" edgedefault="undirected">` + "\n")

	g := a.Graph
	// Papers are on several edges each: their ids are escaped once, while
	// the nodes are written.
	var ids *graphmlIDs
	idsDone := make(chan struct{})
	go func() {
		defer close(idsDone)
		if g.EdgeCount() > 0 && edgeAttrs&edgePapersAttr != 0 {
			ids = newGraphMLIDs(g)
		}
	}()
	defer func() { <-idsDone }()

	nodeOpen := graphmlOpenTags(nodeKeys)
	nodeBlocks := (g.Len() + nodeBlock - 1) / nodeBlock
	edgeBlocks := (g.EdgeCount() + edgeBlock - 1) / edgeBlock
	writeBlocks(ew, nodeBlocks+edgeBlocks, func(b []byte, j int) []byte {
		if j < nodeBlocks {
			for u := j * nodeBlock; u < min((j+1)*nodeBlock, g.Len()); u++ {
				b = strconv.AppendInt(append(b, `    <node id="n`...), int64(u), 10)
				b = append(b, "\">"...)
				b = appendGraphMLData(b, nodeKeys, nodeOpen, u)
				b = append(b, "</node>\n"...)
			}
			return b
		}
		j -= nodeBlocks
		<-idsDone
		return appendGraphMLEdges(b, g, ids, edgeAttrs, j*edgeBlock, min((j+1)*edgeBlock, g.EdgeCount()))
	})
	ew.str("  </graph>\n</graphml>\n")
	return ew.err
}

// The edge attributes, as bits of the mask appendGraphMLEdges takes, in
// the order of graphmlKeys.
const (
	edgeWeightAttr = 1 << iota
	edgeDistanceAttr
	edgeJointAttr
	edgePapersAttr
	allEdgeAttrs = 1<<iota - 1
)

// selectGraphMLKeys returns the node and edge keys whose ids attrs
// holds, in their order, and the mask of the edge attributes among them;
// nil attrs selects every key. An id that is not a key's is an error.
func selectGraphMLKeys(nodeKeys, edgeKeys []graphmlKey, attrs []string) (nodes, edges []graphmlKey, mask int, err error) {
	if attrs == nil {
		return nodeKeys, edgeKeys, allEdgeAttrs, nil
	}
	want := make(map[string]bool, len(attrs))
	for _, id := range attrs {
		want[id] = true
	}
	for _, k := range nodeKeys {
		if want[k.id] {
			nodes = append(nodes, k)
			delete(want, k.id)
		}
	}
	for i, k := range edgeKeys {
		if want[k.id] {
			edges = append(edges, k)
			mask |= 1 << i
			delete(want, k.id)
		}
	}
	if len(want) > 0 {
		var unknown, known []string
		for _, id := range attrs {
			if want[id] {
				unknown = append(unknown, strconv.Quote(id))
			}
		}
		for _, k := range append(nodeKeys, edgeKeys...) {
			known = append(known, k.id)
		}
		return nil, nil, 0, fmt.Errorf("graphml: no attribute %s in this analysis (a measure not computed, or no such id); it has %s",
			strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return nodes, edges, mask, nil
}

// graphmlOpenTags returns the opening <data> tag of each key.
func graphmlOpenTags(keys []graphmlKey) []string {
	open := make([]string, len(keys))
	for i, k := range keys {
		// Key ids are fixed ASCII names: no escaping.
		open[i] = `<data key="` + k.id + `">`
	}
	return open
}

// appendGraphMLData appends the <data> elements of element i, open
// holding the opening tags of keys.
func appendGraphMLData(b []byte, keys []graphmlKey, open []string, i int) []byte {
	for k := range keys {
		n := len(b)
		b = append(b, open[k]...)
		var ok bool
		if text := keys[k].text; text != nil {
			b, ok = text(b, i)
		} else {
			var v string
			if v, ok = keys[k].value(i); keys[k].typ == "string" {
				b = appendXMLText(b, v)
			} else {
				b = append(b, v...)
			}
		}
		if !ok {
			b = b[:n]
			continue
		}
		b = append(b, "</data>"...)
	}
	return b
}

// graphmlDistances holds the distances 1/w of the whole weights w below
// its length, most weights of full counting, as formatFloat writes them.
var graphmlDistances = func() (d [64]string) {
	for w := 1; w < len(d); w++ {
		d[w] = formatFloat(1 / float64(w))
	}
	return d
}()

// appendGraphMLEdges appends the <edge> elements of edges lo..hi-1 with
// the attributes of mask (edgeWeightAttr and the others), ids holding the
// escaped ids of g's papers when mask has edgePapersAttr. The attributes
// are written here rather than through the text of the edge keys: with
// the constant text between them run together, the edges, most of a
// large file, are written a good deal quicker. They must be those of
// graphmlKeys, in its order.
func appendGraphMLEdges(b []byte, g *graph.Graph, ids *graphmlIDs, mask, lo, hi int) []byte {
	for e := lo; e < hi; e++ {
		ed := &g.Edges[e]
		b = strconv.AppendInt(append(b, `    <edge id="e`...), int64(e), 10)
		b = strconv.AppendInt(append(b, `" source="n`...), int64(ed.U), 10)
		b = strconv.AppendInt(append(b, `" target="n`...), int64(ed.V), 10)
		b = append(b, "\">"...)
		if mask&edgeWeightAttr != 0 {
			b = appendFloat(append(b, "<data key=\"weight\">"...), ed.Weight)
			b = append(b, "</data>"...)
		}
		if mask&edgeDistanceAttr != 0 {
			b = append(b, "<data key=\"distance\">"...)
			if w := ed.Weight; w >= 1 && w < float64(len(graphmlDistances)) && w == math.Trunc(w) {
				b = append(b, graphmlDistances[int(w)]...)
			} else {
				b = appendFloat(b, 1/w)
			}
			b = append(b, "</data>"...)
		}
		if mask&edgeJointAttr != 0 {
			b = append(b, "<data key=\"joint_papers\">"...)
			b = strconv.AppendInt(b, int64(ed.Joint), 10)
			b = append(b, "</data>"...)
		}
		if mask&edgePapersAttr != 0 {
			n := len(b)
			b = append(b, `<data key="edge_papers">`...)
			start := len(b)
			for i, p := range g.EdgePapers(e) {
				if i > 0 {
					b = append(b, listSep...)
				}
				b = ids.append(b, p)
			}
			if len(b) > start {
				b = append(b, "</data>"...)
			} else {
				b = b[:n]
			}
		}
		b = append(b, "</edge>\n"...)
	}
	return b
}

// graphmlWorkers is the most goroutines that format blocks at once.
const graphmlWorkers = 8

// writeBlocks writes blocks 0..count-1 to ew in order, each formatted
// by fill, which appends block j to b and returns it. Blocks are
// formatted by up to runtime.GOMAXPROCS goroutines at once; fill must be
// safe for concurrent use. After a write error the remaining blocks are
// neither formatted nor written.
func writeBlocks(ew *errWriter, count int, fill func(b []byte, j int) []byte) {
	// Buffers are used again, and made large enough for the longest
	// block yet: grown by append, a buffer of megabytes would be copied
	// many times over and leave several times its size to collect.
	var longest atomic.Int64
	block := func(b []byte, j int) []byte {
		if n := int(longest.Load()); cap(b) < n {
			b = make([]byte, 0, n+n/8)
		}
		b = fill(b[:0], j)
		for n := longest.Load(); int64(len(b)) > n && !longest.CompareAndSwap(n, int64(len(b))); {
			n = longest.Load()
		}
		return b
	}
	// More than a few goroutines would format faster than any file is
	// written, and hold more buffers.
	workers := min(runtime.GOMAXPROCS(0), graphmlWorkers, count)
	if workers <= 1 {
		var b []byte
		for j := 0; j < count && ew.err == nil; j++ {
			b = block(b, j)
			ew.Write(b)
		}
		return
	}
	type job struct {
		j   int
		out chan []byte
	}
	// order holds the blocks' result channels in block order, and bounds
	// how far formatting runs ahead of writing.
	order := make(chan chan []byte, workers)
	jobs := make(chan job)
	free := make(chan []byte, 2*workers+1)
	var stop atomic.Bool
	go func() {
		defer close(order)
		defer close(jobs)
		for j := 0; j < count && !stop.Load(); j++ {
			out := make(chan []byte, 1)
			order <- out
			jobs <- job{j, out}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for jb := range jobs {
				var b []byte
				select {
				case b = <-free:
				default:
				}
				if !stop.Load() {
					b = block(b, jb.j)
				}
				jb.out <- b
			}
		})
	}
	for out := range order {
		b := <-out
		if ew.err == nil {
			if ew.Write(b); ew.err != nil {
				stop.Store(true)
			}
		}
		select {
		case free <- b:
		default:
		}
	}
	wg.Wait()
}

// graphmlKeys returns the node and edge keys for a, in output order.
func graphmlKeys(a *Analysis) (nodes, edges []graphmlKey) {
	g := a.Graph
	str := func(f func(u int) string) func(int) (string, bool) {
		return func(u int) (string, bool) { v := f(u); return v, v != "" }
	}
	node := func(name, typ string, value func(int) (string, bool), text func([]byte, int) ([]byte, bool)) {
		nodes = append(nodes, graphmlKey{id: name, of: "node", name: name, typ: typ, value: value, text: text})
	}
	node("label", "string", str(func(u int) string { return g.Authors[u].Name }),
		func(b []byte, u int) ([]byte, bool) {
			s := g.Authors[u].Name
			return appendXMLText(b, s), s != ""
		})
	node("key", "string", str(func(u int) string { return g.Authors[u].Key }),
		func(b []byte, u int) ([]byte, bool) {
			s := g.Authors[u].Key
			return appendXMLText(b, s), s != ""
		})
	node("papers", "int", func(u int) (string, bool) { return strconv.Itoa(g.Authors[u].Papers), true },
		func(b []byte, u int) ([]byte, bool) {
			return strconv.AppendInt(b, int64(g.Authors[u].Papers), 10), true
		})
	node("first_year", "int", str(func(u int) string { return yearCell(g.Authors[u].FirstYear) }),
		func(b []byte, u int) ([]byte, bool) {
			y := g.Authors[u].FirstYear
			return strconv.AppendInt(b, int64(y), 10), y != 0
		})
	node("last_year", "int", str(func(u int) string { return yearCell(g.Authors[u].LastYear) }),
		func(b []byte, u int) ([]byte, bool) {
			y := g.Authors[u].LastYear
			return strconv.AppendInt(b, int64(y), 10), y != 0
		})
	node("affiliations", "string", str(func(u int) string {
		return strings.Join(g.Authors[u].Affiliations, listSep)
	}), func(b []byte, u int) ([]byte, bool) {
		// listSep needs no escaping, so escaping the parts one by one
		// gives the escaped join.
		n := len(b)
		for i, s := range g.Authors[u].Affiliations {
			if i > 0 {
				b = append(b, listSep...)
			}
			b = appendXMLText(b, s)
		}
		return b, len(b) > n
	})

	n := g.Len()
	if c := a.Centrality; c != nil {
		ints := []struct {
			name string
			v    []int
		}{{"degree", c.Degree}, {"core", c.Core}, {"component", c.Component}}
		floats := []struct {
			name string
			v    []float64
		}{{"strength", c.Strength}, {"betweenness", c.Betweenness}, {"closeness", c.Closeness},
			{"harmonic", c.Harmonic}, {"eigenvector", c.Eigenvector}, {"pagerank", c.PageRank},
			{"clustering", c.Clustering}}
		for _, m := range ints {
			if len(m.v) == n {
				node(m.name, "int", str(func(u int) string { return intCell(m.v, u) }),
					func(b []byte, u int) ([]byte, bool) { return strconv.AppendInt(b, int64(m.v[u]), 10), true })
			}
		}
		for _, m := range floats {
			if len(m.v) == n {
				node(m.name, "double", str(func(u int) string { return floatCell(m.v, u) }),
					func(b []byte, u int) ([]byte, bool) { return appendFloat(b, m.v[u]), true })
			}
		}
		// Burt's measures are undefined (NaN) for an author without
		// co-authors: such an author gets no value.
		burt := []struct {
			name string
			v    []float64
		}{{"effective_size", c.EffectiveSize}, {"efficiency", c.Efficiency}, {"constraint", c.Constraint}}
		for _, m := range burt {
			if len(m.v) == n {
				node(m.name, "double", func(u int) (string, bool) {
					return formatFloat(m.v[u]), !math.IsNaN(m.v[u])
				}, func(b []byte, u int) ([]byte, bool) { return appendFloat(b, m.v[u]), !math.IsNaN(m.v[u]) })
			}
		}
	}
	if a.Communities != nil {
		node("community", "int", str(func(u int) string { return optCell(a.community(u)) }),
			func(b []byte, u int) ([]byte, bool) {
				c := a.community(u)
				return strconv.AppendInt(b, int64(c), 10), c >= 0
			})
	}
	if a.Topics != nil {
		// Labels are the same for all the authors of a topic: escape each
		// once.
		labels := make([]string, len(a.Topics.Labels))
		for t := range labels {
			labels[t] = string(appendXMLText(nil, a.topicLabel(t)))
		}
		node("topic", "int", str(func(u int) string { return optCell(a.authorTopic(u)) }),
			func(b []byte, u int) ([]byte, bool) {
				t := a.authorTopic(u)
				return strconv.AppendInt(b, int64(t), 10), t >= 0
			})
		node("topic_label", "string", str(func(u int) string { return a.topicLabel(a.authorTopic(u)) }),
			func(b []byte, u int) ([]byte, bool) {
				t := a.authorTopic(u)
				if t < 0 || t >= len(labels) {
					return b, false
				}
				return append(b, labels[t]...), labels[t] != ""
			})
	}

	// GraphML writes these with appendGraphMLEdges: keep the two in step.
	edge := func(id, name, typ string, value func(int) (string, bool)) {
		edges = append(edges, graphmlKey{id: id, of: "edge", name: name, typ: typ, value: value})
	}
	edge("weight", "weight", "double", str(func(e int) string { return formatFloat(g.Edges[e].Weight) }))
	edge("distance", "distance", "double", str(func(e int) string { return formatFloat(1 / g.Edges[e].Weight) }))
	edge("joint_papers", "joint_papers", "int", str(func(e int) string { return strconv.Itoa(int(g.Edges[e].Joint)) }))
	edge("edge_papers", "papers", "string", str(func(e int) string { return edgePaperIDs(a, e) }))
	return nodes, edges
}

// graphmlIDs holds the ids of a graph's papers escaped for XML. The
// papers of consecutive edges are anywhere in the corpus, so that each
// id read is a cache miss on a large graph: each id is kept in a slot of
// its own after its length, one miss rather than the two of an offset
// table and a block of text.
type graphmlIDs struct {
	// Slot i, 1<<shift bytes from slots[i<<shift], holds the length of
	// id i and the id, or graphmlLongID and the index in long of the id,
	// as 4 bytes little-endian, when it does not fit.
	shift uint
	slots []byte
	long  []string
}

// graphmlLongID is the length in the slot of an id held in long.
const graphmlLongID = 0xff

// newGraphMLIDs returns the escaped ids of g's papers, in slots of 16,
// 32 or 64 bytes: the smallest that hold nine ids in ten.
func newGraphMLIDs(g *graph.Graph) *graphmlIDs {
	n := len(g.Papers)
	t := &graphmlIDs{shift: 6}
	for shift := uint(4); shift < 6; shift++ {
		fit := 0
		for i := range g.Papers {
			if len(g.Papers[i].ID) < 1<<shift {
				fit++
			}
		}
		if fit >= n-n/10 {
			t.shift = shift
			break
		}
	}
	size := 1 << t.shift
	t.slots = make([]byte, n<<t.shift)
	var id []byte
	for i := range g.Papers {
		id = appendXMLText(id[:0], g.Papers[i].ID)
		slot := t.slots[i<<t.shift : (i+1)<<t.shift]
		if len(id) < size {
			slot[0] = byte(len(id))
			copy(slot[1:], id)
		} else {
			slot[0] = graphmlLongID
			binary.LittleEndian.PutUint32(slot[1:], uint32(len(t.long)))
			t.long = append(t.long, string(id))
		}
	}
	return t
}

// append appends the escaped id of paper p to b.
func (t *graphmlIDs) append(b []byte, p int32) []byte {
	slot := t.slots[int(p)<<t.shift : int(p+1)<<t.shift]
	if n := int(slot[0]); n != graphmlLongID {
		return append(b, slot[1:1+n]...)
	}
	return append(b, t.long[binary.LittleEndian.Uint32(slot[1:])]...)
}

// appendFloat appends x formatted as by formatFloat.
func appendFloat(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "NaN"...)
	case math.IsInf(x, 1):
		return append(b, "INF"...)
	case math.IsInf(x, -1):
		return append(b, "-INF"...)
	case x == 0:
		return append(b, '0')
	case x > -1e10 && x < 1e10 && x == math.Trunc(x):
		// Whole numbers of up to ten digits, such as the weights of full
		// counting, come out of %.10g as integers; AppendInt is quicker.
		return strconv.AppendInt(b, int64(x), 10)
	}
	return strconv.AppendFloat(b, x, 'g', 10, 64)
}

// xmlPlain marks the bytes that appendXMLText copies as they are: the
// printable ASCII characters but the five XML specials.
var xmlPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"'&<>`, c)
	}
	return t
}()

// appendXMLText appends s escaped as by xml.EscapeText: the five
// specials and tab, newline and carriage return as character
// references, and invalid UTF-8 and characters outside XML's range as
// U+FFFD.
func appendXMLText(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && xmlPlain[c] {
			i++
			continue
		}
		var esc string
		r, width := rune(c), 1
		if c >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r < utf8.RuneError ||
				r == utf8.RuneError && width > 1 || r >= 0x10000 && r <= utf8.MaxRune {
				i += width
				continue
			}
			esc = "\uFFFD"
		}
		b = append(append(b, s[last:i]...), esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}
