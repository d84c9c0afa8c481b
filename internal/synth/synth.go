// Package synth generates synthetic bibliographies shaped like dblp: for
// testing and benchmarking coauthor on corpora of any size.
//
// # Model
//
// Authors are the integers 0..A-1, A = 0.70 × papers, split into
// research groups of 4 to 120 consecutive authors (sizes drawn from a
// discrete power law). Every group works on one of a few topics. A paper
// picks a group with probability proportional to its size, a team size
// (mostly 1 to 6 authors: 2 and 3 are the commonest; 3% of papers draw a
// size from 7 up to 100 from a power law of exponent 3), and then its authors: each one from
// the paper's group with a Zipf law on rank in the group (the first
// members, the group leaders, are on many papers; the last on few), or,
// for 23% of the seats, from a group nearby (groups a few places apart
// collaborate) or, for 4%, from anywhere. The year is drawn from
// 1990-2025 with growth of 7% a year, and the title from the group's
// topic vocabulary.
//
// Names are made from the author's number in mixed radix over lists of
// given names, middle initials and family names, so they are distinct
// under [corpus.Key] and need no table: memory is constant whatever the
// number of papers, apart from the group boundaries (a few bytes per
// author) and, for [Stats], a bit per author.
//
// # Figures
//
// Measured with seed 1, full counting and no limit on team size (graph
// nodes are authors with at least one paper):
//
//	papers    authors    edges
//	10k        6.1k       78k
//	100k        61k      0.69M
//	1M         607k      6.56M
//
// (5M papers make about 3.0M authors; its graph was not measured),
// which is close to the corpora of the project's reference measurements
// (1M papers, 616k authors, 7.24M edges).
//
// The same [Config] gives the same papers, byte for byte, on every
// machine: the random source is math/rand/v2's PCG seeded from
// [Config.Seed].
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Config is what to generate.
type Config struct {
	// Papers is the number of papers. Zero or less generates none.
	Papers int

	// Seed seeds the random source; the same seed gives the same papers.
	Seed uint64
}

// Paper is one generated paper.
type Paper struct {
	ID      string
	Title   string
	Year    int
	Venue   string
	Authors []string
}

// Stats counts what a writer wrote.
type Stats struct {
	Papers  int // papers written
	Authors int // distinct authors on at least one paper
	Seats   int // author entries over all papers
}

// Model constants; the figures in the package comment depend on them.
const (
	authorsPerPaper = 0.70 // size of the author pool per paper
	crossNear       = 0.23 // share of seats filled from a nearby group
	crossFar        = 0.04 // share of seats filled from any group
	nearGroups      = 4    // "nearby" means up to this many groups away
	tailShare       = 0.03 // share of papers with a team of 7 or more
	tailExponent    = 3.0  // power law of team sizes from 7
	maxTeam         = 100  // largest team
	zipfS           = 1.15 // Zipf exponent of productivity within a group
	yearGrowth      = 0.07 // yearly growth of the number of papers
	firstYear       = 1990 //
	lastYear        = 2025 //
	minGroup        = 4    // smallest group
	maxGroup        = 120  // largest group
	groupExponent   = 2.2  // power law of group sizes
	titleMinWords   = 4    //
	titleMaxWords   = 9    //
	idPrefix        = "synth/"
	mdate           = "2026-01-01"
	dblpRecordTag   = "inproceedings"
	nameStride      = 7919 // prime to len(given)*len(family)
)

// smallTeams is the distribution of team sizes 1..6 among papers with
// fewer than 7 authors.
var smallTeams = [6]float64{0.10, 0.25, 0.27, 0.19, 0.12, 0.07}

// Generator produces the papers of a [Config] one at a time.
type Generator struct {
	cfg    Config
	rng    *rand.Rand
	n      int     // papers generated so far
	pool   int     // number of authors
	starts []int32 // starts[g] is the first author of group g; len groups+1
	zipf   []*rand.Zipf
	seen   []uint64 // bit per author: on a paper yet
	seats  int
	team   []int32
	buf    strings.Builder
}

// New returns a generator of cfg's papers.
func New(cfg Config) *Generator {
	g := &Generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x636f617574686f72))}
	g.pool = max(int(math.Ceil(authorsPerPaper*float64(max(cfg.Papers, 0)))), minGroup)
	for a := 0; a < g.pool; {
		g.starts = append(g.starts, int32(a))
		a += g.groupSize()
	}
	g.starts = append(g.starts, int32(g.pool))
	g.zipf = make([]*rand.Zipf, maxGroup+1)
	g.seen = make([]uint64, (g.pool+63)/64)
	return g
}

