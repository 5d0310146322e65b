package jobtest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/jobkit/jobkit/job"
)

// PodChange is one change of the pod store, as a kubelet, a user or an
// eviction would make it (the `pods:` entries of a scenario). Nil fields
// leave the pod as it is.
type PodChange struct {
	// Name is required. A name not in the store creates that pod as one of
	// the Job's pods: owned by it (controller reference), with the
	// template's labels, annotations and spec, the tracking finalizer
	// (unless Finalizer is false), UID uid-<name>, phase Pending, created at
	// CreatedAt (default: now).
	Name string
	// Index sets the completion-index annotation and label and
	// spec.hostname <job>-<index> (creating only).
	Index *int32
	// Phase sets status.phase. When a pod turns Succeeded or Failed, every
	// container gets a terminated state finished at FinishedAt (default:
	// now) with the exit code given here, else the one it had, else 0.
	Phase *job.PodPhase
	// Ready sets the Ready condition True or False (lastTransitionTime now).
	Ready *bool
	// ExitCode gives the first template container a terminated state with
	// this code, in any phase.
	ExitCode *int32
	// Containers and InitContainers map container names to the exit code of
	// a terminated state. Keys are applied in sorted order.
	Containers     map[string]int32
	InitContainers map[string]int32
	// Restarts sets the first container's restartCount.
	Restarts *int32
	// Conditions sets pod conditions (type -> status, lastTransitionTime
	// now), applied in sorted type order.
	Conditions map[string]string
	// Node sets spec.nodeName.
	Node *string
	// Deleted true gives the pod a deletionTimestamp (now) unless it has one.
	Deleted *bool
	// Gone removes the pod from the store, finalizer or not.
	Gone bool
	// FinishedAt is when the containers finished (with a terminal phase or
	// an exit code); default now.
	FinishedAt *time.Time
	// Finalizer false creates the pod without the tracking finalizer (or
	// removes it from an existing pod); true adds it.
	Finalizer *bool
	// Annotations are added to the pod's annotations.
	Annotations map[string]string
	// CreatedAt is the creationTimestamp of a pod this change creates.
	CreatedAt *time.Time
}

// ChangePod applies c to the store. After the change, a terminal pod with a
// deletionTimestamp and no finalizers disappears.
func (w *World) ChangePod(c PodChange) error {
	if c.Name == "" {
		return errors.New("pod change without a name")
	}
	p := w.pods.get(c.Name)
	exists := p != nil
	if c.Gone {
		// A pod already gone (a terminal pod that lost its last finalizer
		// disappears by itself) stays gone.
		w.pods.remove(c.Name)
		return nil
	}
	if exists {
		// index applies only when creating a pod; on an existing pod it
		// is ignored, as SCENARIOS.md says.
		p = editable(p)
	} else {
		if w.job == nil {
			return fmt.Errorf("pod %s: no job to own it", c.Name)
		}
		p = w.newOwnedPod(c)
	}
	w.modifyPod(p, c)
	w.pods.put(p)
	w.maybeRemove(p.Name)
	return nil
}

// newOwnedPod builds a pod of the Job from its template, as the controller
// would have created it.
func (w *World) newOwnedPod(c PodChange) *job.Pod {
	j := w.job
	tmpl := j.Spec.Template.DeepCopy()
	created := w.now
	if c.CreatedAt != nil {
		created = *c.CreatedAt
	}
	p := &job.Pod{
		TypeMeta: job.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: job.ObjectMeta{
			Name:              c.Name,
			Namespace:         j.Namespace,
			UID:               job.UID("uid-" + c.Name),
			CreationTimestamp: job.NewTime(created),
			Labels:            tmpl.Labels,
			Annotations:       tmpl.Annotations,
			OwnerReferences: []job.OwnerReference{{
				APIVersion: "batch/v1", Kind: "Job", Name: j.Name, UID: j.UID,
				Controller: job.Ptr(true), BlockOwnerDeletion: job.Ptr(true),
			}},
		},
		Spec:   tmpl.Spec,
		Status: job.PodStatus{Phase: job.PodPending},
	}
	if c.Finalizer == nil || *c.Finalizer {
		p.Finalizers = []string{job.TrackingFinalizer}
	}
	if c.Index != nil {
		idx := strconv.Itoa(int(*c.Index))
		p.Annotations = setKey(p.Annotations, job.CompletionIndexKey, idx)
		p.Labels = setKey(p.Labels, job.CompletionIndexKey, idx)
		p.Spec.Hostname = j.Name + "-" + idx
	}
	return p
}

