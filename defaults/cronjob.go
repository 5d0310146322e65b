package defaults

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/equality"
)

// CronJob returns a defaulted deep copy of in, as the API server's
// defaulter (the batch/v1 scheme's SetObjectDefaults_CronJob) leaves a
// decoded CronJob. Each field is set only when absent:
//
//   - concurrencyPolicy Allow; suspend false;
//   - successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1;
//   - spec.jobTemplate.spec.podFailurePolicy.rules[*].onPodConditions[*].status
//     "True";
//   - the Pod defaults of spec.jobTemplate.spec.template, the same as for a
//     Job's template (see Job).
//
// The Job defaults of SetDefaults_Job (parallelism, completions,
// backoffLimit, completionMode, suspend, manualSelector,
// podReplacementPolicy, the labels copy) are NOT applied to the job
// template: the scheme does not run them for a CronJob, and the CronJob
// controller's Jobs get them when they are created. startingDeadlineSeconds
// and timeZone have no default. A nil in gives nil.
func CronJob(in *job.CronJob) *job.CronJob {
	if in == nil {
		return nil
	}
	out := in.DeepCopy()
	s := &out.Spec
	if s.ConcurrencyPolicy == "" {
		s.ConcurrencyPolicy = job.AllowConcurrent
	}
	if s.Suspend == nil {
		s.Suspend = job.Ptr(false)
	}
	if s.SuccessfulJobsHistoryLimit == nil {
		s.SuccessfulJobsHistoryLimit = job.Ptr[int32](3)
	}
	if s.FailedJobsHistoryLimit == nil {
		s.FailedJobsHistoryLimit = job.Ptr[int32](1)
	}
	defaultOnPodConditions(s.JobTemplate.Spec.PodFailurePolicy)
	defaultPodTemplate(&s.JobTemplate.Spec.Template)
	return out
}

// PrepareCronJobForCreate returns a copy of in with the CronJob create
// strategy applied: status reset to empty, metadata.generation 1, and
// spec.jobTemplate.spec.scheduling dropped (WorkloadWithJob is alpha, off
// by default). As for PrepareForCreate, the system fields the API server
// fills from its clock, its random source and the request (uid,
// creationTimestamp, a generated name, the namespace) are the caller's. A
// nil in gives nil.
func PrepareCronJobForCreate(in *job.CronJob) *job.CronJob {
	if in == nil {
		return nil
	}
	out := in.DeepCopy()
	out.Status = job.CronJobStatus{}
	out.Generation = 1
	out.Spec.JobTemplate.Spec.Scheduling = nil
	return out
}

// PrepareCronJobForUpdate returns a copy of newCJ as the API server leaves
// an update of the CronJob resource before validating it, given the stored
// oldCJ; newCJ is expected to be defaulted already (CronJob). In order:
//
//  1. metadata.generation is forced to the old value;
//  2. status is replaced by the old status;
//  3. spec.jobTemplate.spec.scheduling is dropped unless the old template
//     has one;
//  4. when the spec changed (equality.CronJobSpecs), generation is the old
//     generation + 1;
//  5. the system fields are fixed up as in PrepareForUpdate (uid and
//     resourceVersion taken from the old object when empty, timestamps
//     kept).
//
// Neither argument is modified; a nil newCJ gives nil, a nil oldCJ a plain
// copy.
func PrepareCronJobForUpdate(newCJ, oldCJ *job.CronJob) *job.CronJob {
	if newCJ == nil {
		return nil
	}
	out := newCJ.DeepCopy()
	if oldCJ == nil {
		return out
	}
	out.Generation = oldCJ.Generation
	out.Status = *oldCJ.Status.DeepCopy()
	if len(oldCJ.Spec.JobTemplate.Spec.Scheduling) == 0 {
		out.Spec.JobTemplate.Spec.Scheduling = nil
	}
	if !equality.CronJobSpecs(&out.Spec, &oldCJ.Spec) {
		out.Generation = oldCJ.Generation + 1
	}
	fixSystemFields(&out.ObjectMeta, &oldCJ.ObjectMeta)
	return out
}

// PrepareCronJobForStatusUpdate returns a copy of newCJ as the API server
// leaves a write to the CronJob's /status subresource: the spec is replaced
// by the old spec and the system fields are fixed up as in
// PrepareForUpdate; the generation is the old one. The API server runs no
// validation of a CronJob status beyond the generic metadata rules.
// Neither argument is modified.
func PrepareCronJobForStatusUpdate(newCJ, oldCJ *job.CronJob) *job.CronJob {
	if newCJ == nil {
		return nil
	}
	out := newCJ.DeepCopy()
	if oldCJ == nil {
		return out
	}
	out.Generation = oldCJ.Generation
	out.Spec = *oldCJ.Spec.DeepCopy()
	fixSystemFields(&out.ObjectMeta, &oldCJ.ObjectMeta)
	return out
}
