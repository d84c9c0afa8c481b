package metrics

import (
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/coauthor/coauthor/graph"
)

// smallEgo is a weighted ego network: ego 0 with co-authors 1..4, two
// ties among them, one co-author (4) with a tie outside (5), and an
// isolated author 6.
//
//	0-1: 3   0-2: 1   0-3: 2   0-4: 2   1-2: 1   3-4: 1   4-5: 1
func smallEgo() *graph.Graph {
	authors := make([]graph.Author, 7)
	for i := range authors {
		authors[i] = graph.Author{Key: strconv.Itoa(i), Name: "n" + strconv.Itoa(i)}
	}
	g, _, _ := graph.New(authors, []graph.Edge{
		{U: 0, V: 1, Weight: 3}, {U: 0, V: 2, Weight: 1}, {U: 0, V: 3, Weight: 2},
		{U: 0, V: 4, Weight: 2}, {U: 1, V: 2, Weight: 1}, {U: 3, V: 4, Weight: 1},
		{U: 4, V: 5, Weight: 1},
	})
	return g
}

// TestBrokerageHand checks the measures of ego 0 of smallEgo against a
// computation by hand.
//
// Tie strength of 0: s_0 = 3+1+2+2 = 8, so p_01 = 3/8, p_02 = 1/8,
// p_03 = p_04 = 2/8. Strengths of the co-authors: s_1 = 4, s_2 = 2,
// s_3 = 3, s_4 = 4; their strongest ties: 3, 1, 2, 2.
//
// Constraint, one term per co-author j, (p_0j + sum_q p_0q p_qj)^2:
//
//	j=1: (3/8 + p_02 p_21 = 1/8 * 1/2)^2 = (7/16)^2 = 49/256
//	j=2: (1/8 + p_01 p_12 = 3/8 * 1/4)^2 = (7/32)^2 = 49/1024
//	j=3: (2/8 + p_04 p_43 = 2/8 * 1/4)^2 = (5/16)^2 = 25/256
//	j=4: (2/8 + p_03 p_34 = 2/8 * 1/3)^2 = (1/3)^2  = 1/9
//	C_0 = 345/1024 + 1/9 = 0.44802517361...
//
// Effective size, one term per co-author j, 1 - sum_q p_0q w_jq/max_j:
//
//	j=1: 1 - p_02 * 1/3 = 1 - 1/24
//	j=2: 1 - p_01 * 1/1 = 1 - 9/24
//	j=3: 1 - p_04 * 1/2 = 1 - 3/24
//	j=4: 1 - p_03 * 1/2 = 1 - 3/24
//	E_0 = 4 - 16/24 = 10/3, efficiency 10/3 / 4 = 5/6
//
// networkx 3.6.1 gives the same: effective_size(G, weight="weight")[0]
// = 3.3333333333333335, constraint(G, weight="weight")[0] =
// 0.4480251736111111.
func TestBrokerageHand(t *testing.T) {
	eff, effic, con := Brokerage(smallEgo())
	const tol = 1e-12
	for _, test := range []struct {
		name      string
		got, want float64
	}{
		{"effective size", eff[0], 10.0 / 3},
		{"efficiency", effic[0], 5.0 / 6},
		{"constraint", con[0], 345.0/1024 + 1.0/9},
	} {
		if !scalar.EqualWithinAbsOrRel(test.got, test.want, tol, tol) {
			t.Errorf("%s of 0 = %.15g, want %.15g", test.name, test.got, test.want)
		}
	}
}

// TestBrokerageNetworkX compares every node of smallEgo with networkx
// 3.6.1: nx.effective_size(G, weight="weight") and nx.constraint(G,
// weight="weight") on the same edges, values printed with repr.
func TestBrokerageNetworkX(t *testing.T) {
	want := []struct{ eff, con float64 }{
		{3.3333333333333335, 0.4480251736111111},
		{1.1666666666666665, 0.8837890625},
		{1.0, 1.23828125},
		{1.1111111111111112, 0.9444444444444443},
		{2.3333333333333335, 0.6475694444444444},
		{1.0, 1.0},
	}
	eff, effic, con := Brokerage(smallEgo())
	const tol = 1e-12
	for i, w := range want {
		if !scalar.EqualWithinAbsOrRel(eff[i], w.eff, tol, tol) {
			t.Errorf("effective size of %d = %.15g, want %.15g", i, eff[i], w.eff)
		}
		if !scalar.EqualWithinAbsOrRel(con[i], w.con, tol, tol) {
			t.Errorf("constraint of %d = %.15g, want %.15g", i, con[i], w.con)
		}
	}
	// Node 6 is isolated: every measure is NaN.
	if !math.IsNaN(eff[6]) || !math.IsNaN(effic[6]) || !math.IsNaN(con[6]) {
		t.Errorf("Brokerage of isolated node = %v, %v, %v, want NaN, NaN, NaN", eff[6], effic[6], con[6])
	}
}

