// Command parquetcheck reads the Parquet tables that `coauthor graph
// --format parquet-nodes|parquet-edges` writes with Apache Arrow's Go
// library (its Parquet file reader and pqarrow, the Parquet-to-Arrow
// mapping) and checks them against what Spark GraphFrames needs and
// against the CSV files of the same analysis.
//
// Usage:
//
//	go run . --nodes nodes.parquet --authors-csv authors.csv \
//	         --edges edges.parquet --edges-csv edges.csv
//
// For each table it prints the Arrow schema, then checks
//
//   - the columns: names, order, Arrow types and nullability as
//     export/parquet.go documents them, only types that Spark maps
//     directly (int64, int32, float64, utf8), and names free of the
//     characters Spark refuses in Parquet column names;
//   - the footer: created_by "coauthor", no key-value metadata, the
//     converted type of each column (UTF8, INT_64, INT_32) for readers
//     that know no logical types, the row count against the row groups
//     and the rows read, every column chunk compressed with Snappy, and
//     every page decompressed and walked: data pages of version 1 in
//     PLAIN encoding, as many values as the chunk declares;
//   - GraphFrames: id unique; src and dst ids of nodes.parquet, src < dst;
//   - the values: every row and cell against authors.csv or edges.csv,
//     columns matched by the CSV header.
//
// The CSV files hold doubles rounded to 10 significant digits (see
// formatFloat in export/csv.go), so a double is compared by formatting it
// with that rule and comparing the text exactly. A null in Parquet must be
// an empty CSV cell, or "NaN" in a double column (the Parquet writer
// stores NaN as null). Strings are compared after the leading apostrophe
// that the CSV writer puts before text starting with = + - @ tab or CR.
//
// It prints one PASS or FAIL line per table and exits 1 if any table
// fails, 2 on a usage error.
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/apache/arrow-go/v18/parquet/schema"
)

// arrowModule is the module path whose version the PASS and FAIL lines
// name.
const arrowModule = "github.com/apache/arrow-go/v18"

// maxRowGroup is the largest row group export/parquet.go writes.
const maxRowGroup = 1 << 20

// sparkBadChars are the characters Spark refuses in a Parquet column
// name.
const sparkBadChars = " ,;{}()\n\t="

// column is one column of a table as export/parquet.go documents it.
type column struct {
	name     string
	typ      arrow.Type
	nullable bool
	csv      string // header of the matching CSV column
}

// nodeColumns are the columns of nodes.parquet in order.
var nodeColumns = []column{
	{"id", arrow.INT64, false, "id"},
	{"name", arrow.STRING, false, "name"},
	{"papers", arrow.INT64, false, "papers"},
	{"first_year", arrow.INT32, true, "first_year"},
	{"last_year", arrow.INT32, true, "last_year"},
	{"affiliations", arrow.STRING, false, "affiliations"},
	{"degree", arrow.INT64, false, "degree"},
	{"strength", arrow.FLOAT64, true, "strength"},
	{"betweenness", arrow.FLOAT64, true, "betweenness"},
	{"closeness", arrow.FLOAT64, true, "closeness"},
	{"harmonic", arrow.FLOAT64, true, "harmonic"},
	{"eigenvector", arrow.FLOAT64, true, "eigenvector"},
	{"pagerank", arrow.FLOAT64, true, "pagerank"},
	{"core", arrow.INT64, true, "core"},
	{"component", arrow.INT64, true, "component"},
	{"community", arrow.INT64, true, "community"},
	{"topic", arrow.INT64, true, "topic"},
	{"clustering", arrow.FLOAT64, true, "clustering"},
	{"effective_size", arrow.FLOAT64, true, "effective_size"},
	{"efficiency", arrow.FLOAT64, true, "efficiency"},
	{"constraint", arrow.FLOAT64, true, "constraint"},
}

// edgeColumns are the columns of edges.parquet in order.
var edgeColumns = []column{
	{"src", arrow.INT64, false, "source_id"},
	{"dst", arrow.INT64, false, "target_id"},
	{"weight", arrow.FLOAT64, false, "weight"},
	{"distance", arrow.FLOAT64, false, "distance"},
	{"joint_papers", arrow.INT64, false, "joint_papers"},
	{"papers", arrow.STRING, false, "papers"},
}

// sparkTypes are the Arrow types a column may have.
var sparkTypes = map[arrow.Type]bool{
	arrow.INT64: true, arrow.INT32: true, arrow.FLOAT64: true, arrow.STRING: true,
}

// problems collects the mismatches found in one table, keeping the
// first few messages and counting the rest.
type problems struct {
	msgs []string
	n    int
}

