/*
Coauthor turns papers and their author lists into a weighted
collaboration graph, measures it and draws it.

Usage:

	coauthor <command> [flags] FILE...

The commands:

	report   read papers, build and measure the graph, write every output
	papers   print the records read as JSON Lines
	graph    write the measured graph in one format to stdout or a file
	authors  list the people found, the spellings merged and the suspects
	path     the shortest and the strongest chain of co-authors from A to B
	terms    the co-occurrence map of title and abstract terms
	gen      write a synthetic dblp-like bibliography

Each command documents its flags with --help. Flags may come before,
between or after the files; "-" reads standard input.

# Inputs

Papers come from a scholar profile page, BibTeX, CSV and JSON Lines
(columns or keys title, year, authors separated by ";"), RIS, CSL-JSON,
Web of Science plain text and tab-delimited exports, Scopus CSV, PubMed
MEDLINE, DBLP XML, OpenAlex works (a work, a results page, JSON Lines),
the arXiv API's Atom feed, Crossref works JSON, ORCID works (XML and
JSON), and the CSV exports of OpenAlex, Lens, IEEE Xplore and Springer.
Graphs made by other tools are read too: edge lists (SNAP style), GML,
Pajek .net and GraphML; they carry no papers, so topics and the ego view
are left out. The format is detected from the content, then from the
extension; --from forces it. gzip files are read transparently, zip
archives member by member.

Records of one paper read from several files are merged by DOI, arXiv id,
or title and year: the whole author list completes a truncated one, and
a profile owner added behind "et al." is put at their real position.
Authors are joined into people by identifier (ORCID, DBLP, OpenAlex,
Scopus), then by the normalised name, then by initials when exactly one
full name fits; --alias FILE forces merges ("variant,canonical") and
keeps names apart ("!name", "!a,b").

Bad input stops the run with the file, the line and what was expected,
exit status 1, and no output written. --lenient skips bad records and
counts them by reason in summary.json and the report.

# The graph and its measures

One node per person; an edge joins two people who share a paper. Its
weight is the number of joint papers (--counting full), or the sum of
1/(n-1) over joint papers with n authors (--counting fractional).
--normalize replaces the weights by association strength (VOSviewer's)
or one of bibliometrix's similarity measures.

Per author: degree, strength, betweenness, closeness and harmonic
centrality (weighted: a tie's length is 1/weight, so strong ties are
short), eigenvector centrality, PageRank, k-core, local clustering,
component, community, topic, and Burt's effective size, efficiency and
constraint. Communities come from Leiden (default; every community is
connected) or Louvain, on modularity or the constant Potts model, over
--runs seeds with the stability between runs. Topics cluster papers by
the terms of their titles and abstracts, keywords and categories.

# Reproducibility

The same inputs, flags and --seed give byte-identical outputs.
manifest.json records the inputs with their sha256, every flag and the
version. Progress is shown on stderr only when stderr is a terminal; logs
go to stderr, results to files or stdout.

Exit status: 0 on success, 1 on failure, 2 on a usage error.
*/
package main