// groupSize draws a group size from a discrete power law on
// [minGroup, maxGroup].
func (g *Generator) groupSize() int {
	u := g.rng.Float64()
	s := int(float64(minGroup) * math.Pow(1-u, -1/(groupExponent-1)))
	return min(s, maxGroup)
}

// teamSize draws the number of authors of a paper.
func (g *Generator) teamSize() int {
	if g.rng.Float64() < tailShare {
		u := g.rng.Float64()
		k := int(7 * math.Pow(1-u, -1/(tailExponent-1)))
		return min(k, maxTeam)
	}
	u := g.rng.Float64()
	for i, p := range smallTeams {
		if u < p {
			return i + 1
		}
		u -= p
	}
	return len(smallTeams)
}

// groupOf returns the group of author a.
func (g *Generator) groupOf(a int) int {
	return sort.Search(len(g.starts)-1, func(i int) bool { return int(g.starts[i+1]) > a })
}

// member draws an author of group gr by the Zipf law on rank.
func (g *Generator) member(gr int) int32 {
	lo, hi := g.starts[gr], g.starts[gr+1]
	size := int(hi - lo)
	z := g.zipf[size]
	if z == nil {
		z = rand.NewZipf(g.rng, zipfS, 1, uint64(size-1))
		g.zipf[size] = z
	}
	return lo + int32(z.Uint64())
}

// Next fills p with the next paper and reports whether there was one.
// The slices and strings of p are reused by the next call.
func (g *Generator) Next(p *Paper) bool {
	if g.n >= g.cfg.Papers {
		return false
	}
	g.n++
	home := g.groupOf(g.rng.IntN(g.pool))
	groups := len(g.starts) - 1
	k := g.teamSize()
	g.team = g.team[:0]
	for tries := 0; len(g.team) < k && tries < 20*k; tries++ {
		gr := home
		switch u := g.rng.Float64(); {
		case len(g.team) > 0 && u < crossFar:
			gr = g.rng.IntN(groups)
		case len(g.team) > 0 && u < crossFar+crossNear, tries >= 4*k:
			gr = home + g.rng.IntN(2*nearGroups+1) - nearGroups
			gr = min(max(gr, 0), groups-1)
		}
		a := g.member(gr)
		if !containsInt32(g.team, a) {
			g.team = append(g.team, a)
		}
	}

	p.ID = idPrefix + strconv.Itoa(g.n)
	p.Year = g.year()
	topic := home % len(topics)
	p.Title = g.title(topic)
	p.Venue = venues[topic][home/len(topics)%len(venues[topic])]
	p.Authors = p.Authors[:0]
	for _, a := range g.team {
		p.Authors = append(p.Authors, Name(int(a)))
		g.seen[a/64] |= 1 << (a % 64)
	}
	g.seats += len(g.team)
	return true
}

