package metrics

import (
	"math"
	"testing"
)

// TestNMIAndAdjustedRand checks NMI and AdjustedRand on small labellings.
// The values were worked out by hand from the formulas in the doc
// comments (natural logarithms).
func TestNMIAndAdjustedRand(t *testing.T) {
	tests := []struct {
		name     string
		a, b     []int
		nmi, ari float64
		tol      float64
	}{
		{"identical", []int{0, 0, 1, 1, 2}, []int{0, 0, 1, 1, 2}, 1, 1, 1e-12},
		{"renamed", []int{0, 0, 1, 1, 2}, []int{7, 7, -1, -1, 3}, 1, 1, 1e-12},
		{"both one group", []int{0, 0, 0}, []int{5, 5, 5}, 1, 1, 0},
		{"both singletons", []int{0, 1, 2}, []int{2, 1, 0}, 1, 1, 1e-12},
		{"one group against singletons", []int{0, 0, 0}, []int{0, 1, 2}, 0, 0, 1e-12},
		// H(A) = ln 2, H(B) = -(3/4 ln 3/4 + 1/4 ln 1/4),
		// H(A,B) = -(1/2 ln 1/2 + 1/2 ln 1/4): NMI = 0.3437110184854507.
		// Pairs: index 1, rows 2, columns 3, of 6: E = 1, ARI = 0.
		{"split one item", []int{0, 0, 1, 1}, []int{0, 0, 0, 1}, 0.3437110184854507, 0, 1e-12},
		// Pairs: index 2, rows 6, columns 3, of 15: E = 1.2,
		// ARI = 0.8 / (4.5 - 1.2) = 8/33.
		{"halves against thirds", []int{0, 0, 0, 1, 1, 1}, []int{0, 0, 1, 1, 2, 2}, math.NaN(), 8.0 / 33, 1e-12},
		{"empty", nil, nil, 1, 1, 0},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if !math.IsNaN(test.nmi) {
				checkFloat(t, "NMI", NMI(test.a, test.b), test.nmi, test.tol)
				checkFloat(t, "NMI reversed", NMI(test.b, test.a), test.nmi, test.tol)
			}
			checkFloat(t, "AdjustedRand", AdjustedRand(test.a, test.b), test.ari, test.tol)
			checkFloat(t, "AdjustedRand reversed", AdjustedRand(test.b, test.a), test.ari, test.tol)
		})
	}
}

func TestConnected(t *testing.T) {
	g := unitGraph(4, [][3]float64{{0, 1, 1}, {1, 2, 1}, {2, 3, 1}})
	tests := []struct {
		of   []int
		want bool
	}{
		{[]int{0, 0, 0, 0}, true},
		{[]int{0, 0, 1, 1}, true},
		{[]int{0, 1, 0, 1}, false},
		{[]int{0, 1, 1, 0}, false},
		{[]int{3, 2, 1, 0}, true},
	}
	for _, test := range tests {
		if got := Connected(g, &Partition{Of: test.of}); got != test.want {
			t.Errorf("Connected(path, %v) = %v, want %v", test.of, got, test.want)
		}
	}
}

func TestBestOfRuns(t *testing.T) {
	g := unitGraph(4, [][3]float64{{0, 1, 1}, {2, 3, 1}})
	// Seeds 10..13 give Q 0.3, 0.5, 0.5, 0.1; the first 0.5 is seed 11.
	qs := map[uint64]float64{10: 0.3, 11: 0.5, 12: 0.5, 13: 0.1}
	ofs := map[uint64][]int{10: {0, 0, 1, 1}, 11: {0, 0, 1, 1}, 12: {1, 1, 0, 0}, 13: {0, 0, 0, 1}}
	var seeds []uint64
	best, st := BestOfRuns(g, 4, 10, func(seed uint64) *Partition {
		seeds = append(seeds, seed)
		return &Partition{Of: ofs[seed], Q: qs[seed], Seed: seed}
	})
	if best.Seed != 11 {
		t.Errorf("best seed = %d, want 11", best.Seed)
	}
	if len(seeds) != 4 || seeds[0] != 10 || seeds[3] != 13 {
		t.Errorf("seeds = %v, want [10 11 12 13]", seeds)
	}
	// Three identical partitions and {0,0,0,1}: three pairs score 1, three
	// score NMI(x, {0,0,0,1}) and ARI 0 (see TestNMIAndAdjustedRand).
	if st.Runs != 4 {
		t.Errorf("Runs = %d, want 4", st.Runs)
	}
	checkFloat(t, "MeanNMI", st.MeanNMI, (3+3*0.3437110184854507)/6, 1e-12)
	checkFloat(t, "MeanARI", st.MeanARI, 0.5, 1e-12)

	p := Leiden(g, LeidenOptions{})
	_, st = BestOfRuns(g, 0, 1, func(seed uint64) *Partition { return p })
	if st.Runs != 1 || st.MeanNMI != 1 || st.MeanARI != 1 {
		t.Errorf("one run: %+v, want {1 1 1}", st)
	}
}

// TestLeidenStability runs Leiden with five seeds on karate and checks
// that the runs agree and all reach the optimum.
func TestLeidenStability(t *testing.T) {
	g := readNet(t, "karate.gml")
	best, st := BestOfRuns(g, 5, 1, func(seed uint64) *Partition {
		return Leiden(g, LeidenOptions{Seed: seed})
	})
	t.Logf("karate, 5 runs: best Q %.4f (seed %d), %+v", best.Q, best.Seed, st)
	if best.Q < 0.4198-1e-4 || st.MeanNMI < 0.8 || st.MeanARI < 0.8 {
		t.Errorf("best Q = %.4f, stability %+v; want Q 0.4198 and means >= 0.8", best.Q, st)
	}
}
