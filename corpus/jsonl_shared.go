package corpus

import (
	"hash/maphash"
	"sync"
)

// A jsonlTable has 1<<jsonlShardBits parts, each with its own lock, so
// that workers seldom want the same part at the same time: reading 1M
// papers with two workers, a few hundred of the 4M lookups wait.
const jsonlShardBits = 8

// jsonlTable maps text to a string; the workers of one read share it to
// store each distinct name, venue or keyword once. With hundreds of
// thousands of distinct names, what a lookup costs is the reads from
// memory that miss the cache, so the table is open addressing with
// slots of one cache line that hold the hash and the start of the key:
// a lookup of a short key reads one slot, and growing never hashes a
// key again.
type jsonlTable struct {
	seed   maphash.Seed
	shards [1 << jsonlShardBits]jsonlShard
}

type jsonlShard struct {
	mu    sync.Mutex
	slots []jsonlSlot // a power of two of them; hash 0 marks a free slot
	n     int         // slots in use
	_     [64 - 40]byte
}

type jsonlSlot struct {
	hash     uint64
	key, val string
	head     [24]byte // the start of key
}

func newJSONLTable() *jsonlTable {
	return &jsonlTable{seed: maphash.MakeSeed()}
}

// get returns the string stored for b, storing f(b) on the first call
// for a text. f is called with the shard locked, so for each text once.
func (t *jsonlTable) get(b []byte, f func(string) string) string {
	h := maphash.Bytes(t.seed, b) | 1
	s := &t.shards[h>>(64-jsonlShardBits)]
	s.mu.Lock()
	if 4*(s.n+1) > 3*len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.hash == h && len(sl.key) == len(b) &&
			(len(b) <= len(sl.head) && string(sl.head[:len(b)]) == string(b) || sl.key == string(b)) {
			v := sl.val
			s.mu.Unlock()
			return v
		}
		if sl.hash == 0 {
			k := string(b)
			*sl = jsonlSlot{hash: h, key: k, val: f(k)}
			copy(sl.head[:], k)
			s.n++
			v := sl.val
			s.mu.Unlock()
			return v
		}
	}
}

// grow doubles the slots of s.
func (s *jsonlShard) grow() {
	old := s.slots
	s.slots = make([]jsonlSlot, max(64, 2*len(old)))
	mask := uint64(len(s.slots) - 1)
	for _, sl := range old {
		if sl.hash == 0 {
			continue
		}
		i := sl.hash & mask
		for s.slots[i].hash != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}

// jsonlShared is what the workers of one read share.
type jsonlShared struct {
	names *jsonlTable  // names as written, to display order
	strs  *jsonlTable  // venues, keywords, affiliations
	seed  maphash.Seed // for the hashes of IDs
}

func newJSONLShared() *jsonlShared {
	return &jsonlShared{names: newJSONLTable(), strs: newJSONLTable(), seed: maphash.MakeSeed()}
}

// decoder returns a decoder for one worker.
func (sh *jsonlShared) decoder() *jsonlDecoder {
	return &jsonlDecoder{shared: sh, local: map[string]string{}}
}

// displayName returns DisplayName of the name as written, computed once
// for each distinct name.
func (sh *jsonlShared) displayName(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	return sh.names.get(raw, jsonlDisplayName)
}

func jsonlDisplayName(s string) string {
	if d := DisplayName(s); d != s {
		return d
	}
	return s
}

// str returns b as a string, stored once.
func (sh *jsonlShared) str(b []byte) string {
	return sh.strs.get(b, jsonlSame)
}

func jsonlSame(s string) string { return s }
