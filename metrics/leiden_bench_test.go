package metrics

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkLeidenOldNew times Leiden as the bench step runs it (modularity,
// γ = 1, seed 1, two iterations) and Louvain, by the current code and by
// the implementation kept in leiden_old_test.go, on the synthetic graph
// of 100k papers (about 61k authors, 0.69M edges) and, without -short,
// 1M papers (about 607k authors, 6.56M edges). Each iteration runs the
// old code, then the new, so that both see the same load of a busy
// machine; old-s and new-s are their times per call, new/old the ratio
// of the totals.
func BenchmarkLeidenOldNew(b *testing.B) {
	for _, papers := range []int{100_000, 1_000_000} {
		if papers > 100_000 && testing.Short() {
			continue
		}
		g := synthGraph(papers)
		opt := LeidenOptions{Resolution: 1, Seed: 1, Iterations: 2}
		for _, m := range []struct {
			name     string
			old, new func()
		}{
			{"leiden", func() { oldLeiden(g, opt) }, func() { Leiden(g, opt) }},
			{"louvain", func() { oldLouvain(g, 1, 1) }, func() { Louvain(g, 1, 1) }},
		} {
			b.Run(fmt.Sprintf("papers=%d/%s", papers, m.name), func(b *testing.B) {
				var old, new time.Duration
				for b.Loop() {
					start := time.Now()
					m.old()
					mid := time.Now()
					m.new()
					old += mid.Sub(start)
					new += time.Since(mid)
				}
				b.ReportMetric(old.Seconds()/float64(b.N), "old-s")
				b.ReportMetric(new.Seconds()/float64(b.N), "new-s")
				b.ReportMetric(float64(new)/float64(old), "new/old")
			})
		}
	}
}
