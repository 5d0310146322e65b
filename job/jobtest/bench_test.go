package jobtest

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
)

// driveIndexed drives an Indexed Job with the given completions and
// parallelism to Complete in w: at every second each pod created at the
// previous settle succeeds. It returns the number of settles.
func driveIndexed(tb testing.TB, w *World, completions, parallelism int32) int {
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
	for now := w.Start; ; now = now.Add(time.Second) {
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
			if err := w.ChangePod(PodChange{Name: name, Phase: &succeeded}); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

func TestIndexedToCompletion(t *testing.T) {
	if n := driveIndexed(t, NewWorld(t0), 50, 10); n != 6 {
		t.Errorf("settles = %d, want 6 (5 waves of 10 and the completing one)", n)
	}
}

// BenchmarkIndexed10000 is the budget of DESIGN.md §7: a 10,000-completion
// Indexed Job (parallelism 1,000) driven to Complete in the world, under
// 50 ms in total (job.Step included).
func BenchmarkIndexed10000(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		driveIndexed(b, NewWorld(t0), 10000, 1000)
	}
}

// BenchmarkIndexed10000World is BenchmarkIndexed10000 without job.Step:
// the world's own share. The Step outputs of one run are recorded and
// replayed, in order, by a substitute controller.
func BenchmarkIndexed10000World(b *testing.B) {
	var outputs []job.Output
	rec := NewWorld(t0)
	rec.step = func(in job.Input) (job.Output, error) {
		out, err := job.Step(in)
		outputs = append(outputs, out)
		return out, err
	}
	want := driveIndexed(b, rec, 10000, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := NewWorld(t0)
		next := 0
		w.step = func(job.Input) (job.Output, error) {
			next++
			return outputs[next-1], nil
		}
		if got := driveIndexed(b, w, 10000, 1000); got != want || next != len(outputs) {
			b.Fatalf("replay took %d settles and %d Step calls, the recording %d and %d", got, next, want, len(outputs))
		}
	}
}
