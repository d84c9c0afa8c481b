package metrics

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// ShortestPath returns a chain of co-authorship with the fewest hops
// from a to b: the node ids from a to b inclusive, [a] when a == b, nil
// when b cannot be reached from a. Among chains of equal length it
// returns the one found by a breadth-first search that visits
// co-authors in increasing node id, so the result is deterministic.
// Ties of any weight count as one hop. ShortestPath panics if a or b is
// not a node of g.
func ShortestPath(g *graph.Graph, a, b int) []int {
	checkNode(g, a, "ShortestPath")
	checkNode(g, b, "ShortestPath")
	if a == b {
		return []int{a}
	}
	parent := make([]int32, g.Len())
	for i := range parent {
		parent[i] = -1
	}
	parent[a] = int32(a)
	queue := []int32{int32(a)}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		nbrs, _ := g.Neighbors(int(u))
		for _, v := range nbrs {
			if parent[v] >= 0 {
				continue
			}
			parent[v] = u
			if int(v) == b {
				return chain(parent, a, b)
			}
			queue = append(queue, v)
		}
	}
	return nil
}

// StrongestPath returns the chain from a to b whose ties are strongest
// in the sense of the weighted path measures: an edge's length is
// 1/weight, and the chain of least total length wins. It returns the
// node ids from a to b inclusive and the total length; [a] and 0 when
// a == b; nil and +Inf when b cannot be reached. Ties of weight zero or
// less are not used. Among chains of equal length, Dijkstra's search
// settles nodes by distance then node id and keeps the first parent
// found. StrongestPath panics if a or b is not a node of g.
//
//	length(chain) = sum over its ties (u, v) of 1 / w_uv
func StrongestPath(g *graph.Graph, a, b int) ([]int, float64) {
	checkNode(g, a, "StrongestPath")
	checkNode(g, b, "StrongestPath")
	if a == b {
		return []int{a}, 0
	}
	n := g.Len()
	dist := make([]float64, n)
	parent := make([]int32, n)
	done := make([]bool, n)
	for i := range dist {
		dist[i], parent[i] = math.Inf(1), -1
	}
	dist[a], parent[a] = 0, int32(a)
	h := distHeap{}
	h.push(0, int32(a))
	for len(h) > 0 {
		d, u := h.pop()
		if done[u] {
			continue
		}
		done[u] = true
		if int(u) == b {
			return chain(parent, a, b), d
		}
		nbrs, es := g.Neighbors(int(u))
		for k, v := range nbrs {
			w := g.Edges[es[k]].Weight
			if w <= 0 || done[v] {
				continue
			}
			if nd := d + 1/w; nd < dist[v] {
				dist[v], parent[v] = nd, u
				h.push(nd, v)
			}
		}
	}
	return nil, math.Inf(1)
}

// chain follows parent links back from b to a and returns a..b.
func chain(parent []int32, a, b int) []int {
	var out []int
	for v := b; v != a; v = int(parent[v]) {
		out = append(out, v)
	}
	out = append(out, a)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// checkNode panics if u is not a node of g.
func checkNode(g *graph.Graph, u int, fn string) {
	if u < 0 || u >= g.Len() {
		panic(fmt.Sprintf("metrics: %s of node %d, not in a graph of %d nodes", fn, u, g.Len()))
	}
}

// NameError is the error of [FindAuthor] when a name matches no author
// or several.
type NameError struct {
	// Name is the name looked for.
	Name string

	// Candidates are the display names of the authors the name matched,
	// sorted, at most [MaxCandidates]; empty when it matched none.
	Candidates []string

	// Matches is the number of authors matched, which may exceed
	// len(Candidates).
	Matches int
}

// MaxCandidates is the most candidates a [NameError] lists.
const MaxCandidates = 10

func (e *NameError) Error() string {
	if e.Matches == 0 {
		return fmt.Sprintf("no author matches %q", e.Name)
	}
	more := ""
	if e.Matches > len(e.Candidates) {
		more = fmt.Sprintf(" and %d more", e.Matches-len(e.Candidates))
	}
	return fmt.Sprintf("%q matches %d authors: %s%s", e.Name, e.Matches,
		strings.Join(e.Candidates, "; "), more)
}

// FindAuthor returns the node of the author a user names. It compares
// identity keys (see corpus.Key), so case, accents and punctuation do
// not matter. An author whose key, display name or merged spelling has
// the key of name matches exactly; failing that, an author whose display
// name or key contains it. One match is the answer; none or several give
// a *[NameError] listing the candidates.
func FindAuthor(g *graph.Graph, name string) (int, error) {
	key := corpus.Key(name)
	if key == "" {
		return -1, &NameError{Name: name}
	}
	var exact, partial []int
	for u, a := range g.Authors {
		nameKey := corpus.Key(a.Name)
		switch {
		case a.Key == key || nameKey == key || hasVariantKey(a.Variants, key):
			exact = append(exact, u)
		case strings.Contains(nameKey, key) || strings.Contains(a.Key, key):
			partial = append(partial, u)
		}
	}
	found := exact
	if len(found) == 0 {
		found = partial
	}
	if len(found) == 1 {
		return found[0], nil
	}
	e := &NameError{Name: name, Matches: len(found)}
	for _, u := range found {
		e.Candidates = append(e.Candidates, g.Authors[u].Name)
	}
	sort.Strings(e.Candidates)
	if len(e.Candidates) > MaxCandidates {
		e.Candidates = e.Candidates[:MaxCandidates]
	}
	return -1, e
}

// hasVariantKey reports whether one of the spellings has the given key.
func hasVariantKey(variants []string, key string) bool {
	for _, v := range variants {
		if corpus.Key(v) == key {
			return true
		}
	}
	return false
}
