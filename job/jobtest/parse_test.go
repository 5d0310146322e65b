package jobtest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job/jobtest"
)

const okJob = `job:
  metadata: {name: pi}
  spec:
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
`

// TestParseErrors pins the error of each kind of format break: the line
// and the key must be named.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string // substring of the error
	}{
		{"unknown top-level key", okJob + "stepz: []\n", `line 8: stepz: unknown key "stepz"`},
		{"missing job", "steps: []\n", "job: required key missing"},
		{"unknown step key", okJob + "steps:\n  - at: 0s\n    expct: {}\n", `line 10: steps[0].expct: unknown key "expct"`},
		{"unknown expect key", okJob + "steps:\n  - at: 0s\n    expect:\n      creatd: []\n", `line 11: steps[0].expect.creatd: unknown key`},
		{"unknown pod change key", okJob + "pods:\n  - {name: a, phaze: Running}\n", `line 9: pods[0].phaze: unknown key`},
		{"duplicate key", okJob + "steps:\n  - at: 0s\n    at: 1s\n", `line 10: steps[0].at: duplicate key`},
		{"missing at", okJob + "steps:\n  - expect: {}\n", `line 9: steps[0].at: required key missing`},
		{"bad duration", okJob + "steps:\n  - at: 10\n", `line 9: steps[0].at: want a Go duration`},
		{"steps out of order", okJob + "steps:\n  - at: 10s\n  - at: 5s\n", `line 10: steps[1].at: steps must be in non-decreasing order`},
		{"bad phase", okJob + "pods:\n  - {name: a, phase: Done}\n", `line 9: pods[0].phase: unknown phase "Done"`},
		{"pod without name", okJob + "pods:\n  - {phase: Running}\n", `line 9: pods[0].name: required key missing`},
		{"bad count", okJob + "pods:\n  - {name: a, count: many}\n", `line 9: pods[0].count: want an integer`},
		{"bad backoff key", okJob + "backoff: {failure: 1}\n", `line 8: backoff.failure: unknown key`},
		{"invalid with steps", okJob + "invalid:\n  - {field: spec, type: Invalid value}\nsteps: []\n", `line 10: steps: a scenario whose Job is invalid has no steps`},
		{"invalid without update", okJob + "steps:\n  - at: 0s\n    invalid: [{field: spec, type: Forbidden}]\n", `line 10: steps[0].invalid: invalid needs the step's job or statusUpdate`},
		{"unknown error type", okJob + "invalid:\n  - {field: spec, type: Bad}\n", `line 9: invalid[0].type: unknown error type "Bad"`},
		{"unknown job field", "job:\n  metadata: {name: pi}\n  spec:\n    completion: 3\n", `line 4: job.spec.completion: strict decoding error: unknown field "spec.completion"`},
		{"bad job time", "job:\n  metadata: {name: pi}\n  status:\n    startTime: soon\n", `line 4: job.status.startTime: want a time offset`},
		{"unknown status field in expect", okJob + "steps:\n  - at: 0s\n    expect:\n      status: {actve: 1}\n", `line 11: steps[0].expect.status.actve: strict decoding error: unknown field "actve"`},
		{"unknown field in job patch", okJob + "steps:\n  - at: 0s\n    job: {spec: {suspnd: true}}\n", `line 10: steps[0].job.spec.suspnd: strict decoding error: unknown field "spec.suspnd"`},
		{"bad requeueAfter", okJob + "steps:\n  - at: 0s\n    expect: {requeueAfter: never}\n", `line 10: steps[0].expect.requeueAfter: want a Go duration`},
		{"bad createdIndexes", okJob + "steps:\n  - at: 0s\n    expect: {createdIndexes: \"2-1\"}\n", `line 10: steps[0].expect.createdIndexes: want an index list`},
		{"not a mapping", "- a\n", "want a mapping"},
		{"bad yaml", "job: [\n", "line 1: invalid YAML: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := jobtest.Parse("x.yaml", []byte(tc.file))
			if err == nil {
				t.Fatalf("Parse accepted the file, want an error containing %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q, want it to contain %q", err, tc.want)
			}
			var pe *jobtest.ParseError
			if !errors.As(err, &pe) || pe.Line == 0 {
				t.Errorf("error %q (%T) is not a *ParseError with a line", err, err)
			}
		})
	}
}

