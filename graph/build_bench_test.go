package graph

import (
	"fmt"
	"math"
	"testing"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/internal/synth"
)

// synthPapers returns n generated papers (seed 1) as corpus papers.
func synthPapers(n int) []corpus.Paper {
	gen := synth.New(synth.Config{Papers: n, Seed: 1})
	ps := make([]corpus.Paper, 0, n)
	var p synth.Paper
	for gen.Next(&p) {
		cp := corpus.Paper{ID: p.ID, Title: p.Title, Date: corpus.Date{Year: p.Year}}
		for _, a := range p.Authors {
			cp.Authors = append(cp.Authors, corpus.Author{Name: a})
		}
		ps = append(ps, cp)
	}
	return ps
}

// TestBuildPairs checks the edges and their papers against a direct
// count with a map over each paper's author pairs, on generated corpora
// small enough for one sort and large enough for the two-goroutine sort.
func TestBuildPairs(t *testing.T) {
	tests := []struct {
		name   string
		papers int
		opt    Options
	}{
		{"small full", 2000, Options{}},
		{"large full", 20000, Options{}},
		{"large fractional filtered", 20000, Options{Counting: Fractional, MinWeight: 0.5, MaxAuthors: 12, Since: 1995}},
		{"min papers", 20000, Options{MinPapers: 3, MinWeight: 2}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			ps := synthPapers(test.papers)
			id := corpus.Resolve(ps, nil)
			g := Build(ps, id, test.opt)
			type acc struct {
				w      float64
				papers []int32
			}
			want := map[[2]int32]*acc{}
			for pi, p := range g.Papers {
				n := 0
				seen := map[int]bool{}
				for _, x := range id.Of[p.Index] {
					if !seen[x] {
						seen[x] = true
						n++
					}
				}
				if n < 2 || test.opt.MaxAuthors > 0 && n > test.opt.MaxAuthors {
					continue
				}
				inc := 1.0
				if test.opt.Counting == Fractional {
					inc = 1 / float64(n-1)
				}
				for x, u := range p.Authors {
					for _, v := range p.Authors[x+1:] {
						k := [2]int32{min(u, v), max(u, v)}
						if want[k] == nil {
							want[k] = &acc{}
						}
						want[k].w += inc
						want[k].papers = append(want[k].papers, int32(pi))
					}
				}
			}
			kept := 0
			for _, a := range want {
				if a.w >= test.opt.MinWeight {
					kept++
				}
			}
			if g.EdgeCount() != kept {
				t.Fatalf("EdgeCount() = %d, want %d", g.EdgeCount(), kept)
			}
			for e, ed := range g.Edges {
				if e > 0 && (g.Edges[e-1].U > ed.U || g.Edges[e-1].U == ed.U && g.Edges[e-1].V >= ed.V) {
					t.Fatalf("edges %d and %d out of order: %+v, %+v", e-1, e, g.Edges[e-1], ed)
				}
				a := want[[2]int32{ed.U, ed.V}]
				if a == nil {
					t.Fatalf("edge %+v is not a pair of any paper", ed)
				}
				// The same additions in the same order: exactly equal.
				if ed.Weight != a.w || int(ed.Joint) != len(a.papers) {
					t.Fatalf("edge %d-%d weight, joint = %v, %d, want %v, %d", ed.U, ed.V, ed.Weight, ed.Joint, a.w, len(a.papers))
				}
				if got := g.EdgePapers(e); fmt.Sprint(got) != fmt.Sprint(a.papers) {
					t.Fatalf("EdgePapers(%d) = %v, want %v", e, got, a.papers)
				}
			}
			if kept == 0 || math.IsNaN(g.Edges[0].Weight) {
				t.Fatal("no edges: the test checks nothing")
			}
		})
	}
}

// BenchmarkBuild builds the graph of generated corpora of 10k and 100k
// papers; reading and identity resolution are outside the timed loop.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		ps := synthPapers(n)
		id := corpus.Resolve(ps, nil)
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Build(ps, id, Options{})
			}
		})
	}
}
