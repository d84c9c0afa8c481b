package metrics

// This file keeps the Leiden and Louvain implementation as it was before
// the flat-array rewrite, so that the tests can check the rewrite finds
// exactly the same partitions and the benchmarks can time both in one run.

import (
	"math"
	"math/rand/v2"

	"github.com/coauthor/coauthor/graph"
)

func oldLeiden(g *graph.Graph, opt LeidenOptions) *Partition {
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

	lg := oldLevelFromGraph(g, quality == "cpm")
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
	l := &oldLeidenState{scale: scale, theta: theta, rng: rand.New(rand.NewPCG(opt.Seed, leidenSource))}
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

	p := &Partition{Resolution: gamma, Seed: opt.Seed, Method: "oldLeidenState", Quality: quality}
	p.Of, p.Sizes = numberCommunities(g, groupsOf(of))
	if quality == "cpm" {
		p.Q = CPM(g, p.Of, gamma)
	} else {
		p.Q = Modularity(g, p.Of, gamma)
	}
	return p
}

func oldLouvain(g *graph.Graph, resolution float64, seed uint64) *Partition {
	lg := oldLevelFromGraph(g, false)
	total := 0.0
	for _, x := range lg.nw {
		total += x
	}
	scale := 0.0 // γ/2W; the gains do not matter when there are no edges
	if total > 0 {
		scale = resolution / total
	}
	l := &oldLeidenState{scale: scale, rng: rand.New(rand.NewPCG(seed, louvainSource))}
	of := l.louvain(lg)

	p := &Partition{Resolution: resolution, Seed: seed, Method: "louvain"}
	p.Of, p.Sizes = numberCommunities(g, groupsOf(of))
	p.Q = Modularity(g, p.Of, resolution)
	return p
}

func (l *oldLeidenState) louvain(lg0 *oldLevel) []int32 {
	lg := lg0
	member := make([]int32, lg0.len()) // node of lg holding each node of lg0
	for u := range member {
		member[u] = int32(u)
	}
	for {
		part := make([]int32, lg.len())
		for u := range part {
			part[u] = int32(u)
		}
		l.scratch(lg.len())
		l.moveNodes(lg, part)
		part = oldCompact(part)
		if oldCountCommunities(part) == lg.len() {
			return member
		}
		lg, _ = oldAggregate(lg, part, part)
		for u, x := range member {
			member[u] = part[x]
		}
	}
}

type oldLevel struct {
	off []int
	adj []int32
	w   []float64
	nw  []float64
}

func (lg *oldLevel) len() int { return len(lg.nw) }

func oldLevelFromGraph(g *graph.Graph, unit bool) *oldLevel {
	n := g.Len()
	lg := &oldLevel{
		off: make([]int, n+1),
		adj: make([]int32, 0, 2*g.EdgeCount()),
		w:   make([]float64, 0, 2*g.EdgeCount()),
		nw:  make([]float64, n),
	}
	for u := range n {
		nbrs, eids := g.Neighbors(u)
		s := 0.0
		for i, v := range nbrs {
			x := g.Edges[eids[i]].Weight
			if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
				panic("metrics: negative or non-finite edge weight")
			}
			lg.adj = append(lg.adj, v)
			lg.w = append(lg.w, x)
			s += x
		}
		lg.off[u+1] = len(lg.adj)
		lg.nw[u] = s
		if unit {
			lg.nw[u] = 1
		}
	}
	return lg
}

type oldLeidenState struct {
	scale float64 // γ' in the gain k_{v,C} - γ' nw_v NW_C
	theta float64
	rng   *rand.Rand

	acc     []float64 // weight from the current node to each community
	touched []int32   // communities with acc set
	seen    []bool
}

func (l *oldLeidenState) scratch(n int) {
	if len(l.acc) < n {
		l.acc = make([]float64, n)
		l.seen = make([]bool, n)
	}
}

func (l *oldLeidenState) gather(lg *oldLevel, v int, comm []int32, keep func(u int32) bool) {
	l.touched = l.touched[:0]
	for i := lg.off[v]; i < lg.off[v+1]; i++ {
		u := lg.adj[i]
		if keep != nil && !keep(u) {
			continue
		}
		c := comm[u]
		if !l.seen[c] {
			l.seen[c] = true
			l.touched = append(l.touched, c)
		}
		l.acc[c] += lg.w[i]
	}
}

func (l *oldLeidenState) clear() {
	for _, c := range l.touched {
		l.acc[c] = 0
		l.seen[c] = false
	}
	l.touched = l.touched[:0]
}

