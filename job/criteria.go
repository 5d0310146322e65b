package job

import (
	"math"
	"time"
)

// evaluateTerminalCriteria sets s.finished, the first terminal criterion that
// holds, in the order of controller.md §4.5 (see Step's doc for the list):
//
//  1. an existing SuccessCriteriaMet=True condition (success is locked in);
//  2. an existing FailureTarget=True condition → a new Failed condition
//     with its reason and message;
//  3. a failed pod matching a FailJob rule of the pod failure policy →
//     FailureTarget, reason PodFailurePolicy;
//  4. failed > backoffLimit, or the OnFailure restart limit → FailureTarget,
//     reason BackoffLimitExceeded;
//  5. past the active deadline → FailureTarget, reason DeadlineExceeded;
//  6. otherwise, with activeDeadlineSeconds on a running Job, a requeue at
//     the deadline;
//  7. Indexed Jobs: succeeded indexes, then (backoffLimitPerIndex) failed
//     indexes with MaxFailedIndexesExceeded and FailedIndexes, then the
//     success policy (SuccessCriteriaMet, reason SuccessPolicy).
//
// Criterion 8, completions reached, is checked after manageJob (§4.7).
func (s *syncer) evaluateTerminalCriteria() {
	conds := s.status.Conditions
	// 1.
	if c := firstTrueCondition(conds, JobSuccessCriteriaMet); c != nil {
		cc := *c
		s.finished = &cc
	}
	if s.finished == nil {
		// 2.
		if ft := firstTrueCondition(conds, JobFailureTarget); ft != nil {
			s.finished = s.newCondition(JobFailed, ConditionTrue, ft.Reason, ft.Message)
		} else if msg, ok := s.failJobMessage(); ok { // 3.
			s.finished = s.newFailureTarget(ReasonPodFailurePolicy, msg)
		}
	}
	if s.finished == nil {
		switch {
		case s.failed > s.backoffLimit || s.isPastBackoffLimitOnFailure(): // 4.
			s.finished = s.newFailureTarget(ReasonBackoffLimitExceeded, msgBackoffLimitExceeded)
		case s.isPastActiveDeadline(): // 5.
			s.finished = s.newFailureTarget(ReasonDeadlineExceeded, msgDeadlineExceeded)
		case s.job.Spec.ActiveDeadlineSeconds != nil && !s.job.Spec.IsSuspended() && s.status.StartTime != nil: // 6.
			s.requestRequeue(s.deadline().Sub(s.now))
		}
	}
	// 7.
	if s.indexed {
		s.evaluateIndexedCriteria()
	}
}

// failJobMessage scans the Job's failed pods in canonical order (§6: the
// first pod whose evaluation yields FailJob names the message; every pod
// counts, with or without the tracking finalizer).
func (s *syncer) failJobMessage() (string, bool) {
	if s.pfp == nil {
		return "", false
	}
	best := int32(-1)
	for i := range s.recs {
		r := &s.recs[i]
		if !r.is(fFailed) || s.failureOutcomeOf(int32(i)).failJobMessage == "" {
			continue
		}
		if best < 0 || s.cmpRecs(int32(i), best) < 0 {
			best = int32(i)
		}
	}
	if best < 0 {
		return "", false
	}
	return s.pf[best].failJobMessage, true
}

// isPastBackoffLimitOnFailure is the restart-count limit of §7.2: with
// restartPolicy OnFailure, the sum of restartCount over the init container
// and container statuses of every Running or Pending pod reaches
// backoffLimit (exceeds 0 when backoffLimit is 0). The sum is computed in
// 64 bits (upstream sums in int32 and can overflow).
func (s *syncer) isPastBackoffLimitOnFailure() bool {
	if s.job.Spec.Template.Spec.RestartPolicy != RestartPolicyOnFailure {
		return false
	}
	var sum int64
	for i := range s.recs {
		p := s.recs[i].pod
		if p.Status.Phase != PodRunning && p.Status.Phase != PodPending {
			continue
		}
		for _, cs := range p.Status.InitContainerStatuses {
			sum += int64(cs.RestartCount)
		}
		for _, cs := range p.Status.ContainerStatuses {
			sum += int64(cs.RestartCount)
		}
	}
	if s.backoffLimit == 0 {
		return sum > 0
	}
	return sum >= int64(s.backoffLimit)
}

// isPastActiveDeadline (§7.3): activeDeadlineSeconds and startTime set, not
// suspended, and now − startTime >= activeDeadlineSeconds.
func (s *syncer) isPastActiveDeadline() bool {
	if s.job.Spec.ActiveDeadlineSeconds == nil || s.status.StartTime == nil || s.job.Spec.IsSuspended() {
		return false
	}
	return !s.now.Before(s.deadline())
}

// deadline is startTime + activeDeadlineSeconds (both set). Deadlines
// beyond what a time.Duration holds (about 292 years) are capped there.
func (s *syncer) deadline() time.Time {
	ads := *s.job.Spec.ActiveDeadlineSeconds
	d := time.Duration(math.MaxInt64)
	if ads < math.MaxInt64/int64(time.Second) {
		d = time.Duration(ads) * time.Second
	}
	return s.status.StartTime.Add(d)
}
