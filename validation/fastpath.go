package validation

import (
	"strings"

	"github.com/jobkit/jobkit/job"
)

// Allocation-free predicates that recognise input on which a validation
// function would report nothing, so that the common valid case skips
// building field paths and sorting map keys. Each is conservative: true only
// when the full check is certain to return no error; the full check (with
// its exact messages and order) runs otherwise.

// isLabelMapValid reports whether ValidateLabels(m, p) is empty.
func isLabelMapValid(m map[string]string) bool {
	for k, v := range m {
		if len(IsQualifiedName(k)) > 0 || len(IsValidLabelValue(v)) > 0 {
			return false
		}
	}
	return true
}

// isAnnotationMapValid reports whether ValidateAnnotations(m, p) is empty.
func isAnnotationMapValid(m map[string]string) bool {
	size := 0
	for k, v := range m {
		size += len(k) + len(v)
		if size > TotalAnnotationSizeLimitB || !isLowerQualifiedNameValid(k) {
			return false
		}
	}
	return true
}

// isLowerQualifiedNameValid reports whether IsQualifiedName of k
// lower-cased is empty, without lower-casing when k has no upper-case byte.
func isLowerQualifiedNameValid(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return len(IsQualifiedName(strings.ToLower(k))) == 0
		}
	}
	return len(IsQualifiedName(k)) == 0
}

// isMetaValid reports whether ValidateObjectMeta(metaView(m), true, nameFn,
// p) is empty. Owner references always take the full path.
func isMetaValid(m *job.ObjectMeta, nameFn ValidateNameFunc) bool {
	if m.Name == "" || len(nameFn(m.Name, false)) > 0 ||
		(m.GenerateName != "" && len(nameFn(m.GenerateName, true)) > 0) ||
		m.Namespace == "" || len(ValidateNamespaceName(m.Namespace, false)) > 0 ||
		m.Generation < 0 || len(m.OwnerReferences) > 0 ||
		!isLabelMapValid(m.Labels) || !isAnnotationMapValid(m.Annotations) {
		return false
	}
	orphan, foreground := false, false
	for _, f := range m.Finalizers {
		if len(IsQualifiedName(f)) > 0 {
			return false
		}
		orphan = orphan || f == FinalizerOrphanDependents
		foreground = foreground || f == FinalizerDeleteDependents
	}
	return !(orphan && foreground)
}
