package job

import (
	"slices"
	"time"
)

// ExpectationsTimeout is how long Step waits for pending creations and
// deletions to show in the observed pods before it gives up on them
// (upstream's ExpectationsTimeout).
const ExpectationsTimeout = 5 * time.Minute

// CreationClockSkew is how far the API server's clock (which sets a pod's
// creationTimestamp) may be behind Input.Now for a created pod to be
// recognised (see Expectations). A pod created while the server's clock is
// further behind is not recognised and its creation expires instead.
const CreationClockSkew = time.Minute

// Expectations are the effects of earlier syncs' actions that the observed
// pods do not show yet: upstream's create/delete expectations and its
// finalizer-removal expectations, as data. Step reads them from
// Input.Memory, removes what the pods now show and adds what its own
// actions ask for; the executor removes what it failed to do with
// Memory.Forget. Every slice is sorted and owned by the Memory value that
// holds it: Step and Forget never modify them in place.
//
// While creations or deletions are pending (neither observed, nor reported
// failed, nor older than ExpectationsTimeout), Step does what upstream does
// with unsatisfied expectations: manageJob does not run (no creation, no
// deletion, no Suspended bookkeeping), and a Job meeting a terminal
// criterion still has its active pods deleted but gets no interim
// condition in that sync. It also asks for a requeue at the expiry.
//
// How the pods show an action:
//
//   - A creation is observed when a pod controlled by the Job (controller
//     owner reference with the Job's UID) appears that was not there when
//     it was asked for: creationTimestamp at or after CreatedAfter (a zero
//     creationTimestamp counts as recent) and UID not in Existing. For an
//     Indexed Job the pod must also carry the completion index of a pending
//     creation. Each such pod observes one creation.
//   - A deletion is observed when the pod (by UID) is no longer listed or
//     has a deletionTimestamp.
//   - A finalizer removal is observed when the pod (by UID) is no longer
//     listed, or is listed without the tracking finalizer and is not an
//     orphan the Job would adopt (an orphan view may predate the adoption
//     that the removal followed). Until then the pod is treated as not
//     carrying the finalizer, so it is neither counted again nor patched
//     again. Like upstream, finalizer removals do not expire: forgetting
//     one too early would count its pod twice.
//
// This relies on the pods of each Step being no older than those of the
// Steps before it with the same Memory (an informer's cache has this
// property; a freshly started controller with the zero Memory has none to
// respect).
type Expectations struct {
	// Since is when the pending creations or deletions were asked for.
	Since time.Time
	// Creations holds one completion index per pending pod creation (-1
	// for a NonIndexed Job), ascending.
	Creations []int32
	// CreatedAfter is Since (as the API server stores times) minus
	// CreationClockSkew.
	CreatedAfter Time
	// Existing are the UIDs of the Job's pods and orphans created at or
	// after CreatedAfter that were listed when the creations were asked
	// for, and of pods already recognised as created, ascending.
	Existing []UID
	// Deletions are the UIDs of pods whose deletion is pending, ascending.
	Deletions []UID
	// FinalizerRemovals are the UIDs of pods whose tracking-finalizer
	// removal is pending (RemoveFinalizer, or DeletePod with
	// RemoveFinalizerFirst), ascending.
	FinalizerRemovals []UID
}

// IsZero reports whether nothing is pending.
func (e *Expectations) IsZero() bool {
	return len(e.Creations) == 0 && len(e.Deletions) == 0 && len(e.FinalizerRemovals) == 0
}

