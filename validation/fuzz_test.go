package validation_test

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation"
)

type (
	policyT = policy.SuccessPolicy
	ruleT   = policy.SuccessPolicyRule
)

// FuzzValidateJob decodes arbitrary JSON into a Job, runs the create
// pipeline and every validation entry point, and renders every error: none
// of it may panic, and validation must not mutate its inputs.
func FuzzValidateJob(f *testing.F) {
	f.Add([]byte(typical))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"spec":{"completionMode":"Indexed","successPolicy":{"rules":[{"succeededIndexes":"1-3,5","succeededCount":9}]},"parallelism":2}}`))
	f.Add([]byte(`{"spec":{"podFailurePolicy":{"rules":[{"action":"FailIndex","onExitCodes":{"containerName":"x","operator":"In","values":[3,0,3]}},{"onPodConditions":[{"type":""}]}]}}}`))
	f.Add([]byte(`{"spec":{"selector":{"matchExpressions":[{"key":"a/b/c","operator":"Gt","values":["x y"]}]},"manualSelector":true}}`))
	f.Add([]byte(`{"status":{"completedIndexes":"0-2,1","failedIndexes":"3-","uncountedTerminatedPods":{"succeeded":["a","a",""]},"conditions":[{"type":"Complete","status":"True"}]},"spec":{"completions":4,"completionMode":"Indexed","backoffLimitPerIndex":1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var j job.Job
		if json.Unmarshal(data, &j) != nil {
			return
		}
		opts := validation.DefaultOptions()
		before, _ := json.Marshal(&j)
		prepared := defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(&j)))
		for _, errs := range [][]error{
			toErrors(validation.ValidateJob(&j, opts)),
			toErrors(validation.ValidateJob(prepared, opts)),
			toErrors(validation.ValidateJobUpdate(prepared, &j, opts)),
			toErrors(validation.ValidateJobUpdate(&j, prepared, opts)),
			toErrors(validation.ValidateJobStatusUpdate(&j, prepared, opts)),
			toErrors(validation.ValidateJobStatusUpdate(prepared, &j, opts)),
		} {
			for _, e := range errs {
				_ = e.Error()
			}
		}
		_ = validation.WarningsOnCreate(&j)
		_ = validation.WarningsOnUpdate(prepared, &j)
		after, _ := json.Marshal(&j)
		if string(before) != string(after) {
			t.Fatalf("input mutated:\n%s\n%s", before, after)
		}
	})
}

func toErrors[E error](list []E) []error {
	out := make([]error, len(list))
	for i, e := range list {
		out[i] = e
	}
	return out
}
