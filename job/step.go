package job

import "slices"

// Step runs one sync of the Job controller (controller.md §4) on in and
// returns what to do. It is pure: it reads no clock (in.Now is the time),
// calls nothing, draws no random number and never modifies in.Job, in.Pods
// or anything they point to. The output does not depend on the order of
// in.Pods. Invalid input (nil Job, zero Now, a Job without the API server's
// defaults such as spec.parallelism, spec.backoffLimit or spec.selector, an
// Indexed Job without completions, a nil pod, a bad Config) is an error
// naming the field; Step never panics on data.
//
// # Early exits (§4.1), in this order
//
//   - spec.managedBy is set and is not Config.ControllerName: nothing at
//     all (Skipped is SkipManagedByOther, Memory passed through).
//   - The Job is finished (Complete or Failed with status True): no status;
//     a RemoveFinalizer for every pod of the Job (or orphan matching its
//     selector) still carrying the tracking finalizer, by pod name; the
//     backoff record is dropped (zero Memory). This is upstream's orphan
//     clean-up path (§13). Skipped is SkipFinished.
//   - Unknown spec.completionMode: a Warning UnknownCompletionMode event,
//     nothing else (SkipUnknownCompletionMode).
//
// # The sync
//
// Ownership (§3) comes first: orphans matching the selector are adopted
// (AdoptPod), owned pods no longer matching are released (ReleasePod), pods
// controlled by others are ignored. The snapshot (§4.2) counts active,
// ready, terminating, succeeded and failed pods; startTime is set when
// missing and the Job is not suspended; the candidate backoff record is
// computed (§4.4). Then the terminal criteria are evaluated.
//
// # Terminal criteria (§4.5), first match wins
//
//  1. An existing SuccessCriteriaMet=True condition (success is locked in).
//  2. An existing FailureTarget=True condition (→ Failed, same reason and
//     message).
//  3. A failed pod matching a FailJob rule of spec.podFailurePolicy →
//     FailureTarget, reason PodFailurePolicy.
//  4. failed > spec.backoffLimit, or the restart-count limit of
//     restartPolicy OnFailure → FailureTarget, reason BackoffLimitExceeded.
//  5. The active deadline is past → FailureTarget, reason DeadlineExceeded.
//  6. No criterion: with activeDeadlineSeconds on an unsuspended Job, a
//     requeue at the deadline.
//  7. Indexed Jobs (evaluated whatever came before; the conditions only
//     when nothing fired): with backoffLimitPerIndex, more failed indexes
//     than maxFailedIndexes → MaxFailedIndexesExceeded, else every index
//     succeeded or failed with at least one failed → FailedIndexes; then
//     the success policy → SuccessCriteriaMet, reason SuccessPolicy.
//  8. After pod management (Branch B below): completions reached and no
//     active pod → SuccessCriteriaMet, reason CompletionsReached.
//
// # Pod management and accounting
//
// With a terminal criterion (Branch A, §4.6) every active pod is deleted
// (DeletePod without finalizer pre-removal). Otherwise (Branch B, §4.7)
// manageJob (§5) runs unless the Job is being deleted — it deletes excess
// pods (finalizer first) or creates missing ones, never both — then
// criterion 8 is checked, and, when it does not hold, the Suspended
// condition is maintained (§4.9).
//
// The accounting (§4.11) adds finished pods to
// status.uncountedTerminatedPods (Indexed successes go to completedIndexes
// directly) and appends interim conditions (FailureTarget,
// SuccessCriteriaMet); that status is written first; then the finalizers
// of those pods are removed; then the counters absorb the uncounted UIDs
// and, when no pod is terminating, nothing is left uncounted and the cap of
// Config.MaxUncountedPods was not hit, the terminal condition (Failed or
// Complete) is set; that status is written last.
//
// # Output
//
// Actions are in execution order: AdoptPod/ReleasePod, then DeletePod or
// CreatePod (creations in index order), then the first WriteStatus, then
// RemoveFinalizer (canonical pod order), then the final WriteStatus. A
// WriteStatus must be persisted before the actions after it are carried
// out. Output.Status is the status of the last WriteStatus (nil when the
// sync writes none). RequeueAfter is the soonest of the deadline timer and
// the pod-failure backoff (at least Config.MinBackoffRequeue for the
// latter).
//
// Memory: the candidate backoff record becomes Output.Memory only when the
// sync performs its first status write (F1), as upstream persists it then;
// otherwise in.Memory's record is returned unchanged. Output.Memory's
// Expectations are in.Memory's minus what the pods now show, plus the
// creations, manageJob deletions and finalizer removals this sync asks for
// (see Expectations). While creations or deletions are pending, manageJob
// does not run and Branch A sets no condition (upstream's unsatisfied
// expectations), and RequeueAfter is at most the time until they expire. A
// caller that carries out every action and passes the current pods sees
// every expectation satisfied at the next Step; the zero Memory has none.
//
// Where upstream's order is unspecified (pod list order, sort ties), Step
// uses its canonical pod order (completion index for Indexed Jobs, then pod
// name, then UID) and, for deletions, the ranking of §5.3 with pod name and
// UID as final tie-breaks.
//
// # Deliberate differences from upstream
//
//   - Step's outputs assume every action succeeds; the executor reports
//     failures through Memory.Forget (see the package doc), and the next
//     Step recomputes from the pods. Upstream lowers status.active in the
//     same sync for failed creations; jobkit's next sync does.
//   - Expectations are by pod (UID, completion index), not counts of
//     informer events (see Expectations); a pending creation also asks for
//     a requeue at its expiry (upstream waits for an event).
//   - A pod deleted by manageJob with its finalizer removed first is not
//     listed again in a RemoveFinalizer of the same sync (upstream patches
//     it a second time when the Job completes in that sync; the effect is
//     the same).
//   - An index that both succeeded and failed in one sync stays succeeded
//     only (upstream writes it in completedIndexes and failedIndexes, which
//     status validation rejects).
//   - A Job finishing while suspended (startTime cleared on suspension) gets
//     startTime = now, unless completions is 0 (upstream writes no startTime
//     and the API server rejects the update, kubernetes#132144).
//   - The OnFailure restart sum is computed in 64 bits (upstream: int32).
//   - Orders upstream leaves unspecified are canonical (see above); the
//     SuccessfulCreate event names the generateName (see CreatePod).
func Step(in Input) (Output, error) {
	if err := validateInput(&in); err != nil {
		return Output{}, err
	}
	cfg := DefaultConfig()
	if in.Config != nil {
		cfg = *in.Config
	}
	j := in.Job
	if !cfg.manages(j.Spec.ManagedBy) {
		return Output{Memory: in.Memory, Skipped: SkipManagedByOther}, nil
	}
	if j.Status.IsFinished() {
		return finishedJobCleanup(j, in.Pods), nil
	}
	if cm := j.Spec.CompletionMode; cm != nil && *cm != IndexedCompletion && *cm != NonIndexedCompletion {
		return Output{
			Memory:  in.Memory,
			Events:  []Event{{Type: EventWarning, Reason: ReasonUnknownCompletionMode, Message: msgUnknownCompletionMode}},
			Skipped: SkipUnknownCompletionMode,
		}, nil
	}

	s := newSyncer(&in, cfg)
	if err := s.claimPods(in.Pods); err != nil {
		return Output{}, err
	}
	if d, waiting := s.exp.settle(in.Now); waiting {
		s.requestRequeue(d)
	}
	s.snapshot()
	if s.status.StartTime == nil && !j.Spec.IsSuspended() {
		s.status.StartTime = Ptr(s.nowT)
	}
	s.evaluateTerminalCriteria()

	suspendChanged := false
	if s.finished != nil {
		// Branch A (§4.6): with creations or deletions pending, the pods
		// the informer does not show yet may need accounting first.
		s.deletePods(slices.Clone(s.activeSorted()), false)
		if !s.exp.satisfied {
			s.finished = nil
		}
	} else {
		// Branch B (§4.7).
		managed := false
		if s.exp.satisfied && !s.jobDeleting {
			s.manageJob()
			managed = true
		}
		if s.hasReachedCompletions() {
			s.finished = s.newCondition(JobSuccessCriteriaMet, ConditionTrue, ReasonCompletionsReached, msgCompletionsReached)
		} else if managed {
			suspendChanged = s.maybeUpdateSuspended()
		}
	}

	// §4.8.
	old := &j.Status
	needs := suspendChanged || s.active != old.Active ||
		!equalPtr(&s.ready, old.Ready) || !equalPtr(&s.terminating, old.Terminating)
	s.status.Active = s.active
	s.status.Ready = Ptr(s.ready)
	s.status.Terminating = Ptr(s.terminating)
	s.trackAndRemoveFinalizers(needs)
	return s.output(), nil
}

