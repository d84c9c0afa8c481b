package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows what a long run is doing on one line of a terminal. It
// writes nothing when stderr is not a terminal.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time

	mu      sync.Mutex // the reading of a file reports from its goroutine
	written bool       // a progress line is showing
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
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r\033[K[%5.1fs] %s", time.Since(p.start).Seconds(), msg)
	p.written = true
}

// done clears the progress line.
func (p *progress) done() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.written {
		fmt.Fprint(p.w, "\r\033[K")
		p.written = false
	}
}

// logTo returns a writer for log lines on w, the terminal of p: each
// clears the progress line before it, so that a log line never runs on
// from it; the next step starts a new progress line below.
func (p *progress) logTo(w io.Writer) io.Writer {
	return logWriter{p, w}
}

type logWriter struct {
	p *progress
	w io.Writer
}

func (l logWriter) Write(b []byte) (int, error) {
	l.p.done()
	return l.w.Write(b)
}

// reading wraps the reader of a file of size bytes (0 when unknown) so
// that the progress line shows the megabytes read, the speed and, when
// the size is known, the time left; at most five updates a second.
func (p *progress) reading(r io.Reader, name string, size int64) io.Reader {
	if !p.on {
		return r
	}
	// The first update comes after a fifth of a second: a file read in
	// less shows none.
	now := time.Now()
	return &readProgress{r: r, p: p, name: name, size: size, start: now, last: now}
}

type readProgress struct {
	r           io.Reader
	p           *progress
	name        string
	size, n     int64
	start, last time.Time
}

func (rp *readProgress) Read(b []byte) (int, error) {
	n, err := rp.r.Read(b)
	rp.n += int64(n)
	if now := time.Now(); now.Sub(rp.last) >= 200*time.Millisecond {
		rp.last = now
		secs := now.Sub(rp.start).Seconds()
		rate := float64(rp.n) / 1e6 / max(secs, 1e-9)
		msg := fmt.Sprintf("reading %s: %.0f MB, %.1f MB/s", rp.name, float64(rp.n)/1e6, rate)
		if rp.size > 0 && rate > 0 {
			left := float64(rp.size-rp.n) / 1e6 / rate
			msg += fmt.Sprintf(", %.0f%%, about %.0fs left", 100*float64(rp.n)/float64(rp.size), max(left, 0))
		}
		rp.p.step("%s", msg)
	}
	return n, err
}
