package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latexAccents maps the accent commands of plain TeX and LaTeX to the
// Unicode combining marks they stand for.
var latexAccents = map[string]rune{
	"'":  '\u0301', // acute
	"`":  '\u0300', // grave
	"^":  '\u0302', // circumflex
	"\"": '\u0308', // diaeresis
	"~":  '\u0303', // tilde
	"=":  '\u0304', // macron
	".":  '\u0307', // dot above
	"u":  '\u0306', // breve
	"v":  '\u030c', // caron
	"H":  '\u030b', // double acute
	"c":  '\u0327', // cedilla
	"k":  '\u0328', // ogonek
	"r":  '\u030a', // ring above
	"d":  '\u0323', // dot below
	"b":  '\u0331', // macron below
	"t":  '\u0361', // tie
}

// latexLetters maps the commands that stand for a letter or a symbol.
var latexLetters = map[string]string{
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł",
	"aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
	"ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
	"TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e",
	"textendash": "–", "textemdash": "—", "textquoteright": "’",
	"textquoteleft": "‘", "textregistered": "®", "copyright": "©",
	"textdegree": "°", "pounds": "£", "euro": "€", "dots": "…",
	"ldots": "…", "hyphen": "-", "slash": "/", "textbackslash": "\\",
}

// latexMaxDepth bounds the nesting of accent arguments LaTeXToUnicode
// follows; deeper groups are copied with their braces removed.
const latexMaxDepth = 64

// LaTeXToUnicode turns the LaTeX markup found in bibliographic fields into
// plain Unicode text in NFC: accent commands (\'e, \'{e}, {\"o}, \c{c},
// \v{s}, \H{o}, \k{a}, \.z and the rest), letter commands (\ss, \o, \l,
// \aa, \ae, \i), escaped specials (\&, \%, \$, \#, \_, \{, \}) and ties
// (~, shown as a space). Group braces and math shifts ($) are removed;
// other commands such as \emph are dropped and their arguments kept.
// Dashes are left as written.
func LaTeXToUnicode(s string) string {
	if !strings.ContainsAny(s, "\\{}$~") {
		return s
	}
	return norm.NFC.String(latexConvert(s, 0))
}

func latexConvert(s string, depth int) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '{', '}', '$':
			i++
		case '~':
			b.WriteByte(' ')
			i++
		case '\\':
			i = latexCommand(&b, s, i+1, depth)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// latexCommand writes the rendering of the command whose name starts at
// s[i] (just after the backslash) and returns the index after it.
func latexCommand(b *strings.Builder, s string, i, depth int) int {
	if i >= len(s) {
		return i
	}
	// Control symbol: a backslash and one non-letter.
	if !latexIsLetter(s[i]) {
		sym := s[i : i+1]
		if mark, ok := latexAccents[sym]; ok {
			return latexAccent(b, s, i+1, mark, depth)
		}
		switch sym {
		case "\\", " ", "\n", "\t", ",", ";", ":", "!":
			b.WriteByte(' ')
		case "-", "/":
			// discretionary hyphen and italic correction: nothing
		default:
			b.WriteString(sym) // \& \% \$ \# \_ \{ \}
		}
		return i + 1
	}
	j := i
	for j < len(s) && latexIsLetter(s[j]) {
		j++
	}
	name := s[i:j]
	if mark, ok := latexAccents[name]; ok {
		return latexAccent(b, s, latexSkipSpace(s, j), mark, depth)
	}
	if l, ok := latexLetters[name]; ok {
		b.WriteString(l)
		j = latexSkipSpace(s, j)
		if strings.HasPrefix(s[j:], "{}") {
			j += 2
		}
		return j
	}
	// Unknown command: drop its name, keep its arguments.
	return latexSkipSpace(s, j)
}

// latexAccent reads the argument of an accent command starting at s[i],
// writes it with the combining mark after its first letter and returns
// the index after the argument.
func latexAccent(b *strings.Builder, s string, i int, mark rune, depth int) int {
	if i >= len(s) || depth >= latexMaxDepth {
		return i
	}
	var arg string
	next := i
	switch {
	case s[i] == '{':
		end := latexGroupEnd(s, i)
		if end < 0 {
			return i // braces are dropped by the caller
		}
		arg, next = latexConvert(s[i+1:end], depth+1), end+1
	case s[i] == '\\':
		var sub strings.Builder
		next = latexCommand(&sub, s, i+1, depth+1)
		arg = sub.String()
	default:
		_, size := utf8.DecodeRuneInString(s[i:])
		arg, next = s[i:i+size], i+size
	}
	if arg == "" {
		b.WriteRune(mark)
		return next
	}
	r, size := utf8.DecodeRuneInString(arg)
	switch r { // an accent on a dotless i or j takes the place of the dot
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	b.WriteRune(r)
	b.WriteRune(mark)
	b.WriteString(arg[size:])
	return next
}

// latexGroupEnd returns the index of the brace closing the group opened
// at s[i], or -1.
func latexGroupEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func latexSkipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func latexIsLetter(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsLetter(rune(c))
}