// keep is how many messages a problems keeps.
const keep = 8

// add records a mismatch.
func (p *problems) add(format string, args ...any) {
	p.n++
	if len(p.msgs) < keep {
		p.msgs = append(p.msgs, fmt.Sprintf(format, args...))
	}
}

// String joins the kept messages and says how many more there were.
func (p *problems) String() string {
	s := strings.Join(p.msgs, "; ")
	if p.n > len(p.msgs) {
		s += fmt.Sprintf(" (and %d more)", p.n-len(p.msgs))
	}
	return s
}

// footer is what the footer and page walk of a file found.
type footer struct {
	rows      int64
	rowGroups int
	dataPages int
}

// String describes f for a PASS line.
func (f footer) String() string {
	return fmt.Sprintf("%s, %d data page%s (Snappy, PLAIN, v1), created_by coauthor",
		plural(f.rowGroups, "row group"), f.dataPages, plural1(f.dataPages))
}

// plural returns n and word, with an s unless n is 1.
func plural(n int, word string) string {
	return fmt.Sprintf("%d %s%s", n, word, plural1(n))
}

// plural1 returns "s" unless n is 1.
func plural1(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// checkFooter checks the file metadata of r and walks every page of
// every column chunk, which decompresses it.
func checkFooter(r *file.Reader, p *problems) footer {
	md := r.MetaData()
	f := footer{rows: r.NumRows(), rowGroups: r.NumRowGroups()}
	if cb := md.GetCreatedBy(); cb != "coauthor" {
		p.add("created_by %q, want \"coauthor\"", cb)
	}
	if kv := md.KeyValueMetadata(); kv.Len() != 0 {
		p.add("key-value metadata %v, want none", kv.Keys())
	}
	// Readers before the logical types of Parquet 2.4 (Spark 2, parquet-mr
	// before 1.11) know a column's meaning only from its converted type.
	legacy := map[parquet.Type]schema.ConvertedType{
		parquet.Types.ByteArray: schema.ConvertedTypes.UTF8,
		parquet.Types.Int64:     schema.ConvertedTypes.Int64,
		parquet.Types.Int32:     schema.ConvertedTypes.Int32,
		parquet.Types.Double:    schema.ConvertedTypes.None,
	}
	for i := 0; i < md.Schema.NumColumns(); i++ {
		col := md.Schema.Column(i)
		if want, ok := legacy[col.PhysicalType()]; !ok || col.ConvertedType() != want {
			p.add("column %s: %s with converted type %s, want it annotated for readers without logical types",
				col.Name(), col.PhysicalType(), col.ConvertedType())
		}
	}
	if f.rowGroups == 0 && f.rows != 0 {
		p.add("%d rows in the footer but no row group", f.rows)
	}
	var sum int64
	for g := 0; g < f.rowGroups; g++ {
		rg := r.RowGroup(g)
		n := rg.NumRows()
		sum += n
		if n > maxRowGroup {
			p.add("row group %d holds %d rows, more than %d", g, n, maxRowGroup)
		}
		for c := 0; c < rg.NumColumns(); c++ {
			f.dataPages += checkChunk(rg, g, c, p)
		}
	}
	if sum != f.rows {
		p.add("row groups hold %d rows, the footer says %d", sum, f.rows)
	}
	return f
}

// checkChunk checks the codec of column chunk c of row group g and reads
// its pages, returning the number of data pages.
func checkChunk(rg *file.RowGroupReader, g, c int, p *problems) int {
	cc, err := rg.MetaData().ColumnChunk(c)
	if err != nil {
		p.add("row group %d column %d: %v", g, c, err)
		return 0
	}
	name := cc.PathInSchema().String()
	if cc.Compression() != compress.Codecs.Snappy {
		p.add("column %s in row group %d compressed with %v, want SNAPPY", name, g, cc.Compression())
	}
	pr, err := rg.GetColumnPageReader(c)
	if err != nil {
		p.add("column %s in row group %d: %v", name, g, err)
		return 0
	}
	defer pr.Close()
	pages := 0
	var values int64
	for pr.Next() {
		pg := pr.Page()
		switch pg.Type() {
		case file.PageTypeDataPage:
			pages++
			values += int64(pg.NumValues())
			if enc := pg.Encoding(); enc.String() != "PLAIN" {
				p.add("column %s in row group %d: data page %d in %v encoding, want PLAIN", name, g, pages, enc)
			}
			if dp, ok := pg.(file.DataPage); ok && int(dp.UncompressedSize()) != len(pg.Data()) {
				p.add("column %s in row group %d: data page %d decompressed to %d bytes, header says %d",
					name, g, pages, len(pg.Data()), dp.UncompressedSize())
			}
		case file.PageTypeDataPageV2:
			pages++
			values += int64(pg.NumValues())
			p.add("column %s in row group %d: data page %d of version 2, want version 1", name, g, pages)
		default:
			p.add("column %s in row group %d: a %v, want data pages only (PLAIN, no dictionary)", name, g, pg.Type())
		}
		// The page reader releases each page itself on the next call.
	}
	if err := pr.Err(); err != nil {
		p.add("column %s in row group %d: page %d unreadable: %v", name, g, pages+1, err)
	}
	if values != cc.NumValues() {
		p.add("column %s in row group %d: pages hold %d values, the chunk says %d", name, g, values, cc.NumValues())
	}
	return pages
}

// printSchema prints the fields of s, one a line, with their Arrow types
// and nullability.
func printSchema(name string, s *arrow.Schema) {
	fmt.Printf("Arrow schema of %s (%d fields):\n", name, s.NumFields())
	for _, f := range s.Fields() {
		null := "not null"
		if f.Nullable {
			null = "nullable"
		}
		fmt.Printf("  %-15s %-8v %s\n", f.Name, f.Type, null)
	}
}

// checkSchema checks the Arrow schema that pqarrow derives against want.
func checkSchema(s *arrow.Schema, want []column, p *problems) {
	fields := s.Fields()
	if len(fields) != len(want) {
		names := make([]string, len(fields))
		for i, f := range fields {
			names[i] = f.Name
		}
		p.add("%d columns %v, want %d", len(fields), names, len(want))
	}
	for i, f := range fields {
		if strings.ContainsAny(f.Name, sparkBadChars) {
			p.add("column name %q holds a character Spark refuses (one of %q)", f.Name, sparkBadChars)
		}
		if !sparkTypes[f.Type.ID()] {
			p.add("column %s is %v, not one of int64, int32, float64, utf8", f.Name, f.Type)
		}
		if i >= len(want) {
			continue
		}
		w := want[i]
		if f.Name != w.name {
			p.add("column %d is %q, want %q", i, f.Name, w.name)
		}
		if f.Type.ID() != w.typ {
			p.add("column %s is %v, want %v", f.Name, f.Type, w.typ)
		}
		if f.Nullable != w.nullable {
			p.add("column %s nullable=%v, want %v", f.Name, f.Nullable, w.nullable)
		}
	}
}

// csvTable is a CSV file read one record at a time.
type csvTable struct {
	name string
	f    *os.File
	r    *csv.Reader
	col  map[string]int // header name to field index
}

// openCSV opens path and reads its header.
func openCSV(path string) (*csvTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	h, err := r.Read()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	t := &csvTable{name: filepath.Base(path), f: f, r: r, col: make(map[string]int, len(h))}
	for i, c := range h {
		t.col[c] = i
	}
	return t, nil
}

// next returns the next record, or nil at the end of the file.
func (t *csvTable) next() ([]string, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.name, err)
	}
	return rec, nil
}

