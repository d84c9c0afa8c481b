package graph

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coauthor/coauthor/corpus"
)

// The hostile-input tests feed every graph reader inputs built to
// exhaust time or memory, generated while they are read. A reader must
// not panic, must return within hostileTimeout, must allocate less than
// hostileAlloc, and must take at most a bound from the source; where it
// refuses the input it says so with a *corpus.ParseError naming the file.

const (
	hostileTimeout = 10 * time.Second // a hang check, not a speed target
	hostileAlloc   = 256 << 20        // growth of MemStats.TotalAlloc
	hostileGiB     = 1 << 30
	hostileBudget  = maxLine + 4<<20 // a line, plus buffering
	hostileFile    = "hostile-input"

	// hostileBombBytes is ReadOptions.MaxBytes for the gzip bombs.
	hostileBombBytes = 32 << 20
)

var (
	errTripwire  = errors.New("hostile source: reader took more than its budget")
	errAbandoned = errors.New("hostile source: abandoned after the timeout")
)

// hostileRepeat yields prefix, then unit over and over for n bytes, then
// suffix.
type hostileRepeat struct {
	prefix, unit, suffix []byte
	n                    int64
	off                  int
}

func hostileRepeatOf(prefix, unit, suffix string, n int64) *hostileRepeat {
	return &hostileRepeat{prefix: []byte(prefix), unit: []byte(unit), suffix: []byte(suffix), n: n}
}

func (r *hostileRepeat) Read(p []byte) (int, error) {
	switch {
	case len(r.prefix) > 0:
		k := copy(p, r.prefix)
		r.prefix = r.prefix[k:]
		return k, nil
	case r.n > 0:
		if int64(len(p)) > r.n {
			p = p[:r.n]
		}
		k := 0
		for k < len(p) {
			c := copy(p[k:], r.unit[r.off:])
			k += c
			r.off = (r.off + c) % len(r.unit)
		}
		r.n -= int64(k)
		return k, nil
	case len(r.suffix) > 0:
		k := copy(p, r.suffix)
		r.suffix = r.suffix[k:]
		return k, nil
	}
	return 0, io.EOF
}

// hostileSource counts the bytes taken from r and fails past budget or
// once abandoned.
type hostileSource struct {
	r         io.Reader
	budget    int64
	mu        sync.Mutex
	taken     int64
	abandoned bool
}

func (s *hostileSource) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.abandoned {
		return 0, errAbandoned
	}
	if s.taken >= s.budget {
		return 0, errTripwire
	}
	if left := s.budget - s.taken; int64(len(p)) > left {
		p = p[:left]
	}
	n, err := s.r.Read(p)
	s.taken += int64(n)
	return n, err
}

func (s *hostileSource) abandon() {
	s.mu.Lock()
	s.abandoned = true
	s.mu.Unlock()
}

func (s *hostileSource) count() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.taken
}

// gzipStream compresses src while it is read; stop ends the compressor.
func gzipStream(src io.Reader) (r io.Reader, stop func()) {
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		zw, _ := gzip.NewWriterLevel(pw, gzip.BestSpeed)
		_, err := io.Copy(zw, src)
		if err == nil {
			err = zw.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr, func() {
		pr.CloseWithError(errAbandoned)
		<-done
	}
}

// hostileCase is one hostile input for one graph format.
type hostileCase struct {
	name    string
	format  string
	input   func() io.Reader
	gzip    bool
	budget  int64 // most bytes the reader may take; hostileBudget when 0
	max     int64 // ReadOptions.MaxBytes; 0 for the default
	refused bool  // the input must be refused with a *corpus.ParseError
	limit   bool  // the input must be refused with corpus.ErrLimit
	bug     string
}

type hostileOutcome struct {
	g     *Graph
	err   error
	panic any
	stack []byte
}

func runHostile(t *testing.T, c hostileCase) {
	if c.bug != "" {
		t.Skip("BUG: " + c.bug)
	}
	budget := c.budget
	if budget == 0 {
		budget = hostileBudget
	}
	src := &hostileSource{r: c.input(), budget: budget}
	var in io.Reader = src
	stop := func() {}
	if c.gzip {
		in, stop = gzipStream(src)
	}

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan hostileOutcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- hostileOutcome{panic: p, stack: debug.Stack()}
			}
		}()
		g, err := ReadFromOptions(in, hostileFile, &ReadOptions{Format: c.format, MaxBytes: c.max})
		done <- hostileOutcome{g: g, err: err}
	}()
	var out hostileOutcome
	select {
	case out = <-done:
	case <-time.After(hostileTimeout):
		src.abandon()
		stop()
		t.Fatalf("ReadFrom did not return within %v (%d bytes taken from the source)",
			hostileTimeout, src.count())
	}
	runtime.ReadMemStats(&after)
	stop()

	if out.panic != nil {
		t.Fatalf("ReadFrom panicked: %v\n%s", out.panic, out.stack)
	}
	if errors.Is(out.err, errTripwire) || src.count() >= budget {
		t.Fatalf("ReadFrom took %d bytes from the source, want less than %d; err = %v",
			src.count(), budget, out.err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > hostileAlloc {
		t.Errorf("ReadFrom allocated %d MiB, want at most %d MiB", alloc>>20, hostileAlloc>>20)
	}
	t.Logf("ReadFrom error = %v", out.err)
	if out.err == nil {
		if c.refused || c.limit {
			t.Fatalf("ReadFrom = nil error, want a refusal of %s", hostileFile)
		}
		return
	}
	if c.limit && !errors.Is(out.err, corpus.ErrLimit) {
		t.Errorf("ReadFrom error = %v, want corpus.ErrLimit", out.err)
	}
	var pe *corpus.ParseError
	if c.refused && (!errors.As(out.err, &pe) || pe.File != hostileFile) {
		t.Errorf("ReadFrom error = %v (%T), want a *corpus.ParseError for %s", out.err, out.err, hostileFile)
	}
	if !strings.Contains(out.err.Error(), hostileFile) {
		t.Errorf("ReadFrom error = %q, want it to name %s", out.err, hostileFile)
	}
}

// hostileHeader is the start of a valid file of each format that ends
// inside a value, so that what follows continues it on the same line.
var hostileHeader = map[string]string{
	FormatEdgeList: "source target weight\na b 1\nc ",
	FormatGML:      "graph [\n  node [ id 1 label \"",
	FormatPajek:    "*Vertices 2\n1 \"",
	FormatGraphML:  `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="`,
}

// hostileComment is a line each format may repeat without end.
var hostileComment = map[string][2]string{
	FormatEdgeList: {"a b 1\n", "# padding\n"},
	FormatGML:      {"graph [\n", "  comment \"padding\"\n"},
	FormatPajek:    {"*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n", "% padding\n"},
	FormatGraphML:  {`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">`, "<!-- padding -->\n"},
}

// hostileBugs names the known bugs by format and case; those rows are
// skipped until they are fixed. There are none at present.
var hostileBugs = map[[2]string]string{}

func billionLaughs() string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, " <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString("]>\n" + hostileHeader[FormatGraphML] + "&lol9;\"/></graph></graphml>\n")
	return b.String()
}

