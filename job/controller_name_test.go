package job

import (
	"testing"
)

// TestControllerName checks which spec.managedBy values a controller of a
// given Config.ControllerName syncs. The first three cases are upstream's
// TestSyncJobWhenManagedBy ("job without the managedBy", "job with well
// known value of the managedBy", "job with custom value of managedBy") for
// the default name; the others apply the same rule to a custom name.
func TestControllerName(t *testing.T) {
	cases := []struct {
		name       string
		controller string // "" leaves the default
		managedBy  *string
		wantSkip   SkipReason
	}{
		{"default name, managedBy unset", "", nil, SkipNone},
		{"default name, reserved value", "", Ptr(JobControllerName), SkipNone},
		{"default name, custom value", "", Ptr("example.com/custom-managed-by"), SkipManagedByOther},
		{"custom name, managedBy unset", "example.com/batch", nil, SkipNone},
		{"custom name, its own value", "example.com/batch", Ptr("example.com/batch"), SkipNone},
		{"custom name, reserved value", "example.com/batch", Ptr(JobControllerName), SkipManagedByOther},
		{"custom name, other value", "example.com/batch", Ptr("example.com/other"), SkipManagedByOther},
		{"custom name, compared exactly (case)", "example.com/batch", Ptr("example.com/Batch"), SkipManagedByOther},
		{"custom name, compared exactly (suffix)", "example.com/batch", Ptr("example.com/batch/"), SkipManagedByOther},
		{"empty name means the reserved one", "\x00", Ptr(JobControllerName), SkipNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := DefaultConfig()
			switch c.controller {
			case "":
			case "\x00":
				cfg.ControllerName = ""
			default:
				cfg.ControllerName = c.controller
			}
			j := testJob(2, 2, func(j *Job) { j.Spec.ManagedBy = c.managedBy })
			mem := Memory{Backoff: BackoffRecord{FailuresAfterLastSuccess: 3}}
			out, err := Step(Input{Job: j, Now: t0, Config: &cfg, Memory: mem})
			if err != nil {
				t.Fatal(err)
			}
			if out.Skipped != c.wantSkip {
				t.Fatalf("Skipped = %q, want %q", out.Skipped, c.wantSkip)
			}
			creates := 0
			for _, a := range out.Actions {
				if _, ok := a.(CreatePod); ok {
					creates++
				}
			}
			if c.wantSkip == SkipNone {
				if creates != 2 || out.Status == nil {
					t.Errorf("synced Job: %d creations, status %v; want 2 and a status", creates, out.Status)
				}
				return
			}
			if len(out.Actions) != 0 || len(out.Events) != 0 || out.Status != nil || out.RequeueAfter != nil {
				t.Errorf("skipped Job got output %+v", out)
			}
			if out.Memory.Backoff != mem.Backoff {
				t.Errorf("skipped Job's memory not passed through: %+v", out.Memory)
			}
		})
	}
}

// TestSkipReasonString pins the texts of the skip reasons.
func TestSkipReasonString(t *testing.T) {
	for r, want := range map[SkipReason]string{
		SkipNone:                  "",
		SkipManagedByOther:        "managed by another controller",
		SkipFinished:              "job finished",
		SkipUnknownCompletionMode: "unknown completion mode",
		SkipReason(99):            "SkipReason(99)",
	} {
		if got := r.String(); got != want {
			t.Errorf("SkipReason(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

// TestSkipReasons checks the reason of each early exit of Step.
func TestSkipReasons(t *testing.T) {
	finished := testJob(1, 1, withStatus(func(s *JobStatus) {
		s.Conditions = []JobCondition{{Type: JobComplete, Status: ConditionTrue}}
	}))
	unknown := testJob(1, 1, func(j *Job) { j.Spec.CompletionMode = Ptr(CompletionMode("Bogus")) })
	for _, c := range []struct {
		job  *Job
		want SkipReason
	}{{finished, SkipFinished}, {unknown, SkipUnknownCompletionMode}, {testJob(1, 1), SkipNone}} {
		out, err := Step(Input{Job: c.job, Now: t0})
		if err != nil {
			t.Fatal(err)
		}
		if out.Skipped != c.want {
			t.Errorf("Skipped = %q, want %q", out.Skipped, c.want)
		}
	}
}
