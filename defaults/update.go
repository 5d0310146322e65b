package defaults

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/equality"
)

// PrepareForUpdate returns a copy of newJob as the API server leaves an
// update of the Job resource before validating it (§1.4), given the stored
// oldJob. newJob is expected to be defaulted already (Job). In order:
//
//  1. metadata.generation is forced to the old value;
//  2. status is replaced by the old status (the main resource ignores
//     status changes);
//  3. spec.scheduling is dropped unless the old Job has one (WorkloadWithJob
//     is alpha, off by default);
//  4. when the spec changed, generation is the old generation + 1;
//  5. an empty metadata.uid and an empty metadata.resourceVersion (Jobs allow
//     unconditional updates) are taken from the old Job; creationTimestamp
//     and deletionTimestamp are forced to the old values when the old Job
//     has them (an update cannot change or remove them; a deletionTimestamp
//     added by an update is left for validation to reject as immutable),
//     and deletionGracePeriodSeconds too when the new one is nil.
//
// "The spec changed" is the API server's semantic equality
// (equality.JobSpecs: resource quantities compare numerically, null, [] and
// {} members of verbatim fields equal absent ones). Neither argument is modified; a nil newJob
// gives nil, a nil oldJob a plain copy.
func PrepareForUpdate(newJob, oldJob *job.Job) *job.Job {
	if newJob == nil {
		return nil
	}
	out := newJob.DeepCopy()
	if oldJob == nil {
		return out
	}
	out.Generation = oldJob.Generation
	out.Status = *oldJob.Status.DeepCopy()
	if len(oldJob.Spec.Scheduling) == 0 {
		out.Spec.Scheduling = nil
	}
	if !equality.JobSpecs(&out.Spec, &oldJob.Spec) {
		out.Generation = oldJob.Generation + 1
	}
	fixSystemFields(&out.ObjectMeta, &oldJob.ObjectMeta)
	return out
}

// PrepareForStatusUpdate returns a copy of newJob as the API server leaves
// a write to the /status subresource before validating it (§1.4): the
// generation is forced to the old value, the whole spec is replaced by the
// old spec, and the system fields are fixed up as in PrepareForUpdate.
// Other metadata changes are kept. Neither argument is modified.
func PrepareForStatusUpdate(newJob, oldJob *job.Job) *job.Job {
	if newJob == nil {
		return nil
	}
	out := newJob.DeepCopy()
	if oldJob == nil {
		return out
	}
	out.Generation = oldJob.Generation
	out.Spec = *oldJob.Spec.DeepCopy()
	fixSystemFields(&out.ObjectMeta, &oldJob.ObjectMeta)
	return out
}

func fixSystemFields(n, o *job.ObjectMeta) {
	if n.UID == "" {
		n.UID = o.UID
	}
	if n.ResourceVersion == "" {
		n.ResourceVersion = o.ResourceVersion
	}
	if !o.CreationTimestamp.IsZero() {
		n.CreationTimestamp = o.CreationTimestamp
	}
	if o.DeletionTimestamp != nil && !o.DeletionTimestamp.IsZero() {
		t := *o.DeletionTimestamp
		n.DeletionTimestamp = &t
	}
	if n.DeletionGracePeriodSeconds == nil && o.DeletionGracePeriodSeconds != nil {
		v := *o.DeletionGracePeriodSeconds
		n.DeletionGracePeriodSeconds = &v
	}
}
