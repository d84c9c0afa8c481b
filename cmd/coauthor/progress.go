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

// reading wraps the reader of a file of size bytes (0 when unknown) so
// that the progress line shows the megabytes read, the speed and, when
// the size is known, the time left; at most five updates a second.
func (p *progress) reading(r io.Reader, name string, size int64) io.Reader {
	if !p.on {
		return r
	}
	return &readProgress{r: r, p: p, name: name, size: size, start: time.Now()}
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
