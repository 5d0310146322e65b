package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

func init() {
	register("validate", "validate Job and CronJob manifests as the API server would on create", runValidate)
}

// createJob runs d's Job through the API server's create handling
// (defaults.Create with the zero options: the Job's namespace or
// "default", the placeholder UID, a generated name ending in "bbbbb").
func createJob(d document) (*job.Job, []string, error) {
	return defaults.Create(d.job, defaults.CreateOptions{})
}

// runValidate implements `jobsim validate FILE...`. For each Job (or
// CronJob) document it prints either `FILE: Job.batch "name" is valid` or
// the API server's error text `FILE: Job.batch "name" is invalid: ...`
// (CronJob.batch for a CronJob) followed by one indented
// line per error with the YAML line of its field; warnings follow as
// `FILE: Warning: ...`. Exit status 1 when any Job is invalid or a file
// cannot be read or decoded, 2 without arguments.
func runValidate(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: jobsim validate FILE...")
		return 2
	}
	status := 0
	for _, file := range args {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", file, err)
			status = 1
			continue
		}
		docs, err := readJobs(data)
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", file, err)
			status = 1
			continue
		}
		for _, d := range docs {
			if !reportValidation(stdout, file, d) {
				status = 1
			}
		}
	}
	return status
}

func reportValidation(w io.Writer, file string, d document) bool {
	name, warnings, err := "", []string(nil), error(nil)
	kind := "Job.batch"
	if d.cronJob != nil {
		var c *job.CronJob
		c, warnings, err = createCronJob(d.cronJob)
		name, kind = c.Name, "CronJob.batch"
	} else {
		var j *job.Job
		j, warnings, err = createJob(d)
		if j != nil {
			name = j.Name
		}
	}
	var invalid *field.InvalidError
	switch {
	case err == nil:
		fmt.Fprintf(w, "%s: %s %q is valid\n", file, kind, name)
	case errors.As(err, &invalid):
		fmt.Fprintf(w, "%s: %v\n", file, err)
		for _, e := range invalid.Errs {
			if line := lineOf(d.root, e.Field); line > 0 {
				fmt.Fprintf(w, "  line %d: %v\n", line, e)
			} else {
				fmt.Fprintf(w, "  %v\n", e)
			}
		}
	default:
		fmt.Fprintf(w, "%s: Error from server: %v\n", file, err)
	}
	for _, warning := range warnings {
		fmt.Fprintf(w, "%s: Warning: %s\n", file, warning)
	}
	return err == nil
}
