// Package export writes a measured collaboration graph out: DOT and SVG
// drawings, GraphML for Gephi, CSV tables, summary JSON and a Markdown
// report. Every writer orders its output by node id and edge, so the same
// graph gives the same bytes.
package export
