package export

import (
	"bytes"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/internal/synth"
	"github.com/coauthor/coauthor/metrics"
)

// synthAnalysis returns the analysis of n generated papers (seed 1)
// with graph.Build's options opt. With measures it also has centrality,
// communities and topics filled with made-up values (a fixed seed), so
// that every node key is written; only their formatting matters here.
func synthAnalysis(tb testing.TB, n int, opt graph.Options, measures bool) *Analysis {
	tb.Helper()
	gen := synth.New(synth.Config{Papers: n, Seed: 1})
	papers := make([]corpus.Paper, 0, n)
	var p synth.Paper
	for gen.Next(&p) {
		cp := corpus.Paper{ID: p.ID, Title: p.Title, Date: corpus.Date{Year: p.Year}, Venue: p.Venue}
		for _, name := range p.Authors {
			cp.Authors = append(cp.Authors, corpus.Author{Name: name})
		}
		papers = append(papers, cp)
	}
	g := graph.Build(papers, corpus.Resolve(papers, nil), opt)
	a := &Analysis{Graph: g, Papers: papers}
	if !measures {
		return a
	}
	rng := rand.New(rand.NewPCG(7, 7))
	nodes := g.Len()
	ints := func(max int) []int {
		v := make([]int, nodes)
		for i := range v {
			v[i] = rng.IntN(max)
		}
		return v
	}
	floats := func(scale float64) []float64 {
		v := make([]float64, nodes)
		for i := range v {
			v[i] = rng.Float64() * scale
		}
		return v
	}
	a.Centrality = &metrics.Centrality{
		Degree: ints(50), Strength: floats(80), Betweenness: floats(1e-3), Closeness: floats(1),
		Harmonic: floats(1e5), Eigenvector: floats(0.1), PageRank: floats(1e-5), Core: ints(20),
		Clustering: floats(1), Component: ints(1000),
	}
	a.Communities = &metrics.Partition{Of: ints(300), Sizes: make([]int, 300)}
	topics := &metrics.Topics{Labels: [][]string{{"graph", "network", "centrality"}, {"<i>x</i>", "a & b"}},
		Author: ints(3)}
	for u, t := range topics.Author {
		if t == 2 {
			topics.Author[u] = -1
		}
	}
	a.Topics = topics
	return a
}

var (
	graphmlBenchOnce sync.Once
	graphmlBench     [2]*Analysis
)

// BenchmarkGraphML compares GraphML with graphmlReference, the writer
// it replaced, on the graph of 100,000 generated papers, plain (as the
// bench/steps tool writes it) and with every measure.
func BenchmarkGraphML(b *testing.B) {
	graphmlBenchOnce.Do(func() {
		graphmlBench[0] = synthAnalysis(b, 100000, graph.Options{}, false)
		graphmlBench[1] = synthAnalysis(b, 100000, graph.Options{}, true)
	})
	for i, name := range []string{"plain", "measures"} {
		a := graphmlBench[i]
		var buf bytes.Buffer
		if err := graphmlReference(&buf, a, nil); err != nil {
			b.Fatal(err)
		}
		size := int64(buf.Len())
		for _, w := range []struct {
			name  string
			write func(io.Writer, *Analysis) error
		}{
			{"old", func(w io.Writer, a *Analysis) error { return graphmlReference(w, a, nil) }},
			{"new", GraphML},
			{"label,weight", func(w io.Writer, a *Analysis) error {
				return GraphMLWith(w, a, GraphMLOptions{Attrs: []string{"label", "weight"}})
			}},
		} {
			b.Run(name+"/"+w.name, func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					if err := w.write(io.Discard, a); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
