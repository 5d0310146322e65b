package jobtest

import (
	"fmt"
	"slices"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job"
)

// Crash replay for the state-machine test (TestStateMachine).

// crash runs one Step and carries out its actions up to and including the
// first WriteStatus (none when it writes no status), as an executor that
// dies right after persisting the status; the controller restarts with its
// memory dropped or (having flushed) kept.
func (m *machine) crash(t *rapid.T) {
	out, err := m.w.stepOnce()
	if err != nil {
		t.Fatalf("crashed round: %v", err)
	}
	k := slices.IndexFunc(out.Actions, func(a job.Action) bool { _, ok := a.(job.WriteStatus); return ok })
	var rec Record
	for _, a := range out.Actions[:k+1] {
		if _, err := m.w.carryOut(a, &rec); err != nil {
			t.Fatalf("crashed round, %s: %v", a, err)
		}
	}
	m.rounds[len(m.rounds)-1].done = k + 1
	if k >= 0 && k+1 < len(out.Actions) {
		m.crashes++
		// A tiny MaxUncountedPods may legitimately make the replay stop
		// earlier (entries already listed count towards the cap).
		if c := m.w.Config; c == nil || c.MaxUncountedPods >= 10 {
			if err := m.checkReplay(out, k); err != nil {
				t.Fatalf("crash replay: %v", err)
			}
		}
	}
	if rapid.Bool().Draw(t, "restartDropsMemory") {
		m.w.Memory = job.Memory{}
	} else if k >= 0 {
		// The executor reports the actions it did not carry out.
		m.w.Memory = out.Memory.Forget(out.Actions[k+1:]...)
	}
}

// checkReplay checks that a controller restarted right after the crash
// (nothing else changed, same instant, memory as flushed) finishes the
// crashed sync: when the crashed sync created and deleted no pod, the
// replay removes exactly the finalizers the crashed sync would have removed
// and ends with the status it would have ended with. Pods created or
// deleted before the crash legitimately change the replay (upstream
// behaves the same), in either direction: a new pod for an index ends
// that index's delayed deletion (§7.4), so an old failed pod is now
// released and counted; a pod deleted (say, on suspension) no longer
// holds its index, so an old failed pod becomes the delayed-deletion pod
// again and keeps its finalizer; a deleted pod is terminating and, with
// the default replacement policy, failed (§3), which can add its index to
// failedIndexes or count it as failed where the crashed sync did not. out
// is the crashed sync's output, k the index of its first WriteStatus
// (carried out).
func (m *machine) checkReplay(out job.Output, k int) error {
	changedPods := slices.ContainsFunc(out.Actions[:k], func(a job.Action) bool {
		switch a.(type) {
		case job.CreatePod, job.DeletePod:
			return true
		}
		return false
	})
	if changedPods {
		return nil
	}
	in := job.Input{Job: m.w.job, Pods: m.w.inputPods(), Now: m.w.Now(), Memory: out.Memory.Forget(out.Actions[k+1:]...), Config: m.w.Config}
	again, err := m.stepFn(in)
	if err != nil {
		return err
	}
	removals := func(as []job.Action) []string {
		var names []string
		for _, a := range as {
			if r, ok := a.(job.RemoveFinalizer); ok {
				names = append(names, r.Pod.Name)
			}
		}
		slices.Sort(names)
		return names
	}
	want, got := removals(out.Actions[k+1:]), removals(again.Actions)
	if d := cmp.Diff(want, got); d != "" {
		return fmt.Errorf("finalizer removals differ (-crashed sync +replay):\n%s", d)
	}
	final := again.Status
	if final == nil {
		final = &m.w.job.Status
	}
	if d := cmp.Diff(out.Status, final); d != "" {
		return fmt.Errorf("final status differs (-crashed sync +replay):\n%s", d)
	}
	return nil
}
