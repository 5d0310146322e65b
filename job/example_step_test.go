package job_test

import (
	"fmt"
	"time"

	"github.com/jobkit/jobkit/job"
)

// A Job with parallelism 2 and 3 completions, one pod already succeeded and
// one running: Step creates one pod, counts the success in two phases
// (uncounted UID first, then the counter) and removes its finalizer.
func ExampleStep() {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	labels := map[string]string{job.ControllerUIDLabel: "uid-pi"}
	j := &job.Job{
		ObjectMeta: job.ObjectMeta{Name: "pi", Namespace: "default", UID: "uid-pi"},
		Spec: job.JobSpec{
			Parallelism:  job.Ptr(int32(2)),
			Completions:  job.Ptr(int32(3)),
			BackoffLimit: job.Ptr(int32(6)),
			Selector:     &job.LabelSelector{MatchLabels: labels},
			Template: job.PodTemplateSpec{
				ObjectMeta: job.ObjectMeta{Labels: labels},
				Spec:       job.PodSpec{RestartPolicy: job.RestartPolicyNever, Containers: []job.Container{{Name: "main"}}},
			},
		},
	}
	pod := func(name string, phase job.PodPhase) *job.Pod {
		return &job.Pod{
			ObjectMeta: job.ObjectMeta{
				Name: name, Namespace: "default", UID: job.UID("uid-" + name), Labels: labels,
				Finalizers:      []string{job.TrackingFinalizer},
				OwnerReferences: []job.OwnerReference{{APIVersion: "batch/v1", Kind: "Job", Name: "pi", UID: "uid-pi", Controller: job.Ptr(true)}},
			},
			Status: job.PodStatus{Phase: phase},
		}
	}
	out, err := job.Step(job.Input{
		Job:  j,
		Pods: []*job.Pod{pod("pi-a", job.PodRunning), pod("pi-b", job.PodSucceeded)},
		Now:  now,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range out.Actions {
		fmt.Println(a)
	}
	for _, e := range out.Events {
		fmt.Println(e)
	}
	fmt.Println("succeeded:", out.Status.Succeeded, "active:", out.Status.Active)
	// Output:
	// create pod pi-
	// write status active=2 ready=0 terminating=0 succeeded=0 failed=0 conditions=0
	// remove finalizer default/pi-b
	// write status active=2 ready=0 terminating=0 succeeded=1 failed=0 conditions=0
	// Normal SuccessfulCreate: Created pod: pi-
	// succeeded: 1 active: 2
}
