package jobtest

import (
	"time"

	"github.com/jobkit/jobkit/job"
)

// Scenario is a parsed scenario file (SCENARIOS.md). Times are absolute
// (offsets already added to Start) and pod names in
// uncountedTerminatedPods are already UIDs, except in the partial
// expectations (Defaulted, Expect.Status, Expect.Pods), which keep the
// file's pod names and hold times as RFC 3339 strings.
type Scenario struct {
	// Name identifies the scenario in results (a file path).
	Name        string
	Description string
	// Start is the instant every offset is relative to.
	Start time.Time
	// Job is the Job as the user submits it.
	Job *job.Job
	// Backoff, when non-nil, is the controller memory at start.
	Backoff *job.BackoffRecord
	// Warnings, when non-nil, are exactly the create warnings expected.
	Warnings []string
	// Invalid, when non-nil, are errors create validation must report (at
	// least these); the scenario then has no steps.
	Invalid []ExpectedError
	// Defaulted, when non-nil, is a partial Job the created Job must match
	// (a tree of map[string]any, []any and scalars).
	Defaulted any
	// Pods exist at start (count: already expanded).
	Pods []PodChange
	// Steps in non-decreasing order of At.
	Steps []ScenarioStep
}

// ExpectedError is one entry of an `invalid` list.
type ExpectedError struct {
	// Field is the rendered path ("spec.completions").
	Field string
	// Type is the API server's text of the error type ("Invalid value").
	Type string
	// Detail, when non-empty, must equal the error's detail.
	Detail string
}

// ScenarioStep is one entry of `steps`.
type ScenarioStep struct {
	// At is the offset from Start.
	At time.Duration
	// Line is the line of the step in the file.
	Line int
	// JobPatch, when non-nil, is a JSON merge patch of the Job (a user
	// update).
	JobPatch []byte
	// StatusPatch, when non-nil, is a JSON merge patch of the Job's status.
	StatusPatch []byte
	// DeleteJob gives the Job a deletionTimestamp.
	DeleteJob bool
	// Invalid, when non-nil, are errors the update (JobPatch, else
	// StatusPatch) must be rejected with (at least these).
	Invalid []ExpectedError
	// Pods are the pod changes, in order (count: already expanded).
	Pods []PodChange
	// Expect, when non-nil, describes the world once settled.
	Expect *Expect
}

// Expect is a step's `expect`. A nil field is not checked.
type Expect struct {
	// Created, Deleted and FinalizersRemoved are compared as sets.
	Created, Deleted, FinalizersRemoved []string
	// CreatedIndexes is an index list ("0,2-4"; "" for none), compared
	// as a set; nil: not checked.
	CreatedIndexes *string
	// Pods are partial pods by name, in file order; a nil Partial means
	// the pod must not be in the store.
	Pods []ExpectedPod
	// TTLExpiresAt is checked when HasTTL; nil means no expiry.
	HasTTL       bool
	TTLExpiresAt *time.Duration
	// RequeueAfter is checked when HasRequeue; nil means "none".
	HasRequeue   bool
	RequeueAfter *time.Duration
	// Status, when non-nil, is a partial JobStatus.
	Status any
	// Events, when non-nil, are the exact reasons, in order.
	Events []string
}

// ExpectedPod is one entry of `expect.pods`.
type ExpectedPod struct {
	Name    string
	Partial any
}
