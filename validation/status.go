package validation

import (
	"fmt"
	"github.com/jobkit/jobkit/validation/equality"
	"slices"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// ValidateJobStatusUpdate is the API server's validation of a write to the
// Job's /status subresource (§4). The server first replaces the new spec
// with the stored one, so every spec-based rule here reads oldJob.Spec
// (newJob.Spec is ignored). The list, in the server's order, duplicates
// kept:
//
//  1. the generic registry metadata checks (as for ValidateJobUpdate);
//  2. the metadata update rules (again, plus the finalizer-name rule);
//  3. the always-applied status checks (§4.2);
//  4. the option-gated checks (§4.3), each switched on only when a field it
//     reads changed (§4.4; JobManagedBy is GA so this always applies);
//  5. the unconditional SuccessCriteriaMet / successPolicy checks;
//  6. the transition rules (terminal conditions, counters, completionTime,
//     startTime, SuccessCriteriaMet).
//
// opts does not change status validation in 1.37. nil arguments are empty
// Jobs; never mutates its arguments.
func ValidateJobStatusUpdate(newJob, oldJob *job.Job, opts Options) field.ErrorList {
	_ = opts
	if newJob == nil {
		newJob = &job.Job{}
	}
	if oldJob == nil {
		oldJob = &job.Job{}
	}
	spec := &oldJob.Spec
	errs := validateCommonFields(&newJob.ObjectMeta, &oldJob.ObjectMeta)
	errs = append(errs, validateCoreObjectMetaUpdate(&newJob.ObjectMeta, &oldJob.ObjectMeta, metadataPath)...)
	so := statusOptionsFor(spec, &newJob.Status, &oldJob.Status)
	errs = append(errs, validateJobStatus(spec, &newJob.Status, so)...)
	errs = append(errs, validateStatusTransitions(spec, &newJob.Status, &oldJob.Status, so)...)
	return errs
}

// statusOptions is upstream's JobStatusValidationOptions.
type statusOptions struct {
	rejectDecreasingSucceededCounter             bool
	rejectDecreasingFailedCounter                bool
	rejectDisablingTerminalCondition             bool
	rejectMutatingCompletionTime                 bool
	rejectInvalidCompletedIndexes                bool
	rejectInvalidFailedIndexes                   bool
	rejectCompletedIndexesForNonIndexedJob       bool
	rejectFailedIndexesForNoBackoffLimitPerIndex bool
	rejectFailedIndexesOverlappingCompleted      bool
	rejectFailedJobWithoutFailureTarget          bool
	rejectCompleteJobWithoutSuccessCriteriaMet   bool
	rejectFinishedJobWithActivePods              bool
	rejectFinishedJobWithoutStartTime            bool
	rejectFinishedJobWithUncountedTerminatedPods bool
	rejectStartTimeUpdateForUnsuspendedJob       bool
	rejectCompletionTimeBeforeStartTime          bool
	rejectNotCompleteJobWithCompletionTime       bool
	rejectCompleteJobWithoutCompletionTime       bool
	rejectCompleteJobWithFailedCondition         bool
	rejectCompleteJobWithFailureTargetCondition  bool
	rejectMoreReadyThanActivePods                bool
	rejectFinishedJobWithTerminatingPods         bool
}

// statusOptionsFor is upstream's getStatusValidationOptions (§4.4): a rule
// is on only when a field it reads changed.
func statusOptionsFor(spec *job.JobSpec, n, o *job.JobStatus) statusOptions {
	changed := func(t job.JobConditionType) bool { return n.HasTrueCondition(t) != o.HasTrueCondition(t) }
	finished := n.IsFinished() != o.IsFinished()
	complete := changed(job.JobComplete)
	failed := changed(job.JobFailed)
	failureTarget := changed(job.JobFailureTarget)
	scm := changed(job.JobSuccessCriteriaMet)
	completedIdx := n.CompletedIndexes != o.CompletedIndexes
	failedIdx := !equality.Ptr(n.FailedIndexes, o.FailedIndexes)
	active := n.Active != o.Active
	start := !equality.TimePtr(n.StartTime, o.StartTime)
	completion := !equality.TimePtr(n.CompletionTime, o.CompletionTime)
	uncounted := !uncountedEqual(n.UncountedTerminatedPods, o.UncountedTerminatedPods)
	ready := !equality.Ptr(n.Ready, o.Ready)
	terminating := !equality.Ptr(n.Terminating, o.Terminating)
	suspendedZero := spec.IsSuspended() && spec.Completions != nil && *spec.Completions == 0
	resuming := o.HasTrueCondition(job.JobSuspended) && hasFalseCondition(n, job.JobSuspended)
	return statusOptions{
		rejectDecreasingSucceededCounter:             !spec.IsIndexed() || !equality.Ptr(spec.Completions, spec.Parallelism),
		rejectDecreasingFailedCounter:                true,
		rejectDisablingTerminalCondition:             true,
		rejectMutatingCompletionTime:                 true,
		rejectInvalidCompletedIndexes:                completedIdx,
		rejectInvalidFailedIndexes:                   failedIdx,
		rejectCompletedIndexesForNonIndexedJob:       completedIdx,
		rejectFailedIndexesForNoBackoffLimitPerIndex: failedIdx,
		rejectFailedIndexesOverlappingCompleted:      failedIdx || completedIdx,
		rejectFailedJobWithoutFailureTarget:          failed || failedIdx,
		rejectCompleteJobWithoutSuccessCriteriaMet:   complete || scm,
		rejectFinishedJobWithActivePods:              finished || active,
		rejectFinishedJobWithoutStartTime:            (finished || start) && !suspendedZero,
		rejectFinishedJobWithUncountedTerminatedPods: finished || uncounted,
		rejectStartTimeUpdateForUnsuspendedJob:       start && !resuming,
		rejectCompletionTimeBeforeStartTime:          start || completion,
		rejectNotCompleteJobWithCompletionTime:       complete || completion,
		rejectCompleteJobWithoutCompletionTime:       complete || completion,
		rejectCompleteJobWithFailedCondition:         complete || failed,
		rejectCompleteJobWithFailureTargetCondition:  complete || failureTarget,
		rejectMoreReadyThanActivePods:                ready || active,
		rejectFinishedJobWithTerminatingPods:         finished || terminating,
	}
}

func hasFalseCondition(s *job.JobStatus, t job.JobConditionType) bool {
	for _, c := range s.Conditions {
		if c.Type == t && c.Status == job.ConditionFalse {
			return true
		}
	}
	return false
}

// uncountedEqual: nil differs from non-nil; nil and empty lists are equal.
func uncountedEqual(a, b *job.UncountedTerminatedPods) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return slices.Equal(a.Succeeded, b.Succeeded) && slices.Equal(a.Failed, b.Failed)
}