func (l *oldLeidenState) run(lg0 *oldLevel, of []int32) ([]int32, bool) {
	lg := lg0
	part := oldCompact(of)
	member := make([]int32, lg0.len()) // node of lg holding each node of lg0
	for u := range member {
		member[u] = int32(u)
	}
	changed := false
	for {
		l.scratch(lg.len())
		if l.moveNodes(lg, part) {
			changed = true
		}
		part = oldCompact(part)
		k := oldCountCommunities(part)
		if k == lg.len() {
			break
		}
		refined := oldCompact(l.refine(lg, part))
		if oldCountCommunities(refined) == lg.len() {
			refined = part
		}
		next, nextPart := oldAggregate(lg, refined, part)
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

func (l *oldLeidenState) moveNodes(lg *oldLevel, comm []int32) bool {
	n := lg.len()
	weight := make([]float64, n) // NW_C
	count := make([]int32, n)
	for u, c := range comm {
		weight[c] += lg.nw[u]
		count[c]++
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if count[c] == 0 {
			empty = append(empty, int32(c))
		}
	}

	queue := make([]int32, n)
	for i, u := range l.rng.Perm(n) {
		queue[i] = int32(u)
	}
	queued := make([]bool, n)
	for i := range queued {
		queued[i] = true
	}
	head, size := 0, n
	moved := false
	for size > 0 {
		v := queue[head]
		head = (head + 1) % n
		size--
		queued[v] = false

		own := comm[v]
		nv := lg.nw[v]
		l.gather(lg, int(v), comm, nil)
		bestGain := l.acc[own] - l.scale*nv*(weight[own]-nv)
		best := own
		for _, c := range l.touched {
			if c == own {
				continue
			}
			if gain := l.acc[c] - l.scale*nv*weight[c]; oldBetter(gain, bestGain) {
				best, bestGain = c, gain
			}
		}
		if count[own] > 1 && oldBetter(0, bestGain) {
			best = empty[len(empty)-1]
		}
		l.clear()
		if best == own {
			continue
		}

		if len(empty) > 0 && best == empty[len(empty)-1] {
			empty = empty[:len(empty)-1]
		}
		weight[own] -= nv
		count[own]--
		if count[own] == 0 {
			empty = append(empty, own)
		}
		weight[best] += nv
		count[best]++
		comm[v] = best
		moved = true
		for _, u := range lg.adj[lg.off[v]:lg.off[v+1]] {
			if comm[u] != best && !queued[u] {
				queue[(head+size)%n] = u
				size++
				queued[u] = true
			}
		}
	}
	return moved
}

func oldBetter(a, b float64) bool {
	return a-b > 1e-12*(math.Abs(a)+math.Abs(b))
}

func (l *oldLeidenState) refine(lg *oldLevel, part []int32) []int32 {
	n := lg.len()
	ref := make([]int32, n)
	weight := make([]float64, n) // ||C|| of each refined community
	cut := make([]float64, n)    // E(C, S - C), S the community of part
	count := make([]int32, n)
	total := make([]float64, n) // ||S|| of each community of part
	for u := range n {
		ref[u] = int32(u)
		weight[u] = lg.nw[u]
		count[u] = 1
		total[part[u]] += lg.nw[u]
		for i := lg.off[u]; i < lg.off[u+1]; i++ {
			if part[lg.adj[i]] == part[u] {
				cut[u] += lg.w[i]
			}
		}
	}

	var choices []int32
	var probs []float64
	for _, x := range l.rng.Perm(n) {
		v := int32(x)
		s := part[v]
		nv := lg.nw[v]
		if count[ref[v]] != 1 || cut[v] < l.scale*nv*(total[s]-nv) {
			continue
		}
		l.gather(lg, int(v), ref, func(u int32) bool { return part[u] == s })
		choices, probs = append(choices[:0], ref[v]), append(probs[:0], 0)
		for _, c := range l.touched {
			if c == ref[v] || cut[c] < l.scale*weight[c]*(total[s]-weight[c]) {
				continue
			}
			if gain := l.acc[c] - l.scale*nv*weight[c]; gain >= 0 {
				choices = append(choices, c)
				probs = append(probs, gain)
			}
		}
		c := l.choose(choices, probs)
		if c != v {
			weight[c] += nv
			cut[c] += cut[v] - 2*l.acc[c]
			count[c]++
			count[v] = 0
			ref[v] = c
		}
		l.clear()
	}
	return ref
}

func (l *oldLeidenState) choose(choices []int32, gains []float64) int32 {
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

func oldAggregate(lg *oldLevel, ref, part []int32) (*oldLevel, []int32) {
	k := oldCountCommunities(ref)
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

	next := &oldLevel{off: make([]int, k+1), nw: make([]float64, k)}
	nextPart := make([]int32, k)
	slot := make([]int, k) // position of a community in the current row, or -1
	for c := range slot {
		slot[c] = -1
	}
	for c := range k {
		row := len(next.adj)
		for _, u := range order[start[c]:start[c+1]] {
			next.nw[c] += lg.nw[u]
			nextPart[c] = part[u]
			for i := lg.off[u]; i < lg.off[u+1]; i++ {
				d := ref[lg.adj[i]]
				if int(d) == c {
					continue
				}
				if slot[d] < 0 {
					slot[d] = len(next.adj)
					next.adj = append(next.adj, d)
					next.w = append(next.w, 0)
				}
				next.w[slot[d]] += lg.w[i]
			}
		}
		for _, d := range next.adj[row:] {
			slot[d] = -1
		}
		next.off[c+1] = len(next.adj)
	}
	return next, nextPart
}

func oldCompact(of []int32) []int32 {
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

func oldCountCommunities(of []int32) int {
	k := int32(-1)
	for _, c := range of {
		k = max(k, c)
	}
	return int(k + 1)
}
