package job

import (
	"encoding/json"
	"slices"

	"github.com/jobkit/jobkit/policy"
)

// Job is batch/v1 Job.
type Job struct {
	TypeMeta   `json:",inline"`
	ObjectMeta `json:"metadata,omitzero"`
	Spec       JobSpec   `json:"spec,omitzero"`
	Status     JobStatus `json:"status,omitzero"`
}

// CompletionMode is spec.completionMode.
type CompletionMode string

const (
	NonIndexedCompletion CompletionMode = "NonIndexed"
	IndexedCompletion    CompletionMode = "Indexed"
)

// PodReplacementPolicy is spec.podReplacementPolicy.
type PodReplacementPolicy string

const (
	// TerminatingOrFailed replaces a pod as soon as it is terminating.
	TerminatingOrFailed PodReplacementPolicy = "TerminatingOrFailed"
	// Failed replaces a pod only once it has reached phase Failed.
	Failed PodReplacementPolicy = "Failed"
)

// JobSpec is batch/v1 JobSpec (Kubernetes 1.37). Pointers are optional
// fields; the API server's defaults are documented on each field and applied
// by package defaults.
type JobSpec struct {
	// Parallelism is the maximum number of pods running at once. Default 1.
	Parallelism *int32 `json:"parallelism,omitempty"`
	// Completions is the number of successes needed; nil means a work-queue
	// Job (any success, once all pods have stopped, completes it).
	Completions *int32 `json:"completions,omitempty"`
	// ActiveDeadlineSeconds bounds the time since startTime, in seconds.
	ActiveDeadlineSeconds *int64                   `json:"activeDeadlineSeconds,omitempty"`
	PodFailurePolicy      *policy.PodFailurePolicy `json:"podFailurePolicy,omitempty"`
	SuccessPolicy         *policy.SuccessPolicy    `json:"successPolicy,omitempty"`
	// BackoffLimit is the number of counted failures tolerated. Default 6,
	// or 2147483647 when BackoffLimitPerIndex is set.
	BackoffLimit *int32 `json:"backoffLimit,omitempty"`
	// BackoffLimitPerIndex is the number of counted failures tolerated per
	// completion index (Indexed only).
	BackoffLimitPerIndex *int32 `json:"backoffLimitPerIndex,omitempty"`
	// MaxFailedIndexes fails the Job once more indexes than this have failed.
	MaxFailedIndexes *int32          `json:"maxFailedIndexes,omitempty"`
	Selector         *LabelSelector  `json:"selector,omitempty"`
	ManualSelector   *bool           `json:"manualSelector,omitempty"`
	Template         PodTemplateSpec `json:"template"`
	// TTLSecondsAfterFinished lets the Job be deleted that many seconds
	// after it finished.
	TTLSecondsAfterFinished *int32 `json:"ttlSecondsAfterFinished,omitempty"`
	// CompletionMode defaults to NonIndexed.
	CompletionMode *CompletionMode `json:"completionMode,omitempty"`
	// Suspend defaults to false.
	Suspend *bool `json:"suspend,omitempty"`
	// PodReplacementPolicy defaults to Failed when PodFailurePolicy is set,
	// else TerminatingOrFailed.
	PodReplacementPolicy *PodReplacementPolicy `json:"podReplacementPolicy,omitempty"`
	// ManagedBy names the controller reconciling this Job; nil or
	// "kubernetes.io/job-controller" means the built-in Job controller.
	ManagedBy *string `json:"managedBy,omitempty"`
	// Scheduling is the alpha scheduling member, kept verbatim.
	Scheduling json.RawMessage `json:"scheduling,omitempty"`
}

// JobConditionType is the type of a JobCondition.
type JobConditionType string

const (
	JobSuspended          JobConditionType = "Suspended"
	JobComplete           JobConditionType = "Complete"
	JobFailed             JobConditionType = "Failed"
	JobFailureTarget      JobConditionType = "FailureTarget"
	JobSuccessCriteriaMet JobConditionType = "SuccessCriteriaMet"
)

