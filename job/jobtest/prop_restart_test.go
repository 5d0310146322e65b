package jobtest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job"
)

// restartRunsPerCase is how many interrupted executions each generated
// case compares with its uninterrupted run (100 cases by default: 10,000
// runs; more with -rapid.checks).
const restartRunsPerCase = 100

// staleLag is how many pod lists behind the newest one a Step may be shown.
const staleLag = 4

// TestCrashRestartStalePods is the executor-contract property of the
// package doc. rapid draws a Job (drawPropJob) and a pod history: a few
// ticks, each advancing the clock and moving every active pod (started,
// succeeded, failed with exit code 1, or left alone). An uninterrupted run
// settles the World after each tick. Each interrupted run replays the same
// history with an executor that, while the controller converges after a
// tick, shows Step pod lists up to staleLag lists old (never older than the
// previous one, as an informer), carries its Memory over (Forget of what it
// did not do), and crashes after a random action (except in the window of
// inFinishWindow, which upstream shares): the rest of that Output
// is lost, the Memory is dropped and the restarted controller starts from
// the current pods. A status write that validation rejects is a failed
// action (stop, Forget the rest). After every tick, once the controller
// has converged on the current pods, the interrupted run must have the
// same Job status (so no pod counted twice or lost, and in the end the same
// terminal condition) and the same pods (name, phase, finalizer,
// deletion) as the uninterrupted one; and no CreatePod may ever target an
// index that has a live pod in the store, nor take a NonIndexed Job past
// its parallelism.
//
// The pod-failure backoff is off (base 0) because a restart legitimately
// forgets it (see Memory), which would change when replacements appear.
func TestCrashRestartStalePods(t *testing.T) {
	var st restartStats
	rapid.Check(t, func(rt *rapid.T) { st.cases++; runRestartCase(rt, &st) })
	t.Logf("%d cases (%d rejected), %d interrupted runs, %d Steps, %d crashes, %d stale lists, %d rejected status writes; %d finished: %v",
		st.cases, st.rejected, st.runs, st.steps, st.crashes, st.stale, st.rejectedWrites, st.finished, st.outcomes)
}

type restartStats struct {
	cases, rejected, runs, steps, crashes, stale, rejectedWrites, finished int
	outcomes                                                               map[string]int
}

// tick is one step of the pod history.
type tick struct {
	advance time.Duration
	changes []PodChange
}

func runRestartCase(t *rapid.T, st *restartStats) {
	j := drawPropJob(t)
	cfg := job.DefaultConfig()
	cfg.PodFailureBackoffBase, cfg.PodFailureBackoffMax = 0, 0
	ref := NewWorld(DefaultStart)
	ref.Config = &cfg
	if _, errs := ref.CreateJob(j); len(errs) > 0 {
		st.rejected++
		t.Skipf("job rejected: %v", errs.ToAggregate())
	}
	if _, err := ref.Settle(); err != nil {
		t.Fatalf("uninterrupted run: %v", err)
	}
	states := []string{worldState(ref)}
	var history []tick
	n := rapid.IntRange(1, 6).Draw(t, "ticks")
	for k := range n {
		tk := tick{advance: time.Duration(rapid.IntRange(1, 120).Draw(t, fmt.Sprintf("advance%d", k))) * time.Second}
		for _, p := range ref.Pods() {
			if p.Status.Phase == job.PodSucceeded || p.Status.Phase == job.PodFailed || p.DeletionTimestamp != nil {
				continue
			}
			c := PodChange{Name: p.Name}
			switch rapid.IntRange(0, 3).Draw(t, "move "+p.Name) {
			case 0:
				continue
			case 1:
				c.Phase = phasePtr(job.PodRunning)
			case 2:
				c.Phase = phasePtr(job.PodSucceeded)
			case 3:
				c.Phase, c.ExitCode = phasePtr(job.PodFailed), job.Ptr(int32(1))
			}
			tk.changes = append(tk.changes, c)
		}
		history = append(history, tk)
		if err := applyTick(ref, tk); err != nil {
			t.Fatalf("uninterrupted run: %v", err)
		}
		if _, err := ref.Settle(); err != nil {
			t.Fatalf("uninterrupted run: %v", err)
		}
		states = append(states, worldState(ref))
	}
	for _, c := range ref.Job().Status.Conditions {
		if (c.Type == job.JobComplete || c.Type == job.JobFailed) && c.Status == job.ConditionTrue {
			st.finished++
			if st.outcomes == nil {
				st.outcomes = map[string]int{}
			}
			st.outcomes[string(c.Type)+"/"+c.Reason]++
		}
	}

	seed := rapid.Uint64().Draw(t, "seed")
	for r := range restartRunsPerCase {
		st.runs++
		rng := rand.New(rand.NewPCG(seed, uint64(r)))
		w := NewWorld(DefaultStart)
		w.Config = &cfg
		if _, errs := w.CreateJob(j); len(errs) > 0 {
			t.Fatalf("job rejected in run %d: %v", r, errs.ToAggregate())
		}
		x := &restartExec{w: w, rng: rng, st: st}
		for k := 0; ; k++ {
			if err := x.converge(); err != nil {
				t.Fatalf("run %d (seed %d), after tick %d: %v", r, seed, k, err)
			}
			if d := cmp.Diff(states[k], worldState(w)); d != "" {
				t.Fatalf("run %d (seed %d), after tick %d: the interrupted run differs from the uninterrupted one (-uninterrupted +interrupted):\n%s", r, seed, k, d)
			}
			if k == len(history) {
				break
			}
			if err := applyTick(w, history[k]); err != nil {
				t.Fatalf("run %d: %v", r, err)
			}
		}
	}
}

