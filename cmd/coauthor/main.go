// Command coauthor turns papers and their author lists into a weighted
// collaboration graph, measures it and draws it. See doc.go for the
// manual, or run coauthor --help.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
