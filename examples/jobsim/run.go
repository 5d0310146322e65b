package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jobkit/jobkit/job/jobtest"
)

func init() {
	register("run", "run scenario files or directories: PASS name / FAIL name: reason (-v: print every step)", runCommand)
}

// runCommand runs every scenario named by args (files, or directories
// walked for *.yaml) and prints one line per scenario; with -v first, it
// also prints every settled step of each scenario (as the demo does). It
// returns 1 when any failed, 2 on a usage error.
func runCommand(args []string, stdout, stderr io.Writer) int {
	verbose := len(args) > 0 && args[0] == "-v"
	if verbose {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: jobsim run [-v] FILE|DIR...")
		return 2
	}
	runFile := jobtest.RunFile
	if verbose {
		runFile = func(path string) jobtest.Result {
			fmt.Fprintf(stdout, "=== %s\n", path)
			sc, err := jobtest.ParseFile(path)
			if err != nil {
				return jobtest.Result{Name: path, Err: err}
			}
			r := jobtest.RunScenario(sc, func(r jobtest.StepReport) { printStep(stdout, r) })
			fmt.Fprintln(stdout)
			return r
		}
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
			report(runFile(arg))
			continue
		}
		paths, err := jobtest.ScenarioFiles(arg)
		if err != nil {
			fmt.Fprintf(stderr, "jobsim: %v\n", err)
			return 2
		}
		for _, p := range paths {
			r := runFile(p)
			r.Name = filepath.ToSlash(p)
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
