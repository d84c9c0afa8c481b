package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runCmd runs the program with args and returns its exit status, stdout
// and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

var reportFiles = []string{"graph.dot", "graph.svg", "graph.graphml", "graph.gexf", "authors.csv", "edges.csv",
	"papers.csv", "communities.csv", "topics.csv", "summary.json", "report.md", "report.html",
	"manifest.json", "thematic.svg", "ego.svg", "ego.dot", "ego-network.svg"}

// TestReportSeed runs the README's main command on the seed. The counts
// were checked independently: 34 date lines in the page; 61 distinct
// author keys and 121 co-author pairs counted by a separate Python
// script that splits the author lines and adds the owner where hidden
// (networkx 3.6.1 on that graph: nx.transitivity = 0.1163727959697733,
// sum(nx.triangles(G).values())/3 = 77, nx.diameter = 2).
func TestReportSeed(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "report", "--as-of", "2026-12-03", "-o", dir, "../../testdata/profile-page.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, f := range reportFiles {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	var s struct {
		Papers, Authors, Edges, Components, LargestComponent, Triangles, Diameter, TruncatedPapers, SkippedRecords int
		Transitivity                                                                                               float64
	}
	raw, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"papers", "authors", "edges", "components", "largest_component", "density",
		"average_clustering", "diameter", "modularity", "communities", "topics", "truncated_papers", "skipped_records"} {
		if _, ok := m[k]; !ok {
			t.Errorf("summary.json lacks %q", k)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&struct {
		Papers           *int     `json:"papers"`
		Authors          *int     `json:"authors"`
		Edges            *int     `json:"edges"`
		Components       *int     `json:"components"`
		LargestComponent *int     `json:"largest_component"`
		Triangles        *int     `json:"triangles"`
		Diameter         *int     `json:"diameter"`
		Truncated        *int     `json:"truncated_papers"`
		Skipped          *int     `json:"skipped_records"`
		Transitivity     *float64 `json:"transitivity"`
	}{&s.Papers, &s.Authors, &s.Edges, &s.Components, &s.LargestComponent, &s.Triangles, &s.Diameter,
		&s.TruncatedPapers, &s.SkippedRecords, &s.Transitivity}); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name      string
		got, want int
	}{
		{"papers", s.Papers, 34}, {"authors", s.Authors, 61}, {"edges", s.Edges, 121},
		{"components", s.Components, 1}, {"largest_component", s.LargestComponent, 61},
		{"triangles", s.Triangles, 77}, {"diameter", s.Diameter, 2},
		{"truncated_papers", s.TruncatedPapers, 24}, {"skipped_records", s.SkippedRecords, 0},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("summary %s = %d, want %d", w.name, w.got, w.want)
		}
	}
	if d := s.Transitivity - 0.1163727959697733; d > 1e-12 || d < -1e-12 {
		t.Errorf("transitivity = %v, want 0.1163727959697733", s.Transitivity)
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.md"))
	if !bytes.Contains(report, []byte("inferred")) || !bytes.Contains(report, []byte("truncated")) {
		t.Error("report.md does not warn about the inferred owner and truncated lists")
	}
}

