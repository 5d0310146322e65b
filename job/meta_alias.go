package job

import (
	"time"

	"github.com/jobkit/jobkit/job/metav1"
)

// The object metadata types live in package metav1 (shared with the core/v1
// model in package corev1); these aliases keep their names in package job.
type (
	UID                      = metav1.UID
	TypeMeta                 = metav1.TypeMeta
	ObjectMeta               = metav1.ObjectMeta
	OwnerReference           = metav1.OwnerReference
	Time                     = metav1.Time
	LabelSelector            = metav1.LabelSelector
	LabelSelectorRequirement = metav1.LabelSelectorRequirement
	LabelSelectorOperator    = metav1.LabelSelectorOperator
	Unknown                  = metav1.Unknown
)

// Label selector operators (metav1).
const (
	LabelSelectorOpIn           = metav1.LabelSelectorOpIn
	LabelSelectorOpNotIn        = metav1.LabelSelectorOpNotIn
	LabelSelectorOpExists       = metav1.LabelSelectorOpExists
	LabelSelectorOpDoesNotExist = metav1.LabelSelectorOpDoesNotExist
)

// NewTime returns t in UTC, truncated to whole seconds, as the API server
// stores it (metav1.NewTime).
func NewTime(t time.Time) Time { return metav1.NewTime(t) }

// NewTimePtr is NewTime returning a pointer, for optional fields.
func NewTimePtr(t time.Time) *Time { return metav1.NewTimePtr(t) }

// Ptr returns a pointer to a copy of v, for optional API fields.
func Ptr[T any](v T) *T { return &v }

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
