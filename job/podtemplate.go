package job

import "github.com/jobkit/jobkit/job/corev1"

// The pod template is the core/v1 model of package corev1 (every field of
// Kubernetes v1.37.2); these aliases keep the names package job has always
// had.
type (
	// PodTemplateSpec is a Job's spec.template.
	PodTemplateSpec = corev1.PodTemplateSpec
	// PodSpec is a pod template's (and a pod's) spec.
	PodSpec = corev1.PodSpec
	// Container is a container of a pod spec.
	Container = corev1.Container
	// EnvVar is a container's environment variable.
	EnvVar = corev1.EnvVar
	// EnvVarSource is the valueFrom of an EnvVar.
	EnvVarSource = corev1.EnvVarSource
	// ObjectFieldSelector is the fieldRef of an EnvVarSource.
	ObjectFieldSelector = corev1.ObjectFieldSelector
	// RestartPolicy is a pod's spec.restartPolicy.
	RestartPolicy = corev1.RestartPolicy
	// ContainerRestartPolicy is a container's restartPolicy; "Always" on an
	// init container makes it a sidecar.
	ContainerRestartPolicy = corev1.ContainerRestartPolicy
)

// Pod restart policies.
const (
	RestartPolicyAlways    = corev1.RestartPolicyAlways
	RestartPolicyOnFailure = corev1.RestartPolicyOnFailure
	RestartPolicyNever     = corev1.RestartPolicyNever
)

// ContainerRestartPolicyAlways marks a restartable init container (sidecar).
const ContainerRestartPolicyAlways = corev1.ContainerRestartPolicyAlways