// validateJobStatus is upstream's validateJobStatus (§4.2, §4.3 and the
// unconditional checks).
func validateJobStatus(spec *job.JobSpec, st *job.JobStatus, so statusOptions) field.ErrorList {
	var errs field.ErrorList
	p := statusPath
	if st.Active < 0 {
		errs = append(errs, nonNegative(st.Active, p.Child("active")))
	}
	if st.Succeeded < 0 {
		errs = append(errs, nonNegative(st.Succeeded, p.Child("succeeded")))
	}
	if st.Failed < 0 {
		errs = append(errs, nonNegative(st.Failed, p.Child("failed")))
	}
	if st.Ready != nil && *st.Ready < 0 {
		errs = append(errs, nonNegative(*st.Ready, p.Child("ready")))
	}
	if st.Terminating != nil && *st.Terminating < 0 {
		errs = append(errs, nonNegative(*st.Terminating, p.Child("terminating")))
	}
	if u := st.UncountedTerminatedPods; u != nil {
		up := p.Child("uncountedTerminatedPods")
		seen := make(map[job.UID]struct{}, len(u.Succeeded)+len(u.Failed))
		check := func(list []job.UID, lp *field.Path) {
			for i, uid := range list {
				switch _, dup := seen[uid]; {
				case uid == "":
					errs = append(errs, field.Invalid(lp.Index(i), uid, "must not be empty"))
				case dup:
					errs = append(errs, field.Duplicate(lp.Index(i), uid))
				default:
					seen[uid] = struct{}{}
				}
			}
		}
		check(u.Succeeded, up.Child("succeeded"))
		check(u.Failed, up.Child("failed"))
	}
	complete := st.HasTrueCondition(job.JobComplete)
	failed := st.HasTrueCondition(job.JobFailed)
	failureTarget := st.HasTrueCondition(job.JobFailureTarget)
	scm := st.HasTrueCondition(job.JobSuccessCriteriaMet)
	finished := complete || failed
	cond := p.Child("conditions")
	omit := field.OmitValueType{}
	if so.rejectCompleteJobWithFailedCondition && complete && failed {
		errs = append(errs, field.Invalid(cond, omit, "cannot set Complete=True and Failed=true conditions"))
	}
	if so.rejectCompleteJobWithFailureTargetCondition && complete && failureTarget {
		errs = append(errs, field.Invalid(cond, omit, "cannot set Complete=True and FailureTarget=true conditions"))
	}
	if so.rejectNotCompleteJobWithCompletionTime && st.CompletionTime != nil && !complete {
		errs = append(errs, field.Invalid(p.Child("completionTime"), st.CompletionTime, "cannot set completionTime when there is no Complete=True condition"))
	}
	if so.rejectCompleteJobWithoutCompletionTime && complete && st.CompletionTime == nil {
		errs = append(errs, field.Required(p.Child("completionTime"), "completionTime is required for Complete jobs"))
	}
	if so.rejectCompletionTimeBeforeStartTime && st.StartTime != nil && st.CompletionTime != nil &&
		st.CompletionTime.Before(st.StartTime.Time) {
		errs = append(errs, field.Invalid(p.Child("completionTime"), st.CompletionTime, "must be equal to or after `startTime`"))
	}
	if so.rejectFailedJobWithoutFailureTarget && failed && !failureTarget {
		errs = append(errs, field.Invalid(cond, omit, "cannot set Failed=True condition without the FailureTarget=true condition"))
	}
	if so.rejectCompleteJobWithoutSuccessCriteriaMet && complete && !scm {
		errs = append(errs, field.Invalid(cond, omit, "cannot set Complete=True condition without the SuccessCriteriaMet=true condition"))
	}
	if so.rejectFinishedJobWithActivePods && st.Active > 0 && finished {
		errs = append(errs, field.Invalid(p.Child("active"), st.Active, "active>0 is invalid for finished job"))
	}
	if so.rejectFinishedJobWithoutStartTime && st.StartTime == nil && finished {
		errs = append(errs, field.Required(p.Child("startTime"), "startTime is required for finished job"))
	}
	if so.rejectFinishedJobWithUncountedTerminatedPods && finished && hasUncounted(st.UncountedTerminatedPods) {
		errs = append(errs, field.Invalid(p.Child("uncountedTerminatedPods"), renderUncounted(st.UncountedTerminatedPods), "must be empty for finished job"))
	}
	errs = append(errs, validateStatusIndexes(spec, st, so, p)...)
	if so.rejectFinishedJobWithTerminatingPods && st.Terminating != nil && *st.Terminating > 0 && finished {
		errs = append(errs, field.Invalid(p.Child("terminating"), st.Terminating, "terminating>0 is invalid for finished job"))
	}
	if so.rejectMoreReadyThanActivePods && st.Ready != nil && *st.Ready > st.Active {
		errs = append(errs, field.Invalid(p.Child("ready"), *st.Ready, "cannot set more ready pods than active"))
	}
	if scm && failed {
		errs = append(errs, field.Invalid(cond, omit, "cannot set SuccessCriteriaMet=True and Failed=true conditions"))
	}
	if scm && failureTarget {
		errs = append(errs, field.Invalid(cond, omit, "cannot set SuccessCriteriaMet=True and FailureTarget=true conditions"))
	}
	if spec.SuccessPolicy != nil && complete && !scm {
		errs = append(errs, field.Invalid(cond, omit, "cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True"))
	}
	return errs
}

