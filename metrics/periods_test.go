package metrics

import (
	"reflect"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// periodPaper returns a paper of the given year by the named authors.
func periodPaper(id string, year int, names ...string) corpus.Paper {
	p := corpus.Paper{ID: id, Title: id, Date: corpus.Date{Year: year}}
	for _, n := range names {
		p.Authors = append(p.Authors, corpus.Author{Name: n})
	}
	return p
}

// TestPeriodsPlanted builds two periods of two years. In 2000-2001 three
// groups of four write apart: Alpha, Beta and Gamma. In 2002-2003 the
// Alpha group splits into two groups of three, each with a newcomer
// (Jaccard 2/5 = 0.4 with the old group), while Beta and Gamma write
// together as one group of eight (Jaccard 4/8 = 0.5 with each).
func TestPeriodsPlanted(t *testing.T) {
	papers := []corpus.Paper{
		periodPaper("a1", 2000, "Ann Alpha", "Bob Alpha", "Cid Alpha", "Dan Alpha"),
		periodPaper("b1", 2001, "Eve Beta", "Fay Beta", "Gus Beta", "Hal Beta"),
		periodPaper("c1", 2001, "Ida Gamma", "Jon Gamma", "Kim Gamma", "Lou Gamma"),
		periodPaper("a2", 2002, "Ann Alpha", "Bob Alpha", "Max New"),
		periodPaper("a3", 2003, "Cid Alpha", "Dan Alpha", "Ned New"),
		periodPaper("bc", 2003, "Eve Beta", "Fay Beta", "Gus Beta", "Hal Beta",
			"Ida Gamma", "Jon Gamma", "Kim Gamma", "Lou Gamma"),
		periodPaper("x", 0, "Ann Alpha", "Zed Nowhen"), // no year: left out
	}
	ps := Periods(papers, corpus.Resolve(papers, nil), 2, 2, graph.Options{})
	if len(ps) != 2 {
		t.Fatalf("%d periods, want 2", len(ps))
	}
	type shape struct{ From, To, Authors, Papers, Edges, NewEdges, Largest, Communities int }
	// Counted by hand: period 1 has three 4-cliques (18 edges, all
	// new); period 2 two triangles and an 8-clique (6 + 28 edges), of
	// which Ann-Bob, Cid-Dan and the 12 edges inside Beta and Gamma
	// are old.
	want := []shape{{2000, 2001, 12, 3, 18, 18, 4, 3}, {2002, 2003, 14, 3, 34, 34 - 2 - 12, 8, 3}}
	for i, p := range ps {
		got := shape{p.From, p.To, p.Authors, p.Papers, p.Edges, p.NewEdges, p.LargestComponent, len(p.Communities.Sizes)}
		if got != want[i] {
			t.Errorf("period %d = %+v, want %+v", i, got, want[i])
		}
	}
	if ps[0].Events != nil {
		t.Errorf("first period has events %v, want none", ps[0].Events)
	}

	// Name the communities by a member to compare events.
	name := func(p Period, c int) string {
		for u, x := range p.Communities.Of {
			if x == c {
				return p.Graph.Authors[u].Name
			}
		}
		return ""
	}
	var got []string
	for _, e := range ps[1].Events {
		s := e.Kind + ":"
		for _, c := range e.From {
			s += " " + name(ps[0], c)
		}
		s += " ->"
		for _, c := range e.To {
			s += " " + name(ps[1], c)
		}
		got = append(got, s)
	}
	// Communities hold their members in node order, which follows the
	// sorted identity keys (family name first): Alpha's first member is
	// Ann, Beta's Eve; in period 2 the Beta-Gamma group's first is Eve,
	// the split groups' first members Ann and Cid.
	want2 := []string{"split: Ann Alpha -> Ann Alpha Cid Alpha", "merge: Eve Beta Ida Gamma -> Eve Beta"}
	if !reflect.DeepEqual(got, want2) {
		t.Errorf("events = %q, want %q", got, want2)
	}
}

func TestPeriodsContinue(t *testing.T) {
	papers := []corpus.Paper{
		periodPaper("1", 2010, "Ann Alpha", "Bob Alpha", "Cid Alpha"),
		periodPaper("2", 2011, "Ann Alpha", "Bob Alpha", "Cid Alpha"),
		periodPaper("3", 2012, "Ann Alpha", "Bob Alpha"),
	}
	// Window 2, step 1: 2010-2011, 2011-2012. The group of three
	// continues as the same three (J = 1).
	ps := Periods(papers, corpus.Resolve(papers, nil), 2, 1, graph.Options{})
	if len(ps) != 2 || ps[1].From != 2011 || ps[1].To != 2012 {
		t.Fatalf("periods %d, want 2011-2012 second", len(ps))
	}
	want := []CommunityEvent{{"continue", []int{0}, []int{0}}}
	if !reflect.DeepEqual(ps[1].Events, want) {
		t.Errorf("events = %+v, want %+v", ps[1].Events, want)
	}
	if ps[1].NewEdges != 0 {
		t.Errorf("NewEdges = %d, want 0", ps[1].NewEdges)
	}
}
