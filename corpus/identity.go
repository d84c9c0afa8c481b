package corpus

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// folders holds Unicode case folders: a [cases.Caser] keeps state and
// may not be shared by goroutines.
var folders = sync.Pool{New: func() any { c := cases.Fold(); return &c }}

func fold(s string) string {
	c := folders.Get().(*cases.Caser)
	s = c.String(s)
	folders.Put(c)
	return s
}

// foldSpecial maps letters that Unicode decomposition leaves whole to the
// Latin letters they are written with when accents are dropped.
var foldSpecial = strings.NewReplacer(
	"ł", "l", "ø", "o", "đ", "d", "ð", "d", "þ", "th", "æ", "ae", "œ", "oe",
	"ß", "ss", "ı", "i", "ħ", "h", "ŀ", "l",
)

// Key returns the identity key of a name: Unicode NFC, case folded,
// diacritics removed, punctuation other than apostrophes (hyphens
// included) turned into spaces, whitespace collapsed. Two spellings with
// the same key are the same person, unless identifiers tell them apart
// (see [Resolve]): "Jean-Pierre Martin" and "Jean Pierre Martin" share
// the key "jean pierre martin", "Takáč" and "Takac" the key "takac". Key is idempotent: Key(Key(s)) == Key(s).
func Key(name string) string {
	if k, ok := asciiKey(name); ok {
		return k
	}
	return unicodeKey(name)
}

// unicodeKey returns the key of any name, as [Key] defines it.
func unicodeKey(name string) string {
	s := fold(norm.NFC.String(name))
	s = foldSpecial.Replace(s)
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'':
			b.WriteRune(r)
			space = false
		default: // spaces, dots, commas and other punctuation
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	k := strings.TrimSpace(b.String())
	return norm.NFC.String(foldSpecial.Replace(fold(k)))
}

// asciiKey returns the key of a name written in ASCII, which needs no
// normalisation: letters lower-cased, digits and apostrophes kept, runs
// of anything else one space, none at the ends. It reports false for
// other names. A name that is already its key is returned as it is.
func asciiKey(name string) (string, bool) {
	same := true // name is its own key so far
	space := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'A' <= c && c <= 'Z':
			same, space = false, false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'':
			space = false
		case c == ' ' && !space:
			space = true
		default:
			same = false
			space = true
		}
	}
	if same && !space || name == "" {
		return name, true
	}
	b := make([]byte, 0, len(name))
	space = true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'':
			b = append(b, c)
			space = false
		case !space:
			b = append(b, ' ')
			space = true
		}
	}
	if space && len(b) > 0 {
		b = b[:len(b)-1]
	}
	return string(b), true
}

// BUG: The initials rule of [Resolve] can join two people: "S. Lahlou"
// is joined to "Salem Lahlou" when he is the only Lahlou with a given
// name starting with S in the corpus, even if the paper was written by a
// Sara Lahlou absent from it. A name whose given names extend another's
// ("Salem A. Lahlou", "Salem Lahlou") is joined the same way. The parsed
// name rule trusts the form a name is written in: "Lahlou S" and "LAHLOU
// SA" are read family name first, "Lahlou SA" given name first.

// Person is one node of the collaboration graph: every spelling that
// resolves to the same person.
type Person struct {
	// Key is the identity key (see [Key]) of the display name, unique
	// among the people of an [Identity]: when people who share a name are
	// kept apart by their identifiers, each key but that of the person
	// without identifiers gets its first identifier in brackets,
	// "wei wang [orcid:0000-0002-1825-0097]".
	Key string

	// Name is the display name: the canonical spelling of an alias file
	// when one names the person; otherwise the spelling with a whole
	// first given name (not an initial) that is the most frequent, then
	// the longest in letters, then the first in sort order.
	Name string

	// Given and Family are the given names and the family name (with its
	// particle) of Name, as [ParseName] splits it.
	Given, Family string

	// Variants lists every distinct spelling seen, sorted.
	Variants []string

	// IDs lists the identifiers seen for the person, sorted.
	IDs []string

	// Merged lists the rules that joined the variants, sorted: "alias",
	// "identifier", "name" (same parsed name written in another order or
	// form, as "Lahlou, S." and "S. Lahlou") and "initials". Spellings
	// with the same key need no rule.
	Merged []string
}

// Suspect is a group of people that may be one person but were not
// merged.
type Suspect struct {
	// People are indices into [Identity.People], the first the variant
	// and the others the candidates it may be.
	People []int

	// Reason says why they look alike: "initials match 2 people",
	// "edit distance 1", "transliteration", "given and family names
	// swapped", "same name, different identifiers".
	Reason string
}

// Joins counts the spellings (distinct keys with their identifiers)
// joined to another by each rule of [Resolve].
type Joins struct {
	Alias      int // joined by an alias line
	Identifier int // joined by a shared identifier
	Name       int // same parsed name written in another form
	Initials   int // initials compatible with exactly one full name
}

// Identity assigns every author of every paper to a person.
type Identity struct {
	// People are sorted by Key.
	People []Person

	// Of[i][j] is the index in People of author j of paper i.
	Of [][]int

	// Suspects are probable duplicates left unmerged, for the user to
	// decide with an alias file. They are sorted by their people.
	Suspects []Suspect

	// Joins counts the merges made by each rule.
	Joins Joins
}