// TestBrokerageKarate compares Zachary's karate club with networkx
// 3.6.1: G = nx.read_gml("karate.gml", label="id"), then
// nx.effective_size(G, weight="weight") and nx.constraint(G,
// weight="weight") (the file has no weights: every tie counts 1),
// printed with "%.10f".
func TestBrokerageKarate(t *testing.T) {
	g, err := graph.Read("../testdata/net/karate.gml", "")
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]int{}
	for u, a := range g.Authors {
		byKey[a.Key] = u
	}
	eff, _, con := Brokerage(g)
	const tol = 1e-9 // values printed to 10 decimals
	for _, w := range []struct {
		id       int
		eff, con float64
	}{
		{1, 13.7500000000, 0.1554232976},
		{2, 6.3333333333, 0.2795351080},
		{3, 7.8000000000, 0.1851766397},
		{12, 1.0000000000, 1.0000000000},
		{17, 1.0000000000, 0.7812500000},
		{25, 2.3333333333, 0.4598765432},
		{33, 9.8333333333, 0.2492233623},
		{34, 15.2352941176, 0.1564186851},
	} {
		u, ok := byKey[strconv.Itoa(w.id)]
		if !ok {
			t.Fatalf("karate has no node %d", w.id)
		}
		if !scalar.EqualWithinAbsOrRel(eff[u], w.eff, tol, tol) {
			t.Errorf("effective size of %d = %.10f, want %.10f", w.id, eff[u], w.eff)
		}
		if !scalar.EqualWithinAbsOrRel(con[u], w.con, tol, tol) {
			t.Errorf("constraint of %d = %.10f, want %.10f", w.id, con[u], w.con)
		}
	}

	// Unweighted, the effective size is Borgatti's n - 2t/n, t the
	// ties among the n co-authors (the triangles through the node).
	tri, _ := Triangles(g)
	for u := 0; u < g.Len(); u++ {
		n := float64(g.Degree(u))
		want := n - 2*float64(tri[u])/n
		if !scalar.EqualWithinAbsOrRel(eff[u], want, 1e-12, 1e-12) {
			t.Errorf("effective size of %s = %.15g, want n-2t/n = %.15g", g.Authors[u].Key, eff[u], want)
		}
	}
}

// TestBrokerageNaive compares Brokerage with the formulas evaluated
// directly on a dense weight matrix, on a random weighted graph.
func TestBrokerageNaive(t *testing.T) {
	const n = 40
	rng := rand.New(rand.NewPCG(7, 11))
	authors := make([]graph.Author, n)
	w := make([][]float64, n)
	for i := range authors {
		authors[i] = graph.Author{Key: strconv.Itoa(i), Name: strconv.Itoa(i)}
		w[i] = make([]float64, n)
	}
	var edges []graph.Edge
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if rng.Float64() < 0.15 {
				x := float64(1 + rng.IntN(5))
				w[i][j], w[j][i] = x, x
				edges = append(edges, graph.Edge{U: int32(i), V: int32(j), Weight: x})
			}
		}
	}
	g, _, _ := graph.New(authors, edges)
	eff, effic, con := Brokerage(g)

	for i := 0; i < n; i++ {
		s, deg := 0.0, 0
		for j := 0; j < n; j++ {
			s += w[i][j]
			if w[i][j] > 0 {
				deg++
			}
		}
		if deg == 0 {
			if !math.IsNaN(eff[i]) {
				t.Errorf("effective size of isolated %d = %g, want NaN", i, eff[i])
			}
			continue
		}
		p := func(a, b int) float64 {
			sa := 0.0
			for k := 0; k < n; k++ {
				sa += w[a][k]
			}
			return w[a][b] / sa
		}
		wantE, wantC := 0.0, 0.0
		for j := 0; j < n; j++ {
			if w[i][j] == 0 {
				continue
			}
			mx := 0.0
			for k := 0; k < n; k++ {
				mx = math.Max(mx, w[j][k])
			}
			r, ind := 0.0, 0.0
			for q := 0; q < n; q++ {
				if q == i || q == j || w[i][q] == 0 {
					continue
				}
				r += p(i, q) * w[j][q] / mx
				ind += p(i, q) * p(q, j)
			}
			wantE += 1 - r
			wantC += (p(i, j) + ind) * (p(i, j) + ind)
		}
		const tol = 1e-12
		if !scalar.EqualWithinAbsOrRel(eff[i], wantE, tol, tol) {
			t.Errorf("effective size of %d = %.15g, want %.15g", i, eff[i], wantE)
		}
		if !scalar.EqualWithinAbsOrRel(effic[i], wantE/float64(deg), tol, tol) {
			t.Errorf("efficiency of %d = %.15g, want %.15g", i, effic[i], wantE/float64(deg))
		}
		if !scalar.EqualWithinAbsOrRel(con[i], wantC, tol, tol) {
			t.Errorf("constraint of %d = %.15g, want %.15g", i, con[i], wantC)
		}
	}
}

