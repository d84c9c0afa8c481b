package corpus

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DisplayName returns a personal name in display order, "First Last" or
// "First Last Jr.", from any of the three forms BibTeX allows: "First
// Last", "Last, First" and "Last, Jr., First". Whitespace is collapsed.
// Commas inside braces do not split, and braces are kept, so a corporate
// name written "{Barnes, Noble and Co.}" stays whole; the caller removes
// markup afterwards. Particles stay in front of the family name: "de
// Geer, Ingrid" becomes "Ingrid de Geer". [ParseName] splits a name into
// its parts.
func DisplayName(s string) string {
	parts := nameSplitCommas(s)
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(p), " ")
	}
	var first, last, jr string
	switch len(parts) {
	case 1:
		return parts[0]
	case 2:
		last, first = parts[0], parts[1]
	default:
		last, jr, first = parts[0], parts[1], strings.Join(parts[2:], ", ")
	}
	var out []string
	for _, p := range []string{first, last, jr} {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// nameSplitCommas splits s at the commas that are not inside braces.
func nameSplitCommas(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// Name is a personal name split into its parts, each as written.
type Name struct {
	// Given holds the given names or their initials: "Salem",
	// "Edward J.", "J.-P.".
	Given string

	// Particle holds the words between the given and the family name
	// that are not sorted on: "van der", "de", "von", "Ben", "al-".
	Particle string

	// Family is the family name without particle or suffix.
	Family string

	// Suffix is a generational suffix: "Jr.", "Sr.", "II", "III".
	Suffix string
}

// String returns the name in display order: given names, particle,
// family name, suffix.
func (n Name) String() string {
	var out []string
	for _, p := range []string{n.Given, n.Particle, n.Family, n.Suffix} {
		if p != "" {
			out = append(out, p)
		}
	}
	s := strings.Join(out, " ")
	return strings.ReplaceAll(s, "- ", "-")
}

// particles are the lower-cased words taken as name particles when they
// stand between given names and a family name, whatever their case as
// written. Any other word written in lower case there is a particle too,
// as in BibTeX's "von" part.
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true,
	"della": true, "des": true, "di": true, "da": true, "dos": true, "das": true,
	"du": true, "la": true, "le": true, "ten": true, "ter": true, "zu": true,
	"ben": true, "bin": true, "binti": true, "ibn": true, "bint": true,
	"al": true, "el": true,
}

// suffixes are the generational suffixes, lower case without a dot.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

func isSuffix(w string) bool { return inLower(suffixes, strings.TrimSuffix(w, ".")) }

// inLower reports whether m holds w in lower case, as strings.ToLower
// writes it; short ASCII words are lowered without allocating.
func inLower(m map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return m[strings.ToLower(w)]
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

// isInitials reports whether w is written as initials: "S.", "S",
// "J.-P.", "SA", "J.P.". Groups without dots are at most three upper
// case letters.
func isInitials(w string) bool {
	letters, dots := 0, 0
	for _, r := range w {
		switch {
		case r == '.':
			dots++
		case r == '-':
		case unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	if letters == 0 {
		return false
	}
	return dots > 0 || letters <= 3
}

// ParseName splits a personal name into given names, particle, family
// name and suffix, following the conventions of the forms it is written
// in:
//
//	"Last, First"          BibTeX, RIS, Web of Science: "van der Berg, Anna"
//	"Last, Jr., First"     BibTeX: "Pimentel, Jr., Joseph J."
//	"First Last"           "Anna van der Berg", "Joseph J. Pimentel Jr."
//	"Last I." and "LAST I" Scopus and MEDLINE: "Lahlou S.", "LAHLOU SA"
//
// Without a comma the name is read given names first, unless it ends in
// initials that follow a word that is not an initial and either carry a
// dot or are a single letter ("Lahlou S.", "Lahlou S"), or the words
// before them are in capitals ("LAHLOU SA"). In given-first order the
// particle is the run of words before the last word that are written in
// lower case or are common particles ("van", "de", "Ben", "al"), and
// never the first word; a last word starting "al-" or "el-" gives the
// particle "al-". A last word "Jr.", "Sr.", "II", "III" or "IV" is the
// suffix. Whitespace is collapsed and the words are kept as written; a
// name of one word is a family name.
func ParseName(s string) Name {
	if strings.IndexByte(s, ',') < 0 {
		// One part: what follows would collapse its whitespace first.
		var buf [8]string
		return parseOrdered(appendFields(buf[:0], s))
	}
	parts := nameSplitCommas(s)
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(p), " ")
	}
	switch {
	case len(parts) == 2 && isSuffix(parts[1]) && strings.Contains(parts[0], " "):
		n := parseOrdered(strings.Fields(parts[0]))
		n.Suffix = parts[1]
		return n
	case len(parts) == 2:
		n := familyPart(parts[0])
		n.Given = parts[1]
		return n
	case len(parts) > 2:
		n := familyPart(parts[0])
		n.Suffix = parts[1]
		n.Given = strings.Join(parts[2:], ", ")
		return n
	}
	return parseOrdered(strings.Fields(parts[0]))
}

// familyPart splits the part before the comma of "von Last, First".
func familyPart(s string) Name {
	w := strings.Fields(s)
	k := 0
	for k < len(w)-1 && isParticle(w[k], true) {
		k++
	}
	return splitAlPrefix(Name{Particle: strings.Join(w[:k], " "), Family: strings.Join(w[k:], " ")})
}

// isParticle reports whether w can be a particle; lower says whether a
// word in lower case counts.
func isParticle(w string, lower bool) bool {
	if inLower(particles, w) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return lower && w != "" && unicode.IsLower(r)
}

// splitAlPrefix moves an "al-" or "el-" in front of the family name into
// the particle.
func splitAlPrefix(n Name) Name {
	// Only "A" lowers to "a", "L" to "l" and "E" to "e", so the family
	// name in lower case starts with p when its first bytes do, in either
	// case. Both prefixes are tried on the family name as it came.
	family := n.Family
	for _, p := range [...]string{"al-", "el-"} {
		if len(family) >= len(p) && family[0]|0x20 == p[0] && family[1]|0x20 == 'l' && family[2] == '-' &&
			len(n.Family) > len(p) && !strings.Contains(n.Family, " ") {
			n.Particle = strings.TrimSpace(n.Particle + " " + n.Family[:len(p)])
			n.Family = n.Family[len(p):]
		}
	}
	return n
}

// parseOrdered reads a name written without commas.
func parseOrdered(w []string) Name {
	var n Name
	if len(w) == 0 {
		return n
	}
	if len(w) > 2 && isSuffix(w[len(w)-1]) {
		n.Suffix, w = w[len(w)-1], w[:len(w)-1]
	}
	if k := familyFirst(w); k > 0 {
		f := familyPart(strings.Join(w[:k], " "))
		f.Given, f.Suffix = strings.Join(w[k:], " "), n.Suffix
		if k > 1 && isSuffix(w[k-1]) {
			g := familyPart(strings.Join(w[:k-1], " "))
			f.Particle, f.Family, f.Suffix = g.Particle, g.Family, w[k-1]
		}
		return f
	}
	last := len(w) - 1
	k := last
	for k > 1 && isParticle(w[k-1], true) {
		k--
	}
	n.Given = strings.Join(w[:k], " ")
	n.Particle = strings.Join(w[k:last], " ")
	n.Family = w[last]
	return splitAlPrefix(n)
}

// familyFirst returns the number of leading words that make the family
// name when w is written family name first ("Lahlou S."), or 0.
func familyFirst(w []string) int {
	k := len(w)
	for k > 0 && isInitials(w[k-1]) {
		k--
	}
	if k == 0 || k == len(w) {
		return 0
	}
	tail := w[len(w)-1]
	if strings.Contains(tail, ".") || utf8.RuneCountInString(tail) == 1 {
		return k
	}
	for _, x := range w[:k] {
		if x != strings.ToUpper(x) {
			return 0
		}
	}
	return k
}

// givenParts returns the keys of the given names of n, one per name or
// initial: "Jean-Pierre" gives "jean", "pierre"; "J.-P." and "JP" give
// "j", "p".
func givenParts(given string) []string {
	var buf [8]string
	out := buf[:0]
	// The words between spaces, hyphens and dots.
	for i := 0; i < len(given); {
		for i < len(given) && (given[i] == ' ' || given[i] == '-' || given[i] == '.') {
			i++
		}
		j := i
		for j < len(given) && given[j] != ' ' && given[j] != '-' && given[j] != '.' {
			j++
		}
		if j == i {
			break
		}
		w := given[i:j]
		i = j
		if isInitials(w) && utf8.RuneCountInString(w) > 1 {
			for _, r := range w {
				out = append(out, Key(string(r)))
			}
			continue
		}
		if k := Key(w); k != "" {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// familyKey returns the key of the particle and family name together,
// with spaces removed, so "van der Berg" and "Vanderberg" differ but
// "Van der Berg" and "van der Berg" do not.
func (n Name) familyKey() string {
	if k, ok := asciiFamilyKey(n.Particle, n.Family); ok {
		return k
	}
	return strings.ReplaceAll(Key(n.Particle+" "+n.Family), " ", "")
}

// asciiFamilyKey returns the family key of an ASCII particle p and
// family name f: what asciiKey keeps of them, without the spaces it puts
// for the rest. It reports false when they are not ASCII.
func asciiFamilyKey(p, f string) (string, bool) {
	same := p == "" // f is the key
	for _, s := range [...]string{p, f} {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c >= utf8.RuneSelf:
				return "", false
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'':
			default:
				same = false
			}
		}
	}
	if same {
		return f, true
	}
	var b strings.Builder
	b.Grow(len(p) + len(f))
	for _, s := range [...]string{p, f} {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'':
				b.WriteByte(c)
			}
		}
	}
	return b.String(), true
}

// compatibleGiven reports whether two lists of given-name keys can name
// the same person: they agree one by one, as far as the shorter goes,
// where a single letter agrees with any name starting with it.
func compatibleGiven(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x == "" || y == "" {
			return false
		}
		rx, nx := utf8.DecodeRuneInString(x)
		ry, ny := utf8.DecodeRuneInString(y)
		if (nx == len(x) || ny == len(y)) && rx == ry {
			continue
		}
		return false
	}
	return true
}

