package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
)

// WebOptions are the settings of [WebJSON]. The zero value writes no
// positions.
type WebOptions struct {
	// Positions are the layout coordinates of the nodes, indexed by node
	// id, written as x and y. Nil means no layout: x and y are left out
	// and the page lays the graph out itself. Otherwise it must have one
	// entry per node.
	Positions [][2]float64
}

type webNode struct {
	ID           string     `json:"id"`
	Label        string     `json:"label"`
	Key          string     `json:"key"`
	Papers       int        `json:"papers"`
	FirstYear    *int       `json:"first_year,omitempty"`
	LastYear     *int       `json:"last_year,omitempty"`
	Affiliations []string   `json:"affiliations"`
	Degree       int        `json:"degree"`
	Strength     jsonFloat  `json:"strength"`
	Betweenness  *jsonFloat `json:"betweenness,omitempty"`
	Closeness    *jsonFloat `json:"closeness,omitempty"`
	Harmonic     *jsonFloat `json:"harmonic,omitempty"`
	Eigenvector  *jsonFloat `json:"eigenvector,omitempty"`
	PageRank     *jsonFloat `json:"pagerank,omitempty"`
	Core         *int       `json:"core,omitempty"`
	Clustering   *jsonFloat `json:"clustering,omitempty"`
	// Burt's measures, left out for an author without co-authors.
	EffectiveSize *jsonFloat `json:"effective_size,omitempty"`
	Efficiency    *jsonFloat `json:"efficiency,omitempty"`
	Constraint    *jsonFloat `json:"constraint,omitempty"`
	Component     *int       `json:"component,omitempty"`
	Community     *int       `json:"community,omitempty"`
	Topic         *int       `json:"topic,omitempty"`
	TopicLabel    string     `json:"topic_label,omitempty"`
	Color         string     `json:"color"`
	Size          *jsonFloat `json:"size,omitempty"`
	X             *jsonFloat `json:"x,omitempty"`
	Y             *jsonFloat `json:"y,omitempty"`
}

type webLink struct {
	Source   string    `json:"source"`
	Target   string    `json:"target"`
	Weight   jsonFloat `json:"weight"`
	Distance jsonFloat `json:"distance"`
	Joint    int       `json:"joint_papers"`
	Papers   []string  `json:"papers"`
}

type webCommunity struct {
	ID         int      `json:"id"`
	Size       int      `json:"size"`
	Color      string   `json:"color"`
	Members    []string `json:"members"`
	TopTopic   *int     `json:"top_topic,omitempty"`
	TopicLabel string   `json:"topic_label,omitempty"`
}

type webTopic struct {
	ID    int      `json:"id"`
	Size  int      `json:"size"`
	Terms []string `json:"terms"`
}

type webFile struct {
	Nodes       []webNode      `json:"nodes"`
	Links       []webLink      `json:"links"`
	Communities []webCommunity `json:"communities"`
	Topics      []webTopic     `json:"topics"`
}

// WebJSON writes the graph as one JSON document for web drawings with
// sigma.js or d3, indented by two spaces:
//
//	{"nodes": [...], "links": [...], "communities": [...], "topics": [...]}
//
// Nodes come in node id order with the fields id ("n0".., as in
// [GraphML]), label (the name), key, papers, first_year, last_year,
// affiliations (a list), degree, strength, betweenness, closeness,
// harmonic, eigenvector, pagerank, core, clustering, effective_size,
// efficiency and constraint (Burt's; none for an author without
// co-authors), component,
// community, topic, topic_label, color (the community's colour as in
// [GEXF], "#RRGGBB"), size (5 to 50 by PageRank, as in [GEXF]), and x
// and y when opt.Positions is given. Fields whose value is unknown or
// not computed are left out, except degree and strength, which come
// from the graph when no centrality was computed. Links come in
// (source, target) order with source, target (node ids), weight,
// distance (1/weight), joint_papers and papers (a list of paper ids).
// Communities are listed in community order with id, size, color,
// members (the up to 10 of highest PageRank, by name), top_topic and
// topic_label; topics in topic order with id, size (papers) and terms.
// Lists that are empty are written [] rather than null.
//
// Names are written as they are: JSON escapes quotes, backslashes and
// control characters, and <, > and & are not escaped. Numbers are
// written as by [GraphML]; NaN and infinities as null. WebJSON returns
// an error when opt.Positions is given without one entry per node.
func WebJSON(w io.Writer, a *Analysis, opt WebOptions) error {
	if a.Graph == nil {
		return errNoGraph
	}
	g := a.Graph
	if opt.Positions != nil && len(opt.Positions) != g.Len() {
		return fmt.Errorf("export: %d positions for %d nodes", len(opt.Positions), g.Len())
	}
	f := webFile{
		Nodes:       make([]webNode, g.Len()),
		Links:       make([]webLink, len(g.Edges)),
		Communities: webCommunities(a),
		Topics:      webTopics(a),
	}
	sizes := gexfSizes(a)
	for u := range g.Authors {
		n := webNodeOf(a, u)
		if sizes != nil {
			n.Size = webFloat(sizes, u)
		}
		if opt.Positions != nil {
			x, y := jsonFloat(opt.Positions[u][0]), jsonFloat(opt.Positions[u][1])
			n.X, n.Y = &x, &y
		}
		f.Nodes[u] = n
	}
	for e, ed := range g.Edges {
		ps := g.EdgePapers(e)
		ids := make([]string, len(ps))
		for i, p := range ps {
			ids[i] = g.Papers[p].ID
		}
		f.Links[e] = webLink{Source: "n" + strconv.Itoa(int(ed.U)), Target: "n" + strconv.Itoa(int(ed.V)),
			Weight: jsonFloat(ed.Weight), Distance: jsonFloat(1 / ed.Weight), Joint: int(ed.Joint), Papers: ids}
	}
	return writeJSON(w, &f)
}

