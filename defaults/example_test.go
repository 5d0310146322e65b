package defaults_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
)

// A manifest as a user submits it, through the API server's create-time
// steps: defaulting, selector generation, create preparation.
func ExampleJob() {
	var j job.Job
	_ = json.Unmarshal([]byte(`{
	  "metadata": {"name": "pi", "namespace": "default", "uid": "7f3c"},
	  "spec": {"template": {"spec": {"restartPolicy": "Never",
	    "containers": [{"name": "pi", "image": "perl"}]}}}}`), &j)

	d := defaults.Job(&j)
	fmt.Println("completions:", *d.Spec.Completions, "parallelism:", *d.Spec.Parallelism)
	fmt.Println("backoffLimit:", *d.Spec.BackoffLimit, "completionMode:", *d.Spec.CompletionMode)
	fmt.Println("podReplacementPolicy:", *d.Spec.PodReplacementPolicy)

	created := defaults.PrepareForCreate(defaults.GenerateSelector(d))
	sel, _ := json.Marshal(created.Spec.Selector)
	fmt.Println("selector:", string(sel))
	fmt.Println("generation:", created.Generation)
	// Output:
	// completions: 1 parallelism: 1
	// backoffLimit: 6 completionMode: NonIndexed
	// podReplacementPolicy: TerminatingOrFailed
	// selector: {"matchLabels":{"batch.kubernetes.io/controller-uid":"7f3c"}}
	// generation: 1
}

// An update through the main Job endpoint: the client's status is ignored
// and the generation moves only when the spec changed.
func ExamplePrepareForUpdate() {
	var j job.Job
	_ = json.Unmarshal([]byte(`{
	  "metadata": {"name": "pi", "namespace": "default", "uid": "7f3c"},
	  "spec": {"template": {"spec": {"restartPolicy": "Never",
	    "containers": [{"name": "pi", "image": "perl"}]}}}}`), &j)
	stored := defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(&j)))
	stored.Status.Active = 1

	same := stored.DeepCopy()
	same.Status.Active = 99
	u := defaults.PrepareForUpdate(same, stored)
	fmt.Println("unchanged spec: generation", u.Generation, "active", u.Status.Active)

	scaled := stored.DeepCopy()
	scaled.Spec.Parallelism = job.Ptr[int32](3)
	u = defaults.PrepareForUpdate(scaled, stored)
	fmt.Println("parallelism 3: generation", u.Generation, "active", u.Status.Active)
	// Output:
	// unchanged spec: generation 1 active 1
	// parallelism 3: generation 2 active 1
}

// A create request as kubectl sends it for a manifest with generateName:
// the Job is named, defaulted, given its selector and validated, and the
// stored object comes back with the warnings.
func ExampleCreate() {
	var j job.Job
	_ = json.Unmarshal([]byte(`{"apiVersion": "batch/v1", "kind": "Job",
	  "metadata": {"generateName": "pi-"},
	  "spec": {"template": {"spec": {"restartPolicy": "Never",
	    "containers": [{"name": "pi", "image": "perl"}]}}}}`), &j)

	stored, warnings, err := defaults.Create(&j, defaults.CreateOptions{
		UID:           "7f3c",
		Now:           time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		GeneratedName: "pi-x7k2q", // what the API server's random suffix gave
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(stored.Namespace, stored.Name, stored.UID, stored.CreationTimestamp.Format(time.RFC3339), stored.Generation)
	fmt.Println("selector:", stored.Spec.Selector.MatchLabels)
	fmt.Println("warnings:", len(warnings))

	j.Spec.Parallelism = job.Ptr[int32](-1)
	_, _, err = defaults.Create(&j, defaults.CreateOptions{UID: "7f3c", GeneratedName: "pi-x7k2q"})
	fmt.Println(err)
	// Output:
	// default pi-x7k2q 7f3c 2026-01-01T00:00:00Z 1
	// selector: map[batch.kubernetes.io/controller-uid:7f3c]
	// warnings: 0
	// Job.batch "pi-x7k2q" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0
}