func phasePtr(p job.PodPhase) *job.PodPhase { return &p }

func applyTick(w *World, tk tick) error {
	if err := w.Advance(w.Now().Add(tk.advance)); err != nil {
		return err
	}
	for _, c := range tk.changes {
		if err := w.ChangePod(c); err != nil {
			return err
		}
	}
	return nil
}

// worldState renders what the runs must agree on: the counters, the
// completed indexes, the uncounted pods, the condition types and statuses
// (in order) and, per pod, its phase, finalizer and deletion.
//
// Reasons, messages and failedIndexes are not compared: they are what a
// crash in the window of inFinishWindow changes (a deleted pod turning
// into a failure), and the comparison stays meaningful without them.
func worldState(w *World) string {
	st := &w.Job().Status
	s := fmt.Sprintf("active=%d ready=%s terminating=%s succeeded=%d failed=%d completedIndexes=%q uncounted=%v\n",
		st.Active, i32s(st.Ready), i32s(st.Terminating), st.Succeeded, st.Failed, st.CompletedIndexes, st.UncountedTerminatedPods)
	for _, c := range st.Conditions {
		s += fmt.Sprintf("condition %s=%s\n", c.Type, c.Status)
	}
	for _, p := range w.Pods() {
		s += fmt.Sprintf("%s %s fin=%v deleting=%v\n", p.Name, p.Status.Phase, p.HasFinalizer(job.TrackingFinalizer), p.DeletionTimestamp != nil)
	}
	return s
}

func i32s(p *int32) string {
	if p == nil {
		return "nil"
	}
	return strconv.Itoa(int(*p))
}

// restartExec is the interrupted executor of TestCrashRestartStalePods.
type restartExec struct {
	w   *World
	rng *rand.Rand
	st  *restartStats
	mem job.Memory
	// lists are the pod lists since the last restart, oldest first; shown
	// is the index of the last one shown to Step.
	lists [][]*job.Pod
	shown int
}

// converge runs the controller at the current instant until it settles on
// the current pods: first up to 12 Steps on possibly stale lists with
// crashes, then Steps on the current pods without crashes.
func (x *restartExec) converge() error {
	x.lists, x.shown = [][]*job.Pod{x.w.inputPods()}, 0
	const noisy = 12
	for step := 0; step < noisy+MaxSettleRounds; step++ {
		fresh := step >= noisy
		if fresh {
			x.shown = len(x.lists) - 1
		} else {
			lo := max(x.shown, len(x.lists)-1-staleLag)
			x.shown = lo + x.rng.IntN(len(x.lists)-lo)
		}
		if x.shown < len(x.lists)-1 {
			x.st.stale++
		}
		in := job.Input{Job: x.w.Job(), Pods: x.lists[x.shown], Now: x.w.Now(), Memory: x.mem, Config: x.w.Config}
		out, err := job.Step(in)
		if err != nil {
			return err
		}
		x.st.steps++
		crashAt := -1
		if !fresh && x.rng.IntN(3) == 0 {
			crashAt = x.rng.IntN(len(out.Actions) + 1)
			if inFinishWindow(out.Actions, crashAt) {
				crashAt = -1
			}
		}
		mem := out.Memory
		wrote := false
		for i, a := range out.Actions {
			if i == crashAt {
				break
			}
			ok, err := x.carryOut(a)
			if err != nil {
				return fmt.Errorf("%s: %v", a, err)
			}
			if !ok {
				// A rejected status write: stop and forget the rest.
				mem = mem.Forget(out.Actions[i+1:]...)
				if !wrote {
					mem.Backoff = in.Memory.Backoff
				}
				break
			}
			if _, ok := a.(job.WriteStatus); ok {
				wrote = true
			}
			x.lists = append(x.lists, x.w.inputPods())
		}
		if crashAt >= 0 {
			x.st.crashes++
			x.mem = job.Memory{}
			x.lists, x.shown = [][]*job.Pod{x.w.inputPods()}, 0
			continue
		}
		x.mem = mem
		if fresh && len(out.Actions) == 0 {
			return nil
		}
	}
	return fmt.Errorf("no convergence after %d Steps on the current pods", MaxSettleRounds)
}