// JobCondition is batch/v1 JobCondition. Status is "True", "False" or
// "Unknown".
type JobCondition struct {
	Type               JobConditionType `json:"type"`
	Status             string           `json:"status"`
	LastProbeTime      Time             `json:"lastProbeTime,omitzero"`
	LastTransitionTime Time             `json:"lastTransitionTime,omitzero"`
	Reason             string           `json:"reason,omitempty"`
	Message            string           `json:"message,omitempty"`
}

// UncountedTerminatedPods lists the UIDs of terminated pods whose finalizer
// the controller is removing and that are not yet in the counters.
type UncountedTerminatedPods struct {
	Succeeded []UID `json:"succeeded,omitempty"`
	Failed    []UID `json:"failed,omitempty"`
}

// JobStatus is batch/v1 JobStatus.
type JobStatus struct {
	// Conditions in order of first insertion.
	Conditions     []JobCondition `json:"conditions,omitempty"`
	StartTime      *Time          `json:"startTime,omitempty"`
	CompletionTime *Time          `json:"completionTime,omitempty"`
	// Active is the number of pending or running pods not being deleted.
	Active int32 `json:"active,omitempty"`
	// Succeeded counts succeeded pods (Indexed: succeeded indexes).
	Succeeded int32 `json:"succeeded,omitempty"`
	// Failed counts counted failed pods.
	Failed int32 `json:"failed,omitempty"`
	// Terminating counts pods being deleted that are not yet terminal.
	Terminating *int32 `json:"terminating,omitempty"`
	// CompletedIndexes is the succeeded index list ("1,3-5,7"), Indexed only.
	CompletedIndexes string `json:"completedIndexes,omitempty"`
	// FailedIndexes is the failed index list; set only with
	// backoffLimitPerIndex.
	FailedIndexes           *string                  `json:"failedIndexes,omitempty"`
	UncountedTerminatedPods *UncountedTerminatedPods `json:"uncountedTerminatedPods,omitempty"`
	// Ready counts active pods with a Ready=True condition.
	Ready *int32 `json:"ready,omitempty"`
}

// Well-known names (controller.md §1).
const (
	// TrackingFinalizer is on every pod the controller creates until the
	// pod is counted.
	TrackingFinalizer = "batch.kubernetes.io/job-tracking"
	// CompletionIndexKey is the annotation (read) and label (written) key
	// holding a pod's completion index.
	CompletionIndexKey = "batch.kubernetes.io/job-completion-index"
	// IndexFailureCountKey is the annotation counting earlier counted
	// failures of an index (backoffLimitPerIndex).
	IndexFailureCountKey = "batch.kubernetes.io/job-index-failure-count"
	// IndexIgnoredFailureCountKey counts earlier ignored failures of an index.
	IndexIgnoredFailureCountKey = "batch.kubernetes.io/job-index-ignored-failure-count"
	// CompletionIndexEnv is injected into every container of Indexed pods.
	CompletionIndexEnv = "JOB_COMPLETION_INDEX"
	// JobControllerName is the reserved spec.managedBy value.
	JobControllerName = "kubernetes.io/job-controller"
	// Labels the API server adds when manualSelector is not true.
	ControllerUIDLabel       = "batch.kubernetes.io/controller-uid"
	LegacyControllerUIDLabel = "controller-uid"
	JobNameLabel             = "batch.kubernetes.io/job-name"
	LegacyJobNameLabel       = "job-name"
)

// Condition reasons (controller.md §1, §9).
const (
	ReasonPodFailurePolicy         = "PodFailurePolicy"
	ReasonBackoffLimitExceeded     = "BackoffLimitExceeded"
	ReasonDeadlineExceeded         = "DeadlineExceeded"
	ReasonMaxFailedIndexesExceeded = "MaxFailedIndexesExceeded"
	ReasonFailedIndexes            = "FailedIndexes"
	ReasonSuccessPolicy            = "SuccessPolicy"
	ReasonCompletionsReached       = "CompletionsReached"
	ReasonJobSuspended             = "JobSuspended"
	ReasonJobResumed               = "JobResumed"
)

