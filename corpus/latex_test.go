package corpus

import "testing"

// TestLaTeXToUnicode checks the accent and letter commands; the expected
// letters are the precomposed Unicode characters the commands stand for.
func TestLaTeXToUnicode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"braced acute", `Laid{\'e}`, "Laidé"},
		{"acute with argument", `Laid\'{e}`, "Laidé"},
		{"umlaut bare", `G\"odel`, "Gödel"},
		{"umlaut braced", `G{\"o}del`, "Gödel"},
		{"cedilla", `Fran\c{c}ois`, "François"},
		{"caron", `\v{S}koda`, "Škoda"},
		{"sharp s", `Stra\ss e`, "Straße"},
		{"slashed o and l", `{\O}rsted \l{}ódź \o`, "Ørsted łódź ø"},
		{"ring and ae", `\aa ngstr\"om \AE sop`, "ångström Æsop"},
		{"tilde circumflex macron", `Pe\~na h\^otel \=a`, "Peña hôtel ā"},
		{"breve double acute ogonek", `Ka\u{g}an Erd\H{o}s \k{a}`, "Kağan Erdős ą"},
		{"dot above", `\.Zak`, "Żak"},
		{"dotless i accented", `Mart{\'\i}n Mart\'{\i}n Aks{\i}n`, "Martín Martín Aksın"},
		{"specials", `Smith \& Sons 10\% \$5 a\_b`, "Smith & Sons 10% $5 a_b"},
		{"braces and tie removed", `{The} {DNA}~test`, "The DNA test"},
		{"unknown command keeps argument", `\emph{very} \textbf{bold}`, "very bold"},
		{"dashes left alone", "1--2", "1--2"},
		{"no markup", "plain", "plain"},
		{"deep accents do not recurse forever", `\'{\'{\'{e}}}`, "é\u0301\u0301"},
		{"trailing backslash", `abc\`, "abc"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := LaTeXToUnicode(test.in); got != test.want {
				t.Errorf("LaTeXToUnicode(%q) = %q, want %q", test.in, got, test.want)
			}
		})
	}
}
