package export

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/coauthor/coauthor/metrics"
)

// PeriodsMarkdown writes the report section on periods: a heading, a
// table with one row per period (years, papers, authors, collaborations,
// new collaborations, largest component, communities of two authors or
// more) and, per period after the first, how the previous period's
// communities carry on (see [metrics.Periods]). A community is named by
// its two authors with the most papers in the period, ties by name.
// Nothing is written when ps is empty.
func PeriodsMarkdown(w io.Writer, ps []metrics.Period) error {
	if len(ps) == 0 {
		return nil
	}
	ew := &errWriter{w: w}
	ew.str("## Periods\n\n")
	ew.str("| Years | Papers | Authors | Collaborations | New | Largest component | Communities |\n")
	ew.str("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range ps {
		groups := 0
		for _, s := range p.Communities.Sizes {
			if s >= 2 {
				groups++
			}
		}
		ew.printf("| %d–%d | %d | %d | %d | %d | %d | %d |\n", p.From, p.To, p.Papers, p.Authors,
			p.Edges, p.NewEdges, p.LargestComponent, groups)
	}
	for i := 1; i < len(ps); i++ {
		prev, cur := ps[i-1], ps[i]
		if len(cur.Events) == 0 {
			continue
		}
		ew.printf("\n%d–%d to %d–%d:\n\n", prev.From, prev.To, cur.From, cur.To)
		for _, e := range cur.Events {
			ew.printf("- %s: %s → %s\n", e.Kind, periodGroups(prev, e.From), periodGroups(cur, e.To))
		}
	}
	ew.str("\n")
	return ew.err
}

// periodGroups names the communities cs of period p, joined by " + ".
func periodGroups(p metrics.Period, cs []int) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = periodGroupName(p, c)
	}
	return strings.Join(names, " + ")
}

// periodGroupName names community c by its two authors with the most
// papers, ties by name, and its size.
func periodGroupName(p metrics.Period, c int) string {
	g := p.Graph
	var us []int
	for u, x := range p.Communities.Of {
		if x == c {
			us = append(us, u)
		}
	}
	sort.SliceStable(us, func(i, j int) bool {
		a, b := g.Authors[us[i]], g.Authors[us[j]]
		if a.Papers != b.Papers {
			return a.Papers > b.Papers
		}
		return a.Name < b.Name
	})
	var names []string
	for _, u := range us[:min(2, len(us))] {
		names = append(names, mdEscape(g.Authors[u].Name))
	}
	return fmt.Sprintf("{%s (%d)}", strings.Join(names, ", "), len(us))
}
