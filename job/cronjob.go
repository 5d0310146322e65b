package job

import "slices"

// CronJob is batch/v1 CronJob: a Job template run on a cron schedule.
// jobkit models its API (types, defaulting, validation, warnings), not the
// CronJob controller.
type CronJob struct {
	TypeMeta   `json:",inline"`
	ObjectMeta `json:"metadata,omitzero"`
	Spec       CronJobSpec   `json:"spec,omitzero"`
	Status     CronJobStatus `json:"status,omitzero"`
}

// ConcurrencyPolicy is spec.concurrencyPolicy: what the CronJob controller
// does when a run is due while an earlier Job is still running.
type ConcurrencyPolicy string

const (
	// AllowConcurrent (the default) runs Jobs concurrently.
	AllowConcurrent ConcurrencyPolicy = "Allow"
	// ForbidConcurrent skips a run while the previous Job is still running.
	ForbidConcurrent ConcurrencyPolicy = "Forbid"
	// ReplaceConcurrent deletes the running Job and starts a new one.
	ReplaceConcurrent ConcurrencyPolicy = "Replace"
)

// CronJobSpec is batch/v1 CronJobSpec (Kubernetes 1.37). The API server's
// defaults are documented on each field and applied by package defaults.
type CronJobSpec struct {
	// Schedule is the cron schedule: five fields (minute, hour, day of
	// month, month, day of week) or a descriptor such as "@hourly" or
	// "@every 1h30m". Required.
	Schedule string `json:"schedule"`
	// TimeZone is the IANA time zone name the schedule is read in; nil
	// means the controller's local time zone.
	TimeZone *string `json:"timeZone,omitempty"`
	// StartingDeadlineSeconds is how late, in seconds, a missed run may
	// still start.
	StartingDeadlineSeconds *int64 `json:"startingDeadlineSeconds,omitempty"`
	// ConcurrencyPolicy defaults to Allow.
	ConcurrencyPolicy ConcurrencyPolicy `json:"concurrencyPolicy,omitempty"`
	// Suspend stops future runs; defaults to false.
	Suspend *bool `json:"suspend,omitempty"`
	// JobTemplate is the Job each run creates.
	JobTemplate JobTemplateSpec `json:"jobTemplate"`
	// SuccessfulJobsHistoryLimit is how many finished successful Jobs are
	// kept; defaults to 3.
	SuccessfulJobsHistoryLimit *int32 `json:"successfulJobsHistoryLimit,omitempty"`
	// FailedJobsHistoryLimit is how many finished failed Jobs are kept;
	// defaults to 1.
	FailedJobsHistoryLimit *int32 `json:"failedJobsHistoryLimit,omitempty"`
}

// JobTemplateSpec is batch/v1 JobTemplateSpec: the metadata and spec of the
// Jobs a CronJob creates.
type JobTemplateSpec struct {
	ObjectMeta `json:"metadata,omitzero"`
	Spec       JobSpec `json:"spec,omitzero"`
}

// CronJobStatus is batch/v1 CronJobStatus, written by the CronJob
// controller.
type CronJobStatus struct {
	// Active lists the Jobs of this CronJob that are running.
	Active []ObjectReference `json:"active,omitempty"`
	// LastScheduleTime is when a Job was last scheduled.
	LastScheduleTime *Time `json:"lastScheduleTime,omitempty"`
	// LastSuccessfulTime is when a Job last completed successfully.
	LastSuccessfulTime *Time `json:"lastSuccessfulTime,omitempty"`
}

// ObjectReference is core/v1 ObjectReference.
type ObjectReference struct {
	Kind            string `json:"kind,omitempty"`
	Namespace       string `json:"namespace,omitempty"`
	Name            string `json:"name,omitempty"`
	UID             UID    `json:"uid,omitempty"`
	APIVersion      string `json:"apiVersion,omitempty"`
	ResourceVersion string `json:"resourceVersion,omitempty"`
	FieldPath       string `json:"fieldPath,omitempty"`
}

// DeepCopy returns an independent copy of c.
func (c *CronJob) DeepCopy() *CronJob {
	if c == nil {
		return nil
	}
	return &CronJob{
		TypeMeta:   c.TypeMeta,
		ObjectMeta: *c.ObjectMeta.DeepCopy(),
		Spec:       *c.Spec.DeepCopy(),
		Status:     *c.Status.DeepCopy(),
	}
}

// DeepCopy returns an independent copy of s.
func (s *CronJobSpec) DeepCopy() *CronJobSpec {
	if s == nil {
		return nil
	}
	out := *s
	out.TimeZone = clonePtr(s.TimeZone)
	out.StartingDeadlineSeconds = clonePtr(s.StartingDeadlineSeconds)
	out.Suspend = clonePtr(s.Suspend)
	out.JobTemplate = *s.JobTemplate.DeepCopy()
	out.SuccessfulJobsHistoryLimit = clonePtr(s.SuccessfulJobsHistoryLimit)
	out.FailedJobsHistoryLimit = clonePtr(s.FailedJobsHistoryLimit)
	return &out
}

// DeepCopy returns an independent copy of t.
func (t *JobTemplateSpec) DeepCopy() *JobTemplateSpec {
	if t == nil {
		return nil
	}
	return &JobTemplateSpec{ObjectMeta: *t.ObjectMeta.DeepCopy(), Spec: *t.Spec.DeepCopy()}
}

// DeepCopy returns an independent copy of s.
func (s *CronJobStatus) DeepCopy() *CronJobStatus {
	if s == nil {
		return nil
	}
	out := *s
	out.Active = slices.Clone(s.Active)
	out.LastScheduleTime = clonePtr(s.LastScheduleTime)
	out.LastSuccessfulTime = clonePtr(s.LastSuccessfulTime)
	return &out
}

// IsSuspended reports whether spec.suspend is true.
func (s *CronJobSpec) IsSuspended() bool { return s.Suspend != nil && *s.Suspend }
