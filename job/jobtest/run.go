package jobtest

import (
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/validation/field"
)

// Result is the outcome of one scenario.
type Result struct {
	// Name is the scenario's name (its path).
	Name string
	// Err is nil when the scenario passed; otherwise it says where and why
	// it failed (a format error, a rejected write, or the mismatches of the
	// first failing step).
	Err error
}

// Passed reports whether the scenario passed.
func (r Result) Passed() bool { return r.Err == nil }

// StepReport is what an Observer sees after each step settled.
type StepReport struct {
	// Index is the step's position in the file (0-based).
	Index int
	Step  *ScenarioStep
	// World is the world once settled; the observer must not change it.
	World *World
	// Record is what the controller did at this step.
	Record Record
}

// Observer, when given to RunScenario, is called after every step settled
// (before its expectations are checked).
type Observer func(StepReport)

// RunFile parses and runs the scenario file at path.
func RunFile(path string) Result {
	sc, err := ParseFile(path)
	if err != nil {
		return Result{Name: path, Err: err}
	}
	return RunScenario(sc, nil)
}

// ScenarioFiles lists the scenario files under dir: every *.yaml file at
// any depth (SCENARIOS.md), as paths starting with dir, in lexical order.
func ScenarioFiles(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	return paths, nil
}

// RunDir runs every scenario file under dir (ScenarioFiles). A file's
// Result is named by its path relative to dir, with forward slashes.
func RunDir(dir string) ([]Result, error) {
	paths, err := ScenarioFiles(dir)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(paths))
	for _, p := range paths {
		r := RunFile(p)
		if rel, err := filepath.Rel(dir, p); err == nil {
			r.Name = filepath.ToSlash(rel)
		}
		out = append(out, r)
	}
	return out, nil
}

// RunScenario runs a parsed scenario: it creates the Job (checking
// invalid, defaulted and warnings), adds the initial pods, then for each
// step moves the clock, applies the step's changes in the order job,
// statusUpdate, deleteJob, pods, settles the world and checks the
// expectations. obs, when non-nil, sees every settled step. Scenario
// execution stops at the first failing step.
func RunScenario(sc *Scenario, obs Observer) Result {
	res := Result{Name: sc.Name}
	res.Err = runScenario(sc, obs)
	return res
}

func runScenario(sc *Scenario, obs Observer) error {
	w := NewWorld(sc.Start)
	w.CheckInputs = true
	if sc.Backoff != nil {
		w.Memory.Backoff = *sc.Backoff
	}
	if sc.Defaulted != nil {
		got := actualTree(w.PrepareJob(sc.Job))
		if ms := comparePartial("", sc.Defaulted, got); len(ms) > 0 {
			return fmt.Errorf("defaulted: %s", describeMismatches(ms, sc.Start))
		}
	}
	warnings, errs := w.CreateJob(sc.Job)
	if sc.Warnings != nil && !slices.Equal(sc.Warnings, warnings) {
		return fmt.Errorf("warnings: want %q, got %q", sc.Warnings, warnings)
	}
	if sc.Invalid != nil {
		if len(errs) == 0 {
			return fmt.Errorf("invalid: create validation accepted the Job")
		}
		return matchErrors("invalid", sc.Invalid, errs)
	}
	if len(errs) > 0 {
		return fmt.Errorf("create validation rejected the Job: %v", errs.ToAggregate())
	}
	for i, pc := range sc.Pods {
		if err := w.ChangePod(pc); err != nil {
			return fmt.Errorf("pods[%d]: %w", i, err)
		}
	}
	for i := range sc.Steps {
		st := &sc.Steps[i]
		if err := runStep(w, st, i, obs); err != nil {
			return fmt.Errorf("step %d (at %s, line %d): %w", i, st.At, st.Line, err)
		}
	}
	return nil
}

func runStep(w *World, st *ScenarioStep, i int, obs Observer) error {
	if err := w.Advance(w.Start.Add(st.At)); err != nil {
		return err
	}
	if st.JobPatch != nil {
		errs, err := w.UpdateJob(st.JobPatch)
		if err != nil {
			return err
		}
		if err := checkUpdate("job", st.Invalid, errs); err != nil {
			return err
		}
	}
	if st.StatusPatch != nil {
		errs, err := w.UpdateStatus(st.StatusPatch)
		if err != nil {
			return err
		}
		var want []ExpectedError
		if st.JobPatch == nil {
			want = st.Invalid
		}
		if err := checkUpdate("statusUpdate", want, errs); err != nil {
			return err
		}
	}
	if st.DeleteJob {
		if err := w.DeleteJob(); err != nil {
			return err
		}
	}
	for k, pc := range st.Pods {
		if err := w.ChangePod(pc); err != nil {
			return fmt.Errorf("pods[%d]: %w", k, err)
		}
	}
	rec, err := w.Settle()
	if err != nil {
		return err
	}
	if obs != nil {
		obs(StepReport{Index: i, Step: st, World: w, Record: rec})
	}
	if st.Expect == nil {
		return nil
	}
	return checkExpect(w, st.Expect, rec)
}

