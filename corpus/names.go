package corpus

import "strings"

// DisplayName returns a personal name in display order, "First Last" or
// "First Last Jr.", from any of the three forms BibTeX allows: "First
// Last", "Last, First" and "Last, Jr., First". Whitespace is collapsed.
// Commas inside braces do not split, and braces are kept, so a corporate
// name written "{Barnes, Noble and Co.}" stays whole; the caller removes
// markup afterwards.
//
// BUG: DisplayName does not move particles such as "von" or "de"; "de
// Geer, Ingrid" becomes "Ingrid de Geer", which is the display order, but
// a name written "Ingrid de Geer" is not recognised as having the family
// name "de Geer".
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
