package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// prefixed is an index to sort by a string, with the string's first 8
// bytes as a number, which settle most comparisons without reading the
// string.
type prefixed struct {
	prefix uint64
	i      int32
}

// stringPrefix returns the first 8 bytes of s, big-endian, padded with
// zeros: the order of prefixes is that of the strings, or ties.
func stringPrefix(s string) uint64 {
	var p uint64
	n := min(len(s), 8)
	for k := 0; k < n; k++ {
		p |= uint64(s[k]) << (56 - 8*k)
	}
	return p
}

// sortByString sorts idx by the strings str gives its elements, and
// equal strings by element, in parts on w goroutines that are then
// merged.
func sortByString(idx []int32, str func(int32) string, w int) {
	if len(idx) < 2 {
		return
	}
	recs := make([]prefixed, len(idx))
	compare := func(a, b prefixed) int {
		if a.prefix != b.prefix {
			return cmp.Compare(a.prefix, b.prefix)
		}
		if c := strings.Compare(str(a.i), str(b.i)); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	}
	parallel(len(idx), w, func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			recs[k] = prefixed{stringPrefix(str(idx[k])), idx[k]}
		}
		slices.SortFunc(recs[lo:hi], compare)
	})
	if w > 1 {
		// Merge the w sorted parts pairwise, doubling their size, each
		// merge on its own goroutine.
		bounds := make([]int, w+1)
		for k := range bounds {
			bounds[k] = len(idx) * k / w
		}
		tmp := make([]prefixed, len(idx))
		for len(bounds) > 2 {
			var next []int
			parallel(len(bounds)/2, len(bounds)/2, func(m, _, _ int) {
				lo := bounds[2*m]
				if 2*m+2 >= len(bounds) {
					copy(tmp[lo:], recs[lo:bounds[2*m+1]]) // an odd part out
					return
				}
				mergeFunc(tmp[lo:bounds[2*m+2]], recs[lo:bounds[2*m+1]], recs[bounds[2*m+1]:bounds[2*m+2]], compare)
			})
			for k := 0; k < len(bounds); k += 2 {
				next = append(next, bounds[k])
			}
			if next[len(next)-1] != len(idx) {
				next = append(next, len(idx))
			}
			bounds = next
			recs, tmp = tmp, recs
		}
	}
	for k, r := range recs {
		idx[k] = r.i
	}
}

// mergeFunc merges the sorted a and b into dst, which holds both; of
// equal elements, those of a come first.
func mergeFunc[E any](dst, a, b []E, compare func(E, E) int) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if compare(b[j], a[i]) < 0 {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}
