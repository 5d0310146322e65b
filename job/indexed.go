package job

import (
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/policy"
)

// evaluateIndexedCriteria is step 7 of §4.5 (Indexed Jobs only).
//
// succeededIdx = completedIndexes (read leniently, clipped at completions)
// plus the index of every succeeded pod with the finalizer and a valid
// index; succeeded becomes its size. With backoffLimitPerIndex, failedIdx is
// built the same way from failedIndexes and isIndexFailed, the
// MaxFailedIndexesExceeded and FailedIndexes criteria apply when no earlier
// criterion fired, and the delayed-deletion pods are chosen (§7.4). Last,
// when still nothing fired, the success policy is evaluated (§8).
func (s *syncer) evaluateIndexedCriteria() {
	st := s.status
	s.prevSucceededIdx = indexes.ParseLenient(st.CompletedIndexes, s.completions)
	var b indexes.Builder
	for i := range s.recs {
		r := &s.recs[i]
		if r.is(fSucceeded) && r.isNew() {
			b.Add(r.index)
		}
	}
	s.succeededIdx = s.prevSucceededIdx.Union(b.Set())
	s.succeeded = int32(s.succeededIdx.Len())

	if s.perIndex {
		prev := ""
		if st.FailedIndexes != nil {
			prev = *st.FailedIndexes
		}
		b.Reset()
		for i := range s.recs {
			r := &s.recs[i]
			if r.isNew() && s.isIndexFailed(int32(i)) {
				b.Add(r.index)
			}
		}
		// An index both succeeded and failed (two pods of one index, one
		// succeeding while the other fails past the limit) stays succeeded:
		// upstream would write it into both lists, which status validation
		// rejects ("failedIndexes and completedIndexes overlap"), and would
		// count it twice towards completions. jobkit lets success win.
		s.failedIdx = indexes.ParseLenient(prev, s.completions).Union(b.Set()).Difference(s.succeededIdx)
		if s.finished == nil {
			nFailed := s.failedIdx.Len()
			switch mfi := s.job.Spec.MaxFailedIndexes; {
			case mfi != nil && nFailed > int(*mfi):
				s.finished = s.newFailureTarget(ReasonMaxFailedIndexesExceeded, msgMaxFailedIndexesExceeded)
			case nFailed > 0 && int64(nFailed)+int64(s.succeededIdx.Len()) >= int64(s.completions):
				s.finished = s.newFailureTarget(ReasonFailedIndexes, msgFailedIndexes)
			}
		}
		s.chooseDelayedDeletionPods()
	}
	if s.finished == nil {
		if out := evaluateSuccess(s.job.Spec.SuccessPolicy, s.completions, s.succeededIdx); out.matched {
			s.finished = s.newCondition(JobSuccessCriteriaMet, ConditionTrue, ReasonSuccessPolicy, out.message)
		}
	}
}

// isIndexFailed (§7.4): the pod at position id is failed and either
// matched a FailIndex rule, or its failure counts and its failure-count
// annotation is at least backoffLimitPerIndex.
func (s *syncer) isIndexFailed(id int32) bool {
	r := &s.recs[id]
	if !r.is(fFailed) {
		return false
	}
	out := s.failureOutcomeOf(id)
	if out.action == policy.ActionFailIndex {
		return true
	}
	return out.counts && parseIndexFailureCount(r.pod.Annotations, IndexFailureCountKey) >= s.perIndexLimit
}

// absFailureCount is the failure count plus the ignored-failure count of a
// pod's annotations (§7.4), in 64 bits.
func absFailureCount(p *Pod) int64 {
	return int64(parseIndexFailureCount(p.Annotations, IndexFailureCountKey)) +
		int64(parseIndexFailureCount(p.Annotations, IndexIgnoredFailureCountKey))
}

// activeIndexes returns the set of known completion indexes of the active
// pods (valid or not) as observed, computed once per sync by one pass over
// the records (no sort: the Builder uses a bitmap for dense indexes).
func (s *syncer) activeIndexes() indexes.Set {
	if !s.activeIdxDone {
		var b indexes.Builder
		b.Grow(int(s.active))
		n, valid := 0, 0
		for i := range s.recs {
			if r := &s.recs[i]; r.is(fActive) {
				n++
				if r.is(fValidIndex) {
					valid++
				}
				b.Add(r.index) // an unknown index (negative) is dropped
			}
		}
		s.activeIdx, s.activeIdxDone = b.Set(), true
		// Every active pod has a valid index and no two share one iff all
		// are valid and the set has as many indexes as there are pods.
		s.activeIdxDistinct = valid == n && s.activeIdx.Len() == n
	}
	return s.activeIdx
}

