// Package equality is the semantic equality of Job API values that the API
// server uses (apiequality.Semantic.DeepEqual) for immutability checks and
// for deciding that an update changed a Job's spec: nil and empty slices and
// maps are equal, pointers compare by the values they point to (nil differs
// from non-nil), resource quantities compare numerically ("1" equals
// "1000m"; see Semantic). Members kept verbatim (job.Unknown, spec.scheduling)
// compare as decoded JSON in which null, [] and {} equal an absent member.
// It is shared by package validation and package defaults.
package equality

import (
	"maps"
	"slices"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// Selectors reports whether two label selectors are equal; nil equals only nil.
func Selectors(a, b *job.LabelSelector) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if !maps.Equal(a.MatchLabels, b.MatchLabels) || len(a.MatchExpressions) != len(b.MatchExpressions) {
		return false
	}
	for i := range a.MatchExpressions {
		x, y := a.MatchExpressions[i], b.MatchExpressions[i]
		if x.Key != y.Key || x.Operator != y.Operator || !slices.Equal(x.Values, y.Values) {
			return false
		}
	}
	return true
}

// PodFailurePolicies reports whether two pod failure policies are equal.
func PodFailurePolicies(a, b *policy.PodFailurePolicy) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a.Rules) != len(b.Rules) {
		return false
	}
	for i := range a.Rules {
		x, y := &a.Rules[i], &b.Rules[i]
		if x.Action != y.Action || !slices.Equal(x.OnPodConditions, y.OnPodConditions) {
			return false
		}
		if (x.OnExitCodes == nil) != (y.OnExitCodes == nil) {
			return false
		}
		if x.OnExitCodes != nil {
			e, f := x.OnExitCodes, y.OnExitCodes
			if e.Operator != f.Operator || !Ptr(e.ContainerName, f.ContainerName) || !slices.Equal(e.Values, f.Values) {
				return false
			}
		}
	}
	return true
}

// SuccessPolicies reports whether two success policies are equal.
func SuccessPolicies(a, b *policy.SuccessPolicy) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a.Rules) != len(b.Rules) {
		return false
	}
	for i := range a.Rules {
		x, y := a.Rules[i], b.Rules[i]
		if !Ptr(x.SucceededIndexes, y.SucceededIndexes) || !Ptr(x.SucceededCount, y.SucceededCount) {
			return false
		}
	}
	return true
}

// Templates reports whether two pod templates are equal.
func Templates(a, b *job.PodTemplateSpec) bool {
	return ObjectMeta(&a.ObjectMeta, &b.ObjectMeta) && PodSpecs(&a.Spec, &b.Spec)
}

// ObjectMeta reports whether two ObjectMetas are equal, field by field.
func ObjectMeta(a, b *job.ObjectMeta) bool {
	if a.Name != b.Name || a.GenerateName != b.GenerateName || a.Namespace != b.Namespace ||
		a.SelfLink != b.SelfLink || a.UID != b.UID || a.ResourceVersion != b.ResourceVersion ||
		a.Generation != b.Generation || !a.CreationTimestamp.Equal(b.CreationTimestamp) ||
		!TimePtr(a.DeletionTimestamp, b.DeletionTimestamp) ||
		!Ptr(a.DeletionGracePeriodSeconds, b.DeletionGracePeriodSeconds) ||
		!maps.Equal(a.Labels, b.Labels) || !maps.Equal(a.Annotations, b.Annotations) ||
		!slices.Equal(a.Finalizers, b.Finalizers) || len(a.OwnerReferences) != len(b.OwnerReferences) ||
		len(a.ManagedFields) != len(b.ManagedFields) {
		return false
	}
	for i := range a.OwnerReferences {
		x, y := a.OwnerReferences[i], b.OwnerReferences[i]
		if x.APIVersion != y.APIVersion || x.Kind != y.Kind || x.Name != y.Name || x.UID != y.UID ||
			!Ptr(x.Controller, y.Controller) || !Ptr(x.BlockOwnerDeletion, y.BlockOwnerDeletion) {
			return false
		}
	}
	for i := range a.ManagedFields {
		if !Raw(a.ManagedFields[i], b.ManagedFields[i]) {
			return false
		}
	}
	return true
}

// PodSpecs reports whether two pod specs are semantically equal (Semantic).
func PodSpecs(a, b *job.PodSpec) bool { return Semantic(a, b) }

// unknownEqual compares verbatim members; a member whose value is null, []
// or {} counts as absent.
func unknownEqual(a, b job.Unknown) bool {
	for k, v := range a {
		w, ok := b[k]
		if !ok {
			if !IsEmptyJSON(v) {
				return false
			}
			continue
		}
		if !Raw(v, w) {
			return false
		}
	}
	for k, w := range b {
		if _, ok := a[k]; !ok && !IsEmptyJSON(w) {
			return false
		}
	}
	return true
}

// Ptr compares two pointers by the values they point to; nil equals
// only nil.
func Ptr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// TimePtr is Ptr for times, compared with Time.Equal.
func TimePtr(a, b *job.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// JobSpecs reports whether two Job specs are semantically equal: the test
// the API server uses to decide that an update changed the spec.
func JobSpecs(a, b *job.JobSpec) bool {
	return Ptr(a.Parallelism, b.Parallelism) && Ptr(a.Completions, b.Completions) &&
		Ptr(a.ActiveDeadlineSeconds, b.ActiveDeadlineSeconds) &&
		PodFailurePolicies(a.PodFailurePolicy, b.PodFailurePolicy) &&
		SuccessPolicies(a.SuccessPolicy, b.SuccessPolicy) &&
		Ptr(a.BackoffLimit, b.BackoffLimit) && Ptr(a.BackoffLimitPerIndex, b.BackoffLimitPerIndex) &&
		Ptr(a.MaxFailedIndexes, b.MaxFailedIndexes) && Selectors(a.Selector, b.Selector) &&
		Ptr(a.ManualSelector, b.ManualSelector) && Templates(&a.Template, &b.Template) &&
		Ptr(a.TTLSecondsAfterFinished, b.TTLSecondsAfterFinished) &&
		Ptr(a.CompletionMode, b.CompletionMode) && Ptr(a.Suspend, b.Suspend) &&
		Ptr(a.PodReplacementPolicy, b.PodReplacementPolicy) && Ptr(a.ManagedBy, b.ManagedBy) &&
		Raw(a.Scheduling, b.Scheduling)
}
