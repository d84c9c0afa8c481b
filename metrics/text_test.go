package metrics

import (
	"math"
	"slices"
	"testing"
)

func TestTopicStem(t *testing.T) {
	tests := []struct {
		name, word, want string
	}{
		{"plain plural", "networks", "network"},
		{"plural of coined word", "gflownets", "gflownet"},
		{"sses", "classes", "class"},
		{"ies", "policies", "policy"},
		{"short ies", "ties", "tie"},
		{"ied", "studied", "study"},
		{"ches", "approaches", "approach"},
		{"xes", "boxes", "box"},
		{"ss kept", "class", "class"},
		{"us kept", "focus", "focus"},
		{"is kept", "analysis", "analysis"},
		{"short s kept", "gas", "gas"},
		{"ing", "training", "train"},
		{"ing doubled", "planning", "plan"},
		{"ing doubled l kept", "modelling", "modell"},
		{"ing short kept", "using", "using"},
		{"ing no vowel kept", "string", "string"},
		{"ed", "learned", "learn"},
		{"ed short kept", "need", "need"},
		{"ed doubled", "mapped", "map"},
		{"final e", "sample", "sampl"},
		{"final e of plural", "samples", "sampl"},
		{"final e of ed", "sampled", "sampl"},
		{"final e of ing", "sampling", "sampl"},
		{"short final e kept", "size", "size"},
		{"non-ascii", "réseaux", "réseaux"},
		{"non-ascii plural", "données", "donné"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := topicStem(test.word); got != test.want {
				t.Errorf("topicStem(%q) = %q, want %q", test.word, got, test.want)
			}
		})
	}
}

func TestTopicTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // stems
	}{
		{"empty", "", nil},
		{"stop words only", "We propose a new approach in this paper.", nil},
		{"case and punctuation", "GFlowNets, GFlowNet-based SAMPLERS!", []string{"gflownet", "gflownet", "sampler"}},
		{"short and numeric dropped", "A 3D model of 2023 data in R", []string{"model", "data"}},
		{"digits inside a word kept", "GPT4 and mRNA", []string{"gpt4", "mrna"}},
		{"stop word forms dropped", "proposed proposes showing results", nil},
		{"apostrophe splits", "Shari'ah compliance", []string{"shari", "complianc"}},
		{"unicode letters", "Réseaux de neurones über Straße", []string{"réseaux", "neuron", "über", "straß"}},
		{"symbols split", "SD-E$^2$: token budgets", []string{"token", "budget"}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var got []string
			for _, tok := range topicTokenize(test.text) {
				got = append(got, tok.stem)
			}
			if !slices.Equal(got, test.want) {
				t.Errorf("topicTokenize(%q) = %q, want %q", test.text, got, test.want)
			}
		})
	}
}

func TestTopicTokenizeWord(t *testing.T) {
	toks := topicTokenize("Sampling GFlowNets")
	want := []topicToken{{"sampl", "sampling", true}, {"gflownet", "gflownets", false}}
	if !slices.Equal(toks, want) {
		t.Errorf("topicTokenize = %+v, want %+v", toks, want)
	}
}

func TestTopicStopWords(t *testing.T) {
	for _, w := range []string{"the", "paper", "propose", "proposed", "show", "results", "approach", "method", "using", "based", "work", "new"} {
		if !topicIsStop(topicStem(w)) {
			t.Errorf("topicIsStop(topicStem(%q)) = false, want true", w)
		}
	}
	for _, w := range []string{"gflownet", "network", "inference", "reasoning", "benchmark", "arabic"} {
		if topicIsStop(topicStem(w)) {
			t.Errorf("topicIsStop(topicStem(%q)) = true, want false", w)
		}
	}
	if n := len(topicStops); n < 250 {
		t.Errorf("len(topicStops) = %d, want at least 250", n)
	}
}

func TestTopicVectorize(t *testing.T) {
	// Three texts, fewer than topicMinDFTexts, so every stem is kept.
	m := topicVectorize([]string{"flow flow sampler", "flow", "the of and"})
	if want := []string{"flow", "sampler"}; !slices.Equal(m.stems, want) {
		t.Fatalf("stems = %q, want %q", m.stems, want)
	}
	if want := []string{"flow", "sampler"}; !slices.Equal(m.words, want) {
		t.Errorf("words = %q, want %q", m.words, want)
	}
	// n = 3; df(flow) = 2, df(sampler) = 1.
	// flow:    (1 + ln 2) * (1 + ln(4/3))
	// sampler:  1        * (1 + ln(4/2))
	wf := (1 + math.Ln2) * (1 + math.Log(4.0/3))
	ws := 1 + math.Log(2)
	norm := math.Hypot(wf, ws)
	const tol = 1e-14
	d := m.docs[0]
	if !slices.Equal(d.idx, []int32{0, 1}) ||
		math.Abs(d.val[0]-wf/norm) > tol || math.Abs(d.val[1]-ws/norm) > tol {
		t.Errorf("docs[0] = %v %v, want [0 1] [%v %v]", d.idx, d.val, wf/norm, ws/norm)
	}
	if d := m.docs[1]; !slices.Equal(d.idx, []int32{0}) || math.Abs(d.val[0]-1) > tol {
		t.Errorf("docs[1] = %v %v, want [0] [1]", d.idx, d.val)
	}
	if d := m.docs[2]; len(d.idx) != 0 {
		t.Errorf("docs[2] = %v, want empty", d.idx)
	}
}

func TestTopicStemKeep(t *testing.T) {
	for _, w := range []string{"series", "species", "analysis", "class", "process", "gas", "bias", "news"} {
		if got := topicStem(w); got != w {
			t.Errorf("topicStem(%q) = %q, want it unchanged", w, got)
		}
	}
}

func TestTopicBigrams(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"adjacent", "generative flow networks", []string{"generativ flow", "flow network"}},
		{"stop word breaks", "flow of networks", nil},
		{"comma breaks", "flow, networks", nil},
		{"hyphen joins", "flow-networks", []string{"flow network"}},
		{"dropped short word breaks", "flow 3D networks", nil},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			var got []string
			for _, b := range topicBigrams(topicTokenize(test.text)) {
				got = append(got, b.stem)
			}
			if !slices.Equal(got, test.want) {
				t.Errorf("topicBigrams(%q) = %q, want %q", test.text, got, test.want)
			}
		})
	}
}
