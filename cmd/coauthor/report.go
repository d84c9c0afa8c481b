package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/export"
	"github.com/coauthor/coauthor/graph"
	"github.com/coauthor/coauthor/metrics"
)

const reportUsage = `Usage: coauthor report [flags] FILE...

Reads the papers in FILE... (a profile page, BibTeX, CSV, JSON Lines and
the other formats listed under --from; .gz read transparently, .zip
member by member; - reads standard input), or one graph file (edge list,
GML, Pajek, GraphML), builds the weighted co-authorship graph, measures it and
writes into the --out directory:

  graph.dot          the drawing's source: communities as colours, node
                     size by PageRank, edge width by tie strength
  graph.svg          the drawing, laid out in-process (no Graphviz needed)
  graph.graphml      the whole graph with every measure, for Gephi
  graph.gexf         the same in GEXF 1.3, with yearly spells for Gephi's timeline
  authors.csv        one row per author with every measure
  edges.csv          one row per tie: weight, distance, joint papers
  papers.csv         one row per paper
  communities.csv    communities with their leading members and topic
  topics.csv         topic clusters with their label terms
  summary.json       the network summary
  thematic.svg       the topics' strategic diagram: centrality against density
  report.md          the summary, top authors, communities, topics, warnings,
                     and the ego view when there is an ego
  report.html        one self-contained page: summary, zoomable drawing,
                     communities, topics, sortable author table, methods
  manifest.json      inputs with sha256, every parameter and the version,
                     so that the run can be repeated exactly
  ego.svg            the ego's papers and new co-authors per year (the ego:
                     --ego, or a profile page's owner)
  ego-network.svg    the ego network with its circles; ego.dot its source

Example:
  coauthor report --as-of 2026-12-03 -o out testdata/profile-page.txt
`

// analysisFlags are the graph and analysis flags shared by the commands
// that build and measure a graph.
type analysisFlags struct {
	counting   string
	since      int
	until      int
	minPapers  int
	minWeight  float64
	maxAuthors int
	resolution float64
	seed       uint64
	topics     int
	window     int
	step       int

	communities string
	quality     string
	normalize   string
	runs        int

	betweenness string
	epsilon     float64
	delta       float64
}

func (f *analysisFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.counting, "counting", "full", "tie strength: `full` (joint papers) or fractional (a paper with n authors adds 1/(n-1) to each pair)")
	fs.IntVar(&f.since, "since", 0, "keep papers from this `year` on")
	fs.IntVar(&f.until, "until", 0, "keep papers up to this `year`")
	fs.IntVar(&f.minPapers, "min-papers", 0, "drop authors with fewer than `N` papers")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop ties weaker than `W`")
	fs.IntVar(&f.maxAuthors, "max-authors", 50, "papers with more than `N` authors add no ties (0: no limit)")
	fs.Float64Var(&f.resolution, "resolution", 1, "modularity `resolution` of community detection (higher: smaller communities)")
	fs.Uint64Var(&f.seed, "seed", 1, "random `seed` of community detection, topic clustering and layout")
	fs.IntVar(&f.topics, "topics", 0, "number of topic clusters, `N` (0: chosen by consensus over many clusterings)")
	fs.IntVar(&f.window, "window", 0, "slice the corpus into periods of `YEARS` and report how groups continue, split and merge (0: no slices)")
	fs.IntVar(&f.step, "step", 0, "`YEARS` between the starts of two periods (0: the window, so periods do not overlap)")
	fs.StringVar(&f.communities, "communities", "leiden", "community detection: `leiden` (every community connected) or louvain")
	fs.StringVar(&f.quality, "quality", "modularity", "what leiden optimises: `modularity` or cpm (constant Potts model; with --normalize association it gives VOSviewer-style clusters)")
	fs.StringVar(&f.normalize, "normalize", "none", "tie strength used by every measure: `none`, association (VOSviewer: 2m·a_ij/(s_i·s_j)), "+
		"doc-association (C_ij/(D_i·D_j)), salton (C_ij/sqrt(D_i·D_j)), jaccard (C_ij/(D_i+D_j-C_ij)), inclusion (C_ij/min(D_i,D_j)), "+
		"equivalence (C_ij²/(D_i·D_j)) or fractionalization (sum of 1/(n-1) over joint papers); D are paper counts, C joint papers")
	fs.IntVar(&f.runs, "runs", 1, "run community detection with `N` seeds (seed, seed+1, ...), keep the best and report stability")
	fs.StringVar(&f.betweenness, "betweenness", "auto", "path measures (betweenness, closeness, harmonic): `auto` (exact while it takes about 20 seconds on two cores, sampled above), exact, approx or off")
	fs.Float64Var(&f.epsilon, "epsilon", 0.05, "sampled betweenness: the error bound `E` on every value (with probability 1-delta)")
	fs.Float64Var(&f.delta, "delta", 0.1, "sampled betweenness: the probability `D` that some value misses the bound epsilon")
}

