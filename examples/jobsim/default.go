package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job/manifest"
)

func init() {
	register("default", "print Job and CronJob manifests with the API server's defaults applied", runDefault)
}

// runDefault implements `jobsim default [--create] FILE`: it prints every
// Job of FILE as YAML with SetDefaults_Job applied (documents separated by
// ---). With --create it prints the object the API server would store
// (defaults.Create, as `validate` runs it: namespace, placeholder UID,
// generated name, selector and labels, create strategy), also when
// validation rejects it; a request the server refuses as a whole is an
// error.
func runDefault(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("default", flag.ContinueOnError)
	fs.SetOutput(stderr)
	create := fs.Bool("create", false, "also apply the create-time selector, labels and strategy")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: jobsim default [--create] FILE")
		return 2
	}
	file := fs.Arg(0)
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		return 1
	}
	docs, err := readJobs(data)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		return 1
	}
	for i, d := range docs {
		if d.cronJob != nil {
			c := defaults.CronJob(d.cronJob)
			if *create {
				c, _, _ = createCronJob(d.cronJob)
			}
			if !writeDocument(stdout, stderr, file, i, c) {
				return 1
			}
			continue
		}
		j := defaults.Job(d.job)
		if *create {
			created, _, err := createJob(d)
			if _, refused := err.(*defaults.RequestError); refused {
				fmt.Fprintf(stderr, "%s: %v\n", file, err)
				return 1
			}
			j = created
		}
		if !writeDocument(stdout, stderr, file, i, j) {
			return 1
		}
	}
	return 0
}

// writeDocument prints v as the i-th YAML document (from 0) of the output.
func writeDocument(stdout, stderr io.Writer, file string, i int, v any) bool {
	out, err := manifest.EncodeYAML(v)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		return false
	}
	if i > 0 {
		fmt.Fprintln(stdout, "---")
	}
	stdout.Write(out)
	return true
}
