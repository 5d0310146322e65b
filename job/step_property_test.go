package job

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/policy"
)

// drawInput draws a random but well-formed Input: a defaulted Job in one of
// its modes and a handful of pods in every state the controller
// distinguishes (owned, orphan, foreign; every phase; deleting; with or
// without finalizer; valid, duplicate, invalid or missing index).
func drawInput(t *rapid.T) Input {
	completions := rapid.Int32Range(-1, 6).Draw(t, "completions")
	j := testJob(rapid.Int32Range(0, 5).Draw(t, "parallelism"), completions,
		backoffLimit(rapid.Int32Range(0, 4).Draw(t, "backoffLimit")))
	isIndexed := completions >= 0 && rapid.Bool().Draw(t, "indexed")
	if isIndexed {
		indexed(j)
		if rapid.Bool().Draw(t, "perIndex") {
			perIndex(rapid.Int32Range(0, 2).Draw(t, "perIndexLimit"))(j)
			if rapid.Bool().Draw(t, "maxFailed") {
				j.Spec.MaxFailedIndexes = Ptr(rapid.Int32Range(0, 2).Draw(t, "maxFailedIndexes"))
			}
		}
		if rapid.Bool().Draw(t, "successPolicy") {
			j.Spec.SuccessPolicy = &policy.SuccessPolicy{Rules: []policy.SuccessPolicyRule{{SucceededCount: Ptr(int32(2))}}}
		}
		j.Status.CompletedIndexes = rapid.SampledFrom([]string{"", "0", "1,2", "0-2"}).Draw(t, "completedIndexes")
	}
	if rapid.Bool().Draw(t, "pfp") {
		rules := []policy.PodFailurePolicyRule{
			exitRule(policy.ActionIgnore, policy.OperatorIn, 2),
			exitRule(policy.ActionFailJob, policy.OperatorIn, 3),
			condRule(policy.ActionIgnore, DisruptionTarget),
		}
		if j.Spec.BackoffLimitPerIndex != nil {
			rules = append(rules, exitRule(policy.ActionFailIndex, policy.OperatorIn, 4))
		}
		withPFP(rules...)(j)
	} else if rapid.Bool().Draw(t, "replaceFailed") {
		j.Spec.PodReplacementPolicy = Ptr(Failed)
	}
	if rapid.Bool().Draw(t, "suspend") {
		suspended(true)(j)
	}
	if rapid.Bool().Draw(t, "deadline") {
		j.Spec.ActiveDeadlineSeconds = Ptr(rapid.Int64Range(0, 120).Draw(t, "ads"))
		startedAt(-time.Duration(rapid.IntRange(0, 200).Draw(t, "started")) * time.Second)(j)
	}
	if rapid.Bool().Draw(t, "jobDeleting") {
		j.DeletionTimestamp = Ptr(at(0))
	}
	if rapid.Bool().Draw(t, "interim") {
		typ := rapid.SampledFrom([]JobConditionType{JobFailureTarget, JobSuccessCriteriaMet, JobSuspended}).Draw(t, "interimType")
		j.Status.Conditions = []JobCondition{{Type: typ, Status: ConditionTrue, Reason: "R", Message: "M"}}
	}
	j.Status.Failed = rapid.Int32Range(0, 3).Draw(t, "statusFailed")
	j.Status.Succeeded = rapid.Int32Range(0, 3).Draw(t, "statusSucceeded")

	n := rapid.IntRange(0, 12).Draw(t, "pods")
	pods := make([]*Pod, n)
	var unc UncountedTerminatedPods
	for i := range pods {
		name := fmt.Sprintf("p%d", i)
		ph := rapid.SampledFrom([]PodPhase{"", PodPending, PodRunning, PodUnknown, PodSucceeded, PodFailed}).Draw(t, name+"phase")
		var opts []podOpt
		if isIndexed {
			if ix := rapid.IntRange(-1, int(completions)+1).Draw(t, name+"index"); ix >= 0 {
				opts = append(opts, idx(ix))
			} else if rapid.Bool().Draw(t, name+"badIndex") {
				opts = append(opts, annotation(CompletionIndexKey, rapid.SampledFrom([]string{"x", "-1", "+1", "99999999999", " 1", ""}).Draw(t, name+"badIndexValue")))
			}
			if j.Spec.BackoffLimitPerIndex != nil {
				opts = append(opts, annotation(IndexFailureCountKey, fmt.Sprint(rapid.IntRange(0, 2).Draw(t, name+"fc"))))
			}
		}
		if ph == PodFailed {
			opts = append(opts, exitCodes(map[string]int32{"main": rapid.Int32Range(1, 4).Draw(t, name+"exit")}))
			opts = append(opts, finishedAt(-time.Duration(rapid.IntRange(0, 30).Draw(t, name+"fin"))*time.Second))
		}
		if rapid.Bool().Draw(t, name+"ready") {
			opts = append(opts, ready(-time.Duration(rapid.IntRange(0, 3).Draw(t, name+"readyAt"))*time.Minute))
		}
		if rapid.IntRange(0, 4).Draw(t, name+"deleting") == 0 {
			opts = append(opts, deletedAt(0))
		}
		if rapid.IntRange(0, 4).Draw(t, name+"nofin") == 0 {
			opts = append(opts, noFinalizer)
		}
		if rapid.Bool().Draw(t, name+"disruption") {
			opts = append(opts, podCondition(DisruptionTarget, ConditionTrue))
		}
		p := testPod(j, name, ph, opts...)
		p.CreationTimestamp = at(-time.Duration(rapid.IntRange(0, 3).Draw(t, name+"created")) * time.Minute)
		if rapid.Bool().Draw(t, name+"unscheduled") {
			p.Spec.NodeName = ""
		}
		switch rapid.IntRange(0, 9).Draw(t, name+"owner") {
		case 0: // orphan
			p.OwnerReferences = nil
		case 1: // foreign
			p.OwnerReferences[0].UID = "uid-other"
		case 2: // owned but no longer matching
			p.Labels = map[string]string{"x": "y"}
		}
		if (ph == PodSucceeded || ph == PodFailed) && rapid.IntRange(0, 3).Draw(t, name+"unc") == 0 {
			if rapid.Bool().Draw(t, name+"uncFailed") {
				unc.Failed = append(unc.Failed, p.UID)
			} else {
				unc.Succeeded = append(unc.Succeeded, p.UID)
			}
		}
		pods[i] = p
	}
	if rapid.Bool().Draw(t, "staleUncounted") {
		unc.Failed = append(unc.Failed, "uid-gone")
	}
	j.Status.UncountedTerminatedPods = &unc
	var mem Memory
	if rapid.Bool().Draw(t, "memory") {
		mem.Backoff = BackoffRecord{FailuresAfterLastSuccess: rapid.Int32Range(1, 5).Draw(t, "memFailures"),
			LastFailureTime: t0.Add(-time.Duration(rapid.IntRange(0, 100).Draw(t, "memLast")) * time.Second)}
	}
	return Input{Job: j, Pods: pods, Now: t0, Memory: mem}
}

