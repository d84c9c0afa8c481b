package corpus

import "testing"

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