// transliterations maps spellings of given names transliterated from
// Cyrillic in different systems to one spelling. Keys are name keys.
var transliterations = map[string]string{
	"aleksandr": "alexander", "aleksander": "alexander", "alexandr": "alexander",
	"aleksei": "alexey", "aleksey": "alexey", "alexei": "alexey", "alexej": "alexey",
	"andrei": "andrey", "andrej": "andrey",
	"dmitri": "dmitry", "dmitrii": "dmitry", "dmitrij": "dmitry", "dimitri": "dmitry",
	"sergei": "sergey", "sergej": "sergey", "serguei": "sergey",
	"nikolai": "nikolay", "nicolai": "nikolay",
	"iurii": "yuri", "yury": "yuri", "yurii": "yuri", "yuriy": "yuri", "jurij": "yuri", "iouri": "yuri",
	"iulia": "yulia", "iuliia": "yulia", "yuliya": "yulia",
	"evgenii": "evgeny", "evgeniy": "evgeny", "yevgeny": "evgeny", "evgenij": "evgeny",
	"mihail": "mikhail", "michail": "mikhail",
	"maksim": "maxim", "yekaterina": "ekaterina",
	"kseniia": "ksenia", "kseniya": "ksenia", "xenia": "ksenia",
	"nataliya": "natalia", "natalya": "natalia",
	"tatyana": "tatiana", "tatjana": "tatiana",
	"vasilii": "vasily", "vasiliy": "vasily", "vassily": "vasily",
	"anatolii": "anatoly", "anatoliy": "anatoly",
	"grigorii": "grigory", "grigoriy": "grigory",
	"iu": "yu", "iakov": "yakov", "iaroslav": "yaroslav",
}