// DeepCopy returns an independent copy of j.
func (j *Job) DeepCopy() *Job {
	if j == nil {
		return nil
	}
	return &Job{
		TypeMeta:   j.TypeMeta,
		ObjectMeta: *j.ObjectMeta.DeepCopy(),
		Spec:       *j.Spec.DeepCopy(),
		Status:     *j.Status.DeepCopy(),
	}
}

// DeepCopy returns an independent copy of s.
func (s *JobSpec) DeepCopy() *JobSpec {
	out := *s
	out.Parallelism = clonePtr(s.Parallelism)
	out.Completions = clonePtr(s.Completions)
	out.ActiveDeadlineSeconds = clonePtr(s.ActiveDeadlineSeconds)
	out.PodFailurePolicy = s.PodFailurePolicy.DeepCopy()
	out.SuccessPolicy = s.SuccessPolicy.DeepCopy()
	out.BackoffLimit = clonePtr(s.BackoffLimit)
	out.BackoffLimitPerIndex = clonePtr(s.BackoffLimitPerIndex)
	out.MaxFailedIndexes = clonePtr(s.MaxFailedIndexes)
	out.Selector = s.Selector.DeepCopy()
	out.ManualSelector = clonePtr(s.ManualSelector)
	out.Template = *s.Template.DeepCopy()
	out.TTLSecondsAfterFinished = clonePtr(s.TTLSecondsAfterFinished)
	out.CompletionMode = clonePtr(s.CompletionMode)
	out.Suspend = clonePtr(s.Suspend)
	out.PodReplacementPolicy = clonePtr(s.PodReplacementPolicy)
	out.ManagedBy = clonePtr(s.ManagedBy)
	out.Scheduling = slices.Clone(s.Scheduling)
	return &out
}

// DeepCopy returns an independent copy of s.
func (s *JobStatus) DeepCopy() *JobStatus {
	out := *s
	out.Conditions = slices.Clone(s.Conditions)
	out.StartTime = clonePtr(s.StartTime)
	out.CompletionTime = clonePtr(s.CompletionTime)
	out.Terminating = clonePtr(s.Terminating)
	out.FailedIndexes = clonePtr(s.FailedIndexes)
	if s.UncountedTerminatedPods != nil {
		out.UncountedTerminatedPods = &UncountedTerminatedPods{
			Succeeded: slices.Clone(s.UncountedTerminatedPods.Succeeded),
			Failed:    slices.Clone(s.UncountedTerminatedPods.Failed),
		}
	}
	out.Ready = clonePtr(s.Ready)
	return &out
}

// IsIndexed reports whether the Job uses Indexed completion mode.
func (s *JobSpec) IsIndexed() bool {
	return s.CompletionMode != nil && *s.CompletionMode == IndexedCompletion
}

// IsSuspended reports whether spec.suspend is true.
func (s *JobSpec) IsSuspended() bool { return s.Suspend != nil && *s.Suspend }

// FindCondition returns the first condition of type t in list order, or nil
// (a later condition of the same type is never looked at, as upstream's
// findConditionByType).
func (s *JobStatus) FindCondition(t JobConditionType) *JobCondition {
	return firstCondition(s.Conditions, t)
}

// HasTrueCondition reports whether ANY condition of type t has status True,
// not only the first of its type: upstream's IsJobFinished reads the list
// this way, while the controller's own condition updates look at the first
// one only (FindCondition).
func (s *JobStatus) HasTrueCondition(t JobConditionType) bool {
	for _, c := range s.Conditions {
		if c.Type == t && c.Status == ConditionTrue {
			return true
		}
	}
	return false
}

// IsFinished reports whether the Job has a Complete or Failed condition with
// status True.
func (s *JobStatus) IsFinished() bool {
	return s.HasTrueCondition(JobComplete) || s.HasTrueCondition(JobFailed)
}
