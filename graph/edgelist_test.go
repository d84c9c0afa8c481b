package graph

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/corpus"
)

// edgeText renders the edges of g as "key-key:weight" in edge order.
func edgeText(g *Graph) string {
	var b strings.Builder
	for i, e := range g.Edges {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.Authors[e.U].Key + "-" + g.Authors[e.V].Key + ":" + formatWeight(e.Weight))
	}
	return b.String()
}

func formatWeight(w float64) string {
	return strings.TrimRight(strings.TrimRight(strconvFormat(w), "0"), ".")
}

// keys lists the node keys of g in node order.
func keys(g *Graph) string {
	ks := make([]string, g.Len())
	for i, a := range g.Authors {
		ks[i] = a.Key
	}
	return strings.Join(ks, " ")
}

func TestEdgeList(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		nodes string // keys in node order
		edges string // edgeText
		notes []string
	}{{
		name:  "both directions count once",
		in:    "# c\n% c\n1 2\n2 1\n2 3\n",
		nodes: "1 2 3",
		edges: "1-2:1 2-3:1",
		notes: []string{"3 lines, 2 distinct undirected edges, 1 reverse duplicates merged, 0 self-loops dropped"},
	}, {
		name:  "numeric order, not appearance",
		in:    "10 2\n2 9\n-1 10\n",
		nodes: "-1 2 9 10",
		edges: "-1-10:1 2-9:1 2-10:1",
		notes: []string{"numeric order"},
	}, {
		name:  "tokens in order of appearance",
		in:    "bob alice\nalice carol\n7 bob\n",
		nodes: "bob alice carol 7",
		edges: "bob-alice:1 bob-7:1 alice-carol:1",
		notes: []string{"first appearance"},
	}, {
		name:  "reverse weights differ: max kept",
		in:    "1 2 0.5\n2 1 2.5\n",
		nodes: "1 2",
		edges: "1-2:2.5",
		notes: []string{"1 reverse duplicates merged", "1 duplicate edges carried a different weight; the largest weight was kept"},
	}, {
		name:  "repeated same direction",
		in:    "1 2 3\n1 2 3\n",
		nodes: "1 2",
		edges: "1-2:3",
		notes: []string{"0 reverse duplicates merged", "1 repeated edges"},
	}, {
		name:  "self-loops dropped, node kept",
		in:    "1 1\n1 2\n3 3\n",
		nodes: "1 2 3",
		edges: "1-2:1",
		notes: []string{"2 self-loops dropped"},
	}, {
		name:  "comma and tab separated, CRLF",
		in:    "a, b, 2\r\nb\tc\t1.5\r\n",
		nodes: "a b c",
		edges: "a-b:2 b-c:1.5",
	}, {
		name:  "header skipped",
		in:    "source,target,weight\nx,y,4\n",
		nodes: "x y",
		edges: "x-y:4",
		notes: []string{"line 1 read as a header"},
	}, {
		name:  "empty",
		in:    "# nothing\n",
		nodes: "",
		edges: "",
	}}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			g, err := ReadFrom(strings.NewReader(test.in), "test.edges", "")
			if err != nil {
				t.Fatal(err)
			}
			checkGraph(t, g)
			if got := keys(g); got != test.nodes {
				t.Errorf("nodes = %q, want %q", got, test.nodes)
			}
			if got := edgeText(g); got != test.edges {
				t.Errorf("edges = %q, want %q", got, test.edges)
			}
			for _, n := range test.notes {
				if !hasNote(g, n) {
					t.Errorf("notes %q lack %q", g.Notes, n)
				}
			}
		})
	}
}

// wantParseError runs read on in and checks the error it returns.
func wantParseError(t *testing.T, in, format string, line int, reason, msg string) {
	t.Helper()
	_, err := ReadFrom(strings.NewReader(in), "in", format)
	var pe *corpus.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a *corpus.ParseError", err)
	}
	if pe.File != "in" || pe.Line != line || pe.Reason != reason || !strings.Contains(err.Error(), msg) {
		t.Errorf("err = %q (line %d, reason %q), want line %d, reason %q, containing %q",
			err, pe.Line, pe.Reason, line, reason, msg)
	}
}

func TestEdgeListErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		reason   string
		msg      string
	}{
		{"one field", "1 2\n# c\n3\n", 3, "node ids", "expected two node ids"},
		{"bad weight", "1 2\n1 3 x\n", 2, "weight", `weight "x" is not a finite number`},
		{"NaN weight", "1 2 NaN\n", 1, "weight", "not a finite number"},
		{"four fields", "1 2 3 4\n", 1, "fields", "got 4 fields"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			wantParseError(t, test.in, FormatEdgeList, test.line, test.reason, test.msg)
		})
	}
}

func strconvFormat(w float64) string { return strconv.FormatFloat(w, 'f', 6, 64) }
