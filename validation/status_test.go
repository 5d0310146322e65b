package validation

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

func cond(t job.JobConditionType) job.JobCondition {
	return job.JobCondition{Type: t, Status: job.ConditionTrue}
}

func conds(ts ...job.JobConditionType) []job.JobCondition {
	var out []job.JobCondition
	for _, t := range ts {
		out = append(out, cond(t))
	}
	return out
}

func at(d time.Duration) *job.Time { v := job.NewTime(t0.Add(d)); return &v }

const (
	complete = job.JobComplete
	failedC  = job.JobFailed
	ft       = job.JobFailureTarget
	scm      = job.JobSuccessCriteriaMet
)

// §6.6 validation-level cases: status rules with every option off.
func TestValidateJobStatusNoOptions(t *testing.T) {
	spec := &fixtureF().Spec
	st := &job.JobStatus{Active: -1, Succeeded: -2, Failed: -3, Ready: i32(-1), Terminating: i32(-2)}
	checkErrors(t, validateJobStatus(spec, st, statusOptions{}), field.ErrorList{
		inv("status.active", int64(-1), msgNonNeg),
		inv("status.succeeded", int64(-2), msgNonNeg),
		inv("status.failed", int64(-3), msgNonNeg),
		inv("status.ready", int64(-1), msgNonNeg),
		inv("status.terminating", int64(-2), msgNonNeg),
	})
	st = &job.JobStatus{UncountedTerminatedPods: &job.UncountedTerminatedPods{
		Succeeded: []job.UID{"a", "b", "c", "a", ""},
		Failed:    []job.UID{"c", "d", "e", "d", ""},
	}}
	checkErrors(t, validateJobStatus(spec, st, statusOptions{}), field.ErrorList{
		dup("status.uncountedTerminatedPods.succeeded[3]", rawRender(`"a"`)),
		inv("status.uncountedTerminatedPods.succeeded[4]", rawRender(`""`), "must not be empty"),
		dup("status.uncountedTerminatedPods.failed[0]", rawRender(`"c"`)),
		dup("status.uncountedTerminatedPods.failed[3]", rawRender(`"d"`)),
		inv("status.uncountedTerminatedPods.failed[4]", rawRender(`""`), "must not be empty"),
	})
}

type statusCase struct {
	id   string
	spec func(s *job.JobSpec)
	old  job.JobStatus
	new  job.JobStatus
	want field.ErrorList
}

