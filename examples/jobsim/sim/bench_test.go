package sim

import (
	"os"
	"testing"

	"github.com/jobkit/jobkit/job/manifest"
)

// runBig simulates testdata/big-job.yaml (10,000 completions, parallelism
// 1,000) under testdata/big-model.yaml to the end.
func runBig(tb testing.TB) *Result {
	tb.Helper()
	data, err := os.ReadFile("../testdata/big-job.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	j, err := manifest.DecodeJob(data)
	if err != nil {
		tb.Fatal(err)
	}
	mdata, err := os.ReadFile("../testdata/big-model.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	m, err := ParseModel(mdata)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := Run(j, m, Options{Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchmarkIndexed10000 simulates a 10,000-completion Indexed Job
// (parallelism 1,000, 2% failures) to Complete. Besides wall time it
// reports the process's CPU seconds per run (cpu-s/op), the steadier figure
// on a shared machine, and the instants simulated per run.
func BenchmarkIndexed10000(b *testing.B) {
	b.ReportAllocs()
	cpu0 := cpuTime(b)
	instants := 0
	for b.Loop() {
		instants = runBig(b).Instants
	}
	b.ReportMetric((cpuTime(b)-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(instants), "instants/op")
}