// Forget returns m without the expectations of the given actions, for an
// executor to report actions that it did not carry out (they failed, or it
// stopped before them). A CreatePod forgets one pending creation of its
// index; a DeletePod the pending deletion of its pod and, when
// RemoveFinalizerFirst is set, the pending finalizer removal too (an
// executor that removed the finalizer but then failed to delete reports the
// action with RemoveFinalizerFirst cleared); a RemoveFinalizer the pending
// removal of its pod. WriteStatus, AdoptPod and ReleasePod carry no
// expectation. m is not modified.
func (m Memory) Forget(actions ...Action) Memory {
	e := &m.Expectations
	for _, a := range actions {
		switch a := a.(type) {
		case CreatePod:
			if k, ok := slices.BinarySearch(e.Creations, a.Index); ok {
				e.Creations = slices.Delete(slices.Clone(e.Creations), k, k+1)
			}
		case DeletePod:
			e.Deletions = withoutUID(e.Deletions, a.Pod.UID)
			if a.RemoveFinalizerFirst {
				e.FinalizerRemovals = withoutUID(e.FinalizerRemovals, a.Pod.UID)
			}
		case RemoveFinalizer:
			e.FinalizerRemovals = withoutUID(e.FinalizerRemovals, a.Pod.UID)
		}
	}
	if len(e.Creations) == 0 && len(e.Deletions) == 0 {
		e.Since, e.CreatedAfter, e.Creations, e.Existing, e.Deletions = time.Time{}, Time{}, nil, nil, nil
	}
	if len(e.FinalizerRemovals) == 0 {
		e.FinalizerRemovals = nil
	}
	return m
}

// withoutUID returns list without uid (a new slice when it was there).
func withoutUID(list []UID, uid UID) []UID {
	k, ok := slices.BinarySearch(list, uid)
	if !ok {
		return list
	}
	return slices.Delete(slices.Clone(list), k, k+1)
}

// expectState is one sync's work on the expectations: lookups built from
// Input.Memory, what the observed pods show, and what the sync asks for.
type expectState struct {
	in *Expectations
	// young are the UIDs of the Job's recent pods (see isRecent) when the
	// sync creates pods: the Existing list of its creations.
	young []UID

	// Lookups over in (nil when that part is empty): UID → still pending.
	// Observe marks the pods listed without showing the action; a pod not
	// listed (or listed as another controller's) shows it.
	pendingDel map[UID]bool
	pendingFin map[UID]bool
	// seen are the UIDs and indexes of recent pods not in in.Existing.
	seen    []UID
	seenIdx []int32

	// satisfied: no creation or deletion is pending (or they expired).
	satisfied bool

	// Asked for by this sync.
	creations []int32
	deletions []UID
	removals  []UID
}

// init prepares the lookups of the pending expectations.
func (x *expectState) init(in *Expectations) {
	x.in = in
	if len(in.Deletions) > 0 {
		x.pendingDel = make(map[UID]bool, len(in.Deletions))
		for _, u := range in.Deletions {
			x.pendingDel[u] = false
		}
	}
	if len(in.FinalizerRemovals) > 0 {
		x.pendingFin = make(map[UID]bool, len(in.FinalizerRemovals))
		for _, u := range in.FinalizerRemovals {
			x.pendingFin[u] = false
		}
	}
}

// isRecent reports whether a pod's creationTimestamp is zero or at or after
// since.
func isRecent(p *Pod, since Time) bool {
	return p.CreationTimestamp.IsZero() || !p.CreationTimestamp.Before(since.Time)
}

// observeExpectations compares the pending expectations with the listed
// pods (before claimPods classifies them, which may run concurrently and
// then only reads pendingFin). Only pods of the Job's namespace that the
// Job controls, or that have no controller, can show an action; any other
// pod counts as not listed.
func (s *syncer) observeExpectations(pods []*Pod, sel *podSelector) {
	x := &s.exp
	if x.in.IsZero() {
		return
	}
	j := s.job
	for _, p := range pods {
		if p.Namespace != j.Namespace {
			continue
		}
		ref := p.ControllerRef()
		if ref != nil && ref.UID != j.UID {
			continue
		}
		if ref != nil && len(x.in.Creations) > 0 && isRecent(p, x.in.CreatedAfter) {
			if _, known := slices.BinarySearch(x.in.Existing, p.UID); !known {
				ix := unknownIndex
				if s.indexed {
					ix = parseCompletionIndex(p.Annotations)
				}
				x.seen = append(x.seen, p.UID)
				x.seenIdx = append(x.seenIdx, ix)
			}
		}
		if x.pendingDel != nil && p.DeletionTimestamp == nil {
			if _, ok := x.pendingDel[p.UID]; ok {
				x.pendingDel[p.UID] = true
			}
		}
		if x.pendingFin != nil {
			if _, ok := x.pendingFin[p.UID]; ok {
				// An orphan the Job would adopt may be a view from before
				// the adoption that the removal followed.
				adoptable := ref == nil && !s.jobDeleting && p.DeletionTimestamp == nil && sel.Matches(p.Labels)
				if adoptable || p.HasFinalizer(TrackingFinalizer) {
					x.pendingFin[p.UID] = true
				}
			}
		}
	}
}