// csvFloat formats x as export/csv.go writes a double: NaN, INF and -INF
// for the special values, 0 for either zero, otherwise the shortest form
// of at most 10 significant digits.
func csvFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "INF"
	case math.IsInf(x, -1):
		return "-INF"
	case x == 0:
		return "0"
	}
	return strconv.FormatFloat(x, 'g', 10, 64)
}

// csvText returns s as export/csv.go writes a cell: with a leading
// apostrophe when it starts with = + - @ tab or CR and is not a number.
func csvText(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// cell returns row i of arr as the CSV writer would write it, and
// whether it is null.
func cell(arr arrow.Array, i int) (string, bool) {
	if arr.IsNull(i) {
		return "", true
	}
	switch a := arr.(type) {
	case *array.Int64:
		return strconv.FormatInt(a.Value(i), 10), false
	case *array.Int32:
		return strconv.FormatInt(int64(a.Value(i)), 10), false
	case *array.Float64:
		return csvFloat(a.Value(i)), false
	case *array.String:
		return csvText(a.Value(i)), false
	}
	return fmt.Sprintf("<%v>", arr.DataType()), false
}

// table is one Parquet file to check with its CSV file.
type table struct {
	parquet, csv string
	cols         []column
	csvName      string // authors.csv or edges.csv, for messages
	keyCols      int    // leading columns that name a row in messages
}

// result is what reading a table found.
type result struct {
	foot    footer
	columns int
	rows    int64
	extra   []string // checks passed beyond the common ones, for the PASS line
	all     bool     // every row of the Parquet file was read
}

// nodeState is what the node table leaves for the edge table.
type nodeState struct {
	names map[int64]string // id to name as the CSV writes it
}

// check reads t with arrow-go and compares it with its CSV file. visit
// is called for every row with the batch and the CSV record, after the
// cells were compared.
func check(t table, p *problems, visit func(rec arrow.RecordBatch, i int, row []string)) (result, error) {
	var res result
	r, err := file.OpenParquetFile(t.parquet, false)
	if err != nil {
		return res, err
	}
	defer r.Close()
	fr, err := pqarrow.NewFileReader(r, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		return res, err
	}
	schema, err := fr.Schema()
	if err != nil {
		return res, err
	}
	printSchema(filepath.Base(t.parquet), schema)
	res.columns = schema.NumFields()
	checkSchema(schema, t.cols, p)
	badSchema := p.n > 0
	res.foot = checkFooter(r, p)
	if badSchema {
		// Values of columns whose names or types are wrong cannot be
		// matched to the CSV columns.
		return res, nil
	}

	ct, err := openCSV(t.csv)
	if err != nil {
		return res, err
	}
	defer ct.f.Close()
	idx := make([]int, len(t.cols))
	for j, c := range t.cols {
		k, ok := ct.col[c.csv]
		if !ok {
			return res, fmt.Errorf("%s has no column %q for %s", t.csvName, c.csv, c.name)
		}
		idx[j] = k
	}

	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return res, err
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.RecordBatch()
		if !batchTypes(rec, t.cols, p) {
			return res, nil
		}
		for i := 0; i < int(rec.NumRows()); i++ {
			row, err := ct.next()
			if err != nil {
				return res, err
			}
			if row == nil {
				p.add("%s ends after %d rows, the Parquet file has more", t.csvName, res.rows)
				return res, nil
			}
			for j, c := range t.cols {
				got, null := cell(rec.Column(j), i)
				want := row[idx[j]]
				switch {
				case null && (want == "" || want == "NaN" && c.typ == arrow.FLOAT64):
				case null:
					p.add("row %d (%s) %s: null, %s has %q", res.rows, rowKey(rec, i, t.keyCols), c.name, t.csvName, want)
				case got == "NaN":
					p.add("row %d (%s) %s: NaN stored, export/parquet.go writes NaN as null",
						res.rows, rowKey(rec, i, t.keyCols), c.name)
				case got != want:
					p.add("row %d (%s) %s: %q, %s has %q", res.rows, rowKey(rec, i, t.keyCols), c.name, got, t.csvName, want)
				}
			}
			if visit != nil {
				visit(rec, i, row)
			}
			res.rows++
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return res, err
	}
	res.all = true
	if row, err := ct.next(); err != nil {
		return res, err
	} else if row != nil {
		p.add("%s has more rows than the %d read from the Parquet file", t.csvName, res.rows)
	}
	if res.rows != res.foot.rows {
		p.add("%d rows read, the footer says %d", res.rows, res.foot.rows)
	}
	return res, nil
}

// batchTypes reports whether every column of rec has the Arrow type of
// cols, adding a problem for each that does not.
func batchTypes(rec arrow.RecordBatch, cols []column, p *problems) bool {
	ok := true
	for j, c := range cols {
		if dt := rec.Column(j).DataType(); dt.ID() != c.typ {
			p.add("column %s read as %v, want %v", c.name, dt, c.typ)
			ok = false
		}
	}
	return ok
}

// rowKey returns the first n columns of row i of rec, which name the
// row: "id 3" or "src 3, dst 7".
func rowKey(rec arrow.RecordBatch, i, n int) string {
	parts := make([]string, n)
	for j := range parts {
		v, _ := cell(rec.Column(j), i)
		parts[j] = rec.ColumnName(j) + " " + v
	}
	return strings.Join(parts, ", ")
}

// checkNodes checks the node table and returns the ids and names it
// holds, or nil when it could not be checked to its end.
func checkNodes(t table, p *problems) (result, *nodeState, error) {
	st := &nodeState{names: make(map[int64]string)}
	visit := func(rec arrow.RecordBatch, i int, row []string) {
		id := rec.Column(0).(*array.Int64).Value(i)
		if _, dup := st.names[id]; dup {
			p.add("id %d appears twice", id)
		}
		st.names[id] = csvText(rec.Column(1).(*array.String).Value(i))
	}
	res, err := check(t, p, visit)
	if err != nil || !res.all {
		return res, nil, err
	}
	res.extra = append(res.extra, fmt.Sprintf("%d ids, all unique", len(st.names)))
	return res, st, nil
}

// checkEdges checks the edge table; with nodes it also checks that every
// src and dst is an id of the node table and that edges.csv names the
// authors as the node table does. noNodes says why nodes is nil.
func checkEdges(t table, nodes *nodeState, noNodes string, p *problems) (result, error) {
	srcName, dstName := -1, -1
	ordered := true
	visit := func(rec arrow.RecordBatch, i int, row []string) {
		s := rec.Column(0).(*array.Int64).Value(i)
		d := rec.Column(1).(*array.Int64).Value(i)
		if s >= d {
			ordered = false
			p.add("edge (%d, %d): src not below dst", s, d)
		}
		if nodes == nil {
			return
		}
		for k, id := range [2]int64{s, d} {
			nm, ok := nodes.names[id]
			if !ok {
				p.add("edge (%d, %d): %d is no id of the node table", s, d, id)
				continue
			}
			col := [2]int{srcName, dstName}[k]
			if col >= 0 && row[col] != nm {
				p.add("edge (%d, %d): %s names %d %q, the node table %q", s, d, t.csvName, id, row[col], nm)
			}
		}
	}
	// The name columns of edges.csv are found before the rows are read.
	if ct, err := openCSV(t.csv); err == nil {
		if k, ok := ct.col["source"]; ok {
			srcName = k
		}
		if k, ok := ct.col["target"]; ok {
			dstName = k
		}
		ct.f.Close()
	}
	res, err := check(t, p, visit)
	if err != nil || p.n > 0 {
		return res, err
	}
	if ordered {
		res.extra = append(res.extra, "src < dst in every row")
	}
	if nodes != nil {
		s := "every src and dst an id of the node table"
		if srcName >= 0 && dstName >= 0 {
			s += ", names as in the node table"
		}
		res.extra = append(res.extra, s)
	} else {
		res.extra = append(res.extra, "src and dst not checked against ids ("+noNodes+")")
	}
	return res, nil
}

// arrowVersion returns the version of arrow-go this program was built
// with.
func arrowVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	for _, d := range info.Deps {
		if d.Path == arrowModule {
			if d.Replace != nil {
				d = d.Replace
			}
			return d.Version
		}
	}
	return "(unknown version)"
}