// Aliases are the user's decisions on identity.
type Aliases struct {
	// merge maps the key of a variant to the key of its canonical name.
	merge map[string]string

	// names maps the key of a canonical name to its spelling in the alias
	// file, which becomes the person's display name.
	names map[string]string

	// never holds the keys of names never merged by identifiers or
	// initials.
	never map[string]bool

	// apart holds pairs of keys, smaller first, never merged.
	apart map[[2]string]bool
}

// ReadAliases reads an alias file, CSV lines of three kinds:
//
//	variant,canonical   the name variant is the person canonical
//	!name               name is only ever the same person as spellings
//	                    with its key and names aliased to it: never
//	                    merged by identifier, parsed name or initials
//	!a,b                a and b are never merged, whatever the rules say
//
// Names are compared by [Key], so case and accents do not matter.
// Variant lines are followed transitively ("a,b" and "b,c" make a, b and
// c one person) and win over the other rules: they join people even when
// their identifiers differ. Lines starting with "#" and blank lines are
// ignored, and a "#" after a name starts a comment that runs to the end
// of the line, so the lines printed by "coauthor authors" for suspects
// ("S. Lahlou,Salem Lahlou  # initials match 2 people") can be pasted in
// as they are. A first line "variant,canonical" is taken as a header.
func ReadAliases(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseAliases(f, path)
}

func parseAliases(r io.Reader, name string) (*Aliases, error) {
	a := &Aliases{merge: make(map[string]string), names: make(map[string]string),
		never: make(map[string]bool), apart: make(map[[2]string]bool)}
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, &ParseError{File: name, Line: line, Err: err}
		}
		rec = aliasFields(rec)
		if len(rec) == 2 && strings.EqualFold(rec[0], "variant") && strings.EqualFold(rec[1], "canonical") {
			continue
		}
		if err := a.add(rec); err != nil {
			return nil, &ParseError{File: name, Line: line, Err: err}
		}
	}
	return a, nil
}

// aliasFields cuts a comment off a record and trims its fields.
func aliasFields(rec []string) []string {
	var out []string
	for _, f := range rec {
		cut := false
		if i := strings.IndexByte(f, '#'); i >= 0 {
			f, cut = f[:i], true
		}
		if f = strings.TrimSpace(f); f != "" || !cut {
			out = append(out, f)
		}
		if cut {
			break
		}
	}
	return out
}

// add records one line of an alias file.
func (a *Aliases) add(rec []string) error {
	neg := len(rec) > 0 && strings.HasPrefix(rec[0], "!")
	if neg {
		rec[0] = strings.TrimSpace(rec[0][1:])
	}
	for _, f := range rec {
		if Key(f) == "" {
			return fmt.Errorf("expected a name, got %q", f)
		}
	}
	switch {
	case neg && len(rec) == 1:
		a.never[Key(rec[0])] = true
	case neg && len(rec) == 2:
		a.apart[keyPair(Key(rec[0]), Key(rec[1]))] = true
	case len(rec) == 2:
		a.merge[Key(rec[0])] = Key(rec[1])
		a.names[Key(rec[1])] = norm.NFC.String(strings.Join(strings.Fields(rec[1]), " "))
	default:
		return fmt.Errorf("expected \"variant,canonical\", \"!name\" or \"!a,b\", got %d fields", len(rec))
	}
	return nil
}

func keyPair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// canonical follows alias links from key to the canonical key, stopping
// at cycles.
func (a *Aliases) canonical(key string) string {
	if a == nil {
		return key
	}
	seen := map[string]bool{key: true}
	for {
		next, ok := a.merge[key]
		if !ok || seen[next] {
			return key
		}
		seen[next] = true
		key = next
	}
}

func (a *Aliases) isNever(key string) bool { return a != nil && a.never[key] }

func (a *Aliases) isApart(x, y string) bool {
	return a != nil && a.apart[keyPair(x, y)]
}

// Resolve assigns the authors of papers to people, by these rules in
// this order:
//
//  1. Alias lines map a spelling's key to its canonical key.
//  2. Identifiers: authors sharing an identifier ("orcid:...",
//     "dblp:Name 0001", "openalex:A...", "scopus:...") are one person.
//  3. Key: authors whose names have the same [Key] are one person.
//  4. Parsed name: names whose parts ([ParseName]) are the same, written
//     in another form ("Lahlou S." and "S. Lahlou"), are one person.
//  5. Initials: a name is joined to the person of the one full name in
//     the corpus it is compatible with: same family name and particle,
//     and given names that agree one by one, a name agreeing with an
//     initial of the other ("S. Lahlou" and "Salem Lahlou", "J.-P.
//     Martin" and "Jean-Pierre Martin", "Salem A. Lahlou" and "Salem
//     Lahlou"). Names with whole given names are joined first, then
//     names with initials. When several people fit, nothing is joined
//     and a [Suspect] is reported.
//
// No rule but an alias line joins two people with different identifiers
// of one scheme. When people with such identifiers share a key or a
// parsed name, the authors with that name and no identifier are not
// joined to any of them, and a suspect is reported. The "!" lines of an
// alias file (see [ReadAliases]) veto joins. Names are never reordered:
// "Lahlou Salem" read given name first is not "Salem Lahlou", only a
// suspect.
//
// aliases may be nil. The result does not depend on the order of the
// papers, except for Of, which follows it.
func Resolve(papers []Paper, aliases *Aliases) *Identity {
	r := newResolver(papers, aliases)
	r.joinIdentifiers()
	r.joinGroups("key", func(n *node, add func(string)) { add(n.key) })
	r.joinGroups("name", func(n *node, add func(string)) {
		if aliases.isNever(n.key) {
			return
		}
		for _, f := range n.forms {
			add(f.str)
		}
	})
	r.joinInitials(true)
	r.joinInitials(false)
	return r.identity()
}

