package export

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/coauthor/coauthor/metrics"
)

// parquetRowGroup is the number of rows per row group: about a million,
// so that Spark can split a large table across tasks. Tests lower it.
var parquetRowGroup int64 = 1 << 20

// parquetBatch is the number of rows built as Go values at once. Tests
// lower it.
var parquetBatch = 1024

// parquetNode is a row of the node table. Pointer fields are optional
// columns, nil written as null.
type parquetNode struct {
	ID            int64    `parquet:"id"`
	Name          string   `parquet:"name"`
	Papers        int64    `parquet:"papers"`
	FirstYear     *int32   `parquet:"first_year,optional"`
	LastYear      *int32   `parquet:"last_year,optional"`
	Affiliations  string   `parquet:"affiliations"`
	Degree        int64    `parquet:"degree"`
	Strength      *float64 `parquet:"strength,optional"`
	Betweenness   *float64 `parquet:"betweenness,optional"`
	Closeness     *float64 `parquet:"closeness,optional"`
	Harmonic      *float64 `parquet:"harmonic,optional"`
	Eigenvector   *float64 `parquet:"eigenvector,optional"`
	PageRank      *float64 `parquet:"pagerank,optional"`
	Core          *int64   `parquet:"core,optional"`
	Component     *int64   `parquet:"component,optional"`
	Community     *int64   `parquet:"community,optional"`
	Topic         *int64   `parquet:"topic,optional"`
	Clustering    *float64 `parquet:"clustering,optional"`
	EffectiveSize *float64 `parquet:"effective_size,optional"`
	Efficiency    *float64 `parquet:"efficiency,optional"`
	Constraint    *float64 `parquet:"constraint,optional"`
}

// parquetNodeValues holds the values that a parquetNode's optional
// fields point to, so a batch of rows needs no allocation per cell.
type parquetNodeValues struct {
	firstYear, lastYear               int32
	core, component, community, topic int64
	f                                 [11]float64
}

// parquetEdge is a row of the edge table.
type parquetEdge struct {
	Src         int64   `parquet:"src"`
	Dst         int64   `parquet:"dst"`
	Weight      float64 `parquet:"weight"`
	Distance    float64 `parquet:"distance"`
	JointPapers int64   `parquet:"joint_papers"`
	Papers      string  `parquet:"papers"`
}

// ParquetNodes writes the authors as a Parquet vertex table for Spark
// GraphFrames: one row per author in node id order, with the columns
//
//	id             int64   node id, as in [ParquetEdges] src and dst
//	name           string
//	papers         int64
//	first_year     int32   null when unknown
//	last_year      int32   null when unknown
//	affiliations   string  joined by "; "
//	degree         int64
//	strength       double
//	betweenness    double
//	closeness      double
//	harmonic       double
//	eigenvector    double
//	pagerank       double
//	core           int64
//	component      int64   0 the largest
//	community      int64   null when none
//	topic          int64   null when none
//	clustering     double
//	effective_size double  Burt's structural-hole measures
//	efficiency     double
//	constraint     double
//
// A measure not computed (a.Centrality nil or without that measure) is
// null, and so is a double whose value is NaN, such as Burt's measures
// of an isolated author. Degree and strength come from the graph when
// a.Centrality does not hold them. Strings are written as given, line
// breaks included.
//
// Both Parquet writers write data pages of version 1 in PLAIN encoding,
// each compressed with Snappy (the default codec of Spark, Hive and
// DuckDB, which every Parquet reader decodes), with page statistics and
// column and offset indexes. A row group holds up to 1,048,576 rows, so
// Spark can split a large table across tasks; a smaller table is one
// row group. The footer's created_by is "coauthor" and there is no
// key-value metadata, so the same analysis gives the same bytes. Rows
// are built 1024 at a time; the writer holds the current row group,
// encoded and compressed, in memory until it is full.
func ParquetNodes(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	pw := parquet.NewGenericWriter[parquetNode](w, parquetOptions()...)
	rows := make([]parquetNode, 0, parquetBatch)
	vals := make([]parquetNodeValues, parquetBatch)
	for u := range a.Graph.Authors {
		rows = append(rows, a.parquetNode(u, &vals[len(rows)]))
		if len(rows) == parquetBatch {
			if _, err := pw.Write(rows); err != nil {
				return fmt.Errorf("parquet nodes: %w", err)
			}
			rows = rows[:0]
		}
	}
	if _, err := pw.Write(rows); err != nil {
		return fmt.Errorf("parquet nodes: %w", err)
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("parquet nodes: %w", err)
	}
	return nil
}

