package metrics

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sort"

	"github.com/coauthor/coauthor/graph"
)

// LeidenOptions are the settings of [Leiden]. The zero value asks for
// modularity at resolution 1, seed 0, iterated until stable.
type LeidenOptions struct {
	// Quality is the function optimised: "modularity" (the default when
	// empty) or "cpm", the constant Potts model.
	Quality string

	// Resolution is γ in the quality function; 0 means 1. Larger values
	// give more, smaller communities. It must not be negative.
	Resolution float64

	// Seed seeds the PCG source that orders the nodes and draws the
	// merges of the refinement phase.
	Seed uint64

	// Iterations is the number of times the algorithm is run, each run
	// starting from the partition the previous one found. 0 means until
	// a run moves no node (at most maxLeidenIterations runs). Later runs
	// add little: on a generated graph of 100,000 nodes and 700,000
	// edges one run took 0.3 s (Q 0.9026), two 0.6 s (0.9026) and
	// running until stable 7 s (0.9028). leidenalg's default is 2.
	Iterations int

	// Theta is the randomness θ of the refinement phase; 0 means 0.01,
	// the value of Traag et al. A negative value selects the
	// deterministic greedy refinement: each node joins the community
	// with the largest gain, the first in neighbour order on ties.
	Theta float64
}

// maxLeidenIterations bounds the runs of [Leiden] when
// LeidenOptions.Iterations is 0.
const maxLeidenIterations = 100

// leidenSource is the second word of the PCG state used by [Leiden].
const leidenSource = 0x6c656964656e2121

// Leiden returns the communities of g found by the Leiden algorithm,
// which improves on Louvain by guaranteeing that every community is
// connected. The same graph and options give the same partition.
//
// Each run repeats three phases until the fast local moving phase leaves
// every node of the current graph in a community of its own:
//
//   - fast local moving: nodes taken from a queue, initially all nodes in
//     random order, move to the neighbouring (or an empty) community with
//     the largest strictly positive gain; the neighbours of a node that
//     moved, outside its new community, are queued again;
//   - refinement: inside each community, starting from singletons, every
//     node still alone and well connected to the rest of its community
//     joins, with probability proportional to exp(ΔH/θ), one of the
//     well-connected refined communities, or stays, among the choices
//     with ΔH >= 0; ΔH is measured in units of edge weight (for
//     modularity, ΔH = ΔQ·W, W the total edge weight), so that θ = 0.01
//     makes the choice nearly greedy on unit-weight graphs. Refined
//     communities are therefore connected;
//   - aggregation: the refined communities become the nodes of the next
//     graph (compressed rows again, summed weights), starting in the
//     community of the unrefined partition that holds them. If the
//     refinement merged nothing, the unrefined partition is aggregated.
//
// With Quality "modularity" the quality is Newman's modularity at
// resolution γ (see [Modularity]) and Q is that modularity. With "cpm"
// every node has weight 1 (an author's paper count is not used) and the
// quality is
//
//	H = sum_c [ W_c - γ n_c (n_c - 1) / 2 ]
//
// with W_c the weight of the edges inside c and n_c its number of
// members; Q is then H (see [CPM]). Each pass of the local moving and the
// refinement phases, and each aggregation, takes O(n + m) time.
//
// Communities are numbered from 0 by decreasing size, ties broken by the
// smallest member name, as [Louvain] numbers them. An isolated author is
// a community of its own. Method is "leiden", Quality the quality
// function used, Resolution the γ used.
//
// Leiden panics if the quality is unknown, the resolution negative or an
// edge weight negative or not finite.
//
// Reference: V. A. Traag, L. Waltman and N. J. van Eck, From Louvain to
// Leiden: guaranteeing well-connected communities, Sci. Rep. 9, 5233,
// 2019, doi:10.1038/s41598-019-41695-z.
func Leiden(g *graph.Graph, opt LeidenOptions) *Partition {
	quality := opt.Quality
	if quality == "" {
		quality = "modularity"
	}
	if quality != "modularity" && quality != "cpm" {
		panic("metrics: unknown Leiden quality " + quality)
	}
	gamma := opt.Resolution
	if gamma == 0 {
		gamma = 1
	}
	if gamma < 0 || math.IsNaN(gamma) {
		panic("metrics: negative Leiden resolution")
	}
	theta := opt.Theta
	if theta == 0 {
		theta = 0.01
	}
	iterations := opt.Iterations
	if iterations <= 0 {
		iterations = maxLeidenIterations
	}

	lg := levelFromGraph(g, quality == "cpm")
	scale := gamma // γ' of the gains: γ for CPM, γ/2W for modularity
	if quality == "modularity" {
		total := 0.0
		for _, x := range lg.nw {
			total += x
		}
		if total > 0 {
			scale = gamma / total
		}
	}
	l := &leiden{scale: scale, theta: theta, rng: rand.New(rand.NewPCG(opt.Seed, leidenSource))}
	of := make([]int32, g.Len())
	for u := range of {
		of[u] = int32(u)
	}
	for range iterations {
		var changed bool
		of, changed = l.run(lg, of)
		if !changed {
			break
		}
	}

	p := &Partition{Resolution: gamma, Seed: opt.Seed, Method: "leiden", Quality: quality}
	p.Of, p.Sizes = numberCommunities(g, groupsOf(of))
	if quality == "cpm" {
		p.Q = CPM(g, p.Of, gamma)
	} else {
		p.Q = Modularity(g, p.Of, gamma)
	}
	return p
}

