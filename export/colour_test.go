package export

import (
	"testing"

	"github.com/coauthor/coauthor/metrics"
)

// TestCommunityColour checks that no colour stands for two communities:
// the communities past the palette, like the small ones, are grey.
func TestCommunityColour(t *testing.T) {
	n := len(palette) + 2
	sizes := make([]int, n)
	for i := range sizes {
		sizes[i] = 5
	}
	sizes[1] = 2 // below MinCommunity 3
	a := &Analysis{Communities: &metrics.Partition{Sizes: sizes}}
	opt := DrawOptions{MinCommunity: 3}
	seen := map[string]int{}
	for c := 0; c < n; c++ {
		col := communityColour(a, opt, c)
		switch {
		case c == 1 || c >= len(palette):
			if col != grey {
				t.Errorf("community %d has colour %s, want grey", c, col)
			}
		case col == grey:
			t.Errorf("community %d is grey, want its own colour", c)
		default:
			if d, ok := seen[col]; ok {
				t.Errorf("communities %d and %d share colour %s", d, c, col)
			}
			seen[col] = c
		}
	}
	if got := communityColour(a, opt, -1); got != grey {
		t.Errorf("no community: colour %s, want grey", got)
	}
}