// parquetNode returns author u's row; its optional fields point into v.
func (a *Analysis) parquetNode(u int, v *parquetNodeValues) parquetNode {
	g := a.Graph
	au := &g.Authors[u]
	c := a.Centrality
	if c == nil {
		c = &metrics.Centrality{}
	}
	deg := int64(g.Degree(u))
	if u < len(c.Degree) {
		deg = int64(c.Degree[u])
	}
	str := optNum(g.Strength(u), &v.f[0])
	if u < len(c.Strength) {
		str = optNum(c.Strength[u], &v.f[0])
	}
	return parquetNode{
		ID:            int64(u),
		Name:          au.Name,
		Papers:        int64(au.Papers),
		FirstYear:     optYear(au.FirstYear, &v.firstYear),
		LastYear:      optYear(au.LastYear, &v.lastYear),
		Affiliations:  strings.Join(au.Affiliations, listSep),
		Degree:        deg,
		Strength:      str,
		Betweenness:   optFloat(c.Betweenness, u, &v.f[1]),
		Closeness:     optFloat(c.Closeness, u, &v.f[2]),
		Harmonic:      optFloat(c.Harmonic, u, &v.f[3]),
		Eigenvector:   optFloat(c.Eigenvector, u, &v.f[4]),
		PageRank:      optFloat(c.PageRank, u, &v.f[5]),
		Core:          optInt(c.Core, u, &v.core),
		Component:     optInt(c.Component, u, &v.component),
		Community:     optID(a.community(u), &v.community),
		Topic:         optID(a.authorTopic(u), &v.topic),
		Clustering:    optFloat(c.Clustering, u, &v.f[6]),
		EffectiveSize: optFloat(c.EffectiveSize, u, &v.f[7]),
		Efficiency:    optFloat(c.Efficiency, u, &v.f[8]),
		Constraint:    optFloat(c.Constraint, u, &v.f[9]),
	}
}

// optYear stores y in dst and returns dst, or nil when y is zero
// (unknown).
func optYear(y int, dst *int32) *int32 {
	if y == 0 {
		return nil
	}
	*dst = int32(y)
	return dst
}

// optNum stores x in dst and returns dst, or nil when x is NaN.
func optNum(x float64, dst *float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	*dst = x
	return dst
}

// optFloat returns optNum(v[u], dst), or nil when v has no entry for u.
func optFloat(v []float64, u int, dst *float64) *float64 {
	if u >= len(v) {
		return nil
	}
	return optNum(v[u], dst)
}

// optInt stores v[u] in dst and returns dst, or nil when v has no entry
// for u.
func optInt(v []int, u int, dst *int64) *int64 {
	if u >= len(v) {
		return nil
	}
	*dst = int64(v[u])
	return dst
}

// optID stores x in dst and returns dst, or nil when x is negative
// (meaning none).
func optID(x int, dst *int64) *int64 {
	if x < 0 {
		return nil
	}
	*dst = int64(x)
	return dst
}

// ParquetEdges writes the ties as a Parquet edge table for Spark
// GraphFrames that goes with [ParquetNodes]: one row per edge in
// (src, dst) order, src < dst, with the columns
//
//	src          int64   node id of one author
//	dst          int64   node id of the other
//	weight       double  tie strength under the counting scheme
//	distance     double  1/weight, the edge length of path-based measures
//	joint_papers int64   papers the two share
//	papers       string  the paper ids joined by "; "
//
// No column is null. GraphFrames edges are directed: each co-authorship
// is one edge from the lower id to the higher, so motif and path queries
// should ignore direction or add the reversed edges themselves. The file
// is laid out as [ParquetNodes] describes.
func ParquetEdges(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	pw := parquet.NewGenericWriter[parquetEdge](w, parquetOptions()...)
	rows := make([]parquetEdge, 0, parquetBatch)
	for e, ed := range a.Graph.Edges {
		rows = append(rows, parquetEdge{
			Src:         int64(ed.U),
			Dst:         int64(ed.V),
			Weight:      ed.Weight,
			Distance:    1 / ed.Weight,
			JointPapers: int64(ed.Joint),
			Papers:      edgePaperIDs(a, e),
		})
		if len(rows) == parquetBatch {
			if _, err := pw.Write(rows); err != nil {
				return fmt.Errorf("parquet edges: %w", err)
			}
			rows = rows[:0]
		}
	}
	if _, err := pw.Write(rows); err != nil {
		return fmt.Errorf("parquet edges: %w", err)
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("parquet edges: %w", err)
	}
	return nil
}

// parquetOptions returns the writer settings that [ParquetNodes]
// describes.
func parquetOptions() []parquet.WriterOption {
	return []parquet.WriterOption{
		&parquet.WriterConfig{CreatedBy: "coauthor"},
		parquet.Compression(&parquet.Snappy),
		parquet.DataPageVersion(1),
		// PLAIN for strings too, which would otherwise be written
		// DELTA_LENGTH_BYTE_ARRAY, an encoding older readers lack.
		parquet.DefaultEncodingFor(parquet.ByteArray, &parquet.Plain),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
	}
}
