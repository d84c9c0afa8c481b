package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MergeStats counts what [Merge] did.
type MergeStats struct {
	// Records is the number of papers given to Merge, Papers the number
	// it returned.
	Records, Papers int

	// Merged is the number of records folded into another: Records -
	// Papers.
	Merged int

	// Completed is the number of merged papers whose author list was
	// truncated in the first record and is whole in the result.
	Completed int

	// OwnersPlaced is the number of inferred authors (a profile's owner
	// added behind "et al.") found on a whole author list, and so put at
	// their real position; OwnersAppended those not found there, kept at
	// the end and marked inferred.
	OwnersPlaced, OwnersAppended int

	// Warnings say which inferred owners were not found, one line each.
	Warnings []string
}

// Merge folds together the records of one paper read from several
// sources, and returns the papers in the order of their first record,
// with what it did.
//
// Two records are the same paper when they have the same DOI, the same
// arXiv identifier, or the same title and year. Titles are compared by
// [Key] with braces, spaces and apostrophes dropped, and only when they
// have at least two words and twelve letters ("GFlowNet Foundations"). Years may differ by one when one of the two
// records is a preprint (an arXiv identifier and no DOI, or no year at
// all), since a preprint often appears the year before its publication.
// Titles join records of different files only: two records of one file
// with the same title are two papers.
// Records with different DOIs, or different arXiv identifiers, are never
// joined by title. Joining is transitive.
//
// A merged paper keeps the ID, Origin and Title of its first record and
// takes from the others:
//
//   - Authors: the longest whole (not truncated) list, else the longest
//     list; identifiers of authors with the same key in other records
//     are added. An inferred author of a truncated record (a profile's
//     owner, [Author.Inferred]) is looked for on the chosen list by key,
//     then by a name compatible in initials ("S. Lahlou" for "Salem
//     Lahlou"); when absent they are appended, still inferred, and a
//     warning says so.
//   - Date: the earliest year, with the most precise date in that year.
//   - Abstract: the longest. Keywords: the union, in order, compared by
//     key. DOI, ArXiv, Venue and Affiliation: the first record that has
//     one. HasCode: any record.
//   - Sources: the origins of all its records, in order.
//
// Every returned paper has Sources set, of one origin when nothing was
// merged into it. Merge does not change papers; the result shares no
// author slices with them. It is deterministic.
func Merge(papers []Paper) ([]Paper, MergeStats) {
	st := MergeStats{Records: len(papers)}
	groups := mergeGroups(papers)
	out := make([]Paper, 0, len(groups))
	for _, g := range groups {
		out = append(out, mergeGroup(papers, g, &st))
	}
	st.Papers = len(out)
	st.Merged = st.Records - st.Papers
	return out, st
}

// mergeGroups returns the indices of the records of each paper, groups
// in the order of their first record.
func mergeGroups(papers []Paper) [][]int {
	parent := make([]int, len(papers))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a > b {
			a, b = b, a
		}
		parent[b] = a
	}
	byDOI, byArXiv := map[string]int{}, map[string]int{}
	byTitle := map[string][]int{}
	for i := range papers {
		p := &papers[i]
		if p.DOI != "" {
			if j, ok := byDOI[p.DOI]; ok {
				union(j, i)
			} else {
				byDOI[p.DOI] = i
			}
		}
		if a := strings.ToLower(p.ArXiv); a != "" {
			if j, ok := byArXiv[a]; ok {
				union(j, i)
			} else {
				byArXiv[a] = i
			}
		}
		if t := titleKey(p.Title); t != "" {
			for _, j := range byTitle[t] {
				if sameByTitle(&papers[j], p) {
					union(j, i)
				}
			}
			byTitle[t] = append(byTitle[t], i)
		}
	}
	var groups [][]int
	index := map[int]int{}
	for i := range papers {
		r := find(i)
		k, ok := index[r]
		if !ok {
			k = len(groups)
			index[r] = k
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], i)
	}
	return groups
}

// The replacers of titleKey, made once: building one costs more than
// using it.
var (
	titleBraces = strings.NewReplacer("{", "", "}", "")
	titleGaps   = strings.NewReplacer(" ", "", "'", "")
)

// titleKey returns the key of a title for matching, or "" when the title
// is too short to tell papers apart: fewer than two words or twelve
// letters.
func titleKey(t string) string {
	k := Key(titleBraces.Replace(t))
	if len(strings.Fields(k)) < 2 {
		return ""
	}
	k = titleGaps.Replace(k)
	if utf8.RuneCountInString(k) < 12 {
		return ""
	}
	return k
}

// sameByTitle reports whether two records with the same title key are
// one paper: no conflicting identifiers and close enough years.
func sameByTitle(a, b *Paper) bool {
	if a.Origin.File != "" && a.Origin.File == b.Origin.File {
		// One source does not list a paper twice: two records of one
		// file with the same title are two papers ("Editorial",
		// "Preface", a title reused in another venue).
		return false
	}
	if a.DOI != "" && b.DOI != "" && a.DOI != b.DOI {
		return false
	}
	if a.ArXiv != "" && b.ArXiv != "" && !strings.EqualFold(a.ArXiv, b.ArXiv) {
		return false
	}
	ya, yb := a.Date.Year, b.Date.Year
	switch {
	case ya == yb:
		return true
	case ya == 0 || yb == 0:
		return true
	case ya-yb == 1 || yb-ya == 1:
		return isPreprint(a) || isPreprint(b)
	}
	return false
}

