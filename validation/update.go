package validation

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// ValidateJobUpdate is the API server's validation of an update of the Job
// resource (§3), given the new object as the strategy sees it (defaulted,
// status replaced by the old status) and the stored old object. The list
// is what the server returns, in its order, duplicates kept:
//
//  1. the generic registry checks: metadata of newJob with the
//     path-segment name rule, then the metadata update rules (§3.2);
//  2. the Job strategy: the metadata update rules again (plus the
//     finalizer-name rule), ValidateJobSpec on the new spec with the update
//     options (§3.1), the immutability rules in the order of §3.3
//     (completions, selector, template, completionMode, podFailurePolicy,
//     backoffLimitPerIndex, managedBy, successPolicy, scheduling), then the
//     Indexed hostname rule (upstream's ValidateJobUpdate runs it last).
//
// The update options derive from oldJob and opts: RequirePrefixedLabels
// (irrelevant on update in 1.37), AllowInvalidLabelValueInSelector when the
// old selector already had a bad matchExpressions value, and the two
// "mutable suspended Job" gates (see Options).
//
// metadata.resourceVersion is never required: Jobs allow unconditional
// updates, so the server fills an empty one from the stored object. nil
// arguments are treated as empty Jobs. Never mutates its arguments.
func ValidateJobUpdate(newJob, oldJob *job.Job, opts Options) field.ErrorList {
	if newJob == nil {
		newJob = &job.Job{}
	}
	if oldJob == nil {
		oldJob = &job.Job{}
	}
	o := updateOptions(oldJob, opts)
	errs := validateCommonFields(&newJob.ObjectMeta, &oldJob.ObjectMeta)
	errs = append(errs, validateCoreObjectMetaUpdate(&newJob.ObjectMeta, &oldJob.ObjectMeta, metadataPath)...)
	errs = append(errs, validateJobSpec(&newJob.Spec, specPath, o)...)
	errs = append(errs, validateJobSpecImmutability(&newJob.Spec, &oldJob.Spec, specPath, o)...)
	return append(errs, validateIndexedHostname(newJob)...)
}

// updateOptions is upstream's validationOptionsForJob for an update.
func updateOptions(old *job.Job, opts Options) specOptions {
	_, hadName := old.Spec.Template.Labels[job.JobNameLabel]
	_, hadUID := old.Spec.Template.Labels[job.ControllerUIDLabel]
	o := specOptions{
		requirePrefixedLabels:            hadName && hadUID,
		allowInvalidLabelValueInSelector: selectorHasInvalidLabelValue(old.Spec.Selector),
	}
	suspended := old.Spec.IsSuspended()
	eligible := suspended &&
		(old.Status.StartTime == nil || old.Status.HasTrueCondition(job.JobSuspended)) &&
		old.Status.Active == 0
	if opts.MutableSchedulingDirectivesForSuspendedJobs {
		o.allowMutableSchedulingDirectives = eligible
	} else {
		o.allowMutableSchedulingDirectives = suspended && old.Status.StartTime == nil
	}
	o.allowMutablePodResources = opts.MutablePodResourcesForSuspendedJobs && eligible
	return o
}
