package metrics

import (
	"fmt"
	"testing"
)

// BenchmarkLeidenOldNew times Leiden as the bench step runs it (modularity,
// γ = 1, seed 1, two iterations) and Louvain, by the current code and by
// the implementation kept in leiden_old_test.go, on the synthetic graph
// of 100k papers (about 61k authors, 0.69M edges) and, without -short,
// 1M papers (about 607k authors, 6.56M edges). Run old and new in the
// same process so that their ratio is comparable on a busy machine.
func BenchmarkLeidenOldNew(b *testing.B) {
	for _, papers := range []int{100_000, 1_000_000} {
		if papers > 100_000 && testing.Short() {
			continue
		}
		g := synthGraph(papers)
		opt := LeidenOptions{Resolution: 1, Seed: 1, Iterations: 2}
		b.Run(fmt.Sprintf("papers=%d/leiden/old", papers), func(b *testing.B) {
			for b.Loop() {
				oldLeiden(g, opt)
			}
		})
		b.Run(fmt.Sprintf("papers=%d/leiden/new", papers), func(b *testing.B) {
			for b.Loop() {
				Leiden(g, opt)
			}
		})
		b.Run(fmt.Sprintf("papers=%d/louvain/old", papers), func(b *testing.B) {
			for b.Loop() {
				oldLouvain(g, 1, 1)
			}
		})
		b.Run(fmt.Sprintf("papers=%d/louvain/new", papers), func(b *testing.B) {
			for b.Loop() {
				Louvain(g, 1, 1)
			}
		})
	}
}
