package job

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// refCase is one row of controller.md §19, run as a single Step.
type refCase struct {
	name  string
	job   *Job
	pods  func(j *Job) []*Pod
	mem   Memory
	want  summary
	check func(t *testing.T, out Output)
}

func runRefCases(t *testing.T, cases []refCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var pods []*Pod
			if tc.pods != nil {
				pods = tc.pods(tc.job)
			}
			out := mustStep(t, Input{Job: tc.job, Pods: pods, Memory: tc.mem})
			if diff := cmp.Diff(tc.want, summarize(out), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
			if tc.check != nil {
				tc.check(t, out)
			}
		})
	}
}

// wantCounts checks the final status counters.
func wantCounts(active, ready, terminating, succeeded, failed int32) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		st := out.Status
		if st == nil {
			t.Fatal("no status written")
		}
		got := [5]string{i32(&st.Active), i32(st.Ready), i32(st.Terminating), i32(&st.Succeeded), i32(&st.Failed)}
		want := [5]string{i32(&active), i32(&ready), i32(&terminating), i32(&succeeded), i32(&failed)}
		if got != want {
			t.Errorf("active/ready/terminating/succeeded/failed = %v, want %v", got, want)
		}
		if u := st.UncountedTerminatedPods; u == nil || len(u.Succeeded)+len(u.Failed) != 0 {
			t.Errorf("uncountedTerminatedPods = %+v, want empty", u)
		}
	}
}

func checks(fs ...func(*testing.T, Output)) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		for _, f := range fs {
			f(t, out)
		}
	}
}

func wantConds(want string) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		if got := condSummary(out.Status); got != want {
			t.Errorf("conditions = %q, want %q", got, want)
		}
	}
}

func wantCompleted(want string) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		if got := out.Status.CompletedIndexes; got != want {
			t.Errorf("completedIndexes = %q, want %q", got, want)
		}
	}
}

func wantFailedIndexes(want *string) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		if got := out.Status.FailedIndexes; !equalPtr(got, want) {
			t.Errorf("failedIndexes = %v, want %v", got, want)
		}
	}
}