// node is one distinct key with one set of identifiers.
type node struct {
	key     string // after aliases
	raw     string // before aliases
	ids     []string
	idKey   string       // ids joined by "\x00"
	spell   []spellCount // by spelling
	forms   []form       // the parsed spellings, distinct
	full    bool         // the first given name of a form is not an initial
	mention int          // number of authors
}

// spellCount counts the authors written with a spelling.
type spellCount struct {
	spelling int32 // index in resolver.spellings
	n        int32
}

// spelling is a distinct spelling of a name (whitespace collapsed, NFC)
// with what the rules need of it, computed once.
type spelling struct {
	s     string
	key   string // Key(s)
	form  form   // its parsed form; no given names when form.str == ""
	full  bool   // its first given name is whole, not an initial
	runes int    // its length in runes
}

// form is a parsed spelling: the keys of its given names and of its
// family name with particle.
type form struct {
	given  []string
	family string
	str    string // the given names joined by spaces, "|", the family
}

// newForm returns the form of a spelling.
func newForm(s string) form {
	n := ParseName(s)
	f := form{given: givenParts(n.Given), family: n.familyKey()}
	f.str = strings.Join(f.given, " ") + "|" + f.family
	return f
}

// Rules that joined a person's spellings, as bits. A join by key is
// not listed in Merged, but a person made by joining another that had
// one (ruleKeyJoined) lists "key" (ruleKey), until the next join by key.
const (
	ruleAlias uint8 = 1 << iota
	ruleIdentifier
	ruleInitials
	ruleKey
	ruleName
	ruleKeyJoined
)

// ruleNames are the names of the listed rule bits, sorted.
var ruleNames = []string{"alias", "identifier", "initials", "key", "name"}

// schemeID is the identifier a person has in one scheme.
type schemeID struct {
	scheme, id string // id is schemeConflict for two ids of a scheme
}

const schemeConflict = "\x00conflict"

type resolver struct {
	aliases   *Aliases
	apart     bool // the aliases keep pairs of names apart
	nodes     []*node
	spellings []spelling
	of        []int32 // node of each author, paper after paper
	ofStart   []int   // authors of paper i: of[ofStart[i]:ofStart[i+1]]
	parent    []int
	scheme    [][]schemeID // of each root, sorted by scheme
	keys      [][]string   // of each root, when apart
	rules     []uint8      // of each root
	never     []bool       // of each root
	joins     Joins
	suspects  []suspectNodes
}

// suspectNodes is a suspect found while joining, by node.
type suspectNodes struct {
	nodes  []int
	reason string
}

// workers returns the number of goroutines worth starting for n items.
func workers(n int) int {
	if n < 2048 {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), 8))
}

// parallel calls f for w consecutive ranges [lo, hi) splitting 0..n, on
// w goroutines, and waits for them.
func parallel(n, w int, f func(w, lo, hi int)) {
	if w <= 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() { f(k, n*k/w, n*(k+1)/w) })
	}
	wg.Wait()
}

// spellOf returns the spelling of a name that is counted and shown:
// whitespace collapsed, NFC.
func spellOf(name string) string {
	return norm.NFC.String(strings.Join(strings.Fields(name), " "))
}

