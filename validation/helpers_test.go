package validation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

// anyValue in a wanted error means "do not compare the rendered value"
// (internal-struct values such as a whole pod template are best effort).
type anyValue struct{}

func inv(f string, v any, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeInvalid, Field: f, BadValue: v, Detail: d}
}
func req(f, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeRequired, Field: f, BadValue: "", Detail: d}
}
func ns(f string, v any, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeNotSupported, Field: f, BadValue: v, Detail: d}
}
func dup(f string, v any) *field.Error {
	return &field.Error{Type: field.ErrorTypeDuplicate, Field: f, BadValue: v}
}
func forb(f, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeForbidden, Field: f, BadValue: "", Detail: d}
}
func tooMany(f string, n, max int) *field.Error {
	return &field.Error{Type: field.ErrorTypeTooMany, Field: f, BadValue: n, Detail: fmt.Sprintf("must have at most %d items", max)}
}
func tooLong(f string, max int) *field.Error {
	return &field.Error{Type: field.ErrorTypeTooLong, Field: f, BadValue: "", Detail: fmt.Sprintf("may not be more than %d bytes", max)}
}
func immutable(f string) *field.Error { return inv(f, anyValue{}, "field is immutable") }

var omit = field.OmitValueType{}

// render is one error as a comparable line; anyValue errors compare on
// (path, type, detail) only.
func render(e *field.Error, skipValue bool) string {
	if skipValue {
		return fmt.Sprintf("%s | %s | * | %s", e.Field, e.Type, e.Detail)
	}
	return e.Error()
}

// checkErrors compares got with want, element by element and in order.
func checkErrors(t *testing.T, got, want field.ErrorList) {
	t.Helper()
	var g, w []string
	for i, we := range want {
		_, skip := we.BadValue.(anyValue)
		w = append(w, render(we, skip))
		if i < len(got) {
			g = append(g, render(got[i], skip))
		}
	}
	for _, ge := range got[min(len(got), len(want)):] {
		g = append(g, render(ge, false))
	}
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("errors:\n got:\n  %s\n want:\n  %s", strings.Join(g, "\n  "), strings.Join(w, "\n  "))
	}
}

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
