package jobtest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
)

// TestStateMachine drives the Job controller (job.Step) through random
// worlds with rapid and checks invariants after every step.
//
// Each test case draws a valid Job (drawPropJob), creates it in a World and
// settles it; then rapid picks actions (prop_actions_test.go): pods start
// (Running, sometimes Unknown), become ready or not ready, restart a
// container, succeed, fail with random exit codes in random containers, get
// a DisruptionTarget condition and fail, get deleted (terminating) and later
// reach a terminal phase or vanish, vanish outright; pods the controller did
// not create appear (owned extras, selector-matching orphans); the clock
// advances (1 s to 15 min, or exactly to the controller's requeue); the user
// suspends and resumes, changes parallelism, changes completions of an
// Indexed Job elastically, deletes the Job; and the executor crashes right
// after a sync's first status write (ArmCrash: the rest of that sync is
// lost, and the controller comes back, with or without its memory, only
// after the next action's change). The world settles after every action.
//
// Checked on every Step call: it is deterministic (a second call on the same
// Input gives the same Output) and independent of pod order (reversed and
// rotated pod slices give the same Output); the world checks that it leaves
// its inputs untouched (CheckInputs) and that every status it writes passes
// ValidateJobStatusUpdate (a rejected write fails the test). The ledger
// (prop_ledger_test.go) replays every round: two-phase, exactly-once pod
// accounting and the legality of every pod creation and deletion.
//
// Checked after every action (Check; after a crashed sync only those that
// hold for any persisted status):
//
//   - status.failed never decreases; status.succeeded never decreases except
//     for an Indexed Job whose completions were lowered (completedIndexes is
//     trimmed to the new range, so it shrinks with it).
//   - ready <= active; completedIndexes and failedIndexes parse within
//     [0, completions) and are disjoint; Indexed: succeeded = |completedIndexes|
//     and no completed index is dropped (completions not lowered).
//   - Conditions: Complete and Failed are never both True, nor FailureTarget
//     and SuccessCriteriaMet; Complete implies SuccessCriteriaMet=True and
//     Failed implies FailureTarget=True (newest semantics: every failure
//     goes through FailureTarget); interim conditions once True stay True;
//     once the Job is finished its status never changes again.
//   - Exactly once: succeeded (NonIndexed) and failed plus the UIDs still
//     listed in uncountedTerminatedPods equal the number of distinct UIDs
//     ever listed there; once settled, nothing is left uncounted (except a
//     crash-listed delayed-deletion pod of a backoffLimitPerIndex Job).
//   - A finished Job has active 0, terminating 0, completionTime iff
//     Complete, and no pod left carrying the tracking finalizer.
//   - An unfinished Job: active, ready and terminating equal what the store
//     holds (owned pods); no terminal owned pod keeps the finalizer except a
//     failed pod of a Job with backoffLimitPerIndex (the delayed-deletion
//     pod, §7.4); past the active deadline, failed > backoffLimit, the
//     OnFailure restart limit (§7.2) or completions reached with no active
//     pod imply an interim condition;
//     unless the Job is being deleted or has an interim condition, the
//     Suspended condition is True iff spec.suspend and a running Job has a
//     startTime; unless being deleted: suspended → active 0, an interim
//     condition → active 0, active <= parallelism (and <= completions −
//     succeeded), Indexed: active pods have distinct indexes < completions.
//
// The default run (100 cases of about 30 actions) takes a few seconds; run
// longer with -rapid.checks=N and -rapid.steps=N.
func TestStateMachine(t *testing.T) {
	var st smStats
	rapid.Check(t, func(rt *rapid.T) {
		st.cases++
		m := newMachine(rt, &st, job.Step)
		rt.Repeat(rapid.StateMachineActions(m))
		st.record(m)
	})
	t.Logf("%d cases (%d Jobs rejected by validation); %d finished: %v; %d syncs crashed between status write and finalizer removal",
		st.cases, st.rejected, st.finished, st.outcomes, st.crashes)
}

// smStats is a summary of what the generated cases reached, logged so that
// `go test -v` shows whether the generators still reach the interesting
// states (finished Jobs of every reason, crashes mid-accounting).
type smStats struct {
	cases, rejected, finished, crashes int
	outcomes                           map[string]int
}

