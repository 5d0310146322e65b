// Package job holds the batch/v1 Job API types and the Job controller as a
// pure, deterministic state machine.
//
// The types (Job, JobSpec, JobStatus, Pod, ...) are wire-compatible with
// batch/v1 and core/v1: JSON member names, omitempty rules, enum strings and
// time format (RFC 3339, UTC, seconds) are those of Kubernetes. Members of the
// pod template and pod that jobkit does not model are kept verbatim (see
// Unknown), so a decode/encode round trip is lossless.
//
// Step is the controller: the Job as last written, the pods observed now, the
// current instant and the controller's memory go in; the status to write, the
// actions to carry out (in order), the events, the requeue time and the new
// memory come out. Step never reads a clock, never calls out and never
// mutates its inputs.
//
// # Executing an Output
//
// An executor (the part of an embedding controller that talks to the API
// server) carries out Output.Actions in order and passes Output.Memory to
// the next Step, after Memory.Forget of every action it did not carry out
// (failed, skipped, or left after a stop). Actions between two WriteStatus
// actions are independent and may run concurrently, as upstream runs them
// (creations in batches, deletions and finalizer patches in parallel). A
// WriteStatus is a barrier: it must be persisted before any later action
// starts. Per action:
//
//   - AdoptPod, ReleasePod: patch the owner reference (and the tracking
//     finalizer). A conflict or NotFound is not an error to report: the
//     next Step decides again from the pods. No Forget is needed.
//   - CreatePod: create the pod (generateName). On failure, Forget it. Like
//     upstream's slow start, an executor may stop creating after a failure;
//     it then forgets the creations it skipped. A forgotten creation is
//     retried by a later Step; one that is neither observed nor forgotten
//     holds the Job's pod management back until ExpectationsTimeout.
//   - DeletePod: with RemoveFinalizerFirst, first patch the tracking
//     finalizer away; if that fails, do not delete and Forget the action.
//     Then delete; NotFound counts as done. If only the delete fails, Forget
//     the action with RemoveFinalizerFirst cleared (the removal did happen).
//   - RemoveFinalizer: patch the tracking finalizer away; a pod that is gone
//     or already without it counts as done. Never start it before the
//     WriteStatus before it was persisted: that write lists the pod in
//     status.uncountedTerminatedPods (or completedIndexes), and a pod whose
//     finalizer goes before it is counted nowhere. On failure Forget it and
//     carry out no later WriteStatus of this Output (it would move the pod's
//     UID to the counters while the pod keeps its finalizer, and the pod
//     would be counted again); other removals may go on. Run Step again: it
//     writes the partial progress, as upstream does after a failed removal.
//   - WriteStatus: update the status subresource with in.Job's
//     resourceVersion, so that a write based on a stale Job fails with a
//     conflict. On any failure (conflict included) stop: carry out no later
//     action, Forget them all, and keep the Backoff of the Memory passed to
//     this Step when this was the Output's first WriteStatus (the backoff
//     record is persisted with the first status write). Then run Step again
//     on the current Job.
//
// A crash (the executor's process dies at any point) loses the Memory. The
// restarted controller starts from the zero Memory on its informer's first
// full list and the Job as persisted: a status written before the crash is
// honoured (listed UIDs whose pods lost the finalizer move to the counters,
// those whose pods still carry it get their finalizer removed again), pods
// created before the crash are seen, and no pod is counted twice or lost,
// provided the order above was kept. Only the pod-failure backoff of pods
// already cleaned up is forgotten (as upstream forgets it on restart).
//
// The pods passed to Step may lag behind what the executor did (informer
// lag): with the Memory carried over, Step neither creates a pod twice
// while its creation is pending, nor deletes again, nor counts or patches
// again a pod whose finalizer removal is pending (see Expectations). The
// pods passed must never be older than those passed to an earlier Step
// with the same Memory.
package job
