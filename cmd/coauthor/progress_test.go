package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
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
