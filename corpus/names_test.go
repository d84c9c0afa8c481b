package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestDisplayName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"first last", "Donald E. Knuth", "Donald E. Knuth"},
		{"last first", "Knuth, Donald E.", "Donald E. Knuth"},
		{"last jr first", "Pimentel, Jr., Joseph J.", "Joseph J. Pimentel Jr."},
		{"no space after comma", "Pimentel, Jr.,Joseph J.", "Joseph J. Pimentel Jr."},
		{"particle", "van Gennep, Arnold", "Arnold van Gennep"},
		{"single word", "Aristotle", "Aristotle"},
		{"whitespace collapsed", "  Doe,\n\t John  ", "John Doe"},
		{"braced comma kept", "{Barnes, Noble}", "{Barnes, Noble}"},
		{"empty first", "Smith,", "Smith"},
		{"empty", "", ""},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := DisplayName(test.in); got != test.want {
				t.Errorf("DisplayName(%q) = %q, want %q", test.in, got, test.want)
			}
		})
	}
}

func TestParseName(t *testing.T) {
	// The names are spellings found in testdata (profile-page.txt,
	// the Scopus, Web of Science and BibTeX samples) and common particle
	// and suffix forms.
	tests := []struct {
		name, in string
		want     Name
	}{
		{"given first", "Salem Lahlou", Name{Given: "Salem", Family: "Lahlou"}},
		{"middle initial", "Edward J. Hu", Name{Given: "Edward J.", Family: "Hu"}},
		{"initial first", "S. Lahlou", Name{Given: "S.", Family: "Lahlou"}},
		{"hyphenated initials", "J.-P. Martin", Name{Given: "J.-P.", Family: "Martin"}},
		{"hyphenated family", "Maxime Chevalier-Boisvert", Name{Given: "Maxime", Family: "Chevalier-Boisvert"}},
		{"last first", "Lahlou, Salem", Name{Given: "Salem", Family: "Lahlou"}},
		{"last initial", "Lahlou, S.", Name{Given: "S.", Family: "Lahlou"}},
		{"last jr first", "Pimentel, Jr., Joseph J.", Name{Given: "Joseph J.", Family: "Pimentel", Suffix: "Jr."}},
		{"suffix at end", "Joseph J. Pimentel Jr.", Name{Given: "Joseph J.", Family: "Pimentel", Suffix: "Jr."}},
		{"roman suffix", "John Smith III", Name{Given: "John", Family: "Smith", Suffix: "III"}},
		{"comma suffix", "John Smith, Jr.", Name{Given: "John", Family: "Smith", Suffix: "Jr."}},
		{"scopus", "Lahlou S.", Name{Given: "S.", Family: "Lahlou"}},
		{"scopus two initials", "Hernández-García A.J.", Name{Given: "A.J.", Family: "Hernández-García"}},
		{"medline capitals", "LAHLOU SA", Name{Given: "SA", Family: "LAHLOU"}},
		{"wos without dot", "Lahlou S", Name{Given: "S", Family: "Lahlou"}},
		{"capital family not initials", "Andrew NG", Name{Given: "Andrew", Family: "NG"}},
		{"particle de", "Rodrigo de Lazcano", Name{Given: "Rodrigo", Particle: "de", Family: "Lazcano"}},
		{"particle van der", "Anna van der Berg", Name{Given: "Anna", Particle: "van der", Family: "Berg"}},
		{"capital particle", "Ludwig Van Beethoven", Name{Given: "Ludwig", Particle: "Van", Family: "Beethoven"}},
		{"particle before comma", "van der Berg, Anna", Name{Given: "Anna", Particle: "van der", Family: "Berg"}},
		{"von", "von Neumann, John", Name{Given: "John", Particle: "von", Family: "Neumann"}},
		{"ben", "Salem Ben Ali", Name{Given: "Salem", Particle: "Ben", Family: "Ali"}},
		{"ben as given name", "Ben Smith", Name{Given: "Ben", Family: "Smith"}},
		{"al prefix", "Ahmed al-Rashid", Name{Given: "Ahmed", Particle: "al-", Family: "Rashid"}},
		{"al prefix after comma", "Al-Rashid, Ahmed", Name{Given: "Ahmed", Particle: "Al-", Family: "Rashid"}},
		{"three given", "Léna Néhale Ezzine", Name{Given: "Léna Néhale", Family: "Ezzine"}},
		{"one word", "Aristotle", Name{Family: "Aristotle"}},
		{"empty", "  ", Name{}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := ParseName(test.in); got != test.want {
				t.Errorf("ParseName(%q) = %+v, want %+v", test.in, got, test.want)
			}
		})
	}
}

func TestNameString(t *testing.T) {
	for _, s := range []string{"Anna van der Berg", "Joseph J. Pimentel Jr.", "Ahmed al-Rashid", "S. Lahlou"} {
		if got := ParseName(s).String(); got != s {
			t.Errorf("ParseName(%q).String() = %q, want the input", s, got)
		}
	}
	if got := ParseName("Lahlou S.").String(); got != "S. Lahlou" {
		t.Errorf("ParseName(%q).String() = %q, want %q", "Lahlou S.", got, "S. Lahlou")
	}
}

func TestGivenParts(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Jean-Pierre", "jean pierre"},
		{"J.-P.", "j p"},
		{"JP", "j p"},
		{"Salem A.", "salem a"},
		{"Bo", "bo"},
		{"", ""},
	}
	for _, test := range tests {
		if got := strings.Join(givenParts(test.in), " "); got != test.want {
			t.Errorf("givenParts(%q) = %q, want %q", test.in, got, test.want)
		}
	}
}

func FuzzParseName(f *testing.F) {
	for _, s := range []string{"van der Berg, Anna", "Lahlou S.", "Pimentel, Jr., Joseph J.", "al-", "Al- ,", ", , ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := ParseName(s)
		// Every byte of the name other than whitespace and commas lands
		// in exactly one part.
		if got, want := nameBytes(n.Given+n.Particle+n.Family+n.Suffix), nameBytes(s); got != want {
			t.Errorf("ParseName(%q) = %+v: bytes %q, want %q", s, n, got, want)
		}
	})
}

// nameBytes returns the bytes of s other than whitespace and commas,
// sorted.
func nameBytes(s string) string {
	b := []byte(strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), ""))
	slices.Sort(b)
	return string(b)
}
