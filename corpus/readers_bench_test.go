package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coauthor/coauthor/internal/synth"
)

// The reader benchmarks read generated files of some hundred megabytes:
// run them one at a time with -benchtime=1x. Each reports the input rate
// (b.SetBytes), the papers read and the peak of the in-use heap sampled
// every 10 ms. The files come from internal/synth (seed 1), written to
// b.TempDir() before the timer starts.

// benchSample samples the in-use heap until stopped and returns its peak.
func benchSample() (stop func() uint64) {
	var (
		peak uint64
		mu   sync.Mutex
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapInuse)
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		sample()
		return peak
	}
}

// benchFile writes a file with write and returns its path and size.
func benchFile(b *testing.B, name string, write func(w io.Writer) error) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		b.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, st.Size()
}

// benchRead reads path b.N times and reports the rate, the papers and
// the peak heap in use.
func benchRead(b *testing.B, path string, size int64, format string) {
	b.Helper()
	runtime.GC()
	b.SetBytes(size)
	b.ReportAllocs()
	stop := benchSample()
	papers := 0
	for b.Loop() {
		res, err := Read(path, &Options{Format: format})
		if err != nil {
			b.Fatal(err)
		}
		papers = len(res.Papers)
	}
	peak := stop()
	b.ReportMetric(float64(papers), "papers")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(size)/(1<<20), "file-MiB")
}

// synthEach calls f for each of n synthetic papers.
func synthEach(n int, f func(i int, p *synth.Paper) error) error {
	g := synth.New(synth.Config{Papers: n, Seed: 1})
	var p synth.Paper
	for i := 0; g.Next(&p); i++ {
		if err := f(i, &p); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkReadDBLP reads dblp XML of 250k and 1M papers (about 60 and
// 250 MB); the two sizes give the heap per paper kept.
func BenchmarkReadDBLP(b *testing.B) {
	for _, n := range []int{250_000, 1_000_000} {
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			path, size := benchFile(b, "dblp.xml", func(w io.Writer) error {
				_, err := synth.WriteDBLP(w, synth.Config{Papers: n, Seed: 1})
				return err
			})
			benchRead(b, path, size, "dblp")
		})
	}
}

// BenchmarkReadDBLPKept reads the dblp XML of 1M records of which only
// one in four is a paper: the others are <www> person records, which the
// reader skips. Its peak heap against that of the 250k-paper file shows
// whether memory follows the papers kept or the size of the file.
func BenchmarkReadDBLPKept(b *testing.B) {
	path, size := benchFile(b, "dblp.xml", func(w io.Writer) error {
		pr, pw := io.Pipe()
		go func() {
			_, err := synth.WriteDBLP(pw, synth.Config{Papers: 1_000_000, Seed: 1})
			pw.CloseWithError(err)
		}()
		sc := bufio.NewScanner(pr)
		rec := 0
		www := false
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "<inproceedings "):
				rec++
				if www = rec%4 != 0; www {
					line = "<www " + strings.TrimPrefix(line, "<inproceedings ")
				}
			case line == "</inproceedings>" && www:
				line = "</www>"
			}
			if _, err := io.WriteString(w, line+"\n"); err != nil {
				return err
			}
		}
		return sc.Err()
	})
	benchRead(b, path, size, "dblp")
}

// BenchmarkReadOpenAlex reads about 200 MB of OpenAlex works as JSON
// Lines, with author and institution IDs, ORCIDs and abstracts.
func BenchmarkReadOpenAlex(b *testing.B) {
	path, size := benchFile(b, "works.jsonl", func(w io.Writer) error {
		return synthEach(100_000, func(i int, p *synth.Paper) error {
			return writeOpenAlexWork(w, i, p)
		})
	})
	benchRead(b, path, size, "openalex")
}

// benchAbstract is the text from which abstracts are drawn.
var benchAbstract = strings.Fields(`we study the structure of collaboration
networks built from bibliographic records and show that the degree
distribution follows a heavy tail while communities found by modularity
optimisation match research groups; experiments on large corpora confirm
the model and give bounds on the error of sampled centrality estimates
for graphs with millions of nodes and edges in near linear time`)

