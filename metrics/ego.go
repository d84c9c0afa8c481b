package metrics

import (
	"sort"
	"strings"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// EgoShare is the share of the other authors one author must be tied to
// for the graph to be read as that author's ego network: a profile page
// or a personal bibliography, rather than a field.
const EgoShare = 0.5

// DefaultDormantYears is the number of years without a joint paper after
// which a tie counts as dormant when [EgoOptions] gives none.
const DefaultDormantYears = 3

// DetectEgo returns the author the graph is centred on and the share of
// the other authors that author is tied to (degree / (n-1); 0 when the
// graph has fewer than two authors). When owner is not "" and an author
// has its identity key (corpus.Key), that author is the ego; otherwise
// the ego is the author with the most co-authors, ties going to the
// greater strength, then the lower node id. It returns -1 and 0 for an
// empty graph. A share of at least [EgoShare] means the graph is one
// author's collaborations seen from that author.
func DetectEgo(g *graph.Graph, owner string) (ego int, adjacentShare float64) {
	n := g.Len()
	if n == 0 {
		return -1, 0
	}
	ego = -1
	if owner != "" {
		key := corpus.Key(owner)
		for u, a := range g.Authors {
			if a.Key == key {
				ego = u
				break
			}
		}
	}
	if ego < 0 {
		ego = 0
		for u := 1; u < n; u++ {
			du, de := g.Degree(u), g.Degree(ego)
			if du > de || du == de && g.Strength(u) > g.Strength(ego) {
				ego = u
			}
		}
	}
	if n < 2 {
		return ego, 0
	}
	return ego, float64(g.Degree(ego)) / float64(n-1)
}

// YearCount is a count for one year.
type YearCount struct {
	Year, Count int
}

// Tie is the collaboration of the ego with one co-author over time.
type Tie struct {
	Alter  int     // node id of the co-author
	Papers int     // joint papers
	Weight float64 // tie strength under the graph's counting scheme

	// FirstYear and LastYear are the years of the first and the last
	// joint paper with a known year; zero when no joint paper has one.
	FirstYear, LastYear int

	// PerYear counts the joint papers of each year, by increasing year;
	// papers without a year are left out.
	PerYear []YearCount
}

// Ties returns the ego's tie to each co-author with its papers over
// time, sorted by decreasing joint papers, then decreasing weight, then
// increasing node id. On a graph without papers (read from a graph
// file) Papers is the edge's joint count and the years are zero. Ties
// panics if ego is not a node of g.
func Ties(g *graph.Graph, ego int) []Tie {
	checkNode(g, ego, "Ties")
	nbrs, es := g.Neighbors(ego)
	ties := make([]Tie, 0, len(nbrs))
	for k, v := range nbrs {
		e := g.Edges[es[k]]
		t := Tie{Alter: int(v), Papers: int(e.Joint), Weight: e.Weight}
		papers := g.EdgePapers(int(es[k]))
		if papers != nil {
			t.Papers = len(papers)
		}
		per := map[int]int{}
		for _, i := range papers {
			if y := g.Papers[i].Year; y != 0 {
				per[y]++
			}
		}
		t.PerYear = yearCounts(per)
		if len(t.PerYear) > 0 {
			t.FirstYear = t.PerYear[0].Year
			t.LastYear = t.PerYear[len(t.PerYear)-1].Year
		}
		ties = append(ties, t)
	}
	sort.SliceStable(ties, func(i, j int) bool {
		if ties[i].Papers != ties[j].Papers {
			return ties[i].Papers > ties[j].Papers
		}
		return ties[i].Weight > ties[j].Weight
	})
	return ties
}

// NewPerYear returns the number of co-authors first met in each year
// (the FirstYear of their tie), by increasing year. Ties without a year
// are not counted.
func NewPerYear(ties []Tie) []YearCount {
	per := map[int]int{}
	for _, t := range ties {
		if t.FirstYear != 0 {
			per[t.FirstYear]++
		}
	}
	return yearCounts(per)
}

// Dormant returns the ties not renewed for the given number of years:
// those whose last joint paper is from asOfYear - years or earlier, in
// the order given. Ties without a year are never dormant.
func Dormant(ties []Tie, asOfYear, years int) []Tie {
	var out []Tie
	for _, t := range ties {
		if t.LastYear != 0 && t.LastYear <= asOfYear-years {
			out = append(out, t)
		}
	}
	return out
}

// PapersPerYear returns the number of papers of author u in each year,
// by increasing year; papers without a year are left out.
func PapersPerYear(g *graph.Graph, u int) []YearCount {
	per := map[int]int{}
	for _, p := range g.Papers {
		if p.Year != 0 && contains32(p.Authors, int32(u)) {
			per[p.Year]++
		}
	}
	return yearCounts(per)
}

// yearCounts returns the map as a slice sorted by year.
func yearCounts(per map[int]int) []YearCount {
	out := make([]YearCount, 0, len(per))
	for y, c := range per {
		out = append(out, YearCount{y, c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// contains32 reports whether xs holds x.
func contains32(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Circle is a group of the ego's co-authors who work with one another:
// a community of the co-authors' graph once the ego is removed.
type Circle struct {
	// Members are node ids of the graph, by decreasing strength within
	// the co-authors' graph (ties among co-authors only), then by name.
	Members []int

	// Name is the names of up to three leading members, joined by ", ".
	Name string

	// Topic is the topic most of the ego's papers with the members
	// fall in, ties going to the lower topic; -1 without topics.
	// Labels are up to three of its terms.
	Topic  int
	Labels []string

	// Papers is the number of the ego's papers with at least one member.
	Papers int

	// Component is the connected component of the co-authors' graph the
	// circle lies in; components are numbered from 0 by decreasing size,
	// ties going to the component holding the lower node id.
	Component int
}

// EgoOptions are the settings of [NewEgoView]. The zero value means the
// defaults.
type EgoOptions struct {
	// Resolution is the modularity resolution of the circles' community
	// detection; zero means 1.
	Resolution float64

	// Seed seeds the circles' community detection (see [Louvain]).
	Seed uint64

	// Topics, when not nil, is the topic clustering of the graph's
	// papers, used to label the circles.
	Topics *Topics

	// AsOfYear is the year dormant ties are counted back from; zero
	// means the latest year of the graph's papers.
	AsOfYear int

	// DormantYears is how many years without a joint paper make a tie
	// dormant; zero means [DefaultDormantYears].
	DormantYears int
}

// EgoView is one author's collaborations seen from that author.
type EgoView struct {
	Ego int // node id of the ego

	// AdjacentShare is the share of the other authors tied to the ego.
	AdjacentShare float64

	// Circles are the communities of the co-authors' graph (the ego's
	// co-authors and the ties among them) with at least two members, by
	// decreasing size, then by the smallest member name.
	Circles []Circle

	// Solo are the co-authors tied to no other co-author, by
	// decreasing tie strength to the ego, then node id.
	Solo []int

	// EffectiveSize, Efficiency and Constraint are the ego's brokerage
	// measures (see [Brokerage]); NaN when the ego has no co-author.
	EffectiveSize, Efficiency, Constraint float64

	// Brokered are the pairs of co-authors only the ego connects,
	// strongest first (see [BrokeredPairs]).
	Brokered [][2]int

	// Ties are the ego's ties over time (see [Ties]); Dormant those not
	// renewed for DormantYears years before AsOfYear (see [Dormant]).
	Ties    []Tie
	Dormant []Tie

	// Papers counts the ego's papers per year; New the co-authors first
	// met per year (see [NewPerYear]).
	Papers []YearCount
	New    []YearCount

	AsOfYear, DormantYears int
}

// NewEgoView returns the view of g from ego: its circles, brokerage,
// ties over time and dormant ties. NewEgoView panics if ego is not a
// node of g.
func NewEgoView(g *graph.Graph, ego int, opt EgoOptions) *EgoView {
	checkNode(g, ego, "NewEgoView")
	if opt.Resolution == 0 {
		opt.Resolution = 1
	}
	if opt.DormantYears == 0 {
		opt.DormantYears = DefaultDormantYears
	}
	if opt.AsOfYear == 0 {
		for _, p := range g.Papers {
			opt.AsOfYear = max(opt.AsOfYear, p.Year)
		}
	}
	v := &EgoView{Ego: ego, AsOfYear: opt.AsOfYear, DormantYears: opt.DormantYears}
	if n := g.Len(); n > 1 {
		v.AdjacentShare = float64(g.Degree(ego)) / float64(n-1)
	}

	eff, effic, con := Brokerage(g)
	v.EffectiveSize, v.Efficiency, v.Constraint = eff[ego], effic[ego], con[ego]
	v.Brokered = BrokeredPairs(g, ego)
	v.Ties = Ties(g, ego)
	v.Dormant = Dormant(v.Ties, opt.AsOfYear, opt.DormantYears)
	v.Papers = PapersPerYear(g, ego)
	v.New = NewPerYear(v.Ties)
	v.Circles, v.Solo = circles(g, ego, opt)
	return v
}

// circles finds the communities of ego's co-authors with ego removed.
func circles(g *graph.Graph, ego int, opt EgoOptions) ([]Circle, []int) {
	sub, ids := alterGraph(g, ego)
	part := Louvain(sub, opt.Resolution, opt.Seed)
	comp, _ := Components(sub)

	groups := make([][]int, len(part.Sizes))
	for s, c := range part.Of {
		groups[c] = append(groups[c], s)
	}
	var out []Circle
	var solo []int
	for _, grp := range groups {
		if len(grp) == 1 && sub.Degree(grp[0]) == 0 {
			solo = append(solo, ids[grp[0]])
			continue
		}
		sort.SliceStable(grp, func(i, j int) bool {
			si, sj := sub.Strength(grp[i]), sub.Strength(grp[j])
			if si != sj {
				return si > sj
			}
			return sub.Authors[grp[i]].Name < sub.Authors[grp[j]].Name
		})
		c := Circle{Topic: -1, Component: comp[grp[0]]}
		var names []string
		for k, s := range grp {
			c.Members = append(c.Members, ids[s])
			if k < 3 {
				names = append(names, sub.Authors[s].Name)
			}
		}
		c.Name = strings.Join(names, ", ")
		circleTopic(g, ego, &c, opt.Topics)
		out = append(out, c)
	}

	// Louvain numbers communities by size, then smallest member name,
	// so out is already in the documented order.
	sort.SliceStable(solo, func(i, j int) bool {
		wi := g.Edges[g.EdgeID(ego, solo[i])].Weight
		wj := g.Edges[g.EdgeID(ego, solo[j])].Weight
		return wi > wj
	})
	return out, solo
}

// alterGraph returns the graph of ego's co-authors and the ties among
// them, and the node id in g of each of its nodes.
func alterGraph(g *graph.Graph, ego int) (*graph.Graph, []int) {
	nbrs, _ := g.Neighbors(ego)
	ids := make([]int, len(nbrs))
	index := make(map[int32]int32, len(nbrs))
	authors := make([]graph.Author, len(nbrs))
	for i, v := range nbrs {
		ids[i] = int(v)
		index[v] = int32(i)
		authors[i] = g.Authors[v]
	}
	var edges []graph.Edge
	for i, v := range nbrs {
		vn, ve := g.Neighbors(int(v))
		for k, x := range vn {
			j, ok := index[x]
			if ok && int32(i) < j {
				e := g.Edges[ve[k]]
				edges = append(edges, graph.Edge{U: int32(i), V: j, Weight: e.Weight, Joint: e.Joint})
			}
		}
	}
	sub, _, _ := graph.New(authors, edges)
	return sub, ids
}

// circleTopic sets the papers and topic of c from the ego's papers with
// its members.
func circleTopic(g *graph.Graph, ego int, c *Circle, t *Topics) {
	member := make(map[int32]bool, len(c.Members))
	for _, u := range c.Members {
		member[int32(u)] = true
	}
	count := map[int]int{}
	for i, p := range g.Papers {
		if !contains32(p.Authors, int32(ego)) {
			continue
		}
		hit := false
		for _, a := range p.Authors {
			hit = hit || member[a]
		}
		if !hit {
			continue
		}
		c.Papers++
		if t != nil && i < len(t.Paper) && t.Paper[i] >= 0 {
			count[t.Paper[i]]++
		}
	}
	best := -1
	for topic, n := range count {
		if best < 0 || n > count[best] || n == count[best] && topic < best {
			best = topic
		}
	}
	c.Topic = best
	if best >= 0 && best < len(t.Labels) {
		c.Labels = t.Labels[best]
		if len(c.Labels) > 3 {
			c.Labels = c.Labels[:3]
		}
	}
}