// TestReportDeterministic checks that two runs give byte-identical files.
func TestReportDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, _, stderr := runCmd(t, "report", "--as-of", "2026-12-03", "--seed", "7", "-o", dir, "../../testdata/profile-page.txt"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	for _, f := range reportFiles {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	bib := filepath.Join(dir, "bad.bib")
	os.WriteFile(bib, []byte("@article{a1,\n  author = {Jane Roe and John Doe},\n  title = {One},\n  year = 2020\n}\n\n@article{a2,\n  author = {Jane Roe},\n  title = {Two,\n  year = 2021\n"), 0o644)
	wrong := filepath.Join(dir, "wrong.csv")
	os.WriteFile(wrong, []byte("a,b,c\n1,2,3\n"), 0o644)
	empty := filepath.Join(dir, "empty.bib")
	os.WriteFile(empty, []byte("% only a comment\n"), 0o644)
	csvFile := filepath.Join(dir, "bad.csv")
	os.WriteFile(csvFile, []byte("title,year,authors\nOne,2020,Jane Roe; John Doe\nTwo,2021\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unclosed brace", []string{"report", "-o", filepath.Join(dir, "o1"), bib}, exitError, "bad.bib:7"},
		{"short csv row", []string{"report", "-o", filepath.Join(dir, "o2"), csvFile}, exitError, "bad.csv:3"},
		{"missing file", []string{"report", "-o", filepath.Join(dir, "o3"), filepath.Join(dir, "none.bib")}, exitError, "none.bib"},
		{"no input", []string{"report", "-o", filepath.Join(dir, "o4")}, exitUsage, "no input files"},
		{"bad flag", []string{"report", "--counting", "half", bib}, exitUsage, "--counting"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"unknown format", []string{"report", "--from", "nope", bib}, exitUsage, "graph format: edgelist"},
		{"min weight nan", []string{"report", "--min-weight", "nan", bib}, exitUsage, "finite"},
		{"negative max nodes", []string{"report", "--max-nodes", "-5", bib}, exitUsage, "--max-nodes"},
		{"csv of other columns", []string{"report", "-o", filepath.Join(dir, "o7"), wrong}, exitError, "missing required column"},
		{"no papers", []string{"report", "-o", filepath.Join(dir, "o5"), empty}, exitError, "no papers found in " + empty},
		{"since after until", []string{"report", "--since", "2021", "--until", "2020", "-o", filepath.Join(dir, "o6"), bib}, exitUsage, "--since 2021 is after --until 2020"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, test.args...)
			if code != test.code || !strings.Contains(stderr, test.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, test.code, test.stderr)
			}
		})
	}
	for _, o := range []string{"o1", "o2", "o3", "o4", "o5", "o6", "o7"} {
		if _, err := os.Stat(filepath.Join(dir, o)); err == nil {
			t.Errorf("a failed run left the output directory %s", o)
		}
	}
	// Lenient: the good records are kept and the bad ones counted.
	out := filepath.Join(dir, "lenient")
	if code, _, stderr := runCmd(t, "report", "--lenient", "-o", out, bib, csvFile); code != 0 {
		t.Fatalf("lenient: exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	var s struct {
		Papers  int `json:"papers"`
		Skipped int `json:"skipped_records"`
	}
	json.Unmarshal(raw, &s)
	if s.Papers != 2 || s.Skipped != 2 {
		t.Errorf("lenient: papers %d, skipped %d; want 2 and 2", s.Papers, s.Skipped)
	}
}