// transliterated returns key with each word replaced by its entry in
// transliterations.
func transliterated(key string) string {
	w := strings.Fields(key)
	for i, x := range w {
		if t := transliterations[x]; t != "" {
			w[i] = t
		}
	}
	return strings.Join(w, " ")
}

// similarPair is two entries of different people whose keys look
// alike, as similarPeople finds them.
type similarPair struct {
	x, y   int32 // entries, x first
	reason int32 // index in similarReasons
}

// similarEntry is one distinct key of a person, with the family key of
// the spelling it was taken from.
type similarEntry struct {
	person      int
	key, family string
}

// similarPeople returns the pairs of entries of es of different people
// whose keys are one edit apart (keys of at least 8 letters with the
// same family name or the same initials), the same after
// transliteration, or the same words in another order. es holds the keys
// of each person, sorted by person and then key. The result is sorted by
// people, reason and keys, and holds each pair once.
//
// Pairs are found through indexes, not by comparing every pair: each
// entry is filed under 64-bit hashes (of its transliterated key, of its
// sorted words, and of its key and the key with each letter deleted),
// and only entries filed under one hash are compared. Two keys one edit
// apart always share a key with one letter deleted (or one of them is
// the other with a letter deleted). Every candidate is checked against
// the strings, so a hash collision costs time, not a wrong pair.
func similarPeople(es []similarEntry) []similarPair {
	// A goroutine finds the same pair once for each hash the two share.
	w := workers(len(es))
	finds := make([][]similarPair, w) // by goroutine
	emit := func(k int, x, y int32, why int32) {
		finds[k] = appendDoubling(finds[k], similarPair{x, y, why})
	}
	trans, words := make([]uint64, len(es)), make([]uint64, len(es))
	parallel(len(es), w, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			trans[i], words[i] = keyHashes(es[i].key)
		}
	})
	pairs(es, w, func(i int, add func(uint64)) { add(trans[i]) }, func(k int, x, y int32) {
		if transliterated(es[x].key) == transliterated(es[y].key) {
			emit(k, x, y, similarTransliteration)
		}
	})
	pairs(es, w, func(i int, add func(uint64)) { add(words[i]) }, func(k int, x, y int32) {
		if sortedWords(es[x].key) == sortedWords(es[y].key) {
			emit(k, x, y, similarWords)
		}
	})
	trans, words = nil, nil
	pairs(es, w, func(i int, add func(uint64)) { deletionHashes(es[i].key, add) }, func(k int, x, y int32) {
		ex, ey := &es[x], &es[y]
		if !oneEdit(ex.key, ey.key) {
			return
		}
		if ex.family == ey.family || sameInitials(ex.key, ey.key) {
			emit(k, x, y, similarEdit)
		}
	})
	all := slices.Concat(finds...)
	finds = nil
	// An entry is a person and a key, so this is the order of
	// compareSimilar.
	slices.SortFunc(all, func(a, b similarPair) int {
		if c := cmp.Compare(es[a.x].person, es[b.x].person); c != 0 {
			return c
		}
		if c := cmp.Compare(es[a.y].person, es[b.y].person); c != 0 {
			return c
		}
		if a.reason != b.reason {
			return cmp.Compare(a.reason, b.reason)
		}
		if c := strings.Compare(es[a.x].key, es[b.x].key); c != 0 {
			return c
		}
		return strings.Compare(es[a.y].key, es[b.y].key)
	})
	return slices.Compact(all)
}