// inFinishWindow reports whether a crash before actions[k] falls after a
// Branch A DeletePod (no finalizer first) of a pod and before the
// RemoveFinalizer of that pod. That window is excluded: the deleted pod is
// then terminating, with the default replacement policy a terminating pod
// is failed (§3), and the restarted sync counts it as failed and may see a
// failure criterion that the crashed one did not (a SuccessCriteriaMet Job
// can even end Failed/BackoffLimitExceeded). Upstream deletes before it
// writes the interim condition and removes the finalizers, and has the
// same window; jobkit keeps its order.
func inFinishWindow(actions []job.Action, k int) bool {
	open := map[job.UID]bool{}
	for _, a := range actions[:k] {
		switch a := a.(type) {
		case job.DeletePod:
			if !a.RemoveFinalizerFirst {
				open[a.Pod.UID] = true
			}
		case job.RemoveFinalizer:
			delete(open, a.Pod.UID)
		}
	}
	return len(open) > 0
}

// carryOut performs a like the API server would for an executor whose
// view may be stale: deleting or patching a pod that is gone or already
// without the finalizer succeeds without effect. ok is false for a status
// write that validation rejects. It checks that no creation duplicates a
// live pod's index or exceeds parallelism.
func (x *restartExec) carryOut(a job.Action) (ok bool, err error) {
	w := x.w
	var rec Record
	switch a := a.(type) {
	case job.CreatePod:
		live := 0
		for _, p := range w.Pods() {
			if p.Status.Phase == job.PodSucceeded || p.Status.Phase == job.PodFailed || p.DeletionTimestamp != nil {
				continue
			}
			live++
			if a.Index >= 0 && p.Annotations[job.CompletionIndexKey] == strconv.Itoa(int(a.Index)) {
				return false, fmt.Errorf("index %d created while pod %s of that index is live", a.Index, p.Name)
			}
		}
		if !w.Job().Spec.IsIndexed() && live >= int(*w.Job().Spec.Parallelism) {
			return false, fmt.Errorf("creation beyond parallelism %d (%d live pods)", *w.Job().Spec.Parallelism, live)
		}
	case job.DeletePod:
		if w.Pod(a.Pod.Name) == nil {
			return true, nil
		}
	case job.RemoveFinalizer:
		if p := w.Pod(a.Pod.Name); p == nil || !p.HasFinalizer(job.TrackingFinalizer) {
			return true, nil
		}
	case job.WriteStatus:
		if errs := w.writeStatus(a.Status); len(errs) > 0 {
			x.st.rejectedWrites++
			return false, nil
		}
		return true, nil
	}
	if _, err := w.carryOut(a, &rec); err != nil {
		return false, err
	}
	return true, nil
}

// TestCrashRestartDetectsDoubleCreation is the self-test of the property:
// a controller that drops its expectations before every Step (as if no
// Memory were kept) creates pods twice on stale lists, which the property
// must catch.
func TestCrashRestartDetectsDoubleCreation(t *testing.T) {
	j := &job.Job{ObjectMeta: job.ObjectMeta{Name: "dup"}, Spec: job.JobSpec{
		Parallelism: job.Ptr(int32(2)), Completions: job.Ptr(int32(2)), CompletionMode: job.Ptr(job.IndexedCompletion),
		Template: job.PodTemplateSpec{Spec: job.PodSpec{RestartPolicy: job.RestartPolicyNever, Containers: []job.Container{{Name: "c", Image: "busybox"}}}},
	}}
	w := NewWorld(DefaultStart)
	if _, errs := w.CreateJob(j); len(errs) > 0 {
		t.Fatal(errs.ToAggregate())
	}
	x := &restartExec{w: w, st: &restartStats{}}
	stale := w.inputPods()
	out, err := job.Step(job.Input{Job: w.Job(), Pods: stale, Now: w.Now()})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range out.Actions {
		if _, err := x.carryOut(a); err != nil {
			t.Fatal(err)
		}
	}
	// Without the Memory, a Step on the stale list creates both indexes again.
	again, err := job.Step(job.Input{Job: w.Job(), Pods: stale, Now: w.Now()})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(again.Actions, func(a job.Action) bool { _, ok := a.(job.CreatePod); return ok })
	if i < 0 {
		t.Fatal("no creation on the stale list without Memory")
	}
	if _, err := x.carryOut(again.Actions[i]); err == nil {
		t.Fatal("double creation not detected")
	}
	// With the Memory it creates nothing.
	kept, err := job.Step(job.Input{Job: w.Job(), Pods: stale, Now: w.Now(), Memory: out.Memory})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(kept.Actions, func(a job.Action) bool { _, ok := a.(job.CreatePod); return ok }) {
		t.Fatal("Step with its Memory created on the stale list")
	}
}
