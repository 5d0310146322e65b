package jobtest

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/google/go-cmp/cmp"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// ledger is the exactly-once accounting check of the state-machine test. It
// replays every Step round the world carried out (its Input, its Output and
// how many of the actions were carried out: all of them, or a prefix when
// the test simulates an executor crash) and follows each pod's tracking
// finalizer and each persisted status.
//
// The rules it enforces (controller.md §3, §4.11), for every round:
//
//   - Two-phase accounting. When the controller removes the tracking
//     finalizer of a terminal pod of an unfinished Job, the pod is already
//     accounted for in the status persisted at that moment: a succeeded
//     pod's UID is in uncountedTerminatedPods (NonIndexed) or its index in
//     completedIndexes (Indexed, valid index < completions); a failed pod's
//     UID is in uncountedTerminatedPods.failed unless the pod failure policy
//     ignores it or its index is out of range; a non-terminal pod of a Job
//     that has FailureTarget=True is counted as failed likewise. Other
//     removals (finished-Job clean-up, Job deletion, SuccessCriteriaMet) do
//     not count.
//   - A UID enters uncountedTerminatedPods.succeeded (or .failed) at most once
//     in the Job's life, and only while its pod exists with the tracking
//     finalizer and is Succeeded (for .failed: is failed in the sense of §3,
//     or the Job is failing).
//   - A UID leaves an uncounted list only once its pod is gone or has lost
//     the finalizer, and the matching counter grows by exactly the number of
//     UIDs that left (status.failed always, status.succeeded for NonIndexed).
//   - Indexed: uncounted.succeeded stays empty, status.succeeded is the size
//     of completedIndexes, and an index joins completedIndexes only while a
//     Succeeded pod of that index carries the finalizer.
//   - DeletePod only targets active pods (not terminal, not terminating).
//   - CreatePod (checkCreate): never for a suspended, deleted or finishing
//     Job, nor for a work-queue Job after a success; Indexed: only for an
//     index in range, not completed, not failed and without a live pod.
//   - A status is written only for an unfinished Job; Output.Status is the
//     last status written.
//
// Together with the checks after every action (prop_check_test.go:
// uncountedTerminatedPods empty once settled, succeeded/failed equal to the
// number of UIDs ever listed and to the ground truth kept here) this makes
// every terminated pod counted exactly once:
// status.succeeded of a NonIndexed Job equals the number of distinct pods
// whose finalizer the controller removed while they were Succeeded, plus
// those whose UID was persisted just before a crash and that vanished before
// the controller came back.
type ledger struct {
	// everS and everF are the UIDs ever listed in
	// uncountedTerminatedPods.succeeded and .failed.
	everS, everF map[job.UID]bool
	// removedS and removedF are the pods whose finalizer the controller
	// removed (RemoveFinalizer, Job not finished) while they counted as
	// succeeded or failed, judged from the pod as observed (§4.11 T4:
	// Succeeded and not already listed as failed; failed, or any pod once
	// the Job is failing, unless the pod failure policy ignores it or the
	// index is out of range). vanishedS and vanishedF are listed UIDs that
	// left the list because their pod disappeared before its finalizer was
	// removed (after a crash).
	removedS, removedF, vanishedS, vanishedF map[job.UID]bool
}

func newLedger() *ledger {
	return &ledger{
		everS: map[job.UID]bool{}, everF: map[job.UID]bool{},
		removedS: map[job.UID]bool{}, removedF: map[job.UID]bool{},
		vanishedS: map[job.UID]bool{}, vanishedF: map[job.UID]bool{},
	}
}

// observedCounts is the number of pods counted as succeeded and as failed
// by the ground truth of the ledger: removed while counting, or vanished
// while listed, or still listed in unc.
func (l *ledger) observedCounts(unc job.UncountedTerminatedPods) (succeeded, failed int) {
	union := func(list []job.UID, sets ...map[job.UID]bool) int {
		all := map[job.UID]bool{}
		for _, u := range list {
			all[u] = true
		}
		for _, s := range sets {
			for u := range s {
				all[u] = true
			}
		}
		return len(all)
	}
	return union(unc.Succeeded, l.removedS, l.vanishedS), union(unc.Failed, l.removedF, l.vanishedF)
}

// round is one Step call as observed by the test's step wrapper.
type round struct {
	in  job.Input
	out job.Output
	// done is how many of out.Actions were carried out (-1: all).
	done int
}

// podView is the ledger's mutable view of one pod during a round.
type podView struct {
	pod      *job.Pod
	deleting bool
	hasFin   bool
}

