package defaults_test

import (
	"encoding/json"
	"fmt"

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
