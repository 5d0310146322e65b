package job

import "time"

// podFinishTime is when p finished, for the pod-failure backoff (§12). The
// first rule that yields a time wins:
//
//  1. containers: the latest state.terminated.finishedAt over every regular
//     container status, folded with every status of an init container
//     declared with restartPolicy Always (sidecar). Any of those statuses
//     not terminated, or terminated with a zero finishedAt, voids the rule;
//     so does having no such status at all.
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
	var latest time.Time
	found := false
	fold := func(cs *ContainerStatus) bool {
		t := cs.State.Terminated
		if t == nil || t.FinishedAt.IsZero() {
			return false
		}
		if !found || latest.Before(t.FinishedAt.Time) {
			latest, found = t.FinishedAt.Time, true
		}
		return true
	}
	for i := range p.Status.ContainerStatuses {
		if !fold(&p.Status.ContainerStatuses[i]) {
			return time.Time{}, false
		}
	}
	for i := range p.Status.InitContainerStatuses {
		cs := &p.Status.InitContainerStatuses[i]
		if isSidecarName(p, cs.Name) && !fold(cs) {
			return time.Time{}, false
		}
	}
	return latest, found
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
