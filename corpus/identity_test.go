package corpus

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Salem Lahlou", "salem lahlou"},
		{"upper case", "SALEM LAHLOU", "salem lahlou"},
		{"whitespace", "  Salem \t  Lahlou ", "salem lahlou"},
		{"acute and caron", "Martin Takáč", "martin takac"},
		{"decomposed input", "Martin Taka\u0301c\u030c", "martin takac"},
		{"stroke", "Łukasz Kaiser", "lukasz kaiser"},
		{"sharp s", "Weiß", "weiss"},
		{"initials dots", "Shreshth A. Malik", "shreshth a malik"},
		{"hyphen kept", "Jean-Pierre Martin", "jean-pierre martin"},
		{"empty", "  ", ""},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := Key(test.in); got != test.want {
				t.Errorf("Key(%q) = %q, want %q", test.in, got, test.want)
			}
		})
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Salem Lahlou", "Takáč", "ǅemal", "İstanbul", "ﬁ ligature", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key(Key(%q)) = %q, want %q", s, Key(k), k)
		}
	})
}

func TestResolve(t *testing.T) {
	papers := []Paper{
		{Authors: []Author{{Name: "Martin Takáč"}, {Name: "Salem Lahlou"}}},
		{Authors: []Author{{Name: "Martin Takac"}, {Name: "S. Lahlou"}}},
		{Authors: []Author{{Name: "Martin Takáč", IDs: []string{"orcid:0000-0001-7455-2025"}}}},
	}
	al, err := parseAliases(strings.NewReader("variant,canonical\n# initials\nS. Lahlou,Salem Lahlou\n"), "aliases.csv")
	if err != nil {
		t.Fatal(err)
	}
	id := Resolve(papers, al)
	if len(id.People) != 2 {
		t.Fatalf("people = %+v, want 2", id.People)
	}
	// Sorted by key: "martin takac" < "salem lahlou".
	m, s := id.People[0], id.People[1]
	if m.Name != "Martin Takáč" || len(m.Variants) != 2 || len(m.IDs) != 1 {
		t.Errorf("person 0 = %+v, want Martin Takáč with 2 variants and an ORCID", m)
	}
	// The alias file's canonical spelling is shown.
	if s.Name != "Salem Lahlou" || len(s.Variants) != 2 {
		t.Errorf("person 1 = %+v, want Salem Lahlou with 2 variants", s)
	}
	// Without aliases, equal counts show the spelling that sorts first.
	if got := Resolve(papers[2:], nil).People[0].Name; got != "Martin Takáč" {
		t.Errorf("display name = %q, want Martin Takáč", got)
	}
	if got := Resolve(papers[:2], nil).People[0].Name; got != "Martin Takac" {
		t.Errorf("display name = %q, want Martin Takac (sorts before Martin Takáč)", got)
	}
	if id.Of[1][1] != 1 || id.Of[2][0] != 0 {
		t.Errorf("Of = %v", id.Of)
	}
}

func TestAliasesErrors(t *testing.T) {
	_, err := parseAliases(strings.NewReader("a,b\nonly one\n"), "al.csv")
	if err == nil || !strings.Contains(err.Error(), "al.csv:2") {
		t.Errorf("error = %v, want one naming al.csv:2", err)
	}
}