// check replays r and returns the first broken rule.
func (l *ledger) check(r round) error {
	j := r.in.Job
	cur := j.Status.DeepCopy()
	indexed := j.Spec.IsIndexed()
	var completions int32 = -1
	if j.Spec.Completions != nil {
		completions = *j.Spec.Completions
	}
	onlyReplaceFailed := j.Spec.PodFailurePolicy != nil ||
		(j.Spec.PodReplacementPolicy != nil && *j.Spec.PodReplacementPolicy == job.Failed)
	pods := map[string]*podView{}
	byUID := map[job.UID]*podView{}
	for _, p := range r.in.Pods {
		v := &podView{pod: p, deleting: p.DeletionTimestamp != nil, hasFin: p.HasFinalizer(job.TrackingFinalizer)}
		pods[p.Name] = v
		byUID[p.UID] = v
	}
	// isFailed is §3's predicate on the pod as observed by the Step: a
	// DeletePod of the same round does not make a pod failed (upstream
	// classifies the listed pod objects).
	isFailed := func(v *podView) bool {
		ph := v.pod.Status.Phase
		return ph == job.PodFailed || (!onlyReplaceFailed && v.pod.DeletionTimestamp != nil && ph != job.PodSucceeded)
	}
	validIndex := func(v *podView) (int32, bool) {
		if !indexed {
			return -1, true
		}
		ix := podIndex(v.pod)
		return ix, ix >= 0 && ix < completions
	}
	actions := r.out.Actions
	if r.done >= 0 {
		actions = actions[:r.done]
	}
	finishedAtStart := j.Status.IsFinished()
	for i, a := range actions {
		where := fmt.Sprintf("action %d (%s)", i, a)
		switch a := a.(type) {
		case job.DeletePod:
			v := pods[a.Pod.Name]
			if v == nil {
				return fmt.Errorf("%s: no such pod", where)
			}
			if v.deleting || isTerminalPhase(v.pod) {
				return fmt.Errorf("%s: pod is not active (phase %q, deleting %v)", where, v.pod.Status.Phase, v.deleting)
			}
			v.deleting = true
			if a.RemoveFinalizerFirst {
				v.hasFin = false
			}
		case job.CreatePod:
			if err := checkCreate(r, a); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
		case job.AdoptPod:
			if v := pods[a.Pod.Name]; v != nil {
				v.hasFin = true
			}
		case job.RemoveFinalizer:
			v := pods[a.Pod.Name]
			if v == nil || !v.hasFin {
				return fmt.Errorf("%s: pod missing or without the finalizer", where)
			}
			if !finishedAtStart {
				if err := l.checkRemoval(v, cur, isFailed(v), validIndex, j); err != nil {
					return fmt.Errorf("%s: %w", where, err)
				}
			}
			v.hasFin = false
		case job.WriteStatus:
			if finishedAtStart {
				return fmt.Errorf("%s: status written for a finished Job", where)
			}
			if err := l.checkWrite(cur, a.Status, pods, byUID, isFailed, indexed, completions); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			cur = a.Status.DeepCopy()
		}
	}
	if r.done < 0 && r.out.Status != nil {
		if d := cmp.Diff(cur, r.out.Status); d != "" {
			return fmt.Errorf("Output.Status is not the last status written (-written +Output.Status):\n%s", d)
		}
	}
	return nil
}

// checkCreate checks a CreatePod of round r against the Job and the pods
// observed (§5): no creation for a suspended, deleted or finishing Job
// (interim condition in the status the round ends with), none for a
// NonIndexed Job without completions once a pod succeeded; for Indexed
// Jobs the index is in [0, completions), not completed or failed at the
// end of the round, and no active pod (nor, when only failed pods are
// replaced, terminating pod) holds it.
func checkCreate(r round, a job.CreatePod) error {
	j := r.in.Job
	end := r.out.Status
	if end == nil {
		end = &j.Status
	}
	switch {
	case j.Spec.IsSuspended():
		return fmt.Errorf("pod created for a suspended Job")
	case j.DeletionTimestamp != nil:
		return fmt.Errorf("pod created for a Job being deleted")
	case end.HasTrueCondition(job.JobFailureTarget) || end.HasTrueCondition(job.JobSuccessCriteriaMet):
		return fmt.Errorf("pod created for a Job with an interim condition")
	}
	if !j.Spec.IsIndexed() {
		if j.Spec.Completions == nil && end.Succeeded > 0 {
			return fmt.Errorf("pod created for a work-queue Job after a success")
		}
		return nil
	}
	c := *j.Spec.Completions
	ix := a.Index
	if ix < 0 || ix >= c {
		return fmt.Errorf("index %d outside [0, %d)", ix, c)
	}
	if indexes.ParseLenient(end.CompletedIndexes, c).Has(ix) {
		return fmt.Errorf("index %d is completed (%q)", ix, end.CompletedIndexes)
	}
	if fi := end.FailedIndexes; fi != nil && indexes.ParseLenient(*fi, c).Has(ix) {
		return fmt.Errorf("index %d is failed (%q)", ix, *fi)
	}
	onlyReplaceFailed := j.Spec.PodFailurePolicy != nil ||
		(j.Spec.PodReplacementPolicy != nil && *j.Spec.PodReplacementPolicy == job.Failed)
	for _, p := range r.in.Pods {
		if ref := p.ControllerRef(); ref == nil || ref.UID != j.UID || podIndex(p) != ix || isTerminalPhase(p) {
			continue
		}
		if p.DeletionTimestamp == nil || onlyReplaceFailed {
			return fmt.Errorf("index %d already has pod %s (deleting %v)", ix, p.Name, p.DeletionTimestamp != nil)
		}
	}
	return nil
}