func TestPapersCommand(t *testing.T) {
	code, out, stderr := runCmd(t, "papers", "--as-of", "2026-12-03", "../../testdata/profile-page.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 34 {
		t.Fatalf("%d lines, want 34", len(lines))
	}
	var p paperLine
	if err := json.Unmarshal([]byte(lines[8]), &p); err != nil {
		t.Fatal(err)
	}
	if p.Title != "CORE: Collaborative Reasoning via Cross Teaching" || len(p.Authors) != 4 ||
		len(p.AuthorIDs) != 4 || len(p.Inferred) != 1 || p.Inferred[0] != 3 || !p.Truncated || p.Year != 2026 {
		t.Errorf("line 9 = %+v", p)
	}
	if !strings.Contains(stderr, "read 34 records from 1 file, 0 skipped") {
		t.Errorf("stderr = %q", stderr)
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCmd(t, "--help")
	if code != 0 || !strings.Contains(out, "coauthor report") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	if code, stdout, _ := runCmd(t, "report", "--help"); code != 0 || !strings.Contains(stdout, "--counting") {
		t.Errorf("report --help: exit %d, %q", code, stdout)
	}
	// A bad flag is a usage error that names it, without the whole help.
	code, _, stderr := runCmd(t, "report", "--bogus", "x.bib")
	if code != exitUsage || !strings.Contains(stderr, "not defined: --bogus") || strings.Contains(stderr, "--counting") {
		t.Errorf("report --bogus: exit %d, stderr %q; want 2 naming the flag", code, stderr)
	}
	// A bad value says what the flag wants, in the help's words.
	for _, test := range []struct {
		args []string
		want string
	}{
		{[]string{"gen", "--seed", "-1"}, `invalid value "-1" for flag --seed: want a whole number, 0 or more`},
		{[]string{"gen", "--papers", "x"}, "for flag --papers: want a whole number"},
		{[]string{"report", "--epsilon", "x", "a.bib"}, "for flag --epsilon: want a number"},
		{[]string{"gen", "-o"}, "flag needs an argument: -o"},
	} {
		code, _, stderr := runCmd(t, test.args...)
		if code != exitUsage || !strings.Contains(stderr, test.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", test.args, code, stderr, test.want)
		}
	}
}

// TestClassicNetworks measures graphs made by other tools through the
// whole pipeline and compares the summary with the published figures
// listed in the README (data sources: testdata/README.md). Published:
// karate 34 nodes, 78 edges (Zachary 1977), best modularity 0.4198
// (Brandes et al. 2008); netscience 1,589 nodes, largest component 379
// (Newman 2006); ca-GrQc 5,242 nodes, 48,260 triangles, average
// clustering 0.5296, diameter 17 (SNAP). Edges without self-loops,
// largest-component edges and transitivity: networkx 3.6.1
// (G.number_of_edges() after removing self-loops, nx.transitivity).
func TestClassicNetworks(t *testing.T) {
	tests := []struct {
		file                                                    string
		nodes, edges, comps, lcc, lccEdges, triangles, diameter int
		clustering, transitivity, minQ                          float64
	}{
		{"karate.gml", 34, 78, 1, 34, 78, 45, 5, 0.5706384782076823, 0.2556818181818182, 0.4198 - 0.0005},
		{"netscience.gml", 1589, 2742, 396, 379, 914, 3764, 17, 0.6377905695067805, 0.6934414148857775, 0.9592 - 0.005},
		{"ca-GrQc.txt", 5242, 14484, 355, 4158, 13422, 48260, 17, 0.5296358110521363, 0.6298424741263426, 0.86},
	}
	for _, test := range tests {
		t.Run(test.file, func(t *testing.T) {
			if testing.Short() && test.nodes > 2000 {
				t.Skip("slow in -short")
			}
			code, out, stderr := runCmd(t, "graph", "--format", "summary", "--communities", "leiden",
				"../../testdata/net/"+test.file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			dec := json.NewDecoder(strings.NewReader(out))
			var m map[string]any
			if err := dec.Decode(&m); err != nil {
				t.Fatal(err)
			}
			num := func(k string) float64 { f, _ := m[k].(float64); return f }
			got := []int{int(num("authors")), int(num("edges")), int(num("components")), int(num("largest_component")),
				int(num("largest_component_edges")), int(num("triangles")), int(num("diameter"))}
			want := []int{test.nodes, test.edges, test.comps, test.lcc, test.lccEdges, test.triangles, test.diameter}
			for i, k := range []string{"authors", "edges", "components", "largest_component", "largest_component_edges", "triangles", "diameter"} {
				if got[i] != want[i] {
					t.Errorf("%s = %d, want %d", k, got[i], want[i])
				}
			}
			for _, c := range []struct {
				k         string
				got, want float64
			}{{"average_clustering", num("average_clustering"), test.clustering}, {"transitivity", num("transitivity"), test.transitivity}} {
				if d := c.got - c.want; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s = %.12g, want %.12g", c.k, c.got, c.want)
				}
			}
			if q := num("modularity"); q < test.minQ {
				t.Errorf("modularity = %.4f, want at least %.4f", q, test.minQ)
			}
		})
	}
}

// TestReportReplacesEarlierRun writes two different runs into one
// directory: files of the first that the second does not write (the ego
// view, papers.csv for a graph file) must not stay behind.
func TestReportReplacesEarlierRun(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCmd(t, "report", "--as-of", "2026-12-03", "-o", dir, "../../testdata/profile-page.txt"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "report", "-o", dir, "../../testdata/net/karate.gml"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"ego.svg", "ego.dot", "papers.csv", "topics.csv", "thematic.svg"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s of the first run is still there", f)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".coauthor-") {
			t.Errorf("staging directory %s left behind", e.Name())
		}
	}
}