// report prints the PASS or FAIL line of one table and says whether it
// passed.
func report(label string, t table, res result, err error, p *problems) bool {
	name := filepath.Base(t.parquet)
	switch {
	case err != nil:
		fmt.Printf("FAIL %s reads %s: %v\n", label, name, err)
		return false
	case p.n > 0:
		fmt.Printf("FAIL %s reads %s: %s\n", label, name, p)
		return false
	}
	parts := []string{fmt.Sprintf("%d rows, %d columns", res.rows, res.columns), res.foot.String(),
		"Spark-safe names and types"}
	parts = append(parts, res.extra...)
	parts = append(parts, "every value as in "+t.csvName)
	fmt.Printf("PASS %s reads %s: %s\n", label, name, strings.Join(parts, "; "))
	return true
}

func main() {
	nodes := flag.String("nodes", "", "node table `file` (coauthor graph --format parquet-nodes)")
	edges := flag.String("edges", "", "edge table `file` (coauthor graph --format parquet-edges)")
	authorsCSV := flag.String("authors-csv", "", "authors.csv `file` of the same analysis")
	edgesCSV := flag.String("edges-csv", "", "edges.csv `file` of the same analysis")
	flag.Parse()
	if flag.NArg() > 0 || (*nodes == "" && *edges == "") ||
		(*nodes != "") != (*authorsCSV != "") || (*edges != "") != (*edgesCSV != "") {
		fmt.Fprintln(os.Stderr, "usage: parquetcheck [--nodes nodes.parquet --authors-csv authors.csv] [--edges edges.parquet --edges-csv edges.csv]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	label := "arrow-go " + arrowVersion()
	ok := true
	var st *nodeState
	if *nodes != "" {
		t := table{parquet: *nodes, csv: *authorsCSV, cols: nodeColumns, csvName: filepath.Base(*authorsCSV), keyCols: 1}
		var p problems
		res, s, err := checkNodes(t, &p)
		st = s
		ok = report(label, t, res, err, &p) && ok
	}
	if *edges != "" {
		t := table{parquet: *edges, csv: *edgesCSV, cols: edgeColumns, csvName: filepath.Base(*edgesCSV), keyCols: 2}
		var p problems
		why := "no --nodes given"
		if *nodes != "" {
			why = "the node table was not checked to its end"
		}
		res, err := checkEdges(t, st, why, &p)
		ok = report(label, t, res, err, &p) && ok
	}
	if !ok {
		os.Exit(1)
	}
}