// TestParseValues checks the conversions the parser makes.
func TestParseValues(t *testing.T) {
	file := okJob[:len("job:\n")] + `  metadata: {name: pi}
  spec:
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
  status:
    startTime: -10m
    uncountedTerminatedPods: {failed: [pi-3]}
start: 2030-05-01T10:00:00Z
backoff: {failures: 2, lastFailure: -5s}
pods:
  - {name: w, count: 3, phase: Running, createdAt: -1h}
steps:
  - at: 0s
  - at: 1m30s
    statusUpdate: {uncountedTerminatedPods: {succeeded: [pi-9]}}
    expect: {requeueAfter: none, ttlExpiresAt: null, createdIndexes: "0,2-4"}
`
	sc, err := jobtest.Parse("x.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	start := sc.Start
	if got := start.Format("2006-01-02T15:04:05Z07:00"); got != "2030-05-01T10:00:00Z" {
		t.Errorf("start = %s", got)
	}
	if got := sc.Job.Status.StartTime.Sub(start); got.String() != "-10m0s" {
		t.Errorf("job.status.startTime offset = %s, want -10m", got)
	}
	if got := sc.Job.Status.UncountedTerminatedPods.Failed; len(got) != 1 || got[0] != "uid-pi-3" {
		t.Errorf("uncounted failed = %q, want [uid-pi-3]", got)
	}
	if sc.Backoff == nil || sc.Backoff.FailuresAfterLastSuccess != 2 || sc.Backoff.LastFailureTime.Sub(start).String() != "-5s" {
		t.Errorf("backoff = %+v", sc.Backoff)
	}
	if len(sc.Pods) != 3 || sc.Pods[0].Name != "w-0" || sc.Pods[2].Name != "w-2" || sc.Pods[1].CreatedAt.Sub(start).String() != "-1h0m0s" {
		t.Errorf("pods = %+v", sc.Pods)
	}
	st := sc.Steps[1]
	if st.At.String() != "1m30s" {
		t.Errorf("at = %s", st.At)
	}
	if !strings.Contains(string(st.StatusPatch), `"uid-pi-9"`) {
		t.Errorf("status patch %s does not name uid-pi-9", st.StatusPatch)
	}
	e := st.Expect
	if !e.HasRequeue || e.RequeueAfter != nil || !e.HasTTL || e.TTLExpiresAt != nil || *e.CreatedIndexes != "0,2-4" {
		t.Errorf("expect = %+v", e)
	}
	if sc.Steps[0].Expect != nil {
		t.Errorf("step without expect has %+v", sc.Steps[0].Expect)
	}
}

// FuzzParse checks that Parse never panics and that every error it
// returns is a non-empty *ParseError.
func FuzzParse(f *testing.F) {
	f.Add([]byte(okJob + "steps:\n  - at: 0s\n    expect: {created: [pi-0]}\n"))
	f.Add([]byte(okJob + "pods:\n  - {name: a, count: 2, phase: Failed, exitCode: 3}\n"))
	f.Add([]byte("job: &a {metadata: *a}\n"))
	f.Add([]byte("job:\n  status: {conditions: [{type: Complete, lastTransitionTime: 5s}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := jobtest.Parse("fuzz.yaml", data)
		if err != nil {
			var pe *jobtest.ParseError
			if err.Error() == "" || !errors.As(err, &pe) {
				t.Fatalf("error %q (%T) is not a non-empty *ParseError", err, err)
			}
			return
		}
		if sc.Job == nil {
			t.Fatal("parsed scenario without a job")
		}
	})
}

// FuzzRunScenario checks that running any file that parses never panics
// (in the world or in the controller) and ends in a Result.
func FuzzRunScenario(f *testing.F) {
	f.Add([]byte(okJob + "steps:\n  - at: 0s\n    expect: {created: [pi-0]}\n  - at: 10s\n    pods: [{name: pi-0, phase: Failed, exitCode: 2}]\n"))
	f.Add([]byte(okJob + "pods:\n  - {name: a, count: 3, phase: Succeeded, deleted: true}\nsteps:\n  - at: 0s\n    deleteJob: true\n"))
	f.Add([]byte(okJob + "steps:\n  - at: 0s\n    job: {spec: {suspend: true}}\n  - at: 1s\n    statusUpdate: {active: 3}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := jobtest.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		if len(sc.Pods) > 50 {
			return // keep each run small
		}
		r := jobtest.RunScenario(sc, nil)
		if !r.Passed() && r.Err.Error() == "" {
			t.Fatal("failure without a reason")
		}
	})
}