func setKey(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// modifyPod applies every field of c but Name, Index, Gone and CreatedAt
// to p, a pod fresh from newOwnedPod or editable: it clones each slice and
// map of p before writing into it.
func (w *World) modifyPod(p *job.Pod, c PodChange) {
	finished := w.now
	if c.FinishedAt != nil {
		finished = *c.FinishedAt
	}
	if c.Restarts != nil || c.ExitCode != nil || len(c.Containers) > 0 || c.Phase != nil {
		p.Status.ContainerStatuses = slices.Clone(p.Status.ContainerStatuses)
	}
	if len(c.InitContainers) > 0 {
		p.Status.InitContainerStatuses = slices.Clone(p.Status.InitContainerStatuses)
	}
	if c.Ready != nil || len(c.Conditions) > 0 {
		p.Status.Conditions = slices.Clone(p.Status.Conditions)
	}
	if len(c.Annotations) > 0 {
		p.Annotations = maps.Clone(p.Annotations) // shared with earlier versions
		for k, v := range c.Annotations {
			p.Annotations = setKey(p.Annotations, k, v)
		}
	}
	if c.Finalizer != nil {
		has := p.HasFinalizer(job.TrackingFinalizer)
		switch {
		case *c.Finalizer && !has:
			p.Finalizers = withFinalizer(p.Finalizers, job.TrackingFinalizer)
		case !*c.Finalizer && has:
			p.Finalizers = withoutFinalizer(p.Finalizers, job.TrackingFinalizer)
		}
	}
	if c.Node != nil {
		p.Spec.NodeName = *c.Node
	}
	if c.Restarts != nil {
		first := firstContainerStatus(p)
		if first != nil {
			first.RestartCount = *c.Restarts
		}
	}
	if c.ExitCode != nil {
		if first := firstContainerStatus(p); first != nil {
			setTerminated(first, *c.ExitCode, finished)
		}
	}
	for _, name := range sortedKeys(c.Containers) {
		setTerminated(containerStatus(&p.Status.ContainerStatuses, name), c.Containers[name], finished)
	}
	for _, name := range sortedKeys(c.InitContainers) {
		setTerminated(containerStatus(&p.Status.InitContainerStatuses, name), c.InitContainers[name], finished)
	}
	if c.Phase != nil {
		wasTerminal := isTerminal(p)
		p.Status.Phase = *c.Phase
		if isTerminal(p) && !wasTerminal {
			for _, ct := range p.Spec.Containers {
				// Containers given in this change already hold their code.
				cs := containerStatus(&p.Status.ContainerStatuses, ct.Name)
				code := int32(0)
				if t := cs.State.Terminated; t != nil {
					code = t.ExitCode
				}
				setTerminated(cs, code, finished)
			}
		}
	}
	if c.Ready != nil {
		setPodCondition(p, job.PodReady, boolStatus(*c.Ready), w.now)
	}
	for _, t := range sortedKeys(c.Conditions) {
		setPodCondition(p, t, c.Conditions[t], w.now)
	}
	if c.Deleted != nil && *c.Deleted && p.DeletionTimestamp == nil {
		p.DeletionTimestamp = job.NewTimePtr(w.now)
	}
}

// firstContainerStatus is the status of the first template container, nil
// when the template has none.
func firstContainerStatus(p *job.Pod) *job.ContainerStatus {
	if len(p.Spec.Containers) == 0 {
		return nil
	}
	return containerStatus(&p.Status.ContainerStatuses, p.Spec.Containers[0].Name)
}

// containerStatus returns the status named name, appending one if missing.
func containerStatus(list *[]job.ContainerStatus, name string) *job.ContainerStatus {
	for i := range *list {
		if (*list)[i].Name == name {
			return &(*list)[i]
		}
	}
	*list = append(*list, job.ContainerStatus{Name: name})
	return &(*list)[len(*list)-1]
}

func setTerminated(cs *job.ContainerStatus, code int32, at time.Time) {
	reason := "Completed"
	if code != 0 {
		reason = "Error"
	}
	cs.State = job.ContainerState{Terminated: &job.ContainerStateTerminated{
		ExitCode: code, Reason: reason, FinishedAt: job.NewTime(at),
	}}
	cs.Ready = false
}

func setPodCondition(p *job.Pod, t, status string, now time.Time) {
	if c := p.Status.Condition(t); c != nil {
		if c.Status != status {
			c.Status = status
			c.LastTransitionTime = job.NewTime(now)
		}
		return
	}
	p.Status.Conditions = append(p.Status.Conditions, job.PodCondition{
		Type: t, Status: status, LastTransitionTime: job.NewTime(now),
	})
}

func boolStatus(b bool) string {
	if b {
		return job.ConditionTrue
	}
	return job.ConditionFalse
}

func isTerminal(p *job.Pod) bool {
	return p.Status.Phase == job.PodSucceeded || p.Status.Phase == job.PodFailed
}

// sortedKeys returns the keys of m in ascending order (nil for an empty m,
// without allocating).
func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(m))
}

// maybeRemove drops the pod named name when it is terminal, has a
// deletionTimestamp and no finalizers left.
func (w *World) maybeRemove(name string) {
	p := w.pods.get(name)
	if p != nil && isTerminal(p) && p.DeletionTimestamp != nil && len(p.Finalizers) == 0 {
		w.pods.remove(name)
	}
}
