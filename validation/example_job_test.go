package validation_test

import (
	"encoding/json"
	"fmt"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// Validating a manifest as the API server does on create: default it,
// generate the selector and labels, prepare it, then validate.
func ExampleValidateJob() {
	var j job.Job
	_ = json.Unmarshal([]byte(`{
	  "metadata": {"name": "x", "namespace": "default", "uid": "u1"},
	  "spec": {"completions": -1, "template": {"spec": {
	    "containers": [{"name": "main", "image": "busybox"}]}}}}`), &j)

	prepared := defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(&j)))
	errs := validation.ValidateJob(prepared, validation.DefaultOptions())
	for _, e := range errs {
		fmt.Println(e)
	}
	fmt.Println(field.NewInvalidError("Job", "batch", prepared.Name, errs))
	// Output:
	// spec.completions: Invalid value: -1: must be greater than or equal to 0
	// spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
	// Job.batch "x" is invalid: [spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]
}

// An elastic Indexed Job may change completions only together with
// parallelism.
func ExampleValidateJobUpdate() {
	old := &job.Job{}
	_ = json.Unmarshal([]byte(`{
	  "metadata": {"name": "idx", "namespace": "default", "uid": "u2"},
	  "spec": {"completionMode": "Indexed", "completions": 4, "parallelism": 4,
	    "template": {"spec": {"restartPolicy": "Never",
	      "containers": [{"name": "main", "image": "busybox"}]}}}}`), old)
	old = defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(old)))

	scaled := old.DeepCopy()
	scaled.Spec.Completions, scaled.Spec.Parallelism = job.Ptr[int32](8), job.Ptr[int32](8)
	fmt.Println(len(validation.ValidateJobUpdate(scaled, old, validation.DefaultOptions())), "errors")

	scaled.Spec.Parallelism = job.Ptr[int32](2)
	fmt.Println(validation.ValidateJobUpdate(scaled, old, validation.DefaultOptions()).ToAggregate())
	// Output:
	// 0 errors
	// spec.completions: Invalid value: 8: can only be modified in tandem with spec.parallelism
}

// A status writer (the controller named by spec.managedBy) may not mark a
// Job Complete without the SuccessCriteriaMet condition and a completion
// time.
func ExampleValidateJobStatusUpdate() {
	old := &job.Job{}
	_ = json.Unmarshal([]byte(`{
	  "metadata": {"name": "ext", "namespace": "default", "uid": "u3"},
	  "spec": {"managedBy": "example.com/ctrl", "template": {"spec": {"restartPolicy": "Never",
	    "containers": [{"name": "main", "image": "busybox"}]}}},
	  "status": {"startTime": "2026-01-01T00:00:00Z", "active": 1}}`), old)
	nw := old.DeepCopy()
	nw.Status.Active = 0
	nw.Status.Conditions = []job.JobCondition{{Type: job.JobComplete, Status: "True"}}
	for _, e := range validation.ValidateJobStatusUpdate(nw, old, validation.DefaultOptions()) {
		fmt.Println(e)
	}
	// Output:
	// status.completionTime: Required value: completionTime is required for Complete jobs
	// status.conditions: Invalid value: cannot set Complete=True condition without the SuccessCriteriaMet=true condition
}

func ExampleWarningsOnCreate() {
	j := &job.Job{ObjectMeta: job.ObjectMeta{Name: "my.job"}}
	fmt.Println(validation.WarningsOnCreate(j))
	// Output:
	// [metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]]
}
