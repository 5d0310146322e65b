// Command jobsim runs the Job controller of jobkit in a simulated cluster.
//
// Usage:
//
//	jobsim [--svg FILE] [--seed N] [--until D]  simulate the embedded sample Job under a flaky pod model
//	jobsim simulate JOB.yaml ...                 simulate a Job manifest under a pod model (simulate.go)
//	jobsim demo                                  run the embedded lifecycle scenario and print every step
//	jobsim run [-v] FILE|DIR...                  run scenario files (SCENARIOS.md); one PASS/FAIL line each
//	jobsim validate [flags] PATH...              validate Jobs and CronJobs as the API server would (validate.go)
//	jobsim default [flags] PATH...               print Jobs and CronJobs as the API server would store them
//	jobsim version                               print the module version and the Kubernetes version targeted
//	jobsim help                                  list the commands
//
// Exit status: 0 on success, 1 when a scenario or a Job failed, 2 on a
// usage error; validate and default also exit 3 when an input could not be
// read or parsed (see their --help).
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// command is one subcommand: it gets the arguments after its name and
// returns the process exit status.
type command struct {
	run     func(args []string, stdout, stderr io.Writer) int
	summary string
}

// commands is the subcommand table; other files add entries in init.
var commands = map[string]command{}

func register(name, summary string, run func(args []string, stdout, stderr io.Writer) int) {
	commands[name] = command{run: run, summary: summary}
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch runs the subcommand named by args[0], or the simulation of the
// embedded sample when args is empty or starts with a flag.
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		usage(stdout)
		return 0
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runSample(args, stdout, stderr)
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "jobsim: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: jobsim [command] [arguments]")
	fmt.Fprintln(w, "  (no command)  simulate the embedded sample Job (flags: --svg FILE, --seed N, --until D)")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s  %s\n", n, commands[n].summary)
	}
}

// plural returns "1 pod" / "2 pods".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// joinOr joins items with ", " or returns "none".
func joinOr(items []string, none string) string {
	if len(items) == 0 {
		return none
	}
	return strings.Join(items, ", ")
}