// CPM returns the constant Potts model quality of the partition of g in
// which node u belongs to community of[u], with every node of weight 1:
//
//	H = sum_c [ W_c - γ n_c (n_c - 1) / 2 ]
//
// where W_c is the weight of the edges inside c and n_c the number of its
// members. On unit weights it counts, inside each community, the edges
// minus γ times the pairs of members. Community numbers must be
// non-negative; they need not be contiguous.
//
// CPM panics if len(of) is not g.Len() or a community number is negative.
//
// Reference: V. A. Traag, P. Van Dooren and Y. Nesterov, Narrow scope for
// resolution-limit-free community detection, Phys. Rev. E 84, 016114,
// 2011, doi:10.1103/PhysRevE.84.016114.
func CPM(g *graph.Graph, of []int, resolution float64) float64 {
	if len(of) != g.Len() {
		panic("metrics: partition length does not match the graph")
	}
	k := 0
	for _, c := range of {
		if c < 0 {
			panic("metrics: negative community number")
		}
		k = max(k, c+1)
	}
	inside := make([]float64, k)
	size := make([]float64, k)
	for _, c := range of {
		size[c]++
	}
	for _, e := range g.Edges {
		if of[e.U] == of[e.V] {
			inside[of[e.U]] += e.Weight
		}
	}
	h := 0.0
	for c := range inside {
		h += inside[c] - resolution*size[c]*(size[c]-1)/2
	}
	return h
}

// level is the graph one level of the Leiden algorithm works on, in
// compressed rows: node u's neighbours are adj[off[u]:off[u+1]] with
// weights w[off[u]:off[u+1]]. Self-loops are not stored: they matter
// only through the node weights nw (strengths for modularity, member
// counts for CPM).
type level struct {
	off []int
	adj []int32
	w   []float64
	nw  []float64
}

func (lg *level) len() int { return len(lg.nw) }

// levelFromGraph copies g's compressed rows into a level.
func levelFromGraph(g *graph.Graph, unit bool) *level {
	n := g.Len()
	lg := &level{off: make([]int, n+1), nw: make([]float64, n)}
	// Checking each edge once, in order, is cheaper than checking each
	// of its two entries in the rows.
	for _, e := range g.Edges {
		if x := e.Weight; !(x >= 0 && x <= math.MaxFloat64) {
			panic("metrics: negative or non-finite edge weight")
		}
	}
	for u := range n {
		lg.off[u+1] = lg.off[u] + g.Degree(u)
	}
	lg.adj = make([]int32, lg.off[n])
	lg.w = make([]float64, lg.off[n])
	halves(lg.off, func(lo, hi int) {
		for u := lo; u < hi; u++ {
			nbrs, eids := g.Neighbors(u)
			row := lg.w[lg.off[u]:lg.off[u+1]]
			copy(lg.adj[lg.off[u]:], nbrs)
			s := 0.0
			for i, e := range eids {
				x := g.Edges[e].Weight
				row[i] = x
				s += x
			}
			lg.nw[u] = s
			if unit {
				lg.nw[u] = 1
			}
		}
	})
	return lg
}

// leiden holds the settings and scratch space of one Leiden run.
type leiden struct {
	scale float64 // γ' in the gain k_{v,C} - γ' nw_v NW_C
	theta float64
	rng   *rand.Rand

	touched []int32 // communities met among the current node's neighbours
}

// moveComm is what the local moving phase keeps of a community. The
// fields read together for each neighbouring community share a cache
// line, which matters on graphs far larger than the cache.
type moveComm struct {
	acc    float64 // weight from the current node, or -1 when not touched
	weight float64 // NW_C
}

