package jobtest

import (
	"testing"

	"github.com/jobkit/jobkit/job"
)

func TestComparePartial(t *testing.T) {
	st := &job.JobStatus{
		Active:     0,
		Ready:      job.Ptr(int32(0)),
		Succeeded:  2,
		StartTime:  job.NewTimePtr(t0),
		Conditions: []job.JobCondition{{Type: job.JobComplete, Status: "True", Reason: "CompletionsReached"}},
		UncountedTerminatedPods: &job.UncountedTerminatedPods{
			Failed: []job.UID{"uid-b", "uid-a"},
		},
	}
	got := uncountedAsNames(actualTree(st), true)
	tests := []struct {
		name string
		want any
		ok   bool
	}{
		{"zero counter as 0", map[string]any{"active": int64(0)}, true},
		{"zero counter as null", map[string]any{"active": nil}, true},
		{"pointer zero is not null", map[string]any{"ready": nil}, false},
		{"pointer zero as 0", map[string]any{"ready": int64(0)}, true},
		{"absent pointer as null", map[string]any{"terminating": nil}, true},
		{"absent pointer is not 0", map[string]any{"terminating": int64(0)}, false},
		{"wrong count", map[string]any{"succeeded": int64(3)}, false},
		{"time", map[string]any{"startTime": "2026-01-01T00:00:00Z"}, true},
		{"empty string is absent", map[string]any{"completedIndexes": ""}, true},
		{"string vs number", map[string]any{"succeeded": "2"}, false},
		{"list partial entries", map[string]any{"conditions": []any{map[string]any{"type": "Complete"}}}, true},
		{"list length differs", map[string]any{"conditions": []any{}}, false},
		{"empty list vs absent", map[string]any{"completionTime": nil, "failedIndexes": nil}, true},
		{"uncounted as sorted names", map[string]any{"uncountedTerminatedPods": map[string]any{"failed": []any{"a", "b"}}}, true},
		{"uncounted in any order", map[string]any{"uncountedTerminatedPods": map[string]any{"failed": []any{"b", "a"}}}, true},
		{"uncounted missing list", map[string]any{"uncountedTerminatedPods": map[string]any{"succeeded": []any{}}}, true},
		{"map vs scalar", map[string]any{"active": map[string]any{"x": int64(1)}}, false},
	}
	for _, tc := range tests {
		ms := comparePartial("status", uncountedAsNames(tc.want, false), got)
		if (len(ms) == 0) != tc.ok {
			t.Errorf("%s: mismatches %v, want ok=%v", tc.name, ms, tc.ok)
		}
	}
}

func TestRender(t *testing.T) {
	if got := render("2026-01-01T00:01:30Z", t0); got != "1m30s" {
		t.Errorf("render time = %s", got)
	}
	if got := render(map[string]any{"t": "2026-01-01T00:00:10Z", "z": omitted{int64(0)}}, t0); got != `{"t":"10s"}` {
		t.Errorf("render map = %s", got)
	}
	if got := render(nil, t0); got != "<absent>" {
		t.Errorf("render nil = %s", got)
	}
}

// TestUncountedAsNamesKeepsItsInput checks that the expectation tree of a
// scenario is not modified by a run (a Scenario may be run again, or by
// several goroutines).
func TestUncountedAsNamesKeepsItsInput(t *testing.T) {
	want := map[string]any{"uncountedTerminatedPods": map[string]any{"failed": []any{"b", "a"}}}
	sorted := uncountedAsNames(want, false)
	if got := want["uncountedTerminatedPods"].(map[string]any)["failed"].([]any); got[0] != "b" {
		t.Errorf("input changed: %v", want)
	}
	if got := sorted.(map[string]any)["uncountedTerminatedPods"].(map[string]any)["failed"].([]any); got[0] != "a" {
		t.Errorf("result not sorted: %v", sorted)
	}
}
