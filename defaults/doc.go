// Package defaults reproduces what the Kubernetes 1.37 API server does to a
// batch/v1 Job before validating it. [Create] is the whole create request
// in the API server's order (defaulting, namespace, system fields, name
// generation, the create strategy, validation, warnings); it is built from
// separate steps a caller can also pick:
//
//  1. [Job]: the defaulter (SetDefaults_Job, the onPodConditions status
//     default, and the pod restartPolicy default);
//  2. [GenerateSelector]: the create-time selector and the four labels
//     derived from metadata.uid and metadata.name (skipped with
//     manualSelector: true);
//  3. [PrepareForCreate]: the rest of the create strategy (status cleared,
//     generation 1, spec.scheduling dropped).
//
// For updates, [PrepareForUpdate] (the Job resource: status kept from the
// stored object, generation bumped when the spec changed) and
// [PrepareForStatusUpdate] (the /status subresource: spec kept from the
// stored object) do what the API server does between decoding the request
// and validating it.
//
// Every function returns a new Job and never mutates its argument. Nothing
// here reads a clock or draws random numbers: metadata.uid,
// creationTimestamp and the random source of a name generated from
// generateName are the caller's to supply ([CreateOptions]).
package defaults
