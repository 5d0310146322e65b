package main

import (
	"fmt"
	"io"
	"os"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

func init() {
	register("validate", "validate Job manifests as the API server would on create", runValidate)
}

// placeholderUID stands in for the UID the API server would assign to a
// Job that names none; the generated selector and labels carry it.
const placeholderUID = job.UID("00000000-0000-0000-0000-000000000000")

// prepareForCreate applies what the API server does to a Job on create,
// before validation: defaulting, namespace "default" when none is given (the
// namespace kubectl sends from a default context), a placeholder UID when
// none is given, the
// generated selector and labels (unless manualSelector), and the create
// strategy.
func prepareForCreate(j *job.Job) *job.Job {
	out := defaults.Job(j)
	if out.Namespace == "" {
		out.Namespace = "default"
	}
	if out.UID == "" {
		out.UID = placeholderUID
	}
	if out.Spec.ManualSelector == nil || !*out.Spec.ManualSelector {
		out = defaults.GenerateSelector(out)
	}
	return defaults.PrepareForCreate(out)
}

// runValidate implements `jobsim validate FILE...`. For each Job document it
// prints either `FILE: Job.batch "name" is valid` or the API server's error
// text `FILE: Job.batch "name" is invalid: ...` followed by one indented
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
	j := prepareForCreate(d.job)
	errs := validation.ValidateJob(j, validation.DefaultOptions())
	if len(errs) == 0 {
		fmt.Fprintf(w, "%s: Job.batch %q is valid\n", file, j.Name)
	} else {
		fmt.Fprintf(w, "%s: %v\n", file, field.NewInvalidError("Job", "batch", j.Name, errs))
		for _, e := range errs {
			if line := lineOf(d.root, e.Field); line > 0 {
				fmt.Fprintf(w, "  line %d: %v\n", line, e)
			} else {
				fmt.Fprintf(w, "  %v\n", e)
			}
		}
	}
	for _, warning := range validation.WarningsOnCreate(j) {
		fmt.Fprintf(w, "%s: Warning: %s\n", file, warning)
	}
	return len(errs) == 0
}
