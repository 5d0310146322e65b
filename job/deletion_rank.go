package job

import (
	"cmp"
	"slices"
	"time"
)

// Deletion ranking of active pods (controller.md §5.3), "earlier = deleted
// first". The first rule that distinguishes two pods decides:
//
//  1. exactly one has an empty spec.nodeName → that (unscheduled) one;
//  2. phase ordinal Pending(0) < Unknown(1) < Running(2) (other phases,
//     including empty, are 0) → the lower;
//  3. not ready before ready;
//  4. both ready → the one whose Ready condition became True more recently
//     (a zero lastTransitionTime counts as most recent);
//  5. the higher maximum restartCount over regular containers; then the
//     higher maximum restartCount over sidecar (restartPolicy Always init)
//     containers;
//  6. the newer creationTimestamp (zero counts as newest);
//  7. jobkit's deterministic tie-break (upstream leaves it unspecified): pod
//     name ascending, then UID ascending.

// rankKey holds what the ranking reads of one pod, computed once per sort.
type rankKey struct {
	id              int32 // position in syncer.recs
	unscheduled     bool
	phaseOrd        int8
	ready           bool
	readyTime       time.Time
	regularRestarts int32
	sidecarRestarts int32
	created         time.Time
}

func phaseOrdinal(p PodPhase) int8 {
	switch p {
	case PodUnknown:
		return 1
	case PodRunning:
		return 2
	}
	return 0
}

func (s *syncer) rankKeyOf(id int32) rankKey {
	r := &s.recs[id]
	p := r.pod
	k := rankKey{
		id:          id,
		unscheduled: p.Spec.NodeName == "",
		phaseOrd:    phaseOrdinal(p.Status.Phase),
		ready:       r.is(fReady),
		created:     p.CreationTimestamp.Time,
	}
	if k.ready {
		for _, c := range p.Status.Conditions {
			if c.Type == PodReady && c.Status == ConditionTrue {
				k.readyTime = c.LastTransitionTime.Time
				break
			}
		}
	}
	for _, cs := range p.Status.ContainerStatuses {
		k.regularRestarts = max(k.regularRestarts, cs.RestartCount)
	}
	for _, cs := range p.Status.InitContainerStatuses {
		if isSidecarName(p, cs.Name) {
			k.sidecarRestarts = max(k.sidecarRestarts, cs.RestartCount)
		}
	}
	return k
}

// newerOrZeroFirst orders two distinct times: a zero time first, else the
// later one first (upstream's afterOrZero).
func newerOrZeroFirst(a, b time.Time) int {
	switch {
	case a.IsZero() || b.IsZero():
		if a.IsZero() {
			return -1
		}
		return 1
	case a.After(b):
		return -1
	}
	return 1
}

// cmpRank compares two pods by the deletion ranking, tie-break included.
func (s *syncer) cmpRank(a, b *rankKey) int {
	if a.unscheduled != b.unscheduled {
		if a.unscheduled {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(a.phaseOrd, b.phaseOrd); c != 0 {
		return c
	}
	if a.ready != b.ready {
		if !a.ready {
			return -1
		}
		return 1
	}
	if a.ready && !a.readyTime.Equal(b.readyTime) {
		return newerOrZeroFirst(a.readyTime, b.readyTime)
	}
	if c := cmp.Compare(b.regularRestarts, a.regularRestarts); c != 0 {
		return c
	}
	if c := cmp.Compare(b.sidecarRestarts, a.sidecarRestarts); c != 0 {
		return c
	}
	if !a.created.Equal(b.created) {
		return newerOrZeroFirst(a.created, b.created)
	}
	return cmpNameUID(s.recs[a.id].pod, s.recs[b.id].pod)
}

// sortByDeletionRank sorts positions into s.recs by the deletion ranking,
// in place (the slice belongs to the sync).
func (s *syncer) sortByDeletionRank(ids []int32) {
	if len(ids) < 2 {
		return
	}
	keys := make([]rankKey, len(ids))
	for i, id := range ids {
		keys[i] = s.rankKeyOf(id)
	}
	slices.SortFunc(keys, func(a, b rankKey) int { return s.cmpRank(&a, &b) })
	for i := range keys {
		ids[i] = keys[i].id
	}
}
