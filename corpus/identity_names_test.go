package corpus

import (
	"fmt"
	"slices"
	"testing"
)

// TestCountNames checks the names counted in shards against a count in
// one map, on a corpus large enough for several goroutines.
func TestCountNames(t *testing.T) {
	var papers []Paper
	for i := range 3000 {
		p := Paper{}
		for j := range 1 + i%4 {
			a := Author{Name: fmt.Sprintf("Author %d", (i*7+j*13)%5000)}
			switch (i + j) % 11 {
			case 3:
				a.IDs = []string{fmt.Sprintf("orcid:%d", i%5)}
			case 7:
				a.IDs = []string{"", ""}
			}
			p.Authors = append(p.Authors, a)
		}
		papers = append(papers, p)
	}
	ofStart := []int{0}
	for _, p := range papers {
		ofStart = append(ofStart, ofStart[len(ofStart)-1]+len(p.Authors))
	}
	of := make([]int32, ofStart[len(papers)])
	table, withIDs, edges := countNames(papers, ofStart, of)
	if len(table.index) < 2 && workers(len(of)) > 1 {
		t.Fatalf("names counted in %d shard, want %d", len(table.index), workers(len(of)))
	}

	distinct := make(map[string]bool)
	wantCount := make(map[string]int32)
	wantFirst := make(map[string]int)
	var wantIDs, wantEdges []int
	pos := 0
	for _, p := range papers {
		for _, a := range p.Authors {
			distinct[a.Name] = true
			if table.names[of[pos]] != a.Name {
				t.Fatalf("author %d is %q, want %q", pos, table.names[of[pos]], a.Name)
			}
			if k, ok := table.lookup(a.Name); !ok || k != of[pos] {
				t.Fatalf("lookup(%q) = %d, %v, want %d, true", a.Name, k, ok, of[pos])
			}
			switch {
			case len(a.IDs) > 0 && a.IDs[0] != "":
				wantIDs = append(wantIDs, pos)
			default:
				if len(a.IDs) > 0 {
					wantEdges = append(wantEdges, pos)
				}
				if wantCount[a.Name] == 0 {
					wantFirst[a.Name] = pos
				}
				wantCount[a.Name]++
			}
			pos++
		}
	}
	if len(table.names) != len(distinct) || len(distinct) < 4000 {
		t.Errorf("%d names, want %d (at least 4000, to grow the index)", len(table.names), len(distinct))
	}
	for i, name := range table.names {
		if table.count[i] != wantCount[name] || table.count[i] > 0 && table.first[i] != wantFirst[name] {
			t.Errorf("%q counted %d from %d, want %d from %d", name, table.count[i], table.first[i], wantCount[name], wantFirst[name])
		}
	}
	var gotIDs []int
	for _, a := range withIDs {
		gotIDs = append(gotIDs, a.pos)
	}
	if !slices.Equal(gotIDs, wantIDs) || !slices.Equal(edges, wantEdges) {
		t.Errorf("authors with identifiers %v and empty ones %v, want %v and %v", gotIDs, edges, wantIDs, wantEdges)
	}
	if _, ok := table.lookup("Nobody"); ok {
		t.Errorf("lookup of a name not there reports it there")
	}
}
