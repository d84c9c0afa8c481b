package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// prefixed is an index to sort by a string, with 8 bytes of the string
// from some offset as a number and how many of them the string has (9
// when more follow): they settle most comparisons without reading the
// string.
type prefixed struct {
	prefix uint64
	n      int32
	i      int32
}

// chunkOf returns the 8 bytes of s from offset at, big-endian, padded
// with zeros, and their number, 9 when s goes on after them.
func chunkOf(s string, at int) (uint64, int32) {
	if at >= len(s) {
		return 0, 0
	}
	s = s[at:]
	var p uint64
	n := min(len(s), 8)
	for k := 0; k < n; k++ {
		p |= uint64(s[k]) << (56 - 8*k)
	}
	if len(s) > 8 {
		return p, 9
	}
	return p, int32(n)
}

// compareChunks orders prefixed by chunk, the shorter first of equal
// padded bytes, and then by index. Of strings equal up to the chunks,
// that order is theirs as far as it goes.
func compareChunks(a, b prefixed) int {
	if a.prefix != b.prefix {
		return cmp.Compare(a.prefix, b.prefix)
	}
	if a.n != b.n {
		return cmp.Compare(a.n, b.n)
	}
	return cmp.Compare(a.i, b.i)
}

// stringSorter sorts indices by strings, keeping its scratch space for
// the next sort.
type stringSorter struct {
	recs, tmp []prefixed
}

// sort sorts idx by the strings str gives its elements, and equal
// strings by element. The strings are sorted 8 bytes at a time, as
// numbers, those equal so far again by their next 8 bytes; in parts on
// w goroutines, merged.
func (st *stringSorter) sort(idx []int32, str func(int32) string, w int) {
	if len(idx) < 2 {
		return
	}
	if cap(st.recs) < len(idx) {
		st.recs = make([]prefixed, len(idx))
	}
	recs := st.recs[:len(idx)]
	parallel(len(idx), w, func(_, lo, hi int) {
		for k := lo; k < hi; k++ {
			p, n := chunkOf(str(idx[k]), 0)
			recs[k] = prefixed{p, n, idx[k]}
		}
		sortChunks(recs[lo:hi], str, 0)
	})
	if w > 1 {
		compare := func(a, b prefixed) int {
			return cmp.Or(strings.Compare(str(a.i), str(b.i)), cmp.Compare(a.i, b.i))
		}
		// Merge the w sorted parts pairwise, doubling their size, each
		// merge on its own goroutine.
		bounds := make([]int, w+1)
		for k := range bounds {
			bounds[k] = len(idx) * k / w
		}
		if cap(st.tmp) < len(idx) {
			st.tmp = make([]prefixed, len(idx))
		}
		tmp := st.tmp[:len(idx)]
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

// sortChunks sorts recs, whose chunks start at offset at of their
// strings, by string and index.
func sortChunks(recs []prefixed, str func(int32) string, at int) {
	slices.SortFunc(recs, compareChunks)
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].prefix == recs[lo].prefix && recs[hi].n == recs[lo].n {
			hi++
		}
		if run := recs[lo:hi]; len(run) > 1 && run[0].n == 9 {
			for k := range run {
				run[k].prefix, run[k].n = chunkOf(str(run[k].i), at+8)
			}
			sortChunks(run, str, at+8)
		}
		lo = hi
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
