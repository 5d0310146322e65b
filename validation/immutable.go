package validation

import (
	"encoding/json"
	"github.com/jobkit/jobkit/validation/equality"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// validateJobSpecImmutability is the second half of ValidateJobSpecUpdate
// (§3.3), in upstream's order. Every error is Invalid "field is immutable"
// with the new value, except the Indexed completions rule.
func validateJobSpecImmutability(n, o *job.JobSpec, p *field.Path, so specOptions) field.ErrorList {
	var errs field.ErrorList
	errs = append(errs, validateCompletionsUpdate(n, o, p.Child("completions"))...)
	if !equality.Selectors(n.Selector, o.Selector) {
		errs = append(errs, field.Invalid(p.Child("selector"), n.Selector, fieldImmutable))
	}
	errs = append(errs, validatePodTemplateUpdate(n, o, p, so)...)
	if !equality.Ptr(n.CompletionMode, o.CompletionMode) {
		errs = append(errs, field.Invalid(p.Child("completionMode"), n.CompletionMode, fieldImmutable))
	}
	if !equality.PodFailurePolicies(n.PodFailurePolicy, o.PodFailurePolicy) {
		errs = append(errs, field.Invalid(p.Child("podFailurePolicy"), renderPodFailurePolicy(n.PodFailurePolicy), fieldImmutable))
	}
	if !equality.Ptr(n.BackoffLimitPerIndex, o.BackoffLimitPerIndex) {
		errs = append(errs, field.Invalid(p.Child("backoffLimitPerIndex"), n.BackoffLimitPerIndex, fieldImmutable))
	}
	if !equality.Ptr(n.ManagedBy, o.ManagedBy) {
		errs = append(errs, field.Invalid(p.Child("managedBy"), n.ManagedBy, fieldImmutable))
	}
	if !equality.SuccessPolicies(n.SuccessPolicy, o.SuccessPolicy) {
		errs = append(errs, field.Invalid(p.Child("successPolicy"), renderSuccessPolicy(n.SuccessPolicy), fieldImmutable))
	}
	errs = append(errs, validateSchedulingUpdate(n, o, p.Child("scheduling"))...)
	return errs
}

// validateCompletionsUpdate: NonIndexed completions are immutable; Indexed
// completions may change only together with (to the same value as)
// parallelism. A nil new value on an Indexed Job is left to the Required
// rule. A nil parallelism never equals completions (no panic, unlike
// upstream, which dereferences it; the API server always defaults it).
func validateCompletionsUpdate(n, o *job.JobSpec, p *field.Path) field.ErrorList {
	if !n.IsIndexed() {
		if !equality.Ptr(n.Completions, o.Completions) {
			return field.ErrorList{field.Invalid(p, n.Completions, fieldImmutable)}
		}
		return nil
	}
	if n.Completions == nil || equality.Ptr(n.Completions, o.Completions) {
		return nil
	}
	if n.Parallelism != nil && *n.Completions == *n.Parallelism {
		return nil
	}
	return field.ErrorList{field.Invalid(p, *n.Completions, "can only be modified in tandem with spec.parallelism")}
}

// validateSchedulingUpdate: spec.scheduling (alpha WorkloadWithJob). Adding
// it is no error (with the gate off the server has dropped it before
// validation; see Options.WorkloadWithJob). Once set it is immutable except
// schedulingPolicy.gang.minCount. The member is kept verbatim (raw JSON)
// and its contents are not validated.
func validateSchedulingUpdate(n, o *job.JobSpec, p *field.Path) field.ErrorList {
	if equality.IsEmptyJSON(o.Scheduling) {
		return nil
	}
	if !equality.JSON(withoutGangMinCount(n.Scheduling), withoutGangMinCount(o.Scheduling)) {
		return field.ErrorList{field.Invalid(p, json.RawMessage(n.Scheduling), fieldImmutable)}
	}
	return nil
}

// withoutGangMinCount decodes raw and removes schedulingPolicy.gang.minCount.
func withoutGangMinCount(raw []byte) any {
	v := equality.DecodeOrText(raw)
	if m, ok := v.(map[string]any); ok {
		if sp, ok := m["schedulingPolicy"].(map[string]any); ok {
			if g, ok := sp["gang"].(map[string]any); ok {
				delete(g, "minCount")
			}
		}
	}
	return v
}
