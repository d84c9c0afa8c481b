package corpus

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestStringSorter checks the sort by strings against a stable sort of
// the indices, on strings with long common prefixes, zero bytes and
// lengths around the 8 bytes compared at once, on 1 to 5 goroutines.
func TestStringSorter(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"", "a", "ab", "\x00", "abcdefgh", "abcdefg", "abcdefghi", "zz", "é", "\xff"}
	var strs []string
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		strs = append(strs, b.String())
	}
	want := make([]int32, len(strs))
	for i := range want {
		want[i] = int32(i)
	}
	slices.SortStableFunc(want, func(a, b int32) int { return strings.Compare(strs[a], strs[b]) })
	var st stringSorter
	for w := 1; w <= 5; w++ {
		for _, n := range []int{0, 1, 2, 17, len(strs)} {
			got := make([]int32, n)
			for i := range got {
				got[i] = int32(i)
			}
			rng.Shuffle(n, func(i, j int) { got[i], got[j] = got[j], got[i] })
			st.sort(got, func(i int32) string { return strs[i] }, w)
			sub := slices.DeleteFunc(slices.Clone(want), func(i int32) bool { return int(i) >= n })
			if !slices.Equal(got, sub) {
				t.Fatalf("%d strings on %d goroutines: got %v, want %v", n, w, got[:min(n, 20)], sub[:min(n, 20)])
			}
		}
	}
}

func TestMergeFunc(t *testing.T) {
	a := []int{1, 3, 3, 7}
	b := []int{0, 3, 8}
	dst := make([]int, len(a)+len(b))
	mergeFunc(dst, a, b, cmp.Compare[int])
	if want := []int{0, 1, 3, 3, 3, 7, 8}; !slices.Equal(dst, want) {
		t.Errorf("mergeFunc = %v, want %v", dst, want)
	}
}

func TestPermute(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 10, 1000} {
		order := make([]int32, n)
		for i := range order {
			order[i] = int32(i)
		}
		rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprint(i)
		}
		kept := slices.Clone(order)
		permute(s, order)
		for k := range s {
			if want := fmt.Sprint(order[k]); s[k] != want {
				t.Fatalf("%d elements: s[%d] = %s, want %s", n, k, s[k], want)
			}
		}
		if !slices.Equal(order, kept) {
			t.Errorf("%d elements: permute changed the order", n)
		}
	}
}