func writeOpenAlexWork(w io.Writer, i int, p *synth.Paper) error {
	type inst struct {
		ID          string `json:"id"`
		DisplayName string `json:"display_name"`
		ROR         string `json:"ror"`
		CountryCode string `json:"country_code"`
	}
	type authorship struct {
		Position string `json:"author_position"`
		Author   struct {
			ID          string `json:"id"`
			DisplayName string `json:"display_name"`
			ORCID       string `json:"orcid"`
		} `json:"author"`
		Institutions []inst `json:"institutions"`
		RawName      string `json:"raw_author_name"`
	}
	type source struct {
		DisplayName string `json:"display_name"`
	}
	type work struct {
		ID              string            `json:"id"`
		DOI             string            `json:"doi"`
		Title           string            `json:"title"`
		DisplayName     string            `json:"display_name"`
		PublicationYear int               `json:"publication_year"`
		PublicationDate string            `json:"publication_date"`
		Authorships     []authorship      `json:"authorships"`
		PrimaryLocation map[string]source `json:"primary_location"`
		Abstract        map[string][]int  `json:"abstract_inverted_index"`
		CitedByCount    int               `json:"cited_by_count"`
		Concepts        []map[string]any  `json:"concepts"`
	}
	wk := work{
		ID:              fmt.Sprintf("https://openalex.org/W%d", 2000000000+i),
		DOI:             fmt.Sprintf("https://doi.org/10.5555/synth.%d", i),
		Title:           p.Title,
		DisplayName:     p.Title,
		PublicationYear: p.Year,
		PublicationDate: fmt.Sprintf("%d-%02d-%02d", p.Year, 1+i%12, 1+i%28),
		PrimaryLocation: map[string]source{"source": {DisplayName: p.Venue}},
		Abstract:        map[string][]int{},
		CitedByCount:    i % 97,
		Concepts: []map[string]any{
			{"id": "https://openalex.org/C41008148", "display_name": "Computer science", "score": 0.8},
			{"id": "https://openalex.org/C80444323", "display_name": "Theoretical computer science", "score": 0.4},
		},
	}
	for k, name := range p.Authors {
		var a authorship
		a.Position = "middle"
		if k == 0 {
			a.Position = "first"
		}
		h := 0
		for _, c := range name {
			h = h*31 + int(c)
		}
		h &= 1<<30 - 1
		a.Author.ID = fmt.Sprintf("https://openalex.org/A%d", 5000000000+h)
		a.Author.DisplayName = name
		a.Author.ORCID = fmt.Sprintf("https://orcid.org/0000-000%d-%04d-%04d", h%10, h/10%10000, h/100000%10000)
		a.RawName = name
		a.Institutions = []inst{{
			ID:          fmt.Sprintf("https://openalex.org/I%d", h%5000),
			DisplayName: fmt.Sprintf("University of Synthesis %d", h%5000),
			ROR:         fmt.Sprintf("https://ror.org/0%08d", h%5000),
			CountryCode: "DE",
		}}
		wk.Authorships = append(wk.Authorships, a)
	}
	for k := range 120 {
		word := benchAbstract[(i+k*7)%len(benchAbstract)]
		wk.Abstract[word] = append(wk.Abstract[word], k)
	}
	line, err := json.Marshal(&wk)
	if err != nil {
		return err
	}
	_, err = w.Write(append(line, '\n'))
	return err
}

// benchBibPapers is the number of papers of the BibTeX, RIS and PubMed
// files: about 50 MB each.
const benchBibPapers = 200_000

// BenchmarkReadBibTeX reads about 50 MB of BibTeX.
func BenchmarkReadBibTeX(b *testing.B) {
	path, size := benchFile(b, "refs.bib", func(w io.Writer) error {
		return synthEach(benchBibPapers, func(i int, p *synth.Paper) error {
			_, err := fmt.Fprintf(w, "@inproceedings{p%d,\n  author    = {%s},\n  title     = {%s},\n"+
				"  booktitle = {%s},\n  year      = %d,\n  doi       = {10.5555/synth.%d},\n}\n\n",
				i, strings.Join(p.Authors, " and "), p.Title, p.Venue, p.Year, i)
			return err
		})
	})
	benchRead(b, path, size, "bibtex")
}

// BenchmarkReadRIS reads about 50 MB of RIS.
func BenchmarkReadRIS(b *testing.B) {
	path, size := benchFile(b, "refs.ris", func(w io.Writer) error {
		return synthEach(benchBibPapers, func(i int, p *synth.Paper) error {
			var s strings.Builder
			s.WriteString("TY  - CONF\n")
			for _, a := range p.Authors {
				s.WriteString("AU  - " + a + "\n")
			}
			fmt.Fprintf(&s, "TI  - %s\nT2  - %s\nPY  - %d\nDO  - 10.5555/synth.%d\nID  - p%d\nER  - \n\n",
				p.Title, p.Venue, p.Year, i, i)
			_, err := io.WriteString(w, s.String())
			return err
		})
	})
	benchRead(b, path, size, "ris")
}

// BenchmarkReadPubMed reads about 50 MB of PubMed (MEDLINE) records.
func BenchmarkReadPubMed(b *testing.B) {
	path, size := benchFile(b, "refs.nbib", func(w io.Writer) error {
		return synthEach(benchBibPapers, func(i int, p *synth.Paper) error {
			var s strings.Builder
			fmt.Fprintf(&s, "PMID- %d\nTI  - %s\nDP  - %d\n", 30000000+i, p.Title, p.Year)
			for _, a := range p.Authors {
				s.WriteString("FAU - " + a + "\n")
			}
			fmt.Fprintf(&s, "JT  - %s\nLID - 10.5555/synth.%d [doi]\n\n", p.Venue, i)
			_, err := io.WriteString(w, s.String())
			return err
		})
	})
	benchRead(b, path, size, "pubmed")
}