// checkRemoval checks that v, whose finalizer is being removed, is
// accounted for in the persisted status cur.
func (l *ledger) checkRemoval(v *podView, cur *job.JobStatus, failed bool, validIndex func(*podView) (int32, bool), j *job.Job) error {
	unc := uncounted(cur)
	uid := v.pod.UID
	ix, ok := validIndex(v)
	listedF := slices.Contains(unc.Failed, uid)
	// The ground truth, from the pod as observed.
	switch {
	case v.pod.Status.Phase == job.PodSucceeded && !listedF:
		if ok && ix < 0 {
			l.removedS[uid] = true
		}
	case listedF || (ok && (failed || cur.HasTrueCondition(job.JobFailureTarget)) && !pfpIgnores(j, v.pod)):
		l.removedF[uid] = true
	}
	// Two-phase: the count is persisted before the removal.
	if slices.Contains(unc.Succeeded, uid) || listedF {
		return nil
	}
	if !ok {
		return nil // out-of-range or unknown index: never counted
	}
	switch {
	case v.pod.Status.Phase == job.PodSucceeded:
		if ix < 0 {
			return fmt.Errorf("succeeded pod %s loses its finalizer before its UID is persisted in uncountedTerminatedPods.succeeded", v.pod.Name)
		}
		var completions int32
		if j.Spec.Completions != nil {
			completions = *j.Spec.Completions
		}
		if !indexes.ParseLenient(cur.CompletedIndexes, completions).Has(ix) {
			return fmt.Errorf("succeeded pod %s loses its finalizer before index %d is persisted in completedIndexes %q", v.pod.Name, ix, cur.CompletedIndexes)
		}
	case failed || cur.HasTrueCondition(job.JobFailureTarget):
		if pfpIgnores(j, v.pod) {
			return nil
		}
		return fmt.Errorf("pod %s (phase %q, failed %v) loses its finalizer before its UID is persisted in uncountedTerminatedPods.failed", v.pod.Name, v.pod.Status.Phase, failed)
	}
	return nil
}

