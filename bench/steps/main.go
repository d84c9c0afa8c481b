// Command steps times coauthor's steps on one bibliography file, in one
// process: read, resolve, build, then the measures named by --steps. It
// prints one tab-separated line per step: the step, its wall time in
// seconds and the process's peak resident memory so far in MiB (VmHWM
// of /proc/self/status, so a step's figure includes what earlier steps
// still hold). Read, resolve and build run once; every later step runs
// up to five times while its runs total under a second, and its line
// gives the fastest. bench/run.sh runs it side by side with igraph.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/export"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

func main() {
	stepsFlag := flag.String("steps", "pagerank,components,kcore,clustering,louvain,leiden,graphml", "comma-separated `steps` after the build: pagerank, components, kcore, clustering, louvain, leiden, betweenness (exact), approx (sampled, --epsilon, --delta), harmonic (sampled, at most 256 pivots), graphml (labels and weights, what igraph's file holds), graphml-all (every attribute)")
	eps := flag.Float64("epsilon", 0.01, "additive error bound of sampled betweenness")
	delta := flag.Float64("delta", 0.1, "failure probability of sampled betweenness")
	graphml := flag.String("graphml", os.DevNull, "`file` the graphml step writes")
	graphmlAll := flag.String("graphml-all", os.DevNull, "`file` the graphml-all step writes")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to `file`")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "steps:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: steps [flags] FILE")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), strings.Split(*stepsFlag, ","), *eps, *delta, *graphml, *graphmlAll); err != nil {
		fmt.Fprintln(os.Stderr, "steps:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(path string, steps []string, eps, delta float64, graphmlPath, graphmlAllPath string) error {
	var res *corpus.Result
	var err error
	timed("read", func() { res, err = corpus.Read(path, nil) })
	if err != nil {
		return err
	}
	var id *corpus.Identity
	timed("resolve", func() { id = corpus.Resolve(res.Papers, nil) })
	var g *graph.Graph
	papers := len(res.Papers)
	timed("build", func() {
		g = graph.Build(res.Papers, id, graph.Options{})
		// Every later step needs only the graph, which keeps the id,
		// title and year of its papers: the corpus and the identity go,
		// and a collection now lets the next steps reuse their memory
		// instead of growing the heap first.
		res, id = nil, nil
		runtime.GC()
	})
	fmt.Printf("# papers %d authors %d edges %d\n", papers, g.Len(), g.EdgeCount())

	for _, s := range steps {
		switch s {
		case "pagerank":
			best(s, func() { metrics.PageRank(g) })
		case "components":
			best(s, func() { metrics.Components(g) })
		case "kcore":
			best(s, func() { metrics.CoreNumbers(g) })
		case "clustering":
			best(s, func() { metrics.Clustering(g) })
		case "leiden":
			var p *metrics.Partition
			best(s, func() {
				p = metrics.Leiden(g, metrics.LeidenOptions{Resolution: 1, Seed: 1, Iterations: 2})
			})
			fmt.Printf("# leiden modularity %.4f\n", p.Q)
		case "louvain":
			var p *metrics.Partition
			best(s, func() { p = metrics.Louvain(g, 1, 1) })
			fmt.Printf("# modularity %.4f\n", metrics.Modularity(g, p.Of, 1))
		case "betweenness":
			best(s, func() { metrics.ShortestPathCentralities(g) })
		case "approx":
			var samples int
			best(s, func() { _, samples = metrics.ApproxBetweenness(g, eps, delta, 1) })
			fmt.Printf("# approx samples %d epsilon %g delta %g\n", samples, eps, delta)
		case "harmonic":
			// At most 256 pivots, as the report takes (metrics.CentralitiesWith).
			epsH := max(eps, math.Sqrt(math.Log(2*float64(g.Len())/delta)/(2*256)))
			var pivots int
			best(s, func() { _, pivots = metrics.ApproxHarmonic(g, epsH, delta, 1) })
			fmt.Printf("# harmonic pivots %d epsilon %.3g\n", pivots, epsH)
		case "graphml", "graphml-all":
			// graphml writes what igraph's file holds, the labels and the
			// weights; graphml-all every attribute of the graph (keys,
			// paper counts, years; distances, joint counts, tie papers).
			// Neither has measures, which the steps do not keep.
			path, attrs := graphmlPath, []string{"label", "weight"}
			if s == "graphml-all" {
				path, attrs = graphmlAllPath, nil
			}
			best(s, func() { err = writeGraphML(path, g, attrs) })
			if err != nil {
				return err
			}
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
				fmt.Printf("# %s bytes %d\n", s, st.Size())
			}
		case "":
		default:
			return fmt.Errorf("unknown step %q", s)
		}
	}
	return nil
}

// writeGraphML writes g to path as GraphML with the attributes attrs
// names, or every one for nil.
func writeGraphML(path string, g *graph.Graph, attrs []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = export.GraphMLWith(w, &export.Analysis{Graph: g}, export.GraphMLOptions{Attrs: attrs})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// timed runs f and prints its step line.
func timed(step string, f func()) {
	start := time.Now()
	f()
	sec := time.Since(start).Seconds()
	fmt.Printf("%s\t%.6f\t%.0f\n", step, sec, peakMiB())
}

// best runs f once, then again while the runs so far total under a
// second, at most five runs in all, and prints the step line of the
// fastest: a step of a few milliseconds varies by more than its length
// from run to run. bench/igraph_steps.py times its steps the same way.
func best(step string, f func()) {
	fastest, total := math.Inf(1), 0.0
	for run := 0; run < 5 && total < 1; run++ {
		start := time.Now()
		f()
		sec := time.Since(start).Seconds()
		fastest, total = min(fastest, sec), total+sec
	}
	fmt.Printf("%s\t%.6f\t%.0f\n", step, fastest, peakMiB())
}

// peakMiB returns the peak resident memory of the process in MiB, or
// the Go runtime's total obtained from the system when /proc is missing.
func peakMiB() float64 {
	f, err := os.Open("/proc/self/status")
	if err == nil {
		defer f.Close()
		b, _ := io.ReadAll(f)
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
				return float64(kb) / 1024
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.Sys) / (1 << 20)
}
