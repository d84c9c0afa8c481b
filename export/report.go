package export

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/coauthor/coauthor/metrics"
)

// topAuthors is how many authors each centrality table of the report
// lists; maxCommunities how many communities it lists in full.
const (
	topAuthors     = 10
	maxCommunities = 30
)

// Report writes a Markdown report of the analysis: title, inputs, the
// summary table, the methods used, the ten most central authors by
// degree, strength, betweenness, closeness, eigenvector centrality and
// PageRank, the communities with their members and dominant topic, the
// topics, the graph's notes and a.Warnings. The count of truncated
// author lists is in the summary table; the caller states in a.Warnings
// what it inferred (such as an owner added behind "et al."). Sections whose data is
// missing are left out. Every name and title is escaped for Markdown, so
// it shows as written and never as markup. Numbers are printed to four
// significant digits.
func Report(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	ew := &errWriter{w: w}
	title := "Co-authorship report"
	if a.Owner != "" {
		title += " of " + mdEscape(a.Owner)
	}
	ew.printf("# %s\n", title)

	if len(a.Inputs) > 0 || a.Owner != "" {
		ew.str("\n## Inputs\n\n")
		for _, in := range a.Inputs {
			ew.printf("- %s\n", mdEscape(in))
		}
		if a.Owner != "" {
			ew.printf("\nProfile owner: %s.\n", mdEscape(a.Owner))
		}
	}
	reportSummary(ew, a)
	reportMethods(ew, a)
	reportCentral(ew, a)
	reportCommunities(ew, a)
	reportTopics(ew, a)
	if len(a.Periods) > 0 {
		ew.str("\n")
		if ew.err == nil {
			ew.err = PeriodsMarkdown(ew.w, a.Periods)
		}
	}
	reportList(ew, "Graph notes", a.Graph.Notes)
	reportList(ew, "Warnings", a.Warnings)
	return ew.err
}

// reportSummary writes the summary table.
func reportSummary(ew *errWriter, a *Analysis) {
	s := a.Summary
	diam, wdiam := fmt.Sprint(s.Diameter), num(s.WeightedDiameter)
	if !s.DiameterExact {
		diam, wdiam = "≥ "+diam+" (lower bound)", "≥ "+wdiam+" (lower bound)"
	}
	rows := [][2]string{
		{"papers", fmt.Sprint(s.Papers)},
		{"authors", fmt.Sprint(s.Authors)},
		{"co-authorship ties", fmt.Sprint(s.Edges)},
		{"connected components", fmt.Sprint(s.Components)},
		{"largest component", fmt.Sprintf("%d authors, %d ties", s.LargestComponent, s.LargestComponentEdges)},
		{"density", num(s.Density)},
		{"average clustering", num(s.AverageClustering)},
		{"transitivity", num(s.Transitivity)},
		{"triangles", fmt.Sprint(s.Triangles)},
		{"diameter (hops, largest component)", diam},
		{"weighted diameter (length 1/weight)", wdiam},
		{"communities", fmt.Sprint(s.Communities)},
		{"modularity", num(s.Modularity)},
		{"topics", fmt.Sprint(s.Topics)},
		{"papers with truncated author lists", fmt.Sprint(s.TruncatedPapers)},
		{"records merged into a paper from another source", fmt.Sprint(s.MergedPapers)},
		{"author lists completed from another source", fmt.Sprint(s.CompletedAuthorLists)},
		{"records skipped", fmt.Sprint(s.SkippedRecords)},
	}
	reasons := make([]string, 0, len(s.SkippedReasons))
	for r := range s.SkippedReasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		rows = append(rows, [2]string{"skipped: " + mdEscape(r), fmt.Sprint(s.SkippedReasons[r])})
	}
	ew.str("\n## Summary\n\n| measure | value |\n| --- | ---: |\n")
	for _, r := range rows {
		ew.printf("| %s | %s |\n", r[0], r[1])
	}
}

