package job

import "time"

// podFinishTime is when p finished, for the pod-failure backoff (§12). The
// first rule that yields a time wins:
//
//  1. containers, in two passes as upstream's getFinishTimeFromContainers:
//     the regular pass takes the latest state.terminated.finishedAt over
//     every regular container status and yields nothing when there is no
//     status or one is not terminated (or has a zero finishedAt); the
//     sidecar pass starts from that result and folds in every status of an
//     init container declared with restartPolicy Always, yielding nothing
//     when one of those is not terminated. So a terminated sidecar yields
//     its time even when a regular container is still running, and a
//     running sidecar voids the rule;
//  2. the first Ready condition, when its status is False and its
//     lastTransitionTime is not zero;
//  3. deletionTimestamp minus deletionGracePeriodSeconds (0 when unset);
//  4. creationTimestamp (possibly zero: "finished long ago").
func (s *syncer) podFinishTime(p *Pod) time.Time {
	if t, ok := containersFinishTime(p); ok {
		return t
	}
	if c := p.Status.Condition(PodReady); c != nil && c.Status == ConditionFalse && !c.LastTransitionTime.IsZero() {
		return c.LastTransitionTime.Time
	}
	if p.DeletionTimestamp != nil {
		var grace int64
		if p.DeletionGracePeriodSeconds != nil {
			grace = *p.DeletionGracePeriodSeconds
		}
		return p.DeletionTimestamp.Add(-time.Duration(grace) * time.Second)
	}
	return p.CreationTimestamp.Time
}

// containersFinishTime is rule 1 of podFinishTime.
func containersFinishTime(p *Pod) (time.Time, bool) {
	t, ok := latestFinish(time.Time{}, false, p, p.Status.ContainerStatuses, false)
	return latestFinish(t, ok, p, p.Status.InitContainerStatuses, true)
}

// latestFinish folds the finishedAt of the statuses (only sidecars when
// sidecarsOnly) into (prev, ok): any considered status not terminated, or
// with a zero finishedAt, gives (zero, false).
func latestFinish(prev time.Time, ok bool, p *Pod, cs []ContainerStatus, sidecarsOnly bool) (time.Time, bool) {
	for i := range cs {
		if sidecarsOnly && !isSidecarName(p, cs[i].Name) {
			continue
		}
		t := cs[i].State.Terminated
		if t == nil || t.FinishedAt.IsZero() {
			return time.Time{}, false
		}
		if !ok || prev.Before(t.FinishedAt.Time) {
			prev, ok = t.FinishedAt.Time, true
		}
	}
	return prev, ok
}

// isSidecarName reports whether p declares an init container named name
// with restartPolicy Always.
func isSidecarName(p *Pod, name string) bool {
	for i := range p.Spec.InitContainers {
		if c := &p.Spec.InitContainers[i]; c.Name == name && c.IsSidecar() {
			return true
		}
	}
	return false
}
