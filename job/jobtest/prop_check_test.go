package jobtest

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
)

// The invariants the state-machine test (TestStateMachine) checks after
// every action.

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
	// The same against the ground truth: the pods whose finalizer the
	// controller removed while they counted, plus those listed that
	// vanished (see ledger).
	obsS, obsF := m.led.observedCounts(unc)
	if !indexed && int(st.Succeeded)+len(unc.Succeeded) != obsS {
		fail("succeeded %d + %d uncounted, but %d distinct pods were observed Succeeded when the controller removed their finalizer (or vanished while listed)", st.Succeeded, len(unc.Succeeded), obsS)
	}
	if int(st.Failed)+len(unc.Failed) != obsF {
		fail("failed %d + %d uncounted, but %d distinct pods were observed failed (or the Job failing) when the controller removed their finalizer (or vanished while listed)", st.Failed, len(unc.Failed), obsF)
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
		// completions are reached — unless creations or deletions are
		// still expected: upstream's syncJob then drops the finished
		// condition of that sync (pods may be missing from its cache).
		exp := w.Memory.Expectations
		waiting := len(exp.Creations) > 0 || len(exp.Deletions) > 0
		if ads := j.Spec.ActiveDeadlineSeconds; ads != nil && !waiting && !j.Spec.IsSuspended() && st.StartTime != nil &&
			w.Now().Sub(st.StartTime.Time) >= time.Duration(*ads)*time.Second && !ft && !scm {
			fail("past the active deadline (%ds since %s) without an interim condition", *ads, w.offset(st.StartTime.Time))
		}
		if bl := *j.Spec.BackoffLimit; !waiting && j.Spec.Template.Spec.RestartPolicy == job.RestartPolicyOnFailure && !ft && !scm &&
			((bl == 0 && restarts > 0) || (bl > 0 && restarts >= bl)) {
			fail("restartPolicy OnFailure: %d restarts reach backoffLimit %d without an interim condition", restarts, bl)
		}
		if st.Failed > *j.Spec.BackoffLimit && !waiting && !ft && !scm {
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