// newSyncer reads the Job's spec facts and prepares the working status.
func newSyncer(in *Input, cfg Config) *syncer {
	j := in.Job
	sp := &j.Spec
	s := &syncer{
		cfg:          cfg,
		mem:          in.Memory,
		job:          j,
		now:          in.Now,
		nowT:         NewTime(in.Now),
		status:       j.Status.DeepCopy(),
		indexed:      sp.IsIndexed(),
		parallelism:  *sp.Parallelism,
		backoffLimit: *sp.BackoffLimit,
		pfp:          sp.PodFailurePolicy,
		jobDeleting:  j.DeletionTimestamp != nil,
	}
	if sp.Completions != nil {
		s.hasCompletions, s.completions = true, *sp.Completions
	}
	s.exp.init(&in.Memory.Expectations)
	s.recentSince = NewTime(s.nowT.Add(-CreationClockSkew))
	if s.indexed && sp.BackoffLimitPerIndex != nil {
		s.perIndex, s.perIndexLimit = true, *sp.BackoffLimitPerIndex
	}
	s.onlyReplaceFailed = sp.PodFailurePolicy != nil ||
		(sp.PodReplacementPolicy != nil && *sp.PodReplacementPolicy == Failed)
	if u := j.Status.UncountedTerminatedPods; u != nil {
		s.uncSucc = uidSet(u.Succeeded)
		s.uncFail = uidSet(u.Failed)
	}
	return s
}

