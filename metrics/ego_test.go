package metrics

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coauthor/coauthor/corpus"
	"github.com/coauthor/coauthor/graph"
)

// readSeed builds the graph of testdata/profile-page.txt as captured on
// 2026-12-03 and returns it with the page's owner.
func readSeed(t testing.TB) (*graph.Graph, string) {
	t.Helper()
	res, err := corpus.Read("../testdata/profile-page.txt",
		&corpus.Options{AsOf: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(res.Papers, corpus.Resolve(res.Papers, nil), graph.Options{})
	return g, res.Owner
}

// node returns the node id of the author with the given display name.
func node(t testing.TB, g *graph.Graph, name string) int {
	t.Helper()
	for u, a := range g.Authors {
		if a.Name == name {
			return u
		}
	}
	t.Fatalf("no author %q", name)
	return -1
}

func TestDetectEgo(t *testing.T) {
	seed, owner := readSeed(t)
	small := smallEgo()
	for _, test := range []struct {
		name  string
		g     *graph.Graph
		owner string
		want  int
		share float64
	}{
		// Every paper of the page lists its owner or hides them behind
		// "et al.", so the owner is tied to all 60 other authors.
		{"seed with owner", seed, owner, node(t, seed, "Salem Lahlou"), 1},
		{"seed without owner", seed, "", node(t, seed, "Salem Lahlou"), 1},
		// smallEgo: node 0 has 4 of the 6 others as co-authors.
		{"small", small, "", 0, 4.0 / 6},
		{"small with owner 3", small, "3", 3, 2.0 / 6},
		{"small with unknown owner", small, "nobody", 0, 4.0 / 6},
	} {
		t.Run(test.name, func(t *testing.T) {
			ego, share := DetectEgo(test.g, test.owner)
			if ego != test.want || math.Abs(share-test.share) > 1e-12 {
				t.Errorf("DetectEgo(%q) = %d, %g, want %d, %g", test.owner, ego, share, test.want, test.share)
			}
		})
	}
	if test, share := DetectEgo(&graph.Graph{}, ""); test != -1 || share != 0 {
		t.Errorf("DetectEgo(empty) = %d, %g, want -1, 0", test, share)
	}
}

// TestTiesSeed checks ties counted by hand from the page.
//
//	Tristan Deleu: A theory of continuous generative flow networks
//	(2023), GFlowNets and variational inference (2022), GFlowNet
//	Foundations (2021).
//	Nikolay Malkin: GFlowNets and variational inference (2022), On
//	Generalization for Generative Flow Networks (2024).
//	Yoshua Bengio: GFlowNet Foundations (2021), Mastering Rate based
//	Curriculum Learning (2020).
//	Abdalgader Abubaker: Investigating Regularization of Self-Play
//	Language Models (2024), PORT (2024), Accurate and Diverse LLM
//	Mathematical Reasoning (2025).
//	Mehdi Bennis: Semantic Communication meets System 2 ML (2025).
func TestTiesSeed(t *testing.T) {
	g, owner := readSeed(t)
	ego, _ := DetectEgo(g, owner)
	ties := Ties(g, ego)
	if len(ties) != 60 {
		t.Errorf("Ties gives %d co-authors, want 60", len(ties))
	}
	byName := map[string]Tie{}
	for _, tie := range ties {
		byName[g.Authors[tie.Alter].Name] = tie
	}
	for _, test := range []struct {
		name        string
		papers      int
		first, last int
		perYear     []YearCount
	}{
		{"Tristan Deleu", 3, 2021, 2023, []YearCount{{2021, 1}, {2022, 1}, {2023, 1}}},
		{"Nikolay Malkin", 2, 2022, 2024, []YearCount{{2022, 1}, {2024, 1}}},
		{"Yoshua Bengio", 2, 2020, 2021, []YearCount{{2020, 1}, {2021, 1}}},
		{"Abdalgader Abubaker", 3, 2024, 2025, []YearCount{{2024, 2}, {2025, 1}}},
		{"Mehdi Bennis", 1, 2025, 2025, []YearCount{{2025, 1}}},
	} {
		got, ok := byName[test.name]
		if !ok {
			t.Errorf("no tie to %s", test.name)
			continue
		}
		if got.Papers != test.papers || got.FirstYear != test.first || got.LastYear != test.last ||
			!slices.Equal(got.PerYear, test.perYear) {
			t.Errorf("tie to %s = %d papers, %d-%d, %v; want %d, %d-%d, %v", test.name,
				got.Papers, got.FirstYear, got.LastYear, got.PerYear,
				test.papers, test.first, test.last, test.perYear)
		}
	}
	// Sorted by joint papers: nobody shares more than 3 with the owner
	// (Deleu and Abubaker share 3), so the first tie has 3.
	if ties[0].Papers != 3 {
		t.Errorf("first tie has %d papers, want 3", ties[0].Papers)
	}

	dormant := Dormant(ties, 2026, 3)
	isDormant := map[string]bool{}
	for _, tie := range dormant {
		isDormant[g.Authors[tie.Alter].Name] = true
	}
	for name, want := range map[string]bool{
		"Tristan Deleu": true, "Yoshua Bengio": true, "Dzmitry Bahdanau": true,
		"Nikolay Malkin": false, "Abdalgader Abubaker": false, "Mehdi Bennis": false,
	} {
		if isDormant[name] != want {
			t.Errorf("dormant(%s) = %v, want %v (last joint year <= 2023)", name, isDormant[name], want)
		}
	}

	// New co-authors by year, from the page: 2018 BabyAI (Maxime
	// Chevalier-Boisvert, Dzmitry Bahdanau); 2020 Mastering Rate
	// (Lucas Willems, Yoshua Bengio); 2021 GFlowNet Foundations
	// (Tristan Deleu) and DEUP (Moksh Jain, Hadi Nekoei).
	fresh := NewPerYear(ties)
	if len(fresh) < 3 || !slices.Equal(fresh[:3], []YearCount{{2018, 2}, {2020, 2}, {2021, 3}}) {
		t.Errorf("NewPerYear = %v, want it to start [{2018 2} {2020 2} {2021 3}]", fresh)
	}
	total := 0
	for _, yc := range fresh {
		total += yc.Count
	}
	if total != 60 {
		t.Errorf("NewPerYear counts %d co-authors, want 60", total)
	}
}

func TestEgoViewSeed(t *testing.T) {
	g, owner := readSeed(t)
	ego, _ := DetectEgo(g, owner)

	// Topics made up for the test: topic 0 for titles naming flow
	// networks, 1 for the others.
	topics := &Topics{Labels: [][]string{{"gflownets", "flow", "generative", "extra"}, {"other"}}}
	for _, p := range g.Papers {
		low := strings.ToLower(p.Title)
		if strings.Contains(low, "gflow") || strings.Contains(low, "flow network") {
			topics.Paper = append(topics.Paper, 0)
		} else {
			topics.Paper = append(topics.Paper, 1)
		}
	}
	v := NewEgoView(g, ego, EgoOptions{Seed: 1, Topics: topics})
	if v.AsOfYear != 2026 || v.DormantYears != DefaultDormantYears {
		t.Errorf("AsOfYear, DormantYears = %d, %d, want 2026, %d", v.AsOfYear, v.DormantYears, DefaultDormantYears)
	}

	circleOf := map[int]int{}
	for i, c := range v.Circles {
		for _, u := range c.Members {
			if _, dup := circleOf[u]; dup {
				t.Errorf("%s in two circles", g.Authors[u].Name)
			}
			circleOf[u] = i
			if g.EdgeID(ego, u) < 0 {
				t.Errorf("circle member %s is not a co-author", g.Authors[u].Name)
			}
		}
	}
	// The GFlowNet papers tie Deleu to Lemos, Malkin and Bengio,
	// Malkin to Krichel and Bengio to Willems: one circle of six.
	gfn := []string{"Tristan Deleu", "Nikolay Malkin", "Yoshua Bengio", "Pablo Lemos", "Anas Krichel", "Lucas Willems"}
	c0, ok := circleOf[node(t, g, gfn[0])]
	if !ok {
		t.Fatalf("Tristan Deleu in no circle")
	}
	for _, name := range gfn[1:] {
		if c, ok := circleOf[node(t, g, name)]; !ok || c != c0 {
			t.Errorf("%s not in Tristan Deleu's circle", name)
		}
	}
	c := v.Circles[c0]
	// Strength among the co-authors: Deleu 3 (Lemos, Malkin, Bengio),
	// Malkin 2 (Deleu, Krichel), Bengio 2 (Deleu, Willems); equal
	// strengths go by name, "Nikolay" before "Yoshua".
	if len(c.Members) != 6 || c.Name != "Tristan Deleu, Nikolay Malkin, Yoshua Bengio" {
		t.Errorf("circle = %d members named %q, want 6 named Tristan Deleu, Nikolay Malkin, Yoshua Bengio",
			len(c.Members), c.Name)
	}
	// The owner's papers with the circle: 4 on flow networks and
	// Mastering Rate based Curriculum Learning.
	if c.Papers != 5 || c.Topic != 0 || !slices.Equal(c.Labels, []string{"gflownets", "flow", "generative"}) {
		t.Errorf("circle papers, topic, labels = %d, %d, %v; want 5, 0, [gflownets flow generative]",
			c.Papers, c.Topic, c.Labels)
	}

	// Co-authors with no other co-author on the page: Mehdi Bennis
	// (Semantic Communication meets System 2 ML) and Hachem Madmoun
	// (Communication Enables Cooperation in LLM Agents).
	var solo []string
	for _, u := range v.Solo {
		solo = append(solo, g.Authors[u].Name)
	}
	slices.Sort(solo)
	if !slices.Equal(solo, []string{"Hachem Madmoun", "Mehdi Bennis"}) {
		t.Errorf("Solo = %v, want [Hachem Madmoun Mehdi Bennis]", solo)
	}

	// Every brokered pair is two co-authors without a common co-author
	// other than the owner.
	for _, p := range v.Brokered {
		if g.EdgeID(p[0], p[1]) >= 0 {
			t.Errorf("brokered pair %v is tied", p)
		}
	}
	if len(v.Brokered) == 0 || math.IsNaN(v.Constraint) || v.EffectiveSize <= 0 || v.EffectiveSize > 60 {
		t.Errorf("brokerage = %d pairs, effective size %g, constraint %g", len(v.Brokered), v.EffectiveSize, v.Constraint)
	}
}

func TestEgoViewSmall(t *testing.T) {
	g := smallEgo()
	v := NewEgoView(g, 0, EgoOptions{})
	// Circles of 0's co-authors: {1, 2} and {3, 4}; no solo co-author.
	if len(v.Circles) != 2 || len(v.Solo) != 0 {
		t.Fatalf("circles %v, solo %v; want two circles", v.Circles, v.Solo)
	}
	var got [][]int
	for _, c := range v.Circles {
		m := slices.Clone(c.Members)
		slices.Sort(m)
		got = append(got, m)
		if c.Topic != -1 || c.Papers != 0 {
			t.Errorf("circle %v: topic %d, papers %d without topics or papers, want -1, 0", c.Members, c.Topic, c.Papers)
		}
	}
	if !slices.EqualFunc(got, [][]int{{1, 2}, {3, 4}}, slices.Equal) {
		t.Errorf("circles = %v, want [[1 2] [3 4]]", got)
	}
	if math.Abs(v.EffectiveSize-10.0/3) > 1e-12 || len(v.Brokered) != 4 {
		t.Errorf("effective size %g, %d brokered pairs; want 10/3, 4", v.EffectiveSize, len(v.Brokered))
	}
}
