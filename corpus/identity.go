package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

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
	s := folder.String(norm.NFC.String(name))
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
	return norm.NFC.String(foldSpecial.Replace(folder.String(k)))
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
	r.joinGroups("key", func(n *node) []string { return []string{n.key} })
	r.joinGroups("name", func(n *node) []string {
		if aliases.isNever(n.key) {
			return nil
		}
		var g []string
		for _, f := range n.forms {
			g = append(g, f.String())
		}
		return g
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
	spell   map[string]int
	forms   []form // the parsed spellings, distinct
	full    bool   // the first given name of a form is not an initial
	mention int    // number of authors
}

// form is a parsed spelling: the keys of its given names and of its
// family name with particle.
type form struct {
	given  []string
	family string
}

func (f form) String() string { return strings.Join(f.given, " ") + "|" + f.family }

type resolver struct {
	aliases  *Aliases
	nodes    []*node
	of       [][]int // node of each author
	parent   []int
	scheme   []map[string]string // of each root: scheme -> identifier
	keys     []map[string]bool   // of each root
	rules    []map[string]bool   // of each root
	never    []bool              // of each root
	joins    Joins
	suspects []suspectNodes
}

// suspectNodes is a suspect found while joining, by node.
type suspectNodes struct {
	nodes  []int
	reason string
}

func newResolver(papers []Paper, aliases *Aliases) *resolver {
	r := &resolver{aliases: aliases, of: make([][]int, len(papers))}
	byID := make(map[string]*node)
	for i := range papers {
		for _, au := range papers[i].Authors {
			raw := Key(au.Name)
			ids := slices.Clone(au.IDs)
			slices.Sort(ids)
			ids = slices.Compact(ids)
			id := raw + "\x00" + strings.Join(ids, "\x00")
			n := byID[id]
			if n == nil {
				n = &node{key: aliases.canonical(raw), raw: raw, ids: ids, spell: make(map[string]int)}
				byID[id] = n
			}
			n.spell[norm.NFC.String(strings.Join(strings.Fields(au.Name), " "))]++
			n.mention++
		}
	}
	for _, n := range byID {
		r.nodes = append(r.nodes, n)
	}
	sort.Slice(r.nodes, func(i, j int) bool {
		a, b := r.nodes[i], r.nodes[j]
		if a.raw != b.raw {
			return a.raw < b.raw
		}
		return strings.Join(a.ids, "\x00") < strings.Join(b.ids, "\x00")
	})
	index := make(map[*node]int, len(r.nodes))
	for i, n := range r.nodes {
		index[n] = i
		n.forms, n.full = forms(n.spell)
		r.parent = append(r.parent, i)
		sch := make(map[string]string)
		for _, x := range n.ids {
			s, _, _ := strings.Cut(x, ":")
			if prev, ok := sch[s]; ok && prev != x {
				sch[s] = "\x00conflict" // one author with two ids of a scheme
			} else {
				sch[s] = x
			}
		}
		r.scheme = append(r.scheme, sch)
		r.keys = append(r.keys, map[string]bool{n.key: true, n.raw: true})
		r.rules = append(r.rules, map[string]bool{})
		r.never = append(r.never, aliases.isNever(n.key))
		if n.raw != n.key {
			r.rules[i]["alias"] = true
			r.joins.Alias++
		}
	}
	for i := range papers {
		r.of[i] = make([]int, len(papers[i].Authors))
		for j, au := range papers[i].Authors {
			ids := slices.Clone(au.IDs)
			slices.Sort(ids)
			ids = slices.Compact(ids)
			r.of[i][j] = index[byID[Key(au.Name)+"\x00"+strings.Join(ids, "\x00")]]
		}
	}
	return r
}

// bestSpelling returns the spelling shown for a set of spellings: one
// with a whole first given name before one with an initial, then the
// most frequent, the longest in letters, the first in sort order.
func bestSpelling(spell map[string]int) string {
	best, bestFull, bestN := "", false, -1
	for s, c := range spell {
		g := givenParts(ParseName(s).Given)
		full := len(g) > 0 && len([]rune(g[0])) > 1
		better := full && !bestFull
		if full == bestFull {
			switch {
			case c != bestN:
				better = c > bestN
			case utf8.RuneCountInString(s) != utf8.RuneCountInString(best):
				better = utf8.RuneCountInString(s) > utf8.RuneCountInString(best)
			default:
				better = s < best
			}
		}
		if better {
			best, bestFull, bestN = s, full, c
		}
	}
	return best
}

// forms returns the distinct parsed forms of spellings, sorted, and
// whether one has a whole first given name.
func forms(spell map[string]int) ([]form, bool) {
	var out []form
	full := false
	seen := make(map[string]bool)
	for s := range spell {
		n := ParseName(s)
		f := form{givenParts(n.Given), n.familyKey()}
		if len(f.given) == 0 || seen[f.String()] {
			continue
		}
		seen[f.String()] = true
		out = append(out, f)
		full = full || len([]rune(f.given[0])) > 1
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
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
	for s, x := range r.scheme[a] {
		if y, ok := r.scheme[b][s]; ok && x != y {
			return false
		}
	}
	if r.aliases == nil || len(r.aliases.apart) == 0 {
		return true
	}
	for x := range r.keys[a] {
		for y := range r.keys[b] {
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
	for s, x := range r.scheme[b] {
		r.scheme[a][s] = x
	}
	for k := range r.keys[b] {
		r.keys[a][k] = true
	}
	for k := range r.rules[b] {
		r.rules[a][k] = true
	}
	r.rules[a][rule] = rule != "key"
	r.never[a] = r.never[a] || r.never[b]
	switch rule {
	case "identifier":
		r.joins.Identifier++
	case "name":
		r.joins.Name++
	case "initials":
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
func (r *resolver) joinGroups(rule string, group func(*node) []string) {
	groups := make(map[string][]int)
	var order []string
	for i, n := range r.nodes {
		for _, g := range group(n) {
			if groups[g] == nil {
				order = append(order, g)
			}
			groups[g] = append(groups[g], i)
		}
	}
	sort.Strings(order)
	for _, g := range order {
		members := groups[g]
		if len(members) < 2 {
			continue
		}
		force := false
		for _, i := range members {
			force = force || r.nodes[i].raw != r.nodes[i].key
		}
		if force || r.consistent(members) {
			for _, i := range members[1:] {
				r.join(members[0], i, rule, force)
			}
			continue
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
			continue
		}
		for _, i := range bare[1:] {
			r.join(bare[0], i, "key", true)
		}
		r.suspects = append(r.suspects, suspectNodes{append([]int{bare[0]}, roots...),
			fmt.Sprintf("name shared by %d people with different identifiers", len(roots))})
	}
}

// consistent reports whether the people of nodes may all be joined.
func (r *resolver) consistent(nodes []int) bool {
	var roots []int
	for _, i := range nodes {
		if !slices.Contains(roots, r.find(i)) {
			roots = append(roots, r.find(i))
		}
	}
	merged := make(map[string]string)
	for _, a := range roots {
		for s, x := range r.scheme[a] {
			if y, ok := merged[s]; ok && x != y {
				return false
			}
			merged[s] = x
		}
		for _, b := range roots {
			if a < b && !r.canJoin(a, b) {
				return false
			}
		}
	}
	return true
}

// joinInitials joins each node whose first given name is whole (full)
// or an initial (!full) to the one person holding full names compatible
// with it; of several, those agreeing on the most given names count.
// Decisions are taken on the people as they stand before the pass, so
// the order of nodes does not matter.
func (r *resolver) joinInitials(full bool) {
	type ref struct {
		node int
		form form
	}
	byFamily := make(map[string][]ref)
	for i, n := range r.nodes {
		if !n.full || r.never[r.find(i)] {
			continue
		}
		for _, f := range n.forms {
			if len([]rune(f.given[0])) > 1 {
				byFamily[f.family] = append(byFamily[f.family], ref{i, f})
			}
		}
	}
	var plans []struct{ i, j int }
	for i, n := range r.nodes {
		if n.full != full || len(n.forms) == 0 || r.never[r.find(i)] {
			continue
		}
		var cands []int // roots
		best := 0
		for _, f := range n.forms {
			for _, c := range byFamily[f.family] {
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
	// One person per root, with its nodes.
	members := make(map[int][]int)
	var roots []int
	for i := range r.nodes {
		rt := r.find(i)
		if members[rt] == nil {
			roots = append(roots, rt)
		}
		members[rt] = append(members[rt], i)
	}
	people := make([]Person, len(roots))
	mentions := make([]int, len(roots))
	for p, rt := range roots {
		people[p], mentions[p] = r.person(rt, members[rt])
	}
	uniqueKeys(people)

	// Sort by key and map roots to people.
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return people[order[i]].Key < people[order[j]].Key })
	id := &Identity{People: make([]Person, len(people)), Joins: r.joins}
	personOf := make(map[int]int, len(roots))
	sortedMentions := make([]int, len(people))
	for newIdx, old := range order {
		id.People[newIdx] = people[old]
		personOf[roots[old]] = newIdx
		sortedMentions[newIdx] = mentions[old]
	}
	id.Of = make([][]int, len(r.of))
	for i, row := range r.of {
		id.Of[i] = make([]int, len(row))
		for j, n := range row {
			id.Of[i][j] = personOf[r.find(n)]
		}
	}
	id.Suspects = r.peopleSuspects(id, personOf, sortedMentions)
	return id
}

// person makes the person of root rt, whose nodes are ns. It returns the
// number of authors it stands for too.
func (r *resolver) person(rt int, ns []int) (Person, int) {
	spell := make(map[string]int)
	var p Person
	count := 0
	canon := ""
	for _, i := range ns {
		n := r.nodes[i]
		for s, c := range n.spell {
			spell[s] += c
		}
		p.IDs = append(p.IDs, n.ids...)
		count += n.mention
		if r.aliases != nil && r.aliases.names[n.key] != "" && (canon == "" || n.key < canon) {
			canon = n.key
		}
	}
	for s := range spell {
		p.Variants = append(p.Variants, s)
	}
	sort.Strings(p.Variants)
	slices.Sort(p.IDs)
	p.IDs = slices.Compact(p.IDs)
	p.Name = bestSpelling(spell)
	if canon != "" {
		p.Name = r.aliases.names[canon]
	}
	p.Key = Key(p.Name)
	nm := ParseName(p.Name)
	p.Given, p.Family = nm.Given, strings.TrimSpace(nm.Particle+" "+nm.Family)
	for rule, ok := range r.rules[rt] {
		if ok {
			p.Merged = append(p.Merged, rule)
		}
	}
	sort.Strings(p.Merged)
	return p, count
}

// uniqueKeys makes the keys of people unique: of people sharing a key,
// those with identifiers get their first identifier in brackets, and any
// left sharing it a number.
func uniqueKeys(people []Person) {
	byKey := make(map[string][]int)
	for i, p := range people {
		byKey[p.Key] = append(byKey[p.Key], i)
	}
	for k, idx := range byKey {
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			if len(people[i].IDs) > 0 {
				people[i].Key = k + " [" + people[i].IDs[0] + "]"
			}
		}
	}
	seen := make(map[string]int)
	for i := range people {
		seen[people[i].Key]++
	}
	for k, c := range seen {
		if c < 2 {
			continue
		}
		var idx []int
		for i := range people {
			if people[i].Key == k {
				idx = append(idx, i)
			}
		}
		sort.Slice(idx, func(a, b int) bool {
			return strings.Join(people[idx[a]].Variants, "\x00") < strings.Join(people[idx[b]].Variants, "\x00")
		})
		for n, i := range idx[1:] {
			people[i].Key = fmt.Sprintf("%s #%d", k, n+2)
		}
	}
}

// peopleSuspects turns the suspects found while joining into suspects
// by person, adds the people whose names look alike, and drops what the
// alias file settled.
func (r *resolver) peopleSuspects(id *Identity, personOf map[int]int, mentions []int) []Suspect {
	var out []Suspect
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
		sig := fmt.Sprint(uniq)
		if len(uniq) == 2 {
			sig = fmt.Sprint(keyPairInt(uniq[0], uniq[1]))
		}
		if seen[sig] {
			return
		}
		seen[sig] = true
		out = append(out, Suspect{People: uniq, Reason: reason})
	}
	for _, s := range r.suspects {
		var ps []int
		for _, n := range s.nodes {
			ps = append(ps, personOf[r.find(n)])
		}
		add(ps, s.reason)
	}
	for _, pair := range similarPeople(id.People) {
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
