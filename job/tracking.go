package job

// trackAndRemoveFinalizers is the two-phase accounting of controller.md
// §4.11 (upstream's trackJobStatusAndRemoveFinalizers); needsFlush says
// whether the status already differs from the Job's. It appends, in
// execution order: WriteStatus (first flush, F1) when needed, one
// RemoveFinalizer per accounted pod (F2), and the final WriteStatus (F4)
// when needed; and, when the Job finishes, the finish events.
func (s *syncer) trackAndRemoveFinalizers(needsFlush bool) {
	st := s.status
	if st.UncountedTerminatedPods == nil {
		st.UncountedTerminatedPods = &UncountedTerminatedPods{}
	}
	unc := st.UncountedTerminatedPods

	// T1/T2: of the pods still carrying the finalizer, ids are those whose
	// finalizer this sync may remove (canRemoveFinalizer), canonically
	// ordered (for Indexed Jobs: by completion index, unknown first), and
	// finUIDs is the part of uidsWithFinalizer that the clean-up of
	// uncounted lists needs.
	var ids []int32
	var finUIDs map[UID]struct{}
	for i := range s.recs {
		r := &s.recs[i]
		if !r.is(fHasFin) {
			continue
		}
		if s.canRemoveFinalizer(int32(i)) {
			ids = append(ids, int32(i))
		}
		if r.is(fInUncSucc | fInUncFail) {
			if finUIDs == nil {
				finUIDs = make(map[UID]struct{})
			}
			finUIDs[r.pod.UID] = struct{}{}
		}
	}
	s.sortCanonical(ids)

	// T3: uncounted UIDs whose pod lost its finalizer (or is gone) move to
	// the counters.
	if cleanUncounted(st, finUIDs) {
		needsFlush = true
	}

	// T4: account for the removable pods, up to the cap.
	n, reachedMax, changed := s.accountRemovablePods(ids, unc)
	removals := ids[:n]
	if changed {
		needsFlush = true
	}

	// T5: Indexed counters. succeededIdx already holds the index of every
	// succeeded pod with the finalizer (§4.5 step 7).
	if s.indexed {
		str := s.succeededIdx.String()
		if str != st.CompletedIndexes {
			needsFlush = true
		}
		st.Succeeded = int32(s.succeededIdx.Len())
		st.CompletedIndexes = str
		var failed *string
		if s.perIndex {
			failed = Ptr(s.failedIdx.String())
		}
		if !equalPtr(st.FailedIndexes, failed) {
			st.FailedIndexes = failed
			needsFlush = true
		}
	}

	// T6: interim conditions.
	if f := s.finished; f != nil && f.Type == JobFailureTarget {
		st.Conditions = append(st.Conditions, *f)
		needsFlush = true
		s.finished = s.newCondition(JobFailed, ConditionTrue, f.Reason, f.Message)
	}
	if f := s.finished; f != nil && f.Type == JobSuccessCriteriaMet {
		if firstTrueCondition(st.Conditions, JobSuccessCriteriaMet) == nil {
			st.Conditions = append(st.Conditions, *f)
			needsFlush = true
		}
		s.finished = s.newCondition(JobComplete, ConditionTrue, f.Reason, f.Message)
	}

	// F1: first flush, which also persists the candidate backoff record.
	if needsFlush {
		s.writeStatus()
		s.flushed = true
		needsFlush = false
	}

	// F2: remove finalizers (every removal succeeds in this model).
	for _, id := range removals {
		p := s.recs[id].pod
		s.actions = append(s.actions, RemoveFinalizer{Pod: refOf(p)})
		s.exp.removals = append(s.exp.removals, p.UID)
		delete(finUIDs, p.UID)
	}

	// F3: the removed pods' UIDs move from the uncounted lists to the
	// counters.
	if cleanUncounted(st, finUIDs) {
		needsFlush = true
	}

	// E: the terminal condition, unless capped, uncounted pods remain or
	// pods are still terminating (§9.3).
	finished := false
	if f := s.finished; f != nil && !reachedMax &&
		len(unc.Succeeded)+len(unc.Failed) == 0 && s.terminating == 0 {
		s.ensureCondition(f.Type, f.Status, f.Reason, f.Message)
		if st.StartTime == nil && !(s.hasCompletions && s.completions == 0) {
			// Only a suspended Job reaches here without startTime (it is
			// cleared on suspension). The API server requires startTime on
			// a finished Job unless it is suspended with completions 0;
			// upstream writes none and its update is rejected forever
			// (kubernetes#132144). jobkit sets it to now instead.
			st.StartTime = Ptr(s.nowT)
		}
		if f.Type == JobComplete {
			st.CompletionTime = Ptr(f.LastTransitionTime)
		}
		finished, needsFlush = true, true
	}

	// F4: final flush, then the finish events.
	if needsFlush {
		s.writeStatus()
		if finished {
			s.recordFinished(s.finished)
		}
	}
}