func hostileCases() []hostileCase {
	var cases []hostileCase
	for _, f := range formatNames {
		head, fill := hostileHeader[f], hostileComment[f]
		cases = append(cases,
			hostileCase{name: "line of 1 GiB", format: f, refused: true,
				input: func() io.Reader { return hostileRepeatOf(head, "a", "", hostileGiB) }},
			hostileCase{name: "gzip bomb of zeros", format: f, gzip: true, refused: true,
				budget: 4 * hostileBudget,
				input:  func() io.Reader { return hostileRepeatOf("", "\x00", "", 2*hostileGiB) }},
			hostileCase{name: "gzip bomb of comments", format: f, gzip: true,
				budget: 3 * hostileGiB, max: hostileBombBytes, limit: true,
				input: func() io.Reader { return hostileRepeatOf(fill[0], fill[1], "", 2*hostileGiB) }},
		)
	}
	str := func(s string) func() io.Reader { return func() io.Reader { return strings.NewReader(s) } }
	cases = append(cases,
		hostileCase{name: "billion laughs", format: FormatGraphML, input: str(billionLaughs())},
		hostileCase{name: "external entity", format: FormatGraphML,
			input: str("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" +
				hostileHeader[FormatGraphML] + "&x;\"/></graph></graphml>\n")},
		hostileCase{name: "elements nested 100k deep", format: FormatGraphML,
			input: func() io.Reader {
				return io.MultiReader(hostileRepeatOf(hostileComment[FormatGraphML][0], "<data>\n", "", 7*100_000),
					hostileRepeatOf("", "</data>\n", "</graph></graphml>\n", 8*100_000))
			}},
		hostileCase{name: "lists nested 1M deep", format: FormatGML, refused: true,
			input: func() io.Reader { return hostileRepeatOf("graph [\n", "x [\n", "", 4*1_000_000) }},
		hostileCase{name: "closed lists nested 1M deep", format: FormatGML,
			input: func() io.Reader {
				return io.MultiReader(hostileRepeatOf("graph [\n", "x [\n", "", 4*1_000_000),
					hostileRepeatOf("", "]\n", "]\n", 2*1_000_000))
			}},
		hostileCase{name: "10M vertices declared", format: FormatPajek, refused: true,
			input: str("*Vertices 10000000\n*Edges\n1 2\n")},
		hostileCase{name: "2G vertices declared", format: FormatPajek, refused: true,
			input: str("*Vertices 2000000000\n*Edges\n1 2\n")},
	)
	for i := range cases {
		cases[i].bug = hostileBugs[[2]string{cases[i].format, cases[i].name}]
	}
	return cases
}

func TestHostileInput(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.format+"/"+c.name, func(t *testing.T) {
			runHostile(t, c)
		})
	}
}

// TestHostileHarness checks that the source stops a reader at its budget,
// so that a passing row means something.
func TestHostileHarness(t *testing.T) {
	src := &hostileSource{r: hostileRepeatOf("", "a", "", hostileGiB), budget: 1 << 20}
	n, err := io.Copy(io.Discard, src)
	if !errors.Is(err, errTripwire) || n != 1<<20 {
		t.Errorf("io.Copy of a source with a budget of 1 MiB = %d, %v; want %d, errTripwire", n, err, 1<<20)
	}
}
