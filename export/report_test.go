package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/graph"
)

func TestReportGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Report(&buf, testAnalysis(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.md", buf.Bytes())
}

func TestMDEscape(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Zoë *Star* | Pipe", `Zoë \*Star\* \| Pipe`},
		{"<b>x</b>", `\<b\>x\</b\>`},
		{`a\b`, `a\\b`},
		{"Lone\nAuthor [x]_y `z`", "Lone Author \\[x\\]\\_y \\`z\\`"},
		{"Ünal & Co", `Ünal \& Co`},
		{"Jean-Pierre O'Neil (ed.)", "Jean-Pierre O'Neil (ed.)"},
		{"#1 ~x~", `\#1 \~x\~`},
		{"bell\x07", "bell"},
	}
	for _, test := range tests {
		if got := mdEscape(test.in); got != test.want {
			t.Errorf("mdEscape(%q) = %q, want %q", test.in, got, test.want)
		}
	}
}

func TestReportContent(t *testing.T) {
	var buf bytes.Buffer
	if err := Report(&buf, testAnalysis(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// Expected lines follow from the fixture in testAnalysis.
	for _, want := range []string{
		"# Co-authorship report of O\"Brien\n",
		"- papers\\|1.bib\n",
		"| co-authorship ties | 7 |\n",
		"| density | 0.4667 |\n",
		"1/weight",
		"- Communities: louvain, resolution 1, seed 42; modularity Q = 0.125.\n",
		// Betweenness: a\b 0.6, O"Brien 1/3, Ünal & Co 0.1.
		"| 1 | a\\\\b | 0.6 | 2 | 0 |\n| 2 | O\"Brien | 0.3333 | 3 | 1 |\n| 3 | Ünal \\& Co | 0.1 | 2 | 0 |\n",
		"### Community 0 (3 authors)\n\nDominant topic: 0 (graph, network, centrality).\n\n" +
			"Members: a\\\\b, Ünal \\& Co, Zoë \\*Star\\* \\| Pipe.\n",
		"1 community of a single author is not listed.",
		"| 1 | 2 | \\<i\\>html\\</i\\>, a\\|b |\n",
		"## Graph notes\n\n- full counting\n",
		"\nProfile owner: O\"Brien.\n",
		"## Warnings\n\n- 1 paper has a truncated author list\n- owner inferred: O\"Brien\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{"<b>", "<i>", "*Star*"} {
		if strings.Contains(out, bad) {
			t.Errorf("report holds unescaped %q", bad)
		}
	}
	// Each centrality table has a header, a rule and 6 authors (fewer
	// than 10 in the fixture).
	if got := strings.Count(out, "| rank | author |"); got != 6 {
		t.Errorf("report has %d centrality tables, want 6", got)
	}
}

func TestReportMinimal(t *testing.T) {
	a := testAnalysis(t)
	a.Centrality, a.Communities, a.Topics = nil, nil, nil
	a.Owner, a.Warnings, a.Inputs = "", nil, nil
	var buf bytes.Buffer
	if err := Report(&buf, a); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, absent := range []string{"## Inputs", "## Most central", "## Communities", "## Topics"} {
		if strings.Contains(out, absent) {
			t.Errorf("report without data has section %q", absent)
		}
	}
	if !strings.HasPrefix(out, "# Co-authorship report\n") {
		t.Errorf("report starts %q, want the plain title", out[:min(len(out), 40)])
	}
}

// TestReportGraphFile checks the methods of a graph read from a file: no
// counting scheme or filters are claimed for it.
func TestReportGraphFile(t *testing.T) {
	g, _, _ := graph.New(make([]graph.Author, 3), []graph.Edge{{U: 0, V: 1, Weight: 2}, {U: 1, V: 2, Weight: 1}})
	var b strings.Builder
	if err := Report(&b, &Analysis{Graph: g}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "read from a file made by another tool") || strings.Contains(out, "Counting:") ||
		strings.Contains(out, "Filters:") {
		t.Errorf("methods of a graph file:\n%s", out)
	}
}