// TestGraphInputs reads a graph file from a zip archive and from
// standard input: karate's 34 nodes and 78 edges either way.
func TestGraphInputs(t *testing.T) {
	gml, err := os.ReadFile("../../testdata/net/karate.gml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "karate.zip")
	f, _ := os.Create(zipPath)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("net/karate.gml")
	w.Write(gml)
	zw.Close()
	f.Close()

	check := func(name string, code int, out, stderr string) {
		t.Helper()
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		var s struct {
			Authors int `json:"authors"`
			Edges   int `json:"edges"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil || s.Authors != 34 || s.Edges != 78 {
			t.Errorf("%s: %d authors, %d edges (%v); want 34, 78", name, s.Authors, s.Edges, err)
		}
	}
	code, out, stderr := runCmd(t, "graph", "--format", "summary", zipPath)
	check("zip", code, out, stderr)

	var o, e bytes.Buffer
	code = run([]string{"graph", "--format", "summary", "-"}, bytes.NewReader(gml), &o, &e)
	check("stdin", code, o.String(), e.String())
}

// TestBetweennessModes checks that --betweenness approx samples within
// its bound on karate (exact values from the same run with exact) and
// that summary.json says which was used.
func TestBetweennessModes(t *testing.T) {
	read := func(mode string) (map[string]any, []string) {
		t.Helper()
		dir := t.TempDir()
		code, _, stderr := runCmd(t, "report", "--betweenness", mode, "-o", dir, "../../testdata/net/karate.gml")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", mode, code, stderr)
		}
		raw, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
		var s map[string]any
		json.Unmarshal(raw, &s)
		csvRaw, _ := os.ReadFile(filepath.Join(dir, "authors.csv"))
		return s, strings.Split(strings.TrimSpace(string(csvRaw)), "\n")
	}
	se, exact := read("exact")
	sa, approx := read("approx")
	if !strings.Contains(se["path_measures"].(string), "exact") || !strings.Contains(sa["path_measures"].(string), "within 0.05") {
		t.Errorf("path_measures: exact %q, approx %q", se["path_measures"], sa["path_measures"])
	}
	col := 8 // betweenness
	for i := 1; i < len(exact); i++ {
		x, _ := strconv.ParseFloat(strings.Split(exact[i], ",")[col], 64)
		y, _ := strconv.ParseFloat(strings.Split(approx[i], ",")[col], 64)
		if d := x - y; d > 0.05 || d < -0.05 {
			t.Errorf("row %d: sampled betweenness %v, exact %v: off by more than 0.05", i, y, x)
		}
	}
	if code, _, _ := runCmd(t, "report", "--betweenness", "maybe", "x.gml"); code != exitUsage {
		t.Errorf("--betweenness maybe: exit %d, want 2", code)
	}
}

// TestOutputsKeepOtherFiles checks that a run never loses a file it did
// not write: terms into a report's directory leaves the report, a file
// of the user's stays, and an input is never written over.
func TestOutputsKeepOtherFiles(t *testing.T) {
	dir := t.TempDir()
	seed := "../../testdata/profile-page.txt"
	if code, _, stderr := runCmd(t, "report", "--as-of", "2026-12-03", "-o", dir, seed); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if code, _, stderr := runCmd(t, "terms", "--as-of", "2026-12-03", "-o", dir, seed); code != 0 {
		t.Fatalf("terms: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"report.md", "summary.json", "graph.svg", "notes.txt", "terms.svg"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s is gone after terms: %v", f, err)
		}
	}

	// An input named like an output is refused, not overwritten.
	own := t.TempDir()
	input := filepath.Join(own, "papers.csv")
	body := "title,year,authors\nOne,2020,Jane Roe; John Doe\n"
	os.WriteFile(input, []byte(body), 0o644)
	code, _, stderr := runCmd(t, "report", "-o", own, input)
	if code != exitError || !strings.Contains(stderr, "written over the input") {
		t.Errorf("report over its input: exit %d, %q", code, stderr)
	}
	if got, _ := os.ReadFile(input); string(got) != body {
		t.Errorf("the input was changed: %q", got)
	}
	// A file of the user's named like an output, in a directory without
	// a manifest, is not removed by a run that does not write it.
	os.WriteFile(filepath.Join(own, "topics.csv"), []byte("mine"), 0o644)
	out2 := filepath.Join(own, "out")
	os.MkdirAll(out2, 0o755)
	os.WriteFile(filepath.Join(out2, "topics.csv"), []byte("mine"), 0o644)
	if code, _, stderr := runCmd(t, "report", "-o", out2, "../../testdata/net/karate.gml"); code != 0 {
		t.Fatalf("karate: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(out2, "topics.csv")); string(got) != "mine" {
		t.Errorf("a file the run did not write was changed: %q", got)
	}
}

// TestQuiet checks that --quiet leaves stderr empty on a clean run.
func TestQuiet(t *testing.T) {
	code, _, stderr := runCmd(t, "report", "--quiet", "--as-of", "2026-12-03", "-o", t.TempDir(), "../../testdata/profile-page.txt")
	if code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
}

// TestOutputGuards checks the mistakes refused before any work: graph's
// -o naming its own input (the input is left as it was) or a missing
// directory, report's --out naming a file, and an --epsilon or --delta
// that is not a number in (0, 1), NaN included.
func TestOutputGuards(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "papers.jsonl")
	body := []byte(`{"id":"p1","title":"A","year":2020,"authors":["Ann Lee","Bo Chen"]}` + "\n")
	if err := os.WriteFile(in, body, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "graph", "--quiet", "--format", "summary", "-o", in, in)
	if code != exitError || !strings.Contains(stderr, "would be written over the input") {
		t.Errorf("graph -o its input: exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, body) {
		t.Errorf("the input was changed: %q", got)
	}
	code, _, stderr = runCmd(t, "graph", "--quiet", "--format", "summary", "-o", filepath.Join(dir, "none", "x.json"), in)
	if code != exitError || !strings.Contains(stderr, "does not exist") {
		t.Errorf("graph -o in a missing directory: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCmd(t, "graph", "--quiet", "--format", "summary", "-o", dir, in)
	if code != exitError || !strings.Contains(stderr, "is a directory: name a file") {
		t.Errorf("graph -o a directory: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCmd(t, "report", "-o", in, in)
	if code != exitError || !strings.Contains(stderr, "is not a directory") {
		t.Errorf("report -o a file: exit %d, stderr %q", code, stderr)
	}
	for _, v := range []string{"NaN", "0", "1", "-1", "Inf"} {
		for _, flag := range []string{"--epsilon", "--delta"} {
			code, _, stderr = runCmd(t, "report", "--betweenness", "approx", flag, v, "-o", filepath.Join(dir, "out"), in)
			if code != exitUsage || !strings.Contains(stderr, "must lie between 0 and 1") {
				t.Errorf("report %s %s: exit %d, stderr %q", flag, v, code, stderr)
			}
		}
	}
}

// TestManifestStdin checks that an input read from standard input is in
// the manifest with its size and SHA-256, as a file is.
func TestManifestStdin(t *testing.T) {
	body := `{"id":"p1","title":"A","year":2020,"authors":["Ann Lee","Bo Chen"]}` + "\n" +
		`{"id":"p2","title":"B","year":2021,"authors":["Ann Lee","Cy Dee"]}` + "\n"
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"report", "--quiet", "-o", dir, "-"}, strings.NewReader(body), &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Inputs []struct {
			Path   string `json:"path"`
			Size   int64  `json:"size"`
			SHA256 string `json:"sha256"`
		} `json:"inputs"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(body))
	if len(m.Inputs) != 1 || m.Inputs[0].Path != "-" || m.Inputs[0].Size != int64(len(body)) ||
		m.Inputs[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("inputs %+v, want - of %d bytes, sha256 %x", m.Inputs, len(body), sum)
	}
}

// TestAuthorlessPapers checks that papers without authors are counted as
// papers and said in the report's warnings.
func TestAuthorlessPapers(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "papers.jsonl")
	body := `{"id":"p1","title":"A","year":2020,"authors":["Ann Lee","Bo Chen"]}` + "\n" +
		`{"id":"p2","title":"B","year":2021}` + "\n" + `{"id":"p3","title":"C","year":2021,"authors":[]}` + "\n"
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCmd(t, "report", "-o", out, in); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "papers without authors: 2 (") {
		t.Errorf("report.md does not say that 2 papers have no authors")
	}
}

