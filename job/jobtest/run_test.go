package jobtest_test

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job/jobtest"
)

const lifecycle = `job:
  metadata: {name: pi}
  spec:
    parallelism: 1
    completions: 1
    ttlSecondsAfterFinished: 60
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
steps:
  - at: 0s
    expect: {created: [pi-0], events: [SuccessfulCreate], requeueAfter: none}
  - at: 30s
    pods: [{name: pi-0, phase: Succeeded}]
    expect:
      EXPECT
`

// checkRun parses and runs file: with want "" it must pass, otherwise fail
// with an error containing want.
func checkRun(t *testing.T, file, want string) {
	t.Helper()
	sc, err := jobtest.Parse("t.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	r := jobtest.RunScenario(sc, nil)
	switch {
	case want == "" && !r.Passed():
		t.Errorf("failed: %v", r.Err)
	case want != "" && r.Passed():
		t.Errorf("passed, want a failure containing %q", want)
	case want != "" && !strings.Contains(r.Err.Error(), want):
		t.Errorf("error %q, want it to contain %q", r.Err, want)
	}
}

// TestRunDetectsMismatches checks that a wrong expectation of each kind
// fails the scenario with a message naming the key, and that the right one
// passes.
func TestRunDetectsMismatches(t *testing.T) {
	tests := []struct {
		name, expect, want string // want: "" = pass
	}{
		{"all right", `{created: [], deleted: [], finalizersRemoved: [pi-0], events: [Completed], ttlExpiresAt: 90s, requeueAfter: none, status: {succeeded: 1, completionTime: 30s, active: 0, ready: 0}, pods: {pi-0: {status: {phase: Succeeded}}, pi-1: null}}`, ""},
		{"created", `{created: [pi-1]}`, `created: want ["pi-1"], got []`},
		{"createdIndexes", `{createdIndexes: "0"}`, `createdIndexes: want "0", got ""`},
		{"deleted", `{deleted: [pi-0]}`, `deleted: want ["pi-0"], got []`},
		{"finalizersRemoved", `{finalizersRemoved: []}`, `finalizersRemoved: want [], got ["pi-0"]`},
		{"events", `{events: [SuccessfulCreate, Completed]}`, `events: want ["SuccessfulCreate" "Completed"], got ["Completed"]`},
		{"ttlExpiresAt", `{ttlExpiresAt: 60s}`, `ttlExpiresAt: want 1m0s, got 1m30s`},
		{"ttlExpiresAt null", `{ttlExpiresAt: null}`, `ttlExpiresAt: want null, got 1m30s`},
		{"requeueAfter", `{requeueAfter: 5s}`, `requeueAfter: want 5s, got none`},
		{"status counter", `{status: {succeeded: 2}}`, `status.succeeded: want 2, got 1`},
		{"status time", `{status: {completionTime: 0s}}`, `status.completionTime: want 0s, got 30s`},
		{"status null", `{status: {ready: null}}`, `status.ready: want <absent>, got 0`},
		{"status conditions length", `{status: {conditions: [{type: Complete}]}}`, `status.conditions: want [{"type":"Complete"}]`},
		{"status condition entry", `{status: {conditions: [{type: SuccessCriteriaMet}, {type: Failed}]}}`, `status.conditions[1].type: want "Failed", got "Complete"`},
		{"pod field", `{pods: {pi-0: {status: {phase: Failed}}}}`, `pods.pi-0.status.phase: want "Failed", got "Succeeded"`},
		{"pod absent", `{pods: {pi-0: null}}`, `pods.pi-0: want no such pod, got one`},
		{"pod missing", `{pods: {pi-9: {status: {phase: Running}}}}`, `pods.pi-9: no such pod in the store`},
		{"several keys", `{created: [x], deleted: [y]}`, `step 1 (at 30s, line 14): created: want ["x"], got []; deleted: want ["y"], got []`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkRun(t, strings.Replace(lifecycle, "EXPECT", tc.expect, 1), tc.want)
		})
	}
}

