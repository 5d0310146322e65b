package main

import (
	"errors"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// createCronJob runs a CronJob through the API server's create handling as
// `validate` assumes it for a Job: the defaulter, the request namespace and
// the placeholder UID when none is given, the create strategy, then
// validation. A rejected create has no warnings. The CronJob returned is
// the object as validated.
func createCronJob(in *job.CronJob, namespace string) (*job.CronJob, []string, error) {
	c := defaults.CronJob(in)
	c.APIVersion, c.Kind = "batch/v1", "CronJob"
	c.Namespace = namespaceOr(c.Namespace, namespace)
	if c.UID == "" {
		c.UID = defaults.PlaceholderUID
	}
	c = defaults.PrepareCronJobForCreate(c)
	if err := field.NewInvalidError("CronJob", "batch", c.Name, validation.ValidateCronJob(c, validation.DefaultOptions())); err != nil {
		return c, nil, err
	}
	return c, validation.CronJobWarningsOnCreate(c), nil
}

// checkCronJob decodes the CronJob of o strictly and validates it as a
// create, an update or a status update of the stored CronJob of the same
// namespace and name, as checkJob does for a Job.
func (c *checker) checkCronJob(o *object, v *verdict) *job.CronJob {
	cj := new(job.CronJob)
	if err := manifest.DecodeNode(o.root, cj); err != nil {
		c.decodeFailed(o, v, err)
		return nil
	}
	var old *job.CronJob
	if c.old != nil {
		old = c.old.cronJobs[objectKey("CronJob", namespaceOr(cj.Namespace, c.namespace), cj.Name)]
	}
	if old != nil {
		next := defaults.CronJob(cj)
		next.Namespace = namespaceOr(next.Namespace, old.Namespace)
		var errs field.ErrorList
		if c.status {
			v.Operation = "status"
			next = defaults.PrepareCronJobForStatusUpdate(next, old)
			errs = validation.ValidateCronJobStatusUpdate(next, old, c.opts)
		} else {
			v.Operation = "update"
			next = defaults.PrepareCronJobForUpdate(next, old)
			errs = validation.ValidateCronJobUpdate(next, old, c.opts)
			v.Warnings = warningsOf(validation.CronJobWarningsOnUpdate(next, old))
		}
		c.judge(o, v, "CronJob", &next.ObjectMeta, errs)
		return next
	}
	if c.status && c.old != nil {
		v.Operation = "status"
		c.notFound(o, v, "cronjobs.batch", cj.Name)
		return nil
	}
	v.Operation = "create"
	created, warnings, err := createCronJob(cj, c.namespace)
	var invalid *field.InvalidError
	errors.As(err, &invalid)
	var errs field.ErrorList
	if invalid != nil {
		errs = invalid.Errs
	}
	c.judge(o, v, "CronJob", &created.ObjectMeta, errs)
	v.Warnings = warningsOf(warnings)
	return created
}
