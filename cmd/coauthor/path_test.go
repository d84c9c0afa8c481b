package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPathCommand(t *testing.T) {
	// A-B wrote one paper; A-C and C-B three each: the shortest chain
	// is the direct tie (length 1/1), the strongest goes through C
	// (length 1/3 + 1/3).
	csv := filepath.Join(t.TempDir(), "papers.csv")
	rows := "title,year,authors\nP1,2020,Ann Alpha;Bob Beta\n"
	for _, y := range []string{"2021", "2022", "2023"} {
		rows += "AC" + y + "," + y + ",Ann Alpha;Cy Gamma\nCB" + y + "," + y + ",Cy Gamma;Bob Beta\n"
	}
	if err := os.WriteFile(csv, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	const seed = "../../testdata/profile-page.txt"
	for _, test := range []struct {
		name   string
		args   []string
		code   int
		stdout []string // substrings expected in order
		stderr string
	}{
		{
			// On the page, Nikolay Malkin shares "GFlowNets and
			// variational inference" (2022) and "On Generalization
			// for Generative Flow Networks" (2024) with the owner,
			// and Lucas Willems shares "Mastering Rate based
			// Curriculum Learning" (2020); Malkin and Willems share
			// no paper, nor a co-author other than the owner.
			name: "seed through the owner",
			args: []string{"path", "--as-of", "2026-12-03", "Nikolay Malkin", "willems", seed},
			code: exitOK,
			stdout: []string{"shortest chain: 2 hops, length 1.5", "  Nikolay Malkin", "2 joint papers, weight 2",
				"GFlowNets and variational inference (2022)", "On Generalization for Generative Flow Networks (2024)",
				"  Salem Lahlou", "1 joint paper, weight 1", "Mastering Rate based Curriculum Learning (2020)",
				"  Lucas Willems", "strongest chain: the same"},
		},
		{
			name: "strongest differs",
			args: []string{"path", "Ann Alpha", "Bob Beta", csv},
			code: exitOK,
			stdout: []string{"shortest chain: 1 hop, length 1", "  Ann Alpha", "P1 (2020)", "  Bob Beta",
				"strongest chain: 2 hops, length 0.6667", "  Ann Alpha", "3 joint papers, weight 3", "AC2021 (2021)",
				"  Cy Gamma", "CB2021 (2021)", "  Bob Beta"},
		},
		{
			name:   "papers per link limited",
			args:   []string{"path", "--max-papers", "1", "Ann Alpha", "Cy Gamma", csv},
			code:   exitOK,
			stdout: []string{"shortest chain: 1 hop", "AC2021 (2021)", "and 2 more"},
		},
		{
			name:   "ambiguous name",
			args:   []string{"path", "--as-of", "2026-12-03", "ahmed", "Salem Lahlou", seed},
			code:   exitError,
			stderr: `"ahmed" matches 2 authors: Ahmed Attia; Ahmed Heakl`,
		},
		{
			name:   "unknown name",
			args:   []string{"path", "Nobody Here", "Ann Alpha", csv},
			code:   exitError,
			stderr: `no author matches "Nobody Here" among the 3 authors`,
		},
		{
			// netscience.gml: ABRAMSON, G is in a component of four
			// (with KUPERMAN, M, MORELLI, L and ZANETTE, D; networkx
			// 3.6.1 node_connected_component), without NEWMAN, M.
			name:   "no chain",
			args:   []string{"path", "NEWMAN, M", "ABRAMSON, G", "../../testdata/net/netscience.gml"},
			code:   exitError,
			stderr: "no chain of co-authors joins NEWMAN, M and ABRAMSON, G",
		},
		{
			name:   "missing file",
			args:   []string{"path", "Ann Alpha", "Bob Beta"},
			code:   exitUsage,
			stderr: "want two author names and at least one input file",
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, test.args...)
			if code != test.code {
				t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, test.code, stdout, stderr)
			}
			rest := stdout
			for _, s := range test.stdout {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("stdout lacks %q after the earlier lines; stdout:\n%s", s, stdout)
				}
				rest = rest[i+len(s):]
			}
			if !strings.Contains(stderr, test.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, test.stderr)
			}
		})
	}
}
