package defaults

import (
	"reflect"

	"github.com/jobkit/jobkit/job"
)

// GenerateSelector returns a copy of in with the selector and labels the
// API server generates on create when spec.manualSelector is not true
// (§5.1); with manualSelector true it returns an unchanged copy:
//
//  1. a nil template label map becomes an empty map;
//  2. the template labels job-name and batch.kubernetes.io/job-name are set
//     to metadata.name, and controller-uid and
//     batch.kubernetes.io/controller-uid to metadata.uid, each only when the
//     key is absent (a wrong present value is left for validation);
//  3. a nil selector becomes {}, a nil matchLabels {}, and matchLabels gets
//     batch.kubernetes.io/controller-uid = metadata.uid when that key is
//     absent; other matchLabels and matchExpressions are kept.
//
// When metadata.labels and the template labels are the same map (as Job
// leaves them), they stay the same map in the copy, so the Job's own labels
// carry the generated labels too — the API server's observable behaviour.
// metadata.uid is used as is: the API server assigns a random UID first,
// which a caller must do itself (an empty UID yields empty label values and
// fails validation with "metadata.uid: Required value").
func GenerateSelector(in *job.Job) *job.Job {
	if in == nil {
		return nil
	}
	out := copyKeepingLabelAlias(in)
	if out.Spec.ManualSelector == nil || !*out.Spec.ManualSelector {
		generateSelector(out)
	}
	return out
}

// generateSelector applies GenerateSelector to out in place, whatever
// manualSelector says.
func generateSelector(out *job.Job) {
	t := &out.Spec.Template
	if t.Labels == nil {
		t.Labels = map[string]string{}
	}
	for _, k := range []string{job.LegacyJobNameLabel, job.JobNameLabel} {
		if _, ok := t.Labels[k]; !ok {
			t.Labels[k] = out.Name
		}
	}
	for _, k := range []string{job.LegacyControllerUIDLabel, job.ControllerUIDLabel} {
		if _, ok := t.Labels[k]; !ok {
			t.Labels[k] = string(out.UID)
		}
	}
	if out.Spec.Selector == nil {
		out.Spec.Selector = &job.LabelSelector{}
	}
	if out.Spec.Selector.MatchLabels == nil {
		out.Spec.Selector.MatchLabels = map[string]string{}
	}
	if _, ok := out.Spec.Selector.MatchLabels[job.ControllerUIDLabel]; !ok {
		out.Spec.Selector.MatchLabels[job.ControllerUIDLabel] = string(out.UID)
	}
}

// copyKeepingLabelAlias returns a deep copy of in in which the labels and
// the template labels are still one map when they are one map in in (see
// Job); DeepCopy alone would make them two.
func copyKeepingLabelAlias(in *job.Job) *job.Job {
	out := in.DeepCopy()
	if hasAliasedLabels(in) {
		out.Labels = out.Spec.Template.Labels
	}
	return out
}

// hasAliasedLabels reports whether in's labels and template labels are the
// same map (see Job).
func hasAliasedLabels(in *job.Job) bool {
	return in.Labels != nil && in.Spec.Template.Labels != nil &&
		reflect.ValueOf(in.Labels).UnsafePointer() == reflect.ValueOf(in.Spec.Template.Labels).UnsafePointer()
}
