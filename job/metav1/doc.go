// Package metav1 holds the object metadata types of Kubernetes'
// apimachinery meta/v1 that jobkit's API types share: TypeMeta, ObjectMeta,
// OwnerReference, Time, LabelSelector (with its matching semantics) and UID,
// plus Unknown, the verbatim store of JSON members a type does not model.
//
// The types keep the wire names, omitempty rules and encodings of
// k8s.io/apimachinery v0.37 so that JSON is interchangeable. Package job
// re-exports every name here as an alias (job.ObjectMeta, job.Time, ...).
package metav1
