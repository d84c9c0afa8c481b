package graph

import (
	"fmt"
	"sort"
	"strings"

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
func Build(papers []corpus.Paper, id *corpus.Identity, opt Options) *Graph {
	g := &Graph{}
	kept := make([]bool, len(papers))
	nodePapers := make([]int, len(id.People))
	var droppedYear, tooLarge int
	for i := range papers {
		y := papers[i].Date.Year
		if (opt.Since != 0 || opt.Until != 0) && (y == 0 || (opt.Since != 0 && y < opt.Since) || (opt.Until != 0 && y > opt.Until)) {
			droppedYear++
			continue
		}
		kept[i] = true
		for _, p := range distinct(id.Of[i]) {
			nodePapers[p]++
		}
	}

	// Node ids: people with enough papers, in key order.
	node := make([]int32, len(id.People))
	for p, person := range id.People {
		node[p] = -1
		if nodePapers[p] == 0 || nodePapers[p] < opt.MinPapers {
			continue
		}
		node[p] = int32(len(g.Authors))
		g.Authors = append(g.Authors, Author{Key: person.Key, Name: person.Name, Papers: nodePapers[p],
			IDs: person.IDs, Variants: person.Variants})
	}

	affs := make([]map[string]bool, len(g.Authors))
	type acc struct {
		w      float64
		joint  int32
		papers []int32
	}
	pairs := make(map[uint64]*acc)
	for i := range papers {
		if !kept[i] {
			continue
		}
		pp := &papers[i]
		var ids []int32
		for j, p := range id.Of[i] {
			u := node[p]
			if u < 0 || contains(ids, u) {
				continue
			}
			ids = append(ids, u)
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
		pi := int32(len(g.Papers))
		g.Papers = append(g.Papers, Paper{Index: i, ID: pp.ID, Title: pp.Title, Year: pp.Date.Year, Authors: ids})
		n := len(distinct(id.Of[i]))
		if n < 2 || (opt.MaxAuthors > 0 && n > opt.MaxAuthors) {
			if n >= 2 {
				tooLarge++
			}
			continue
		}
		inc := 1.0
		if opt.Counting == Fractional {
			inc = 1 / float64(n-1)
		}
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				u, v := ids[x], ids[y]
				if u > v {
					u, v = v, u
				}
				k := uint64(u)<<32 | uint64(v)
				a := pairs[k]
				if a == nil {
					a = &acc{}
					pairs[k] = a
				}
				a.w += inc
				a.joint++
				a.papers = append(a.papers, pi)
			}
		}
	}
	for u, m := range affs {
		for s := range m {
			g.Authors[u].Affiliations = append(g.Authors[u].Affiliations, s)
		}
		sort.Strings(g.Authors[u].Affiliations)
	}

	keys := make([]uint64, 0, len(pairs))
	for k, a := range pairs {
		if a.w >= opt.MinWeight {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	g.Edges = make([]Edge, len(keys))
	g.edgePapers = make([][]int32, len(keys))
	for i, k := range keys {
		a := pairs[k]
		g.Edges[i] = Edge{U: int32(k >> 32), V: int32(k), Weight: a.w, Joint: a.joint}
		g.edgePapers[i] = a.papers
	}
	g.index()

	g.Notes = append(g.Notes, fmt.Sprintf("%s counting", opt.Counting))
	if droppedYear > 0 {
		g.Notes = append(g.Notes, fmt.Sprintf("%d papers outside the years kept", droppedYear))
	}
	if tooLarge > 0 {
		g.Notes = append(g.Notes, fmt.Sprintf("%d papers with more than %d authors add no edges", tooLarge, opt.MaxAuthors))
	}
	if dropped := len(pairs) - len(keys); dropped > 0 {
		g.Notes = append(g.Notes, fmt.Sprintf("%d edges below weight %g dropped", dropped, opt.MinWeight))
	}
	return g
}

// distinct returns xs without repeats, in first-seen order.
func distinct(xs []int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		dup := false
		for _, y := range out {
			if y == x {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

func contains(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
