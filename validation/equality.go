package validation

import (
	"bytes"
	"maps"
	"slices"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// Semantic equality as the API server's immutability checks use it
// (apiequality.Semantic.DeepEqual): nil and empty slices and maps are equal,
// pointers compare by the values they point to (nil differs from non-nil).
// Members kept verbatim (PodSpec.Unknown, Container.Unknown) compare as
// decoded JSON where null, [] and {} equal an absent member, and resource
// quantities under "resources" compare numerically (quantity.go).

func selectorsEqual(a, b *job.LabelSelector) bool {
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

func podFailurePoliciesEqual(a, b *policy.PodFailurePolicy) bool {
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
			if e.Operator != f.Operator || !ptrEqual(e.ContainerName, f.ContainerName) || !slices.Equal(e.Values, f.Values) {
				return false
			}
		}
	}
	return true
}

func successPoliciesEqual(a, b *policy.SuccessPolicy) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a.Rules) != len(b.Rules) {
		return false
	}
	for i := range a.Rules {
		x, y := a.Rules[i], b.Rules[i]
		if !ptrEqual(x.SucceededIndexes, y.SucceededIndexes) || !ptrEqual(x.SucceededCount, y.SucceededCount) {
			return false
		}
	}
	return true
}

func templatesEqual(a, b *job.PodTemplateSpec) bool {
	return objectMetaEqual(&a.ObjectMeta, &b.ObjectMeta) && podSpecsEqual(&a.Spec, &b.Spec)
}

func objectMetaEqual(a, b *job.ObjectMeta) bool {
	if a.Name != b.Name || a.GenerateName != b.GenerateName || a.Namespace != b.Namespace ||
		a.SelfLink != b.SelfLink || a.UID != b.UID || a.ResourceVersion != b.ResourceVersion ||
		a.Generation != b.Generation || !a.CreationTimestamp.Equal(b.CreationTimestamp) ||
		!timePtrEqual(a.DeletionTimestamp, b.DeletionTimestamp) ||
		!ptrEqual(a.DeletionGracePeriodSeconds, b.DeletionGracePeriodSeconds) ||
		!maps.Equal(a.Labels, b.Labels) || !maps.Equal(a.Annotations, b.Annotations) ||
		!slices.Equal(a.Finalizers, b.Finalizers) || len(a.OwnerReferences) != len(b.OwnerReferences) ||
		len(a.ManagedFields) != len(b.ManagedFields) {
		return false
	}
	for i := range a.OwnerReferences {
		x, y := a.OwnerReferences[i], b.OwnerReferences[i]
		if x.APIVersion != y.APIVersion || x.Kind != y.Kind || x.Name != y.Name || x.UID != y.UID ||
			!ptrEqual(x.Controller, y.Controller) || !ptrEqual(x.BlockOwnerDeletion, y.BlockOwnerDeletion) {
			return false
		}
	}
	for i := range a.ManagedFields {
		if !rawEqual(a.ManagedFields[i], b.ManagedFields[i]) {
			return false
		}
	}
	return true
}

func podSpecsEqual(a, b *job.PodSpec) bool {
	return a.RestartPolicy == b.RestartPolicy && a.NodeName == b.NodeName &&
		a.Hostname == b.Hostname && a.Subdomain == b.Subdomain &&
		containersEqual(a.InitContainers, b.InitContainers) &&
		containersEqual(a.Containers, b.Containers) &&
		unknownEqual(a.Unknown, b.Unknown)
}

func containersEqual(a, b []job.Container) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Name != y.Name || x.Image != y.Image || !ptrEqual(x.RestartPolicy, y.RestartPolicy) ||
			len(x.Env) != len(y.Env) || !unknownEqual(x.Unknown, y.Unknown) {
			return false
		}
		for k := range x.Env {
			e, f := x.Env[k], y.Env[k]
			if e.Name != f.Name || e.Value != f.Value || (e.ValueFrom == nil) != (f.ValueFrom == nil) {
				return false
			}
			if e.ValueFrom != nil && (!ptrEqual(e.ValueFrom.FieldRef, f.ValueFrom.FieldRef) ||
				!unknownEqual(e.ValueFrom.Unknown, f.ValueFrom.Unknown)) {
				return false
			}
		}
	}
	return true
}

// unknownEqual compares verbatim members; a member whose value is null, []
// or {} counts as absent.
func unknownEqual(a, b job.Unknown) bool {
	for k, v := range a {
		w, ok := b[k]
		if !ok {
			if !isEmptyJSON(v) {
				return false
			}
			continue
		}
		if k == "resources" {
			if !resourcesEqual(v, w) {
				return false
			}
		} else if !rawEqual(v, w) {
			return false
		}
	}
	for k, w := range b {
		if _, ok := a[k]; !ok && !isEmptyJSON(w) {
			return false
		}
	}
	return true
}

// resourcesEqual compares two "resources" members with quantities
// compared numerically.
func resourcesEqual(a, b []byte) bool {
	if bytes.Equal(a, b) || isEmptyJSON(a) && isEmptyJSON(b) {
		return true
	}
	return jsonEqual(canonicalResources(decodeOrText(a)), canonicalResources(decodeOrText(b)))
}

// ptrEqual compares two pointers by the values they point to; nil equals
// only nil.
func ptrEqual[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// timePtrEqual is ptrEqual for times, compared with Time.Equal.
func timePtrEqual(a, b *job.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
