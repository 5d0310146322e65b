// Package corev1 is jobkit's model of the Kubernetes core/v1 types a
// batch/v1 Job or CronJob holds: PodTemplateSpec, PodSpec, Container,
// EphemeralContainer, every volume source, affinity, tolerations, topology
// spread constraints, security contexts, probes, lifecycle hooks, resource
// requirements and claims, DNS configuration, ... (v1.37.2).
//
// The types are generated (zz_generated_*.go, by ./internal/gen) from the
// published OpenAPI v3 document of Kubernetes v1.37.2. Type names, field
// names, json tags and pointer-ness are those of k8s.io/api/core/v1 v0.37.2
// (proved by the reflection test of module job/kube), so JSON encodes to the
// same members and values and code reads like code written against
// k8s.io/api: corev1.PodSpec.Containers, corev1.Container.Ports,
// corev1.Probe.ProbeHandler.HTTPGet, corev1.ResourceList. Members are
// declared in ascending JSON name order (k8s.io/api's declaration order is
// not in the schema), so the encoded member order differs from the API
// server's; the documents are equal as JSON values.
//
// Forward compatibility: every struct but the four that k8s.io/api only
// embeds (VolumeSource, ProbeHandler, EphemeralContainerCommon,
// LocalObjectReference) keeps the members it does not model in Unknown, so a
// member newer than v1.37.2 survives decoding and encoding; package
// job/manifest reports such members as unknown fields.
//
// Every type has DeepCopy and DeepCopyInto. Quantities are
// resource.Quantity values, ports and similar fields intstr.IntOrString.
package corev1

//go:generate go run ./internal/gen