// §6.6 strategy-level cases (options per §4.4).
func TestValidateJobStatusUpdate(t *testing.T) {
	nonIndexed5 := func(s *job.JobSpec) { s.Completions = i32(5) }
	indexed5 := func(s *job.JobSpec) { s.CompletionMode, s.Completions = indexed(), i32(5) }
	indexed5BLPI := func(s *job.JobSpec) { indexed5(s); s.BackoffLimitPerIndex = i32(1) }
	indexed10SP := func(s *job.JobSpec) {
		s.CompletionMode, s.Completions = indexed(), i32(10)
		s.SuccessPolicy = &policy.SuccessPolicy{Rules: []policy.SuccessPolicyRule{{SucceededCount: i32(1)}}}
	}
	suspended := func(s *job.JobSpec) { s.Suspend = job.Ptr(true) }
	condsMsg := func(d string) *field.Error { return inv("status.conditions", omit, d) }
	const (
		cfCompleteFailed = "cannot set Complete=True and Failed=true conditions"
		cfCompleteFT     = "cannot set Complete=True and FailureTarget=true conditions"
		cfFailedNoFT     = "cannot set Failed=True condition without the FailureTarget=true condition"
		cfCompleteNoSCM  = "cannot set Complete=True condition without the SuccessCriteriaMet=true condition"
		cfSCMFailed      = "cannot set SuccessCriteriaMet=True and Failed=true conditions"
		cfSCMFT          = "cannot set SuccessCriteriaMet=True and FailureTarget=true conditions"
	)
	zero, one, two := at(0), at(time.Minute), i32(2)
	uncounted := func(s, f []job.UID) *job.UncountedTerminatedPods {
		return &job.UncountedTerminatedPods{Succeeded: s, Failed: f}
	}
	cases := []statusCase{
		{id: "ST01-strategy", new: job.JobStatus{Active: -1, Succeeded: -2, Failed: -3, Ready: i32(-1), Terminating: i32(-2)},
			want: field.ErrorList{
				inv("status.active", int64(-1), msgNonNeg), inv("status.succeeded", int64(-2), msgNonNeg),
				inv("status.failed", int64(-3), msgNonNeg), inv("status.ready", int64(-1), msgNonNeg),
				inv("status.terminating", int64(-2), msgNonNeg),
				inv("status.failed", int32(-3), "cannot decrease the failed counter"),
				inv("status.succeeded", int32(-2), "cannot decrease the succeeded counter"),
			}},
		{id: "ST03", new: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete, failedC)},
			want: field.ErrorList{condsMsg(cfCompleteFailed), condsMsg(cfFailedNoFT), condsMsg(cfCompleteNoSCM)}},
		{id: "ST04", new: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete)},
			want: field.ErrorList{condsMsg(cfCompleteNoSCM)}},
		{id: "ST05", new: job.JobStatus{StartTime: zero, Conditions: conds(failedC)},
			want: field.ErrorList{condsMsg(cfFailedNoFT)}},
		{id: "ST06", old: job.JobStatus{Conditions: conds(ft)}, new: job.JobStatus{Conditions: conds(ft, failedC)},
			want: field.ErrorList{req("status.startTime", "startTime is required for finished job")}},
		{id: "ST07", old: job.JobStatus{Conditions: conds(scm)}, new: job.JobStatus{CompletionTime: zero, Conditions: conds(scm, complete)},
			want: field.ErrorList{req("status.startTime", "startTime is required for finished job")}},
		{id: "ST08", old: job.JobStatus{Active: 1, StartTime: zero, Conditions: conds(scm)},
			new:  job.JobStatus{Active: 1, StartTime: zero, CompletionTime: zero, Conditions: conds(scm, complete)},
			want: field.ErrorList{inv("status.active", int32(1), "active>0 is invalid for finished job")}},
		{id: "ST09", old: job.JobStatus{Terminating: i32(1), StartTime: zero, Conditions: conds(ft)},
			new:  job.JobStatus{Terminating: i32(1), StartTime: zero, Conditions: conds(ft, failedC)},
			want: field.ErrorList{inv("status.terminating", rawRender("1"), "terminating>0 is invalid for finished job")}},
		{id: "ST10", old: job.JobStatus{Active: 1, StartTime: zero, Conditions: conds(ft)},
			new:  job.JobStatus{Active: 1, StartTime: zero, Conditions: conds(ft, failedC)},
			want: field.ErrorList{inv("status.active", int32(1), "active>0 is invalid for finished job")}},
		{id: "ST11", old: job.JobStatus{StartTime: zero, Conditions: conds(ft), UncountedTerminatedPods: uncounted(nil, []job.UID{"a"})},
			new:  job.JobStatus{StartTime: zero, Conditions: conds(ft, failedC), UncountedTerminatedPods: uncounted(nil, []job.UID{"a"})},
			want: field.ErrorList{inv("status.uncountedTerminatedPods", rawRender(`{"Succeeded":null,"Failed":["a"]}`), "must be empty for finished job")}},
		{id: "ST12", old: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete), UncountedTerminatedPods: uncounted(nil, []job.UID{"a"})},
			new:  job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete), UncountedTerminatedPods: uncounted(nil, []job.UID{"b"})},
			want: field.ErrorList{inv("status.uncountedTerminatedPods", anyValue{}, "must be empty for finished job")}},
		{id: "ST13", old: job.JobStatus{StartTime: zero, Conditions: conds(scm), UncountedTerminatedPods: uncounted([]job.UID{"a"}, nil)},
			new:  job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(scm, complete), UncountedTerminatedPods: uncounted([]job.UID{"a"}, nil)},
			want: field.ErrorList{inv("status.uncountedTerminatedPods", rawRender(`{"Succeeded":["a"],"Failed":null}`), "must be empty for finished job")}},
		{id: "ST14", old: job.JobStatus{StartTime: zero, Conditions: conds(scm)},
			new:  job.JobStatus{StartTime: zero, Conditions: conds(scm, complete)},
			want: field.ErrorList{req("status.completionTime", "completionTime is required for Complete jobs")}},
		{id: "ST15", old: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(scm, complete)},
			new:  job.JobStatus{StartTime: zero, Conditions: conds(scm, complete)},
			want: field.ErrorList{req("status.completionTime", "completionTime is required for Complete jobs")}},
		{id: "ST16", old: job.JobStatus{StartTime: zero, CompletionTime: zero}, new: job.JobStatus{StartTime: zero}},
		{id: "ST17", spec: suspended, old: job.JobStatus{StartTime: zero}, new: job.JobStatus{}},
		{id: "ST18", old: job.JobStatus{StartTime: zero}, new: job.JobStatus{},
			want: field.ErrorList{inv("status.startTime", rawRender(`"null"`), "field is immutable for unsuspended job once set")}},
		{id: "ST19", old: job.JobStatus{StartTime: zero}, new: job.JobStatus{StartTime: one},
			want: field.ErrorList{inv("status.startTime", rawRender(`"2026-01-01T00:01:00Z"`), "field is immutable for unsuspended job once set")}},
		{id: "ST20", old: job.JobStatus{StartTime: zero, Conditions: conds(job.JobSuspended)},
			new: job.JobStatus{StartTime: one, Conditions: []job.JobCondition{{Type: job.JobSuspended, Status: job.ConditionFalse}}}},
		{id: "ST21", old: job.JobStatus{StartTime: one, Conditions: conds(scm)},
			new:  job.JobStatus{StartTime: one, CompletionTime: zero, Conditions: conds(scm, complete)},
			want: field.ErrorList{inv("status.completionTime", rawRender(`"2026-01-01T00:00:00Z"`), "must be equal to or after `startTime`")}},
		{id: "ST22", old: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(scm, complete)},
			new:  job.JobStatus{StartTime: zero, CompletionTime: one, Conditions: conds(scm, complete)},
			want: field.ErrorList{inv("status.completionTime", rawRender(`"2026-01-01T00:01:00Z"`), "field is immutable")}},
		{id: "ST23", old: job.JobStatus{StartTime: zero, Conditions: conds(failedC)}, new: job.JobStatus{StartTime: zero},
			want: field.ErrorList{condsMsg("cannot disable the terminal Failed=True condition")}},
		{id: "ST24", old: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete)}, new: job.JobStatus{StartTime: zero},
			want: field.ErrorList{condsMsg("cannot disable the terminal Complete=True condition")}},
		{id: "ST25", old: job.JobStatus{Conditions: conds(ft)}, new: job.JobStatus{},
			want: field.ErrorList{condsMsg("cannot disable the terminal FailureTarget=True condition")}},
		{id: "ST26", old: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete)},
			new:  job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete, ft)},
			want: field.ErrorList{condsMsg(cfCompleteFT)}},
		{id: "ST27", new: job.JobStatus{CompletionTime: zero},
			want: field.ErrorList{inv("status.completionTime", rawRender(`"2026-01-01T00:00:00Z"`), "cannot set completionTime when there is no Complete=True condition")}},
		{id: "ST28", old: job.JobStatus{CompletionTime: zero}, new: job.JobStatus{CompletionTime: zero, Active: 1}},
		{id: "ST29", spec: nonIndexed5, new: job.JobStatus{StartTime: zero, CompletedIndexes: "0"},
			want: field.ErrorList{inv("status.completedIndexes", "0", "cannot set non-empty completedIndexes when non-indexed completion mode")}},
		{id: "ST30", spec: indexed5, new: job.JobStatus{FailedIndexes: job.Ptr("0")},
			want: field.ErrorList{inv("status.failedIndexes", "0", "cannot set non-null failedIndexes when backoffLimitPerIndex is null")}},
		{id: "ST31", old: job.JobStatus{Failed: 3}, new: job.JobStatus{Failed: 1},
			want: field.ErrorList{inv("status.failed", int32(1), "cannot decrease the failed counter")}},
		{id: "ST32", spec: nonIndexed5, old: job.JobStatus{Succeeded: 3}, new: job.JobStatus{Succeeded: 1},
			want: field.ErrorList{inv("status.succeeded", int32(1), "cannot decrease the succeeded counter")}},
		{id: "ST32-elastic", spec: func(s *job.JobSpec) { indexed5(s); s.Parallelism = i32(5) },
			old: job.JobStatus{Succeeded: 3}, new: job.JobStatus{Succeeded: 1}},
		{id: "ST33", spec: indexed5, new: job.JobStatus{CompletedIndexes: "invalid format"},
			want: field.ErrorList{inv("status.completedIndexes", "invalid format", `error parsing completedIndexes: cannot convert string to integer for index: "invalid format"`)}},
		{id: "ST34", spec: indexed5BLPI, new: job.JobStatus{FailedIndexes: job.Ptr("invalid format")},
			want: field.ErrorList{inv("status.failedIndexes", rawRender(`"invalid format"`), `error parsing failedIndexes: cannot convert string to integer for index: "invalid format"`)}},
		{id: "ST35", spec: indexed5BLPI,
			old: job.JobStatus{CompletedIndexes: "invalid format", FailedIndexes: job.Ptr("invalid format")},
			new: job.JobStatus{CompletedIndexes: "invalid format", FailedIndexes: job.Ptr("invalid format"), Active: 1}},
		{id: "ST36", new: job.JobStatus{Active: 1, Ready: two},
			want: field.ErrorList{inv("status.ready", int32(2), "cannot set more ready pods than active")}},
		{id: "ST37", old: job.JobStatus{Active: 1, Ready: two}, new: job.JobStatus{Active: 1, Ready: two, Succeeded: 1}},
		{id: "ST38", new: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete, ft)},
			want: field.ErrorList{condsMsg(cfCompleteFT), condsMsg(cfCompleteNoSCM)}},
		{id: "ST39", spec: indexed5BLPI,
			old:  job.JobStatus{FailedIndexes: job.Ptr("0,2"), CompletedIndexes: "3-4"},
			new:  job.JobStatus{FailedIndexes: job.Ptr("0,2"), CompletedIndexes: "2-4"},
			want: field.ErrorList{inv("status.failedIndexes", "0,2", "failedIndexes and completedIndexes overlap at index: 2")}},
		{id: "ST40", spec: indexed10SP, old: job.JobStatus{Conditions: conds(scm)}, new: job.JobStatus{Conditions: conds(scm, failedC)},
			want: field.ErrorList{condsMsg(cfFailedNoFT), req("status.startTime", "startTime is required for finished job"), condsMsg(cfSCMFailed)}},
		{id: "ST41", old: job.JobStatus{StartTime: zero, Conditions: conds(failedC)}, new: job.JobStatus{StartTime: zero, Conditions: conds(failedC, scm)},
			want: field.ErrorList{condsMsg(cfSCMFailed)}},
		{id: "ST42", old: job.JobStatus{Conditions: conds(ft)}, new: job.JobStatus{Conditions: conds(ft, scm)},
			want: field.ErrorList{condsMsg(cfSCMFT)}},
		{id: "ST43", old: job.JobStatus{Conditions: conds(scm)}, new: job.JobStatus{Conditions: conds(scm, ft)},
			want: field.ErrorList{condsMsg(cfSCMFT)}},
		{id: "ST44", old: job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete)},
			new:  job.JobStatus{StartTime: zero, CompletionTime: zero, Conditions: conds(complete, scm)},
			want: field.ErrorList{condsMsg("cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions")}},
		{id: "ST45", spec: indexed10SP, new: job.JobStatus{Conditions: conds(complete)},
			want: field.ErrorList{
				req("status.completionTime", "completionTime is required for Complete jobs"),
				condsMsg(cfCompleteNoSCM),
				req("status.startTime", "startTime is required for finished job"),
				condsMsg("cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True"),
			}},
		{id: "ST46", old: job.JobStatus{Conditions: conds(scm)},
			new:  job.JobStatus{Conditions: []job.JobCondition{{Type: complete, Status: job.ConditionFalse}}},
			want: field.ErrorList{condsMsg("cannot disable the SuccessCriteriaMet=True condition")}},
		{id: "ST47", old: job.JobStatus{Conditions: conds(scm)}, new: job.JobStatus{},
			want: field.ErrorList{condsMsg("cannot disable the SuccessCriteriaMet=True condition")}},
		{id: "ST48", new: job.JobStatus{Conditions: conds(scm)}},
		{id: "ST48-indexed-no-policy", spec: indexed5, new: job.JobStatus{Conditions: conds(scm)}},
		{id: "ST49", spec: func(s *job.JobSpec) { suspended(s); s.Completions = i32(0) },
			new: job.JobStatus{CompletionTime: zero, Conditions: conds(scm, complete)}},
	}
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			old := fixtureU()
			if tc.spec != nil {
				tc.spec(&old.Spec)
			}
			old.Status = tc.old
			nw := old.DeepCopy()
			nw.Status = tc.new
			nw.Spec.Parallelism = i32(77) // ignored: the stored spec is used
			checkErrors(t, ValidateJobStatusUpdate(nw, old, DefaultOptions()), tc.want)
		})
	}
}
