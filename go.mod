module github.com/coauthor/coauthor

go 1.26.0

require golang.org/x/text v0.44.0

require gonum.org/v1/gonum v0.17.0 // indirect