func newResolver(papers []Paper, aliases *Aliases) *resolver {
	r := &resolver{aliases: aliases, apart: aliases != nil && len(aliases.apart) > 0}

	// Distinct names as written, and the key and spelling of each,
	// computed in parallel.
	nameOf := make(map[string]int32)
	var names []string
	total := 0
	for i := range papers {
		for _, au := range papers[i].Authors {
			if _, ok := nameOf[au.Name]; !ok {
				nameOf[au.Name] = int32(len(names))
				names = append(names, au.Name)
			}
			total++
		}
	}
	nameKey := make([]string, len(names))
	nameSpell := make([]string, len(names))
	parallel(len(names), workers(len(names)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			nameKey[i], nameSpell[i] = Key(names[i]), spellOf(names[i])
		}
	})
	spellIdx := make(map[string]int32)
	nameSpellIdx := make([]int32, len(names))
	for i, s := range nameSpell {
		k, ok := spellIdx[s]
		if !ok {
			k = int32(len(r.spellings))
			spellIdx[s] = k
			r.spellings = append(r.spellings, spelling{s: s})
		}
		nameSpellIdx[i] = k
	}
	spellIdx, nameSpell = nil, nil
	parallel(len(r.spellings), workers(len(r.spellings)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			sp := &r.spellings[i]
			sp.key, sp.form, sp.runes = Key(sp.s), newForm(sp.s), utf8.RuneCountInString(sp.s)
			sp.full = len(sp.form.given) > 0 && utf8.RuneCountInString(sp.form.given[0]) > 1
			if len(sp.form.given) == 0 {
				sp.form.str = ""
			}
		}
	})

	// Nodes, one per key and set of identifiers, in order of first
	// appearance; authors without identifiers find theirs by name.
	bareNode := make([]int32, len(names))
	for i := range bareNode {
		bareNode[i] = -1
	}
	byID := make(map[string]int32)
	var nodes []*node
	r.of = make([]int32, 0, total)
	r.ofStart = make([]int, 0, len(papers)+1)
	var ids []string
	for i := range papers {
		r.ofStart = append(r.ofStart, len(r.of))
		for _, au := range papers[i].Authors {
			nm := nameOf[au.Name]
			k := int32(-1)
			if len(au.IDs) == 0 {
				k = bareNode[nm]
			}
			if k < 0 {
				ids = append(ids[:0], au.IDs...)
				slices.Sort(ids)
				ids = slices.Compact(ids)
				idKey := strings.Join(ids, "\x00")
				id := nameKey[nm] + "\x00" + idKey
				var ok bool
				if k, ok = byID[id]; !ok {
					k = int32(len(nodes))
					byID[id] = k
					raw := nameKey[nm]
					nodes = append(nodes, &node{key: aliases.canonical(raw), raw: raw,
						ids: slices.Clip(slices.Clone(ids)), idKey: idKey})
				}
				if len(au.IDs) == 0 {
					bareNode[nm] = k
				}
			}
			n := nodes[k]
			n.addSpelling(nameSpellIdx[nm])
			n.mention++
			r.of = append(r.of, k)
		}
	}
	r.ofStart = append(r.ofStart, len(r.of))
	nameOf, byID = nil, nil

	// Nodes sorted by key and identifiers.
	order := make([]int32, len(nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		x, y := nodes[a], nodes[b]
		return cmp.Or(strings.Compare(x.raw, y.raw), strings.Compare(x.idKey, y.idKey))
	})
	newIdx := make([]int32, len(nodes))
	r.nodes = make([]*node, len(nodes))
	for i, old := range order {
		newIdx[old] = int32(i)
		r.nodes[i] = nodes[old]
	}
	for i, k := range r.of {
		r.of[i] = newIdx[k]
	}

	parallel(len(r.nodes), workers(len(r.nodes)), func(_, lo, hi int) {
		for _, n := range r.nodes[lo:hi] {
			n.forms, n.full = r.forms(n.spell)
		}
	})
	r.parent = make([]int, len(r.nodes))
	r.scheme = make([][]schemeID, len(r.nodes))
	r.rules = make([]uint8, len(r.nodes))
	r.never = make([]bool, len(r.nodes))
	if r.apart {
		r.keys = make([][]string, len(r.nodes))
	}
	for i, n := range r.nodes {
		r.parent[i] = i
		for _, x := range n.ids {
			s, _, _ := strings.Cut(x, ":")
			r.scheme[i] = setScheme(r.scheme[i], s, x, true)
		}
		if r.apart {
			r.keys[i] = []string{n.key}
			if n.raw != n.key {
				r.keys[i] = append(r.keys[i], n.raw)
			}
		}
		r.never[i] = aliases.isNever(n.key)
		if n.raw != n.key {
			r.rules[i] |= ruleAlias
			r.joins.Alias++
		}
	}
	return r
}

// addSpelling counts one author written with spelling s.
func (n *node) addSpelling(s int32) {
	for k := range n.spell {
		if n.spell[k].spelling == s {
			n.spell[k].n++
			return
		}
	}
	n.spell = append(n.spell, spellCount{s, 1})
}

// setScheme sets the identifier of scheme s in ids, sorted by scheme, to
// x. With conflict, a different identifier already there makes it
// schemeConflict (one author with two identifiers of a scheme).
func setScheme(ids []schemeID, s, x string, conflict bool) []schemeID {
	k, found := slices.BinarySearchFunc(ids, s, func(e schemeID, s string) int {
		return strings.Compare(e.scheme, s)
	})
	switch {
	case !found:
		return slices.Insert(ids, k, schemeID{s, x})
	case conflict && ids[k].id != x:
		ids[k].id = schemeConflict
	default:
		ids[k].id = x
	}
	return ids
}

// schemeOf returns the identifier of scheme s in ids, sorted by scheme.
func schemeOf(ids []schemeID, s string) (string, bool) {
	k, found := slices.BinarySearchFunc(ids, s, func(e schemeID, s string) int {
		return strings.Compare(e.scheme, s)
	})
	if !found {
		return "", false
	}
	return ids[k].id, true
}

// bestSpelling returns the index in spell of the spelling shown for a
// set of spellings: one with a whole first given name before one with
// an initial, then the most frequent, the longest in letters, the first
// in sort order.
func (r *resolver) bestSpelling(spell []spellCount) int {
	best := -1
	for k, c := range spell {
		if best < 0 {
			best = k
			continue
		}
		s, b := &r.spellings[c.spelling], &r.spellings[spell[best].spelling]
		better := s.full && !b.full
		if s.full == b.full {
			switch bn := spell[best].n; {
			case c.n != bn:
				better = c.n > bn
			case s.runes != b.runes:
				better = s.runes > b.runes
			default:
				better = s.s < b.s
			}
		}
		if better {
			best = k
		}
	}
	return best
}

