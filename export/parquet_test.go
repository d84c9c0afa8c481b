package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// parquetColumn is a column as a reader sees it in the file's schema.
type parquetColumn struct {
	name     string
	kind     parquet.Kind
	optional bool
}

var parquetNodeColumns = []parquetColumn{
	{"id", parquet.Int64, false}, {"name", parquet.ByteArray, false},
	{"papers", parquet.Int64, false}, {"first_year", parquet.Int32, true},
	{"last_year", parquet.Int32, true}, {"affiliations", parquet.ByteArray, false},
	{"degree", parquet.Int64, false}, {"strength", parquet.Double, true},
	{"betweenness", parquet.Double, true}, {"closeness", parquet.Double, true},
	{"harmonic", parquet.Double, true}, {"eigenvector", parquet.Double, true},
	{"pagerank", parquet.Double, true}, {"core", parquet.Int64, true},
	{"component", parquet.Int64, true}, {"community", parquet.Int64, true},
	{"topic", parquet.Int64, true}, {"clustering", parquet.Double, true},
	{"effective_size", parquet.Double, true}, {"efficiency", parquet.Double, true},
	{"constraint", parquet.Double, true},
}

var parquetEdgeColumns = []parquetColumn{
	{"src", parquet.Int64, false}, {"dst", parquet.Int64, false},
	{"weight", parquet.Double, false}, {"distance", parquet.Double, false},
	{"joint_papers", parquet.Int64, false}, {"papers", parquet.ByteArray, false},
}

