package corpus

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/bits"
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
	if k, ok := latinKey(name); ok {
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
	var buf [64]byte
	b := buf[:0]
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

// latinRunes returns the runes past ASCII, of the Latin letters and the
// punctuation names are most often written with, whose key is the same
// wherever they stand: letters whose key is ASCII letters ("é" is "e",
// "ß" is "ss", "Ł" is "l"), and punctuation and spaces that separate
// words (mapped to ""). They are the runes that never combine with the
// one before under NFC and whose key alone is that between letters and
// beside others of them, as unicodeKey computes it; it is computed once,
// when a name first needs it.
var latinRunes = sync.OnceValue(func() map[rune]string {
	isLetters := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return s != ""
	}
	m := make(map[rune]string)
	for _, span := range [][2]rune{{0xa0, 0x250}, {0x1e00, 0x1f00}, {0x2000, 0x2070}} {
		for r := span[0]; r < span[1]; r++ {
			c := string(r)
			if !norm.NFC.IsNormalString(c) || !norm.NFC.PropertiesString(c).BoundaryBefore() {
				continue
			}
			k := unicodeKey(c)
			switch {
			case isLetters(k) && unicodeKey("a"+c+"b") == "a"+k+"b" && unicodeKey("A"+c+"B") == "a"+k+"b" &&
				unicodeKey(c+c) == k+k && unicodeKey(c+" "+c) == k+" "+k:
				m[r] = k
			case k == "" && unicodeKey("a"+c+"b") == "a b" && unicodeKey(c+"a") == "a" && unicodeKey("a"+c) == "a" &&
				unicodeKey("a"+c+c+"b") == "a b":
				m[r] = ""
			}
		}
	}
	return m
})

// latinKey returns the key of a name written in ASCII and the runes of
// latinRunes, letter by letter. It reports false for other names.
func latinKey(name string) (string, bool) {
	runes := latinRunes()
	var buf [64]byte
	b := buf[:0]
	space := true
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
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
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		k, ok := runes[r]
		switch {
		case !ok:
			return "", false
		case k != "":
			b = append(b, k...)
			space = false
		case !space:
			b = append(b, ' ')
			space = true
		}
		i += n
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

	// apart holds pairs of keys, smaller first, never merged, and
	// apartKeys the keys of those pairs.
	apart     map[[2]string]bool
	apartKeys map[string]bool
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
		never: make(map[string]bool), apart: make(map[[2]string]bool), apartKeys: make(map[string]bool)}
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
		a.apartKeys[Key(rec[0])], a.apartKeys[Key(rec[1])] = true, true
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
	var buf [8]string
	seen := append(buf[:0], key)
	for {
		next, ok := a.merge[key]
		if !ok || slices.Contains(seen, next) {
			return key
		}
		seen = append(seen, next)
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
	r.joinKeys()
	forms := 0
	for i := range r.nodes {
		forms += int(r.nodes[i].nforms)
	}
	r.joinGroups("name", forms, func(n *node, add func(string)) {
		if aliases.isNever(n.key) {
			return
		}
		for _, f := range r.formsOf(n) {
			add(r.spellings[f].form.str)
		}
	})
	r.joinInitials(true)
	r.joinInitials(false)
	return r.identity()
}

// node is one distinct key with one set of identifiers.
type node struct {
	key string // after aliases
	raw string // before aliases
	ids []string

	// Its spellings, by spelling, in order of their first authors, are
	// resolver.spells[at:at+nspell], and those with distinct parsed
	// forms, sorted by form, resolver.forms[at:at+nforms].
	at, nspell, nforms int32

	full    bool // the first given name of a form is not an initial
	mention int  // number of authors
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
	runes int32  // its length in runes

	// given and family are the given names and the family name with
	// particle of s, as Person shows them.
	given, family string

	// familyRank numbers the family of form among those of all
	// spellings, and first ranks its first given name; the first given
	// names of ranks first to firstEnd-1 are those it agrees with: itself
	// when whole, the names starting with it when an initial (see
	// rankForms).
	familyRank, first, firstEnd int32
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
	return formOf(ParseName(s))
}

// formOf returns the form of a parsed name.
func formOf(n Name) form {
	f := form{given: givenParts(n.Given), family: n.familyKey()}
	size := len(f.given) + len(f.family)
	for _, g := range f.given {
		size += len(g)
	}
	var b strings.Builder
	b.Grow(size)
	for k, g := range f.given {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g)
	}
	b.WriteByte('|')
	b.WriteString(f.family)
	f.str = b.String()
	return f
}