// forms returns the distinct parsed forms of spellings, sorted, and
// whether one has a whole first given name.
func (r *resolver) forms(spell []spellCount) ([]form, bool) {
	var out []form
	full := false
	for _, c := range spell {
		sp := &r.spellings[c.spelling]
		if sp.form.str == "" || slices.ContainsFunc(out, func(f form) bool { return f.str == sp.form.str }) {
			continue
		}
		out = append(out, sp.form)
		full = full || sp.full
	}
	slices.SortFunc(out, func(a, b form) int { return strings.Compare(a.str, b.str) })
	return out, full
}

// forms returns the distinct parsed forms of spellings, sorted, and
// whether one has a whole first given name.
func forms(spell map[string]int) ([]form, bool) {
	var out []form
	full := false
	for s := range spell {
		f := newForm(s)
		if len(f.given) == 0 || slices.ContainsFunc(out, func(g form) bool { return g.str == f.str }) {
			continue
		}
		out = append(out, f)
		full = full || utf8.RuneCountInString(f.given[0]) > 1
	}
	slices.SortFunc(out, func(a, b form) int { return strings.Compare(a.str, b.str) })
	return out, full
}

func (r *resolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

// canJoin reports whether the people of roots a and b may be joined: no
// scheme with two identifiers, no pair of names kept apart.
func (r *resolver) canJoin(a, b int) bool {
	for _, x := range r.scheme[a] {
		if y, ok := schemeOf(r.scheme[b], x.scheme); ok && x.id != y {
			return false
		}
	}
	if !r.apart {
		return true
	}
	for _, x := range r.keys[a] {
		for _, y := range r.keys[b] {
			if r.aliases.isApart(x, y) {
				return false
			}
		}
	}
	return true
}

// join joins the people of nodes i and j by rule, unless forbidden;
// force skips the checks. It reports whether they are one person after.
func (r *resolver) join(i, j int, rule string, force bool) bool {
	a, b := r.find(i), r.find(j)
	if a == b {
		return true
	}
	if !force && !r.canJoin(a, b) {
		return false
	}
	if b < a {
		a, b = b, a
	}
	r.parent[b] = a
	for _, x := range r.scheme[b] {
		r.scheme[a] = setScheme(r.scheme[a], x.scheme, x.id, false)
	}
	r.scheme[b] = nil
	if r.apart {
		for _, k := range r.keys[b] {
			if !slices.Contains(r.keys[a], k) {
				r.keys[a] = append(r.keys[a], k)
			}
		}
		r.keys[b] = nil
	}
	r.rules[a] |= r.rules[b]
	if r.rules[b]&ruleKeyJoined != 0 {
		r.rules[a] |= ruleKey
	}
	r.never[a] = r.never[a] || r.never[b]
	switch rule {
	case "key":
		r.rules[a] = r.rules[a]&^ruleKey | ruleKeyJoined
	case "identifier":
		r.rules[a] |= ruleIdentifier
		r.joins.Identifier++
	case "name":
		r.rules[a] |= ruleName
		r.joins.Name++
	case "initials":
		r.rules[a] |= ruleInitials
		r.joins.Initials++
	}
	return true
}

// joinIdentifiers joins nodes that share an identifier.
func (r *resolver) joinIdentifiers() {
	first := make(map[string]int)
	for i, n := range r.nodes {
		if r.never[i] {
			continue
		}
		for _, x := range n.ids {
			if j, ok := first[x]; ok {
				r.join(j, i, "identifier", false)
			} else {
				first[x] = i
			}
		}
	}
}

// joinGroups joins nodes with a group key in common, unless
// people with identifiers of one scheme would be joined: then only the
// nodes without identifiers are joined, and a suspect is recorded.
// Groups are taken in order of their keys.
func (r *resolver) joinGroups(rule string, group func(n *node, add func(string))) {
	type member struct {
		group string
		node  int
	}
	var ms []member
	for i, n := range r.nodes {
		group(n, func(g string) { ms = append(ms, member{g, i}) })
	}
	slices.SortFunc(ms, func(a, b member) int {
		return cmp.Or(strings.Compare(a.group, b.group), cmp.Compare(a.node, b.node))
	})
	var members []int
	for lo := 0; lo < len(ms); {
		hi := lo + 1
		for hi < len(ms) && ms[hi].group == ms[lo].group {
			hi++
		}
		if hi-lo >= 2 {
			members = members[:0]
			for _, m := range ms[lo:hi] {
				members = append(members, m.node)
			}
			r.joinGroup(rule, members)
		}
		lo = hi
	}
}

// joinGroup joins the nodes of one group of joinGroups.
func (r *resolver) joinGroup(rule string, members []int) {
	force := false
	for _, i := range members {
		force = force || r.nodes[i].raw != r.nodes[i].key
	}
	if force || r.consistent(members) {
		for _, i := range members[1:] {
			r.join(members[0], i, rule, force)
		}
		return
	}
	var bare, roots []int
	for _, i := range members {
		if len(r.nodes[i].ids) == 0 {
			bare = append(bare, i)
		} else if !slices.Contains(roots, r.find(i)) {
			roots = append(roots, r.find(i))
		}
	}
	if len(bare) == 0 {
		return
	}
	for _, i := range bare[1:] {
		r.join(bare[0], i, "key", true)
	}
	r.suspects = append(r.suspects, suspectNodes{append([]int{bare[0]}, roots...),
		fmt.Sprintf("name shared by %d people with different identifiers", len(roots))})
}

// consistent reports whether the people of nodes may all be joined.
func (r *resolver) consistent(nodes []int) bool {
	var roots []int
	for _, i := range nodes {
		if !slices.Contains(roots, r.find(i)) {
			roots = append(roots, r.find(i))
		}
	}
	if len(roots) < 2 {
		return true
	}
	var merged []schemeID
	for _, a := range roots {
		for _, x := range r.scheme[a] {
			if y, ok := schemeOf(merged, x.scheme); ok && x.id != y {
				return false
			}
			merged = setScheme(merged, x.scheme, x.id, false)
		}
		for _, b := range roots {
			if a < b && !r.canJoin(a, b) {
				return false
			}
		}
	}
	return true
}

// initialsRef is a form with a whole first given name, filed for
// joinInitials by family key and first given name.
type initialsRef struct {
	node int
	form *form
}

// joinInitials joins each node whose first given name is whole (full)
// or an initial (!full) to the one person holding full names compatible
// with it; of several, those agreeing on the most given names count.
// Decisions are taken on the people as they stand before the pass, so
// the order of nodes does not matter.
//
// The candidates of a form are looked up in the forms with whole first
// given names sorted by family and first given name: a whole first name
// is compatible only with the same name, an initial only with names
// starting with its letter, which are adjacent in that order. So the
// work per node is that of its compatible names, not of its family.
func (r *resolver) joinInitials(full bool) {
	var refs []initialsRef
	for i, n := range r.nodes {
		if !n.full || r.never[r.find(i)] {
			continue
		}
		for k := range n.forms {
			if f := &n.forms[k]; utf8.RuneCountInString(f.given[0]) > 1 {
				refs = append(refs, initialsRef{i, f})
			}
		}
	}
	slices.SortFunc(refs, func(a, b initialsRef) int {
		return cmp.Or(strings.Compare(a.form.family, b.form.family),
			strings.Compare(a.form.given[0], b.form.given[0]), cmp.Compare(a.node, b.node))
	})
	var plans []struct{ i, j int }
	var cands []int // roots
	for i, n := range r.nodes {
		if n.full != full || len(n.forms) == 0 || r.never[r.find(i)] {
			continue
		}
		cands = cands[:0]
		best := 0
		for _, f := range n.forms {
			for _, c := range initialsCandidates(refs, f) {
				if c.node == i || !compatibleGiven(f.given, c.form.given) {
					continue
				}
				agree := min(len(f.given), len(c.form.given))
				if agree > best {
					best, cands = agree, cands[:0]
				}
				if rt := r.find(c.node); agree == best && !slices.Contains(cands, rt) {
					cands = append(cands, rt)
				}
			}
		}
		own := r.find(i)
		switch {
		case len(cands) == 1 && cands[0] != own:
			plans = append(plans, struct{ i, j int }{i, cands[0]})
		case len(cands) > 1:
			others := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return c == own })
			slices.Sort(others)
			r.suspects = append(r.suspects, suspectNodes{append([]int{i}, others...),
				fmt.Sprintf("initials match %d people", len(cands))})
		}
	}
	plans = r.fittingPlans(plans)
	for _, p := range plans {
		r.join(p.i, p.j, "initials", false)
	}
}

