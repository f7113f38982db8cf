// Package bench holds newsdesk's load benchmarks: run.sh drives wrk against
// a running server, corpus/ generates the database it serves, and the Go
// benchmarks here serve the same pages in-process so that `go test -bench`
// can profile them. See README.md beside this file.
package bench
