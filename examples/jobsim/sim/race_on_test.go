//go:build race

package sim

// raceEnabled reports whether the race detector is on; the 10,000
// completion test is skipped then (about ten times slower; the plain
// `go test` run and BenchmarkIndexed10000 still cover it).
const raceEnabled = true
