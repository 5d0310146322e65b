package jobtest_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
)

// A simulation written by hand: create a Job, let the controller create its
// pods, finish them, and watch the Job complete.
func ExampleWorld() {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := jobtest.NewWorld(start)
	_, errs := w.CreateJob(&job.Job{
		ObjectMeta: job.ObjectMeta{Name: "pi"},
		Spec: job.JobSpec{
			Completions: job.Ptr(int32(2)),
			Parallelism: job.Ptr(int32(2)),
			Template: job.PodTemplateSpec{Spec: job.PodSpec{
				RestartPolicy: job.RestartPolicyNever,
				Containers:    []job.Container{{Name: "pi", Image: "perl"}},
			}},
		},
	})
	if len(errs) > 0 {
		fmt.Println(errs.ToAggregate())
		return
	}
	rec, err := w.Settle()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("created:", rec.Created)

	w.Advance(start.Add(30 * time.Second))
	succeeded := job.PodSucceeded
	for _, name := range rec.Created {
		w.ChangePod(jobtest.PodChange{Name: name, Phase: &succeeded})
	}
	rec, err = w.Settle()
	if err != nil {
		fmt.Println(err)
		return
	}
	st := w.Job().Status
	fmt.Println("finalizers removed:", slices.Sorted(slices.Values(rec.FinalizersRemoved)))
	fmt.Println("succeeded:", st.Succeeded, "complete:", st.HasTrueCondition(job.JobComplete))
	fmt.Println("completed after:", st.CompletionTime.Sub(start))
	// Output:
	// created: [pi-0 pi-1]
	// finalizers removed: [pi-0 pi-1]
	// succeeded: 2 complete: true
	// completed after: 30s
}

// Running one scenario file, as TestScenarios and `jobsim run` do.
func ExampleRunFile() {
	r := jobtest.RunFile("../../testdata/scenarios/runner/ttl-expiry.yaml")
	fmt.Println(r.Passed(), r.Err)
	// Output:
	// true <nil>
}