func (s *smStats) record(m *machine) {
	s.crashes += m.crashes
	st := &m.w.Job().Status
	for _, c := range st.Conditions {
		if (c.Type == job.JobComplete || c.Type == job.JobFailed) && c.Status == job.ConditionTrue {
			s.finished++
			if s.outcomes == nil {
				s.outcomes = map[string]int{}
			}
			s.outcomes[string(c.Type)+"/"+c.Reason]++
		}
	}
}

// machine is the rapid state machine: a World, the rounds its controller ran
// since the last check, and what earlier checks saw.
type machine struct {
	w      *World
	stepFn func(job.Input) (job.Output, error)
	led    *ledger
	rounds []round
	// stepErr is the first determinism or pod-order failure of a Step
	// call (reported by Check).
	stepErr error

	prev      job.JobStatus
	finished  *job.JobStatus // the status when the Job first finished
	lowered   bool           // Indexed completions lowered since the last check
	sawFT     bool           // FailureTarget=True was seen
	sawSCM    bool           // SuccessCriteriaMet=True was seen
	requeue   *time.Duration
	rotations int
	extras    int // pods created by ExtraPod and OrphanPod
	// crashNext makes the next settle a crashed round; pending says the
	// world is left as the crash left it (Check then skips the invariants
	// that hold only once the controller settled).
	crashNext, pending bool
	crashes            int
}

// newMachine draws a Job, creates it in a new World whose controller is
// stepFn (job.Step, or a deliberately broken variant in the self-test) and
// settles it.
func newMachine(t *rapid.T, stats *smStats, stepFn func(job.Input) (job.Output, error)) *machine {
	j := drawPropJob(t)
	m := &machine{led: newLedger(), stepFn: stepFn}
	m.w = NewWorld(DefaultStart)
	m.w.CheckInputs = true
	m.w.step = m.step
	m.w.Config = drawPropConfig(t)
	if _, errs := m.w.CreateJob(j); len(errs) > 0 {
		stats.rejected++
		t.Skipf("job rejected: %v", errs.ToAggregate())
	}
	m.settle(t)
	return m
}

// step is the World's controller: job.Step, checked for determinism and pod
// order independence, recorded for the ledger.
func (m *machine) step(in job.Input) (job.Output, error) {
	out, err := m.stepFn(in)
	if err != nil {
		return out, err
	}
	if m.stepErr == nil {
		m.stepErr = m.compareStep(in, out)
	}
	m.rounds = append(m.rounds, round{in: in, out: out, done: -1})
	return out, nil
}

// compareStep calls Step again on in, then with the pods reversed and
// rotated, and reports any Output that differs from out.
func (m *machine) compareStep(in job.Input, out job.Output) error {
	variants := map[string][]*job.Pod{"same input": in.Pods}
	if len(in.Pods) > 1 {
		rev := slices.Clone(in.Pods)
		slices.Reverse(rev)
		variants["reversed pods"] = rev
		m.rotations++
		k := 1 + m.rotations%(len(in.Pods)-1)
		variants["rotated pods"] = append(slices.Clone(in.Pods[k:]), in.Pods[:k]...)
	}
	for _, name := range []string{"same input", "reversed pods", "rotated pods"} {
		pods, ok := variants[name]
		if !ok {
			continue
		}
		again := in
		again.Pods = pods
		out2, err := m.stepFn(again)
		if err != nil {
			return fmt.Errorf("Step with %s: %v", name, err)
		}
		if d := cmp.Diff(out, out2); d != "" {
			return fmt.Errorf("Step with %s gives a different Output (-first +again):\n%s", name, d)
		}
	}
	return nil
}

// settle runs World.Settle and replays the rounds into the ledger.
func (m *machine) settle(t *rapid.T) {
	if m.crashNext {
		// The crash happens after this action's change; the controller
		// comes back only with the next action, after that action's
		// change (a pod may vanish in between).
		m.crashNext = false
		m.crash(t)
		m.pending = true
		m.flush(t)
		return
	}
	m.pending = false
	rec, err := m.w.Settle()
	if err != nil {
		t.Fatalf("Settle: %v", err)
	}
	m.requeue = rec.RequeueAfter
	m.flush(t)
}

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
		m.w.Memory = out.Memory
	}
}

