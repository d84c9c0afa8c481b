package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
)

const papersUsage = `Usage: coauthor papers [flags] FILE...

Prints the records read from the files as JSON Lines, one paper a line,
then one line on stderr counting records read and skipped.
`

// paperLine is one line of 'coauthor papers'.
type paperLine struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Year      int      `json:"year,omitempty"`
	Date      string   `json:"date,omitempty"`
	Venue     string   `json:"venue,omitempty"`
	Authors   []string `json:"authors"`
	AuthorIDs []string `json:"author_ids"`
	Inferred  []int    `json:"inferred,omitempty"`
	Truncated bool     `json:"truncated"`
	DOI       string   `json:"doi"`
	ArXiv     string   `json:"arxiv"`
	Keywords  []string `json:"keywords"`
	HasCode   bool     `json:"has_code,omitempty"`
	Source    string   `json:"source"`
}

func runPapers(e *env, args []string) error {
	var in inputFlags
	fs := newFlagSet(e, "papers", papersUsage)
	in.register(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	l, err := load(e, files, &in)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range l.papers {
		line := paperLine{ID: p.ID, Title: p.Title, Year: p.Date.Year, Date: p.Date.String(), Venue: p.Venue,
			Authors: []string{}, AuthorIDs: []string{}, Truncated: p.Truncated, DOI: p.DOI, ArXiv: p.ArXiv,
			Keywords: p.Keywords, HasCode: p.HasCode, Source: p.Origin.String()}
		if line.Keywords == nil {
			line.Keywords = []string{}
		}
		for i, a := range p.Authors {
			line.Authors = append(line.Authors, a.Name)
			line.AuthorIDs = append(line.AuthorIDs, strings.Join(a.IDs, ";"))
			if a.Inferred {
				line.Inferred = append(line.Inferred, i)
			}
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	noun := "files"
	if len(l.inputs) == 1 {
		noun = "file"
	}
	msg := fmt.Sprintf("read %d records from %d %s", len(l.papers), len(l.inputs), noun)
	if s := skippedSummary(l.skipped); s != "" {
		msg += ", " + s
	} else {
		msg += ", 0 skipped"
	}
	fmt.Fprintln(e.stderr, msg)
	return nil
}
