package job

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

// benchInput builds a running Job with n observed pods, in shuffled order:
// parallelism n, completions 2n, n−n/100 Running and ready, n/100 Succeeded
// with the tracking finalizer (so each sync accounts for them).
func benchInput(n int, isIndexed bool) Input {
	j := testJob(int32(n), int32(2*n))
	if isIndexed {
		indexed(j)
	}
	j.Status.StartTime = Ptr(at(-time.Hour))
	j.Status.Ready = Ptr(int32(0))
	j.Status.Terminating = Ptr(int32(0))
	pods := make([]*Pod, n)
	for i := range pods {
		ph := PodRunning
		var opts []podOpt
		if i%100 == 99 {
			ph = PodSucceeded
		} else {
			opts = append(opts, ready(-time.Duration(i%600)*time.Second))
		}
		if isIndexed {
			opts = append(opts, idx(i))
		}
		pods[i] = testPod(j, fmt.Sprintf("pi-%d-abcde", i), ph, opts...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	if os.Getenv("NOSHUFFLE") == "" {
		r.Shuffle(len(pods), func(a, b int) { pods[a], pods[b] = pods[b], pods[a] })
	}
	return Input{Job: j, Pods: pods, Now: t0}
}

func benchmarkStep(b *testing.B, n int, isIndexed bool) {
	in := benchInput(n, isIndexed)
	b.ReportAllocs()
	cpu0 := processCPUTime()
	for b.Loop() {
		if _, err := Step(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

func BenchmarkStepIndexed1000(b *testing.B)      { benchmarkStep(b, 1000, true) }
func BenchmarkStepIndexed10000(b *testing.B)     { benchmarkStep(b, 10000, true) }
func BenchmarkStepIndexed100000(b *testing.B)    { benchmarkStep(b, 100000, true) }
func BenchmarkStepNonIndexed1000(b *testing.B)   { benchmarkStep(b, 1000, false) }
func BenchmarkStepNonIndexed10000(b *testing.B)  { benchmarkStep(b, 10000, false) }
func BenchmarkStepNonIndexed100000(b *testing.B) { benchmarkStep(b, 100000, false) }

// BenchmarkStepCreateIndexed500 times a first sync of an Indexed Job with
// parallelism 500: no observed pods, 500 pods created (pod factory cost).
func BenchmarkStepCreateIndexed500(b *testing.B) {
	j := testJob(500, 1000)
	indexed(j)
	j.Status.StartTime = Ptr(at(-time.Hour))
	in := Input{Job: j, Now: t0}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Step(in); err != nil {
			b.Fatal(err)
		}
	}
}