func clonePods(pods []*Pod) []*Pod {
	out := make([]*Pod, len(pods))
	for i, p := range pods {
		out[i] = p.DeepCopy()
	}
	return out
}

// TestStepPure checks that Step never modifies its input, gives the same
// output when called twice, and gives the same output for any order of the
// input pods.
func TestStepPure(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		jobBefore, podsBefore := in.Job.DeepCopy(), clonePods(in.Pods)
		out1, err := Step(in)
		if err != nil {
			t.Fatalf("Step: %v", err)
		}
		if diff := cmp.Diff(jobBefore, in.Job); diff != "" {
			t.Fatalf("Step modified the Job (-before +after):\n%s", diff)
		}
		if diff := cmp.Diff(podsBefore, in.Pods); diff != "" {
			t.Fatalf("Step modified the pods (-before +after):\n%s", diff)
		}
		out2, _ := Step(in)
		if diff := cmp.Diff(out1, out2); diff != "" {
			t.Fatalf("Step is not deterministic:\n%s", diff)
		}
		perm := rapid.Permutation(in.Pods).Draw(t, "permutation")
		shuffled := in
		shuffled.Pods = perm
		out3, _ := Step(shuffled)
		if diff := cmp.Diff(out1, out3); diff != "" {
			t.Fatalf("output depends on pod order (-original +shuffled):\n%s", diff)
		}
	})
}

// TestStepInvariants checks properties every sync's final status has.
func TestStepInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		out, err := Step(in)
		if err != nil {
			t.Fatalf("Step: %v", err)
		}
		checkActionOrder(t, out)
		st := out.Status
		if st == nil {
			return
		}
		if st.Ready != nil && *st.Ready > st.Active {
			t.Fatalf("ready %d > active %d", *st.Ready, st.Active)
		}
		old := in.Job.Status
		if st.Failed < old.Failed {
			t.Fatalf("failed decreased: %d -> %d", old.Failed, st.Failed)
		}
		if st.HasTrueCondition(JobComplete) && st.HasTrueCondition(JobFailed) {
			t.Fatal("Complete and Failed together")
		}
		if st.IsFinished() {
			if u := st.UncountedTerminatedPods; len(u.Succeeded)+len(u.Failed) > 0 {
				t.Fatalf("finished with uncounted pods %+v", u)
			}
			if *st.Terminating != 0 || st.Active != 0 {
				t.Fatalf("finished with active %d terminating %d", st.Active, *st.Terminating)
			}
		}
		if (st.CompletionTime != nil) != st.HasTrueCondition(JobComplete) {
			t.Fatalf("completionTime %v with conditions %s", st.CompletionTime, condSummary(st))
		}
	})
}

// checkActionOrder checks the documented execution order of Output.Actions:
// AdoptPod/ReleasePod, then DeletePod or CreatePod (never both), then at
// most one WriteStatus, then RemoveFinalizer, then at most one WriteStatus;
// and that Output.Status equals the last WriteStatus.
func checkActionOrder(t *rapid.T, out Output) {
	phase := 0
	var creates, deletes, writes int
	var last *JobStatus
	for i, a := range out.Actions {
		p := 0
		switch a := a.(type) {
		case AdoptPod, ReleasePod:
			p = 0
		case CreatePod:
			p, creates = 1, creates+1
		case DeletePod:
			p, deletes = 1, deletes+1
		case WriteStatus:
			writes++
			last = a.Status
			p = 2
			if phase >= 2 {
				p = 4
			}
		case RemoveFinalizer:
			p = 3
		}
		if p < phase || (p == 4 && phase == 4) {
			t.Fatalf("action %d (%v) out of order: %v", i, a, out.Actions)
		}
		phase = p
	}
	if creates > 0 && deletes > 0 {
		t.Fatalf("a sync both creates and deletes: %v", out.Actions)
	}
	if writes > 2 {
		t.Fatalf("%d status writes", writes)
	}
	if diff := cmp.Diff(last, out.Status); diff != "" {
		t.Fatalf("Output.Status differs from the last WriteStatus:\n%s", diff)
	}
}