func containsInt32(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// year draws a year with papers growing by yearGrowth a year.
func (g *Generator) year() int {
	span := float64(lastYear - firstYear + 1)
	u := g.rng.Float64()
	// Inverse of the CDF of density exp(c t) on [0, span).
	t := math.Log1p(u*math.Expm1(yearGrowth*span)) / yearGrowth
	return min(firstYear+int(t), lastYear)
}

// title draws a title from a topic's vocabulary: an optional lead word,
// adjectives and nouns, and a second noun phrase after a linking word.
func (g *Generator) title(topic int) string {
	v := &vocab[topic]
	g.buf.Reset()
	words := titleMinWords + g.rng.IntN(titleMaxWords-titleMinWords+1)
	if g.rng.IntN(4) == 0 {
		g.buf.WriteString(leads[g.rng.IntN(len(leads))])
		g.buf.WriteByte(' ')
		words--
	}
	first := words / 2
	g.phrase(v, first)
	g.buf.WriteByte(' ')
	g.buf.WriteString(links[g.rng.IntN(len(links))])
	g.buf.WriteByte(' ')
	g.phrase(v, max(words-first-1, 1))
	return g.buf.String()
}

// phrase writes n words: adjectives then a noun.
func (g *Generator) phrase(v *topicWords, n int) {
	for i := 0; i < n-1; i++ {
		if i%2 == 0 {
			g.buf.WriteString(v.adj[g.rng.IntN(len(v.adj))])
		} else {
			g.buf.WriteString(v.noun[g.rng.IntN(len(v.noun))])
		}
		g.buf.WriteByte(' ')
	}
	g.buf.WriteString(v.noun[g.rng.IntN(len(v.noun))])
}

// Stats returns the counts of the papers generated so far.
func (g *Generator) Stats() Stats {
	s := Stats{Papers: g.n, Seats: g.seats}
	for _, w := range g.seen {
		s.Authors += popcount(w)
	}
	return s
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// Name returns the name of author a: a given name and a family name,
// double-barrelled ("Chen-Müller") for authors past the first
// len(given)×len(family). Distinct authors have distinct names, also
// after [corpus.Key], up to len(given)×len(family)×(len(family)+1)
// (5.6 million) authors; beyond that, middle initials are added. No name
// extends another by a middle initial, which identity resolution would
// take for one person.
func Name(a int) string {
	// Scatter consecutive authors (members of one group) over the
	// given-family combinations of their block.
	block := len(given) * len(family)
	a = a - a%block + (a%block)*nameStride%block
	f := family[a%len(family)]
	a /= len(family)
	gv := given[a%len(given)]
	a /= len(given)
	var b strings.Builder
	b.WriteString(gv)
	b.WriteByte(' ')
	if a > len(family) {
		// Past 5.6 million authors: initials, a = 1, 2, ... as A, B, ...
		for x := a / (len(family) + 1); x > 0; x /= 26 {
			x--
			b.WriteByte(byte('A' + x%26))
			b.WriteString(". ")
		}
		a %= len(family) + 1
	}
	b.WriteString(f)
	if a > 0 {
		b.WriteByte('-')
		b.WriteString(family[a-1])
	}
	return b.String()
}

// WriteJSONL writes cfg's papers as JSON Lines, one object a line with
// the keys id, title, year, venue and authors (an array of names), as
// the jsonl reader of package corpus reads them. Papers are streamed.
func WriteJSONL(w io.Writer, cfg Config) (Stats, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	g := New(cfg)
	var p Paper
	var line []byte
	for g.Next(&p) {
		line = append(line[:0], `{"id":`...)
		line = appendJSON(line, p.ID)
		line = append(line, `,"title":`...)
		line = appendJSON(line, p.Title)
		line = append(line, `,"year":`...)
		line = strconv.AppendInt(line, int64(p.Year), 10)
		line = append(line, `,"venue":`...)
		line = appendJSON(line, p.Venue)
		line = append(line, `,"authors":[`...)
		for i, a := range p.Authors {
			if i > 0 {
				line = append(line, ',')
			}
			line = appendJSON(line, a)
		}
		line = append(line, "]}\n"...)
		if _, err := bw.Write(line); err != nil {
			return g.Stats(), err
		}
	}
	return g.Stats(), bw.Flush()
}

// WriteDBLP writes cfg's papers as dblp XML: a <dblp> element holding
// one inproceedings record per paper with its authors, title, year and
// booktitle. Papers are streamed.
func WriteDBLP(w io.Writer, cfg Config) (Stats, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	g := New(cfg)
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dblp>\n")
	var p Paper
	var rec []byte
	for g.Next(&p) {
		rec = append(rec[:0], "<"+dblpRecordTag+` mdate="`+mdate+`" key="`...)
		rec = appendXML(rec, p.ID)
		rec = append(rec, "\">\n"...)
		for _, a := range p.Authors {
			rec = append(rec, "<author>"...)
			rec = appendXML(rec, a)
			rec = append(rec, "</author>\n"...)
		}
		rec = append(rec, "<title>"...)
		rec = appendXML(rec, p.Title)
		rec = append(rec, ".</title>\n<year>"...)
		rec = strconv.AppendInt(rec, int64(p.Year), 10)
		rec = append(rec, "</year>\n<booktitle>"...)
		rec = appendXML(rec, p.Venue)
		rec = append(rec, "</booktitle>\n</"+dblpRecordTag+">\n"...)
		if _, err := bw.Write(rec); err != nil {
			return g.Stats(), err
		}
	}
	bw.WriteString("</dblp>\n")
	return g.Stats(), bw.Flush()
}

// appendJSON appends s as a JSON string.
func appendJSON(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, fmt.Sprintf(`\u%04x`, c)...)
		default:
			b = append(b, c)
		}
		i++
	}
	return append(b, '"')
}

// appendXML appends s with the characters special in XML escaped.
func appendXML(b []byte, s string) []byte {
	for _, r := range s {
		switch r {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