func (f *analysisFlags) buildOptions() (graph.Options, error) {
	c, err := graph.ParseCounting(f.counting)
	if err != nil {
		return graph.Options{}, usageError("--counting: %v", err)
	}
	if math.IsNaN(f.minWeight) || math.IsInf(f.minWeight, 0) || math.IsNaN(f.resolution) || math.IsInf(f.resolution, 0) {
		return graph.Options{}, usageError("--min-weight and --resolution must be finite numbers")
	}
	if f.maxAuthors < 0 || f.minPapers < 0 || f.minWeight < 0 || f.topics < 0 {
		return graph.Options{}, usageError("--max-authors, --min-papers, --min-weight and --topics must not be negative")
	}
	if f.resolution <= 0 {
		return graph.Options{}, usageError("--resolution must be positive")
	}
	if f.since != 0 && f.until != 0 && f.since > f.until {
		return graph.Options{}, usageError("--since %d is after --until %d", f.since, f.until)
	}
	return graph.Options{Counting: c, Since: f.since, Until: f.until, MinPapers: f.minPapers,
		MinWeight: f.minWeight, MaxAuthors: f.maxAuthors}, nil
}

// check reports a usage error in the community and normalisation flags.
func (f *analysisFlags) check() error {
	switch {
	case f.communities != "leiden" && f.communities != "louvain":
		return usageError("--communities %q: want leiden or louvain", f.communities)
	case f.quality != "modularity" && f.quality != "cpm":
		return usageError("--quality %q: want modularity or cpm", f.quality)
	case f.quality == "cpm" && f.communities == "louvain":
		return usageError("--quality cpm needs --communities leiden")
	case !slices.Contains(graph.NormalizeMethods, f.normalize):
		return usageError("--normalize %q: want one of %s", f.normalize, strings.Join(graph.NormalizeMethods, ", "))
	case f.runs < 1:
		return usageError("--runs must be at least 1")
	case f.window < 0 || f.step < 0:
		return usageError("--window and --step must not be negative")
	case !slices.Contains([]string{"auto", "exact", "approx", "off"}, f.betweenness):
		return usageError("--betweenness %q: want auto, exact, approx or off", f.betweenness)
	case !(f.epsilon > 0 && f.epsilon < 1 && f.delta > 0 && f.delta < 1): // NaN too
		return usageError("--epsilon and --delta must lie between 0 and 1")
	}
	return nil
}

