package job

import (
	"math"
	"strconv"
)

// recFlags are the predicates of controller.md §3, evaluated once per pod.
type recFlags uint16

const (
	// fActive: phase not Succeeded/Failed and not being deleted.
	fActive recFlags = 1 << iota
	// fReady: active and condition Ready=True.
	fReady
	// fTerminating: being deleted and phase not Succeeded/Failed.
	fTerminating
	// fFailed: isPodFailed (phase Failed; or, unless onlyReplaceFailedPods,
	// being deleted and not Succeeded).
	fFailed
	// fSucceeded: phase Succeeded.
	fSucceeded
	// fHasFin: carries the tracking finalizer, or is adopted by this sync.
	fHasFin
	// fValidIndex: NonIndexed, or 0 <= completion index < completions.
	fValidIndex
	// fInUncSucc / fInUncFail: UID listed in status.uncountedTerminatedPods
	// (as read at the start of the sync).
	fInUncSucc
	fInUncFail
	// fPFDone: syncer.pf[pos] holds the pod-failure-policy outcome.
	fPFDone
	// fRecent: created at or after now − CreationClockSkew, or without a
	// creationTimestamp (the Existing list of this sync's creations).
	fRecent
)

// podRec is what one sync knows about one of the Job's pods. It is built
// once per pod (the completion index annotation is parsed here and nowhere
// else) and never points into memory the sync writes.
type podRec struct {
	pod   *Pod
	index int32 // completion index; -1 when unknown or NonIndexed
	flags recFlags
}

func (r *podRec) is(f recFlags) bool { return r.flags&f != 0 }

// unknownIndex is the completion index of a pod without a usable annotation.
const unknownIndex int32 = -1

// parseCompletionIndex reads the completion-index annotation like upstream's
// getCompletionIndex: base-10 (strconv.Atoi), missing, unparsable or
// negative → unknownIndex. The label is never read. Values above MaxInt32
// are clamped to MaxInt32, which is never a valid index (completions is at
// most MaxInt32), so they stay "out of range" as upstream.
func parseCompletionIndex(annotations map[string]string) int32 {
	v, ok := annotations[CompletionIndexKey]
	if !ok {
		return unknownIndex
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 {
		return unknownIndex
	}
	if i > math.MaxInt32 {
		return math.MaxInt32
	}
	return int32(i)
}

// parseIndexFailureCount reads a per-index failure-count annotation (§7.4):
// missing, unparsable, negative or above MaxInt32 → 0.
func parseIndexFailureCount(annotations map[string]string, key string) int32 {
	v, ok := annotations[key]
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 || i > math.MaxInt32 {
		return 0
	}
	return int32(i)
}

// isPodReady reports whether the first Ready condition of p has status True.
func isPodReady(p *Pod) bool {
	c := p.Status.Condition(PodReady)
	return c != nil && c.Status == ConditionTrue
}

// classify evaluates the §3 predicates of p, whose completion index
// annotation parses to ix (ignored for NonIndexed Jobs). adopted pods count
// as carrying the tracking finalizer (the adoption patch adds it), pods
// whose finalizer removal is still expected (finRemoved) as not carrying it.
func (s *syncer) classify(p *Pod, adopted bool, ix int32, finRemoved bool) podRec {
	r := podRec{pod: p, index: unknownIndex}
	phase := p.Status.Phase
	terminal := phase == PodSucceeded || phase == PodFailed
	deleting := p.DeletionTimestamp != nil
	if !terminal && !deleting {
		r.flags |= fActive
		if isPodReady(p) {
			r.flags |= fReady
		}
	}
	if deleting && !terminal {
		r.flags |= fTerminating
	}
	if phase == PodFailed || (!s.onlyReplaceFailed && deleting && phase != PodSucceeded) {
		r.flags |= fFailed
	}
	if phase == PodSucceeded {
		r.flags |= fSucceeded
	}
	if isRecent(p, s.recentSince) {
		r.flags |= fRecent
	}
	if (adopted || p.HasFinalizer(TrackingFinalizer)) && !finRemoved {
		r.flags |= fHasFin
	}
	if s.indexed {
		r.index = ix
		if s.isValidIndex(r.index) {
			r.flags |= fValidIndex
		}
	} else {
		r.flags |= fValidIndex
	}
	if len(s.uncSucc) > 0 {
		if _, ok := s.uncSucc[p.UID]; ok {
			r.flags |= fInUncSucc
		}
	}
	if len(s.uncFail) > 0 {
		if _, ok := s.uncFail[p.UID]; ok {
			r.flags |= fInUncFail
		}
	}
	return r
}

// isNew reports whether r is a finished pod not yet accounted for (§3, "new"),
// ignoring the uncounted lists (the caller checks the list concerned). A
// pod with a pending finalizer removal (Expectations) has no fHasFin.
func (r *podRec) isNew() bool {
	return r.flags&(fHasFin|fValidIndex) == fHasFin|fValidIndex
}

// snapshot computes the counters of §4.2 and the candidate backoff record
// of §4.4 from the classified pods.
func (s *syncer) snapshot() {
	var newSucceeded, newFailedCounted int32
	var bt backoffTally
	for i := range s.recs {
		r := &s.recs[i]
		if r.is(fActive) {
			s.active++
			if r.is(fReady) {
				s.ready++
			}
		}
		if r.is(fTerminating) {
			s.terminating++
		}
		if !r.isNew() {
			continue
		}
		if r.is(fSucceeded) && !r.is(fInUncSucc) {
			newSucceeded++
			bt.addSucceeded(s.podFinishTime(r.pod))
		}
		if r.is(fFailed) && !r.is(fInUncFail) {
			if s.failureOutcomeOf(int32(i)).counts {
				newFailedCounted++
			}
			bt.addFailed(s.podFinishTime(r.pod))
		}
	}
	st := s.status
	s.succeeded = st.Succeeded + newSucceeded + int32(len(s.uncSucc))
	s.failed = st.Failed + newFailedCounted + int32(len(s.uncFail))
	s.backoff = bt.apply(s.mem.Backoff)
}
