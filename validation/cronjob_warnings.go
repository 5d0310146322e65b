package validation

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/equality"
)

// jobTemplateSpecPath is where a CronJob's Job spec warnings point.
var jobTemplateSpecPath = specPath.Child("jobTemplate", "spec")

// cronJobTZWarning is the update warning for a TZ in the schedule. Its
// path reads "spec.spec.schedule": upstream builds it from ("spec",
// "spec", "schedule"), and the API server sends that text.
const cronJobTZWarning = "cannot use TZ or CRON_TZ in spec.spec.schedule, use timeZone instead, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details"

// CronJobWarningsOnCreate returns the API server's warnings for a CronJob
// create that passed validation, in order: the name is not a DNS-1123
// label; then the Job spec warnings of spec.jobTemplate.spec (the Indexed
// tracking warning and the pod-template warnings, as for a Job). A TZ in
// the schedule gives no create warning (create rejects it). A nil c is an
// empty CronJob.
func CronJobWarningsOnCreate(c *job.CronJob) []string {
	if c == nil {
		c = &job.CronJob{}
	}
	var w []string
	if msgs := IsDNS1123Label(c.Name); len(msgs) > 0 {
		w = append(w, fmt.Sprintf("metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: %v", msgs))
	}
	return append(w, specWarnings(&c.Spec.JobTemplate.Spec, jobTemplateSpecPath)...)
}

// CronJobWarningsOnUpdate returns the API server's warnings for a CronJob
// update that passed validation: the Job spec warnings of
// spec.jobTemplate.spec when the update changed the spec, then
// cronJobTZWarning when the new schedule contains "TZ" (whether or not it
// changed). The API server tests the generation, which it bumps exactly
// when the spec changed (defaults.PrepareCronJobForUpdate); either
// condition is accepted here, so a caller that does not maintain
// generations gets the server's answer. nil arguments give no warnings.
func CronJobWarningsOnUpdate(newCJ, oldCJ *job.CronJob) []string {
	if newCJ == nil || oldCJ == nil {
		return nil
	}
	var w []string
	if newCJ.Generation != oldCJ.Generation || !equality.CronJobSpecs(&newCJ.Spec, &oldCJ.Spec) {
		w = specWarnings(&newCJ.Spec.JobTemplate.Spec, jobTemplateSpecPath)
	}
	if strings.Contains(newCJ.Spec.Schedule, "TZ") {
		w = append(w, cronJobTZWarning)
	}
	return w
}