func runReport(e *env, args []string) error {
	var in inputFlags
	var an analysisFlags
	fs := newFlagSet(e, "report", reportUsage)
	in.register(fs)
	an.register(fs)
	out := "coauthor-out"
	fs.StringVar(&out, "out", out, "output `directory`")
	fs.StringVar(&out, "o", out, "output `directory` (short for --out)")
	maxNodes := 300
	fs.IntVar(&maxNodes, "max-nodes", maxNodes, "draw at most `N` authors, the most central, in graph.dot and graph.svg (0: all)")
	profile := ""
	fs.StringVar(&profile, "profile", "", "write a CPU profile and a heap profile of the run into `DIR` (cpu.pprof, heap.pprof; read them with go tool pprof)")
	egoName := ""
	fs.StringVar(&egoName, "ego", "", "the researcher at the centre of the ego view (default: a profile page's owner, or an author adjacent to most others)")
	dormant := metrics.DefaultDormantYears
	fs.IntVar(&dormant, "dormant", dormant, "a tie is dormant when not renewed for `YEARS`")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	bopt, err := an.buildOptions()
	if err != nil {
		return err
	}
	if err := an.check(); err != nil {
		return err
	}
	if maxNodes < 0 {
		return usageError("--max-nodes must not be negative")
	}
	if maxNodes == 0 {
		maxNodes = -1 // all
	}
	if dormant < 1 {
		return usageError("--dormant must be at least 1")
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return fmt.Errorf("--out %s is not a directory", out)
	}
	if err := export.CheckDir(export.OutputPath(out)); err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if profile != "" {
		stop, err := startProfile(profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	l, err := load(e, files, &in)
	if err != nil {
		return err
	}
	a, err := analyze(e, l, bopt, &an)
	if err != nil {
		return err
	}
	v, err := egoView(a, l, &in, &an, egoName, dormant)
	if err != nil {
		return err
	}
	man, err := manifest(fs, args, files, l)
	if err != nil {
		return err
	}
	return writeReport(e, out, a, v, man, export.DrawOptions{MaxNodes: maxNodes})
}

// manifest records what a run needs to be repeated exactly: the
// arguments, the value of every flag and every input with its sha256.
// The output directory is left out, so that the same run into another
// directory writes the same manifest.
func manifest(fs *flag.FlagSet, args, files []string, l *loaded) (export.Manifest, error) {
	man := export.Manifest{Tool: "coauthor", Version: version, Args: []string{fs.Name()}}
	isOut := func(a string) bool { return a == "-o" || a == "--o" || a == "-out" || a == "--out" }
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case isOut(a):
			i++ // and its value
		case strings.HasPrefix(a, "-") && isOut(strings.SplitN(a, "=", 2)[0]):
		default:
			man.Args = append(man.Args, a)
		}
	}
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name != "o" && f.Name != "out" {
			man.Parameters = append(man.Parameters, export.Parameter{Name: f.Name, Value: f.Value.String()})
		}
	})
	for _, path := range files {
		in := export.Input{Path: path, Size: -1}
		switch {
		case path != "-":
			var err error
			if in.SHA256, in.Size, err = export.HashFile(path); err != nil {
				return man, err
			}
		case l.stdin != nil:
			in.SHA256, in.Size = l.stdin.sum()
		}
		man.Inputs = append(man.Inputs, in)
	}
	return man, nil
}

// egoView returns the ego view of the analysis: of the author named by
// --ego, else of a profile page's owner; nil when there is neither. When
// one author is adjacent to most others, a hint suggesting --ego goes
// into the warnings.
func egoView(a *export.Analysis, l *loaded, in *inputFlags, an *analysisFlags, name string, dormant int) (*metrics.EgoView, error) {
	g := a.Graph
	if g.Len() < 2 {
		return nil, nil
	}
	var ego int
	var share float64
	if name != "" {
		u, err := metrics.FindAuthor(g, name)
		if err != nil {
			return nil, fmt.Errorf("--ego: %w", err)
		}
		ego = u
	} else {
		ego, share = metrics.DetectEgo(g, l.owner)
		if h := export.EgoHint(g, ego, share); h != "" {
			a.Warnings = append(a.Warnings, h)
		}
		if l.owner == "" {
			// Only a hint: the ego view is for a profile's owner or --ego.
			return nil, nil
		}
	}
	asOf := 0
	if opt, err := in.options(); err == nil && !opt.AsOf.IsZero() {
		asOf = opt.AsOf.Year()
	}
	return metrics.NewEgoView(g, ego, metrics.EgoOptions{Resolution: an.resolution, Seed: an.seed,
		Topics: a.Topics, AsOfYear: asOf, DormantYears: dormant}), nil
}

// analyze builds the graph of the loaded papers, or takes the graph read
// from a graph file, and measures it.
// warnPathCost warns before path measures that will take long: exact
// ones on a graph above the budget of --betweenness auto, or sampled
// betweenness with a small --epsilon, whose paths grow as 1/epsilon^2.
func warnPathCost(e *env, g *graph.Graph, an *analysisFlags) {
	n, m := float64(g.Len()), float64(g.EdgeCount())
	cost := n * m * math.Log2(max(n, 2))
	switch {
	case an.betweenness == "exact" && cost > 3*metrics.ExactBetweennessBudget:
		e.log.Warn("exact path measures on this graph take long; --betweenness auto samples instead",
			"estimate", time.Duration(cost/metrics.ExactBetweennessBudget*20)*time.Second)
	case an.betweenness != "off" && cost > metrics.ExactBetweennessBudget && an.epsilon < 0.01:
		e.log.Warn("sampled betweenness draws about 1/epsilon² shortest paths; a small --epsilon takes long",
			"epsilon", an.epsilon)
	}
}