// TestGraphAttrs checks that graph --attrs writes only the GraphML keys
// it names, and that a misspelt key or another format is a usage error.
func TestGraphAttrs(t *testing.T) {
	in := filepath.Join("..", "..", "testdata", "net", "karate.gml")
	code, stdout, stderr := runCmd(t, "graph", "--quiet", "--format", "graphml", "--attrs", "label, weight", in)
	if code != exitOK {
		t.Fatalf("graph --attrs label,weight: exit %d, stderr %q", code, stderr)
	}
	if got := strings.Count(stdout, "<key "); got != 2 || !strings.Contains(stdout, `<key id="label" for="node"`) ||
		!strings.Contains(stdout, `<key id="weight" for="edge"`) {
		t.Errorf("graph --attrs label,weight: %d keys in\n%s", got, stdout[:min(len(stdout), 600)])
	}
	if got := strings.Count(stdout, `<data key="weight">`); got != 78 {
		t.Errorf("graph --attrs label,weight: %d weights, want karate's 78 edges", got)
	}
	for _, args := range [][]string{
		{"--format", "graphml", "--attrs", "label,wieght"},
		{"--format", "gexf", "--attrs", "label"},
		{"--format", "graphml", "--attrs", ""},
		{"--format", "graphml", "--attrs", "label,,weight"},
		{"--format", "graphml", "--betweenness", "off", "--attrs", "label,closeness"},
	} {
		code, _, stderr := runCmd(t, append(append([]string{"graph", "--quiet"}, args...), in)...)
		if code != exitUsage || !strings.Contains(stderr, "--attrs") {
			t.Errorf("graph %q: exit %d, stderr %q; want a usage error about --attrs", args, code, stderr)
		}
	}
}