// isPreprint reports whether a record looks like a preprint: an arXiv
// identifier and no DOI.
func isPreprint(p *Paper) bool { return p.ArXiv != "" && p.DOI == "" }

// mergeGroup folds the records g of papers into one paper.
func mergeGroup(papers []Paper, g []int, st *MergeStats) Paper {
	out := papers[g[0]]
	out.Sources = nil
	for _, i := range g {
		p := &papers[i]
		if len(p.Sources) > 0 {
			out.Sources = append(out.Sources, p.Sources...)
		} else {
			out.Sources = append(out.Sources, p.Origin)
		}
	}
	out.Keywords = append([]string(nil), out.Keywords...)
	if len(g) == 1 {
		out.Authors = append([]Author(nil), out.Authors...)
		return out
	}
	seenKw := map[string]bool{}
	for _, k := range out.Keywords {
		seenKw[Key(k)] = true
	}
	for _, i := range g[1:] {
		p := &papers[i]
		out.Date = earlierDate(out.Date, p.Date)
		if len(p.Abstract) > len(out.Abstract) {
			out.Abstract = p.Abstract
		}
		for _, k := range p.Keywords {
			if !seenKw[Key(k)] {
				seenKw[Key(k)] = true
				out.Keywords = append(out.Keywords, k)
			}
		}
		out.Title = firstNonEmpty(out.Title, p.Title)
		out.DOI = firstNonEmpty(out.DOI, p.DOI)
		out.ArXiv = firstNonEmpty(out.ArXiv, p.ArXiv)
		out.Venue = firstNonEmpty(out.Venue, p.Venue)
		out.Affiliation = firstNonEmpty(out.Affiliation, p.Affiliation)
		out.HasCode = out.HasCode || p.HasCode
	}
	mergeAuthors(papers, g, &out, st)
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// earlierDate returns the date with the earlier year, a known year
// before an unknown one; in the same year, the more precise.
func earlierDate(a, b Date) Date {
	switch {
	case a.Year == 0:
		return b
	case b.Year == 0 || a.Year < b.Year:
		return a
	case b.Year < a.Year:
		return b
	}
	if b.Month != 0 && (a.Month == 0 || (b.Day != 0 && a.Day == 0 && a.Month == b.Month)) {
		return b
	}
	return a
}

// mergeAuthors chooses the author list of the records g of papers for
// out, adds identifiers and places inferred owners.
func mergeAuthors(papers []Paper, g []int, out *Paper, st *MergeStats) {
	best := g[0]
	for _, i := range g[1:] {
		p, b := &papers[i], &papers[best]
		if (b.Truncated && !p.Truncated) || (b.Truncated == p.Truncated && len(p.Authors) > len(b.Authors)) {
			best = i
		}
	}
	chosen := &papers[best]
	if papers[g[0]].Truncated && !chosen.Truncated {
		st.Completed++
	}
	out.Truncated = chosen.Truncated
	var authors []Author
	for _, a := range chosen.Authors {
		a.IDs = append([]string(nil), a.IDs...)
		authors = append(authors, a)
	}
	byKey := map[string]int{}
	for j, a := range authors {
		if !a.Inferred {
			byKey[Key(a.Name)] = j
		}
	}
	for _, i := range g {
		if i == best {
			continue
		}
		for _, a := range papers[i].Authors {
			j, ok := byKey[Key(a.Name)]
			switch {
			case ok:
				authors[j].IDs = unionStrings(authors[j].IDs, a.IDs)
				if a.Inferred {
					st.OwnersPlaced++
				}
			case a.Inferred:
				authors = placeOwner(authors, a, papers, i, out, st)
			}
		}
	}
	out.Authors = authors
}

// placeOwner looks for the inferred author a of record i on authors by a
// name compatible in initials; when found they count as placed, else a
// is appended and a warning is given.
func placeOwner(authors []Author, a Author, papers []Paper, i int, out *Paper, st *MergeStats) []Author {
	fa, _ := forms(map[string]int{a.Name: 1})
	var found []int
	for j, b := range authors {
		fb, _ := forms(map[string]int{b.Name: 1})
		if !b.Inferred && formsCompatible(fa, fb) {
			found = append(found, j)
		}
	}
	if len(found) == 1 {
		authors[found[0]].IDs = unionStrings(authors[found[0]].IDs, a.IDs)
		st.OwnersPlaced++
		return authors
	}
	for _, b := range authors {
		if b.Inferred && Key(b.Name) == Key(a.Name) {
			return authors // appended already, from another record
		}
	}
	st.OwnersAppended++
	st.Warnings = append(st.Warnings, fmt.Sprintf("%s: the owner %q is not on the author list of %q from the other sources; kept at the end as inferred",
		papers[i].Origin, a.Name, out.Title))
	a.IDs = append([]string(nil), a.IDs...)
	return append(authors, a)
}

// formsCompatible reports whether two parsed names may be one person:
// same family name and given names compatible in initials.
func formsCompatible(a, b []form) bool {
	for _, x := range a {
		for _, y := range b {
			if x.family == y.family && compatibleGiven(x.given, y.given) {
				return true
			}
		}
	}
	return false
}

// unionStrings appends to a the strings of b it lacks.
func unionStrings(a, b []string) []string {
	for _, s := range b {
		found := false
		for _, t := range a {
			found = found || s == t
		}
		if !found {
			a = append(a, s)
		}
	}
	return a
}