// webNodeOf returns node u without size and position.
func webNodeOf(a *Analysis, u int) webNode {
	g := a.Graph
	au := &g.Authors[u]
	n := webNode{
		ID: "n" + strconv.Itoa(u), Label: au.Name, Key: au.Key, Papers: au.Papers,
		FirstYear: webYear(au.FirstYear), LastYear: webYear(au.LastYear),
		Affiliations: append([]string{}, au.Affiliations...),
		Degree:       g.Degree(u), Strength: jsonFloat(g.Strength(u)),
		Community: webOpt(a.community(u)), Topic: webOpt(a.authorTopic(u)),
		TopicLabel: a.topicLabel(a.authorTopic(u)),
	}
	r, gr, b := gexfRGB(a.community(u))
	n.Color = fmt.Sprintf("#%02X%02X%02X", r, gr, b)
	if c := a.Centrality; c != nil {
		if u < len(c.Degree) {
			n.Degree = c.Degree[u]
		}
		if s := webFloat(c.Strength, u); s != nil {
			n.Strength = *s
		}
		n.Betweenness, n.Closeness = webFloat(c.Betweenness, u), webFloat(c.Closeness, u)
		n.Harmonic, n.Eigenvector = webFloat(c.Harmonic, u), webFloat(c.Eigenvector, u)
		n.PageRank, n.Clustering = webFloat(c.PageRank, u), webFloat(c.Clustering, u)
		n.Core, n.Component = webInt(c.Core, u), webInt(c.Component, u)
		n.EffectiveSize, n.Efficiency = webDefined(c.EffectiveSize, u), webDefined(c.Efficiency, u)
		n.Constraint = webDefined(c.Constraint, u)
	}
	return n
}

// webDefined is webFloat with NaN, an undefined value, left out too.
func webDefined(v []float64, u int) *jsonFloat {
	if u >= len(v) || math.IsNaN(v[u]) {
		return nil
	}
	return webFloat(v, u)
}

// webCommunities returns the communities of [WebJSON], empty when there
// are none.
func webCommunities(a *Analysis) []webCommunity {
	out := []webCommunity{}
	for c, ms := range a.members() {
		t := a.dominantTopic(ms)
		r, g, b := gexfRGB(c)
		out = append(out, webCommunity{ID: c, Size: a.Communities.Sizes[c],
			Color:   fmt.Sprintf("#%02X%02X%02X", r, g, b),
			Members: append([]string{}, a.names(ms, topMembers)...), TopTopic: webOpt(t),
			TopicLabel: a.topicLabel(t)})
	}
	return out
}

// webTopics returns the topics of [WebJSON], empty when there are none.
func webTopics(a *Analysis) []webTopic {
	out := []webTopic{}
	if a.Topics == nil {
		return out
	}
	for t, terms := range a.Topics.Labels {
		size := 0
		if t < len(a.Topics.Sizes) {
			size = a.Topics.Sizes[t]
		}
		out = append(out, webTopic{ID: t, Size: size, Terms: append([]string{}, terms...)})
	}
	return out
}

// webYear returns a pointer to y, nil when it is zero (unknown).
func webYear(y int) *int {
	if y == 0 {
		return nil
	}
	return &y
}

// webOpt returns a pointer to x, nil when x is negative (none).
func webOpt(x int) *int {
	if x < 0 {
		return nil
	}
	return &x
}

// webInt returns a pointer to v[u], nil when v has no entry for u.
func webInt(v []int, u int) *int {
	if u >= len(v) {
		return nil
	}
	x := v[u]
	return &x
}

// webFloat returns a pointer to v[u], nil when v has no entry for u.
func webFloat(v []float64, u int) *jsonFloat {
	if u >= len(v) {
		return nil
	}
	x := jsonFloat(v[u])
	return &x
}
