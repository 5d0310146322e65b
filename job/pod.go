package job

import (
	"slices"

	"github.com/jobkit/jobkit/job/metav1"
)

// PodPhase is core/v1 PodPhase.
type PodPhase string

const (
	PodPending   PodPhase = "Pending"
	PodRunning   PodPhase = "Running"
	PodSucceeded PodPhase = "Succeeded"
	PodFailed    PodPhase = "Failed"
	PodUnknown   PodPhase = "Unknown"
)

// Pod condition types the Job controller reads.
const (
	PodReady         = "Ready"
	DisruptionTarget = "DisruptionTarget"
)

// ConditionStatus values.
const (
	ConditionTrue    = "True"
	ConditionFalse   = "False"
	ConditionUnknown = "Unknown"
)

// Pod is core/v1 Pod, modelling what the Job controller reads; unmodelled
// members of spec and status are kept verbatim.
type Pod struct {
	TypeMeta   `json:",inline"`
	ObjectMeta `json:"metadata,omitzero"`
	Spec       PodSpec   `json:"spec,omitzero"`
	Status     PodStatus `json:"status,omitzero"`
}

// PodStatus models phase, conditions and container statuses.
type PodStatus struct {
	Phase                 PodPhase          `json:"phase,omitempty"`
	Conditions            []PodCondition    `json:"conditions,omitempty"`
	InitContainerStatuses []ContainerStatus `json:"initContainerStatuses,omitempty"`
	ContainerStatuses     []ContainerStatus `json:"containerStatuses,omitempty"`
	Unknown               Unknown           `json:"-"`
}

// PodCondition is core/v1 PodCondition.
type PodCondition struct {
	Type               string `json:"type"`
	ObservedGeneration int64  `json:"observedGeneration,omitempty"`
	Status             string `json:"status"`
	LastProbeTime      Time   `json:"lastProbeTime,omitzero"`
	LastTransitionTime Time   `json:"lastTransitionTime,omitzero"`
	Reason             string `json:"reason,omitempty"`
	Message            string `json:"message,omitempty"`
}

// ContainerStatus models a container's state and restart count; other
// members (resources, volumeMounts, user, ...) are kept in Unknown.
type ContainerStatus struct {
	Name                 string         `json:"name"`
	State                ContainerState `json:"state"`
	LastTerminationState ContainerState `json:"lastState"`
	Ready                bool           `json:"ready"`
	RestartCount         int32          `json:"restartCount"`
	Image                string         `json:"image"`
	ImageID              string         `json:"imageID"`
	ContainerID          string         `json:"containerID,omitempty"`
	Started              *bool          `json:"started,omitempty"`
	Unknown              Unknown        `json:"-"`
}

// ContainerState holds at most one of its members.
type ContainerState struct {
	Waiting    *ContainerStateWaiting    `json:"waiting,omitempty"`
	Running    *ContainerStateRunning    `json:"running,omitempty"`
	Terminated *ContainerStateTerminated `json:"terminated,omitempty"`
}

// ContainerStateWaiting is core/v1 ContainerStateWaiting.
type ContainerStateWaiting struct {
	Reason  string `json:"reason,omitempty"`
	Message string `json:"message,omitempty"`
}

// ContainerStateRunning is core/v1 ContainerStateRunning.
type ContainerStateRunning struct {
	StartedAt Time `json:"startedAt,omitzero"`
}

// ContainerStateTerminated is core/v1 ContainerStateTerminated.
type ContainerStateTerminated struct {
	ExitCode    int32  `json:"exitCode"`
	Signal      int32  `json:"signal,omitempty"`
	Reason      string `json:"reason,omitempty"`
	Message     string `json:"message,omitempty"`
	StartedAt   Time   `json:"startedAt,omitzero"`
	FinishedAt  Time   `json:"finishedAt,omitzero"`
	ContainerID string `json:"containerID,omitempty"`
}

type (
	podStatusFields       PodStatus
	containerStatusFields ContainerStatus
)

// MarshalJSON encodes the modelled fields, then the unknown members.
func (s PodStatus) MarshalJSON() ([]byte, error) {
	return metav1.MarshalWithUnknown(podStatusFields(s), s.Unknown)
}

// UnmarshalJSON decodes the modelled fields and keeps every other member.
func (s *PodStatus) UnmarshalJSON(b []byte) error {
	var f podStatusFields
	u, err := metav1.UnmarshalWithUnknown(b, &f)
	if err != nil {
		return err
	}
	f.Unknown = u
	*s = PodStatus(f)
	return nil
}

// MarshalJSON encodes the modelled fields, then the unknown members.
func (s ContainerStatus) MarshalJSON() ([]byte, error) {
	return metav1.MarshalWithUnknown(containerStatusFields(s), s.Unknown)
}

// UnmarshalJSON decodes the modelled fields and keeps every other member.
func (s *ContainerStatus) UnmarshalJSON(b []byte) error {
	var f containerStatusFields
	u, err := metav1.UnmarshalWithUnknown(b, &f)
	if err != nil {
		return err
	}
	f.Unknown = u
	*s = ContainerStatus(f)
	return nil
}

// DeepCopy returns an independent copy of p.
func (p *Pod) DeepCopy() *Pod {
	if p == nil {
		return nil
	}
	return &Pod{
		TypeMeta:   p.TypeMeta,
		ObjectMeta: *p.ObjectMeta.DeepCopy(),
		Spec:       *p.Spec.DeepCopy(),
		Status:     *p.Status.DeepCopy(),
	}
}

// DeepCopy returns an independent copy of s.
func (s *PodStatus) DeepCopy() *PodStatus {
	out := *s
	out.Conditions = slices.Clone(s.Conditions)
	out.InitContainerStatuses = copyContainerStatuses(s.InitContainerStatuses)
	out.ContainerStatuses = copyContainerStatuses(s.ContainerStatuses)
	out.Unknown = s.Unknown.DeepCopy()
	return &out
}

func copyContainerStatuses(in []ContainerStatus) []ContainerStatus {
	if in == nil {
		return nil
	}
	out := make([]ContainerStatus, len(in))
	for i, cs := range in {
		cs.State = cs.State.deepCopy()
		cs.LastTerminationState = cs.LastTerminationState.deepCopy()
		cs.Started = clonePtr(cs.Started)
		cs.Unknown = cs.Unknown.DeepCopy()
		out[i] = cs
	}
	return out
}

func (s ContainerState) deepCopy() ContainerState {
	return ContainerState{
		Waiting:    clonePtr(s.Waiting),
		Running:    clonePtr(s.Running),
		Terminated: clonePtr(s.Terminated),
	}
}

// Condition returns the first pod condition of type t, or nil.
func (s *PodStatus) Condition(t string) *PodCondition {
	for i := range s.Conditions {
		if s.Conditions[i].Type == t {
			return &s.Conditions[i]
		}
	}
	return nil
}
