package metrics

import (
	"math"
	"slices"
	"testing"
)

func TestThematicMap(t *testing.T) {
	// Commas keep the words from forming bigrams.
	docs := []TopicDoc{
		{Text: "apple, banana"},
		{Text: "apple, banana, cherry"},
		{Text: "delta, echo"},
		{Text: "delta, echo, cherry"},
		{Text: "delta, echo, apple"},
	}
	top := &Topics{Paper: []int{0, 0, 1, 1, 1}, Sizes: []int{2, 3}}
	// By hand. Topic 0 (papers 0, 1): apple scores 2/2 - 1/3, banana
	// 2/2 - 0; cherry is in one of its papers only. Topic 1: delta and
	// echo score 3/3 - 0; apple and cherry are in one of its papers.
	// Counts: c(apple) = 3, c(banana) = 2, c(delta) = c(echo) = 3;
	// c(apple, banana) = 2, c(delta, echo) = 3, c(apple, delta) =
	// c(apple, echo) = 1. So e(apple, banana) = 4/6, e(delta, echo) = 1,
	// e(apple, delta) = e(apple, echo) = 1/9, and
	//   centrality(0) = centrality(1) = 10 × 2/9
	//   density(0) = 100 × (2/3) / 2, density(1) = 100 × 1 / 2.
	pts := ThematicMap(docs, top, 0)
	want := []ThemePoint{
		{0, 20.0 / 9, 100.0 / 3, 2, []string{"banana", "apple"}},
		{1, 20.0 / 9, 50, 3, []string{"delta", "echo"}},
	}
	const tol = 1e-12
	if len(pts) != len(want) {
		t.Fatalf("%d points, want %d", len(pts), len(want))
	}
	for c, p := range pts {
		w := want[c]
		if p.Topic != w.Topic || p.Papers != w.Papers || !slices.Equal(p.Terms, w.Terms) ||
			math.Abs(p.Centrality-w.Centrality) > tol || math.Abs(p.Density-w.Density) > tol {
			t.Errorf("ThematicMap[%d] = %+v, want %+v", c, p, w)
		}
	}
}

func TestThematicMapSeed(t *testing.T) {
	docs, authors, n, _ := topicSeedDocs(t)
	top := TopicClustersDocs(docs, authors, n, TopicOptions{Seed: 1})
	pts := ThematicMap(docs, top, 0)
	if len(pts) != len(top.Sizes) {
		t.Fatalf("%d points for %d topics", len(pts), len(top.Sizes))
	}
	for _, p := range pts {
		t.Logf("topic %d: centrality %.4g density %.4g papers %d terms %q", p.Topic, p.Centrality, p.Density, p.Papers, p.Terms)
		if len(p.Terms) != ThematicTerms || p.Density <= 0 || p.Centrality < 0 {
			t.Errorf("topic %d: %d terms, density %g, centrality %g; want %d terms and positive values",
				p.Topic, len(p.Terms), p.Density, p.Centrality, ThematicTerms)
		}
	}
}