// reportMethods writes how the graph was built and measured.
func reportMethods(ew *errWriter, a *Analysis) {
	set := a.Settings
	b := set.Build
	ew.str("\n## Methods\n\n")
	switch {
	case a.Papers == nil && len(a.Graph.Papers) == 0:
		ew.str("- The graph was read from a file made by another tool: its nodes, ties and weights are taken " +
			"as given (see the graph notes for duplicates and self-loops); there are no papers, so no " +
			"counting scheme, filters or topics apply.\n")
	case b.Counting.String() == "fractional":
		ew.printf("- Nodes are authors, merged by identity; a tie joins two authors who share a paper.\n")
		ew.str("- Counting: fractional. A paper with n authors adds 1/(n-1) to each of its author pairs " +
			"(Newman 2001), so each author receives 1 from every multi-author paper.\n")
	default:
		ew.printf("- Nodes are authors, merged by identity; a tie joins two authors who share a paper.\n")
		ew.str("- Counting: full. The weight of a tie is the number of papers the two authors share.\n")
	}
	if a.Papers != nil || len(a.Graph.Papers) > 0 {
		ew.printf("- %s\n", filterSentence(b))
	}
	if a.Centrality != nil {
		bet := set.Betweenness
		if bet == "" {
			bet = "betweenness exact (Brandes)"
		}
		ew.str("- Distances: the path-based measures (betweenness, closeness, harmonic centrality, " +
			"weighted diameter) take the length of a tie as 1/weight, so that strong ties are short.\n")
		ew.printf("- Path measures: %s.\n", mdEscape(bet))
		ew.str("- Betweenness is normalised by (n-1)(n-2)/2; closeness uses the Wasserman-Faust " +
			"correction for disconnected graphs; eigenvector centrality and PageRank (damping 0.85) use the " +
			"weights; clustering is unweighted.\n")
	}
	if p := a.Communities; p != nil {
		method := p.Method
		if method == "" {
			method = "louvain"
		}
		res := p.Resolution
		if res == 0 {
			res = set.Resolution
		}
		if res == 0 {
			res = 1
		}
		switch p.Quality {
		case "cpm":
			ew.printf("- Communities: %s optimising the constant Potts model, resolution %s, seed %d; "+
				"CPM quality %s, modularity of the same partition Q = %s.\n",
				mdEscape(method), num(res), p.Seed, num(p.Q), num(a.Summary.Modularity))
		default:
			ew.printf("- Communities: %s, resolution %s, seed %d; modularity Q = %s.\n",
				mdEscape(method), num(res), p.Seed, num(p.Q))
		}
		if st := a.Summary.Stability; st != nil {
			ew.printf("- Stability: the best of %d runs (seeds %d to %d) is kept; between runs the mean "+
				"normalised mutual information is %s and the mean adjusted Rand index %s.\n",
				st.Runs, a.Settings.Seed, a.Settings.Seed+uint64(st.Runs)-1, num(st.MeanNMI), num(st.MeanARI))
		}
	}
	if a.Topics != nil {
		ew.printf("- Topics: papers clustered by the words of their titles and abstracts into %d topics; "+
			"an author's topic is that of most of their papers.\n", len(a.Topics.Labels))
	}
	if len(set.Other) > 0 {
		ew.printf("- Other settings: %s.\n", mdEscape(strings.Join(set.Other, ", ")))
	}
}

// reportCentral writes a table of the most central authors per measure.
func reportCentral(ew *errWriter, a *Analysis) {
	if a.Centrality == nil {
		return
	}
	measures := []struct{ name, title string }{
		{"degree", "Degree (number of co-authors)"},
		{"strength", "Strength (sum of tie weights)"},
		{"betweenness", "Betweenness"},
		{"closeness", "Closeness"},
		{"eigenvector", "Eigenvector centrality"},
		{"pagerank", "PageRank"},
	}
	ew.str("\n## Most central authors\n")
	for _, m := range measures {
		v := a.measure(m.name)
		if v == nil {
			continue
		}
		ew.printf("\n### %s\n\n| rank | author | %s | papers | community |\n| ---: | --- | ---: | ---: | ---: |\n",
			m.title, m.name)
		for i, u := range a.ranking(m.name) {
			if i == topAuthors {
				break
			}
			ew.printf("| %d | %s | %s | %d | %s |\n", i+1, mdEscape(a.Graph.Authors[u].Name), num(v[u]),
				a.Graph.Authors[u].Papers, optCell(a.community(u)))
		}
	}
}

