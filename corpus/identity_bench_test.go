package corpus

import (
	"os"
	"runtime"
	"testing"
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
