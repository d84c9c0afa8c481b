package export_test

import (
	"os"

	"github.com/coauthor/coauthor/export"
	"github.com/coauthor/coauthor/graph"
)

func ExampleEdgesCSV() {
	authors := []graph.Author{{Name: "Ada Lovelace"}, {Name: `Charles "C." Babbage`}, {Name: "Mary Somerville"}}
	g, _, _ := graph.New(authors, []graph.Edge{
		{U: 0, V: 1, Weight: 2, Joint: 2},
		{U: 2, V: 0, Weight: 0.5, Joint: 1},
	})
	if err := export.EdgesCSV(os.Stdout, &export.Analysis{Graph: g}); err != nil {
		panic(err)
	}
	// Output:
	// source_id,target_id,source,target,weight,distance,joint_papers,papers
	// 0,1,Ada Lovelace,"Charles ""C."" Babbage",2,0.5,2,
	// 0,2,Ada Lovelace,Mary Somerville,0.5,2,1,
}

func ExampleDOT() {
	authors := []graph.Author{{Name: `O"Brien`, Papers: 2}, {Name: `a\b`, Papers: 1}}
	g, _, _ := graph.New(authors, []graph.Edge{{U: 0, V: 1, Weight: 1, Joint: 1}})
	a := &export.Analysis{Graph: g}
	if err := export.DOT(os.Stdout, a, export.DrawOptions{Seed: 1, Title: "Two"}); err != nil {
		panic(err)
	}
	// Output:
	// graph "coauthor" {
	//   graph [layout=neato, start=1, overlap=scale, pack=true, pad=0.6, outputorder=edgesfirst, splines=false,
	//     fontname="Helvetica", fontsize=14, labelloc=t, label=<<table border="0" cellspacing="0" cellpadding="2"><tr><td>Two</td></tr></table>>];
	//   node [shape=circle, style=filled, fixedsize=true, fontname="Helvetica", fontsize=10, color="#555555", penwidth=0.5];
	//   edge [color="#88888899"];
	//   n0 [label="O\"Brien", tooltip="O\"Brien (2 papers)", fillcolor="#BBBBBB", width=1.000];
	//   n1 [label="a\\b", tooltip="a\\b (1 paper)", fillcolor="#BBBBBB", width=0.766];
	//   n0 -- n1 [penwidth=1.50];
	// }
}
