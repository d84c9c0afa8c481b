package export

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/coauthor/coauthor/metrics"
)

// neo4jText returns s for a neo4j-admin import cell: line breaks and
// other control characters become spaces, as the importer reads one
// record a line unless told --multiline-fields=true.
//
// TODO: under --legacy-style-quoting=true (the default before Neo4j 4)
// a backslash before a double quote escapes it, so a name ending in a
// backslash inside a quoted cell would be misread; the default of
// current versions reads "" only.
func neo4jText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// neo4jFloat returns v[u] for a double column, "" (no property) when v
// has no entry for u or the value is NaN or infinite, which Neo4j's
// importer does not read as formatFloat writes them.
func neo4jFloat(v []float64, u int) string {
	if u >= len(v) {
		return ""
	}
	return neo4jNum(v[u])
}

// neo4jNum returns x for a double column, "" when it is not finite.
func neo4jNum(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return formatFloat(x)
}

// Neo4jNodes writes the authors as a node file for neo4j-admin import,
// comma-separated with a header in its syntax:
//
//	authorId:ID(Author),name,key,papers:int,first_year:int,last_year:int,
//	affiliations,degree:int,strength:double,betweenness:double,
//	closeness:double,harmonic:double,eigenvector:double,pagerank:double,
//	core:int,clustering:double,component:int,community:int,topic:int,
//	topic_label,:LABEL
//
// (on one line). authorId is the node id, in the ID space Author that
// [Neo4jRelationships] refers to; every row has the label Author.
// Affiliations are one string joined by "; ". Empty cells, which the
// importer leaves without a property, stand for unknown years, measures
// not computed, no community or topic, and NaN or infinite values.
// Names keep quotes and commas (the CSV quoting doubles quotes); line
// breaks become spaces.
func Neo4jNodes(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	header := []string{"authorId:ID(Author)", "name", "key", "papers:int", "first_year:int",
		"last_year:int", "affiliations", "degree:int", "strength:double", "betweenness:double",
		"closeness:double", "harmonic:double", "eigenvector:double", "pagerank:double",
		"core:int", "clustering:double", "component:int", "community:int", "topic:int",
		"topic_label", ":LABEL"}
	c := a.Centrality
	if c == nil {
		c = &metrics.Centrality{}
	}
	g := a.Graph
	return writeNeo4jCSV(w, header, func(emit func([]string) error) error {
		for u := range g.Authors {
			au := &g.Authors[u]
			deg, str := intCell(c.Degree, u), neo4jFloat(c.Strength, u)
			if a.Centrality == nil {
				deg, str = strconv.Itoa(g.Degree(u)), neo4jNum(g.Strength(u))
			}
			row := []string{strconv.Itoa(u), neo4jText(au.Name), neo4jText(au.Key),
				strconv.Itoa(au.Papers), yearCell(au.FirstYear), yearCell(au.LastYear),
				neo4jText(strings.Join(au.Affiliations, listSep)), deg, str,
				neo4jFloat(c.Betweenness, u), neo4jFloat(c.Closeness, u), neo4jFloat(c.Harmonic, u),
				neo4jFloat(c.Eigenvector, u), neo4jFloat(c.PageRank, u), intCell(c.Core, u),
				neo4jFloat(c.Clustering, u), intCell(c.Component, u), optCell(a.community(u)),
				optCell(a.authorTopic(u)), neo4jText(a.topicLabel(a.authorTopic(u))), "Author"}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// Neo4jRelationships writes the edges as a relationship file for
// neo4j-admin import that goes with [Neo4jNodes], one row per edge in
// (U, V) order, with the header
//
//	:START_ID(Author),:END_ID(Author),weight:double,distance:double,joint_papers:int,papers,:TYPE
//
// Each co-authorship is one relationship of type COAUTHORED from the
// lower node id to the higher; Neo4j relationships are directed, so
// queries should match them without direction. papers holds the paper
// ids joined by "; ".
func Neo4jRelationships(w io.Writer, a *Analysis) error {
	if a.Graph == nil {
		return errNoGraph
	}
	header := []string{":START_ID(Author)", ":END_ID(Author)", "weight:double", "distance:double",
		"joint_papers:int", "papers", ":TYPE"}
	g := a.Graph
	return writeNeo4jCSV(w, header, func(emit func([]string) error) error {
		for e, ed := range g.Edges {
			row := []string{strconv.Itoa(int(ed.U)), strconv.Itoa(int(ed.V)),
				neo4jNum(ed.Weight), neo4jNum(1 / ed.Weight), strconv.Itoa(int(ed.Joint)),
				neo4jText(edgePaperIDs(a, e)), "COAUTHORED"}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeNeo4jCSV writes a table as given: the files go into a database,
// not a spreadsheet, so no cell is changed.
func writeNeo4jCSV(w io.Writer, header []string, rows func(emit func([]string) error) error) error {
	return writeCSVCells(w, header, rows, func(c string) string { return c })
}