func hasUncounted(u *job.UncountedTerminatedPods) bool {
	return u != nil && (len(u.Succeeded) > 0 || len(u.Failed) > 0)
}

// validateStatusIndexes: the completedIndexes / failedIndexes rules, in
// upstream's order (format, format, non-indexed, no backoffLimitPerIndex,
// overlap).
func validateStatusIndexes(spec *job.JobSpec, st *job.JobStatus, so statusOptions, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if so.rejectInvalidCompletedIndexes && spec.Completions != nil {
		if _, err := indexes.Parse(st.CompletedIndexes, *spec.Completions); err != nil {
			errs = append(errs, field.Invalid(p.Child("completedIndexes"), st.CompletedIndexes, "error parsing completedIndexes: "+err.Error()))
		}
	}
	if so.rejectInvalidFailedIndexes && spec.Completions != nil && spec.BackoffLimitPerIndex != nil && st.FailedIndexes != nil {
		if _, err := indexes.Parse(*st.FailedIndexes, *spec.Completions); err != nil {
			errs = append(errs, field.Invalid(p.Child("failedIndexes"), st.FailedIndexes, "error parsing failedIndexes: "+err.Error()))
		}
	}
	if so.rejectCompletedIndexesForNonIndexedJob && st.CompletedIndexes != "" && !spec.IsIndexed() {
		errs = append(errs, field.Invalid(p.Child("completedIndexes"), st.CompletedIndexes, "cannot set non-empty completedIndexes when non-indexed completion mode"))
	}
	if so.rejectFailedIndexesForNoBackoffLimitPerIndex && spec.BackoffLimitPerIndex == nil && st.FailedIndexes != nil {
		errs = append(errs, field.Invalid(p.Child("failedIndexes"), *st.FailedIndexes, "cannot set non-null failedIndexes when backoffLimitPerIndex is null"))
	}
	if so.rejectFailedIndexesOverlappingCompleted && spec.Completions != nil && st.FailedIndexes != nil {
		if at, overlap := indexes.FirstOverlap(st.CompletedIndexes, *st.FailedIndexes, *spec.Completions); overlap {
			errs = append(errs, field.Invalid(p.Child("failedIndexes"), *st.FailedIndexes, fmt.Sprintf("failedIndexes and completedIndexes overlap at index: %d", at)))
		}
	}
	return errs
}

