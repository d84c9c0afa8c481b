package export

import (
	"fmt"
	"slices"
	"testing"

	"github.com/coauthor/coauthor/graph"
)

// TestBackbone draws 5 nodes of a 6-node graph. Among nodes 0-4 the
// ties are 0-1 (5), 1-2 (4), 0-2 (3), 2-3 (1), 3-4 (2), 0-4 (1), 1-3 (1);
// the maximum spanning forest is 0-1, 1-2, 3-4 and one of the weight-1
// ties to join {0,1,2} with {3,4}: 0-4 (edge order breaks the tie with
// 1-3 and 2-3, which come later). With 2 extra ties, 0-2 and then 1-3
// are added (1-3 is the first remaining weight-1 tie by endpoints).
func TestBackbone(t *testing.T) {
	authors := make([]graph.Author, 6)
	for i := range authors {
		authors[i].Name = fmt.Sprint("A", i)
	}
	g, _, _ := graph.New(authors, []graph.Edge{
		{U: 0, V: 1, Weight: 5}, {U: 1, V: 2, Weight: 4}, {U: 0, V: 2, Weight: 3},
		{U: 2, V: 3, Weight: 1}, {U: 3, V: 4, Weight: 2}, {U: 0, V: 4, Weight: 1},
		{U: 1, V: 3, Weight: 1}, {U: 4, V: 5, Weight: 9},
	})
	a := &Analysis{Graph: g}
	pairs := func(es []int) [][2]int32 {
		var out [][2]int32
		for _, e := range es {
			out = append(out, [2]int32{g.Edges[e].U, g.Edges[e].V})
		}
		return out
	}
	tests := []struct {
		extra int
		want  [][2]int32
	}{
		{0, [][2]int32{{0, 1}, {0, 4}, {1, 2}, {3, 4}}},
		{2, [][2]int32{{0, 1}, {0, 2}, {0, 4}, {1, 2}, {1, 3}, {3, 4}}},
	}
	for _, test := range tests {
		for run := 0; run < 5; run++ {
			es, err := backbone(a, []int{0, 1, 2, 3, 4}, test.extra)
			if err != nil {
				t.Fatal(err)
			}
			if got := pairs(es); !slices.Equal(got, test.want) {
				t.Fatalf("backbone(extra %d) = %v, want %v", test.extra, got, test.want)
			}
		}
	}
}
