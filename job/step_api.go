package job

import (
	"fmt"
	"runtime"
	"time"
)

// Config holds the controller's limits and version-dependent switches. The
// zero value is not useful; start from DefaultConfig.
type Config struct {
	// MaxUncountedPods caps the uncounted terminated pods (new entries plus
	// those already listed) one sync accounts for. Default 500.
	MaxUncountedPods int
	// MaxPodCreateDeletePerSync caps pod creations and excess-pod deletions
	// in one sync. Default 500.
	MaxPodCreateDeletePerSync int
	// PodFailureBackoffBase is the delay after the first failure; it doubles
	// with each further consecutive failure. Default 10 s.
	PodFailureBackoffBase time.Duration
	// PodFailureBackoffMax caps the pod-failure delay. Default 600 s.
	PodFailureBackoffMax time.Duration
	// MinBackoffRequeue is the shortest requeue a backoff asks for
	// (upstream's SyncJobBatchPeriod). Default 1 s.
	MinBackoffRequeue time.Duration
	// ClearStartTimeOnSuspend clears status.startTime when a Job becomes
	// suspended (MutableSchedulingDirectivesForSuspendedJobs, on by default
	// since 1.36). Default true.
	ClearStartTimeOnSuspend bool
	// ControllerName is the spec.managedBy value this controller answers
	// to. Step syncs a Job whose spec.managedBy is unset or equal to it
	// (exact, case-sensitive comparison, as upstream compares with its
	// reserved name) and skips every other Job (SkipManagedByOther). Empty
	// means JobControllerName. Default JobControllerName.
	//
	// Like upstream, an unset spec.managedBy means "the built-in Job
	// controller": a controller embedding Step under its own name next to
	// a running kube-controller-manager should only pass Jobs that name it.
	ControllerName string
	// ScanWorkers is the number of goroutines Step may use to claim and
	// classify the observed pods when there are at least 2,048 of them (each
	// scans a contiguous part; the results are joined in input order, so
	// the output never depends on it). 0 or 1: the calling goroutine only.
	// Default: GOMAXPROCS, at most 4.
	ScanWorkers int
}

// DefaultConfig returns the Kubernetes 1.37 defaults.
func DefaultConfig() Config {
	return Config{
		MaxUncountedPods:          500,
		MaxPodCreateDeletePerSync: 500,
		PodFailureBackoffBase:     10 * time.Second,
		PodFailureBackoffMax:      600 * time.Second,
		MinBackoffRequeue:         time.Second,
		ClearStartTimeOnSuspend:   true,
		ControllerName:            JobControllerName,
		ScanWorkers:               min(runtime.GOMAXPROCS(0), 4),
	}
}

// manages reports whether a Job with the given spec.managedBy is this
// controller's to sync: unset, or equal to ControllerName (empty:
// JobControllerName).
func (c *Config) manages(managedBy *string) bool {
	if managedBy == nil {
		return true
	}
	name := c.ControllerName
	if name == "" {
		name = JobControllerName
	}
	return *managedBy == name
}

// BackoffRecord is the controller's in-memory record of consecutive pod
// failures of one Job, used for the pod-recreation backoff (controller.md
// §12). Upstream keeps it in memory only: a restarting controller starts from
// the zero record, which forgets failures whose pods were already cleaned up
// and so lets replacements be created at once.
type BackoffRecord struct {
	// FailuresAfterLastSuccess counts failed pods finished after the last
	// success.
	FailuresAfterLastSuccess int32
	// LastFailureTime is the finish time of the latest such failure (zero:
	// none).
	LastFailureTime time.Time
}