func uidSet(uids []UID) map[UID]struct{} {
	if len(uids) == 0 {
		return nil
	}
	m := make(map[UID]struct{}, len(uids))
	for _, u := range uids {
		m[u] = struct{}{}
	}
	return m
}

// hasReachedCompletions is criterion 8 (§4.7): without completions, some
// success and no active pod; with completions, at least that many
// successes and no active pod.
func (s *syncer) hasReachedCompletions() bool {
	if s.active != 0 {
		return false
	}
	if !s.hasCompletions {
		return s.succeeded > 0
	}
	return s.succeeded >= s.completions
}

// maybeUpdateSuspended is the suspend/resume bookkeeping of §4.9: it makes
// the Suspended condition follow spec.suspend (True, JobSuspended; or, once
// the condition exists, False, JobResumed) and, only when that changes the
// condition, records the Suspended or Resumed event and clears startTime
// (on suspension, when Config.ClearStartTimeOnSuspend) or sets it to now
// (on resumption). It reports whether the condition changed.
func (s *syncer) maybeUpdateSuspended() bool {
	if s.job.Spec.IsSuspended() {
		if !s.ensureCondition(JobSuspended, ConditionTrue, ReasonJobSuspended, msgJobSuspended) {
			return false
		}
		s.record(EventNormal, ReasonSuspendedEvent, msgJobSuspended)
		if s.cfg.ClearStartTimeOnSuspend {
			s.status.StartTime = nil
		}
		return true
	}
	if !s.ensureCondition(JobSuspended, ConditionFalse, ReasonJobResumed, msgJobResumed) {
		return false
	}
	s.record(EventNormal, ReasonResumedEvent, msgJobResumed)
	s.status.StartTime = Ptr(s.nowT)
	return true
}

// output assembles the Output of a full sync.
func (s *syncer) output() Output {
	out := Output{Actions: s.actions, Events: s.events, Memory: s.mem}
	if len(s.exp.creations) > 0 {
		s.exp.young = s.recentPodUIDs()
	}
	out.Memory.Expectations = s.exp.result(s.now, s.nowT)
	if s.lastWrite != nil {
		out.Status = s.lastWrite.DeepCopy()
	}
	if s.flushed {
		out.Memory.Backoff = s.backoff
	}
	if s.hasRequeue {
		d := s.requeue
		out.RequeueAfter = &d
	}
	return out
}

// recentPodUIDs returns the UIDs of the Job's pods (and the orphans it
// adopts) that were created at or after the CreatedAfter of this sync's
// creations, or have no creationTimestamp.
func (s *syncer) recentPodUIDs() []UID {
	var uids []UID
	for i := range s.recs {
		if r := &s.recs[i]; r.is(fRecent) {
			uids = append(uids, r.pod.UID)
		}
	}
	return uids
}

// finishedJobCleanup is the output for an already finished Job (§13): a
// RemoveFinalizer for each pod still carrying the tracking finalizer that
// the Job controls, or that is an orphan matching its selector, ordered by
// pod name then UID; no status; the backoff record is dropped.
func finishedJobCleanup(j *Job, pods []*Pod) Output {
	var todo []*Pod
	sel, _ := j.Spec.Selector.Compile() // a malformed selector matches nothing
	for _, p := range pods {
		if p.Namespace != j.Namespace || !p.HasFinalizer(TrackingFinalizer) {
			continue
		}
		if ref := p.ControllerRef(); ref != nil {
			if ref.UID != j.UID {
				continue
			}
		} else if !sel.Matches(p.Labels) {
			continue
		}
		todo = append(todo, p)
	}
	slices.SortFunc(todo, cmpNameUID)
	out := Output{Skipped: SkipFinished}
	for _, p := range todo {
		out.Actions = append(out.Actions, RemoveFinalizer{Pod: refOf(p)})
	}
	return out
}
