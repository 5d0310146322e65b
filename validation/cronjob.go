package validation

import (
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/equality"
	"github.com/jobkit/jobkit/validation/field"
)

// maxCronJobNameLength is the longest CronJob name accepted on create: the
// CronJob controller names its Jobs "<name>-<11-character timestamp>", and
// a Job name must fit a 63-character DNS label.
const maxCronJobNameLength = 63 - 11

// ValidateCronJob is the API server's create validation of a CronJob: the
// CronJob strategy's Validate followed by the declarative validation merge.
// c must be the object the strategy sees: defaulted (defaults.CronJob) with
// the create preparation (defaults.PrepareCronJobForCreate). Errors come in
// the API server's order and are all accumulated:
//
//  1. metadata: the core ObjectMeta rules with the DNS-subdomain name rule
//     (as for a Job);
//  2. the spec (validateCronJobSpec): schedule, startingDeadlineSeconds,
//     timeZone, concurrencyPolicy, jobTemplate, the two history limits;
//  3. metadata.name longer than 52 bytes: "must be no more than 52
//     characters";
//  4. last, "spec.schedule: Required value" for an empty schedule: that
//     handwritten error is marked as covered by a beta declarative rule,
//     which the API server (DeclarativeValidationBeta on by default)
//     enforces instead, appending its error after the handwritten ones.
//
// opts is accepted for symmetry with ValidateJob; no CronJob rule depends
// on it. A nil c is validated as an empty CronJob. Never mutates c.
func ValidateCronJob(c *job.CronJob, opts Options) field.ErrorList {
	_ = opts
	if c == nil {
		c = &job.CronJob{}
	}
	errs := validateCoreObjectMeta(&c.ObjectMeta, metadataPath)
	errs = append(errs, validateCronJobSpec(&c.Spec, nil, specPath, jobTemplateOptions(&c.Spec.JobTemplate, nil))...)
	if len(c.Name) > maxCronJobNameLength {
		errs = append(errs, field.Invalid(metadataPath.Child("name"), c.Name, "must be no more than 52 characters"))
	}
	if c.Spec.Schedule == "" {
		errs = append(errs, field.Required(specPath.Child("schedule"), ""))
	}
	return errs
}

// ValidateCronJobUpdate is the API server's validation of an update of the
// CronJob resource, given the new object as the strategy sees it
// (defaults.PrepareCronJobForUpdate: status replaced by the old status) and
// the stored old object. In order:
//
//  1. the generic registry checks: metadata of newCJ with the path-segment
//     name rule, then the metadata update rules;
//  2. the CronJob strategy: the metadata update rules again (plus the
//     finalizer-name rule), then validateCronJobSpec with the old spec
//     (a TZ= prefix is tolerated when the old schedule contained "TZ";
//     timeZone is checked only when it changed). The 52-character name
//     rule is not applied, so that older CronJobs stay updatable;
//  3. "spec.schedule: Required value" for an empty schedule, last when the
//     old schedule was not empty (the declarative rule, see
//     ValidateCronJob), in place otherwise (declarative validation skips
//     an unchanged value).
//
// Unlike a Job, every field of the spec may change. nil arguments are
// empty CronJobs. Never mutates its arguments.
func ValidateCronJobUpdate(newCJ, oldCJ *job.CronJob, opts Options) field.ErrorList {
	_ = opts
	if newCJ == nil {
		newCJ = &job.CronJob{}
	}
	if oldCJ == nil {
		oldCJ = &job.CronJob{}
	}
	errs := validateCommonFields(&newCJ.ObjectMeta, &oldCJ.ObjectMeta)
	errs = append(errs, validateCoreObjectMetaUpdate(&newCJ.ObjectMeta, &oldCJ.ObjectMeta, metadataPath)...)
	o := jobTemplateOptions(&newCJ.Spec.JobTemplate, &oldCJ.Spec.JobTemplate)
	specErrs := validateCronJobSpec(&newCJ.Spec, &oldCJ.Spec, specPath, o)
	if newCJ.Spec.Schedule == "" && oldCJ.Spec.Schedule == "" {
		errs = append(errs, field.Required(specPath.Child("schedule"), ""))
		return append(errs, specErrs...)
	}
	errs = append(errs, specErrs...)
	if newCJ.Spec.Schedule == "" {
		errs = append(errs, field.Required(specPath.Child("schedule"), ""))
	}
	return errs
}

// jobTemplateOptions are the options of a CronJob's job template
// validation. Upstream derives them (PodValidationOptions) from the new and
// old pod templates with the same function the Job strategy uses, and
// never sets the Job-selector options (a template has no selector); today
// no option changes the template rules jobkit applies.
func jobTemplateOptions(newT, oldT *job.JobTemplateSpec) specOptions {
	_, _ = newT, oldT
	return specOptions{}
}