func TestBrokeredPairs(t *testing.T) {
	// In smallEgo, 1-2 and 3-4 are tied and no co-author of 0 has a
	// co-author in common with another except 0, so the other four pairs
	// are brokered. Ties to 0: 1:3, 2:1, 3:2, 4:2. The weaker and the
	// stronger tie to 0 of each pair: (1,3) 2,3; (1,4) 2,3; (2,3) 1,2;
	// (2,4) 1,2; equal pairs stay in id order.
	got := BrokeredPairs(smallEgo(), 0)
	want := [][2]int{{1, 3}, {1, 4}, {2, 3}, {2, 4}}
	if len(got) != len(want) {
		t.Fatalf("BrokeredPairs(smallEgo, 0) = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("BrokeredPairs(smallEgo, 0) = %v, want %v", got, want)
		}
	}

	// A common co-author other than ego joins a pair: in the path
	// 1-0-2 with 1-3-2, 1 and 2 are not brokered by 0.
	authors := make([]graph.Author, 4)
	for i := range authors {
		authors[i] = graph.Author{Key: strconv.Itoa(i), Name: strconv.Itoa(i)}
	}
	g, _, _ := graph.New(authors, []graph.Edge{
		{U: 0, V: 1, Weight: 1}, {U: 0, V: 2, Weight: 1},
		{U: 1, V: 3, Weight: 1}, {U: 2, V: 3, Weight: 1},
	})
	if got := BrokeredPairs(g, 0); len(got) != 0 {
		t.Errorf("BrokeredPairs with a common co-author = %v, want none", got)
	}
	// Without 3, the pair is brokered.
	g, _, _ = graph.New(authors, []graph.Edge{{U: 0, V: 1, Weight: 1}, {U: 0, V: 2, Weight: 1}})
	if got := BrokeredPairs(g, 0); len(got) != 1 || got[0] != [2]int{1, 2} {
		t.Errorf("BrokeredPairs of a path = %v, want [[1 2]]", got)
	}
}

func BenchmarkBrokerage(b *testing.B) {
	const n = 5000
	rng := rand.New(rand.NewPCG(1, 2))
	authors := make([]graph.Author, n)
	var edges []graph.Edge
	for i := range authors {
		authors[i] = graph.Author{Key: strconv.Itoa(i)}
		for k := 0; k < 5; k++ {
			edges = append(edges, graph.Edge{U: int32(i), V: int32(rng.IntN(n)), Weight: 1})
		}
	}
	g, _, _ := graph.New(authors, edges)
	for b.Loop() {
		Brokerage(g)
	}
}

// TestBrokerageCores checks that Brokerage gives the same bits on one
// core and on several, on a graph of several ranges of authors, with
// isolated authors among them.
func TestBrokerageCores(t *testing.T) {
	g := randomGraph(5*brokerageRange+17, 20000, 5)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	e1, f1, c1 := Brokerage(g)
	runtime.GOMAXPROCS(4)
	e4, f4, c4 := Brokerage(g)
	isolated := 0
	for u := range e1 {
		if g.Degree(u) == 0 {
			isolated++
		}
		for _, m := range [][2]float64{{e1[u], e4[u]}, {f1[u], f4[u]}, {c1[u], c4[u]}} {
			if math.Float64bits(m[0]) != math.Float64bits(m[1]) {
				t.Fatalf("author %d: %v on one core, %v on four", u, m[0], m[1])
			}
		}
	}
	if isolated == 0 {
		t.Errorf("no isolated author in the test graph")
	}
}
