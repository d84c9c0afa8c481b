package metrics

import (
	"slices"
	"testing"
)

func TestTermGraph(t *testing.T) {
	texts := []string{
		"Flow networks for molecules.",
		"Flow networks and graphs.",
		"Graphs of molecules.",
		"Flow of graphs.",
	}
	g := TermGraph(texts, TermOptions{MinOccurrences: 2})
	// Counted by hand, binary per text: flow 3 (texts 0, 1, 3), network
	// 2, "flow network" 2, molecul 2, graph 3 (texts 1, 2, 3).
	wantKeys := []string{"flow", "flow network", "graph", "molecul", "network"}
	wantPapers := []int{3, 2, 3, 2, 2}
	var keys []string
	var papers []int
	for _, a := range g.Authors {
		keys = append(keys, a.Key)
		papers = append(papers, a.Papers)
	}
	if !slices.Equal(keys, wantKeys) || !slices.Equal(papers, wantPapers) {
		t.Fatalf("terms = %q %v, want %q %v", keys, papers, wantKeys, wantPapers)
	}
	if g.Authors[1].Name != "flow networks" {
		t.Errorf("Name of \"flow network\" = %q, want \"flow networks\"", g.Authors[1].Name)
	}
	// Pairs: flow-graph in texts 1, 3 (2); flow-molecul in 0 (1);
	// flow-network in 0, 1 (2); "flow network"-graph in 1; "flow
	// network"-molecul in 0; graph-molecul in 2; graph-network in 1;
	// molecul-network in 0. "flow network" is not linked to flow or
	// network.
	want := map[[2]string]float64{
		{"flow", "graph"}: 2, {"flow", "molecul"}: 1, {"flow", "network"}: 2,
		{"flow network", "graph"}: 1, {"flow network", "molecul"}: 1,
		{"graph", "molecul"}: 1, {"graph", "network"}: 1, {"molecul", "network"}: 1,
	}
	if g.EdgeCount() != len(want) {
		t.Errorf("%d edges, want %d", g.EdgeCount(), len(want))
	}
	for _, e := range g.Edges {
		k := [2]string{g.Authors[e.U].Key, g.Authors[e.V].Key}
		if w, ok := want[k]; !ok || w != e.Weight || int32(w) != e.Joint {
			t.Errorf("edge %q weight %v joint %d, want %v", k, e.Weight, e.Joint, w)
		}
	}
}

func TestTermGraphSeedSize(t *testing.T) {
	texts, _, _, _ := topicSeedInput(t)
	g := TermGraph(texts, TermOptions{})
	// The default minimum of occurrences is chosen so that the seed's
	// 34 abstracts give between 30 and 150 terms.
	if n := g.Len(); n < 30 || n > 150 {
		t.Errorf("TermGraph(seed) has %d terms, want 30 to 150", n)
	}
	t.Logf("%d terms, %d edges", g.Len(), g.EdgeCount())
}
