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
package job
