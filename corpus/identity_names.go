package corpus

// nameTable holds the distinct names of the authors of papers, as
// written, in no particular order: nothing Resolve makes depends on it.
type nameTable struct {
	names []string
	count []int32 // of each name, its authors without identifiers or with only empty ones
	first []int   // of each name, the first of those authors

	// The names are counted in parts, one per goroutine, each the names
	// of a range of papers; the name of index i in part k is
	// global[k][i], and index[k] finds it.
	index  []nameIndex
	global [][]int32
}

// nameIndex is names in open addressing, each with its counts in its
// slot, so that counting an author reads one slot.
type nameIndex struct {
	slots []nameSlot
	n     int // names filed
}

// nameSlot is a name and its counts, or a free slot when idx is 0.
// Authors are numbered in 32 bits, as names are in resolver.of.
type nameSlot struct {
	name  string
	first int32  // its first author without identifiers or with only empty ones
	count int32  // its authors without identifiers or with only empty ones
	tag   uint32 // the high 32 bits of its hash, which also place it
	idx   uint32 // 1 + its index in the part
}

// newNameIndex returns an index with room for n names.
func newNameIndex(n int) nameIndex {
	size := 1024
	for 3*size < 4*n {
		size *= 2
	}
	return nameIndex{slots: make([]nameSlot, size)}
}

// find returns the slot of s, whose hash has the high 32 bits tag, or
// the free slot where it goes. Names not looked for are mostly passed
// over on their tags, without reading them.
func (x *nameIndex) find(s string, tag uint32) *nameSlot {
	mask := len(x.slots) - 1
	for k := int(tag) & mask; ; k = (k + 1) & mask {
		if sl := &x.slots[k]; sl.idx == 0 || sl.tag == tag && sl.name == s {
			return sl
		}
	}
}

// add files s, whose hash has the high 32 bits tag, in sl, the free slot
// find returned, and returns its slot, which moves when the index grows:
// it grows to twice its size past three quarters full.
func (x *nameIndex) add(sl *nameSlot, s string, tag uint32) *nameSlot {
	x.n++
	*sl = nameSlot{name: s, tag: tag, idx: uint32(x.n)}
	if 4*x.n <= 3*len(x.slots) {
		return sl
	}
	old := x.slots
	x.slots = make([]nameSlot, 2*len(old))
	mask := len(x.slots) - 1
	for k := range old {
		if old[k].idx == 0 {
			continue
		}
		j := int(old[k].tag) & mask
		for x.slots[j].idx != 0 {
			j = (j + 1) & mask
		}
		x.slots[j] = old[k]
	}
	return x.find(s, tag)
}

// countNames returns the names of the authors of papers and sets of[a]
// to the name of author a; ofStart[i] is the first author of paper i.
// Authors with identifiers that are not all empty are listed in
// withIDs, and those with only empty identifiers in edges, by position.
//
// Each goroutine counts the names of its range of papers, and the names
// of each part that earlier parts do not have are numbered after theirs,
// so each name is read once by one goroutine, and once more for each
// part it is new to.
func countNames(papers []Paper, ofStart []int, of []int32) (t *nameTable, withIDs []idAuthor, edges []int) {
	w := workers(len(of))
	type part struct {
		lo, hi  int // papers
		withIDs []idAuthor
		edges   []int
	}
	parts := make([]part, w)
	t = &nameTable{index: make([]nameIndex, w), global: make([][]int32, w)}
	parallel(len(papers), w, func(k, lo, hi int) {
		p := &parts[k]
		p.lo, p.hi = lo, hi
		// Authors are on several papers on average in most corpora: start
		// with room for an eighth of them.
		x := &t.index[k]
		*x = newNameIndex((ofStart[hi] - ofStart[lo]) / 8)
		for i := lo; i < hi; i++ {
			pos := int32(ofStart[i])
			for j := range papers[i].Authors {
				au := &papers[i].Authors[j]
				bare := len(au.IDs) == 0
				if !bare {
					if bare = allEmpty(au.IDs); bare {
						p.edges = append(p.edges, int(pos))
					} else {
						p.withIDs = appendDoubling(p.withIDs, idAuthor{int(pos), au})
					}
				}
				tag := uint32(nameHash(au.Name) >> 32)
				sl := x.find(au.Name, tag)
				if sl.idx == 0 {
					sl = x.add(sl, au.Name, tag)
				}
				of[pos] = int32(sl.idx - 1)
				if bare {
					if sl.count == 0 {
						sl.first = pos // the first, as papers are read in order
					}
					sl.count++
				}
				pos++
			}
		}
	})

	// Number the names: those of part 0 first, those new to each later
	// part after the names of the parts before.
	most := 0
	for k := range t.index {
		most += t.index[k].n
	}
	t.names, t.count, t.first = make([]string, 0, most), make([]int32, 0, most), make([]int, 0, most)
	for k := range t.index {
		g := make([]int32, t.index[k].n)
		for _, sl := range t.index[k].slots {
			if sl.idx == 0 {
				continue
			}
			i := int32(-1)
			for j := range k {
				if old := t.index[j].find(sl.name, sl.tag); old.idx != 0 {
					i = t.global[j][old.idx-1]
					break
				}
			}
			if i < 0 {
				i = int32(len(t.names))
				t.names, t.count, t.first = append(t.names, sl.name), append(t.count, 0), append(t.first, 0)
			}
			g[sl.idx-1] = i
			if sl.count > 0 {
				if t.count[i] == 0 {
					t.first[i] = int(sl.first) // earlier parts hold earlier authors
				}
				t.count[i] += sl.count
			}
		}
		t.global[k] = g
	}
	parallel(w, w, func(k, _, _ int) {
		g := t.global[k]
		for a := ofStart[parts[k].lo]; a < ofStart[parts[k].hi]; a++ {
			of[a] = g[of[a]]
		}
	})
	for k := range parts {
		withIDs = append(withIDs, parts[k].withIDs...)
		edges = append(edges, parts[k].edges...)
	}
	return t, withIDs, edges
}

// lookup returns the index of name s, and whether it is there.
func (t *nameTable) lookup(s string) (int32, bool) {
	tag := uint32(nameHash(s) >> 32)
	for k := range t.index {
		if sl := t.index[k].find(s, tag); sl.idx != 0 {
			return t.global[k][sl.idx-1], true
		}
	}
	return -1, false
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
