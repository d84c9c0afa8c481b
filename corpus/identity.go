package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

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
// diacritics removed, punctuation other than hyphens and apostrophes
// turned into spaces, whitespace collapsed. Two spellings with the same
// key are the same person. Key is idempotent: Key(Key(s)) == Key(s).
func Key(name string) string {
	s := folder.String(norm.NFC.String(name))
	s = foldSpecial.Replace(s)
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'':
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

// Person is one node of the collaboration graph: every spelling that
// resolves to the same person.
type Person struct {
	// Key is the identity key (see [Key]) of the canonical spelling.
	Key string

	// Name is the display name: the canonical spelling of an alias file
	// when one names the person, otherwise the most frequent spelling as
	// written, ties broken by the spelling that sorts first.
	Name string

	// Variants lists every distinct spelling seen, sorted.
	Variants []string

	// IDs lists the identifiers seen for the person, sorted.
	IDs []string
}

// Identity assigns every author of every paper to a person.
type Identity struct {
	// People are sorted by Key.
	People []Person

	// Of[i][j] is the index in People of author j of paper i.
	Of [][]int
}

// Aliases are the user's decisions on identity.
type Aliases struct {
	// merge maps the key of a variant to the key of its canonical name.
	merge map[string]string

	// names maps the key of a canonical name to its spelling in the alias
	// file, which becomes the person's display name.
	names map[string]string
}

// ReadAliases reads an alias file: CSV lines "variant,canonical" saying
// that the name variant is the person canonical. Lines starting with "#"
// and blank lines are ignored; a first line "variant,canonical" is taken
// as a header.
func ReadAliases(path string) (*Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseAliases(f, path)
}

func parseAliases(r io.Reader, name string) (*Aliases, error) {
	a := &Aliases{merge: make(map[string]string), names: make(map[string]string)}
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
		if len(rec) == 2 && strings.EqualFold(rec[0], "variant") && strings.EqualFold(rec[1], "canonical") {
			continue
		}
		if len(rec) != 2 || Key(rec[0]) == "" || Key(rec[1]) == "" {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("expected two names \"variant,canonical\", got %d fields", len(rec))}
		}
		a.merge[Key(rec[0])] = Key(rec[1])
		a.names[Key(rec[1])] = strings.Join(strings.Fields(rec[1]), " ")
	}
	return a, nil
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

// Resolve assigns the authors of papers to people: authors whose names
// have the same key, after the aliases have been applied, are one person.
// The result does not depend on the order of equal spellings.
func Resolve(papers []Paper, aliases *Aliases) *Identity {
	type acc struct {
		spell map[string]int
		ids   map[string]bool
	}
	byKey := make(map[string]*acc)
	keys := make([][]string, len(papers))
	for i := range papers {
		keys[i] = make([]string, len(papers[i].Authors))
		for j, au := range papers[i].Authors {
			k := aliases.canonical(Key(au.Name))
			keys[i][j] = k
			a := byKey[k]
			if a == nil {
				a = &acc{spell: make(map[string]int), ids: make(map[string]bool)}
				byKey[k] = a
			}
			a.spell[strings.Join(strings.Fields(au.Name), " ")]++
			for _, id := range au.IDs {
				a.ids[id] = true
			}
		}
	}
	sorted := make([]string, 0, len(byKey))
	for k := range byKey {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	id := &Identity{People: make([]Person, len(sorted))}
	index := make(map[string]int, len(sorted))
	for i, k := range sorted {
		index[k] = i
		a := byKey[k]
		p := Person{Key: k}
		best := -1
		for s, c := range a.spell {
			p.Variants = append(p.Variants, s)
			if c > best || (c == best && s < p.Name) {
				p.Name, best = s, c
			}
		}
		sort.Strings(p.Variants)
		if aliases != nil && aliases.names[k] != "" {
			p.Name = aliases.names[k]
		}
		for x := range a.ids {
			p.IDs = append(p.IDs, x)
		}
		sort.Strings(p.IDs)
		id.People[i] = p
	}
	id.Of = make([][]int, len(papers))
	for i := range papers {
		id.Of[i] = make([]int, len(keys[i]))
		for j, k := range keys[i] {
			id.Of[i][j] = index[k]
		}
	}
	return id
}