// initialsCandidates returns the refs, sorted by family and first given
// name, that may be compatible with f: same family, and the same first
// given name when it is whole or a first given name starting with it
// when it is an initial.
func initialsCandidates(refs []initialsRef, f form) []initialsRef {
	x := f.given[0]
	if x == "" {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(refs, f, func(c initialsRef, f form) int {
		return cmp.Or(strings.Compare(c.form.family, f.family), strings.Compare(c.form.given[0], x))
	})
	whole := utf8.RuneCountInString(x) > 1
	hi := lo
	for hi < len(refs) && refs[hi].form.family == f.family {
		g := refs[hi].form.given[0]
		if whole && g != x || !whole && !strings.HasPrefix(g, x) {
			break
		}
		hi++
	}
	return refs[lo:hi]
}

// fitsNode reports whether two nodes have spellings that fit each other:
// the same family name, and given names that agree one by one.
func fitsNode(a, b *node) bool {
	for _, fa := range a.forms {
		for _, fb := range b.forms {
			if fa.family == fb.family && compatibleGiven(fa.given, fb.given) {
				return true
			}
		}
	}
	return false
}

// fittingPlans drops the joins by initials into a person that would
// receive names that do not fit each other: "Salem A. Lahlou" and "Salem
// B. Lahlou" both fit "Salem Lahlou" but not one another, so they are two
// people, and joining both would make them one. Such names are reported
// as suspects instead.
func (r *resolver) fittingPlans(plans []struct{ i, j int }) []struct{ i, j int } {
	byTarget := make(map[int][]int)
	var targets []int
	for k, p := range plans {
		if byTarget[p.j] == nil {
			targets = append(targets, p.j)
		}
		byTarget[p.j] = append(byTarget[p.j], k)
	}
	slices.Sort(targets)
	members := make(map[int][]int, len(targets))
	for i := range r.nodes {
		if rt := r.find(i); byTarget[rt] != nil {
			members[rt] = append(members[rt], i)
		}
	}
	drop := make([]bool, len(plans))
	for _, t := range targets {
		var names []int // the planned sources, then the target's members
		for _, k := range byTarget[t] {
			names = append(names, plans[k].i)
		}
		sources := len(names)
		names = append(names, members[t]...)
		clash := false
		for x := 0; x < sources && !clash; x++ {
			for y := x + 1; y < len(names); y++ {
				if !fitsNode(r.nodes[names[x]], r.nodes[names[y]]) {
					clash = true
					break
				}
			}
		}
		if !clash {
			continue
		}
		for _, k := range byTarget[t] {
			drop[k] = true
		}
		group := append(slices.Clone(names[:sources]), t)
		r.suspects = append(r.suspects, suspectNodes{group,
			fmt.Sprintf("%d names fit one person but not each other", sources)})
	}
	kept := plans[:0]
	for k, p := range plans {
		if !drop[k] {
			kept = append(kept, p)
		}
	}
	return kept
}

// identity makes the people from the joined nodes.
func (r *resolver) identity() *Identity {
	// One person per root, with its nodes, in order of roots.
	rootOf := make([]int32, len(r.nodes))
	personOfRoot := make([]int32, len(r.nodes))
	var roots []int
	for i := range r.nodes {
		rt := r.find(i)
		rootOf[i] = int32(rt)
		if rt == i {
			personOfRoot[i] = int32(len(roots))
			roots = append(roots, i)
		}
	}
	start := make([]int32, len(roots)+1) // members of person p: ns[start[p]:start[p+1]]
	for i := range r.nodes {
		start[personOfRoot[rootOf[i]]+1]++
	}
	for p := range roots {
		start[p+1] += start[p]
	}
	ns := make([]int32, len(r.nodes))
	fill := slices.Clone(start[:len(roots)])
	for i := range r.nodes {
		p := personOfRoot[rootOf[i]]
		ns[fill[p]] = int32(i)
		fill[p]++
	}
	fill = nil

	people := make([]Person, len(roots))
	mentions := make([]int, len(roots))
	variants := make([][]int32, len(roots)) // spellings of Variants
	parallel(len(roots), workers(len(roots)), func(_, lo, hi int) {
		var buf []spellCount
		for p := lo; p < hi; p++ {
			people[p], mentions[p], variants[p], buf = r.person(roots[p], ns[start[p]:start[p+1]], buf)
		}
	})
	ns, start = nil, nil
	uniqueKeys(people)

	// Sort by key and map roots to people.
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(people[a].Key, people[b].Key) })
	id := &Identity{People: make([]Person, len(people)), Joins: r.joins}
	sortedMentions := make([]int, len(people))
	sortedVariants := make([][]int32, len(people))
	for newIdx, old := range order {
		id.People[newIdx] = people[old]
		personOfRoot[roots[old]] = int32(newIdx)
		sortedMentions[newIdx] = mentions[old]
		sortedVariants[newIdx] = variants[old]
	}
	people, variants = nil, nil
	personOf := make([]int32, len(r.nodes)) // person of each node
	for i := range r.nodes {
		personOf[i] = personOfRoot[rootOf[i]]
	}
	id.Of = make([][]int, len(r.ofStart)-1)
	for i := range id.Of {
		row := r.of[r.ofStart[i]:r.ofStart[i+1]]
		id.Of[i] = make([]int, len(row))
		for j, n := range row {
			id.Of[i][j] = int(personOf[n])
		}
	}
	// The suspects need only the spellings: the nodes and the joins can go.
	r.nodes, r.of, r.ofStart, r.parent = nil, nil, nil, nil
	r.scheme, r.keys, r.rules, r.never = nil, nil, nil, nil
	id.Suspects = r.peopleSuspects(id, personOf, sortedMentions, sortedVariants)
	return id
}

