package metrics

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/coauthor/coauthor/graph"
)

func readPathNet(t testing.TB, name string) *graph.Graph {
	t.Helper()
	g, err := graph.Read("../testdata/net/"+name, "")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// pathHops returns the hop distance from src to every node, -1 when
// unreachable, by expanding whole frontiers over the edge list: a
// second implementation that shares nothing with ShortestPath.
func pathHops(g *graph.Graph, src int) []int {
	d := make([]int, g.Len())
	for i := range d {
		d[i] = -1
	}
	d[src] = 0
	for level := 0; ; level++ {
		grew := false
		for _, e := range g.Edges {
			u, v := int(e.U), int(e.V)
			switch {
			case d[u] == level && d[v] < 0:
				d[v] = level + 1
				grew = true
			case d[v] == level && d[u] < 0:
				d[u] = level + 1
				grew = true
			}
		}
		if !grew {
			return d
		}
	}
}

// pathLengths returns the least total 1/weight from src to every node by
// Bellman-Ford relaxation over the edge list, +Inf when unreachable.
func pathLengths(g *graph.Graph, src int) []float64 {
	d := make([]float64, g.Len())
	for i := range d {
		d[i] = math.Inf(1)
	}
	d[src] = 0
	for changed := true; changed; {
		changed = false
		for _, e := range g.Edges {
			u, v, l := int(e.U), int(e.V), 1/e.Weight
			if d[u]+l < d[v] {
				d[v], changed = d[u]+l, true
			}
			if d[v]+l < d[u] {
				d[u], changed = d[v]+l, true
			}
		}
	}
	return d
}

// checkChain fails unless p runs from a to b over ties of g, and
// returns its total length (sum of 1/weight).
func checkChain(t *testing.T, g *graph.Graph, p []int, a, b int) float64 {
	t.Helper()
	if p[0] != a || p[len(p)-1] != b {
		t.Fatalf("chain %v does not run from %d to %d", p, a, b)
	}
	total := 0.0
	for i := 1; i < len(p); i++ {
		e := g.EdgeID(p[i-1], p[i])
		if e < 0 {
			t.Fatalf("chain %v: %d and %d are not tied", p, p[i-1], p[i])
		}
		total += 1 / g.Edges[e].Weight
	}
	return total
}

func TestPaths(t *testing.T) {
	for _, test := range []struct {
		name  string
		file  string
		pairs int
	}{
		{"karate", "karate.gml", 200},
		{"netscience", "netscience.gml", 200},
	} {
		t.Run(test.name, func(t *testing.T) {
			g := readPathNet(t, test.file)
			rng := rand.New(rand.NewPCG(3, 5))
			reached, unreached := 0, 0
			for range test.pairs / 10 {
				a := rng.IntN(g.Len())
				hops, length := pathHops(g, a), pathLengths(g, a)
				var near []int
				for v, h := range hops {
					if h > 0 {
						near = append(near, v)
					}
				}
				for k := range 10 {
					// Half the pairs are drawn among the nodes a
					// reaches, as most random pairs of netscience
					// lie in different components.
					b := rng.IntN(g.Len())
					if k%2 == 0 && len(near) > 0 {
						b = near[rng.IntN(len(near))]
					}
					p := ShortestPath(g, a, b)
					s, l := StrongestPath(g, a, b)
					if hops[b] < 0 {
						unreached++
						if p != nil || s != nil || !math.IsInf(l, 1) {
							t.Errorf("paths %d-%d = %v, %v (%g), want none", a, b, p, s, l)
						}
						continue
					}
					reached++
					if p == nil || s == nil {
						t.Fatalf("paths %d-%d = %v, %v, want chains of %d hops", a, b, p, s, hops[b])
					}
					checkChain(t, g, p, a, b)
					if got := len(p) - 1; got != hops[b] {
						t.Errorf("ShortestPath(%d, %d) has %d hops, want %d", a, b, got, hops[b])
					}
					sum := checkChain(t, g, s, a, b)
					const tol = 1e-9
					if !scalar.EqualWithinAbsOrRel(l, length[b], tol, tol) ||
						!scalar.EqualWithinAbsOrRel(sum, l, tol, tol) {
						t.Errorf("StrongestPath(%d, %d) = %v of length %g (chain sums to %g), want %g",
							a, b, s, l, sum, length[b])
					}
				}
			}
			if reached == 0 {
				t.Errorf("no pair connected among %d", test.pairs)
			}
			t.Logf("%d pairs connected, %d not", reached, unreached)
		})
	}
}

func TestStrongestPathPrefersStrongTies(t *testing.T) {
	// 0-1-3 over weights 1 and 1 (length 2) against 0-2-4-3 over
	// weights 4, 4, 4 (length 0.75): the longer chain is the stronger.
	authors := make([]graph.Author, 5)
	for i := range authors {
		authors[i] = graph.Author{Key: strconv.Itoa(i), Name: strconv.Itoa(i)}
	}
	g, _, _ := graph.New(authors, []graph.Edge{
		{U: 0, V: 1, Weight: 1}, {U: 1, V: 3, Weight: 1},
		{U: 0, V: 2, Weight: 4}, {U: 2, V: 4, Weight: 4}, {U: 4, V: 3, Weight: 4},
	})
	if p := ShortestPath(g, 0, 3); len(p) != 3 || p[1] != 1 {
		t.Errorf("ShortestPath(0, 3) = %v, want [0 1 3]", p)
	}
	p, l := StrongestPath(g, 0, 3)
	if len(p) != 4 || p[1] != 2 || p[2] != 4 || math.Abs(l-0.75) > 1e-12 {
		t.Errorf("StrongestPath(0, 3) = %v, %g, want [0 2 4 3], 0.75", p, l)
	}
	if p, l := StrongestPath(g, 2, 2); len(p) != 1 || l != 0 {
		t.Errorf("StrongestPath(2, 2) = %v, %g, want [2], 0", p, l)
	}
}

func TestFindAuthor(t *testing.T) {
	g := readPathNet(t, "netscience.gml")
	for _, test := range []struct {
		name  string
		query string
		want  string // display name; "" when an error is expected
		n     int    // matches reported in the error
	}{
		{"exact", "NEWMAN, M", "NEWMAN, M", 0},
		{"exact despite case and punctuation", "newman m", "NEWMAN, M", 0},
		{"unique substring", "barabas", "BARABASI, A", 0},
		{"ambiguous substring", "newman", "", 3},
		{"no match", "nobody such", "", 0},
	} {
		t.Run(test.name, func(t *testing.T) {
			u, err := FindAuthor(g, test.query)
			if test.want != "" {
				if err != nil || g.Authors[u].Name != test.want {
					t.Fatalf("FindAuthor(%q) = %d, %v, want %s", test.query, u, err, test.want)
				}
				return
			}
			var ne *NameError
			if !errors.As(err, &ne) || ne.Matches != test.n || len(ne.Candidates) != test.n {
				t.Fatalf("FindAuthor(%q) = %d, %v, want a NameError with %d candidates", test.query, u, err, test.n)
			}
		})
	}
}
