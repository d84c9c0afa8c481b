package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progress shows what a long run is doing on one line of a terminal. It
// writes nothing when stderr is not a terminal.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	written bool
}

func newProgress(w io.Writer) *progress {
	on := false
	if f, ok := w.(*os.File); ok {
		on = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, on: on, start: time.Now()}
}

// step shows a new step.
func (p *progress) step(format string, args ...any) {
	if !p.on {
		return
	}
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(p.w, "\r\033[K[%5.1fs] %s", time.Since(p.start).Seconds(), msg)
	p.written = true
}

// done clears the progress line.
func (p *progress) done() {
	if p.on && p.written {
		fmt.Fprint(p.w, "\r\033[K")
		p.written = false
	}
}
