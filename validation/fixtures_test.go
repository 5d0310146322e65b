package validation

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// The test fixtures of spec §6.0 and small builders for Job fields.

const fUID = "1a2b3c"

func fLabels() map[string]string {
	return map[string]string{
		job.ControllerUIDLabel: fUID, job.LegacyControllerUIDLabel: fUID,
		job.JobNameLabel: "myjob", job.LegacyJobNameLabel: "myjob",
	}
}

// fixtureF is §6.0 F: a valid Job with generated-style selector and labels,
// restartPolicy OnFailure, one container and one init container.
func fixtureF() *job.Job {
	return &job.Job{
		ObjectMeta: job.ObjectMeta{Name: "myjob", Namespace: "default", UID: fUID},
		Spec: job.JobSpec{
			Selector: &job.LabelSelector{MatchLabels: fLabels()},
			Template: job.PodTemplateSpec{
				ObjectMeta: job.ObjectMeta{Labels: fLabels()},
				Spec: job.PodSpec{
					RestartPolicy:  job.RestartPolicyOnFailure,
					Containers:     []job.Container{{Name: "abc", Image: "image"}},
					InitContainers: []job.Container{{Name: "def", Image: "image"}},
				},
			},
		},
	}
}

// fixtureFNever is F with restartPolicy Never.
func fixtureFNever() *job.Job {
	j := fixtureF()
	j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyNever
	return j
}

// fixtureM is §6.0 M: manual selector {a: b}, no init containers.
func fixtureM() *job.Job {
	j := fixtureF()
	j.Spec.ManualSelector = job.Ptr(true)
	j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{"a": "b"}}
	j.Spec.Template.Labels = map[string]string{"a": "b"}
	j.Spec.Template.Spec.InitContainers = nil
	return j
}

func indexed() *job.CompletionMode { return job.Ptr(job.IndexedCompletion) }

func i32(v int32) *int32 { return job.Ptr(v) }

func exitCodes(op policy.PodFailurePolicyOnExitCodesOperator, vals ...int32) *policy.PodFailurePolicyOnExitCodesRequirement {
	return &policy.PodFailurePolicyOnExitCodesRequirement{Operator: op, Values: vals}
}

func pfp(rules ...policy.PodFailurePolicyRule) *policy.PodFailurePolicy {
	if rules == nil {
		rules = []policy.PodFailurePolicyRule{}
	}
	return &policy.PodFailurePolicy{Rules: rules}
}