// checkWrite checks the transition of the persisted status from cur to next.
func (l *ledger) checkWrite(cur, next *job.JobStatus, pods map[string]*podView, byUID map[job.UID]*podView,
	isFailed func(*podView) bool, indexed bool, completions int32) error {
	cu, nu := uncounted(cur), uncounted(next)
	gone := func(u job.UID) bool { v := byUID[u]; return v == nil || !v.hasFin }
	// Succeeded.
	addedS, removedS := setDiff(cu.Succeeded, nu.Succeeded)
	for _, u := range addedS {
		if l.everS[u] {
			return fmt.Errorf("UID %s listed in uncountedTerminatedPods.succeeded a second time", u)
		}
		v := byUID[u]
		if v == nil || !v.hasFin || v.pod.Status.Phase != job.PodSucceeded {
			return fmt.Errorf("UID %s listed as succeeded but its pod is not a Succeeded pod with the finalizer", u)
		}
		l.everS[u] = true
	}
	for _, u := range removedS {
		if !gone(u) {
			return fmt.Errorf("UID %s left uncountedTerminatedPods.succeeded while its pod keeps the finalizer", u)
		}
		if byUID[u] == nil && !l.removedS[u] {
			l.vanishedS[u] = true
		}
	}
	if indexed {
		if len(nu.Succeeded) > 0 {
			return fmt.Errorf("Indexed Job lists uncounted succeeded UIDs %v", nu.Succeeded)
		}
		set, err := indexes.Parse(next.CompletedIndexes, completions)
		if err != nil {
			return fmt.Errorf("completedIndexes %q: %v", next.CompletedIndexes, err)
		}
		if int(next.Succeeded) != set.Len() {
			return fmt.Errorf("succeeded %d but completedIndexes %q has %d indexes", next.Succeeded, next.CompletedIndexes, set.Len())
		}
		prev := indexes.ParseLenient(cur.CompletedIndexes, completions)
		for ix := range set.All() {
			if prev.Has(ix) {
				continue
			}
			found := false
			for _, v := range pods {
				if v.hasFin && v.pod.Status.Phase == job.PodSucceeded && podIndex(v.pod) == ix {
					found = true
					break
				}
			}
			if !found {
				return fmt.Errorf("index %d joined completedIndexes without a Succeeded pod of that index carrying the finalizer", ix)
			}
		}
	} else if next.Succeeded-cur.Succeeded != int32(len(removedS)) {
		return fmt.Errorf("succeeded went %d -> %d but %d UIDs left uncountedTerminatedPods.succeeded", cur.Succeeded, next.Succeeded, len(removedS))
	}
	// Failed.
	addedF, removedF := setDiff(cu.Failed, nu.Failed)
	failing := next.HasTrueCondition(job.JobFailureTarget) || next.HasTrueCondition(job.JobFailed)
	for _, u := range addedF {
		if l.everF[u] {
			return fmt.Errorf("UID %s listed in uncountedTerminatedPods.failed a second time", u)
		}
		v := byUID[u]
		if v == nil || !v.hasFin || v.pod.Status.Phase == job.PodSucceeded || !(isFailed(v) || failing) {
			return fmt.Errorf("UID %s listed as failed but its pod is not a failed pod (or a pod of a failing Job) with the finalizer", u)
		}
		l.everF[u] = true
	}
	for _, u := range removedF {
		if !gone(u) {
			return fmt.Errorf("UID %s left uncountedTerminatedPods.failed while its pod keeps the finalizer", u)
		}
		if byUID[u] == nil && !l.removedF[u] {
			l.vanishedF[u] = true
		}
	}
	if next.Failed-cur.Failed != int32(len(removedF)) {
		return fmt.Errorf("failed went %d -> %d but %d UIDs left uncountedTerminatedPods.failed", cur.Failed, next.Failed, len(removedF))
	}
	return nil
}

func uncounted(s *job.JobStatus) job.UncountedTerminatedPods {
	if s.UncountedTerminatedPods == nil {
		return job.UncountedTerminatedPods{}
	}
	return *s.UncountedTerminatedPods
}

// setDiff returns the elements of b not in a and those of a not in b.
func setDiff(a, b []job.UID) (added, removed []job.UID) {
	for _, u := range b {
		if !slices.Contains(a, u) {
			added = append(added, u)
		}
	}
	for _, u := range a {
		if !slices.Contains(b, u) {
			removed = append(removed, u)
		}
	}
	return added, removed
}

// podIndex is the completion index of p's annotation, -1 when missing or
// not a non-negative base-10 int32.
func podIndex(p *job.Pod) int32 {
	s, ok := p.Annotations[job.CompletionIndexKey]
	if !ok {
		return -1
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil || n < 0 {
		return -1
	}
	return int32(n)
}

func isTerminalPhase(p *job.Pod) bool {
	return p.Status.Phase == job.PodSucceeded || p.Status.Phase == job.PodFailed
}

// pfpIgnores reports whether j's pod failure policy evaluates p to Ignore.
func pfpIgnores(j *job.Job, p *job.Pod) bool {
	if j.Spec.PodFailurePolicy == nil {
		return false
	}
	return !policy.EvaluatePodFailure(j.Spec.PodFailurePolicy, failedPodView(p)).Counts
}

// failedPodView is the policy package's view of p.
func failedPodView(p *job.Pod) policy.FailedPod {
	conv := func(list []job.ContainerStatus) []policy.ContainerExit {
		out := make([]policy.ContainerExit, 0, len(list))
		for _, cs := range list {
			e := policy.ContainerExit{Name: cs.Name}
			if t := cs.State.Terminated; t != nil {
				e.Terminated, e.ExitCode = true, t.ExitCode
			}
			out = append(out, e)
		}
		return out
	}
	fp := policy.FailedPod{
		Namespace:             p.Namespace,
		Name:                  p.Name,
		ContainerStatuses:     conv(p.Status.ContainerStatuses),
		InitContainerStatuses: conv(p.Status.InitContainerStatuses),
	}
	for _, c := range p.Status.Conditions {
		fp.Conditions = append(fp.Conditions, policy.PodCondition{Type: c.Type, Status: c.Status})
	}
	return fp
}
