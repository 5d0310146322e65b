package job

import "fmt"

// CreatePod asks to create Pod (named by Pod.GenerateName; the API server
// appends a random suffix). Index is the completion index for Indexed Jobs,
// -1 otherwise. Pod is a fresh object the caller may keep: its metadata
// (labels, annotations, finalizers, owner references) is its own, and
// nothing in it is shared with Step's input. Its Spec is a copy by value
// whose slices, maps and pointers (containers, volumes, env, ...) are
// shared, read-only, with the other CreatePod actions of the same Output:
// assign Spec's fields freely, but DeepCopy a nested value (or the whole
// Pod) before modifying it in place. Sharing them is what keeps a 500-pod
// creation to a few allocations per pod. The
// matching SuccessfulCreate event says "Created pod: <generateName>" since
// the name is not known before the create call; a caller that learns the
// name may substitute it.
type CreatePod struct {
	Pod   *Pod
	Index int32
}

// DeletePod asks to delete a pod. When RemoveFinalizerFirst is set (scale
// down, suspension) the tracking finalizer must be removed before the delete
// call and the pod is never counted as succeeded or failed.
type DeletePod struct {
	Pod                  PodRef
	RemoveFinalizerFirst bool
}

// RemoveFinalizer asks to remove the tracking finalizer from a pod.
type RemoveFinalizer struct {
	Pod PodRef
}

// WriteStatus asks to persist Status as the Job's status (a /status update).
// Later actions rely on it having been persisted.
type WriteStatus struct {
	Status *JobStatus
}

// AdoptPod asks to add the Job's controller owner reference (and the
// tracking finalizer) to an orphan pod that matches the Job's selector.
type AdoptPod struct {
	Pod PodRef
}

// ReleasePod asks to remove the Job's owner reference from a pod that no
// longer matches the selector; like upstream's release patch it also removes
// the tracking finalizer.
type ReleasePod struct {
	Pod PodRef
}

func (CreatePod) isAction()       {}
func (DeletePod) isAction()       {}
func (RemoveFinalizer) isAction() {}
func (WriteStatus) isAction()     {}
func (AdoptPod) isAction()        {}
func (ReleasePod) isAction()      {}

// String is "create pod <generateName> (index N)" or "create pod <generateName>".
func (a CreatePod) String() string {
	if a.Index >= 0 {
		return fmt.Sprintf("create pod %s (index %d)", a.Pod.GenerateName, a.Index)
	}
	return "create pod " + a.Pod.GenerateName
}

// String is "delete pod ns/name", with " (finalizer first)" when set.
func (a DeletePod) String() string {
	if a.RemoveFinalizerFirst {
		return "delete pod " + a.Pod.String() + " (finalizer first)"
	}
	return "delete pod " + a.Pod.String()
}

// String is "remove finalizer ns/name".
func (a RemoveFinalizer) String() string { return "remove finalizer " + a.Pod.String() }

// String summarises the counters of the status written.
func (a WriteStatus) String() string {
	s := a.Status
	str := func(p *int32) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("write status active=%d ready=%s terminating=%s succeeded=%d failed=%d conditions=%d",
		s.Active, str(s.Ready), str(s.Terminating), s.Succeeded, s.Failed, len(s.Conditions))
}

// String is "adopt pod ns/name".
func (a AdoptPod) String() string { return "adopt pod " + a.Pod.String() }

// String is "release pod ns/name".
func (a ReleasePod) String() string { return "release pod " + a.Pod.String() }
