package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/coauthor/coauthor/metrics"
)

func TestThematicSVG(t *testing.T) {
	pts := []metrics.ThemePoint{
		{Topic: 0, Centrality: 2, Density: 30, Papers: 10, Terms: []string{"flow"}},
		{Topic: 1, Centrality: 5, Density: 10, Papers: 4, Terms: []string{"<b>&"}},
		{Topic: 2, Centrality: 1, Density: 5, Papers: 1, Terms: []string{"x"}},
	}
	labels := [][]string{{"gflownets", "flow", "sampling", "fourth"}}
	var b bytes.Buffer
	if err := ThematicSVG(&b, pts, labels); err != nil {
		t.Fatal(err)
	}
	out := b.String()

	var doc struct {
		XMLName xml.Name
		Circles []struct {
			R     string `xml:"r,attr"`
			Title string `xml:"title"`
		} `xml:"circle"`
		Texts []string `xml:"text"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	if doc.XMLName.Local != "svg" || len(doc.Circles) != 3 {
		t.Fatalf("root %q with %d circles, want svg with 3", doc.XMLName.Local, len(doc.Circles))
	}
	// Radius 8 + 32·√(papers/10): 40 for 10 papers, 8 + 32·√0.4 for 4.
	if doc.Circles[0].R != "40.00" || doc.Circles[1].R != "28.24" {
		t.Errorf("radii %q %q, want 40.00 and 28.24", doc.Circles[0].R, doc.Circles[1].R)
	}
	for _, want := range []string{"Motor themes", "Niche themes", "Emerging or declining themes", "Basic themes",
		"gflownets, flow, sampling", "<b>&"} {
		found := false
		for _, s := range doc.Texts {
			found = found || s == want
		}
		if !found {
			t.Errorf("no text %q among %q", want, doc.Texts)
		}
	}
	if strings.Contains(out, "<b>") || strings.Contains(out, "fourth") {
		t.Errorf("label not escaped or more than three terms:\n%s", out)
	}
	// Medians: centrality 2, density 10. Scale x: range 1..5 padded by
	// 0.4 to 0.6..5.4 onto 70..730, so x(2) = 70 + 1.4/4.8·660 = 262.5;
	// y: 5..30 padded by 2.5 to 2.5..32.5 onto 530..70, y(10) = 530 -
	// 7.5/30·460 = 415.
	if !strings.Contains(out, `x1="262.50" y1="70.00" x2="262.50" y2="530.00"`) ||
		!strings.Contains(out, `x1="70.00" y1="415.00" x2="730.00" y2="415.00"`) {
		t.Errorf("median axes not at x 262.50 and y 415.00:\n%s", out)
	}
	var again bytes.Buffer
	if err := ThematicSVG(&again, pts, labels); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("second drawing differs (err %v)", err)
	}
}