// validateStatusTransitions: old → new rules (§4.3, last table).
func validateStatusTransitions(spec *job.JobSpec, n, o *job.JobStatus, so statusOptions) field.ErrorList {
	var errs field.ErrorList
	p := statusPath
	cond := p.Child("conditions")
	omit := field.OmitValueType{}
	if so.rejectDisablingTerminalCondition {
		for _, t := range []job.JobConditionType{job.JobFailed, job.JobComplete, job.JobFailureTarget} {
			if o.HasTrueCondition(t) && !n.HasTrueCondition(t) {
				errs = append(errs, field.Invalid(cond, omit, fmt.Sprintf("cannot disable the terminal %s=True condition", t)))
			}
		}
	}
	if so.rejectDecreasingFailedCounter && n.Failed < o.Failed {
		errs = append(errs, field.Invalid(p.Child("failed"), n.Failed, "cannot decrease the failed counter"))
	}
	if so.rejectDecreasingSucceededCounter && n.Succeeded < o.Succeeded {
		errs = append(errs, field.Invalid(p.Child("succeeded"), n.Succeeded, "cannot decrease the succeeded counter"))
	}
	if so.rejectMutatingCompletionTime && n.CompletionTime != nil && o.CompletionTime != nil && !n.CompletionTime.Equal(*o.CompletionTime) {
		errs = append(errs, field.Invalid(p.Child("completionTime"), n.CompletionTime, fieldImmutable))
	}
	if so.rejectStartTimeUpdateForUnsuspendedJob && o.StartTime != nil && !equality.TimePtr(o.StartTime, n.StartTime) && !spec.IsSuspended() {
		errs = append(errs, field.Invalid(p.Child("startTime"), n.StartTime, "field is immutable for unsuspended job once set"))
	}
	if o.HasTrueCondition(job.JobSuccessCriteriaMet) && !n.HasTrueCondition(job.JobSuccessCriteriaMet) {
		errs = append(errs, field.Invalid(cond, omit, "cannot disable the SuccessCriteriaMet=True condition"))
	}
	if o.HasTrueCondition(job.JobComplete) && !o.HasTrueCondition(job.JobSuccessCriteriaMet) && n.HasTrueCondition(job.JobSuccessCriteriaMet) {
		errs = append(errs, field.Invalid(cond, omit, "cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions"))
	}
	return errs
}
