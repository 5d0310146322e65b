package validation_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// genJob draws a Job from small domains that straddle every limit the
// rules test (negatives, 0, the Indexed limits, bad names and enums).
func genJob(t *rapid.T) *job.Job {
	optI32 := func(label string, vals ...int32) *int32 {
		if !rapid.Bool().Draw(t, label+"?") {
			return nil
		}
		v := rapid.SampledFrom(vals).Draw(t, label)
		return &v
	}
	j := &job.Job{ObjectMeta: job.ObjectMeta{
		Name:      rapid.SampledFrom([]string{"pi", "my.job", "My_Job", "", strings.Repeat("a", 64)}).Draw(t, "name"),
		Namespace: "default",
		UID:       job.UID(rapid.SampledFrom([]string{"u1", ""}).Draw(t, "uid")),
	}}
	s := &j.Spec
	s.Parallelism = optI32("parallelism", -1, 0, 1, 5, 10001, 100001)
	s.Completions = optI32("completions", -1, 0, 1, 5, 100001)
	s.BackoffLimit = optI32("backoffLimit", -1, 0, 6)
	s.BackoffLimitPerIndex = optI32("blpi", -1, 0, 1)
	s.MaxFailedIndexes = optI32("mfi", -1, 0, 1, 6, 10001, 100001)
	s.TTLSecondsAfterFinished = optI32("ttl", -1, 0, 100)
	if rapid.Bool().Draw(t, "mode?") {
		m := job.CompletionMode(rapid.SampledFrom([]string{"Indexed", "NonIndexed", "Foo"}).Draw(t, "mode"))
		s.CompletionMode = &m
	}
	if rapid.Bool().Draw(t, "managedBy?") {
		s.ManagedBy = job.Ptr(rapid.SampledFrom([]string{"", "example.com/x", "bad", "Bad.com/x y", "example.com/" + strings.Repeat("x", 60)}).Draw(t, "managedBy"))
	}
	if rapid.Bool().Draw(t, "manual") {
		s.ManualSelector = job.Ptr(true)
		s.Selector = &job.LabelSelector{MatchLabels: map[string]string{"a": "b"}}
	}
	if rapid.Bool().Draw(t, "templateLabels") {
		s.Template.Labels = map[string]string{"a": rapid.SampledFrom([]string{"b", "c", "bad value"}).Draw(t, "labelValue")}
	}
	s.Template.Spec.RestartPolicy = job.RestartPolicy(rapid.SampledFrom([]string{"Never", "OnFailure", "Always", "", "Invalid"}).Draw(t, "restartPolicy"))
	s.Template.Spec.Containers = []job.Container{{Name: rapid.SampledFrom([]string{"main", "Main", ""}).Draw(t, "container"), Image: "busybox"}}
	if rapid.Bool().Draw(t, "pfp?") {
		p := &policy.PodFailurePolicy{}
		for i := range rapid.IntRange(0, 3).Draw(t, "rules") {
			r := policy.PodFailurePolicyRule{Action: policy.PodFailurePolicyAction(rapid.SampledFrom([]string{"FailJob", "FailIndex", "Ignore", "Count", "", "X"}).Draw(t, fmt.Sprint("action", i)))}
			if rapid.Bool().Draw(t, fmt.Sprint("exit", i)) {
				r.OnExitCodes = &policy.PodFailurePolicyOnExitCodesRequirement{
					Operator: policy.PodFailurePolicyOnExitCodesOperator(rapid.SampledFrom([]string{"In", "NotIn", ""}).Draw(t, fmt.Sprint("op", i))),
					Values:   rapid.SliceOfN(rapid.Int32Range(0, 3), 0, 4).Draw(t, fmt.Sprint("values", i)),
				}
			}
			if rapid.Bool().Draw(t, fmt.Sprint("cond", i)) {
				r.OnPodConditions = []policy.PodFailurePolicyOnPodConditionsPattern{{Type: rapid.SampledFrom([]string{"DisruptionTarget", "", "a b"}).Draw(t, fmt.Sprint("type", i))}}
			}
			p.Rules = append(p.Rules, r)
		}
		s.PodFailurePolicy = p
	}
	if rapid.Bool().Draw(t, "sp?") {
		sp := &policy.SuccessPolicy{}
		for i := range rapid.IntRange(0, 2).Draw(t, "spRules") {
			r := policy.SuccessPolicyRule{SucceededCount: optI32(fmt.Sprint("count", i), -1, 1, 3, 9)}
			if rapid.Bool().Draw(t, fmt.Sprint("idx?", i)) {
				r.SucceededIndexes = job.Ptr(rapid.SampledFrom([]string{"0-2", "1,1", "x", "", "0,4"}).Draw(t, fmt.Sprint("idx", i)))
			}
			sp.Rules = append(sp.Rules, r)
		}
		s.SuccessPolicy = sp
	}
	return j
}

func render(errs field.ErrorList) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// Properties of the create pipeline on arbitrary Jobs: validation is
// deterministic, does not mutate its input, reports only metadata and spec
// paths, and a Job it accepts also passes a no-op update and a no-op status
// update.
func TestValidateJobProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		j := defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(genJob(t))))
		before, _ := json.Marshal(j)
		opts := validation.DefaultOptions()
		first := render(validation.ValidateJob(j, opts))
		second := render(validation.ValidateJob(j, opts))
		if !slices.Equal(first, second) {
			t.Fatalf("not deterministic:\n%v\n%v", first, second)
		}
		if after, _ := json.Marshal(j); string(after) != string(before) {
			t.Fatalf("input mutated")
		}
		for _, e := range first {
			if !strings.HasPrefix(e, "metadata.") && !strings.HasPrefix(e, "spec.") {
				t.Fatalf("unexpected path: %s", e)
			}
		}
		if len(first) > 0 {
			return
		}
		if errs := validation.ValidateJobUpdate(j.DeepCopy(), j, opts); len(errs) > 0 {
			t.Fatalf("no-op update rejected: %v", errs.ToAggregate())
		}
		if errs := validation.ValidateJobStatusUpdate(j.DeepCopy(), j, opts); len(errs) > 0 {
			t.Fatalf("no-op status update rejected: %v", errs.ToAggregate())
		}
	})
}

// Update validation re-runs the spec rules: every create error of the new
// spec (outside metadata and the generated-selector rules) is also an
// update error.
func TestUpdateRevalidatesSpec(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		old := defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(genJob(t))))
		nw := old.DeepCopy()
		nw.Spec.Parallelism = job.Ptr(rapid.SampledFrom([]int32{-1, 0, 2, 100001}).Draw(t, "newParallelism"))
		opts := validation.DefaultOptions()
		update := render(validation.ValidateJobUpdate(nw, old, opts))
		for _, e := range render(validation.ValidateJob(nw, opts)) {
			if strings.HasPrefix(e, "metadata.") || strings.Contains(e, "not auto-generated") ||
				strings.HasPrefix(e, "spec.template.metadata.labels[") {
				continue
			}
			if !slices.Contains(update, e) {
				t.Fatalf("create error %q missing from update errors %v", e, update)
			}
		}
	})
}
