package job

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestOwnership(t *testing.T) {
	orphan := func(p *Pod) { p.OwnerReferences = nil }
	foreign := func(p *Pod) { p.OwnerReferences[0].UID = "uid-other" }
	mismatch := func(p *Pod) { p.Labels = map[string]string{"app": "other"} }
	otherNS := func(p *Pod) { p.Namespace = "elsewhere" }
	tests := []struct {
		name        string
		jobDeleting bool
		pods        func(j *Job) []*Pod
		want        summary
		active      int32
	}{
		{
			name: "orphans matching are adopted and counted",
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "b", PodRunning, orphan), testPod(j, "a", PodSucceeded, orphan, noFinalizer)}
			},
			// a is adopted (so it carries the finalizer) and its success is counted.
			want:   summary{Created: []string{"pi-", "pi-"}, Adopted: []string{"a", "b"}, Finalizers: []string{"a"}, Writes: 2, Events: []string{"SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			active: 3,
		},
		{
			name: "owned pods no longer matching are released and ignored",
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning, mismatch), testPod(j, "b", PodRunning)}
			},
			want:   summary{Created: []string{"pi-", "pi-"}, Released: []string{"a"}, Writes: 1, Events: []string{"SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			active: 3,
		},
		{
			name: "foreign, other-namespace and deleting orphans are ignored",
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning, foreign), testPod(j, "b", PodRunning, otherNS),
					testPod(j, "c", PodRunning, orphan, deletedAt(0)), testPod(j, "d", PodRunning, orphan, mismatch)}
			},
			want:   summary{Created: []string{"pi-", "pi-", "pi-"}, Writes: 1, Events: []string{"SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			active: 3,
		},
		{
			name:        "a deleting Job neither adopts nor releases",
			jobDeleting: true,
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning, orphan), testPod(j, "b", PodRunning, mismatch), testPod(j, "c", PodRunning)}
			},
			// No manageJob; the owned matching pod's finalizer is removed, uncounted.
			want:   summary{Finalizers: []string{"c"}, Writes: 1, RequeueSecs: -1},
			active: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(3, 5)
			if tc.jobDeleting {
				j.DeletionTimestamp = Ptr(at(-time.Second))
			}
			out := mustStep(t, Input{Job: j, Pods: tc.pods(j)})
			if diff := cmp.Diff(tc.want, summarize(out), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if out.Status.Active != tc.active {
				t.Errorf("active = %d, want %d", out.Status.Active, tc.active)
			}
		})
	}
}

func TestStepRejectsBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   func() Input
		want string
	}{
		{"nil job", func() Input { return Input{Now: t0} }, "job:"},
		{"zero now", func() Input { return Input{Job: testJob(1, 1)} }, "now:"},
		{"nil parallelism", func() Input {
			j := testJob(1, 1)
			j.Spec.Parallelism = nil
			return Input{Job: j, Now: t0}
		}, "spec.parallelism: must be set (apply defaults.Job first)"},
		{"nil backoffLimit", func() Input {
			j := testJob(1, 1)
			j.Spec.BackoffLimit = nil
			return Input{Job: j, Now: t0}
		}, "spec.backoffLimit: must be set"},
		{"nil selector", func() Input {
			j := testJob(1, 1)
			j.Spec.Selector = nil
			return Input{Job: j, Now: t0}
		}, "spec.selector: must be set"},
		{"indexed without completions", func() Input { return Input{Job: testJob(1, -1, indexed), Now: t0} }, "spec.completions:"},
		{"negative parallelism", func() Input { return Input{Job: testJob(-1, 1), Now: t0} }, "spec.parallelism:"},
		{"nil pod", func() Input { return Input{Job: testJob(1, 1), Now: t0, Pods: []*Pod{nil}} }, "pods[0]:"},
		{"bad config", func() Input { return Input{Job: testJob(1, 1), Now: t0, Config: &Config{}} }, "config.maxUncountedPods:"},
		{"bad selector operator", func() Input {
			j := testJob(1, 1)
			j.Spec.Selector.MatchExpressions = []LabelSelectorRequirement{{Key: "k", Operator: "Near"}}
			return Input{Job: j, Now: t0}
		}, "spec.selector.matchExpressions[0]:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Step(tc.in())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Step error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestUnknownCompletionMode(t *testing.T) {
	j := testJob(1, 1, func(j *Job) { j.Spec.CompletionMode = Ptr(CompletionMode("Sideways")) })
	out := mustStep(t, Input{Job: j, Pods: []*Pod{testPod(j, "a", PodSucceeded)}})
	want := []Event{{Type: EventWarning, Reason: "UnknownCompletionMode", Message: "Skipped Job sync because completion mode is unknown"}}
	if diff := cmp.Diff(want, out.Events); diff != "" || len(out.Actions) != 0 || out.Status != nil {
		t.Errorf("output %+v, events diff %s", out, diff)
	}
}

func TestTTLExpiry(t *testing.T) {
	finished := func(ttl *int32, conds ...JobCondition) *Job {
		j := testJob(1, 1)
		j.Spec.TTLSecondsAfterFinished = ttl
		j.Status.Conditions = conds
		return j
	}
	complete := JobCondition{Type: JobComplete, Status: ConditionTrue, LastTransitionTime: at(10 * time.Second)}
	failedLater := JobCondition{Type: JobFailed, Status: ConditionTrue, LastTransitionTime: at(20 * time.Second)}
	tests := []struct {
		name    string
		job     *Job
		want    time.Time
		ok, err bool
	}{
		{"nil job", nil, time.Time{}, false, false},
		{"no ttl", finished(nil, complete), time.Time{}, false, false},
		{"not finished", finished(Ptr(int32(100))), time.Time{}, false, false},
		{"complete", finished(Ptr(int32(100)), complete), t0.Add(110 * time.Second), true, false},
		{"first terminal condition wins", finished(Ptr(int32(0)), JobCondition{Type: JobFailed, Status: ConditionFalse}, complete, failedLater), t0.Add(10 * time.Second), true, false},
		{"zero time", finished(Ptr(int32(1)), JobCondition{Type: JobFailed, Status: ConditionTrue}), time.Time{}, false, true},
		{"being deleted", func() *Job { j := finished(Ptr(int32(1)), complete); j.DeletionTimestamp = Ptr(at(0)); return j }(), time.Time{}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := TTLExpiry(tc.job)
			if !got.Equal(tc.want) || ok != tc.ok || (err != nil) != tc.err {
				t.Errorf("TTLExpiry = %v, %v, %v; want %v, %v, err %v", got, ok, err, tc.want, tc.ok, tc.err)
			}
		})
	}
}

func TestEnsureCondition(t *testing.T) {
	old := at(-time.Hour)
	cond := func(typ JobConditionType, status, reason string) JobCondition {
		return JobCondition{Type: typ, Status: status, Reason: reason, Message: "m", LastProbeTime: old, LastTransitionTime: old}
	}
	tests := []struct {
		name    string
		list    []JobCondition
		status  string
		reason  string
		want    []JobCondition
		changed bool
	}{
		{"append true", nil, ConditionTrue, "R", []JobCondition{{Type: JobSuspended, Status: ConditionTrue, Reason: "R", Message: "m", LastProbeTime: at(0), LastTransitionTime: at(0)}}, true},
		{"never append false", nil, ConditionFalse, "R", nil, false},
		{"unchanged", []JobCondition{cond(JobSuspended, ConditionTrue, "R")}, ConditionTrue, "R", []JobCondition{cond(JobSuspended, ConditionTrue, "R")}, false},
		{"flip in place", []JobCondition{cond(JobFailureTarget, ConditionTrue, "X"), cond(JobSuspended, ConditionTrue, "R")}, ConditionFalse, "R2",
			[]JobCondition{cond(JobFailureTarget, ConditionTrue, "X"), {Type: JobSuspended, Status: ConditionFalse, Reason: "R2", Message: "m", LastProbeTime: at(0), LastTransitionTime: at(0)}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &syncer{nowT: at(0), status: &JobStatus{Conditions: tc.list}}
			changed := s.ensureCondition(JobSuspended, tc.status, tc.reason, "m")
			if changed != tc.changed {
				t.Errorf("changed = %v, want %v", changed, tc.changed)
			}
			if diff := cmp.Diff(tc.want, s.status.Conditions, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