// TestRunCreatedIndexesAsSet checks that createdIndexes compares index
// sets, not texts: "0-1" and "0,1" name the same indexes.
func TestRunCreatedIndexesAsSet(t *testing.T) {
	const file = `job:
  metadata: {name: pi}
  spec:
    completionMode: Indexed
    parallelism: 2
    completions: 2
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
steps:
  - at: 0s
    expect: {createdIndexes: CREATED}
`
	for _, tc := range []struct{ created, want string }{
		{`"0-1"`, ""}, {`"0,1"`, ""},
		{`"0"`, `createdIndexes: want "0", got "0,1"`}, {`""`, `createdIndexes: want "", got "0,1"`},
	} {
		t.Run(tc.created, func(t *testing.T) { checkRun(t, strings.Replace(file, "CREATED", tc.created, 1), tc.want) })
	}
}

// TestRunCreateChecks covers the create-time keys: defaulted, warnings,
// invalid.
func TestRunCreateChecks(t *testing.T) {
	base := strings.Split(lifecycle, "steps:")[0]
	tests := []struct {
		name, extra, want string
	}{
		{"defaulted right", "defaulted: {spec: {backoffLimit: 6, completionMode: NonIndexed}}\n", ""},
		{"defaulted wrong", "defaulted: {spec: {backoffLimit: 7}}\n", "defaulted: spec.backoffLimit: want 7, got 6"},
		{"warnings right", "warnings: []\n", ""},
		{"warnings wrong", "warnings: [something]\n", `warnings: want ["something"], got []`},
		{"invalid but valid", "invalid: [{field: spec.completions, type: Invalid value}]\n", "invalid: create validation accepted the Job"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkRun(t, base+tc.extra, tc.want) })
	}
	bad := strings.Replace(base, "completions: 1", "completions: -1", 1)
	for _, tc := range []struct{ extra, want string }{
		{"invalid: [{field: spec.completions, type: Invalid value, detail: must be greater than or equal to 0}]\n", ""},
		{"invalid: [{field: spec.completions, type: Required value}]\n", "invalid: missing [spec.completions: Required value]; got spec.completions: Invalid value: -1"},
		{"invalid: [{field: spec.completions, type: Invalid value, detail: nope}]\n", "invalid: missing [spec.completions: Invalid value: nope]"},
		{"", "create validation rejected the Job: spec.completions: Invalid value: -1"},
	} {
		t.Run("invalid Job with "+tc.extra, func(t *testing.T) { checkRun(t, bad+tc.extra, tc.want) })
	}
}

// TestRunUpdates covers invalid on job updates and status updates.
func TestRunUpdates(t *testing.T) {
	base := strings.Split(lifecycle, "steps:")[0] + "steps:\n  - at: 0s\n"
	tests := []struct {
		name, step, want string
	}{
		{"valid update", "    job: {spec: {parallelism: 2}}\n    expect: {created: [pi-0]}\n", ""},
		{"rejected update", "    job: {spec: {completions: 2}}\n", "job: update rejected: spec.completions: Invalid value: 2: field is immutable"},
		{"expected rejection", "    job: {spec: {completions: 2}}\n    invalid: [{field: spec.completions, type: Invalid value}]\n", ""},
		{"expected rejection accepted", "    job: {spec: {parallelism: 2}}\n    invalid: [{field: spec.parallelism, type: Invalid value}]\n", "job: update accepted, want it rejected with [spec.parallelism: Invalid value]"},
		{"status update rejected", "    statusUpdate: {ready: 3}\n", "statusUpdate: update rejected: status.ready: Invalid value: 3: cannot set more ready pods than active"},
		{"status update expected rejection", "    statusUpdate: {ready: 3}\n    invalid: [{field: status.ready, type: Invalid value}]\n", ""},
		{"invalid belongs to job", "    job: {spec: {parallelism: 2}}\n    statusUpdate: {ready: 3}\n    invalid: [{field: status.ready, type: Invalid value}]\n", "job: update accepted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkRun(t, base+tc.step, tc.want) })
	}
}
