package main

import (
	_ "embed"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
)

// mainJobScenario is the scenario jobsim runs when given no command.
//
//go:embed mainjob.yaml
var mainJobScenario []byte

func init() {
	register("demo", "run the embedded lifecycle scenario and print every step", func(_ []string, stdout, stderr io.Writer) int {
		return runMainJob(stdout, stderr)
	})
}

// runMainJob runs the embedded scenario and prints, for every step, the
// pod changes, the controller's actions, the status and the events.
func runMainJob(stdout, stderr io.Writer) int {
	sc, err := jobtest.Parse("mainjob.yaml", mainJobScenario)
	if err != nil {
		fmt.Fprintf(stderr, "jobsim: embedded scenario: %v\n", err)
		return 1
	}
	j := sc.Job
	mode := "NonIndexed"
	if j.Spec.IsIndexed() {
		mode = "Indexed"
	}
	fmt.Fprintf(stdout, "%s Job %q: completions %s, parallelism %s\n", mode, j.Name,
		int32Text(j.Spec.Completions), int32Text(j.Spec.Parallelism))
	if sc.Description != "" {
		fmt.Fprintf(stdout, "%s\n", strings.TrimSpace(sc.Description))
	}
	res := jobtest.RunScenario(sc, func(r jobtest.StepReport) { printStep(stdout, r) })
	if !res.Passed() {
		fmt.Fprintf(stdout, "\nFAIL: %v\n", res.Err)
		return 1
	}
	fmt.Fprintf(stdout, "\nEvery expectation of the scenario held.\n")
	return 0
}

func int32Text(p *int32) string {
	if p == nil {
		return "unset"
	}
	return fmt.Sprint(*p)
}

// printStep prints one settled step.
func printStep(w io.Writer, r jobtest.StepReport) {
	fmt.Fprintf(w, "\nat %s\n", r.Step.At)
	var changes []string
	for _, pc := range r.Step.Pods {
		changes = append(changes, describeChange(pc))
	}
	if len(changes) > 0 {
		fmt.Fprintf(w, "  pods:       %s\n", strings.Join(changes, "; "))
	}
	fmt.Fprintf(w, "  controller: %s\n", joinOr(describeActions(r.Record), "nothing to do"))
	st := r.World.Job().Status
	fmt.Fprintf(w, "  status:     active=%d ready=%s terminating=%s succeeded=%d failed=%d",
		st.Active, int32Text(st.Ready), int32Text(st.Terminating), st.Succeeded, st.Failed)
	if st.CompletedIndexes != "" {
		fmt.Fprintf(w, " completedIndexes=%q", st.CompletedIndexes)
	}
	fmt.Fprintln(w)
	var conds []string
	for _, c := range st.Conditions {
		conds = append(conds, fmt.Sprintf("%s=%s (%s)", c.Type, c.Status, c.Reason))
	}
	fmt.Fprintf(w, "  conditions: %s\n", joinOr(conds, "none"))
	var events []string
	for _, e := range r.Record.Events {
		events = append(events, fmt.Sprintf("%s %q", e.Reason, e.Message))
	}
	if len(events) > 0 {
		fmt.Fprintf(w, "  events:     %s\n", strings.Join(events, ", "))
	}
	if r.Record.RequeueAfter != nil {
		fmt.Fprintf(w, "  requeue:    in %s\n", *r.Record.RequeueAfter)
	}
}

// describeActions renders what the controller did, naming created pods by
// their real names.
func describeActions(rec jobtest.Record) []string {
	var out []string
	created := 0
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case job.CreatePod:
			s := "create " + rec.Created[created]
			if a.Index >= 0 {
				s += fmt.Sprintf(" (index %d)", a.Index)
			}
			created++
			out = append(out, s)
		case job.DeletePod:
			out = append(out, "delete "+a.Pod.Name)
		case job.RemoveFinalizer:
			out = append(out, "remove finalizer of "+a.Pod.Name)
		case job.WriteStatus:
			out = append(out, "write status")
		default:
			out = append(out, a.String())
		}
	}
	return out
}

// describeChange renders a pod change ("lc-1-0 Failed (exit 1)").
func describeChange(pc jobtest.PodChange) string {
	parts := []string{pc.Name}
	if pc.Gone {
		return pc.Name + " removed"
	}
	if pc.Phase != nil {
		parts = append(parts, string(*pc.Phase))
	}
	if pc.ExitCode != nil {
		parts = append(parts, fmt.Sprintf("(exit %d)", *pc.ExitCode))
	}
	for _, name := range slices.Sorted(maps.Keys(pc.Containers)) {
		parts = append(parts, fmt.Sprintf("(%s exit %d)", name, pc.Containers[name]))
	}
	if pc.Ready != nil {
		if *pc.Ready {
			parts = append(parts, "ready")
		} else {
			parts = append(parts, "not ready")
		}
	}
	if pc.Deleted != nil && *pc.Deleted {
		parts = append(parts, "deleted")
	}
	return strings.Join(parts, " ")
}