// accountRemovablePods is step T4 of §4.11. It visits ids (the pods whose
// finalizer may be removed, canonically ordered) and accounts for each
// finished pod not yet accounted for: a NonIndexed success is appended to
// unc.Succeeded (an Indexed success with a valid index not yet in
// completedIndexes is already in succeededIdx and only counts towards the
// cap); a failure that counts (pod failure policy) — or, when the Job is
// failing, any pod — with a valid index is appended to unc.Failed. It stops
// after the pod that brings the newly accounted successes plus the
// uncounted UIDs to Config.MaxUncountedPods (reachedMax). The finalizers of
// ids[:n] are to be removed; changed reports whether the status changed.
func (s *syncer) accountRemovablePods(ids []int32, unc *UncountedTerminatedPods) (n int, reachedMax, changed bool) {
	newSucceededIdx := 0
	for k, id := range ids {
		r := &s.recs[id]
		switch {
		case r.is(fSucceeded) && !r.is(fInUncFail):
			if s.indexed {
				if r.is(fValidIndex) && !s.prevSucceededIdx.Has(r.index) {
					newSucceededIdx++
					changed = true
				}
			} else if !r.is(fInUncSucc) {
				unc.Succeeded = append(unc.Succeeded, r.pod.UID)
				changed = true
			}
		case r.is(fFailed) || (s.finished != nil && s.finished.Type != JobSuccessCriteriaMet):
			// When the Job is failing every pod still running is counted
			// as failed; when it succeeds, or is only being deleted, not.
			if !r.is(fInUncFail) && r.is(fValidIndex) && s.failureOutcomeOf(id).counts {
				unc.Failed = append(unc.Failed, r.pod.UID)
				changed = true
			}
		}
		if newSucceededIdx+len(unc.Succeeded)+len(unc.Failed) >= s.cfg.MaxUncountedPods {
			return k + 1, true, changed
		}
	}
	return len(ids), false, changed
}

// canRemoveFinalizer reports whether this sync may remove the tracking
// finalizer of the pod at position id, which carries it (upstream's
// canRemoveFinalizer): always when the Job is being deleted or a terminal
// condition is pending; otherwise when the pod succeeded, or failed and is
// not the delayed-deletion pod of its index (§7.4).
func (s *syncer) canRemoveFinalizer(id int32) bool {
	if s.jobDeleting || s.finished != nil {
		return true
	}
	r := &s.recs[id]
	return r.is(fSucceeded) || (r.is(fFailed) && !s.isDelayedDeletion(id))
}

// cleanUncounted removes from status.uncountedTerminatedPods every UID not
// in withFin, adding one to status.succeeded or status.failed per removed
// entry. It reports whether anything changed.
func cleanUncounted(st *JobStatus, withFin map[UID]struct{}) bool {
	unc := st.UncountedTerminatedPods
	changed := false
	keep := func(list []UID, counter *int32) []UID {
		out := list[:0:0]
		for _, uid := range list {
			if _, ok := withFin[uid]; ok {
				out = append(out, uid)
			}
		}
		if len(out) != len(list) {
			*counter += int32(len(list) - len(out))
			changed = true
			return out
		}
		return list
	}
	unc.Succeeded = keep(unc.Succeeded, &st.Succeeded)
	unc.Failed = keep(unc.Failed, &st.Failed)
	return changed
}

// writeStatus appends a WriteStatus of a snapshot of the working status.
func (s *syncer) writeStatus() {
	snap := s.status.DeepCopy()
	s.actions = append(s.actions, WriteStatus{Status: snap})
	s.lastWrite = snap
}

func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
