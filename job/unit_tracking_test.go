package job

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestUncountedCap: with MaxUncountedPods 2, a sync accounts for two of the
// three finished pods (canonical order); it records SuccessCriteriaMet (the
// in-memory count reached completions) but cannot add Complete.
func TestUncountedCap(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxUncountedPods = 2
	j := testJob(3, 3)
	pods := []*Pod{testPod(j, "c", PodSucceeded), testPod(j, "a", PodSucceeded), testPod(j, "b", PodSucceeded)}
	out := mustStep(t, Input{Job: j, Pods: pods, Config: &cfg})
	want := summary{Finalizers: []string{"a", "b"}, Writes: 2, RequeueSecs: -1}
	if diff := cmp.Diff(want, summarize(out), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := condSummary(out.Status); out.Status.Succeeded != 2 || got != "SuccessCriteriaMet=True/CompletionsReached" {
		t.Errorf("succeeded %d, conditions %q: want 2 and SuccessCriteriaMet only (capped)", out.Status.Succeeded, got)
	}
	// The next sync, with a and b gone, counts c and completes.
	j2 := j.DeepCopy()
	j2.Status = *out.Status
	out = mustStep(t, Input{Job: j2, Pods: pods[:1], Config: &cfg})
	if got := condSummary(out.Status); got != "SuccessCriteriaMet=True/CompletionsReached,Complete=True/CompletionsReached" || out.Status.Succeeded != 3 {
		t.Errorf("second sync: succeeded %d, conditions %q", out.Status.Succeeded, got)
	}
}

// TestStaleUncountedCleanup: UIDs in uncountedTerminatedPods whose pods are
// gone move to the counters at once.
func TestStaleUncountedCleanup(t *testing.T) {
	j := testJob(1, 5, withStatus(func(s *JobStatus) {
		s.Succeeded, s.Failed = 1, 1
		s.UncountedTerminatedPods = &UncountedTerminatedPods{Succeeded: []UID{"gone-1"}, Failed: []UID{"gone-2", "gone-3"}}
		s.Ready, s.Terminating, s.Active = Ptr(int32(0)), Ptr(int32(0)), 1
		s.StartTime = Ptr(at(-60))
	}))
	out := mustStep(t, Input{Job: j, Pods: []*Pod{testPod(j, "r", PodRunning)}})
	st := out.Status
	if st.Succeeded != 2 || st.Failed != 3 || len(st.UncountedTerminatedPods.Succeeded)+len(st.UncountedTerminatedPods.Failed) != 0 {
		t.Errorf("status %+v", st)
	}
	if s := summarize(out); s.Writes != 1 {
		t.Errorf("writes = %d, want 1", s.Writes)
	}
}
