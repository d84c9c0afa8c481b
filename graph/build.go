package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/coauthor/coauthor/corpus"
)

// Counting is how a shared paper adds to the strength of a tie.
type Counting int

const (
	// Full counting adds 1 to each pair of a paper's authors: the weight
	// is the number of joint papers.
	Full Counting = iota

	// Fractional counting adds 1/(n-1) to each pair of a paper with n
	// authors, so that every author of a multi-author paper receives a
	// total of 1 from it (Newman 2001; VOSviewer's fractional counting).
	Fractional
)

// String returns "full" or "fractional".
func (c Counting) String() string {
	if c == Fractional {
		return "fractional"
	}
	return "full"
}

// ParseCounting parses "full" or "fractional".
func ParseCounting(s string) (Counting, error) {
	switch strings.ToLower(s) {
	case "full", "":
		return Full, nil
	case "fractional":
		return Fractional, nil
	}
	return 0, fmt.Errorf("unknown counting %q: want full or fractional", s)
}

// Options are the counting scheme and filters of [Build]. The zero value
// counts fully, keeps every year, author and edge, and lets papers of any
// size add edges.
type Options struct {
	Counting Counting

	// Since and Until keep papers published in [Since, Until]; zero means
	// no bound. When either is set, papers of unknown year are dropped.
	Since, Until int

	// MinPapers drops authors with fewer papers (after the year filter),
	// and their edges. Zero or one keeps everyone.
	MinPapers int

	// MinWeight drops edges whose weight is below it. Zero keeps all.
	MinWeight float64

	// MaxAuthors: papers with more authors than this add no edges (they
	// still count for their authors). Zero means no limit.
	MaxAuthors int
}

// Build makes the co-authorship graph of papers, whose authors id assigns
// to people. Nodes are the people who keep at least one paper after the
// filters, in the order of id.People (sorted by key), so node ids do not
// depend on the order of the input.
//
// Memory is linear in the number of author pairs: every pair of every
// paper is filed, 8 bytes a pair, in a row of its smaller node (rows
// sized by a first counting pass), each row is sorted by the other node
// and paper (rows split between two goroutines), and the rows are read
// off as edges in (U, V) order. The papers of all edges share one array.
// A weight is the sum of its papers' increments in paper order, so the
// result does not depend on the number of CPUs.
func Build(papers []corpus.Paper, id *corpus.Identity, opt Options) *Graph {
	g := &Graph{}
	kept := make([]bool, len(papers))
	nodePapers := make([]int32, len(id.People))
	var droppedYear, tooLarge, seats, keptPapers int
	for i := range papers {
		y := papers[i].Date.Year
		if (opt.Since != 0 || opt.Until != 0) && (y == 0 || (opt.Since != 0 && y < opt.Since) || (opt.Until != 0 && y > opt.Until)) {
			droppedYear++
			continue
		}
		kept[i] = true
		keptPapers++
		n := 0
		for j, p := range id.Of[i] {
			if !containsInt(id.Of[i][:j], p) {
				nodePapers[p]++
				n++
			}
		}
		seats += len(id.Of[i])
	}

	// Node ids: people with enough papers, in key order.
	node := make([]int32, len(id.People))
	nodes := 0
	for p := range id.People {
		node[p] = -1
		if nodePapers[p] == 0 || int(nodePapers[p]) < opt.MinPapers {
			continue
		}
		node[p] = int32(nodes)
		nodes++
	}
	g.Authors = make([]Author, 0, nodes)
	for p, person := range id.People {
		if node[p] >= 0 {
			g.Authors = append(g.Authors, Author{Key: person.Key, Name: person.Name, Papers: int(nodePapers[p]),
				IDs: person.IDs, Variants: person.Variants})
		}
	}
	nodePapers = nil

	// Papers, author attributes and the (pair, paper) entries. The
	// papers' author lists are carved out of one array.
	arena := make([]int32, 0, seats)
	affs := make(map[int32]map[string]bool)
	g.Papers = make([]Paper, 0, keptPapers)
	inc := make([]float64, 0, keptPapers) // what paper pi adds to each of its pairs
	pe := pairEntries{start: make([]int, nodes+1)}
	for i := range papers {
		if !kept[i] {
			continue
		}
		pp := &papers[i]
		start := len(arena)
		n := 0 // distinct people of the paper, kept or not
		for j, p := range id.Of[i] {
			if containsInt(id.Of[i][:j], p) {
				continue
			}
			n++
			u := node[p]
			if u < 0 || containsInt32(arena[start:], u) {
				continue
			}
			arena = append(arena, u)
			a := &g.Authors[u]
			if y := pp.Date.Year; y != 0 {
				if a.FirstYear == 0 || y < a.FirstYear {
					a.FirstYear = y
				}
				if y > a.LastYear {
					a.LastYear = y
				}
			}
			aff := pp.Authors[j].Affiliation
			if aff == "" {
				aff = pp.Affiliation
			}
			if aff != "" {
				if affs[u] == nil {
					affs[u] = make(map[string]bool)
				}
				affs[u][aff] = true
			}
		}
		ids := arena[start:len(arena):len(arena)]
		g.Papers = append(g.Papers, Paper{Index: i, ID: pp.ID, Title: pp.Title, Year: pp.Date.Year, Authors: ids})
		if n < 2 || (opt.MaxAuthors > 0 && n > opt.MaxAuthors) {
			if n >= 2 {
				tooLarge++
			}
			inc = append(inc, 0)
			continue
		}
		if opt.Counting == Fractional {
			inc = append(inc, 1/float64(n-1))
		} else {
			inc = append(inc, 1)
		}
		pe.count(ids)
	}
	pe.alloc()
	for pi := range g.Papers {
		if inc[pi] != 0 { // the paper adds edges
			pe.add(g.Papers[pi].Authors, int32(pi))
		}
	}
	for u, m := range affs {
		for s := range m {
			g.Authors[u].Affiliations = append(g.Authors[u].Affiliations, s)
		}
		sort.Strings(g.Authors[u].Affiliations)
	}

	pairs := g.reduce(&pe, inc, opt.MinWeight)
	g.index()

	g.Notes = append(g.Notes, fmt.Sprintf("%s counting", opt.Counting))
	if droppedYear > 0 {
		g.Notes = append(g.Notes, fmt.Sprintf("%d papers outside the years kept", droppedYear))
	}
	if tooLarge > 0 {
		g.Notes = append(g.Notes, fmt.Sprintf("%d papers with more than %d authors add no edges", tooLarge, opt.MaxAuthors))
	}
	if dropped := pairs - len(g.Edges); dropped > 0 {
		g.Notes = append(g.Notes, fmt.Sprintf("%d edges below weight %g dropped", dropped, opt.MinWeight))
	}
	return g
}