// Edge weights are never negative, so an acc of -1 in moveComm and
// refineComm marks a community not yet met among the current node's
// neighbours, without a separate array of flags to read.

// perm returns the nodes 0..n-1 in the order of l.rng.Perm(n), drawing
// the same numbers, as int32.
func (l *leiden) perm(n int) []int32 {
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	l.rng.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// TODO: run allocates its queues, refinement arrays and aggregate graphs
// afresh; reusing them across runs and levels would cut the memory
// churn of many iterations (about 50 MB per run at 700,000 edges).

// run performs one run of the algorithm on lg0 from the partition of
// (node u in community of[u], numbers below lg0.len()) and returns the
// partition found, and whether any node moved.
func (l *leiden) run(lg0 *level, of []int32) ([]int32, bool) {
	lg := lg0
	part := compact(of)
	member := make([]int32, lg0.len()) // node of lg holding each node of lg0
	for u := range member {
		member[u] = int32(u)
	}
	changed := false
	for {
		if l.moveNodes(lg, part) {
			changed = true
		}
		part = compact(part)
		k := countCommunities(part)
		if k == lg.len() {
			break
		}
		refined := compact(l.refine(lg, part))
		if countCommunities(refined) == lg.len() {
			refined = part
		}
		next, nextPart := aggregate(lg, refined, part)
		for u, x := range member {
			member[u] = refined[x]
		}
		lg, part = next, nextPart
	}
	out := make([]int32, len(member))
	for u, x := range member {
		out[u] = part[x]
	}
	return out, changed
}

// moveNodes is the fast local moving phase: it moves nodes of lg between
// the communities of comm (numbers below lg.len(), changed in place)
// while some move raises the quality, and reports whether any node moved.
func (l *leiden) moveNodes(lg *level, comm []int32) bool {
	n := lg.len()
	cs := make([]moveComm, n)
	count := make([]int32, n)
	for u, c := range comm {
		cs[c].weight += lg.nw[u]
		count[c]++
	}
	for c := range cs {
		cs[c].acc = -1
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if count[c] == 0 {
			empty = append(empty, int32(c))
		}
	}

	// The queue is a ring of capacity n: a node is in it at most once.
	queue := l.perm(n)
	queued := make([]bool, n)
	for i := range queued {
		queued[i] = true
	}
	off, adj, w := lg.off, lg.adj, lg.w
	touched := l.touched[:0]
	head, size := 0, n
	moved := false
	for size > 0 {
		v := queue[head]
		head++
		if head == n {
			head = 0
		}
		size--
		queued[v] = false

		// Sum the weight from v to each neighbouring community, in
		// neighbour order.
		own := comm[v]
		nv := lg.nw[v]
		row := adj[off[v]:off[v+1]]
		rw := w[off[v]:off[v+1]]
		rw = rw[:len(row)]
		touched = touched[:0]
		for i, u := range row {
			c := comm[u]
			p := &cs[c]
			a := p.acc
			if a < 0 {
				touched = append(touched, c)
				a = 0
			}
			p.acc = a + rw[i]
		}

		accOwn := max(cs[own].acc, 0)
		bestGain := accOwn - l.scale*nv*(cs[own].weight-nv)
		best := own
		for _, c := range touched {
			if c == own {
				continue
			}
			p := &cs[c]
			if gain := p.acc - l.scale*nv*p.weight; better(gain, bestGain) {
				best, bestGain = c, gain
			}
		}
		if count[own] > 1 && better(0, bestGain) {
			best = empty[len(empty)-1]
		}
		for _, c := range touched {
			cs[c].acc = -1
		}
		if best == own {
			continue
		}

		// Move v and queue its neighbours outside its new community.
		if len(empty) > 0 && best == empty[len(empty)-1] {
			empty = empty[:len(empty)-1]
		}
		cs[own].weight -= nv
		count[own]--
		if count[own] == 0 {
			empty = append(empty, own)
		}
		cs[best].weight += nv
		count[best]++
		comm[v] = best
		moved = true
		for _, u := range row {
			if comm[u] != best && !queued[u] {
				t := head + size
				if t >= n {
					t -= n
				}
				queue[t] = u
				size++
				queued[u] = true
			}
		}
	}
	l.touched = touched
	return moved
}

// better reports whether gain a beats gain b by more than rounding.
func better(a, b float64) bool {
	return a-b > 1e-12*(math.Abs(a)+math.Abs(b))
}

// refineNode is what the refinement phase keeps of a node: its community
// in the partition refined and its refined community, read together for
// every neighbour.
type refineNode struct {
	part, ref int32
}

// refineComm is what the refinement phase keeps of a refined community,
// the fields read together for each neighbouring one.
type refineComm struct {
	acc    float64 // weight from the current node, or -1 when not touched
	weight float64 // ||C||
	cut    float64 // E(C, S - C), S the community of part holding C
	count  int32
}

// refine is the refinement phase: it returns a partition of lg's nodes
// (numbers below lg.len()) that splits each community of part into
// connected, well-connected subcommunities, merging singletons as
// Traag et al.'s MergeNodesSubset does.
func (l *leiden) refine(lg *level, part []int32) []int32 {
	n := lg.len()
	off, adj, w := lg.off, lg.adj, lg.w
	nodes := make([]refineNode, n)
	cs := make([]refineComm, n)
	total := make([]float64, n) // ||S|| of each community of part
	for u := range n {
		nodes[u] = refineNode{part: part[u], ref: int32(u)}
		total[part[u]] += lg.nw[u]
	}
	halves(off, func(lo, hi int) {
		for u := lo; u < hi; u++ {
			s := nodes[u].part
			cut := 0.0
			row := adj[off[u]:off[u+1]]
			rw := w[off[u]:off[u+1]]
			rw = rw[:len(row)]
			for i, x := range row {
				if nodes[x].part == s {
					cut += rw[i]
				}
			}
			cs[u] = refineComm{acc: -1, weight: lg.nw[u], cut: cut, count: 1}
		}
	})

	var choices []int32
	var probs []float64
	touched := l.touched[:0]
	for _, v := range l.perm(n) {
		s := nodes[v].part
		rv := nodes[v].ref
		nv := lg.nw[v]
		// Only a node still alone and well connected to S moves.
		if cs[rv].count != 1 || cs[v].cut < l.scale*nv*(total[s]-nv) {
			continue
		}
		row := adj[off[v]:off[v+1]]
		rw := w[off[v]:off[v+1]]
		rw = rw[:len(row)]
		touched = touched[:0]
		for i, u := range row {
			nu := nodes[u]
			if nu.part != s {
				continue
			}
			p := &cs[nu.ref]
			a := p.acc
			if a < 0 {
				touched = append(touched, nu.ref)
				a = 0
			}
			p.acc = a + rw[i]
		}
		choices, probs = append(choices[:0], rv), append(probs[:0], 0)
		ts := total[s]
		for _, c := range touched {
			p := &cs[c]
			if c == rv || p.cut < l.scale*p.weight*(ts-p.weight) {
				continue
			}
			if gain := p.acc - l.scale*nv*p.weight; gain >= 0 {
				choices = append(choices, c)
				probs = append(probs, gain)
			}
		}
		c := l.choose(choices, probs)
		if c != v {
			p := &cs[c]
			p.weight += nv
			p.cut += cs[v].cut - 2*p.acc
			p.count++
			cs[v].count = 0
			nodes[v].ref = c
		}
		for _, c := range touched {
			cs[c].acc = -1
		}
	}
	l.touched = touched
	ref := make([]int32, n)
	for u := range ref {
		ref[u] = nodes[u].ref
	}
	return ref
}

// choose picks one of choices with probability proportional to
// exp(gain/θ), or the first with the largest gain when θ < 0.
func (l *leiden) choose(choices []int32, gains []float64) int32 {
	top := 0
	for i := range gains {
		if gains[i] > gains[top] {
			top = i
		}
	}
	if l.theta < 0 || len(choices) == 1 {
		return choices[top]
	}
	sum := 0.0
	for i := range gains {
		gains[i] = math.Exp((gains[i] - gains[top]) / l.theta)
		sum += gains[i]
	}
	r := l.rng.Float64() * sum
	for i := range gains {
		r -= gains[i]
		if r < 0 {
			return choices[i]
		}
	}
	return choices[top]
}

// splitEntries is the number of row entries from which the passes over
// all the rows of a level, and [aggregate], work on two halves of the
// rows on two goroutines. It is a variable so that the tests can take
// both ways on small graphs.
var splitEntries = 1 << 18

// halves calls f(lo, hi) for the ranges of rows 0..len(off)-2 (row u
// holding entries off[u]:off[u+1]): once for all of them on a small
// graph or a single processor, else for two ranges holding about half
// the entries each, concurrently. f must write only to its own rows.
func halves(off []int, f func(lo, hi int)) {
	n := len(off) - 1
	if off[n] < splitEntries || runtime.GOMAXPROCS(0) < 2 {
		f(0, n)
		return
	}
	mid := sort.SearchInts(off, off[n]/2)
	done := make(chan struct{})
	go func() {
		f(mid, n)
		close(done)
	}()
	f(0, mid)
	<-done
}

// aggregate returns the graph whose nodes are the communities of ref
// (numbered 0..k-1) and the partition of its nodes induced by part.
func aggregate(lg *level, ref, part []int32) (*level, []int32) {
	k := countCommunities(ref)
	start := make([]int, k+1)
	for _, c := range ref {
		start[c+1]++
	}
	for c := range k {
		start[c+1] += start[c]
	}
	order := make([]int32, lg.len())
	pos := append([]int(nil), start[:k]...)
	for u, c := range ref {
		order[pos[c]] = int32(u)
		pos[c]++
	}

	next := &level{off: make([]int, k+1), nw: make([]float64, k)}
	nextPart := make([]int32, k)
	a := aggregator{lg: lg, ref: ref, part: part, order: order, start: start, next: next, nextPart: nextPart}
	if len(lg.adj) < splitEntries || runtime.GOMAXPROCS(0) < 2 {
		next.adj, next.w = a.rows(0, k)
		return next, nextPart
	}

	// The rows of the communities are independent: split them where the
	// first half holds about half the entries of the current graph, and
	// join the halves. The result is the same as in one piece.
	mid, entries := 0, 0
	for mid < k && 2*entries < len(lg.adj) {
		for _, u := range order[start[mid]:start[mid+1]] {
			entries += lg.off[u+1] - lg.off[u]
		}
		mid++
	}
	var adj2 []int32
	var w2 []float64
	done := make(chan struct{})
	go func() {
		adj2, w2 = a.rows(mid, k)
		close(done)
	}()
	adj1, w1 := a.rows(0, mid)
	<-done
	base := len(adj1)
	for c := mid; c < k; c++ {
		next.off[c+1] += base
	}
	next.adj = append(adj1, adj2...)
	next.w = append(w1, w2...)
	return next, nextPart
}

// aggregator holds what [aggregate] builds the rows of the next graph
// from.
type aggregator struct {
	lg        *level
	ref, part []int32
	order     []int32 // nodes of lg by community of ref
	start     []int   // community c's nodes are order[start[c]:start[c+1]]
	next      *level
	nextPart  []int32
}

// rows builds the rows of communities lo..hi-1 of the next graph: it
// sets their node weights, partition and row ends in a.next (the ends
// counted from the first of these rows) and returns their entries.
func (a *aggregator) rows(lo, hi int) ([]int32, []float64) {
	lg, ref, part, next := a.lg, a.ref, a.part, a.next
	// slot is the position of a community in the current row, or -1;
	// relative to the row, it fits in an int32, half the cache of an int.
	slot := make([]int32, len(next.nw))
	for c := range slot {
		slot[c] = -1
	}
	off, adj, w := lg.off, lg.adj, lg.w
	var nadj []int32
	var nw []float64
	for c := lo; c < hi; c++ {
		row := len(nadj)
		x := 0.0
		for _, u := range a.order[a.start[c]:a.start[c+1]] {
			x += lg.nw[u]
			a.nextPart[c] = part[u]
			ur := adj[off[u]:off[u+1]]
			uw := w[off[u]:off[u+1]]
			uw = uw[:len(ur)]
			for i, v := range ur {
				d := ref[v]
				if int(d) == c {
					continue
				}
				if j := slot[d]; j >= 0 {
					nw[row+int(j)] += uw[i]
					continue
				}
				slot[d] = int32(len(nadj) - row)
				nadj = append(nadj, d)
				nw = append(nw, uw[i])
			}
		}
		next.nw[c] = x
		for _, d := range nadj[row:] {
			slot[d] = -1
		}
		next.off[c+1] = len(nadj)
	}
	return nadj, nw
}

// compact renumbers the communities of of as 0, 1, ... in order of first
// appearance, into a new slice.
func compact(of []int32) []int32 {
	index := make([]int32, len(of))
	for i := range index {
		index[i] = -1
	}
	out := make([]int32, len(of))
	k := int32(0)
	for u, c := range of {
		if index[c] < 0 {
			index[c] = k
			k++
		}
		out[u] = index[c]
	}
	return out
}

// countCommunities returns the number of communities of a compact
// partition.
func countCommunities(of []int32) int {
	k := int32(-1)
	for _, c := range of {
		k = max(k, c)
	}
	return int(k + 1)
}