// TestReportOutputsInPlace checks that report writes through a symbolic
// link in its directory, keeping the link, and that a directory where an
// output goes is refused before any file of the earlier run is replaced.
func TestReportOutputsInPlace(t *testing.T) {
	in := filepath.Join("..", "..", "testdata", "net", "karate.gml")
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCmd(t, "report", "--quiet", "-o", out, in); code != exitOK {
		t.Fatalf("report: exit %d, stderr %q", code, stderr)
	}
	// summary.json becomes a link to a file outside, report.md a link
	// that dangles.
	outside := filepath.Join(dir, "outside.json")
	if err := os.Rename(filepath.Join(out, "summary.json"), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "summary.json")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(out, "report.md"))
	if err := os.Symlink("made.md", filepath.Join(out, "report.md")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(outside, nil, 0o644)
	if code, _, stderr := runCmd(t, "report", "--quiet", "-o", out, in); code != exitOK {
		t.Fatalf("report again: exit %d, stderr %q", code, stderr)
	}
	for _, name := range []string{"summary.json", "report.md"} {
		if st, err := os.Lstat(filepath.Join(out, name)); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s after report: %v, %v; want the link kept", name, st.Mode(), err)
		}
	}
	if b, err := os.ReadFile(outside); err != nil || !bytes.Contains(b, []byte(`"authors": 34`)) {
		t.Errorf("file linked as summary.json: %.80q, %v; want the summary", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "made.md")); err != nil || len(b) == 0 {
		t.Errorf("file named by the dangling report.md: %d bytes, %v", len(b), err)
	}

	// A directory where graph.graphml goes: nothing may be replaced.
	before, err := os.ReadFile(filepath.Join(out, "graph.dot"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(out, "graph.graphml"))
	if err := os.Mkdir(filepath.Join(out, "graph.graphml"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "report", "--quiet", "--seed", "7", "-o", out, in)
	if code != exitError || !strings.Contains(stderr, "graph.graphml is a directory") {
		t.Errorf("report over a directory: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "graph.dot")); !bytes.Equal(after, before) {
		t.Errorf("graph.dot was replaced although the run failed")
	}
}