// settle decides, after every pod was observed, whether pending creations
// or deletions hold the sync back (satisfied false) and, when they do,
// returns the time until they expire (ok true).
func (x *expectState) settle(now time.Time) (untilExpiry time.Duration, ok bool) {
	in := x.in
	x.satisfied = true
	delLeft := 0
	for _, pending := range x.pendingDel {
		if pending {
			delLeft++
		}
	}
	if x.remainingCreations() == 0 && delLeft == 0 {
		return 0, false
	}
	expiry := in.Since.Add(ExpectationsTimeout)
	if !now.Before(expiry) {
		return 0, false
	}
	x.satisfied = false
	return expiry.Sub(now), true
}

// remainingCreations matches the recent unknown pods against the pending
// creations (one pod per creation of its index) and returns how many
// remain.
func (x *expectState) remainingCreations() int {
	c := x.in.Creations
	if len(c) == 0 {
		return 0
	}
	idx := slices.Clone(x.seenIdx)
	slices.Sort(idx)
	// Both ascending: a merge counts the matches.
	matched, i, j := 0, 0, 0
	for i < len(c) && j < len(idx) {
		switch {
		case c[i] == idx[j]:
			matched++
			i++
			j++
		case c[i] < idx[j]:
			i++
		default:
			j++
		}
	}
	return len(c) - matched
}

// result returns the expectations the sync hands on in Output.Memory:
// what is still pending of the input (all of it dropped once satisfied,
// except finalizer removals) plus what the sync asked for. now is the
// sync's instant.
func (x *expectState) result(now time.Time, nowT Time) Expectations {
	in := x.in
	var out Expectations
	switch {
	case len(x.creations) > 0 || len(x.deletions) > 0:
		// A sync only creates or deletes once nothing is pending, and
		// then replaces the record, like upstream's SetExpectations.
		out.Since = now
		out.Creations = slices.Clone(x.creations)
		slices.Sort(out.Creations)
		if len(out.Creations) > 0 {
			out.CreatedAfter = NewTime(nowT.Add(-CreationClockSkew))
			out.Existing = sortedUIDs(x.young)
		}
		out.Deletions = sortedUIDs(x.deletions)
	case !x.satisfied:
		out.Since = in.Since
		out.CreatedAfter = in.CreatedAfter
		out.Creations = x.creationsLeft()
		if len(out.Creations) > 0 {
			out.Existing = sortedUIDs(append(slices.Clone(in.Existing), x.seen...))
		}
		for _, u := range in.Deletions {
			if x.pendingDel[u] {
				out.Deletions = append(out.Deletions, u)
			}
		}
	}
	var fin []UID
	for _, u := range in.FinalizerRemovals {
		if x.pendingFin[u] {
			fin = append(fin, u)
		}
	}
	fin = append(fin, x.removals...)
	out.FinalizerRemovals = sortedUIDs(fin)
	return out
}

// creationsLeft is in.Creations without one entry per matching seen pod.
func (x *expectState) creationsLeft() []int32 {
	idx := slices.Clone(x.seenIdx)
	slices.Sort(idx)
	var left []int32
	j := 0
	for _, c := range x.in.Creations {
		for j < len(idx) && idx[j] < c {
			j++
		}
		if j < len(idx) && idx[j] == c {
			j++
			continue
		}
		left = append(left, c)
	}
	return left
}

// sortedUIDs returns the distinct UIDs of list, ascending, in a new slice
// (nil when empty).
func sortedUIDs(list []UID) []UID {
	if len(list) == 0 {
		return nil
	}
	out := slices.Clone(list)
	slices.Sort(out)
	return slices.Compact(out)
}
