package corpus

import (
	"math/bits"
)

// nameTable holds the distinct names of the authors of papers, as
// written, in no particular order: nothing Resolve makes depends on it.
type nameTable struct {
	names []string
	count []int32 // of each name, its authors without identifiers or with only empty ones
	first []int   // of each name, the first of those authors

	// The names are counted in shards, one per goroutine, chosen by a
	// hash of the name; shard k numbers its names from start[k] and finds
	// them with maps[k].
	maps  []map[string]int32
	start []int32
}

// countNames returns the names of the authors of papers and sets of[a]
// to the name of author a; ofStart[i] is the first author of paper i.
// Authors with identifiers that are not all empty are listed in
// withIDs, and those with only empty identifiers in edges, by position.
//
// Each goroutine counts the names of its shard, so the map lookups, one
// per author, are shared out; each reads all the authors but starts at
// its own part of the papers, so that the goroutines do not write to the
// same part of of at once.
func countNames(papers []Paper, ofStart []int, of []int32) (t *nameTable, withIDs []idAuthor, edges []int) {
	w := workers(len(of))
	shardBits := bits.Len(uint(w - 1))
	type shard struct {
		names []string
		count []int32
		first []int
		m     map[string]int32
	}
	shards := make([]shard, w)
	parallel(w, w, func(k, _, _ int) {
		sh := &shards[k]
		sh.m = make(map[string]int32)
		from := len(papers) * k / w
		for n := range papers {
			i := from + n
			if i >= len(papers) {
				i -= len(papers)
			}
			pos := ofStart[i]
			for j := range papers[i].Authors {
				au := &papers[i].Authors[j]
				if k == 0 && len(au.IDs) > 0 {
					// Goroutine 0 reads the papers in order.
					if allEmpty(au.IDs) {
						edges = append(edges, pos+j)
					} else {
						withIDs = appendDoubling(withIDs, idAuthor{pos + j, au})
					}
				}
				if w > 1 && nameShard(au.Name, w) != k {
					continue
				}
				nm, ok := sh.m[au.Name]
				if !ok {
					nm = int32(len(sh.names))
					sh.m[au.Name] = nm
					sh.names = appendDoubling(sh.names, au.Name)
					sh.count = appendDoubling(sh.count, 0)
					sh.first = appendDoubling(sh.first, 0)
				}
				of[pos+j] = nm<<shardBits | int32(k)
				if len(au.IDs) == 0 || allEmpty(au.IDs) {
					if sh.count[nm] == 0 || pos+j < sh.first[nm] {
						sh.first[nm] = pos + j
					}
					sh.count[nm]++
				}
			}
		}
	})
	t = &nameTable{maps: make([]map[string]int32, w), start: make([]int32, w+1)}
	for k := range shards {
		t.start[k+1] = t.start[k] + int32(len(shards[k].names))
	}
	if w == 1 {
		t.names, t.count, t.first, t.maps[0] = shards[0].names, shards[0].count, shards[0].first, shards[0].m
		return t, withIDs, edges
	}
	n := int(t.start[w])
	t.names, t.count, t.first = make([]string, n), make([]int32, n), make([]int, n)
	for k := range shards {
		sh := &shards[k]
		copy(t.names[t.start[k]:], sh.names)
		copy(t.count[t.start[k]:], sh.count)
		copy(t.first[t.start[k]:], sh.first)
		t.maps[k] = sh.m
	}
	mask := int32(1)<<shardBits - 1
	parallel(len(of), w, func(_, lo, hi int) {
		for a := lo; a < hi; a++ {
			of[a] = t.start[of[a]&mask] + of[a]>>shardBits
		}
	})
	return t, withIDs, edges
}

// lookup returns the index of name s, and whether it is there.
func (t *nameTable) lookup(s string) (int32, bool) {
	k := 0
	if len(t.maps) > 1 {
		k = nameShard(s, len(t.maps))
	}
	i, ok := t.maps[k][s]
	return t.start[k] + i, ok
}

// nameShard returns the shard of name s among w.
func nameShard(s string, w int) int {
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for ; len(s) >= 8; s = s[8:] {
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ x) * 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	hi, _ := bits.Mul64(mix64(h), uint64(w))
	return int(hi)
}
