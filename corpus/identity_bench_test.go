package corpus

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/coauthor/coauthor/internal/synth"
)

// BenchmarkResolve times Resolve on the papers of the file named by the
// environment variable COAUTHOR_RESOLVE_BENCH, read outside the timer,
// for example a corpus written by "coauthor gen --papers 100000". It is
// skipped when the variable is unset. It reports the heap the papers
// take after reading as papers-MB.
func BenchmarkResolve(b *testing.B) {
	path := os.Getenv("COAUTHOR_RESOLVE_BENCH")
	if path == "" {
		b.Skip("COAUTHOR_RESOLVE_BENCH names no corpus file")
	}
	res, err := Read(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	b.ReportAllocs()
	for b.Loop() {
		Resolve(res.Papers, nil)
	}
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "papers-MB")
}

// BenchmarkResolveSynth times Resolve on a generated corpus of 20000
// papers.
func BenchmarkResolveSynth(b *testing.B) {
	papers := synthPapers(b, 20000)
	b.ReportAllocs()
	for b.Loop() {
		Resolve(papers, nil)
	}
}

// BenchmarkResolveLarge times Resolve on generated corpora of up to a
// million papers, made in memory from the generator's names (no reader
// in between, so equal names do not share memory), as they are (plain)
// and rewritten by noisy. Each size is generated once, outside the
// timer.
func BenchmarkResolveLarge(b *testing.B) {
	for _, n := range []int{100000, 1000000} {
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			papers := generatedPapers(n)
			for _, c := range []struct {
				name   string
				papers []Paper
			}{{"plain", papers}, {"noisy", noisy(papers)}} {
				b.Run(c.name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						Resolve(c.papers, nil)
					}
				})
			}
		})
	}
}

// generatedPapers returns the first n papers of the generator with seed
// 1, authors by name only.
func generatedPapers(n int) []Paper {
	g := synth.New(synth.Config{Papers: n, Seed: 1})
	out := make([]Paper, 0, n)
	var p synth.Paper
	for g.Next(&p) {
		as := make([]Author, len(p.Authors))
		for i, a := range p.Authors {
			as[i] = Author{Name: a}
		}
		out = append(out, Paper{ID: p.ID, Title: p.Title, Venue: p.Venue, Authors: as})
	}
	return out
}
