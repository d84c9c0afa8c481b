package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

func periodsPaper(id string, year int, names ...string) corpus.Paper {
	p := corpus.Paper{ID: id, Title: id, Date: corpus.Date{Year: year}}
	for _, n := range names {
		p.Authors = append(p.Authors, corpus.Author{Name: n})
	}
	return p
}

func TestPeriodsMarkdown(t *testing.T) {
	// One group of three in 2000; in 2001 Ann and Bob go on (Jaccard
	// 2/3 with the old group) and Cid works with Dan (Jaccard 1/4, below
	// the 0.3 of a link), so the group continues as Ann and Bob.
	papers := []corpus.Paper{
		periodsPaper("1", 2000, "Ann A*", "Bob B", "Cid C"),
		periodsPaper("2", 2001, "Ann A*", "Bob B"),
		periodsPaper("3", 2001, "Ann A*", "Bob B"),
		periodsPaper("4", 2001, "Cid C", "Dan D"),
	}
	ps := metrics.Periods(papers, corpus.Resolve(papers, nil), 1, 1, graph.Options{})
	var b bytes.Buffer
	if err := PeriodsMarkdown(&b, ps); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	// Rows counted by hand: 2000 has 1 paper, 3 authors, 3 new pairs,
	// one component of 3, one community; 2001 has 3 papers, 4 authors,
	// pairs Ann-Bob (old) and Cid-Dan (new), largest component 2, two
	// communities.
	for _, want := range []string{
		"## Periods\n",
		"| 2000–2000 | 1 | 3 | 3 | 3 | 3 | 1 |\n",
		"| 2001–2001 | 3 | 4 | 2 | 1 | 2 | 2 |\n",
		"- continue: {Ann A\\*, Bob B (3)} → {Ann A\\*, Bob B (2)}\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("PeriodsMarkdown lacks %q; got:\n%s", want, got)
		}
	}
	var none bytes.Buffer
	if err := PeriodsMarkdown(&none, nil); err != nil || none.Len() != 0 {
		t.Errorf("PeriodsMarkdown(nil) wrote %q, %v; want nothing", none.String(), err)
	}
}