// personParts returns the given names and the family name with particle
// of a parsed name, as [Person] shows them.
func personParts(n Name) (given, family string) {
	if n.Particle == "" {
		// What TrimSpace would leave of " " + n.Family.
		return n.Given, strings.TrimSpace(n.Family)
	}
	return n.Given, strings.TrimSpace(n.Particle + " " + n.Family)
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
	aliases    *Aliases
	apart      bool // the aliases keep pairs of names apart
	nodes      []node
	spells     []spellCount // of the nodes (see node)
	forms      []int32      // of the nodes (see node)
	spellings  []spelling
	of         []int32 // node of each author, paper after paper
	ofStart    []int   // authors of paper i: of[ofStart[i]:ofStart[i+1]]
	parent     []int
	scheme     [][]schemeID // of each root, sorted by scheme
	keys       [][]string   // of each root, when apart
	rules      []uint8      // of each root
	never      []bool       // of each root
	joins      Joins
	suspects   []suspectNodes
	ranked     bool            // rankForms has ranked the forms of the spellings
	families   int             // the number of family names rankForms numbered
	refs       []initialsRef   // scratch space of joinInitials
	aliasInfos []personAliases // of each person, for settled
	sorter     stringSorter
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
	if collapsed(name) {
		return norm.NFC.String(name)
	}
	return norm.NFC.String(strings.Join(strings.Fields(name), " "))
}

// collapsed reports whether s is its fields joined by single spaces, as
// strings.Fields splits it.
func collapsed(s string) bool {
	space := true // after a space, or at the start
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
		} else {
			space = false
		}
		i += n
	}
	return !space || s == ""
}

// idAuthor is an author with identifiers, at position pos among the
// authors of all papers.
type idAuthor struct {
	pos int
	au  *Author
}

// idNode is a node of authors with identifiers while newResolver makes
// them.
type idNode struct {
	raw, idKey string
	ids        []string
	spell      []spellCount
	mention    int
}

