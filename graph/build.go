package graph

import (
	"fmt"
	"math/bits"
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
// paper is written as a (pair, paper) entry into flat arrays, which are
// sorted by pair with a stable radix sort (the two halves on two
// goroutines, then merged) and reduced to edges. The papers of all edges
// share one array. A weight is the sum of its papers' increments in paper
// order, so the result does not depend on the number of CPUs.
func Build(papers []corpus.Paper, id *corpus.Identity, opt Options) *Graph {
	g := &Graph{}
	kept := make([]bool, len(papers))
	nodePapers := make([]int32, len(id.People))
	var droppedYear, tooLarge, seats, keptPapers, maxPairs int
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
		if opt.MaxAuthors <= 0 || n <= opt.MaxAuthors {
			maxPairs += n * (n - 1) / 2
		}
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
	pe := pairEntries{key: make([]uint64, 0, maxPairs), pid: make([]int32, 0, maxPairs)}
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
		pi := int32(len(g.Papers))
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
		pe.add(ids, pi)
	}
	for u, m := range affs {
		for s := range m {
			g.Authors[u].Affiliations = append(g.Authors[u].Affiliations, s)
		}
		sort.Strings(g.Authors[u].Affiliations)
	}

	pairs := g.reduce(&pe, inc, nodes, opt.MinWeight)
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

// pairEntries holds one entry per author pair per paper: the pair as
// u<<32 | v with u < v, and the index of the paper in Graph.Papers.
// Entries are added in increasing paper order.
type pairEntries struct {
	key []uint64
	pid []int32
}

func (pe *pairEntries) add(ids []int32, pi int32) {
	for x := 0; x < len(ids); x++ {
		for y := x + 1; y < len(ids); y++ {
			u, v := ids[x], ids[y]
			if u > v {
				u, v = v, u
			}
			pe.key = append(pe.key, uint64(u)<<32|uint64(v))
			pe.pid = append(pe.pid, pi)
		}
	}
}

// reduce sorts the entries by pair, keeping paper order within a pair,
// and sets g.Edges and g.edgePapers from the pairs of weight at least
// minWeight. It returns the number of distinct pairs.
func (g *Graph) reduce(pe *pairEntries, inc []float64, nodes int, minWeight float64) int {
	key, pid := sortPairs(pe.key, pe.pid, nodes)
	pe.key, pe.pid = nil, nil

	// Count the pairs to size the edge list exactly.
	pairs := 0
	for i := range key {
		if i == 0 || key[i] != key[i-1] {
			pairs++
		}
	}
	g.Edges = make([]Edge, 0, pairs)
	// Offsets are int32: a graph is limited to 2^31 (edge, paper)
	// entries, far above what one machine's memory holds with papers.
	off := make([]int32, 0, pairs+1)
	off = append(off, 0)
	w := 0 // write position in pid: the papers of kept edges, compacted
	for i := 0; i < len(key); {
		j := i
		sum := 0.0
		for ; j < len(key) && key[j] == key[i]; j++ {
			sum += inc[pid[j]]
		}
		if sum >= minWeight {
			k := key[i]
			g.Edges = append(g.Edges, Edge{U: int32(k >> 32), V: int32(k), Weight: sum, Joint: int32(j - i)})
			w += copy(pid[w:], pid[i:j])
			off = append(off, int32(w))
		}
		i = j
	}
	key = nil
	papers := pid[:w:w]
	if w < len(pid)/2 {
		papers = append([]int32(nil), papers...)
	}
	g.paperOff, g.edgePapers = off, papers
	return pairs
}

// sortPairs sorts the entries (key[i], pid[i]) by key, stably, and
// returns the sorted arrays, which may be the ones given or new ones.
// Keys are u<<32|v with u, v < nodes. Large inputs are split in two
// halves radix-sorted on two goroutines and then merged.
func sortPairs(key []uint64, pid []int32, nodes int) ([]uint64, []int32) {
	n := len(key)
	if n < 2 {
		return key, pid
	}
	// Pack u and v into 2b bits so that fewer radix passes are needed.
	b := uint(bits.Len(uint(max(nodes-1, 1))))
	for i, k := range key {
		key[i] = (k>>32)<<b | k&0xffffffff
	}
	passes := int((2*b + radixBits - 1) / radixBits)
	key2 := make([]uint64, n)
	pid2 := make([]int32, n)

	var outK []uint64
	var outP []int32
	if n < parallelSortMin {
		outK, outP = radixSort(key, pid, key2, pid2, passes)
	} else {
		h := n / 2
		var wg sync.WaitGroup
		var lk, rk []uint64
		var lp, rp []int32
		wg.Add(1)
		go func() {
			defer wg.Done()
			lk, lp = radixSort(key[:h], pid[:h], key2[:h], pid2[:h], passes)
		}()
		rk, rp = radixSort(key[h:], pid[h:], key2[h:], pid2[h:], passes)
		wg.Wait()
		// Both halves ended in the same buffer; merge into the other.
		dk, dp := key2, pid2
		if passes%2 == 1 {
			dk, dp = key, pid
		}
		mergePairs(dk, dp, lk, lp, rk, rp)
		outK, outP = dk, dp
	}
	mask := uint64(1)<<b - 1
	for i, k := range outK {
		outK[i] = (k>>b)<<32 | k&mask
	}
	return outK, outP
}

const (
	radixBits       = 11
	parallelSortMin = 1 << 16
)

// radixSort sorts (key, pid) by the low passes×radixBits bits of key with
// a least-significant-digit radix sort, which is stable, using key2 and
// pid2 as scratch. It returns the buffers holding the result.
func radixSort(key []uint64, pid []int32, key2 []uint64, pid2 []int32, passes int) ([]uint64, []int32) {
	var count [1 << radixBits]int
	for p := 0; p < passes; p++ {
		shift := uint(p * radixBits)
		clear(count[:])
		for _, k := range key {
			count[(k>>shift)&(1<<radixBits-1)]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for i, k := range key {
			d := (k >> shift) & (1<<radixBits - 1)
			key2[count[d]], pid2[count[d]] = k, pid[i]
			count[d]++
		}
		key, key2 = key2, key
		pid, pid2 = pid2, pid
	}
	return key, pid
}

// mergePairs merges the sorted runs (lk, lp) and (rk, rp) into dk, dp,
// taking the left run first on equal keys.
func mergePairs(dk []uint64, dp []int32, lk []uint64, lp []int32, rk []uint64, rp []int32) {
	i, j, o := 0, 0, 0
	for i < len(lk) && j < len(rk) {
		if rk[j] < lk[i] {
			dk[o], dp[o] = rk[j], rp[j]
			j++
		} else {
			dk[o], dp[o] = lk[i], lp[i]
			i++
		}
		o++
	}
	copy(dp[o:], lp[i:])
	o += copy(dk[o:], lk[i:])
	copy(dp[o:], rp[j:])
	copy(dk[o:], rk[j:])
}

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