// reportCommunities writes the communities with their members.
func reportCommunities(ew *errWriter, a *Analysis) {
	members := a.members()
	if len(members) == 0 {
		return
	}
	ew.str("\n## Communities\n\nMembers are listed by decreasing PageRank.\n")
	singles := 0
	for c, ms := range members {
		if len(ms) <= 1 {
			singles++
			continue
		}
		if c >= maxCommunities {
			continue
		}
		ew.printf("\n### Community %d (%d authors)\n\n", c, len(ms))
		if t := a.dominantTopic(ms); t >= 0 {
			ew.printf("Dominant topic: %d (%s).\n\n", t, mdEscape(a.topicLabel(t)))
		}
		names := a.names(ms, topMembers)
		for i := range names {
			names[i] = mdEscape(names[i])
		}
		more := ""
		if len(ms) > topMembers {
			more = fmt.Sprintf(" and %d more", len(ms)-topMembers)
		}
		ew.printf("Members: %s%s.\n", strings.Join(names, ", "), more)
	}
	if rest := len(members) - min(len(members), maxCommunities); rest > 0 {
		ew.printf("\n%d further communities are listed in communities.csv.\n", rest)
	}
	if singles > 0 {
		if singles == 1 {
			ew.str("\n1 community of a single author is not listed.\n")
		} else {
			ew.printf("\n%d communities of a single author are not listed.\n", singles)
		}
	}
}

// reportTopics writes the topic table.
func reportTopics(ew *errWriter, a *Analysis) {
	t := a.Topics
	if t == nil || len(t.Labels) == 0 {
		return
	}
	ew.str("\n## Topics\n\n| topic | papers | terms |\n| ---: | ---: | --- |\n")
	for i, terms := range t.Labels {
		esc := make([]string, len(terms))
		for j, s := range terms {
			esc[j] = mdEscape(s)
		}
		ew.printf("| %d | %s | %s |\n", i, intCell(t.Sizes, i), strings.Join(esc, ", "))
	}
	reportCommunityTopics(ew, a)
}

// reportCommunityTopics writes which group works on what: for each
// community of at least two authors (at most maxCommunities), how many of
// its authors have each topic as their main one.
func reportCommunityTopics(ew *errWriter, a *Analysis) {
	if a.Communities == nil || a.Topics == nil || len(a.Topics.Labels) == 0 {
		return
	}
	table := metrics.CommunityTopics(a.Communities, a.Topics)
	ew.str("\n### Communities by topics\n\nAuthors of each community by their main topic.\n\n| community |")
	for k := range a.Topics.Labels {
		ew.printf(" %d: %s |", k, mdEscape(a.topicLabel(k)))
	}
	ew.str("\n| ---: |" + strings.Repeat(" ---: |", len(a.Topics.Labels)) + "\n")
	for c, row := range table {
		if c >= maxCommunities || a.Communities.Sizes[c] < 2 {
			break
		}
		ew.printf("| %d |", c)
		for k := range a.Topics.Labels {
			n := 0
			if k < len(row) {
				n = row[k]
			}
			ew.printf(" %d |", n)
		}
		ew.str("\n")
	}
}

// reportList writes a section of escaped list items, or nothing when
// items is empty.
func reportList(ew *errWriter, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	ew.printf("\n## %s\n\n", heading)
	for _, s := range items {
		ew.printf("- %s\n", mdEscape(s))
	}
}

// num formats x to four significant digits.
func num(x float64) string {
	return fmt.Sprintf("%.4g", x)
}

// yearOr returns y as text, or def when it is zero.
func yearOr(y int, def string) string {
	if y == 0 {
		return def
	}
	return fmt.Sprint(y)
}

// mdSpecial are the characters mdEscape puts a backslash before.
const mdSpecial = "\\`*_[]<>#|~&"

// mdEscape returns s as Markdown text that shows s as written: every
// character that could start markup (see mdSpecial) gets a backslash,
// and line breaks become spaces so that s stays in its table cell or
// list item.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
		case strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
