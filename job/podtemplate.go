package job

import (
	"slices"

	"github.com/jobkit/jobkit/job/metav1"
)

// RestartPolicy is a pod's spec.restartPolicy.
type RestartPolicy string

const (
	RestartPolicyAlways    RestartPolicy = "Always"
	RestartPolicyOnFailure RestartPolicy = "OnFailure"
	RestartPolicyNever     RestartPolicy = "Never"
)

// ContainerRestartPolicy is a container's restartPolicy; "Always" on an init
// container makes it a sidecar.
type ContainerRestartPolicy string

// ContainerRestartPolicyAlways marks a restartable init container (sidecar).
const ContainerRestartPolicyAlways ContainerRestartPolicy = "Always"

// PodTemplateSpec is a Job's spec.template.
type PodTemplateSpec struct {
	ObjectMeta `json:"metadata,omitzero"`
	Spec       PodSpec `json:"spec,omitzero"`
}

// PodSpec models the fields of core/v1 PodSpec that Job semantics read or
// write. Every other member (volumes, affinity, tolerations, ...) is kept
// verbatim in Unknown.
type PodSpec struct {
	InitContainers []Container   `json:"initContainers,omitempty"`
	Containers     []Container   `json:"containers,omitempty"`
	RestartPolicy  RestartPolicy `json:"restartPolicy,omitempty"`
	NodeName       string        `json:"nodeName,omitempty"`
	Hostname       string        `json:"hostname,omitempty"`
	Subdomain      string        `json:"subdomain,omitempty"`
	Unknown        Unknown       `json:"-"`
}

// Container models the container fields Job semantics need; the rest
// (resources, probes, ports, volumeMounts, ...) is kept in Unknown.
type Container struct {
	Name  string `json:"name"`
	Image string `json:"image,omitempty"`
	// RestartPolicy is only valid on init containers ("Always": sidecar).
	RestartPolicy *ContainerRestartPolicy `json:"restartPolicy,omitempty"`
	Env           []EnvVar                `json:"env,omitempty"`
	Unknown       Unknown                 `json:"-"`
}

// EnvVar is core/v1 EnvVar.
type EnvVar struct {
	Name      string        `json:"name"`
	Value     string        `json:"value,omitempty"`
	ValueFrom *EnvVarSource `json:"valueFrom,omitempty"`
}

// EnvVarSource models fieldRef; other sources (secretKeyRef, ...) are kept in
// Unknown.
type EnvVarSource struct {
	FieldRef *ObjectFieldSelector `json:"fieldRef,omitempty"`
	Unknown  Unknown              `json:"-"`
}

// ObjectFieldSelector is core/v1 ObjectFieldSelector.
type ObjectFieldSelector struct {
	APIVersion string `json:"apiVersion,omitempty"`
	FieldPath  string `json:"fieldPath"`
}

type (
	podSpecFields      PodSpec
	containerFields    Container
	envVarSourceFields EnvVarSource
)

// MarshalJSON encodes the modelled fields, then the unknown members.
func (s PodSpec) MarshalJSON() ([]byte, error) {
	return metav1.MarshalWithUnknown(podSpecFields(s), s.Unknown)
}

// UnmarshalJSON decodes the modelled fields and keeps every other member.
func (s *PodSpec) UnmarshalJSON(b []byte) error {
	var f podSpecFields
	u, err := metav1.UnmarshalWithUnknown(b, &f)
	if err != nil {
		return err
	}
	f.Unknown = u
	*s = PodSpec(f)
	return nil
}

// MarshalJSON encodes the modelled fields, then the unknown members.
func (c Container) MarshalJSON() ([]byte, error) {
	return metav1.MarshalWithUnknown(containerFields(c), c.Unknown)
}

// UnmarshalJSON decodes the modelled fields and keeps every other member.
func (c *Container) UnmarshalJSON(b []byte) error {
	var f containerFields
	u, err := metav1.UnmarshalWithUnknown(b, &f)
	if err != nil {
		return err
	}
	f.Unknown = u
	*c = Container(f)
	return nil
}

// MarshalJSON encodes the modelled fields, then the unknown members.
func (e EnvVarSource) MarshalJSON() ([]byte, error) {
	return metav1.MarshalWithUnknown(envVarSourceFields(e), e.Unknown)
}

// UnmarshalJSON decodes the modelled fields and keeps every other member.
func (e *EnvVarSource) UnmarshalJSON(b []byte) error {
	var f envVarSourceFields
	u, err := metav1.UnmarshalWithUnknown(b, &f)
	if err != nil {
		return err
	}
	f.Unknown = u
	*e = EnvVarSource(f)
	return nil
}

// DeepCopy returns an independent copy of t.
func (t *PodTemplateSpec) DeepCopy() *PodTemplateSpec {
	if t == nil {
		return nil
	}
	return &PodTemplateSpec{ObjectMeta: *t.ObjectMeta.DeepCopy(), Spec: *t.Spec.DeepCopy()}
}

// DeepCopy returns an independent copy of s.
func (s *PodSpec) DeepCopy() *PodSpec {
	if s == nil {
		return nil
	}
	out := *s
	out.InitContainers = copyContainers(s.InitContainers)
	out.Containers = copyContainers(s.Containers)
	out.Unknown = s.Unknown.DeepCopy()
	return &out
}

func copyContainers(cs []Container) []Container {
	if cs == nil {
		return nil
	}
	out := make([]Container, len(cs))
	for i := range cs {
		out[i] = *cs[i].DeepCopy()
	}
	return out
}

// DeepCopy returns an independent copy of c.
func (c *Container) DeepCopy() *Container {
	if c == nil {
		return nil
	}
	out := *c
	out.RestartPolicy = clonePtr(c.RestartPolicy)
	if c.Env != nil {
		out.Env = make([]EnvVar, len(c.Env))
		for i, e := range c.Env {
			if e.ValueFrom != nil {
				vf := *e.ValueFrom
				vf.FieldRef = clonePtr(e.ValueFrom.FieldRef)
				vf.Unknown = e.ValueFrom.Unknown.DeepCopy()
				e.ValueFrom = &vf
			}
			out.Env[i] = e
		}
	}
	out.Unknown = c.Unknown.DeepCopy()
	return &out
}

// IsSidecar reports whether c, an init container, is restartable
// (restartPolicy Always).
func (c *Container) IsSidecar() bool {
	return c.RestartPolicy != nil && *c.RestartPolicy == ContainerRestartPolicyAlways
}

// HasEnv reports whether c defines an environment variable named name.
func (c *Container) HasEnv(name string) bool {
	return slices.ContainsFunc(c.Env, func(e EnvVar) bool { return e.Name == name })
}