// checkReplay checks that a controller restarted right after the crash
// (nothing else changed, same instant, memory as flushed) finishes the
// crashed sync: it removes at least the finalizers the crashed sync would
// have removed, and, when the crashed sync created and deleted no pod,
// exactly those and ends with the status the crashed sync would have ended
// with. Pods created or deleted before the crash legitimately change the
// replay (upstream behaves the same): a new pod for an index ends that
// index's delayed deletion (§7.4), so the old failed pod is now released
// and counted; a deleted pod is now terminating and, with the default
// replacement policy, failed (§3), which can add its index to
// failedIndexes or count it as failed where the crashed sync did not. out
// is the crashed sync's output, k the index of its first WriteStatus
// (carried out).
func (m *machine) checkReplay(out job.Output, k int) error {
	in := job.Input{Job: m.w.job, Pods: m.w.inputPods(), Now: m.w.Now(), Memory: out.Memory, Config: m.w.Config}
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
	changedPods := slices.ContainsFunc(out.Actions[:k], func(a job.Action) bool {
		switch a.(type) {
		case job.CreatePod, job.DeletePod:
			return true
		}
		return false
	})
	if changedPods {
		for _, name := range want {
			if !slices.Contains(got, name) {
				return fmt.Errorf("the replay does not remove the finalizer of %s (crashed sync: %v, replay: %v)", name, want, got)
			}
		}
		return nil
	}
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

// flush replays the recorded rounds into the ledger.
func (m *machine) flush(t *rapid.T) {
	for i, r := range m.rounds {
		if err := m.led.check(r); err != nil {
			t.Fatalf("round %d of %d at %s: %v\nround actions: %s", i+1, len(m.rounds), m.w.offset(m.w.Now()), err, describeActions(r.out.Actions))
		}
	}
	m.rounds = m.rounds[:0]
	if m.stepErr != nil {
		t.Fatal(m.stepErr)
	}
}

// Check runs after every action (the world has settled).
func (m *machine) Check(t *rapid.T) {
	w := m.w
	j := w.Job()
	st := &j.Status
	indexed := j.Spec.IsIndexed()
	var completions int32 = -1
	if j.Spec.Completions != nil {
		completions = *j.Spec.Completions
	}
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("at %s: %s\nstatus: %s", w.offset(w.Now()), fmt.Sprintf(format, args...), describeStatus(st))
	}

	// Counters.
	if st.Failed < m.prev.Failed {
		fail("failed decreased %d -> %d", m.prev.Failed, st.Failed)
	}
	if st.Succeeded < m.prev.Succeeded && !(indexed && m.lowered) {
		fail("succeeded decreased %d -> %d", m.prev.Succeeded, st.Succeeded)
	}
	if st.Ready != nil && *st.Ready > st.Active {
		fail("ready %d > active %d", *st.Ready, st.Active)
	}
	// Indexes (a finished Job's status is frozen, checked below, while
	// its completions may still be changed).
	if indexed && !st.IsFinished() {
		done, err := indexes.Parse(st.CompletedIndexes, completions)
		if err != nil {
			fail("completedIndexes %q: %v", st.CompletedIndexes, err)
		}
		if int(st.Succeeded) != done.Len() {
			fail("succeeded %d != |completedIndexes %q|", st.Succeeded, st.CompletedIndexes)
		}
		if st.FailedIndexes != nil {
			failed, err := indexes.Parse(*st.FailedIndexes, completions)
			if err != nil {
				fail("failedIndexes %q: %v", *st.FailedIndexes, err)
			}
			for ix := range failed.All() {
				if done.Has(ix) {
					fail("index %d both completed and failed", ix)
				}
			}
		}
		if !m.lowered {
			prevDone := indexes.ParseLenient(m.prev.CompletedIndexes, completions)
			for ix := range prevDone.All() {
				if !done.Has(ix) {
					fail("completed index %d dropped", ix)
				}
			}
		}
	} else if !indexed && (st.CompletedIndexes != "" || st.FailedIndexes != nil) {
		fail("NonIndexed Job with completedIndexes/failedIndexes")
	}
	// Conditions.
	complete, failed := st.HasTrueCondition(job.JobComplete), st.HasTrueCondition(job.JobFailed)
	ft, scm := st.HasTrueCondition(job.JobFailureTarget), st.HasTrueCondition(job.JobSuccessCriteriaMet)
	if complete && failed {
		fail("both Complete and Failed")
	}
	if complete && !scm {
		fail("Complete without SuccessCriteriaMet")
	}
	if failed && !ft {
		fail("Failed without FailureTarget")
	}
	if (m.sawFT && !ft) || (m.sawSCM && !scm) {
		fail("an interim condition disappeared")
	}
	if ft && scm {
		fail("both FailureTarget and SuccessCriteriaMet")
	}
	m.sawFT, m.sawSCM = ft, scm
	if m.finished != nil {
		if d := cmp.Diff(m.finished, st); d != "" {
			fail("status of a finished Job changed (-finished +now):\n%s", d)
		}
	}
	// Accounting: every UID ever listed as uncounted is either still
	// listed or in the counter, once.
	unc := uncounted(st)
	if !indexed && int(st.Succeeded)+len(unc.Succeeded) != len(m.led.everS) {
		fail("succeeded %d + %d uncounted but %d pods were ever counted as succeeded", st.Succeeded, len(unc.Succeeded), len(m.led.everS))
	}
	if int(st.Failed)+len(unc.Failed) != len(m.led.everF) {
		fail("failed %d + %d uncounted but %d pods were ever counted as failed", st.Failed, len(unc.Failed), len(m.led.everF))
	}
	if m.pending {
		m.prev = *st.DeepCopy()
		m.lowered = false
		return
	}
	// Once settled nothing is left uncounted, with one exception (upstream
	// behaves the same): a failed pod of a Job with backoffLimitPerIndex
	// whose UID a crashed sync listed while its index had an active pod,
	// and that the restarted controller then keeps as the index's
	// delayed-deletion pod (§7.4: the selection does not skip uncounted
	// pods). It stays listed, with its finalizer, until the index gets a
	// replacement, finishes, or the Job finishes or is deleted.
	if len(unc.Succeeded) > 0 {
		fail("uncountedTerminatedPods.succeeded not empty after settling: %v", unc.Succeeded)
	}
	for _, u := range unc.Failed {
		p := w.Pod(strings.TrimPrefix(string(u), "uid-"))
		onlyReplaceFailed := j.Spec.PodFailurePolicy != nil || (j.Spec.PodReplacementPolicy != nil && *j.Spec.PodReplacementPolicy == job.Failed)
		failed := p != nil && (p.Status.Phase == job.PodFailed ||
			(p.Status.Phase != job.PodSucceeded && p.DeletionTimestamp != nil && !onlyReplaceFailed))
		if j.Spec.BackoffLimitPerIndex == nil || !failed || p.UID != u || !p.HasFinalizer(job.TrackingFinalizer) {
			fail("uncountedTerminatedPods.failed not empty after settling: %v", unc.Failed)
		}
	}
	// Pods against the status.
	var active, ready, terminating, restarts int32
	activeIdx := map[int32]int{}
	for _, p := range w.Pods() {
		hasFin := p.HasFinalizer(job.TrackingFinalizer)
		if hasFin && st.IsFinished() {
			fail("pod %s keeps the tracking finalizer after the Job finished", p.Name)
		}
		if ref := p.ControllerRef(); ref == nil || ref.UID != j.UID {
			continue // an orphan a Job being deleted does not adopt
		}
		terminal := isTerminalPhase(p)
		if ph := p.Status.Phase; ph == job.PodRunning || ph == job.PodPending {
			for _, cs := range append(slices.Clone(p.Status.InitContainerStatuses), p.Status.ContainerStatuses...) {
				restarts += cs.RestartCount
			}
		}
		switch {
		case !terminal && p.DeletionTimestamp == nil:
			active++
			if c := p.Status.Condition(job.PodReady); c != nil && c.Status == job.ConditionTrue {
				ready++
			}
			activeIdx[podIndex(p)]++
		case !terminal:
			terminating++
		}
		if hasFin && terminal && !(indexed && j.Spec.BackoffLimitPerIndex != nil && p.Status.Phase == job.PodFailed) {
			fail("terminal pod %s (%s) keeps the tracking finalizer", p.Name, p.Status.Phase)
		}
	}
	if st.IsFinished() {
		if st.Active != 0 || (st.Terminating != nil && *st.Terminating != 0) {
			fail("finished Job with active %d / terminating %v", st.Active, st.Terminating)
		}
		if (st.CompletionTime != nil) != complete {
			fail("completionTime %v with Complete=%v", st.CompletionTime, complete)
		}
		if m.finished == nil {
			m.finished = st.DeepCopy()
		}
	} else {
		if st.Active != active || st.Ready == nil || *st.Ready != ready || st.Terminating == nil || *st.Terminating != terminating {
			fail("status active/ready/terminating %d/%v/%v but the store holds %d/%d/%d", st.Active, st.Ready, st.Terminating, active, ready, terminating)
		}
		// Criteria that must have fired (§4.5): an interim condition once
		// the deadline passed, the backoff limit is exceeded or the
		// completions are reached.
		if ads := j.Spec.ActiveDeadlineSeconds; ads != nil && !j.Spec.IsSuspended() && st.StartTime != nil &&
			w.Now().Sub(st.StartTime.Time) >= time.Duration(*ads)*time.Second && !ft && !scm {
			fail("past the active deadline (%ds since %s) without an interim condition", *ads, w.offset(st.StartTime.Time))
		}
		if bl := *j.Spec.BackoffLimit; j.Spec.Template.Spec.RestartPolicy == job.RestartPolicyOnFailure && !ft && !scm &&
			((bl == 0 && restarts > 0) || (bl > 0 && restarts >= bl)) {
			fail("restartPolicy OnFailure: %d restarts reach backoffLimit %d without an interim condition", restarts, bl)
		}
		if st.Failed > *j.Spec.BackoffLimit && !ft && !scm {
			fail("failed %d > backoffLimit %d without an interim condition", st.Failed, *j.Spec.BackoffLimit)
		}
		if reached := active == 0 && ((completions < 0 && st.Succeeded > 0) || (completions >= 0 && st.Succeeded >= completions)); reached && !ft && !scm {
			fail("completions reached (succeeded %d, active 0) without an interim condition", st.Succeeded)
		}
		if j.DeletionTimestamp == nil && !ft && !scm {
			// Suspend bookkeeping (§4.9) ran in the last sync.
			susp := st.FindCondition(job.JobSuspended)
			if j.Spec.IsSuspended() != (susp != nil && susp.Status == job.ConditionTrue) {
				fail("spec.suspend %v but Suspended condition %+v", j.Spec.IsSuspended(), susp)
			}
			if !j.Spec.IsSuspended() && st.StartTime == nil {
				fail("running Job without startTime")
			}
		}
		if j.DeletionTimestamp == nil {
			if j.Spec.IsSuspended() && active != 0 {
				fail("suspended Job with %d active pods", active)
			}
			if (ft || scm) && active != 0 {
				fail("Job with an interim condition keeps %d active pods", active)
			}
			want := *j.Spec.Parallelism
			if completions >= 0 {
				want = min(want, max(completions-st.Succeeded, 0))
			}
			if active > want && (completions >= 0 || st.Succeeded == 0) {
				fail("%d active pods, want at most %d", active, want)
			}
			if indexed {
				for ix, n := range activeIdx {
					if ix < 0 || ix >= completions || n > 1 {
						fail("%d active pods of index %d (completions %d)", n, ix, completions)
					}
				}
			}
		}
	}
	m.prev = *st.DeepCopy()
	m.lowered = false
}

// describeStatus is a one-line summary of s for failure messages.
func describeStatus(s *job.JobStatus) string {
	var conds []string
	for _, c := range s.Conditions {
		conds = append(conds, fmt.Sprintf("%s=%s(%s)", c.Type, c.Status, c.Reason))
	}
	str := func(p *int32) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprint(*p)
	}
	fi := "nil"
	if s.FailedIndexes != nil {
		fi = fmt.Sprintf("%q", *s.FailedIndexes)
	}
	return fmt.Sprintf("active=%d ready=%s terminating=%s succeeded=%d failed=%d completed=%q failedIndexes=%s uncounted=%v conditions=[%s]",
		s.Active, str(s.Ready), str(s.Terminating), s.Succeeded, s.Failed, s.CompletedIndexes, fi, uncounted(s), strings.Join(conds, " "))
}