// person makes the person of root rt, whose nodes are ns. It returns the
// number of authors it stands for too, and the spellings of its
// variants. buf is scratch space, returned for reuse.
func (r *resolver) person(rt int, ns []int32, buf []spellCount) (Person, int, []int32, []spellCount) {
	var p Person
	count := 0
	canon := ""
	spell := buf[:0]
	for _, i := range ns {
		n := r.nodes[i]
		spell = append(spell, n.spell...)
		p.IDs = append(p.IDs, n.ids...)
		count += n.mention
		if r.aliases != nil && r.aliases.names[n.key] != "" && (canon == "" || n.key < canon) {
			canon = n.key
		}
	}
	if len(spell) > 1 {
		// Merge the counts of one spelling, and sort by spelling.
		slices.SortFunc(spell, func(a, b spellCount) int { return cmp.Compare(a.spelling, b.spelling) })
		k := 0
		for _, c := range spell[1:] {
			if c.spelling == spell[k].spelling {
				spell[k].n += c.n
			} else {
				k++
				spell[k] = c
			}
		}
		spell = spell[:k+1]
		slices.SortFunc(spell, func(a, b spellCount) int {
			return strings.Compare(r.spellings[a.spelling].s, r.spellings[b.spelling].s)
		})
	}
	vs := make([]int32, len(spell))
	p.Variants = make([]string, len(spell))
	for k, c := range spell {
		vs[k], p.Variants[k] = c.spelling, r.spellings[c.spelling].s
	}
	slices.Sort(p.IDs)
	p.IDs = slices.Compact(p.IDs)
	best := r.spellings[spell[r.bestSpelling(spell)].spelling]
	p.Name, p.Key = best.s, best.key
	if canon != "" {
		p.Name = r.aliases.names[canon]
		p.Key = Key(p.Name)
	}
	nm := ParseName(p.Name)
	p.Given, p.Family = nm.Given, strings.TrimSpace(nm.Particle+" "+nm.Family)
	for k, name := range ruleNames {
		if r.rules[rt]&(1<<k) != 0 {
			p.Merged = append(p.Merged, name)
		}
	}
	return p, count, vs, spell
}