// hasDistinctActiveIndexes reports whether every observed active pod has a
// valid completion index that no other active pod has, i.e. whether
// invalidAndDuplicatePods would find nothing to remove.
func (s *syncer) hasDistinctActiveIndexes() bool {
	s.activeIndexes()
	return s.activeIdxDistinct
}

// activeSorted returns the positions of the observed active pods in
// canonical order, computed once per sync. Callers must not modify it.
func (s *syncer) activeSorted() []int32 {
	if s.activeSortedIDs == nil {
		s.activeSortedIDs = s.activeIDs()
		s.sortCanonical(s.activeSortedIDs)
	}
	return s.activeSortedIDs
}

// chooseDelayedDeletionPods picks, for every index that is neither
// succeeded, nor failed, nor has an active pod, the failed pod that keeps
// its finalizer until the index is replaced (§7.4). Candidates are the "new"
// failed pods (finalizer, valid index), visited in canonical order; a later
// candidate p replaces the current choice c iff absCount(c) <= absCount(p)
// and finishTime(p) is not before finishTime(c).
func (s *syncer) chooseDelayedDeletionPods() {
	var cand []int32
	for i := range s.recs {
		r := &s.recs[i]
		if r.is(fFailed) && r.isNew() {
			cand = append(cand, int32(i))
		}
	}
	if len(cand) == 0 {
		return
	}
	active := s.activeIndexes()
	s.sortCanonical(cand)
	s.delayed = make(map[int32]int32)
	for _, id := range cand {
		r := &s.recs[id]
		ix := r.index
		if s.succeededIdx.Has(ix) || s.failedIdx.Has(ix) || active.Has(ix) {
			continue
		}
		cur, ok := s.delayed[ix]
		if !ok {
			s.delayed[ix] = id
			continue
		}
		c := s.recs[cur].pod
		if absFailureCount(c) <= absFailureCount(r.pod) && !s.podFinishTime(r.pod).Before(s.podFinishTime(c)) {
			s.delayed[ix] = id
		}
	}
}

// isDelayedDeletion reports whether r is the delayed-deletion pod of its
// index.
func (s *syncer) isDelayedDeletion(id int32) bool {
	if s.delayed == nil {
		return false
	}
	d, ok := s.delayed[s.recs[id].index]
	return ok && d == id
}

// newIndexFailureCounts returns the failure-count and ignored-failure-count
// annotations for a pod replacing the delayed-deletion pod of index ix
// (§7.4): with a pod P whose failure counts, failure(P)+1 and ignored(P);
// when P's failure is ignored, failure(P) and ignored(P)+1; without P, 0 and 0.
func (s *syncer) newIndexFailureCounts(ix int32) (failures, ignored int32) {
	id, ok := s.delayed[ix]
	if !ok {
		return 0, 0
	}
	r := &s.recs[id]
	failures = parseIndexFailureCount(r.pod.Annotations, IndexFailureCountKey)
	ignored = parseIndexFailureCount(r.pod.Annotations, IndexIgnoredFailureCountKey)
	if s.failureOutcomeOf(id).counts {
		failures++
	} else {
		ignored++
	}
	return failures, ignored
}

// indexBackoff returns the remaining per-index creation delay of index ix
// (§12): with delayed-deletion pod P, n = absCount(P)+1 failures, the last
// at finishTime(P); 0 without P.
func (s *syncer) indexBackoff(ix int32) time.Duration {
	id, ok := s.delayed[ix]
	if !ok {
		return 0
	}
	p := s.recs[id].pod
	return s.cfg.remainingBackoff(absFailureCount(p)+1, s.podFinishTime(p), s.now)
}

// firstPendingIndexes returns, ascending, the n smallest indexes in
// [0, completions) that are not succeeded, not the index of an active pod,
// not failed and, when only failed pods are replaced, not the index of a
// terminating pod (§5.6).
func (s *syncer) firstPendingIndexes(n int) []int32 {
	exclude := make([]indexes.Set, 0, 4)
	exclude = append(exclude, s.succeededIdx, s.activeIndexes())
	if s.perIndex {
		exclude = append(exclude, s.failedIdx)
	}
	if s.onlyReplaceFailed {
		var b indexes.Builder
		for i := range s.recs {
			if r := &s.recs[i]; r.is(fTerminating) {
				b.Add(r.index)
			}
		}
		exclude = append(exclude, b.Set())
	}
	return indexes.FirstMissing(n, s.completions, exclude...)
}