// similarReasons are the reasons of similarPeople, sorted.
var similarReasons = []string{"edit distance 1", "same words in another order", "transliteration"}

// Indices in similarReasons.
const (
	similarEdit int32 = iota
	similarWords
	similarTransliteration
)

// pairs calls check(k, x, y) on goroutine k of w for every two entries
// x and y of es of different people and keys that hashes files under a
// common hash, x earlier in es; hashes(i, add) calls add with each hash
// of entry i.
//
// The hashes are filed in buckets by their top bits: a first pass
// counts them, so that one slice holds them all, bucket after bucket,
// and a second fills it, each goroutine its entries' part of every
// bucket. Entries filed under one hash then meet in one small bucket,
// where a small hash table finds them, and the buckets are shared out
// among the goroutines. A hash is filed as one word: its bits below the
// bucket's, with the entry in the lowest bits in place of the last of
// them; so more hashes collide, which costs checks, not pairs. Up to a
// million entries, words of 32 bits leave 12 bits of hash with the 16
// of the bucket.
func pairs(es []similarEntry, w int, hashes func(i int, add func(uint64)), check func(k int, x, y int32)) {
	if len(es) < 2 {
		return
	}
	if bits.Len(uint(len(es)-1)) <= 20 {
		filePairs[uint32](es, w, hashes, check)
	} else {
		filePairs[uint64](es, w, hashes, check)
	}
}