// Memory is what the controller keeps between syncs of one Job outside the
// API objects. Pass the Memory of the previous Output to the next Step,
// after Forget of the actions that were not carried out; the zero Memory is
// a freshly started controller. Dropping it (a controller restart, or a
// deleted Job, for which upstream drops its record) forgets the failures
// behind the pod-failure backoff, so replacements may be created sooner,
// and the pending expectations, so the next Step must see pods at least as
// fresh as every action carried out (an informer's first list after a
// restart is). Step returns the zero Memory for a finished Job. A Memory is
// a value: its slices are never modified, so copies may be kept.
type Memory struct {
	Backoff BackoffRecord
	// Expectations are the actions of earlier syncs the observed pods do
	// not show yet (see Expectations and Forget).
	Expectations Expectations
}

// Input is everything one sync reads.
type Input struct {
	// Job is the Job as last written (defaulted by the API server). Required.
	Job *Job
	// Pods are the pods observed now in the Job's namespace. Step keeps
	// those the Job controls (controller owner reference with the Job's UID)
	// and adopts orphans matching the selector; others are ignored. The
	// order of Pods does not affect the output.
	Pods []*Pod
	// Now is the current instant. Required (non-zero).
	Now time.Time
	// Memory is the controller memory from the previous Step.
	Memory Memory
	// Config, when nil, is DefaultConfig().
	Config *Config
}

// Output is the result of one sync. Carry out Actions in order (see the
// package doc for failures); Status, Events, RequeueAfter and Memory
// describe the state once all actions succeeded.
type Output struct {
	// Actions in execution order. A WriteStatus before RemoveFinalizer
	// actions must be persisted before those finalizers are removed
	// (two-phase accounting of uncountedTerminatedPods).
	Actions []Action
	// Status is the status the Job has after all actions, or nil when the
	// sync writes none. It equals (as an independent copy) the status of the
	// last WriteStatus action.
	Status *JobStatus
	// Events recorded by this sync, in order.
	Events []Event
	// RequeueAfter, when non-nil, asks to run Step again that long after
	// Input.Now (the soonest of the deadline timer and pod-failure backoff).
	RequeueAfter *time.Duration
	// Memory to pass to the next Step.
	Memory Memory
	// Skipped, when not SkipNone, says why the sync did not run (it then
	// does nothing but, for a finished Job, finalizer clean-up).
	Skipped SkipReason
}

// SkipReason says why Step did not run a sync. The zero value, SkipNone,
// means it did. The values and their String texts are stable.
type SkipReason int

const (
	// SkipNone: the sync ran.
	SkipNone SkipReason = iota
	// SkipManagedByOther: spec.managedBy names another controller than
	// Config.ControllerName; nothing at all is done.
	SkipManagedByOther
	// SkipFinished: the Job is Complete or Failed; only the tracking
	// finalizers still on its pods are removed.
	SkipFinished
	// SkipUnknownCompletionMode: spec.completionMode is neither NonIndexed
	// nor Indexed; only the UnknownCompletionMode warning is recorded.
	SkipUnknownCompletionMode
)

// String is "" for SkipNone, else "managed by another controller", "job
// finished" or "unknown completion mode".
func (r SkipReason) String() string {
	switch r {
	case SkipNone:
		return ""
	case SkipManagedByOther:
		return "managed by another controller"
	case SkipFinished:
		return "job finished"
	case SkipUnknownCompletionMode:
		return "unknown completion mode"
	}
	return fmt.Sprintf("SkipReason(%d)", int(r))
}

// Action is one effect of a sync: CreatePod, DeletePod, RemoveFinalizer,
// WriteStatus, AdoptPod or ReleasePod.
type Action interface {
	fmt.Stringer
	isAction()
}

// PodRef names a pod.
type PodRef struct {
	Namespace string
	Name      string
	UID       UID
}

// String is "namespace/name".
func (r PodRef) String() string { return r.Namespace + "/" + r.Name }

// Event is a Kubernetes event recorded on the Job.
type Event struct {
	// Type is "Normal" or "Warning".
	Type    string
	Reason  string
	Message string
}

// String is "Type Reason: Message".
func (e Event) String() string { return e.Type + " " + e.Reason + ": " + e.Message }
