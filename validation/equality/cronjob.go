package equality

import "github.com/jobkit/jobkit/job"

// CronJobSpecs reports whether two CronJob specs are semantically equal:
// the test the API server uses to bump a CronJob's generation on update.
// The job template's metadata compares field by field (ObjectMeta), its
// spec as JobSpecs.
func CronJobSpecs(a, b *job.CronJobSpec) bool {
	return a.Schedule == b.Schedule && Ptr(a.TimeZone, b.TimeZone) &&
		Ptr(a.StartingDeadlineSeconds, b.StartingDeadlineSeconds) &&
		a.ConcurrencyPolicy == b.ConcurrencyPolicy && Ptr(a.Suspend, b.Suspend) &&
		ObjectMeta(&a.JobTemplate.ObjectMeta, &b.JobTemplate.ObjectMeta) &&
		JobSpecs(&a.JobTemplate.Spec, &b.JobTemplate.Spec) &&
		Ptr(a.SuccessfulJobsHistoryLimit, b.SuccessfulJobsHistoryLimit) &&
		Ptr(a.FailedJobsHistoryLimit, b.FailedJobsHistoryLimit)
}
