package job

import (
	"slices"
	"time"
)

// manageJob reconciles the number of active pods (controller.md §5). It
// runs only in Branch B, on a Job not being deleted. It appends DeletePod
// (finalizer first) or CreatePod actions — never both — and updates
// s.active, s.ready and s.terminating.
func (s *syncer) manageJob() {
	// §5.1 suspended: delete every active pod, no cap.
	if s.job.Spec.IsSuspended() {
		s.deletePods(s.activePodsForRemoval(int(s.active)), true)
		return
	}
	// §5.2 desired active count.
	active := s.active
	var want int32
	if !s.hasCompletions {
		want = s.parallelism
		if s.succeeded > 0 {
			want = active
		}
	} else {
		want = min(max(s.completions-s.succeeded, 0), s.parallelism)
	}
	// §5.3 excess pods; deletion wins over creation.
	rm := s.activePodsForRemoval(int(max(active-want, 0)))
	if len(rm) > s.cfg.MaxPodCreateDeletePerSync {
		rm = rm[:s.cfg.MaxPodCreateDeletePerSync]
	}
	if len(rm) > 0 {
		s.deletePods(rm, true)
		return
	}
	// §5.4 how many to create.
	var block int32
	if s.onlyReplaceFailed {
		block = s.terminating
	}
	diff := int64(want) - int64(block) - int64(active)
	if diff <= 0 {
		return
	}
	// §5.5 global pod-failure backoff.
	if !s.perIndex {
		b := s.backoff
		if rem := s.cfg.remainingBackoff(int64(b.FailuresAfterLastSuccess), b.LastFailureTime, s.now); rem > 0 {
			s.requestRequeue(max(rem, s.cfg.MinBackoffRequeue))
			return
		}
	}
	// §5.6 what to create.
	n := int(min(diff, int64(s.cfg.MaxPodCreateDeletePerSync)))
	var idx []int32
	if s.indexed {
		idx = s.firstPendingIndexes(n)
		if s.perIndex {
			var wait bool
			idx, wait = s.filterBackedOffIndexes(idx)
			if wait {
				return
			}
		}
		n = len(idx)
	}
	s.createPods(n, idx)
}

// activeIDs returns the positions of the active pods, in record order, in a
// new slice.
func (s *syncer) activeIDs() []int32 {
	ids := make([]int32, 0, s.active)
	for i := range s.recs {
		if s.recs[i].is(fActive) {
			ids = append(ids, int32(i))
		}
	}
	return ids
}

// filterBackedOffIndexes keeps the indexes whose per-index backoff (§12)
// is over. When none is left but some are waiting, it requests a requeue
// at max(soonest remaining, MinBackoffRequeue) and reports wait. Indexes
// beyond the candidates are never created in place of waiting ones.
func (s *syncer) filterBackedOffIndexes(idx []int32) ([]int32, bool) {
	kept := idx[:0:0]
	var soonest time.Duration
	for _, ix := range idx {
		rem := s.indexBackoff(ix)
		if rem == 0 {
			kept = append(kept, ix)
		} else if soonest == 0 || rem < soonest {
			soonest = rem
		}
	}
	if len(kept) == 0 && soonest > 0 {
		s.requestRequeue(max(soonest, s.cfg.MinBackoffRequeue))
		return nil, true
	}
	return kept, false
}

// activePodsForRemoval returns the active pods to delete (§5.3), at least
// rmAtLeast of them. For Indexed Jobs it always includes pods with an
// unknown index, pods with an index >= completions and, for an index held
// by several pods, all but the best-ranked one. The remainder is taken from
// the deletion ranking, a total order, so only the pods it ranks need
// sorting: with nothing to remove (the usual sync) nothing is sorted.
func (s *syncer) activePodsForRemoval(rmAtLeast int) []int32 {
	var rm, left []int32
	switch {
	case s.indexed && !s.hasDistinctActiveIndexes():
		rm, left = s.invalidAndDuplicatePods(slices.Clone(s.activeSorted()))
	case rmAtLeast > 0:
		left = s.activeIDs()
	}
	if len(rm) < rmAtLeast {
		s.sortByDeletionRank(left)
		rm = append(rm, left[:rmAtLeast-len(rm)]...)
	}
	return rm
}

// invalidAndDuplicatePods splits active pods of an Indexed Job into those
// that must go (unknown index; every pod of each index >= completions;
// for each index with n > 1 pods, the n−1 first by deletion ranking) and
// the rest. The order of rm follows upstream: unknown-index pods, then
// duplicates by ascending index, where the pods with an index >=
// completions come just before the duplicates of the largest valid index.
// ids must be in canonical order (as activeSorted returns them).
func (s *syncer) invalidAndDuplicatePods(ids []int32) (rm, left []int32) {
	left = make([]int32, 0, len(ids))
	flush := func(group []int32, ix int32) {
		switch {
		case len(group) == 0:
		case ix == unknownIndex:
			rm = append(rm, group...)
		case len(group) == 1:
			left = append(left, group[0])
		default:
			s.sortByDeletionRank(group)
			rm = append(rm, group[:len(group)-1]...)
			left = append(left, group[len(group)-1])
		}
	}
	last, first, looped := unknownIndex, 0, 0
	for i, id := range ids {
		ix := s.recs[id].index
		if ix >= s.completions {
			rm = append(rm, ids[i:]...)
			break
		}
		if ix != last {
			flush(ids[first:i], last)
			first, last = i, ix
		}
		looped++
	}
	flush(ids[first:looped], last)
	return rm, left
}

// deletePods deletes the given active pods, in order, recording a
// SuccessfulDelete event for each. finalizerFirst (scale-down, suspension)
// removes the tracking finalizer before the delete call; such a pod is then
// treated as carrying no finalizer for the rest of the sync, so it is never
// counted and gets no second RemoveFinalizer.
func (s *syncer) deletePods(ids []int32, finalizerFirst bool) {
	for _, id := range ids {
		r := &s.recs[id]
		s.actions = append(s.actions, DeletePod{Pod: refOf(r.pod), RemoveFinalizerFirst: finalizerFirst})
		s.recordDelete(r.pod.Name)
		s.active--
		s.terminating++
		if r.is(fReady) {
			s.ready--
		}
		if finalizerFirst {
			r.flags &^= fHasFin
			// manageJob's deletions are expected (upstream records no
			// expectation for Branch A's).
			s.exp.deletions = append(s.exp.deletions, r.pod.UID)
			s.exp.removals = append(s.exp.removals, r.pod.UID)
		}
	}
}

// createPods appends n CreatePod actions (NonIndexed: idx nil), in index
// order, each with a SuccessfulCreate event; active grows by n.
func (s *syncer) createPods(n int, idx []int32) {
	if n <= 0 {
		return
	}
	t := s.podTemplate()
	for k := 0; k < n; k++ {
		ix := int32(-1)
		if idx != nil {
			ix = idx[k]
		}
		p := s.newPod(t, ix)
		s.actions = append(s.actions, CreatePod{Pod: p, Index: ix})
		s.recordCreate(p.GenerateName)
		s.exp.creations = append(s.exp.creations, ix)
	}
	s.active += int32(n)
}
