// Package export writes a measured collaboration graph out: DOT and SVG
// drawings, GraphML and GEXF for Gephi, VOSviewer, Pajek, GML, web JSON,
// Neo4j and Parquet files, CSV tables, summary JSON, a Markdown and an
// HTML report, and the run's manifest. Every writer orders its output by
// node id and edge, so the same graph gives the same bytes.
//
// # Outputs
//
// [Analysis] bundles the graph, the measures and the settings of a run.
// [AuthorsCSV], [EdgesCSV], [PapersCSV], [CommunitiesCSV] and [TopicsCSV]
// write one table each; [SummaryJSON] the summary; [GraphML] the graph
// with every attribute; [DOT] a drawing description that [SVG] lays out
// and renders in-process; [Report] the Markdown report and [HTML] the
// self-contained page; [GEXF], [VOSMap], [VOSNetwork], [VOSJSON],
// [PajekNet], [PajekClu], [PajekVec], [GML], [WebJSON], [Neo4jNodes],
// [Neo4jRelationships], [ParquetNodes] and [ParquetEdges] the graph for
// other tools; [EgoReport], [EgoSVG] and [EgoDOT] the ego view;
// [ThematicSVG] the topics' strategic diagram; [WriteManifest] what a run
// needs to be repeated. [WriteFile] writes any of them atomically.
//
// Names are data, never markup: each format escapes them its own way
// (CSV quoting, XML escaping, DOT string escapes, HTML entities in the
// DOT legend, backslashes in Markdown).
//
// Path-based measures use the edge length 1/weight; edges.csv and the
// GraphML carry it as distance.
//
// The CSV tables for spreadsheets put an apostrophe before a text cell
// that starts with =, +, -, @, a tab or a carriage return, so that a name
// is never run as a formula; the Neo4j import files keep cells as given.
//
// BUG: GraphML writes non-finite doubles as NaN, INF and -INF (XML
// Schema spelling), which Gephi's importer may not read.
//
// BUG: SVG output of graphs over 300 drawn nodes (laid out by sfdp) is
// reproducible only as the first render of a process.
package export
