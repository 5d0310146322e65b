package corev1

import "slices"

// ContainerRestartPolicyAlways on an init container makes it a restartable
// init container (a sidecar).
const ContainerRestartPolicyAlways ContainerRestartPolicy = "Always"

// Pod restart policies (PodSpec.RestartPolicy).
const (
	RestartPolicyAlways    RestartPolicy = "Always"
	RestartPolicyOnFailure RestartPolicy = "OnFailure"
	RestartPolicyNever     RestartPolicy = "Never"
)

// IsSidecar reports whether c, an init container, is restartable
// (restartPolicy Always).
func (c *Container) IsSidecar() bool {
	return c.RestartPolicy != nil && *c.RestartPolicy == ContainerRestartPolicyAlways
}

// HasEnv reports whether c defines an environment variable named name.
func (c *Container) HasEnv(name string) bool {
	return slices.ContainsFunc(c.Env, func(e EnvVar) bool { return e.Name == name })
}