// pairEntries files every author pair of every paper under the smaller
// node of the pair, in compressed rows: entry = v<<32 | paper, where v
// is the larger node and paper the index in Graph.Papers. Rows are sized
// by a counting pass, so an entry costs 8 bytes and no sort scratch.
type pairEntries struct {
	start []int    // row u is entry[start[u]:start[u+1]]
	fill  []int    // next free slot of each row while filling
	entry []uint64 // v<<32 | paper
}

// count counts the pairs of the node ids ids in their rows.
func (pe *pairEntries) count(ids []int32) {
	for x := 0; x < len(ids); x++ {
		for y := x + 1; y < len(ids); y++ {
			pe.start[min(ids[x], ids[y])+1]++
		}
	}
}

// alloc turns the counts into row starts and allocates the entries.
func (pe *pairEntries) alloc() {
	for u := 1; u < len(pe.start); u++ {
		pe.start[u] += pe.start[u-1]
	}
	pe.fill = slices.Clone(pe.start[:len(pe.start)-1])
	pe.entry = make([]uint64, pe.start[len(pe.start)-1])
}

// add files the pairs of paper pi, whose node ids are ids.
func (pe *pairEntries) add(ids []int32, pi int32) {
	for x := 0; x < len(ids); x++ {
		for y := x + 1; y < len(ids); y++ {
			u, v := ids[x], ids[y]
			if u > v {
				u, v = v, u
			}
			pe.entry[pe.fill[u]] = uint64(v)<<32 | uint64(uint32(pi))
			pe.fill[u]++
		}
	}
}

// sortRows sorts every row by (v, paper), on two goroutines for large
// inputs, each taking the rows of about half of the entries. Papers
// were filed in increasing order, so within a pair they stay in paper
// order, and the result does not depend on the number of CPUs.
func (pe *pairEntries) sortRows() {
	rows := len(pe.start) - 1
	sortRange := func(lo, hi int) {
		for u := lo; u < hi; u++ {
			if r := pe.entry[pe.start[u]:pe.start[u+1]]; len(r) > 1 {
				slices.Sort(r)
			}
		}
	}
	if len(pe.entry) < parallelSortMin {
		sortRange(0, rows)
		return
	}
	half := len(pe.entry) / 2
	mid, _ := slices.BinarySearch(pe.start[:rows], half)
	var wg sync.WaitGroup
	wg.Go(func() { sortRange(0, mid) })
	sortRange(mid, rows)
	wg.Wait()
}

// reduce turns the sorted rows into g.Edges and the papers of each edge,
// keeping the pairs of weight at least minWeight. A weight is the sum of
// its papers' increments inc in paper order. It returns the number of
// distinct pairs.
func (g *Graph) reduce(pe *pairEntries, inc []float64, minWeight float64) int {
	pe.sortRows()
	pe.fill = nil

	// Count the pairs to size the edge list exactly.
	pairs := 0
	rows := len(pe.start) - 1
	for u := range rows {
		r := pe.entry[pe.start[u]:pe.start[u+1]]
		for i := range r {
			if i == 0 || r[i]>>32 != r[i-1]>>32 {
				pairs++
			}
		}
	}
	g.Edges = make([]Edge, 0, pairs)
	// Offsets are int32: a graph is limited to 2^31 (edge, paper)
	// entries, far above what one machine's memory holds with papers.
	off := make([]int32, 0, pairs+1)
	off = append(off, 0)
	papers := make([]int32, 0, len(pe.entry))
	for u := range rows {
		r := pe.entry[pe.start[u]:pe.start[u+1]]
		for i := 0; i < len(r); {
			v := r[i] >> 32
			j := i
			sum := 0.0
			for ; j < len(r) && r[j]>>32 == v; j++ {
				sum += inc[uint32(r[j])]
			}
			if sum >= minWeight {
				g.Edges = append(g.Edges, Edge{U: int32(u), V: int32(v), Weight: sum, Joint: int32(j - i)})
				for _, x := range r[i:j] {
					papers = append(papers, int32(uint32(x)))
				}
				off = append(off, int32(len(papers)))
			}
			i = j
		}
	}
	pe.entry, pe.start = nil, nil
	if len(papers) < cap(papers)/2 {
		papers = slices.Clone(papers)
	}
	g.paperOff, g.edgePapers = off, papers[:len(papers):len(papers)]
	return pairs
}

// parallelSortMin is the number of entries from which rows are sorted
// on two goroutines.
const parallelSortMin = 1 << 16

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsInt32(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
