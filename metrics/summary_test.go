package metrics

import (
	"testing"

	"github.com/coauthor/coauthor/graph"
)

func TestSummarize(t *testing.T) {
	// Expected values from networkx 3.6.1 with weight=w and dist=1/w on
	// each edge: density(G), average_clustering(G), transitivity(G),
	// sum(triangles(G).values())//3, diameter(G) and
	// max(max(d.values()) for _, d in all_pairs_dijkstra_path_length(G,
	// weight="dist")), the last two on the largest component.
	tests := []struct {
		name                       string
		g                          *graph.Graph
		edges, components, largest int
		largestEdges               int
		density, avgClustering     float64
		transitivity               float64
		triangles                  int64
		diameter                   int
		weightedDiameter           float64
	}{
		{
			name: "karate", g: readKarate(t),
			edges: 78, components: 1, largest: 34, largestEdges: 78,
			density: 0.13903743315508021, avgClustering: 0.5706384782076823,
			transitivity: 0.2556818181818182, triangles: 45,
			diameter: 5, weightedDiameter: 5,
		},
		{
			name: "weighted", g: newTestGraph(7, weightedEdges),
			edges: 10, components: 1, largest: 7, largestEdges: 10,
			density: 10.0 / 21, avgClustering: 0.40476190476190477,
			transitivity: 0.42857142857142855, triangles: 3,
			diameter: 3, weightedDiameter: 2.5,
		},
		{
			// Worked by hand: the triangle is the largest component.
			name: "split", g: newTestGraph(6, splitEdges),
			edges: 4, components: 3, largest: 3, largestEdges: 3,
			density: 4.0 / 15, avgClustering: 0.5,
			transitivity: 1, triangles: 1,
			diameter: 1, weightedDiameter: 1,
		},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			for _, c := range []*Centrality{nil, Centralities(test.g)} {
				s := Summarize(test.g, c, nil)
				if s.Authors != test.g.Len() || s.Edges != test.edges ||
					s.Components != test.components || s.LargestComponent != test.largest ||
					s.LargestComponentEdges != test.largestEdges {
					t.Errorf("Summarize counts = %d authors, %d edges, %d components, largest %d with %d edges; want %d, %d, %d, %d, %d",
						s.Authors, s.Edges, s.Components, s.LargestComponent, s.LargestComponentEdges,
						test.g.Len(), test.edges, test.components, test.largest, test.largestEdges)
				}
				checkFloat(t, "Density", s.Density, test.density, 1e-12)
				checkFloat(t, "AverageClustering", s.AverageClustering, test.avgClustering, 1e-12)
				checkFloat(t, "Transitivity", s.Transitivity, test.transitivity, 1e-12)
				if s.Triangles != test.triangles || s.Diameter != test.diameter ||
					!s.DiameterExact || !s.WeightedDiameterExact {
					t.Errorf("Triangles, Diameter, DiameterExact, WeightedDiameterExact = %d, %d, %t, %t, want %d, %d, true, true",
						s.Triangles, s.Diameter, s.DiameterExact, s.WeightedDiameterExact,
						test.triangles, test.diameter)
				}
				checkFloat(t, "WeightedDiameter", s.WeightedDiameter, test.weightedDiameter, 1e-12)
				if s.Modularity != 0 || s.Communities != 0 {
					t.Errorf("Modularity, Communities without a partition = %g, %d, want 0, 0",
						s.Modularity, s.Communities)
				}
			}
		})
	}
}

func TestSummarizePartition(t *testing.T) {
	g := newTestGraph(6, splitEdges)
	p := &Partition{Of: []int{0, 0, 0, 1, 1, 2}, Sizes: []int{3, 2, 1}, Q: 0.5}
	s := Summarize(g, nil, p)
	if s.Modularity != 0.5 || s.Communities != 3 {
		t.Errorf("Modularity, Communities = %g, %d, want 0.5, 3", s.Modularity, s.Communities)
	}
}

func TestSummarizeEmpty(t *testing.T) {
	for _, n := range []int{0, 1} {
		s := Summarize(newTestGraph(n, nil), nil, nil)
		want := Summary{Authors: n, Components: n, LargestComponent: n, DiameterExact: true}
		if s.Authors != want.Authors || s.Components != want.Components ||
			s.LargestComponent != want.LargestComponent || s.Density != 0 ||
			s.AverageClustering != 0 || s.Diameter != 0 || !s.DiameterExact {
			t.Errorf("Summarize(%d nodes) = %+v, want %+v", n, s, want)
		}
	}
}

func TestSweepDiameters(t *testing.T) {
	// On a path (a tree) a double sweep finds the exact diameter: 9 hops,
	// and lengths 1/2 each, 4.5 in all.
	var edges [][3]float64
	for u := 0; u < 9; u++ {
		edges = append(edges, [3]float64{float64(u), float64(u + 1), 2})
	}
	g := newTestGraph(10, edges)
	members := make([]int32, g.Len())
	for i := range members {
		members[i] = int32(i)
	}
	hops, length := sweepHops(g, members), sweepLength(g, members)
	if hops != 9 {
		t.Errorf("sweepHops = %d, want 9", hops)
	}
	checkFloat(t, "sweepLength", length, 4.5, 1e-12)

	// On a generated graph the bound never exceeds the exact value.
	g = randomGraph(300, 700, 2)
	of, _ := Components(g)
	exactHops, exact1 := hopDiameter(g, of)
	exactLength, exact2 := weightedDiameter(g, of)
	exact := exact1 && exact2
	members = members[:0]
	for u, k := range of {
		if k == 0 {
			members = append(members, int32(u))
		}
	}
	hops, length = sweepHops(g, members), sweepLength(g, members)
	if !exact || hops > exactHops || length > exactLength*(1+1e-12) || hops < exactHops-2 {
		t.Errorf("sweepHops, sweepLength = %d, %g; exact %d, %g (%t)", hops, length, exactHops, exactLength, exact)
	}
}
