package corpus

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// webFuzz runs a reader on fuzzed input in strict and lenient mode and
// fails when it panics (the fuzzer reports that) or takes longer than a
// second on inputs this small.
func webFuzz(f *testing.F, read readerFunc, seeds []string, snippets ...string) {
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 8<<10 {
			data = data[:8<<10]
		}
		f.Add(data)
	}
	for _, s := range snippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lenient := range []bool{false, true} {
			start := time.Now()
			res, err := read(bytes.NewReader(data), "fuzz", &Options{Lenient: lenient})
			if err == nil && res == nil {
				t.Fatal("nil result without an error")
			}
			if d := time.Since(start); d > time.Second {
				t.Fatalf("took %v on %d bytes", d, len(data))
			}
		}
	})
}

func FuzzDBLP(f *testing.F) {
	webFuzz(f, readDBLP, []string{"../testdata/dblp/dataanalysis-dblp-2017-extract.xml"},
		dblpRecordA, dblpRecordB, "<dblp>"+dblpRecordA+"</dblp>")
}

func FuzzOpenAlex(f *testing.F) {
	webFuzz(f, readOpenAlex, []string{"../testdata/openalex/openalexpro-keypaper-results_page_2-empty.json"},
		openalexWorkA, openalexWorkA+"\n"+openalexWorkA+"\n", `{"meta":{},"results":[`+openalexWorkA+`]}`)
}

func FuzzArXiv(f *testing.F) {
	webFuzz(f, readArXiv, []string{"../testdata/arxiv/arxivpy-2026-error-id_abc.xml",
		"../testdata/arxiv/arxivpy-2016-id_list-1111.2011v2.xml"}, arxivFeed)
}

func FuzzORCID(f *testing.F) {
	webFuzz(f, readORCID, []string{"../testdata/orcid/orcid-work-full-3.0.xml",
		"../testdata/orcid/orcid-bulk-works-3-works-3.0.json"}, orcidWorksXML)
}
