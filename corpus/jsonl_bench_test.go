package corpus

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/coauthor/coauthor/internal/synth"
)

// BenchmarkReadJSONL reads 200k synthetic papers (about 40 MB, held in
// memory) with the reference reader of jsonl_test.go and with the
// reader, one after the other in one process; -count alternates them.
// Besides time and allocations it reports the heap the result keeps
// after a collection and the peak of the heap in use.
func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	if _, err := synth.WriteJSONL(&buf, synth.Config{Papers: 200_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, bc := range []struct {
		name string
		read readerFunc
	}{
		{"reference", jsonlReadReference},
		{"reader", readJSONL},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			stop := benchSample()
			var res *Result
			for b.Loop() {
				res = nil
				var err error
				if res, err = bc.read(bytes.NewReader(data), "bench.jsonl", &Options{}); err != nil {
					b.Fatal(err)
				}
			}
			peak := stop()
			var after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(len(res.Papers)), "papers")
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "kept-MiB")
			b.ReportMetric(float64(peak-before.HeapInuse)/(1<<20), "peak-heap-MiB")
			runtime.KeepAlive(res)
		})
	}
}
