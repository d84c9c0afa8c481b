package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/graph"
)

// webRead is what the tests read back of WebJSON's output.
type webRead struct {
	Nodes []struct {
		ID        string   `json:"id"`
		Label     string   `json:"label"`
		Papers    int      `json:"papers"`
		FirstYear *int     `json:"first_year"`
		Degree    int      `json:"degree"`
		PageRank  *float64 `json:"pagerank"`
		Community *int     `json:"community"`
		Color     string   `json:"color"`
		Size      *float64 `json:"size"`
		X         *float64 `json:"x"`
		Y         *float64 `json:"y"`
	} `json:"nodes"`
	Links []struct {
		Source   string   `json:"source"`
		Target   string   `json:"target"`
		Weight   float64  `json:"weight"`
		Distance float64  `json:"distance"`
		Joint    int      `json:"joint_papers"`
		Papers   []string `json:"papers"`
	} `json:"links"`
	Communities []struct {
		ID         int      `json:"id"`
		Size       int      `json:"size"`
		Members    []string `json:"members"`
		TopicLabel string   `json:"topic_label"`
	} `json:"communities"`
	Topics []struct {
		ID    int      `json:"id"`
		Size  int      `json:"size"`
		Terms []string `json:"terms"`
	} `json:"topics"`
}

func TestWebJSON(t *testing.T) {
	a := testAnalysis(t)
	var buf bytes.Buffer
	if err := WebJSON(&buf, a, WebOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "web_graph.json", buf.Bytes())

	var f webRead
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("re-reading web JSON: %v", err)
	}
	if len(f.Nodes) != 6 || len(f.Links) != 7 || len(f.Communities) != 3 || len(f.Topics) != 2 {
		t.Fatalf("%d nodes, %d links, %d communities, %d topics, want 6, 7, 3, 2",
			len(f.Nodes), len(f.Links), len(f.Communities), len(f.Topics))
	}
	for u, n := range f.Nodes {
		if n.Label != a.Graph.Authors[u].Name {
			t.Errorf("node %d label = %q, want %q", u, n.Label, a.Graph.Authors[u].Name)
		}
		if n.X != nil || n.Y != nil {
			t.Errorf("node %d has a position without a layout", u)
		}
	}
	// Node 3, O"Brien: three papers from 2019, PageRank 0.25 (the
	// highest, so size 50), community 1 (#56B4E9).
	n := f.Nodes[3]
	if n.ID != "n3" || n.Papers != 3 || n.FirstYear == nil || *n.FirstYear != 2019 ||
		n.PageRank == nil || *n.PageRank != 0.25 || n.Size == nil || *n.Size != 50 ||
		n.Community == nil || *n.Community != 1 || n.Color != "#56B4E9" {
		t.Errorf("node 3 = %+v, want n3, 3 papers, 2019, PageRank 0.25, size 50, community 1, #56B4E9", n)
	}
	// Node 2, the lone author, has no year.
	if f.Nodes[2].FirstYear != nil {
		t.Errorf("node 2 first_year = %d, want none", *f.Nodes[2].FirstYear)
	}
	l := f.Links[4]
	if l.Source != "n1" || l.Target != "n3" || l.Weight != 2 || l.Distance != 0.5 || l.Joint != 2 ||
		strings.Join(l.Papers, ",") != "p1,p5" {
		t.Errorf("link 4 = %+v, want n1-n3, weight 2, distance 0.5, 2 joint papers p1, p5", l)
	}
	// Community 0 is {a\b, Ünal & Co, Zoë}, by PageRank 0.25, 0.2, 0.125.
	c := f.Communities[0]
	if c.Size != 3 || strings.Join(c.Members, "|") != `a\b|Ünal & Co|Zoë *Star* | Pipe` {
		t.Errorf("community 0 = %+v, want size 3, members a\\b, Ünal & Co, Zoë *Star* | Pipe", c)
	}
	if tp := f.Topics[1]; tp.Size != 2 || strings.Join(tp.Terms, " ") != "<i>html</i> a|b" {
		t.Errorf("topic 1 = %+v, want size 2, terms <i>html</i> a|b", tp)
	}
	if !strings.Contains(buf.String(), `"label": "<b>x</b>"`) {
		t.Error("HTML characters in labels were escaped, want them as they are")
	}
}

func TestWebJSONPositions(t *testing.T) {
	g, _, _ := graph.New([]graph.Author{{Name: "A"}, {Name: "B"}}, []graph.Edge{{U: 0, V: 1, Weight: 1, Joint: 1}})
	a := &Analysis{Graph: g}
	var buf bytes.Buffer
	if err := WebJSON(&buf, a, WebOptions{Positions: [][2]float64{{1.5, -2}, {0, 3}}}); err != nil {
		t.Fatal(err)
	}
	var f webRead
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if n := f.Nodes[0]; n.X == nil || n.Y == nil || *n.X != 1.5 || *n.Y != -2 {
		t.Errorf("node 0 position = %v, %v, want 1.5, -2", n.X, n.Y)
	}
	// No communities or topics: empty lists, not null; the grey colour.
	if !strings.Contains(buf.String(), `"communities": []`) || !strings.Contains(buf.String(), `"topics": []`) {
		t.Errorf("want empty communities and topics lists:\n%s", buf.Bytes())
	}
	if f.Nodes[1].Color != "#BBBBBB" || f.Links[0].Papers == nil {
		t.Errorf("node 1 colour %q, link papers %v, want #BBBBBB and []", f.Nodes[1].Color, f.Links[0].Papers)
	}
	if err := WebJSON(&buf, a, WebOptions{Positions: [][2]float64{{0, 0}}}); err == nil {
		t.Error("one position for two nodes: no error")
	}
}