func TestStepReferenceScenarios(t *testing.T) {
	ago := func(d time.Duration) time.Duration { return -d }
	runRefCases(t, []refCase{
		{
			name: "01 p2 c5 no pods",
			job:  testJob(2, 5),
			want: summary{Created: []string{"pi-", "pi-"}, Writes: 1, Events: []string{"SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			check: checks(wantCounts(2, 0, 0, 0, 0), wantConds(""), func(t *testing.T, out Output) {
				if st := out.Status.StartTime; st == nil || !st.Equal(at(0)) {
					t.Errorf("startTime = %v, want t0", st)
				}
			}),
		},
		{
			name: "02 p2 c5 1R 1S",
			job:  testJob(2, 5),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodSucceeded)}
			},
			want:  summary{Created: []string{"pi-"}, Finalizers: []string{"b"}, Writes: 2, Events: []string{"SuccessfulCreate"}, RequeueSecs: -1},
			check: checks(wantCounts(2, 0, 0, 1, 0), firstWriteUncounted([]UID{"uid-b"}, nil)),
		},
		{
			name: "03 p2 c5 3R",
			job:  testJob(2, 5),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodRunning), testPod(j, "c", PodRunning)}
			},
			want:  summary{Deleted: []string{"a"}, Writes: 1, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: wantCounts(2, 0, 1, 0, 0),
		},
		{
			name: "04 p2 c5 3R ready",
			job:  testJob(2, 5),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning, ready(ago(3*time.Minute))), testPod(j, "b", PodRunning, ready(ago(2*time.Minute))), testPod(j, "c", PodRunning, ready(ago(time.Minute)))}
			},
			want:  summary{Deleted: []string{"c"}, Writes: 1, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: wantCounts(2, 2, 1, 0, 0),
		},
		{
			name: "05 p2 c5 1R 1F long ago",
			job:  testJob(2, 5),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodFailed, finishedAt(ago(time.Hour)))}
			},
			want:  summary{Created: []string{"pi-"}, Finalizers: []string{"b"}, Writes: 2, Events: []string{"SuccessfulCreate"}, RequeueSecs: -1},
			check: wantCounts(2, 0, 0, 0, 1),
		},
		{
			name:  "06 p1 c1 backoff record",
			job:   testJob(1, 1),
			mem:   Memory{Backoff: BackoffRecord{FailuresAfterLastSuccess: 1, LastFailureTime: t0}},
			want:  summary{Writes: 1, RequeueSecs: 10},
			check: wantCounts(0, 0, 0, 0, 0),
		},
		{
			name: "07 p2 c5 5S",
			job:  testJob(2, 5),
			pods: func(j *Job) []*Pod {
				var ps []*Pod
				for _, n := range []string{"a", "b", "c", "d", "e"} {
					ps = append(ps, testPod(j, n, PodSucceeded))
				}
				return ps
			},
			want: summary{Finalizers: []string{"a", "b", "c", "d", "e"}, Writes: 2, Events: []string{"Completed"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 0, 5, 0),
				wantConds("SuccessCriteriaMet=True/CompletionsReached,Complete=True/CompletionsReached"),
				func(t *testing.T, out Output) {
					if ct := out.Status.CompletionTime; ct == nil || !ct.Equal(at(0)) {
						t.Errorf("completionTime = %v", ct)
					}
					if m := out.Status.Conditions[1].Message; m != "Reached expected number of succeeded pods" {
						t.Errorf("message %q", m)
					}
				}),
		},
		{
			name: "08 p2 work queue 1R 1S",
			job:  testJob(2, -1),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodSucceeded)}
			},
			want:  summary{Finalizers: []string{"b"}, Writes: 2, RequeueSecs: -1},
			check: checks(wantCounts(1, 0, 0, 1, 0), wantConds("")),
		},
		{
			name: "09 p2 work queue 1S 1F",
			job:  testJob(2, -1),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodSucceeded), testPod(j, "b", PodFailed)}
			},
			want:  summary{Finalizers: []string{"a", "b"}, Writes: 2, Events: []string{"Completed"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 0, 1, 1), wantConds("SuccessCriteriaMet=True/CompletionsReached,Complete=True/CompletionsReached")),
		},
		{
			name: "10 p3 c4 3R 2S",
			job:  testJob(3, 4),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodRunning), testPod(j, "c", PodRunning),
					testPod(j, "d", PodSucceeded), testPod(j, "e", PodSucceeded)}
			},
			want:  summary{Deleted: []string{"a"}, Finalizers: []string{"d", "e"}, Writes: 2, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: wantCounts(2, 0, 1, 2, 0),
		},
		{
			name:  "11 indexed p2 c5 no pods",
			job:   testJob(2, 5, indexed),
			want:  summary{Created: []string{"#0", "#1"}, Writes: 1, Events: []string{"SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			check: wantCounts(2, 0, 0, 0, 0),
		},
		{
			name: "12 indexed p8 c20",
			job:  testJob(8, 20, indexed),
			pods: func(j *Job) []*Pod {
				ps := []*Pod{testPod(j, "r0", PodRunning, idx(0)), testPod(j, "p3", PodPending, idx(3))}
				for _, i := range []int{2, 4, 5, 7, 8, 9} {
					ps = append(ps, testPod(j, "s"+string(rune('0'+i)), PodSucceeded, idx(i)))
				}
				return ps
			},
			want: summary{Created: []string{"#1", "#6", "#10", "#11", "#12", "#13"}, Finalizers: []string{"s2", "s4", "s5", "s7", "s8", "s9"}, Writes: 1,
				Events: []string{"SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			check: checks(wantCounts(8, 0, 0, 6, 0), wantCompleted("2,4,5,7-9")),
		},
		{
			name: "13 indexed backoffLimit 0",
			job:  testJob(2, 3, indexed, backoffLimit(0)),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "s0", PodSucceeded, idx(0)), testPod(j, "f1", PodFailed, idx(1)), testPod(j, "r2", PodRunning, idx(2))}
			},
			want:  summary{Deleted: []string{"r2"}, Finalizers: []string{"s0", "f1", "r2"}, Writes: 2, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 1, 1, 2), wantCompleted("0"), wantConds("FailureTarget=True/BackoffLimitExceeded")),
		},
		{
			name: "14 indexed invalid and duplicate",
			job:  testJob(5, 5, indexed),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "unidx-r", PodRunning), testPod(j, "s0", PodSucceeded, idx(0)),
					testPod(j, "r1", PodRunning, idx(1)), testPod(j, "r2", PodRunning, idx(2)), testPod(j, "p2", PodPending, idx(2)),
					testPod(j, "unidx-s", PodSucceeded), testPod(j, "unidx-f", PodFailed)}
			},
			want: summary{Deleted: []string{"unidx-r", "p2"}, Finalizers: []string{"unidx-f", "unidx-s", "s0"}, Writes: 1,
				Events: []string{"SuccessfulDelete", "SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(2, 0, 2, 1, 0), wantCompleted("0")),
		},
		{
			name: "15 indexed out of range",
			job:  testJob(2, 5, indexed),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "s0", PodSucceeded, idx(0)), testPod(j, "r5", PodRunning, idx(5)),
					testPod(j, "s6", PodSucceeded, idx(6)), testPod(j, "p7", PodPending, idx(7)), testPod(j, "f8", PodFailed, idx(8))}
			},
			want: summary{Deleted: []string{"r5", "p7"}, Finalizers: []string{"s0", "s6", "f8"}, Writes: 1,
				Events: []string{"SuccessfulDelete", "SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 2, 1, 0), wantCompleted("0")),
		},
		{
			name: "16 suspend",
			job:  testJob(2, 4, suspended(true), startedAt(-time.Minute)),
			pods: func(j *Job) []*Pod { return []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodRunning)} },
			want: summary{Deleted: []string{"a", "b"}, Writes: 1, Events: []string{"SuccessfulDelete", "SuccessfulDelete", "Suspended"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 2, 0, 0), wantConds("Suspended=True/JobSuspended"), func(t *testing.T, out Output) {
				if out.Status.StartTime != nil {
					t.Errorf("startTime = %v, want nil", out.Status.StartTime)
				}
			}),
		},
		{
			name: "17 resume",
			job: testJob(2, 4, withStatus(func(s *JobStatus) {
				s.Conditions = []JobCondition{{Type: JobSuspended, Status: ConditionTrue, Reason: ReasonJobSuspended, Message: "Job suspended"}}
			})),
			want:  summary{Created: []string{"pi-", "pi-"}, Writes: 1, Events: []string{"SuccessfulCreate", "SuccessfulCreate", "Resumed"}, RequeueSecs: -1},
			check: checks(wantCounts(2, 0, 0, 0, 0), wantConds("Suspended=False/JobResumed")),
		},
		{
			name: "18 deadline exceeded",
			job: testJob(1, 2, startedAt(-15*time.Second), func(j *Job) {
				j.Spec.ActiveDeadlineSeconds = Ptr(int64(10))
			}),
			pods:  func(j *Job) []*Pod { return []*Pod{testPod(j, "r", PodRunning), testPod(j, "s", PodSucceeded)} },
			want:  summary{Deleted: []string{"r"}, Finalizers: []string{"r", "s"}, Writes: 2, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 1, 1, 1), wantConds("FailureTarget=True/DeadlineExceeded")),
		},
		{
			name: "19 backoff limit before deadline",
			job: testJob(1, 1, backoffLimit(0), startedAt(-10*time.Second), func(j *Job) {
				j.Spec.ActiveDeadlineSeconds = Ptr(int64(1))
			}),
			pods:  func(j *Job) []*Pod { return []*Pod{testPod(j, "f", PodFailed)} },
			want:  summary{Finalizers: []string{"f"}, Writes: 2, Events: []string{"BackoffLimitExceeded"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 0, 0, 1), wantConds("FailureTarget=True/BackoffLimitExceeded,Failed=True/BackoffLimitExceeded")),
		},
		{
			name: "26 per index: failed index",
			job:  testJob(2, 2, indexed, perIndex(1)),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "f0", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"))}
			},
			want:  summary{Created: []string{"#1"}, Finalizers: []string{"f0"}, Writes: 2, Events: []string{"SuccessfulCreate"}, RequeueSecs: -1},
			check: checks(wantCounts(1, 0, 0, 0, 1), wantFailedIndexes(Ptr("0"))),
		},
		{
			name: "27 per index: delayed deletion",
			job:  testJob(2, 2, indexed, perIndex(1)),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "f0", PodFailed, idx(0), annotation(IndexFailureCountKey, "0"), finishedAt(-time.Hour))}
			},
			want: summary{Created: []string{"#0", "#1"}, Writes: 1, Events: []string{"SuccessfulCreate", "SuccessfulCreate"}, RequeueSecs: -1},
			check: checks(wantCounts(2, 0, 0, 0, 0), wantFailedIndexes(Ptr("")), func(t *testing.T, out Output) {
				c := out.Actions[0].(CreatePod)
				if got := c.Pod.Annotations[IndexFailureCountKey]; got != "1" {
					t.Errorf("failure-count annotation = %q, want 1", got)
				}
			}),
		},
		{
			name: "28 per index: max failed indexes",
			job:  testJob(4, 4, indexed, perIndex(1), func(j *Job) { j.Spec.MaxFailedIndexes = Ptr(int32(1)) }),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "f0", PodFailed, idx(0), annotation(IndexFailureCountKey, "1")), testPod(j, "s1", PodSucceeded, idx(1)),
					testPod(j, "f2", PodFailed, idx(2), annotation(IndexFailureCountKey, "1")), testPod(j, "r3", PodRunning, idx(3))}
			},
			want: summary{Deleted: []string{"r3"}, Finalizers: []string{"f0", "s1", "f2", "r3"}, Writes: 2, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 1, 1, 3), wantFailedIndexes(Ptr("0,2")), wantCompleted("1"),
				wantConds("FailureTarget=True/MaxFailedIndexesExceeded")),
		},
		{
			name: "29 per index: failed indexes",
			job:  testJob(2, 2, indexed, perIndex(1)),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "f0", PodFailed, idx(0), annotation(IndexFailureCountKey, "1")), testPod(j, "s1", PodSucceeded, idx(1))}
			},
			want:  summary{Finalizers: []string{"f0", "s1"}, Writes: 2, Events: []string{"FailedIndexes"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 0, 1, 1), wantConds("FailureTarget=True/FailedIndexes,Failed=True/FailedIndexes")),
		},
		{
			name: "30 OnFailure restarts",
			job: testJob(1, 1, backoffLimit(1), func(j *Job) {
				j.Spec.Template.Spec.RestartPolicy = RestartPolicyOnFailure
			}),
			pods:  func(j *Job) []*Pod { return []*Pod{testPod(j, "r", PodRunning, restarts(1))} },
			want:  summary{Deleted: []string{"r"}, Finalizers: []string{"r"}, Writes: 2, Events: []string{"SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 1, 0, 1), wantConds("FailureTarget=True/BackoffLimitExceeded")),
		},
		{
			name: "31 finished job cleanup",
			job: testJob(1, 1, withStatus(func(s *JobStatus) {
				s.Conditions = []JobCondition{{Type: JobComplete, Status: ConditionTrue}}
			})),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "b", PodSucceeded), testPod(j, "a", PodSucceeded, noFinalizer), testPod(j, "c", PodFailed)}
			},
			want: summary{Finalizers: []string{"b", "c"}, RequeueSecs: -1},
			check: func(t *testing.T, out Output) {
				if out.Status != nil {
					t.Errorf("status written: %+v", out.Status)
				}
			},
		},
		{
			name: "32 managed by another controller",
			job:  testJob(1, 1, func(j *Job) { j.Spec.ManagedBy = Ptr("example.com/other") }),
			pods: func(j *Job) []*Pod { return []*Pod{testPod(j, "b", PodSucceeded)} },
			want: summary{RequeueSecs: -1},
		},
	})
}

// firstWriteUncounted checks the uncounted lists of the first WriteStatus.
func firstWriteUncounted(succ, fail []UID) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		for _, a := range out.Actions {
			if w, ok := a.(WriteStatus); ok {
				u := w.Status.UncountedTerminatedPods
				if diff := cmp.Diff(UncountedTerminatedPods{Succeeded: succ, Failed: fail}, *u, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("first write uncounted (-want +got):\n%s", diff)
				}
				return
			}
		}
		t.Error("no WriteStatus")
	}
}