func analyze(e *env, l *loaded, bopt graph.Options, an *analysisFlags) (*export.Analysis, error) {
	g := l.graph
	var id *corpus.Identity
	if g == nil {
		e.progress.step("building the graph of %d papers", len(l.papers))
		id = corpus.Resolve(l.papers, l.aliases)
		g = graph.Build(l.papers, id, bopt)
		if len(g.Papers) == 0 {
			return nil, fmt.Errorf("none of the %d papers read is left after --since and --until", len(l.papers))
		}
	}
	g, err := an.normalized(g)
	if err != nil {
		return nil, fmt.Errorf("--normalize: %w", err)
	}

	e.progress.step("measuring %d authors, %d ties", g.Len(), g.EdgeCount())
	warnPathCost(e, g, an)
	c, paths := metrics.CentralitiesWith(g, metrics.PathOptions{Mode: an.betweenness, Eps: an.epsilon,
		Delta: an.delta, Seed: an.seed})
	c.EffectiveSize, c.Efficiency, c.Constraint = metrics.Brokerage(g)
	e.progress.step("finding communities")
	p, st := an.communitiesOf(g)
	s := metrics.Summarize(g, c, p)
	s.Stability = st
	s.PathMeasures = paths

	a := &export.Analysis{
		Graph: g, Centrality: c, Communities: p, Inputs: l.inputs, Owner: l.owner,
		Settings: export.Settings{Seed: an.seed, Resolution: an.resolution, Betweenness: paths,
			Other: append(an.settings(), "version="+version)},
	}
	if l.graph != nil {
		a.Summary = s
		return a, nil
	}
	a.Papers = l.papers
	a.Settings.Build = bopt

	e.progress.step("clustering topics")
	a.TopicDocs = make([]metrics.TopicDoc, len(g.Papers))
	authors := make([][]int32, len(g.Papers))
	for i, gp := range g.Papers {
		cp := &l.papers[gp.Index]
		// Keywords and the category of a profile page count as terms.
		kw := cp.Keywords
		if cp.Venue != "" {
			kw = append([]string{cp.Venue}, kw...)
		}
		a.TopicDocs[i] = metrics.TopicDoc{Text: cp.Title + "\n" + cp.Abstract, Keywords: kw}
		authors[i] = gp.Authors
	}
	a.Topics = metrics.TopicClustersDocs(a.TopicDocs, authors, g.Len(), metrics.TopicOptions{K: an.topics, Seed: an.seed})
	if an.window > 0 {
		e.progress.step("slicing the corpus into periods of %d years", an.window)
		step := an.step
		if step == 0 {
			step = an.window
		}
		a.Periods = metrics.Periods(l.papers, id, an.window, step, bopt)
	}

	s.Papers = len(g.Papers)
	s.Topics = len(a.Topics.Sizes)
	s.MergedPapers, s.CompletedAuthorLists = l.merge.Merged, l.merge.Completed
	s.NameJoins = map[string]int{"alias": id.Joins.Alias, "identifier": id.Joins.Identifier,
		"name": id.Joins.Name, "initials": id.Joins.Initials}
	s.SkippedRecords = l.skippedTotal()
	if len(l.skipped) > 0 {
		s.SkippedReasons = l.skipped
	}
	var inferred int
	for _, gp := range g.Papers {
		cp := &l.papers[gp.Index]
		if cp.Truncated {
			s.TruncatedPapers++
		}
		for _, au := range cp.Authors {
			if au.Inferred {
				inferred++
			}
		}
	}
	a.Summary = s
	a.Warnings = append([]string(nil), l.warnings...)
	if s.TruncatedPapers > 0 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("%d of %d papers have truncated author lists (\"et al.\"): their hidden co-authors are missing from the graph", s.TruncatedPapers, s.Papers))
	}
	if inferred > 0 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("the owner %s was added to %d papers whose \"et al.\" hides them (inferred; --no-owner turns this off)", l.owner, inferred))
	}
	if sk := skippedSummary(l.skipped); sk != "" {
		a.Warnings = append(a.Warnings, "records "+sk)
	}
	if n := id.Joins.Initials; n > 0 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("%d spellings were joined to a person by initials alone (an abbreviated name with the only full name that fits it): check them with coauthor authors", n))
	}
	if n := len(id.Suspects); n > 0 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("%d pairs of names look like the same person but were not joined: coauthor authors lists them, ready for an alias file", n))
	}
	return a, nil
}