// validateCronJobSpec is upstream's validateCronJobSpec (oldSpec nil on
// create), in its order, except that an empty schedule is left to the
// callers (see ValidateCronJob):
//
//  1. spec.schedule: the cron syntax (parseCronSchedule) and the TZ rules
//     (validateScheduleTZ);
//  2. spec.startingDeadlineSeconds: not negative;
//  3. spec.timeZone, on create or when it changed (validateTimeZone);
//  4. spec.concurrencyPolicy: Required when empty, else Allow, Forbid or
//     Replace;
//  5. spec.jobTemplate (validateJobTemplateSpec);
//  6. spec.successfulJobsHistoryLimit, spec.failedJobsHistoryLimit: not
//     negative (0 is valid).
func validateCronJobSpec(s, old *job.CronJobSpec, p *field.Path, o specOptions) field.ErrorList {
	var errs field.ErrorList
	if s.Schedule != "" {
		allowTZ := old != nil && strings.Contains(old.Schedule, "TZ")
		errs = append(errs, validateScheduleFormat(s.Schedule, allowTZ, s.TimeZone, p.Child("schedule"))...)
	}
	if s.StartingDeadlineSeconds != nil && *s.StartingDeadlineSeconds < 0 {
		errs = append(errs, nonNegative(*s.StartingDeadlineSeconds, p.Child("startingDeadlineSeconds")))
	}
	if old == nil || !equality.Ptr(old.TimeZone, s.TimeZone) {
		errs = append(errs, validateTimeZone(s.TimeZone, p.Child("timeZone"))...)
	}
	errs = append(errs, validateConcurrencyPolicy(s.ConcurrencyPolicy, p.Child("concurrencyPolicy"))...)
	errs = append(errs, validateJobTemplateSpec(&s.JobTemplate, p.Child("jobTemplate"), o)...)
	if s.SuccessfulJobsHistoryLimit != nil && *s.SuccessfulJobsHistoryLimit < 0 {
		errs = append(errs, nonNegative(*s.SuccessfulJobsHistoryLimit, p.Child("successfulJobsHistoryLimit")))
	}
	if s.FailedJobsHistoryLimit != nil && *s.FailedJobsHistoryLimit < 0 {
		errs = append(errs, nonNegative(*s.FailedJobsHistoryLimit, p.Child("failedJobsHistoryLimit")))
	}
	return errs
}

// validateScheduleFormat is upstream's validateScheduleFormat: the parse
// error, if any, then at most one TZ error. "TZ" anywhere in the schedule
// counts as a TZ= or CRON_TZ= prefix (upstream's substring test):
//   - not allowed (create, or the old schedule had no "TZ"): "cannot use TZ
//     or CRON_TZ in schedule, use timeZone field instead";
//   - allowed but spec.timeZone is set: "cannot use both timeZone field and
//     TZ or CRON_TZ in schedule".
func validateScheduleFormat(schedule string, allowTZ bool, timeZone *string, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if err := parseCronSchedule(schedule); err != nil {
		errs = append(errs, field.Invalid(p, schedule, err.Error()))
	}
	hasTZ := strings.Contains(schedule, "TZ")
	switch {
	case allowTZ && hasTZ && timeZone != nil:
		errs = append(errs, field.Invalid(p, schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"))
	case !allowTZ && hasTZ:
		errs = append(errs, field.Invalid(p, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"))
	}
	return errs
}

// validateConcurrencyPolicy: Required when empty (the defaulter sets
// Allow), NotSupported unless Allow, Forbid or Replace.
func validateConcurrencyPolicy(cp job.ConcurrencyPolicy, p *field.Path) field.ErrorList {
	switch cp {
	case job.AllowConcurrent, job.ForbidConcurrent, job.ReplaceConcurrent:
		return nil
	case "":
		return field.ErrorList{field.Required(p, "")}
	}
	return field.ErrorList{field.NotSupported(p, cp,
		[]job.ConcurrencyPolicy{job.AllowConcurrent, job.ForbidConcurrent, job.ReplaceConcurrent})}
}

// validateJobTemplateSpec is upstream's ValidateJobTemplateSpec: the Job
// spec rules shared with Jobs (validateJobSpecCommon, at
// spec.jobTemplate.spec), then two template-only rules: a selector is
// Invalid ("`selector` will be auto-generated": the CronJob controller's
// Jobs get a generated one) and manualSelector true is NotSupported
// (supported "nil", "false"). The template's own metadata
// (spec.jobTemplate.metadata) is not validated, as upstream.
func validateJobTemplateSpec(t *job.JobTemplateSpec, p *field.Path, o specOptions) field.ErrorList {
	sp := p.Child("spec")
	errs := validateJobSpecCommon(&t.Spec, sp, o)
	if t.Spec.Selector != nil {
		errs = append(errs, field.Invalid(sp.Child("selector"), t.Spec.Selector, "`selector` will be auto-generated"))
	}
	if t.Spec.ManualSelector != nil && *t.Spec.ManualSelector {
		errs = append(errs, field.NotSupported(sp.Child("manualSelector"), t.Spec.ManualSelector, []string{"nil", "false"}))
	}
	return errs
}

// ValidateCronJobStatusUpdate is the API server's validation of a write to
// the CronJob's /status subresource (after
// defaults.PrepareCronJobForStatusUpdate): only the generic registry's
// metadata checks (the path-segment name rule, then the metadata update
// rules); the CronJob status strategy validates nothing itself. nil
// arguments are empty CronJobs. Never mutates its arguments.
func ValidateCronJobStatusUpdate(newCJ, oldCJ *job.CronJob, opts Options) field.ErrorList {
	_ = opts
	if newCJ == nil {
		newCJ = &job.CronJob{}
	}
	if oldCJ == nil {
		oldCJ = &job.CronJob{}
	}
	return validateCommonFields(&newCJ.ObjectMeta, &oldCJ.ObjectMeta)
}