// filePairs does the work of pairs with words of type W.
func filePairs[W uint32 | uint64](es []similarEntry, w int, hashes func(i int, add func(uint64)), check func(k int, x, y int32)) {
	wordBits := bits.Len64(uint64(^W(0)))
	entryBits := bits.Len(uint(len(es) - 1))
	entryMask := W(1)<<entryBits - 1
	bucketBits := min(max(entryBits-4, 0), 16)
	buckets := 1 << bucketBits
	// pos[k*buckets+b] is where goroutine k files its next hash of
	// bucket b: counts first, then offsets.
	pos := make([]int, w*buckets)
	parallel(len(es), w, func(k, lo, hi int) {
		n := pos[k*buckets : (k+1)*buckets]
		add := func(h uint64) { n[mix64(h)>>(64-bucketBits)]++ }
		for i := lo; i < hi; i++ {
			hashes(i, add)
		}
	})
	start := make([]int, buckets+1) // bucket b is filed[start[b]:start[b+1]]
	total, largest := 0, 0
	for b := range buckets {
		start[b] = total
		for k := range w {
			n := pos[k*buckets+b]
			pos[k*buckets+b] = total
			total += n
		}
		largest = max(largest, total-start[b])
	}
	start[buckets] = total
	filed := make([]W, total)
	parallel(len(es), w, func(k, lo, hi int) {
		next := pos[k*buckets : (k+1)*buckets]
		var e W
		add := func(h uint64) {
			h = mix64(h)
			b := h >> (64 - bucketBits)
			filed[next[b]] = W(h<<bucketBits>>(64-wordBits))&^entryMask | e
			next[b]++
		}
		for i := lo; i < hi; i++ {
			e = W(i)
			hashes(i, add)
		}
	})
	pos = nil
	parallel(buckets, w, func(k, lo, hi int) {
		// In each bucket, a table of the words filed, by hash, chains
		// the words of one hash (the first of them heads the chain) and
		// lists the chains of more than one.
		size := 8
		for size < 2*largest {
			size *= 2
		}
		table := make([]int32, size) // a word + 1, or 0
		chain := make([]int32, largest)
		var heads []int32
		var run []W
		for b := lo; b < hi; b++ {
			bucket := filed[start[b]:start[b+1]]
			clear(table)
			heads = heads[:0]
			for x, v := range bucket {
				hv := v >> entryBits
				chain[x] = -1
				for slot := int(hv) & (size - 1); ; slot = (slot + 1) & (size - 1) {
					y := table[slot] - 1
					if y < 0 {
						table[slot] = int32(x) + 1
						break
					}
					if bucket[y]>>entryBits == hv {
						if chain[y] < 0 {
							heads = append(heads, y)
						}
						chain[x], chain[y] = chain[y], int32(x)
						break
					}
				}
			}
			for _, y := range heads {
				run = run[:0]
				for x := y; x >= 0; x = chain[x] {
					run = append(run, bucket[x])
				}
				slices.Sort(run)
				// Equal words are one entry filed twice.
				for i := range run {
					if i > 0 && run[i] == run[i-1] {
						continue
					}
					x := int32(run[i] & entryMask)
					for j := i + 1; j < len(run); j++ {
						if run[j] == run[j-1] {
							continue
						}
						y := int32(run[j] & entryMask)
						if es[x].person != es[y].person && es[x].key != es[y].key {
							check(k, x, y)
						}
					}
				}
			}
		}
	})
}

// mix64 scrambles the bits of a hash, so that its top bits, which pick
// its bucket in pairs, depend on all of them.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// nextField returns the first field of s, as [strings.Fields] splits
// it, and the rest of s after it. It reports false when s holds no
// field.
func nextField(s string) (field, rest string, ok bool) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return "", "", false
	}
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return s[i:j], s[j:], true
}

// appendFields appends the fields of s, as [strings.Fields] splits it,
// to dst.
func appendFields(dst []string, s string) []string {
	for {
		w, rest, ok := nextField(s)
		if !ok {
			return dst
		}
		dst, s = append(dst, w), rest
	}
}