// checkUpdate checks an update's validation result: rejected with at least
// want when want is non-nil, accepted otherwise.
func checkUpdate(what string, want []ExpectedError, errs field.ErrorList) error {
	if want == nil {
		if len(errs) > 0 {
			return fmt.Errorf("%s: update rejected: %v", what, errs.ToAggregate())
		}
		return nil
	}
	if len(errs) == 0 {
		return fmt.Errorf("%s: update accepted, want it rejected with %s", what, describeExpectedErrors(want))
	}
	return matchErrors(what+": invalid", want, errs)
}

// matchErrors checks that every expected error is among errs.
func matchErrors(what string, want []ExpectedError, errs field.ErrorList) error {
	var missing []ExpectedError
	for _, e := range want {
		found := slices.ContainsFunc(errs, func(g *field.Error) bool {
			return g != nil && g.Field == e.Field && g.Type.String() == e.Type && (e.Detail == "" || g.Detail == e.Detail)
		})
		if !found {
			missing = append(missing, e)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("%s: missing %s; got %v", what, describeExpectedErrors(missing), errs.ToAggregate())
}

func describeExpectedErrors(es []ExpectedError) string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Field + ": " + e.Type
		if e.Detail != "" {
			s[i] += ": " + e.Detail
		}
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// checkExpect compares the settled world with e; every mismatch is
// reported.
func checkExpect(w *World, e *Expect, rec Record) error {
	var fails []string
	addSet := func(key string, want, got []string) {
		if want != nil && !sameSet(want, got) {
			fails = append(fails, fmt.Sprintf("%s: want %q, got %q", key, sorted(want), sorted(got)))
		}
	}
	addSet("created", e.Created, rec.Created)
	addSet("deleted", e.Deleted, rec.Deleted)
	addSet("finalizersRemoved", e.FinalizersRemoved, rec.FinalizersRemoved)
	if e.CreatedIndexes != nil {
		// Compared as sets: "1-2" and "1,2" are the same indexes.
		want, err := indexes.Parse(*e.CreatedIndexes, math.MaxInt32)
		got := indexes.FromIndexes(rec.CreatedIndexes...)
		if err != nil || !want.Equal(got) {
			fails = append(fails, fmt.Sprintf("createdIndexes: want %q, got %q", *e.CreatedIndexes, got))
		}
	}
	for _, ep := range e.Pods {
		p := w.Pod(ep.Name)
		switch {
		case ep.Partial == nil && p != nil:
			fails = append(fails, fmt.Sprintf("pods.%s: want no such pod, got one", ep.Name))
		case ep.Partial != nil && p == nil:
			fails = append(fails, fmt.Sprintf("pods.%s: no such pod in the store", ep.Name))
		case p != nil:
			for _, m := range comparePartial("pods."+ep.Name, ep.Partial, actualTree(p)) {
				fails = append(fails, m.String(w.Start))
			}
		}
	}
	if e.HasTTL {
		t, ok, err := w.TTLExpiry()
		switch {
		case err != nil:
			fails = append(fails, fmt.Sprintf("ttlExpiresAt: TTLExpiry: %v", err))
		case e.TTLExpiresAt == nil && ok:
			fails = append(fails, fmt.Sprintf("ttlExpiresAt: want null, got %s", t.Sub(w.Start)))
		case e.TTLExpiresAt != nil && !ok:
			fails = append(fails, fmt.Sprintf("ttlExpiresAt: want %s, got null", *e.TTLExpiresAt))
		case e.TTLExpiresAt != nil && !t.Equal(w.Start.Add(*e.TTLExpiresAt)):
			fails = append(fails, fmt.Sprintf("ttlExpiresAt: want %s, got %s", *e.TTLExpiresAt, t.Sub(w.Start)))
		}
	}
	if e.HasRequeue && !sameDuration(e.RequeueAfter, rec.RequeueAfter) {
		fails = append(fails, fmt.Sprintf("requeueAfter: want %s, got %s", durationText(e.RequeueAfter), durationText(rec.RequeueAfter)))
	}
	if e.Status != nil {
		got := uncountedAsNames(actualTree(&w.Job().Status), true)
		want := uncountedAsNames(e.Status, false)
		for _, m := range comparePartial("status", want, got) {
			fails = append(fails, m.String(w.Start))
		}
	}
	if e.Events != nil {
		got := make([]string, len(rec.Events))
		for i, ev := range rec.Events {
			got[i] = ev.Reason
		}
		if !slices.Equal(e.Events, got) {
			fails = append(fails, fmt.Sprintf("events: want %q, got %q", e.Events, got))
		}
	}
	if len(fails) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(fails, "; "))
}

func sameSet(a, b []string) bool { return slices.Equal(sorted(a), sorted(b)) }

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	if out == nil {
		out = []string{}
	}
	return out
}

func sameDuration(a, b *time.Duration) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func durationText(d *time.Duration) string {
	if d == nil {
		return "none"
	}
	return d.String()
}

func describeMismatches(ms []mismatch, start time.Time) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = m.String(start)
	}
	return strings.Join(s, "; ")
}
