package jobtest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

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
//     ever listed there, and equal the ground truth: the number of
//     distinct pods whose finalizer the controller removed while, as
//     observed, they were Succeeded (resp. failed, or any pod of a failing
//     Job, unless the pod failure policy ignores it or its index is out of
//     range), plus listed pods that vanished before their finalizer was
//     removed (only after a crash); once settled, nothing is left uncounted
//     (except a crash-listed delayed-deletion pod of a backoffLimitPerIndex
//     Job, see Check).
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