// asciiSpace tells the ASCII bytes that are white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// keyHashes returns the hashes a key is filed under to find keys the
// same after transliteration (the hash of its words, each replaced by
// its entry in transliterations), and keys of the same words in another
// order (a hash of its words that does not depend on their order).
func keyHashes(key string) (trans, words uint64) {
	trans = fnvOffset
	for i, rest := 0, key; ; i++ {
		w, r, ok := nextField(rest)
		if !ok {
			break
		}
		rest = r
		// Mixed, so that sums of word hashes rarely collide.
		words += mix64(fnvAdd(fnvOffset, w))
		if i > 0 {
			trans = fnvAdd(trans, " ")
		}
		if t := transliteration(w); t != "" {
			w = t
		}
		trans = fnvAdd(trans, w)
	}
	return trans, words
}

// transliterable says, by length and first byte, which words may be in
// transliterations, so that most words need no map lookup.
var transliterable = func() (t [16][256]bool) {
	for w := range transliterations {
		t[len(w)][w[0]] = true
	}
	return t
}()

// transliteration returns the entry of w in transliterations, or "".
func transliteration(w string) string {
	if w == "" || len(w) >= len(transliterable) || !transliterable[len(w)][w[0]] {
		return ""
	}
	return transliterations[w]
}

// Strings are hashed for deletionHashes as polynomials: the hash of s
// is the sum of s[i]·polyBase^(len(s)-1-i), so the hash of s with bytes
// i to j deleted follows from the hashes of s and of s[:i] and s[:j] in
// constant time, and all the deletions of a key cost as much as hashing
// it once. polyInverse is the inverse of polyBase, which is odd.
const polyBase = fnvPrime

var polyInverse = func() uint64 {
	x := uint64(polyBase) // right in the 3 lowest bits; each step doubles that
	for range 5 {
		x *= 2 - polyBase*x
	}
	return x
}()

// polyHash returns the hash of a string of n bytes whose polynomial is
// h: the length is part of it, since polynomials ignore leading zero
// bytes.
func polyHash(h uint64, n int) uint64 {
	return h ^ uint64(n)*0x9e3779b97f4a7c15
}

// deletionHashes files a key of at least 8 letters under its hash and
// the hash of each string made by deleting one of its letters.
func deletionHashes(key string, add func(uint64)) {
	runes := utf8.RuneCountInString(key)
	if runes < 8 {
		return
	}
	n := len(key)
	full, pow := uint64(0), uint64(1)
	for i := 0; i < n; i++ {
		full = full*polyBase + uint64(key[i])
		pow *= polyBase
	}
	add(polyHash(full, n))
	pre, p := uint64(0), pow // of key[:i], polyBase^(n-i)
	if runes == n {
		// Every rune is one byte.
		for i := 0; i < n; i++ {
			next, q := pre*polyBase+uint64(key[i]), p*polyInverse
			add(polyHash(full+(pre-next)*q, n-1))
			pre, p = next, q
		}
		return
	}
	for i := 0; i < n; {
		_, size := utf8.DecodeRuneInString(key[i:])
		next, q := pre, p // of key[:i+size], polyBase^(n-i-size)
		for _, c := range []byte(key[i : i+size]) {
			next = next*polyBase + uint64(c)
			q *= polyInverse
		}
		add(polyHash(full+(pre-next)*q, n-size))
		pre, p = next, q
		i += size
	}
}

// sortedWords returns the words of key sorted and joined by spaces.
func sortedWords(key string) string {
	w := strings.Fields(key)
	sort.Strings(w)
	return strings.Join(w, " ")
}

// sameInitials reports whether the words of a and b, in order, start
// with the same letters.
func sameInitials(a, b string) bool {
	for {
		x, ra, okA := nextField(a)
		y, rb, okB := nextField(b)
		if !okA || !okB {
			return okA == okB
		}
		rx, _ := utf8.DecodeRuneInString(x)
		ry, _ := utf8.DecodeRuneInString(y)
		if rx != ry {
			return false
		}
		a, b = ra, rb
	}
}

// oneEdit reports whether the optimal string alignment distance of a
// and b is 1: one rune inserted, deleted or substituted, or two adjacent
// runes transposed, turns one into the other.
func oneEdit(a, b string) bool {
	var bufA, bufB [64]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	switch len(rb) - len(ra) {
	case 0:
		if i == len(ra) {
			return false // equal
		}
		if slices.Equal(ra[i+1:], rb[i+1:]) {
			return true // substitution
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:])
	case 1:
		return slices.Equal(ra[i:], rb[i+1:]) // insertion
	}
	return false
}

// appendRunes appends the runes of s to buf, as []rune(s) converts it.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}