// uniqueKeys makes the keys of people unique: of people sharing a key,
// those with identifiers get their first identifier in brackets, and any
// left sharing it a number.
func uniqueKeys(people []Person) {
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(people[a].Key, people[b].Key) })
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && people[order[hi]].Key == people[order[lo]].Key {
			hi++
		}
		if hi-lo > 1 {
			uniqueKey(people, order[lo:hi])
		}
		lo = hi
	}
}

// uniqueKey makes the keys of the people idx, who share a key, unique.
// Keys never hold "[" or "#", so the keys made cannot be those of other
// people.
func uniqueKey(people []Person, idx []int) {
	k := people[idx[0]].Key
	for _, i := range idx {
		if len(people[i].IDs) > 0 {
			people[i].Key = k + " [" + people[i].IDs[0] + "]"
		}
	}
	slices.Sort(idx)
	seen := make(map[string]int)
	for _, i := range idx {
		seen[people[i].Key]++
	}
	for key, c := range seen {
		if c < 2 {
			continue
		}
		var same []int
		for _, i := range idx {
			if people[i].Key == key {
				same = append(same, i)
			}
		}
		sort.Slice(same, func(a, b int) bool {
			return strings.Join(people[same[a]].Variants, "\x00") < strings.Join(people[same[b]].Variants, "\x00")
		})
		for n, i := range same[1:] {
			people[i].Key = fmt.Sprintf("%s #%d", key, n+2)
		}
	}
}

// peopleSuspects turns the suspects found while joining into suspects
// by person, adds the people whose names look alike, and drops what the
// alias file settled. personOf gives the person of each node, variants
// the spellings of each person's variants.
func (r *resolver) peopleSuspects(id *Identity, personOf []int32, mentions []int, variants [][]int32) []Suspect {
	var out []Suspect
	seen2 := make(map[[2]int]bool)
	seen := make(map[string]bool)
	add := func(ps []int, reason string) {
		var uniq []int
		for _, p := range ps {
			if !slices.Contains(uniq, p) {
				uniq = append(uniq, p)
			}
		}
		if len(uniq) < 2 || r.settled(id, uniq) {
			return
		}
		if len(uniq) == 2 {
			sig := keyPairInt(uniq[0], uniq[1])
			if seen2[sig] {
				return
			}
			seen2[sig] = true
		} else {
			sig := fmt.Sprint(uniq)
			if seen[sig] {
				return
			}
			seen[sig] = true
		}
		out = append(out, Suspect{People: uniq, Reason: reason})
	}
	for _, s := range r.suspects {
		var ps []int
		for _, n := range s.nodes {
			ps = append(ps, int(personOf[n]))
		}
		add(ps, s.reason)
	}
	for _, pair := range similarPeople(r.similarEntries(variants)) {
		a, b, ka, kb := pair.a, pair.b, pair.ka, pair.kb
		// The person written more often is the canonical one, second.
		if mentions[a] > mentions[b] || (mentions[a] == mentions[b] && a > b) {
			a, b, ka, kb = b, a, kb, ka
		}
		add([]int{a, b}, fmt.Sprintf("%s (%s / %s)", pair.reason, ka, kb))
	}
	sort.SliceStable(out, func(i, j int) bool { return slices.Compare(out[i].People, out[j].People) < 0 })
	return out
}

// similarEntries returns the distinct keys of the variants of each
// person, sorted by person and key, each with the family key of the last
// variant (in sort order) that has it.
func (r *resolver) similarEntries(variants [][]int32) []similarEntry {
	var es []similarEntry
	for p, vs := range variants {
		first := len(es)
		for _, v := range vs {
			sp := &r.spellings[v]
			k := slices.IndexFunc(es[first:], func(e similarEntry) bool { return e.key == sp.key })
			if k >= 0 {
				es[first+k].family = sp.form.family
			} else {
				es = append(es, similarEntry{p, sp.key, sp.form.family})
			}
		}
		slices.SortFunc(es[first:], func(a, b similarEntry) int { return strings.Compare(a.key, b.key) })
	}
	return es
}

func keyPairInt(a, b int) [2]int {
	if b < a {
		a, b = b, a
	}
	return [2]int{a, b}
}

// settled reports whether the alias file decided on the people ps: one
// of them is a "!name", or a pair of them is kept apart.
func (r *resolver) settled(id *Identity, ps []int) bool {
	if r.aliases == nil {
		return false
	}
	keys := make([][]string, len(ps))
	for i, p := range ps {
		for _, v := range id.People[p].Variants {
			k := r.aliases.canonical(Key(v))
			if r.aliases.isNever(k) {
				return true
			}
			keys[i] = append(keys[i], k, Key(v))
		}
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			for _, x := range keys[i] {
				for _, y := range keys[j] {
					if r.aliases.isApart(x, y) {
						return true
					}
				}
			}
		}
	}
	return false
}