// settings lists the analysis settings the report's methods section
// states beside counting, filters, seed and resolution.
func (f *analysisFlags) settings() []string {
	out := []string{"communities=" + f.communities, "quality=" + f.quality, "normalize=" + f.normalize}
	if f.runs > 1 {
		out = append(out, fmt.Sprintf("runs=%d", f.runs))
	}
	return out
}

// communities detects communities as the flags say, over f.runs seeds
// when more than one, and returns the best partition with the stability
// of the runs (nil for a single run).
func (f *analysisFlags) communitiesOf(g *graph.Graph) (*metrics.Partition, *metrics.Stability) {
	detect := func(seed uint64) *metrics.Partition {
		if f.communities == "louvain" {
			return metrics.Louvain(g, f.resolution, seed)
		}
		// Two iterations reach all but the last 0.0002 of modularity at a
		// twentieth of the cost of iterating until nothing moves.
		return metrics.Leiden(g, metrics.LeidenOptions{Quality: f.quality, Resolution: f.resolution,
			Seed: seed, Iterations: 2})
	}
	if f.runs <= 1 {
		return detect(f.seed), nil
	}
	p, st := metrics.BestOfRuns(g, f.runs, f.seed, detect)
	return p, &st
}

// normalized returns g with its tie strengths normalised as --normalize
// says; g itself for none.
func (f *analysisFlags) normalized(g *graph.Graph) (*graph.Graph, error) {
	if f.normalize == "" || f.normalize == "none" {
		return g, nil
	}
	return graph.Normalize(g, f.normalize)
}

// output is one file of the report.
type output struct {
	name  string
	write func(w io.Writer) error
}

// writeReport writes every output file into dir. The files are first
// written into a fresh directory beside them and moved into place only
// when all succeeded, so a failed run leaves no partial output.
func writeReport(e *env, dir string, a *export.Analysis, ego *metrics.EgoView, man export.Manifest, draw export.DrawOptions) error {
	var dot, svg bytes.Buffer
	if err := export.DOT(&dot, a, draw); err != nil {
		return fmt.Errorf("graph.dot: %w", err)
	}
	outs := []output{
		{"graph.dot", func(w io.Writer) error { _, err := w.Write(dot.Bytes()); return err }},
		{"graph.svg", func(w io.Writer) error {
			e.progress.step("laying out and drawing %d authors", min(a.Graph.Len(), draw.MaxNodes))
			if err := export.SVG(context.Background(), &svg, dot.Bytes()); err != nil {
				return err
			}
			_, err := w.Write(svg.Bytes())
			return err
		}},
		{"graph.graphml", func(w io.Writer) error { return export.GraphML(w, a) }},
		{"graph.gexf", func(w io.Writer) error { return export.GEXF(w, a) }},
		{"authors.csv", func(w io.Writer) error { return export.AuthorsCSV(w, a) }},
		{"edges.csv", func(w io.Writer) error { return export.EdgesCSV(w, a) }},

		{"communities.csv", func(w io.Writer) error { return export.CommunitiesCSV(w, a) }},

		{"summary.json", func(w io.Writer) error { return export.SummaryJSON(w, a.Summary) }},
		{"report.md", func(w io.Writer) error {
			if err := export.Report(w, a); err != nil {
				return err
			}
			if ego == nil {
				return nil
			}
			return export.EgoReport(w, a.Graph, ego)
		}},
		// After graph.svg, whose drawing it embeds.
		{"report.html", func(w io.Writer) error { return export.HTML(w, a, svg.Bytes()) }},
	}
	if a.Papers != nil {
		outs = append(outs,
			output{"papers.csv", func(w io.Writer) error { return export.PapersCSV(w, a) }},
			output{"topics.csv", func(w io.Writer) error { return export.TopicsCSV(w, a) }})
	}
	if a.Topics != nil {
		outs = append(outs, output{"thematic.svg", func(w io.Writer) error {
			return export.ThematicSVG(w, metrics.ThematicMap(a.TopicDocs, a.Topics, 0), a.Topics.Labels)
		}})
	}
	if ego != nil {
		outs = append(outs,
			output{"ego.svg", func(w io.Writer) error { return export.EgoSVG(w, a.Graph, ego) }},
			output{"ego.dot", func(w io.Writer) error { return export.EgoDOT(w, a.Graph, ego) }},
			output{"ego-network.svg", func(w io.Writer) error {
				var dot bytes.Buffer
				if err := export.EgoDOT(&dot, a.Graph, ego); err != nil {
					return err
				}
				return export.SVG(context.Background(), w, dot.Bytes())
			}})
	}
	for _, o := range outs {
		man.Outputs = append(man.Outputs, o.name)
	}
	man.Outputs = append(man.Outputs, "manifest.json")
	outs = append(outs, output{"manifest.json", func(w io.Writer) error { return export.WriteManifest(w, man) }})
	return writeAll(e, dir, outs, a.Inputs, true)
}

