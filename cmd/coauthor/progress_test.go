package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/coauthor/coauthor/graph"
)

// TestProgressLog checks that a log line clears the progress line first,
// and that the next step starts again on the line after it.
func TestProgressLog(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, on: true, start: time.Now()}
	log := slog.New(slog.NewTextHandler(p.logTo(&buf), nil))
	p.step("reading %s", "a.jsonl")
	log.Info("wrote report")
	p.step("writing")
	out := buf.String()
	want := "reading a.jsonl\r\033[Ktime="
	if !strings.Contains(out, want) || !strings.Contains(out, "wrote report\"\n\r\033[K[") {
		t.Errorf("output %q, want the log line after %q and the next step after it", out, want)
	}
	// Quiet when the progress is off: the log line alone.
	buf.Reset()
	p = &progress{w: &buf}
	log = slog.New(slog.NewTextHandler(p.logTo(&buf), nil))
	p.step("reading")
	log.Info("x")
	if out := buf.String(); !strings.HasPrefix(out, "time=") {
		t.Errorf("progress off: output %q, want the log line only", out)
	}
}

// TestWarnPathCost checks the warnings before long path measures: exact
// ones on a graph far above the auto budget, and a small --epsilon; and
// none for the defaults.
func TestWarnPathCost(t *testing.T) {
	const n, m = 60000, 500000 // n m log2(n) about 20 times the budget
	authors := make([]graph.Author, n)
	edges := make([]graph.Edge, m)
	for i := range edges {
		u := int32(i % n)
		edges[i] = graph.Edge{U: u, V: (u + 1 + int32(i/n)) % n, Weight: 1}
	}
	g, _, _ := graph.New(authors, edges)
	for _, test := range []struct {
		mode    string
		epsilon float64
		want    string
	}{
		{"exact", 0.05, "exact path measures on this graph take long"},
		{"approx", 0.001, "a small --epsilon takes long"},
		{"auto", 0.001, "a small --epsilon takes long"},
		{"auto", 0.05, ""},
		{"off", 0.001, ""},
	} {
		var buf bytes.Buffer
		e := &env{log: slog.New(slog.NewTextHandler(&buf, nil))}
		warnPathCost(e, g, &analysisFlags{betweenness: test.mode, epsilon: test.epsilon})
		if got := buf.String(); test.want == "" && got != "" || !strings.Contains(got, test.want) {
			t.Errorf("--betweenness %s --epsilon %g: logged %q, want %q", test.mode, test.epsilon, got, test.want)
		}
	}
}
