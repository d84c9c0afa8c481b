package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/export"
)

const authorsUsage = `Usage: coauthor authors [flags] FILE...

Lists the people found among the authors of the papers read, after
records of one paper from several files are merged: one line per person
with the display name, the spellings merged into it, the identifiers,
the number of papers and the first and last year, most papers first.
Then the probable duplicates left unmerged (suspects), each as a line
for an alias file with the reason as a comment:

	S. Lahlou,Salem Lahlou  # initials match 2 people

Paste the lines you agree with into the file given to --alias; write a
"!" in front of a line to keep the two apart instead.

--format csv writes the people as CSV and the suspects on stderr.
--format json writes one object:

	{"people": [{"name", "key", "variants", "ids", "papers",
	             "first_year", "last_year", "merged"}, ...],
	 "suspects": [{"names", "reason", "alias"}, ...],
	 "joins": {"alias", "identifier", "name", "initials"},
	 "merge": {"records", "papers", "merged", "completed"}}
`

func init() {
	commands = append(commands, command{"authors", "list the people found, the spellings merged and the probable duplicates", runAuthors})
}

// authorLine is one person in the output of 'coauthor authors'.
type authorLine struct {
	Name      string   `json:"name"`
	Key       string   `json:"key"`
	Variants  []string `json:"variants"`
	IDs       []string `json:"ids"`
	Papers    int      `json:"papers"`
	FirstYear int      `json:"first_year,omitempty"`
	LastYear  int      `json:"last_year,omitempty"`
	Merged    []string `json:"merged"`
}

// suspectLine is one suspect in the output of 'coauthor authors'.
type suspectLine struct {
	Names  []string `json:"names"`
	Reason string   `json:"reason"`
	Alias  []string `json:"alias"`
}

type authorsOutput struct {
	People   []authorLine  `json:"people"`
	Suspects []suspectLine `json:"suspects"`
	Joins    struct {
		Alias      int `json:"alias"`
		Identifier int `json:"identifier"`
		Name       int `json:"name"`
		Initials   int `json:"initials"`
	} `json:"joins"`
	Merge struct {
		Records   int `json:"records"`
		Papers    int `json:"papers"`
		Merged    int `json:"merged"`
		Completed int `json:"completed"`
	} `json:"merge"`
}

func runAuthors(e *env, args []string) error {
	var in inputFlags
	fs := newFlagSet(e, "authors", authorsUsage)
	in.register(fs)
	format := "table"
	fs.StringVar(&format, "format", format, "output `format`: table, csv or json")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if format != "table" && format != "csv" && format != "json" {
		return usageError("--format %q: want table, csv or json", format)
	}
	l, err := load(e, files, &in)
	if err != nil {
		return err
	}
	if l.graph != nil {
		return usageError("%s is a graph file: authors needs papers", files[0])
	}
	out := authorsList(l.papers, corpus.Resolve(l.papers, l.aliases), l.merge)
	switch format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		if err := writeAuthorsCSV(e.stdout, out.People); err != nil {
			return err
		}
		return writeSuspects(e.stderr, out.Suspects)
	}
	if err := writeAuthorsTable(e.stdout, out.People); err != nil {
		return err
	}
	if len(out.Suspects) > 0 {
		fmt.Fprintf(e.stdout, "\n# %d groups of names that look like one person, not merged: paste a line into an --alias file to merge, or put \"!\" in front to keep apart\n", len(out.Suspects))
		return writeSuspects(e.stdout, out.Suspects)
	}
	return nil
}

// authorsList makes the output of 'coauthor authors': people with most
// papers first, then by key.
func authorsList(papers []corpus.Paper, id *corpus.Identity, ms corpus.MergeStats) *authorsOutput {
	out := &authorsOutput{People: make([]authorLine, len(id.People)), Suspects: []suspectLine{}}
	for i, p := range id.People {
		out.People[i] = authorLine{Name: p.Name, Key: p.Key, Variants: p.Variants, IDs: nonNil(p.IDs), Merged: nonNil(p.Merged)}
	}
	for i, row := range id.Of {
		y := papers[i].Date.Year
		seen := map[int]bool{}
		for _, p := range row {
			if seen[p] {
				continue
			}
			seen[p] = true
			a := &out.People[p]
			a.Papers++
			if y != 0 && (a.FirstYear == 0 || y < a.FirstYear) {
				a.FirstYear = y
			}
			a.LastYear = max(a.LastYear, y)
		}
	}
	for _, s := range id.Suspects {
		out.Suspects = append(out.Suspects, suspectOf(id, s))
	}
	sort.SliceStable(out.People, func(i, j int) bool { return out.People[i].Papers > out.People[j].Papers })
	out.Joins.Alias, out.Joins.Identifier = id.Joins.Alias, id.Joins.Identifier
	out.Joins.Name, out.Joins.Initials = id.Joins.Name, id.Joins.Initials
	out.Merge.Records, out.Merge.Papers = ms.Records, ms.Papers
	out.Merge.Merged, out.Merge.Completed = ms.Merged, ms.Completed
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// suspectOf turns a suspect into names and alias lines: the first person
// as the variant of each other one. People who share a key get a comment
// line only, since an alias line cannot tell them apart.
func suspectOf(id *corpus.Identity, s corpus.Suspect) suspectLine {
	sl := suspectLine{Reason: s.Reason, Alias: []string{}}
	for _, p := range s.People {
		sl.Names = append(sl.Names, id.People[p].Name)
	}
	v := id.People[s.People[0]].Name
	for _, p := range s.People[1:] {
		c := id.People[p].Name
		if corpus.Key(v) == corpus.Key(c) {
			continue
		}
		sl.Alias = append(sl.Alias, aliasField(v)+","+aliasField(c))
	}
	return sl
}

// aliasField quotes a name for an alias file when it holds a comma, a
// quote or a "#".
func aliasField(s string) string {
	if strings.ContainsAny(s, ",\"#") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func writeSuspects(w io.Writer, ss []suspectLine) error {
	for _, s := range ss {
		if len(s.Alias) == 0 {
			if _, err := fmt.Fprintf(w, "# %s: %s\n", strings.Join(s.Names, " / "), s.Reason); err != nil {
				return err
			}
		}
		for _, a := range s.Alias {
			if _, err := fmt.Fprintf(w, "%s  # %s\n", a, s.Reason); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeAuthorsTable(w io.Writer, people []authorLine) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tPAPERS\tYEARS\tVARIANTS\tIDS")
	for _, p := range people {
		years := ""
		if p.FirstYear != 0 {
			years = fmt.Sprintf("%d-%d", p.FirstYear, p.LastYear)
		}
		var others []string
		for _, v := range p.Variants {
			if v != p.Name {
				others = append(others, v)
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", p.Name, p.Papers, years, strings.Join(others, "; "), strings.Join(p.IDs, " "))
	}
	return tw.Flush()
}

func writeAuthorsCSV(w io.Writer, people []authorLine) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"name", "key", "variants", "ids", "papers", "first_year", "last_year", "merged"})
	for _, p := range people {
		cw.Write(safeRow(p.Name, p.Key, strings.Join(p.Variants, "; "), strings.Join(p.IDs, " "),
			strconv.Itoa(p.Papers), yearField(p.FirstYear), yearField(p.LastYear), strings.Join(p.Merged, " ")))
	}
	cw.Flush()
	return cw.Error()
}

// safeRow returns the cells of a row for a spreadsheet: none starts a
// formula (see export.SpreadsheetSafe).
func safeRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = export.SpreadsheetSafe(c)
	}
	return cells
}

func yearField(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