// openParquet opens the file in b and checks what every file of this
// package holds: the schema's columns, created_by, no key-value
// metadata, Snappy pages and a name that Spark reads as text for each
// byte array column.
func openParquet(t *testing.T, b []byte, want []parquetColumn) *parquet.File {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("OpenFile: %v", err)
	}
	var got []parquetColumn
	for _, fd := range f.Schema().Fields() {
		got = append(got, parquetColumn{fd.Name(), fd.Type().Kind(), fd.Optional()})
		if fd.Type().Kind() == parquet.ByteArray {
			if lt := fd.Type().LogicalType(); lt == nil || lt.UTF8 == nil {
				t.Errorf("column %s has logical type %v, want STRING", fd.Name(), lt)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("columns = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	md := f.Metadata()
	if md.CreatedBy != "coauthor" || len(md.KeyValueMetadata) != 0 {
		t.Errorf("created_by = %q, key-value metadata %v; want \"coauthor\" and none",
			md.CreatedBy, md.KeyValueMetadata)
	}
	for _, rg := range md.RowGroups {
		for _, cc := range rg.Columns {
			checkColumnChunk(t, b, &cc.MetaData)
		}
	}
	return f
}

// checkColumnChunk checks that a column chunk is Snappy-compressed, in
// PLAIN encoding (RLE for the definition levels) and starts with a data
// page of version 1.
func checkColumnChunk(t *testing.T, b []byte, m *format.ColumnMetaData) {
	t.Helper()
	if m.Codec != format.Snappy {
		t.Errorf("column %v has codec %v, want SNAPPY", m.PathInSchema, m.Codec)
	}
	for _, e := range m.Encoding {
		if e != format.Plain && e != format.RLE {
			t.Errorf("column %v has encoding %v, want PLAIN and RLE only", m.PathInSchema, e)
		}
	}
	var h format.PageHeader
	r := new(thrift.CompactProtocol).NewReader(bytes.NewReader(b[m.DataPageOffset:]))
	if err := thrift.NewDecoder(r).Decode(&h); err != nil {
		t.Fatalf("column %v: page header: %v", m.PathInSchema, err)
	}
	if h.Type != format.DataPage || h.DataPageHeader == nil {
		t.Errorf("column %v starts with a %v page, want DATA_PAGE", m.PathInSchema, h.Type)
	} else if e := h.DataPageHeader.Encoding; e != format.Plain {
		t.Errorf("column %v starts with a page in %v, want PLAIN", m.PathInSchema, e)
	}
}

// readCSV returns the rows of a CSV table without its header.
func readCSV(t *testing.T, write func(*bytes.Buffer) error) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

// pqInt, pqInt32 and pqFloat render a Parquet cell as the CSV tables
// write it: null as an empty cell.
func pqInt(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

func pqInt32(p *int32) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(int64(*p), 10)
}

func pqFloat(p *float64) string {
	if p == nil {
		return ""
	}
	return formatFloat(*p)
}

// authorsCSVRow renders a node row in the column order of authors.csv.
// Text goes through spreadsheetSafe as in the CSV; the CSV's NaN cells
// are nulls in Parquet, so the caller maps "NaN" to "".
func authorsCSVRow(r parquetNode) []string {
	return []string{strconv.FormatInt(r.ID, 10), SpreadsheetSafe(r.Name),
		strconv.FormatInt(r.Papers, 10), pqInt32(r.FirstYear), pqInt32(r.LastYear),
		SpreadsheetSafe(r.Affiliations), strconv.FormatInt(r.Degree, 10), pqFloat(r.Strength),
		pqFloat(r.Betweenness), pqFloat(r.Closeness), pqFloat(r.Harmonic),
		pqFloat(r.Eigenvector), pqFloat(r.PageRank), pqInt(r.Core), pqFloat(r.Clustering),
		pqInt(r.Component), pqInt(r.Community), pqInt(r.Topic), pqFloat(r.EffectiveSize),
		pqFloat(r.Efficiency), pqFloat(r.Constraint)}
}

// parquetAnalyses are the fixtures the Parquet tests run on: the export
// fixture, the same without measures, and one with Burt's measures, NaN
// for the isolated author 2.
func parquetAnalyses(t *testing.T) []struct {
	name string
	a    *Analysis
} {
	bare := testAnalysis(t)
	bare.Centrality, bare.Communities, bare.Topics = nil, nil, nil
	burt := testAnalysis(t)
	nan := math.NaN()
	burt.Centrality.EffectiveSize = []float64{3.5, 1, nan, 2, 2.25, 1}
	burt.Centrality.Efficiency = []float64{0.875, 0.5, nan, 2.0 / 3, 0.75, 0.5}
	burt.Centrality.Constraint = []float64{0.4, 0.9, nan, 0.55, 0.6, 0.95}
	return []struct {
		name string
		a    *Analysis
	}{
		{"fixture", testAnalysis(t)},
		{"no measures", bare},
		{"burt", burt},
	}
}

func TestParquetNodes(t *testing.T) {
	for _, test := range parquetAnalyses(t) {
		t.Run(test.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := ParquetNodes(&b, test.a); err != nil {
				t.Fatal(err)
			}
			f := openParquet(t, b.Bytes(), parquetNodeColumns)
			want := readCSV(t, func(w *bytes.Buffer) error { return AuthorsCSV(w, test.a) })
			if n := f.NumRows(); n != int64(len(want)) {
				t.Fatalf("NumRows() = %d, want %d (authors.csv rows)", n, len(want))
			}
			rows, err := parquet.Read[parquetNode](bytes.NewReader(b.Bytes()), int64(b.Len()))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(want) {
				t.Fatalf("read %d rows, want %d", len(rows), len(want))
			}
			for i, r := range rows {
				got := authorsCSVRow(r)
				for j, cell := range want[i] {
					if cell == "NaN" {
						cell = ""
					}
					if got[j] != cell {
						t.Errorf("row %d column %d = %q, want %q (authors.csv)", i, j, got[j], cell)
					}
				}
			}
		})
	}
}

func TestParquetEdges(t *testing.T) {
	for _, test := range parquetAnalyses(t) {
		t.Run(test.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := ParquetEdges(&b, test.a); err != nil {
				t.Fatal(err)
			}
			f := openParquet(t, b.Bytes(), parquetEdgeColumns)
			want := readCSV(t, func(w *bytes.Buffer) error { return EdgesCSV(w, test.a) })
			if n := f.NumRows(); n != int64(len(want)) {
				t.Fatalf("NumRows() = %d, want %d (edges.csv rows)", n, len(want))
			}
			rows, err := parquet.Read[parquetEdge](bytes.NewReader(b.Bytes()), int64(b.Len()))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(want) {
				t.Fatalf("read %d rows, want %d", len(rows), len(want))
			}
			for i, r := range rows {
				// edges.csv: source_id, target_id, source, target, weight,
				// distance, joint_papers, papers.
				got := []string{strconv.FormatInt(r.Src, 10), strconv.FormatInt(r.Dst, 10),
					formatFloat(r.Weight), formatFloat(r.Distance),
					strconv.FormatInt(r.JointPapers, 10), SpreadsheetSafe(r.Papers)}
				w := want[i]
				w = []string{w[0], w[1], w[4], w[5], w[6], w[7]}
				for j := range w {
					if got[j] != w[j] {
						t.Errorf("row %d column %s = %q, want %q (edges.csv)",
							i, parquetEdgeColumns[j].name, got[j], w[j])
					}
				}
			}
		})
	}
}

// TestParquetFixtureValues checks a few cells against the fixture by
// hand, so that a fault shared with the CSV writers cannot hide: the
// values are those testAnalysis sets, and edge 1-3 is the pair with two
// joint papers, p1 and p5.
func TestParquetFixtureValues(t *testing.T) {
	a := testAnalysis(t)
	var nb, eb bytes.Buffer
	if err := ParquetNodes(&nb, a); err != nil {
		t.Fatal(err)
	}
	if err := ParquetEdges(&eb, a); err != nil {
		t.Fatal(err)
	}
	nodes, err := parquet.Read[parquetNode](bytes.NewReader(nb.Bytes()), int64(nb.Len()))
	if err != nil {
		t.Fatal(err)
	}
	edges, err := parquet.Read[parquetEdge](bytes.NewReader(eb.Bytes()), int64(eb.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 6 || len(edges) != 7 {
		t.Fatalf("read %d nodes and %d edges, want 6 and 7", len(nodes), len(edges))
	}
	lone := nodes[2]
	if lone.Name != "Lone\nAuthor [x]_y `z`" || lone.FirstYear != nil || lone.Topic != nil {
		t.Errorf("node 2 = name %q, first_year %v, topic %v; want the renamed lone author, null, null",
			lone.Name, lone.FirstYear, lone.Topic)
	}
	if r := nodes[3]; r.Name != `O"Brien` || r.Papers != 3 || pqInt32(r.FirstYear) != "2019" ||
		pqInt32(r.LastYear) != "2021" || pqFloat(r.PageRank) != "0.25" || pqInt(r.Community) != "1" {
		t.Errorf("node 3 = %q papers %d years %s-%s pagerank %s community %s;"+
			" want O\"Brien, 3, 2019-2021, 0.25, 1", r.Name, r.Papers, pqInt32(r.FirstYear),
			pqInt32(r.LastYear), pqFloat(r.PageRank), pqInt(r.Community))
	}
	e := edges[4]
	if e.Src != 1 || e.Dst != 3 || e.Weight != 2 || e.Distance != 0.5 ||
		e.JointPapers != 2 || e.Papers != "p1; p5" {
		t.Errorf("edge 4 = %+v, want 1-3 weight 2 distance 0.5 joint 2 papers \"p1; p5\"", e)
	}
}

func TestParquetDeterministic(t *testing.T) {
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer, *Analysis) error
	}{
		{"nodes", func(b *bytes.Buffer, a *Analysis) error { return ParquetNodes(b, a) }},
		{"edges", func(b *bytes.Buffer, a *Analysis) error { return ParquetEdges(b, a) }},
	} {
		t.Run(w.name, func(t *testing.T) {
			var b1, b2 bytes.Buffer
			if err := w.write(&b1, testAnalysis(t)); err != nil {
				t.Fatal(err)
			}
			if err := w.write(&b2, testAnalysis(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Errorf("two writes differ: %d and %d bytes", b1.Len(), b2.Len())
			}
		})
	}
}

// TestParquetRowGroups lowers the row group size to two rows and the
// batch to four, and checks that six nodes make three row groups that
// read back as the rows of one batch and one row group do.
func TestParquetRowGroups(t *testing.T) {
	var one bytes.Buffer
	if err := ParquetNodes(&one, testAnalysis(t)); err != nil {
		t.Fatal(err)
	}
	want, err := parquet.Read[parquetNode](bytes.NewReader(one.Bytes()), int64(one.Len()))
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int64, m int) { parquetRowGroup, parquetBatch = n, m }(parquetRowGroup, parquetBatch)
	parquetRowGroup, parquetBatch = 2, 4
	var b bytes.Buffer
	if err := ParquetNodes(&b, testAnalysis(t)); err != nil {
		t.Fatal(err)
	}
	f := openParquet(t, b.Bytes(), parquetNodeColumns)
	var sizes []int64
	for _, rg := range f.Metadata().RowGroups {
		sizes = append(sizes, rg.NumRows)
	}
	if len(sizes) != 3 || sizes[0] != 2 || sizes[1] != 2 || sizes[2] != 2 {
		t.Errorf("row group sizes = %v, want [2 2 2]", sizes)
	}
	rows, err := parquet.Read[parquetNode](bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows differ from those of one batch and row group:\ngot  %+v\nwant %+v", rows, want)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errFail = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errFail }

func TestParquetErrors(t *testing.T) {
	a := testAnalysis(t)
	for _, test := range []struct {
		name  string
		write func() error
		want  error
	}{
		{"nodes, no graph", func() error { return ParquetNodes(&bytes.Buffer{}, &Analysis{}) }, errNoGraph},
		{"edges, no graph", func() error { return ParquetEdges(&bytes.Buffer{}, &Analysis{}) }, errNoGraph},
		{"nodes, write fails", func() error { return ParquetNodes(failWriter{}, a) }, errFail},
		{"edges, write fails", func() error { return ParquetEdges(failWriter{}, a) }, errFail},
	} {
		t.Run(test.name, func(t *testing.T) {
			if err := test.write(); !errors.Is(err, test.want) {
				t.Errorf("error = %v, want %v", err, test.want)
			}
		})
	}
}
