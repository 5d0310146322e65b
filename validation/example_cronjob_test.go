package validation_test

import (
	"encoding/json"
	"fmt"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// Validating a CronJob as the API server does on create: default it,
// prepare it, validate, and print the aggregate kubectl shows.
func ExampleValidateCronJob() {
	var c job.CronJob
	_ = json.Unmarshal([]byte(`{
	  "metadata": {"name": "nightly", "namespace": "default"},
	  "spec": {"schedule": "TZ=Europe/Rome 0 3 * * *", "timeZone": "Mars/Olympus",
	    "jobTemplate": {"spec": {"template": {"spec": {
	      "restartPolicy": "OnFailure", "containers": [{"name": "main", "image": "busybox"}]}}}}}}`), &c)

	prepared := defaults.PrepareCronJobForCreate(defaults.CronJob(&c))
	errs := validation.ValidateCronJob(prepared, validation.DefaultOptions())
	fmt.Println(field.NewInvalidError("CronJob", "batch", prepared.Name, errs))
	// Output:
	// CronJob.batch "nightly" is invalid: [spec.schedule: Invalid value: "TZ=Europe/Rome 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead, spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus]
}