// newResolver makes the nodes of the authors of papers.
//
// Most authors have no identifiers: their node is that of their name's
// key, so they are counted by name, one lookup each (see countNames),
// and the nodes are made from the distinct names, sorted by key. Only
// authors with identifiers are looked up by key and identifiers one by
// one.
func newResolver(papers []Paper, aliases *Aliases) *resolver {
	r := &resolver{aliases: aliases, apart: aliases != nil && len(aliases.apart) > 0}
	total := 0
	for i := range papers {
		total += len(papers[i].Authors)
	}

	// Distinct names as written; r.of holds the name of each author
	// until it holds the node. Authors whose identifiers are all empty
	// join the node of those without (they have the same key and no
	// identifier to join), so they are counted with them, but the first
	// author of a node gives it its identifiers, and edges keeps them.
	r.of = make([]int32, total)
	r.ofStart = make([]int, len(papers)+1)
	for i := range papers {
		r.ofStart[i+1] = r.ofStart[i] + len(papers[i].Authors)
	}
	table, withIDs, edges := countNames(papers, r.ofStart, r.of)
	names, count, first := table.names, table.count, table.first

	// The key and the spelling of each name, computed in parallel. A
	// name that is its own spelling is the only one with it among the
	// names that are; another name with that spelling finds it in the
	// table, so only spellings that are no name need a map of their own.
	nameKey := make([]string, len(names))
	nameSpell := make([]string, len(names))
	parallel(len(names), workers(len(names)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			nameKey[i], nameSpell[i] = Key(names[i]), spellOf(names[i])
		}
	})
	spellOfName := make([]int32, len(names))
	r.spellings = make([]spelling, 0, len(names))
	for i, s := range nameSpell {
		spellOfName[i] = -1
		if s == names[i] {
			spellOfName[i] = int32(len(r.spellings))
			r.spellings = append(r.spellings, spelling{s: s, key: nameKey[i]})
		}
	}
	other := make(map[string]int32)
	for i, s := range nameSpell {
		if spellOfName[i] >= 0 {
			continue
		}
		if j, ok := table.lookup(s); ok && nameSpell[j] == s {
			spellOfName[i] = spellOfName[j]
		} else if k, ok := other[s]; ok {
			spellOfName[i] = k
		} else {
			spellOfName[i] = int32(len(r.spellings))
			other[s] = spellOfName[i]
			r.spellings = append(r.spellings, spelling{s: s})
		}
	}
	table, nameSpell, other = nil, nil, nil

	// The nodes of the authors with identifiers, one per key and set of
	// identifiers, looked up author by author.
	byID := make(map[string]int32)
	var idNodes []idNode
	idNodeOf := make([]int32, len(withIDs))
	idSpells := 0
	var ids []string
	for k, a := range withIDs {
		nm := r.of[a.pos]
		ids = append(ids[:0], a.au.IDs...)
		slices.Sort(ids)
		ids = slices.Compact(ids)
		idKey := strings.Join(ids, "\x00")
		id := nameKey[nm] + "\x00" + idKey
		j, ok := byID[id]
		if !ok {
			j = int32(len(idNodes))
			byID[id] = j
			idNodes = append(idNodes, idNode{raw: nameKey[nm], idKey: idKey, ids: slices.Clip(slices.Clone(ids))})
		}
		n := &idNodes[j]
		if addSpelling(&n.spell, spellOfName[nm]) {
			idSpells++
		}
		n.mention++
		idNodeOf[k] = j
	}
	byID = nil
	idOrder := make([]int32, len(idNodes))
	for i := range idOrder {
		idOrder[i] = int32(i)
	}
	slices.SortFunc(idOrder, func(a, b int32) int {
		x, y := &idNodes[a], &idNodes[b]
		return cmp.Or(strings.Compare(x.raw, y.raw), strings.Compare(x.idKey, y.idKey))
	})

	// The nodes, sorted by key and identifiers: one per key for the
	// authors without identifiers, made from the names sorted by key,
	// each name bringing its spelling, counted; and before it the nodes
	// with identifiers of smaller keys.
	nb := 0
	for _, c := range count {
		if c > 0 {
			nb++
		}
	}
	bare := make([]int32, 0, nb)
	for i, c := range count {
		if c > 0 {
			bare = append(bare, int32(i))
		}
	}
	r.sorter.sort(bare, func(i int32) string { return nameKey[i] }, workers(len(bare)))
	nodes := len(idNodes)
	for k := range bare {
		if k == 0 || nameKey[bare[k]] != nameKey[bare[k-1]] {
			nodes++
		}
	}
	r.nodes = make([]node, 0, nodes)
	spells := make([]spellCount, 0, len(bare)+idSpells) // of all nodes
	nodeOfName := make([]int32, len(names))             // of the names of authors without identifiers
	nodeOfID := make([]int32, len(idNodes))
	var firstOf []int // first author of each node, when edges needs it
	if len(edges) > 0 {
		firstOf = make([]int, nodes)
	}
	j := 0
	idNodesBefore := func(raw string, all bool) {
		for ; j < len(idOrder) && (all || idNodes[idOrder[j]].raw < raw); j++ {
			x := &idNodes[idOrder[j]]
			lo := len(spells)
			spells = append(spells, x.spell...)
			nodeOfID[idOrder[j]] = int32(len(r.nodes))
			r.nodes = append(r.nodes, node{raw: x.raw, ids: x.ids, at: int32(lo), nspell: int32(len(x.spell)), mention: x.mention})
		}
	}
	var run []spellFirst
	for lo := 0; lo < len(bare); {
		raw := nameKey[bare[lo]]
		hi := lo + 1
		for hi < len(bare) && nameKey[bare[hi]] == raw {
			hi++
		}
		idNodesBefore(raw, false)
		i := int32(len(r.nodes))
		run = run[:0]
		mention := 0
		for _, nm := range bare[lo:hi] {
			nodeOfName[nm] = i
			run = append(run, spellFirst{spellCount{spellOfName[nm], count[nm]}, first[nm]})
			mention += int(count[nm])
		}
		if len(run) > 1 {
			run = mergeSpellings(run)
		}
		if firstOf != nil {
			firstOf[i] = run[0].first
		}
		slo := len(spells)
		for _, s := range run {
			spells = append(spells, s.spellCount)
		}
		r.nodes = append(r.nodes, node{raw: raw, at: int32(slo), nspell: int32(len(run)), mention: mention})
		lo = hi
	}
	idNodesBefore("", true)
	// The first author of a node without identifiers gives it its
	// identifiers: none, or one empty identifier.
	for _, a := range edges {
		if i := nodeOfName[r.of[a]]; firstOf[i] == a {
			r.nodes[i].ids = []string{""}
		}
	}
	// Each author's node.
	parallel(len(r.of), workers(len(r.of)), func(_, lo, hi int) {
		for a := lo; a < hi; a++ {
			if count[r.of[a]] > 0 {
				r.of[a] = nodeOfName[r.of[a]]
			}
		}
	})
	for k, a := range withIDs {
		r.of[a.pos] = nodeOfID[idNodeOf[k]]
	}
	bare, count, first, idNodes, withIDs = nil, nil, nil, nil, nil

	// The spellings, numbered again in order of first use by the nodes,
	// so that the passes over the nodes read them in order, and parsed.
	renum := make([]int32, len(r.spellings))
	for i := range renum {
		renum[i] = -1
	}
	next := int32(0)
	for k := range spells {
		s := spells[k].spelling
		if renum[s] < 0 {
			renum[s] = next
			next++
		}
		spells[k].spelling = renum[s]
	}
	for i := range renum {
		for renum[i] != int32(i) {
			j := renum[i]
			r.spellings[i], r.spellings[j] = r.spellings[j], r.spellings[i]
			renum[i], renum[j] = renum[j], renum[i]
		}
	}
	renum = nil
	parallel(len(r.spellings), workers(len(r.spellings)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			sp := &r.spellings[i]
			if sp.key == "" {
				sp.key = Key(sp.s)
			}
			nm := ParseName(sp.s)
			sp.form, sp.runes = formOf(nm), int32(utf8.RuneCountInString(sp.s))
			sp.given, sp.family = personParts(nm)
			sp.full = len(sp.form.given) > 0 && utf8.RuneCountInString(sp.form.given[0]) > 1
			if len(sp.form.given) == 0 {
				sp.form.str = ""
			}
		}
	})

	// The forms of each node, in the place of its spellings.
	r.spells, r.forms = spells, make([]int32, len(spells))
	parallel(len(r.nodes), workers(len(r.nodes)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			n := &r.nodes[i]
			forms, full := r.nodeForms(r.spellsOf(n), r.forms[n.at:n.at:n.at+n.nspell])
			n.nforms, n.full = int32(len(forms)), full
		}
	})
	r.parent = make([]int, len(r.nodes))
	for i := range r.nodes {
		if len(r.nodes[i].ids) > 0 {
			r.scheme = make([][]schemeID, len(r.nodes))
			break
		}
	}
	r.rules = make([]uint8, len(r.nodes))
	r.never = make([]bool, len(r.nodes))
	// Only keys kept apart from another by the aliases matter to canJoin;
	// a person of many nodes would otherwise gather a long list.
	if r.apart {
		r.keys = make([][]string, len(r.nodes))
	}
	for i := range r.nodes {
		n := &r.nodes[i]
		n.key = aliases.canonical(n.raw)
		r.parent[i] = i
		for _, x := range n.ids {
			s, _, _ := strings.Cut(x, ":")
			r.scheme[i] = setScheme(r.scheme[i], s, x, true)
		}
		if r.apart {
			if aliases.apartKeys[n.key] {
				r.keys[i] = []string{n.key}
			}
			if n.raw != n.key && aliases.apartKeys[n.raw] {
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

// appendDoubling appends e to s, doubling the capacity of s when it is
// full: a long slice grown one element at a time then costs twice its
// size in allocations, not the five times of append's slower growth.
func appendDoubling[S ~[]E, E any](s S, e E) S {
	if len(s) == cap(s) {
		s = slices.Grow(s, max(len(s), 16))
	}
	return append(s, e)
}

// allEmpty reports whether every identifier of ids is empty.
func allEmpty(ids []string) bool {
	for _, x := range ids {
		if x != "" {
			return false
		}
	}
	return true
}

// spellFirst is a spelling counted in a node, with its first author.
type spellFirst struct {
	spellCount
	first int
}

// mergeSpellings merges the counts of the spellings of names with one
// key, and sorts them by their first authors.
func mergeSpellings(run []spellFirst) []spellFirst {
	slices.SortFunc(run, func(a, b spellFirst) int { return cmp.Compare(a.spelling, b.spelling) })
	k := 0
	for _, c := range run[1:] {
		if c.spelling == run[k].spelling {
			run[k].n += c.n
			run[k].first = min(run[k].first, c.first)
		} else {
			k++
			run[k] = c
		}
	}
	run = run[:k+1]
	slices.SortFunc(run, func(a, b spellFirst) int { return cmp.Compare(a.first, b.first) })
	return run
}

// addSpelling counts one author written with spelling s in spell, and
// reports whether s is new there.
func addSpelling(spell *[]spellCount, s int32) bool {
	for k := range *spell {
		if (*spell)[k].spelling == s {
			(*spell)[k].n++
			return false
		}
	}
	*spell = append(*spell, spellCount{s, 1})
	return true
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

// spellsOf returns the spellings of n.
func (r *resolver) spellsOf(n *node) []spellCount { return r.spells[n.at : n.at+n.nspell] }

// formsOf returns the spellings of n with distinct forms.
func (r *resolver) formsOf(n *node) []int32 { return r.forms[n.at : n.at+n.nforms] }

// nodeForms appends to out the spellings of spell with distinct parsed
// forms, the first of each, sorted by form, and reports whether one
// has a whole first given name.
func (r *resolver) nodeForms(spell []spellCount, out []int32) ([]int32, bool) {
	full := false
	for _, c := range spell {
		sp := &r.spellings[c.spelling]
		if sp.form.str == "" || slices.ContainsFunc(out, func(s int32) bool { return r.spellings[s].form.str == sp.form.str }) {
			continue
		}
		out = append(out, c.spelling)
		full = full || sp.full
	}
	if len(out) > 1 {
		slices.SortFunc(out, func(a, b int32) int {
			return strings.Compare(r.spellings[a].form.str, r.spellings[b].form.str)
		})
	}
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
	for _, x := range r.schemes(a) {
		if y, ok := schemeOf(r.schemes(b), x.scheme); ok && x.id != y {
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

// schemes returns the identifiers of root a by scheme.
func (r *resolver) schemes(a int) []schemeID {
	if r.scheme == nil {
		return nil
	}
	return r.scheme[a]
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
	if r.scheme != nil {
		for _, x := range r.scheme[b] {
			r.scheme[a] = setScheme(r.scheme[a], x.scheme, x.id, false)
		}
		r.scheme[b] = nil
	}
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
	for i := range r.nodes {
		if r.never[i] {
			continue
		}
		for _, x := range r.nodes[i].ids {
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
// Groups are taken in order of their keys. size is the number of groups
// of all nodes, or a guess.
//
// Only groups of two nodes or more join anything, and few groups have
// them: the members are sorted by a hash of their group, which finds
// those groups, and only they are sorted by key.
func (r *resolver) joinGroups(rule string, size int, group func(n *node, add func(string))) {
	type member struct {
		group string
		node  int
	}
	ms := make([]member, 0, size)
	i := 0
	add := func(g string) { ms = append(ms, member{g, i}) }
	for i = range r.nodes {
		group(&r.nodes[i], add)
	}
	if len(ms) < 2 {
		return
	}
	// A member is filed as one word, the hash of its group with the
	// member in its lowest bits.
	mask := uint64(1)<<bits.Len(uint(len(ms)-1)) - 1
	filed := make([]uint64, len(ms))
	for k, m := range ms {
		filed[k] = mix64(fnvAdd(fnvOffset, m.group))&^mask | uint64(k)
	}
	slices.Sort(filed)
	type span struct {
		key    string
		lo, hi int // its members: members[lo:hi]
	}
	var groups []span
	var members []int // of the groups, in order of nodes
	for lo := 0; lo < len(filed); {
		hi := lo + 1
		for hi < len(filed) && filed[hi]&^mask == filed[lo]&^mask {
			hi++
		}
		if hi-lo >= 2 {
			// Members of one hash, in order of nodes, sorted by group
			// and split into groups.
			run := filed[lo:hi]
			for k := range run {
				run[k] &= mask
			}
			slices.SortStableFunc(run, func(a, b uint64) int { return strings.Compare(ms[a].group, ms[b].group) })
			for x := 0; x < len(run); {
				y := x + 1
				for y < len(run) && ms[run[y]].group == ms[run[x]].group {
					y++
				}
				if y-x >= 2 {
					start := len(members)
					for _, k := range run[x:y] {
						members = append(members, ms[k].node)
					}
					groups = append(groups, span{ms[run[x]].group, start, len(members)})
				}
				x = y
			}
		}
		lo = hi
	}
	filed = nil
	slices.SortFunc(groups, func(a, b span) int { return strings.Compare(a.key, b.key) })
	for _, g := range groups {
		r.joinGroup(rule, members[g.lo:g.hi])
	}
}

// joinKeys joins the nodes with a key in common, as joinGroups does.
func (r *resolver) joinKeys() {
	for i := range r.nodes {
		if r.nodes[i].key != r.nodes[i].raw {
			r.joinGroups("key", len(r.nodes), func(n *node, add func(string)) { add(n.key) })
			return
		}
	}
	// Without aliases that change keys, the nodes are sorted by key.
	var members []int
	for lo := 0; lo < len(r.nodes); {
		hi := lo + 1
		for hi < len(r.nodes) && r.nodes[hi].key == r.nodes[lo].key {
			hi++
		}
		if hi-lo >= 2 {
			members = members[:0]
			for i := lo; i < hi; i++ {
				members = append(members, i)
			}
			r.joinGroup("key", members)
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
		for _, x := range r.schemes(a) {
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

// rankForms numbers the family names and ranks the first given names
// of the forms of all spellings (see [spelling]), so that joinInitials
// compares numbers, not strings. Family names need only be told apart;
// first given names are ranked in sort order, where those starting with
// an initial follow it: their ranks run from the initial's to its
// firstEnd.
func (r *resolver) rankForms() {
	families := make(map[string]int32)
	firstOf := make(map[string]int32)
	var firsts []string // distinct
	for i := range r.spellings {
		sp := &r.spellings[i]
		if sp.form.str == "" {
			continue
		}
		f, ok := families[sp.form.family]
		if !ok {
			f = int32(len(families))
			families[sp.form.family] = f
		}
		g, ok := firstOf[sp.form.given[0]]
		if !ok {
			g = int32(len(firsts))
			firstOf[sp.form.given[0]] = g
			firsts = append(firsts, sp.form.given[0])
		}
		sp.familyRank, sp.first = f, g
	}
	r.families = len(families)
	families, firstOf = nil, nil
	order := make([]int32, len(firsts))
	for k := range order {
		order[k] = int32(k)
	}
	r.sorter.sort(order, func(k int32) string { return firsts[k] }, 1)
	rank := make([]int32, len(firsts))
	sorted := make([]string, len(firsts))
	for k, g := range order {
		rank[g], sorted[k] = int32(k), firsts[g]
	}
	ends := make([]int32, len(sorted))
	for k, g := range sorted {
		switch {
		case g == "":
			ends[k] = int32(k) // agrees with nothing
		case utf8.RuneCountInString(g) > 1:
			ends[k] = int32(k + 1)
		default:
			ends[k] = int32(k + sort.Search(len(sorted)-k, func(m int) bool { return !strings.HasPrefix(sorted[k+m], g) }))
		}
	}
	for i := range r.spellings {
		if sp := &r.spellings[i]; sp.form.str != "" {
			sp.first = rank[sp.first]
			sp.firstEnd = ends[sp.first]
		}
	}
}

// initialsRef is a form with a whole first given name, filed for
// joinInitials by the ranks of its family and first given name.
type initialsRef struct {
	rank     uint64 // family rank << 32 | first given name rank
	node     int32
	spelling int32
}

// joinInitials joins each node whose first given name is whole (full)
// or an initial (!full) to the one person holding full names compatible
// with it; of several, those agreeing on the most given names count.
// Decisions are taken on the people as they stand before the pass, so
// the order of nodes does not matter.
//
// The candidates of a form are looked up in the forms with whole first
// given names sorted by the ranks of their family and first given name:
// a whole first name is compatible only with the same name, an initial
// only with names starting with its letter, which are adjacent in that
// order. So the work per node is that of its compatible names, not of
// its family.
func (r *resolver) joinInitials(full bool) {
	if !r.ranked {
		r.rankForms()
		r.ranked = true
	}
	size := 0
	for i := range r.nodes {
		if n := &r.nodes[i]; n.full {
			size += int(n.nforms)
		}
	}
	if cap(r.refs) < size {
		r.refs = make([]initialsRef, 0, size)
	}
	refs := r.refs[:0]
	for i := range r.nodes {
		n := &r.nodes[i]
		if !n.full || r.never[r.find(i)] {
			continue
		}
		for _, s := range r.formsOf(n) {
			if sp := &r.spellings[s]; sp.full {
				refs = append(refs, initialsRef{uint64(sp.familyRank)<<32 | uint64(sp.first), int32(i), s})
			}
		}
	}
	slices.SortFunc(refs, func(a, b initialsRef) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		return cmp.Compare(a.node, b.node)
	})
	// The refs of family f are refs[famStart[f]:famStart[f+1]].
	famStart := make([]int32, r.families+1)
	for _, c := range refs {
		famStart[c.rank>>32+1]++
	}
	for f := range r.families {
		famStart[f+1] += famStart[f]
	}
	var plans []struct{ i, j int }
	var cands []int // roots
	for i := range r.nodes {
		n := &r.nodes[i]
		if n.full != full || n.nforms == 0 || r.never[r.find(i)] {
			continue
		}
		cands = cands[:0]
		best := 0
		for _, s := range r.formsOf(n) {
			f := &r.spellings[s]
			fam := f.familyRank
			for _, c := range initialsCandidates(refs[famStart[fam]:famStart[fam+1]], f) {
				cf := &r.spellings[c.spelling].form
				if int(c.node) == i || !compatibleGiven(f.form.given, cf.given) {
					continue
				}
				agree := min(len(f.form.given), len(cf.given))
				if agree > best {
					best, cands = agree, cands[:0]
				}
				if rt := r.find(int(c.node)); agree == best && !slices.Contains(cands, rt) {
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

// initialsCandidates returns the refs, sorted by rank and all of the
// family of sp, that may be compatible with the form of sp: the same
// first given name when it is whole or a first given name starting with
// it when it is an initial.
func initialsCandidates(refs []initialsRef, sp *spelling) []initialsRef {
	fam := uint64(sp.familyRank) << 32
	lo, _ := slices.BinarySearchFunc(refs, fam|uint64(sp.first), func(c initialsRef, rank uint64) int {
		return cmp.Compare(c.rank, rank)
	})
	hi := lo
	for hi < len(refs) && refs[hi].rank < fam|uint64(sp.firstEnd) {
		hi++
	}
	return refs[lo:hi]
}

// fits reports whether two nodes have spellings that fit each other:
// the same family name, and given names that agree one by one.
func (r *resolver) fits(a, b *node) bool {
	for _, x := range r.formsOf(a) {
		fa := &r.spellings[x].form
		for _, y := range r.formsOf(b) {
			fb := &r.spellings[y].form
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
				if !r.fits(&r.nodes[names[x]], &r.nodes[names[y]]) {
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
	n := 0
	for i := range r.nodes {
		if r.find(i) == i {
			n++
		}
	}
	roots := make([]int, 0, n)
	for i := range r.nodes {
		rt := r.find(i)
		rootOf[i] = int32(rt)
		if rt == i {
			personOfRoot[i] = int32(len(roots))
			roots = append(roots, i)
		}
	}
	// Members of person p: ns[start[p]:start[p+1]]; its variants are at
	// most the spellings of its members, whose number vstart counts.
	start := make([]int32, len(roots)+1)
	vstart := make([]int, len(roots)+1)
	for i := range r.nodes {
		p := personOfRoot[rootOf[i]]
		start[p+1]++
		vstart[p+1] += int(r.nodes[i].nspell)
	}
	for p := range roots {
		start[p+1] += start[p]
		vstart[p+1] += vstart[p]
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
	vs := make([]int32, vstart[len(roots)])
	names := make([]string, vstart[len(roots)])
	parallel(len(roots), workers(len(roots)), func(_, lo, hi int) {
		var buf []spellCount
		for p := lo; p < hi; p++ {
			a, b := vstart[p], vstart[p+1]
			people[p], mentions[p], variants[p], buf = r.person(roots[p], ns[start[p]:start[p+1]], buf, vs[a:a:b], names[a:a:b])
		}
	})
	ns, start, vstart = nil, nil, nil

	// Sort by key, people with one key by index, make keys unique, and
	// map roots to people. The people whose key is that of their root,
	// their first node, are in order already, since roots are sorted by
	// key; the others are sorted apart and merged in.
	order := make([]int32, 0, len(people)) // the people by key
	var others []int32
	for p := range people {
		if people[p].Key == r.nodes[roots[p]].raw {
			order = append(order, int32(p))
		} else {
			others = append(others, int32(p))
		}
	}
	if len(others) > 0 {
		r.sorter.sort(others, func(i int32) string { return people[i].Key }, workers(len(others)))
		all := make([]int32, len(people))
		mergeFunc(all, order, others, func(a, b int32) int {
			return cmp.Or(strings.Compare(people[a].Key, people[b].Key), cmp.Compare(a, b))
		})
		order, others = all, nil
	}
	if changed := uniqueKeys(people, order); len(changed) > 0 {
		order = resorted(people, order, changed)
	}
	for k, p := range order {
		personOfRoot[roots[p]] = int32(k)
	}
	roots = nil
	permute(people, order)
	permute(mentions, order)
	permute(variants, order)
	order = nil
	id := &Identity{People: people, Joins: r.joins}
	personOf := make([]int32, len(r.nodes)) // person of each node
	for i := range r.nodes {
		personOf[i] = personOfRoot[rootOf[i]]
	}
	rootOf, personOfRoot = nil, nil

	// One slice holds the rows of Of, each capped at its end, so that an
	// append to one does not write into the next.
	id.Of = make([][]int, len(r.ofStart)-1)
	all := make([]int, len(r.of))
	parallel(len(id.Of), workers(len(r.of)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			a, b := r.ofStart[i], r.ofStart[i+1]
			row := all[a:b:b]
			for j, n := range r.of[a:b] {
				row[j] = int(personOf[n])
			}
			id.Of[i] = row
		}
	})
	// The suspects need only the spellings: the nodes and the joins can go.
	r.nodes, r.spells, r.forms, r.of, r.ofStart, r.parent = nil, nil, nil, nil, nil, nil
	r.scheme, r.keys, r.rules, r.never = nil, nil, nil, nil
	id.Suspects = r.peopleSuspects(id, personOf, mentions, variants)
	return id
}

// person makes the person of root rt, whose nodes are ns. It returns the
// number of authors it stands for too, and the spellings of its
// variants. buf is scratch space, returned for reuse; vs and names,
// empty, have room for the spellings of ns and receive the spellings
// and the Variants.
func (r *resolver) person(rt int, ns []int32, buf []spellCount, vs []int32, names []string) (Person, int, []int32, []spellCount) {
	var p Person
	count := 0
	canon := ""
	spell := buf[:0]
	for _, i := range ns {
		n := &r.nodes[i]
		spell = append(spell, r.spellsOf(n)...)
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
	for _, c := range spell {
		vs, names = append(vs, c.spelling), append(names, r.spellings[c.spelling].s)
	}
	p.Variants = slices.Clip(names)
	slices.Sort(p.IDs)
	p.IDs = slices.Compact(p.IDs)
	best := &r.spellings[spell[r.bestSpelling(spell)].spelling]
	p.Name, p.Key = best.s, best.key
	if canon != "" {
		p.Name = r.aliases.names[canon]
		p.Key = Key(p.Name)
	}
	if canon != "" {
		p.Given, p.Family = personParts(ParseName(p.Name))
	} else {
		p.Given, p.Family = best.given, best.family
	}
	for k, name := range ruleNames {
		if r.rules[rt]&(1<<k) != 0 {
			p.Merged = append(p.Merged, name)
		}
	}
	return p, count, slices.Clip(vs), spell
}

// uniqueKeys makes the keys of people unique: of people sharing a key,
// those with identifiers get their first identifier in brackets, and any
// left sharing it a number. order sorts the people by key, and people
// with one key by index. It returns the people whose keys changed.
func uniqueKeys(people []Person, order []int32) []int32 {
	var changed []int32
	var idx []int
	for lo := 0; lo < len(order); {
		k := people[order[lo]].Key
		hi := lo + 1
		for hi < len(order) && people[order[hi]].Key == k {
			hi++
		}
		if hi-lo > 1 {
			idx = idx[:0]
			for _, p := range order[lo:hi] {
				idx = append(idx, int(p))
			}
			uniqueKey(people, idx)
			for _, p := range order[lo:hi] {
				if people[p].Key != k {
					changed = append(changed, p)
				}
			}
		}
		lo = hi
	}
	return changed
}

// resorted returns order, which sorted people by key before the keys of
// the people changed were changed, sorted by key again. Keys are unique.
func resorted(people []Person, order, changed []int32) []int32 {
	moved := make(map[int32]bool, len(changed))
	for _, p := range changed {
		moved[p] = true
	}
	kept := slices.DeleteFunc(order, func(p int32) bool { return moved[p] })
	slices.SortFunc(changed, func(a, b int32) int { return strings.Compare(people[a].Key, people[b].Key) })
	out := make([]int32, len(kept)+len(changed))
	mergeFunc(out, kept, changed, func(a, b int32) int { return strings.Compare(people[a].Key, people[b].Key) })
	return out
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
	seen2 := make(map[[2]int]bool)
	seen := make(map[string]bool)
	// keep reports whether the suspect of the distinct people uniq is
	// new and not settled.
	keep := func(uniq []int) bool {
		if len(uniq) < 2 || r.settled(id, uniq) {
			return false
		}
		if len(uniq) == 2 {
			sig := keyPairInt(uniq[0], uniq[1])
			if seen2[sig] {
				return false
			}
			seen2[sig] = true
		} else {
			sig := fmt.Sprint(uniq)
			if seen[sig] {
				return false
			}
			seen[sig] = true
		}
		return true
	}
	var out []Suspect
	for _, s := range r.suspects {
		var uniq []int
		for _, n := range s.nodes {
			if p := int(personOf[n]); !slices.Contains(uniq, p) {
				uniq = append(uniq, p)
			}
		}
		if keep(uniq) {
			out = append(out, Suspect{People: uniq, Reason: s.reason})
		}
	}
	es := r.similarEntries(variants)
	pairs := similarPeople(es)
	out = slices.Grow(out, len(pairs))
	// Pairs of the same two people are adjacent: only the first counts.
	for k, pair := range pairs {
		x, y := &es[pair.x], &es[pair.y]
		if k > 0 && es[pairs[k-1].x].person == x.person && es[pairs[k-1].y].person == y.person {
			continue
		}
		a, b, ka, kb := x.person, y.person, x.key, y.key
		// The person written more often is the canonical one, second.
		if mentions[a] > mentions[b] || (mentions[a] == mentions[b] && a > b) {
			a, b, ka, kb = b, a, kb, ka
		}
		// Not a suspect found while joining, nor settled; no later pair
		// is of these people, so seen2 need not learn them.
		if uniq := []int{a, b}; !seen2[keyPairInt(a, b)] && !r.settled(id, uniq) {
			out = append(out, Suspect{People: uniq, Reason: similarReasons[pair.reason] + " (" + ka + " / " + kb + ")"})
		}
	}
	// Sort by people, equal people in the order found: by index, which
	// is faster than a stable sort.
	order := make([]int32, len(out))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := slices.Compare(out[a].People, out[b].People); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	permute(out, order)
	return out
}

// permute puts s[order[k]] in s[k] for every k, following the cycles of
// the permutation order, which it leaves as it was.
func permute[E any](s []E, order []int32) {
	for k := range order {
		if order[k] < 0 || int(order[k]) == k {
			continue
		}
		e := s[k]
		j := k
		for {
			src := int(order[j])
			order[j] = ^order[j] // done
			if src == k {
				s[j] = e
				break
			}
			s[j] = s[src]
			j = src
		}
	}
	for k := range order {
		if order[k] < 0 {
			order[k] = ^order[k]
		}
	}
}

// similarEntries returns the distinct keys of the variants of each
// person, sorted by person and key, each with the family key of the last
// variant (in sort order) that has it.
func (r *resolver) similarEntries(variants [][]int32) []similarEntry {
	n := 0
	for _, vs := range variants {
		n += len(vs)
	}
	es := make([]similarEntry, 0, n)
	for p, vs := range variants {
		first := len(es)
		for _, v := range vs {
			sp := &r.spellings[v]
			es = append(es, similarEntry{p, sp.key, sp.form.family})
		}
		if part := es[first:]; len(part) > 1 {
			// Of the variants with one key, in order, the last gives the
			// family.
			slices.SortStableFunc(part, func(a, b similarEntry) int { return strings.Compare(a.key, b.key) })
			k := 0
			for _, e := range part[1:] {
				if e.key == part[k].key {
					part[k].family = e.family
				} else {
					k++
					part[k] = e
				}
			}
			es = es[:first+k+1]
		}
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
	for _, p := range ps {
		if r.aliasInfo(id, p).never {
			return true
		}
	}
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			for _, x := range r.aliasInfo(id, ps[i]).apart {
				for _, y := range r.aliasInfo(id, ps[j]).apart {
					if r.aliases.isApart(x, y) {
						return true
					}
				}
			}
		}
	}
	return false
}

// personAliases is what settled needs to know of a person: whether a
// variant's key, after aliases, is a "!name", and the keys of its
// variants, before and after aliases, that the aliases keep apart from
// another.
type personAliases struct {
	done  bool
	never bool
	apart []string
}

// aliasInfo returns what settled needs to know of person p, computed
// once.
func (r *resolver) aliasInfo(id *Identity, p int) *personAliases {
	if r.aliasInfos == nil {
		r.aliasInfos = make([]personAliases, len(id.People))
	}
	info := &r.aliasInfos[p]
	if info.done {
		return info
	}
	info.done = true
	for _, v := range id.People[p].Variants {
		raw := Key(v)
		k := r.aliases.canonical(raw)
		info.never = info.never || r.aliases.isNever(k)
		for _, x := range [2]string{k, raw} {
			if r.aliases.apartKeys[x] && !slices.Contains(info.apart, x) {
				info.apart = append(info.apart, x)
			}
		}
	}
	return info
}