// install moves the finished file staged to dest. A dest that is a
// symbolic link, a device or a named pipe is written through with
// export.WriteFile, which keeps it what it is; a regular file written
// over keeps its mode.
func install(staged, dest string) error {
	st, err := os.Lstat(dest)
	if err == nil && !st.Mode().IsRegular() {
		return export.WriteFile(dest, func(w io.Writer) error {
			f, err := os.Open(staged)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		})
	}
	if err == nil {
		if err := os.Chmod(staged, st.Mode().Perm()); err != nil {
			return err
		}
	}
	return os.Rename(staged, dest)
}

// sameAsInput returns the input that path names, or "".
func sameAsInput(path string, inputs []string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if fj, err := os.Stat(in); err == nil && os.SameFile(fi, fj) {
			return in
		}
	}
	return ""
}

// earlierOutputs returns the files an earlier report wrote into dir, as
// its manifest.json lists them: plain file names only.
func earlierOutputs(dir string) []string {
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil
	}
	var m struct {
		Tool    string   `json:"tool"`
		Outputs []string `json:"outputs"`
	}
	if json.Unmarshal(raw, &m) != nil || m.Tool != "coauthor" {
		return nil
	}
	var out []string
	for _, name := range m.Outputs {
		if name == filepath.Base(name) && !strings.HasPrefix(name, ".") {
			out = append(out, name)
		}
	}
	return out
}

// writeAll writes outs into dir through a staging directory: the files are
// moved into place only when all were written, and a directory made for
// a run that fails is removed. It refuses to write over one of the
// inputs. With clean, when dir holds the manifest.json of an earlier report, the
// files that manifest lists and this run does not write (ego.svg when
// there is no ego this time) are removed, so that the directory never
// mixes two runs; no other file is touched.
//
// A file in dir that is a symbolic link, or a device or named pipe, is
// written through as export.WriteFile writes it, and a file written over
// keeps its mode. A name in dir that is a directory is refused before
// any file is moved.
func writeAll(e *env, dir string, outs []output, inputs []string, clean bool) (err error) {
	dir = export.OutputPath(dir)
	for _, o := range outs {
		dest := filepath.Join(dir, o.name)
		if in := sameAsInput(dest, inputs); in != "" {
			return fmt.Errorf("%s would be written over the input %s: choose another --out directory", o.name, in)
		}
		if st, err := os.Stat(dest); err == nil && st.IsDir() {
			return fmt.Errorf("%s is a directory: remove it or choose another --out directory", dest)
		}
	}
	var earlier []string
	if clean {
		earlier = earlierOutputs(dir)
	}
	if _, statErr := os.Stat(dir); statErr != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		defer func() {
			if err != nil {
				os.Remove(dir) // only if still empty
			}
		}()
	}
	stage, err := os.MkdirTemp(dir, ".coauthor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	for _, o := range outs {
		e.progress.step("writing %s", o.name)
		if err := export.WriteFile(filepath.Join(stage, o.name), o.write); err != nil {
			return fmt.Errorf("%s: %w", o.name, err)
		}
	}
	var names []string
	written := map[string]bool{}
	for _, o := range outs {
		if err := install(filepath.Join(stage, o.name), filepath.Join(dir, o.name)); err != nil {
			return err
		}
		names = append(names, o.name)
		written[o.name] = true
	}
	for _, name := range earlier {
		if !written[name] && sameAsInput(filepath.Join(dir, name), inputs) == "" {
			if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	e.log.Info("wrote report", "dir", dir, "files", strings.Join(names, " "))
	return nil
}
