package jobtest_test

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
)

// runIndexedToCompletion drives an Indexed Job with the given completions
// and parallelism to Complete: at every second each active pod succeeds.
// It returns the number of settles.
func runIndexedToCompletion(tb testing.TB, completions, parallelism int32) int {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := jobtest.NewWorld(start)
	mode := job.IndexedCompletion
	_, errs := w.CreateJob(&job.Job{
		ObjectMeta: job.ObjectMeta{Name: "big"},
		Spec: job.JobSpec{
			CompletionMode: &mode,
			Completions:    job.Ptr(completions),
			Parallelism:    job.Ptr(parallelism),
			Template: job.PodTemplateSpec{Spec: job.PodSpec{
				RestartPolicy: job.RestartPolicyNever,
				Containers:    []job.Container{{Name: "main", Image: "busybox"}},
			}},
		},
	})
	if len(errs) > 0 {
		tb.Fatal(errs.ToAggregate())
	}
	succeeded := job.PodSucceeded
	settles := 0
	for now := start; ; now = now.Add(time.Second) {
		if err := w.Advance(now); err != nil {
			tb.Fatal(err)
		}
		rec, err := w.Settle()
		settles++
		if err != nil {
			tb.Fatal(err)
		}
		if w.Job().Status.HasTrueCondition(job.JobComplete) {
			return settles
		}
		if settles > int(completions)+10 {
			tb.Fatalf("no completion after %d settles: %+v", settles, w.Job().Status)
		}
		for _, name := range rec.Created {
			if err := w.ChangePod(jobtest.PodChange{Name: name, Phase: &succeeded}); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

func TestIndexedToCompletion(t *testing.T) {
	if n := runIndexedToCompletion(t, 50, 10); n != 6 {
		t.Errorf("settles = %d, want 6 (5 waves of 10 and the completing one)", n)
	}
}

// BenchmarkIndexed10000 is the budget of DESIGN.md §7: a 10,000-completion
// Indexed Job (parallelism 1,000) driven to Complete in the world, under
// 50 ms in total.
func BenchmarkIndexed10000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		runIndexedToCompletion(b, 10000, 1000)
	}
}
