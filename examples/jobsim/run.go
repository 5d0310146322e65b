package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jobkit/jobkit/job/jobtest"
)

func init() {
	register("run", "run scenario files or directories: PASS name / FAIL name: reason", runCommand)
}

// runCommand runs every scenario named by args (files, or directories
// walked for *.yaml) and prints one line per scenario. It returns 1 when any
// failed, 2 on a usage error.
func runCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: jobsim run FILE|DIR...")
		return 2
	}
	failed, total := 0, 0
	report := func(r jobtest.Result) {
		total++
		if r.Passed() {
			fmt.Fprintf(stdout, "PASS %s\n", r.Name)
			return
		}
		failed++
		fmt.Fprintf(stdout, "FAIL %s: %v\n", r.Name, r.Err)
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintf(stderr, "jobsim: %v\n", err)
			return 2
		}
		if !info.IsDir() {
			report(jobtest.RunFile(arg))
			continue
		}
		results, err := jobtest.RunDir(arg)
		if err != nil {
			fmt.Fprintf(stderr, "jobsim: %v\n", err)
			return 2
		}
		for _, r := range results {
			r.Name = filepath.ToSlash(filepath.Join(arg, r.Name))
			report(r)
		}
	}
	if total == 0 {
		fmt.Fprintln(stderr, "jobsim: no scenario files found")
		return 2
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "%d of %s failed\n", failed, plural(total, "scenario"))
		return 1
	}
	return 0
}
