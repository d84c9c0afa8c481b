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

	// The names are counted in shards, one per goroutine, chosen by the
	// top bits of a hash of the name; shard k numbers its names from
	// start[k] and finds them with index[k].
	index []nameIndex
	start []int32
}

// nameIndex finds the names of a shard by hash, in open addressing: a
// slot holds the high 32 bits of the hash of a name, which also place
// it, and 1 + its index in the shard, or 0 when free. Most names not
// looked for are passed over on those bits, without reading them.
type nameIndex struct {
	slots []uint64
	n     int // names filed
}

// find returns the index in names of s, whose hash is h, or -1 and the
// slot where it goes.
func (x *nameIndex) find(s string, h uint64, names []string) (int32, int) {
	tag := h >> 32
	mask := len(x.slots) - 1
	for slot := int(tag) & mask; ; slot = (slot + 1) & mask {
		v := x.slots[slot]
		switch {
		case v == 0:
			return -1, slot
		case v>>32 == tag && names[uint32(v)-1] == s:
			return int32(uint32(v) - 1), slot
		}
	}
}

// add files the name of index i, whose hash is h, in slot, which find
// returned, and doubles the table when it is half full.
func (x *nameIndex) add(i int32, h uint64, slot int) {
	x.slots[slot] = h>>32<<32 | uint64(i+1)
	x.n++
	if 2*x.n <= len(x.slots) {
		return
	}
	old := x.slots
	x.slots = make([]uint64, 2*len(old))
	mask := len(x.slots) - 1
	for _, v := range old {
		if v == 0 {
			continue
		}
		slot := int(v>>32) & mask
		for x.slots[slot] != 0 {
			slot = (slot + 1) & mask
		}
		x.slots[slot] = v
	}
}

// countNames returns the names of the authors of papers and sets of[a]
// to the name of author a; ofStart[i] is the first author of paper i.
// Authors with identifiers that are not all empty are listed in
// withIDs, and those with only empty identifiers in edges, by position.
//
// Each goroutine counts the names of its shard, so the lookups, one per
// author, are shared out; each reads all the authors but starts at its
// own part of the papers, so that the goroutines do not write to the
// same part of of at once.
func countNames(papers []Paper, ofStart []int, of []int32) (t *nameTable, withIDs []idAuthor, edges []int) {
	w := workers(len(of))
	shardBits := bits.Len(uint(w - 1))
	type shard struct {
		names []string
		count []int32
		first []int
		index nameIndex
	}
	shards := make([]shard, w)
	parallel(w, w, func(k, _, _ int) {
		sh := &shards[k]
		sh.index.slots = make([]uint64, 1024)
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
				h := nameHash(au.Name)
				if w > 1 && nameShard(h, w) != k {
					continue
				}
				nm, slot := sh.index.find(au.Name, h, sh.names)
				if nm < 0 {
					nm = int32(len(sh.names))
					sh.names = appendDoubling(sh.names, au.Name)
					sh.count = appendDoubling(sh.count, 0)
					sh.first = appendDoubling(sh.first, 0)
					sh.index.add(nm, h, slot)
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
	t = &nameTable{index: make([]nameIndex, w), start: make([]int32, w+1)}
	for k := range shards {
		t.start[k+1] = t.start[k] + int32(len(shards[k].names))
		t.index[k] = shards[k].index
	}
	if w == 1 {
		t.names, t.count, t.first = shards[0].names, shards[0].count, shards[0].first
		return t, withIDs, edges
	}
	n := int(t.start[w])
	t.names, t.count, t.first = make([]string, n), make([]int32, n), make([]int, n)
	for k := range shards {
		sh := &shards[k]
		copy(t.names[t.start[k]:], sh.names)
		copy(t.count[t.start[k]:], sh.count)
		copy(t.first[t.start[k]:], sh.first)
		sh.names, sh.count, sh.first = nil, nil, nil
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
	h := nameHash(s)
	k := 0
	if len(t.index) > 1 {
		k = nameShard(h, len(t.index))
	}
	lo, hi := t.start[k], t.start[k+1]
	i, _ := t.index[k].find(s, h, t.names[lo:hi])
	return lo + i, i >= 0
}

// nameHash returns a hash of a name, read 8 bytes at a time.
func nameHash(s string) uint64 {
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
	return mix64(h)
}

// nameShard returns the shard among w of a name whose hash is h.
func nameShard(h uint64, w int) int {
	hi, _ := bits.Mul64(h, uint64(w))
	return int(hi)
}
