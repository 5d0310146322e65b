package validation

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/jobkit/jobkit/validation/equality"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

type updateCase struct {
	id     string
	opts   *Options
	old    func(j *job.Job) // applied to both old and new
	change func(j *job.Job) // applied to new only
	want   field.ErrorList
}

// fixtureU is §6.0 U: F named abc with resourceVersion "1".
func fixtureU() *job.Job {
	j := fixtureF()
	j.Name = "abc"
	j.ResourceVersion = "1"
	return j
}

func runUpdateCases(t *testing.T, cases []updateCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			old := fixtureU()
			if tc.old != nil {
				tc.old(old)
			}
			nw := old.DeepCopy()
			if tc.change != nil {
				tc.change(nw)
			}
			opts := DefaultOptions()
			if tc.opts != nil {
				opts = *tc.opts
			}
			oldCopy, newCopy := old.DeepCopy(), nw.DeepCopy()
			checkErrors(t, ValidateJobUpdate(nw, old, opts), tc.want)
			if !equality.JobSpecs(&oldCopy.Spec, &old.Spec) || !equality.JobSpecs(&newCopy.Spec, &nw.Spec) {
				t.Errorf("ValidateJobUpdate mutated its input")
			}
		})
	}
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

func setPodField(j *job.Job, k, v string) {
	if j.Spec.Template.Spec.Unknown == nil {
		j.Spec.Template.Spec.Unknown = job.Unknown{}
	}
	j.Spec.Template.Spec.Unknown[k] = raw(v)
	*j = typedJob(*j)
}

// typedJob moves raw members a test set into their typed fields.
func typedJob(j job.Job) job.Job {
	if err := typeUnknown(reflect.ValueOf(&j).Elem()); err != nil {
		panic(err)
	}
	return j
}

func setCPU(j *job.Job, cpu string) {
	j.Spec.Template.Spec.Containers[0].Unknown = job.Unknown{"resources": raw(`{"requests":{"cpu":"` + cpu + `"}}`)}
	*j = typedJob(*j)
}

var t0 = job.NewTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))

// §6.5 Update (ValidateJobUpdate).
func TestValidateJobUpdate(t *testing.T) {
	gatesOff := Options{}
	schedOnly := Options{MutableSchedulingDirectivesForSuspendedJobs: true}
	indexedN := func(n int32) func(*job.Job) {
		return func(j *job.Job) { j.Spec.CompletionMode, j.Spec.Completions = indexed(), i32(n) }
	}
	never := func(j *job.Job) { j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyNever }
	rule := policy.PodFailurePolicyRule{Action: policy.ActionFailJob, OnExitCodes: exitCodes(policy.OperatorIn, 1)}
	suspendedNeverStarted := func(j *job.Job) { j.Spec.Suspend = job.Ptr(true) }
	sp := func(n int32) *policy.SuccessPolicy {
		return &policy.SuccessPolicy{Rules: []policy.SuccessPolicyRule{{SucceededCount: i32(n)}}}
	}
	runUpdateCases(t, []updateCase{
		{id: "U01", change: func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("example.com/custom-controller") },
			want: field.ErrorList{inv("spec.managedBy", "example.com/custom-controller", "field is immutable")}},
		{id: "U02", old: func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("example.com/custom-controller1") },
			change: func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("example.com/custom-controller2") },
			want:   field.ErrorList{immutable("spec.managedBy")}},
		{id: "U03", change: func(j *job.Job) { j.Spec.Completions = i32(1) },
			want: field.ErrorList{inv("spec.completions", int32(1), "field is immutable")}},
		{id: "U04", old: func(j *job.Job) { j.Spec.Template.Labels["foo"] = "bar" },
			change: func(j *job.Job) { j.Spec.Selector.MatchLabels["foo"] = "bar" },
			want:   field.ErrorList{immutable("spec.selector")}},
		{id: "U05", old: indexedN(5), change: func(j *job.Job) { j.Spec.SuccessPolicy = sp(2) },
			want: field.ErrorList{inv("spec.successPolicy", rawRender(`{"Rules":[{"SucceededIndexes":null,"SucceededCount":2}]}`), "field is immutable")}},
		{id: "U06", old: func(j *job.Job) { indexedN(5)(j); j.Spec.SuccessPolicy = sp(2) },
			change: func(j *job.Job) {
				j.Spec.SuccessPolicy.Rules = append(j.Spec.SuccessPolicy.Rules, policy.SuccessPolicyRule{SucceededCount: i32(3)})
			},
			want: field.ErrorList{immutable("spec.successPolicy")}},
		{id: "U07", old: func(j *job.Job) { indexedN(5)(j); j.Spec.SuccessPolicy = sp(2) },
			change: func(j *job.Job) { j.Spec.SuccessPolicy = nil },
			want:   field.ErrorList{inv("spec.successPolicy", rawRender(`"null"`), "field is immutable")}},
		{id: "U08", old: never, change: func(j *job.Job) { j.Spec.PodFailurePolicy = pfp(rule) },
			want: field.ErrorList{immutable("spec.podFailurePolicy")}},
		{id: "U09", old: func(j *job.Job) { never(j); j.Spec.PodFailurePolicy = pfp(rule) },
			change: func(j *job.Job) { j.Spec.PodFailurePolicy.Rules = append(j.Spec.PodFailurePolicy.Rules, rule) },
			want:   field.ErrorList{immutable("spec.podFailurePolicy")}},
		{id: "U10", old: func(j *job.Job) { never(j); j.Spec.PodFailurePolicy = pfp(rule) },
			change: func(j *job.Job) { j.Spec.PodFailurePolicy = nil },
			want:   field.ErrorList{inv("spec.podFailurePolicy", rawRender(`"null"`), "field is immutable")}},
		{id: "U11", old: indexedN(3), change: func(j *job.Job) { j.Spec.BackoffLimitPerIndex = i32(1) },
			want: field.ErrorList{inv("spec.backoffLimitPerIndex", rawRender("1"), "field is immutable")}},
		{id: "U12", old: func(j *job.Job) { indexedN(3)(j); j.Spec.BackoffLimitPerIndex = i32(1) },
			change: func(j *job.Job) { j.Spec.BackoffLimitPerIndex = nil },
			want:   field.ErrorList{inv("spec.backoffLimitPerIndex", rawRender(`"null"`), "field is immutable")}},
		{id: "U13", old: func(j *job.Job) { indexedN(3)(j); j.Spec.BackoffLimitPerIndex = i32(1) },
			change: func(j *job.Job) { j.Spec.BackoffLimitPerIndex = i32(2) },
			want:   field.ErrorList{immutable("spec.backoffLimitPerIndex")}},
		{id: "U14", change: func(j *job.Job) { setPodField(j, "dnsPolicy", `"ClusterFirstWithHostNet"`) },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "U15", old: func(j *job.Job) { indexedN(2)(j) },
			change: func(j *job.Job) { j.Spec.CompletionMode = job.Ptr(job.NonIndexedCompletion) },
			want:   field.ErrorList{inv("spec.completionMode", rawRender(`"NonIndexed"`), "field is immutable")}},
		{id: "U16", old: func(j *job.Job) { j.Spec.Completions = i32(2) },
			change: func(j *job.Job) { j.Spec.Completions = i32(4) },
			want:   field.ErrorList{immutable("spec.completions")}},
		{id: "U17", change: func(j *job.Job) {
			setPodField(j, "affinity", `{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"foo","operator":"In","values":["bar"]}]}]}}}`)
		}, want: field.ErrorList{immutable("spec.template")}},
		{id: "U18", change: func(j *job.Job) { setPodField(j, "tolerations", `[{"key":"foo","operator":"Exists"}]`) },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "U19", change: func(j *job.Job) { setPodField(j, "nodeSelector", `{"foo":"bar"}`) },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "U20", change: func(j *job.Job) { j.Spec.Template.Annotations = map[string]string{"foo": "baz"} },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "U21", change: func(j *job.Job) { j.Spec.Template.Labels["bar"] = "baz" },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "U22", change: func(j *job.Job) { setPodField(j, "schedulingGates", `[{"name":"gate"}]`) },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "U23", old: func(j *job.Job) { indexedN(1)(j); j.Spec.Parallelism = i32(1) },
			change: func(j *job.Job) { j.Spec.Completions, j.Spec.Parallelism = i32(2), i32(3) },
			want:   field.ErrorList{inv("spec.completions", int32(2), "can only be modified in tandem with spec.parallelism")}},
		{id: "U24", old: func(j *job.Job) { indexedN(1)(j); j.Spec.Parallelism = i32(3) },
			change: func(j *job.Job) { j.Spec.Completions = nil },
			want:   field.ErrorList{req("spec.completions", "when completion mode is Indexed")}},
		// U-valid.
		{id: "valid-parallelism", change: func(j *job.Job) { j.Spec.Parallelism = i32(3) }},
		{id: "valid-activeDeadlineSeconds", change: func(j *job.Job) { j.Spec.ActiveDeadlineSeconds = job.Ptr[int64](3) }},
		{id: "valid-ttl", change: func(j *job.Job) { j.Spec.TTLSecondsAfterFinished = i32(3) }},
		{id: "valid-manualSelector", change: func(j *job.Job) { j.Spec.ManualSelector = job.Ptr(true) }},
		{id: "valid-backoffLimit", change: func(j *job.Job) { j.Spec.BackoffLimit = i32(1) }},
		{id: "valid-suspend", change: func(j *job.Job) { j.Spec.Suspend = job.Ptr(true) }},
		{id: "valid-maxFailedIndexes-set", old: func(j *job.Job) { indexedN(3)(j); j.Spec.BackoffLimitPerIndex = i32(1) },
			change: func(j *job.Job) { j.Spec.MaxFailedIndexes = i32(1) }},
		{id: "valid-maxFailedIndexes-unset", old: func(j *job.Job) {
			indexedN(3)(j)
			j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = i32(1), i32(1)
		}, change: func(j *job.Job) { j.Spec.MaxFailedIndexes = nil }},
		{id: "valid-maxFailedIndexes-change", old: func(j *job.Job) {
			indexedN(3)(j)
			j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = i32(1), i32(1)
		}, change: func(j *job.Job) { j.Spec.MaxFailedIndexes = i32(2) }},
		{id: "valid-elastic-1,1-2,2", old: func(j *job.Job) { indexedN(1)(j); j.Spec.Parallelism = i32(1) },
			change: func(j *job.Job) { j.Spec.Completions, j.Spec.Parallelism = i32(2), i32(2) }},
		{id: "valid-elastic-1,2-3,3", old: func(j *job.Job) { indexedN(1)(j); j.Spec.Parallelism = i32(2) },
			change: func(j *job.Job) { j.Spec.Completions, j.Spec.Parallelism = i32(3), i32(3) }},
		{id: "valid-elastic-scale-down", old: func(j *job.Job) { indexedN(3)(j); j.Spec.Parallelism = i32(3) },
			change: func(j *job.Job) { j.Spec.Completions, j.Spec.Parallelism = i32(1), i32(1) }},
		{id: "valid-parallelism-2-1", old: func(j *job.Job) { indexedN(2)(j); j.Spec.Parallelism = i32(2) },
			change: func(j *job.Job) { j.Spec.Parallelism = i32(1) }},
		{id: "valid-parallelism-2-3", old: func(j *job.Job) { indexedN(2)(j); j.Spec.Parallelism = i32(2) },
			change: func(j *job.Job) { j.Spec.Parallelism = i32(3) }},
		{id: "elastic-nil-parallelism-no-panic", old: indexedN(2),
			change: func(j *job.Job) { j.Spec.Completions = i32(3) },
			want:   field.ErrorList{inv("spec.completions", int32(3), "can only be modified in tandem with spec.parallelism")}},
		{id: "elastic-hostname", old: func(j *job.Job) {
			indexedN(1)(j)
			j.Spec.Parallelism = i32(1)
			j.Name = "a234567890123456789012345678901234567890123456789012345678901"
		}, change: func(j *job.Job) { j.Spec.Completions, j.Spec.Parallelism = i32(11), i32(11) },
			want: field.ErrorList{inv("metadata.name", anyValue{}, "will not able to create pod with invalid DNS label: a234567890123456789012345678901234567890123456789012345678901-10")}},
		{id: "elastic-hostname-after-immutability (ValidateJobUpdate runs validateNameAllowsCompletions last)", old: func(j *job.Job) {
			indexedN(1)(j)
			j.Spec.Parallelism = i32(1)
			j.Name = "a234567890123456789012345678901234567890123456789012345678901"
		}, change: func(j *job.Job) { j.Spec.Completions = i32(11) },
			want: field.ErrorList{
				inv("spec.completions", int32(11), "can only be modified in tandem with spec.parallelism"),
				inv("metadata.name", anyValue{}, "will not able to create pod with invalid DNS label: a234567890123456789012345678901234567890123456789012345678901-10"),
			}},
		{id: "valid-sched-add-node-affinity", old: suspendedNeverStarted, change: func(j *job.Job) {
			setPodField(j, "affinity", `{"nodeAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"preference":{}}]}}`)
		}},
		{id: "valid-sched-update-node-affinity", old: func(j *job.Job) {
			suspendedNeverStarted(j)
			setPodField(j, "affinity", `{"nodeAffinity":{"x":1},"podAffinity":{"y":2}}`)
		}, change: func(j *job.Job) { setPodField(j, "affinity", `{"nodeAffinity":{"x":2},"podAffinity":{"y":2}}`) }},
		{id: "valid-sched-remove-node-affinity", old: func(j *job.Job) {
			suspendedNeverStarted(j)
			setPodField(j, "affinity", `{"nodeAffinity":{"x":1},"podAffinity":{"y":2}}`)
		}, change: func(j *job.Job) { setPodField(j, "affinity", `{"podAffinity":{"y":2}}`) }},
		{id: "valid-sched-remove-affinity", old: func(j *job.Job) {
			suspendedNeverStarted(j)
			setPodField(j, "affinity", `{"nodeAffinity":{"x":1}}`)
		}, change: func(j *job.Job) { j.Spec.Template.Spec.Affinity = nil }},
		{id: "sched-pod-affinity-still-immutable", old: suspendedNeverStarted, opts: &schedOnly,
			change: func(j *job.Job) { setPodField(j, "affinity", `{"podAffinity":{"y":2}}`) },
			want:   field.ErrorList{immutable("spec.template")}},
		{id: "sched-remove-affinity-with-pod-affinity", opts: &schedOnly, old: func(j *job.Job) {
			suspendedNeverStarted(j)
			setPodField(j, "affinity", `{"nodeAffinity":{"x":1},"podAffinity":{"y":2}}`)
		}, change: func(j *job.Job) { j.Spec.Template.Spec.Affinity = nil },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "valid-sched-tolerations", old: suspendedNeverStarted,
			change: func(j *job.Job) { setPodField(j, "tolerations", `[{"key":"foo","operator":"Exists"}]`) }},
		{id: "valid-sched-nodeSelector", old: suspendedNeverStarted,
			change: func(j *job.Job) { setPodField(j, "nodeSelector", `{"foo":"bar"}`) }},
		{id: "valid-sched-annotations", old: suspendedNeverStarted,
			change: func(j *job.Job) { j.Spec.Template.Annotations = map[string]string{"foo": "baz"} }},
		{id: "valid-sched-labels", old: suspendedNeverStarted,
			change: func(j *job.Job) { j.Spec.Template.Labels["bar"] = "baz" }},
		{id: "valid-sched-schedulingGates", old: suspendedNeverStarted,
			change: func(j *job.Job) { setPodField(j, "schedulingGates", `[{"name":"gate"}]`) }},
		{id: "sched-image-still-immutable", old: suspendedNeverStarted, opts: &gatesOff,
			change: func(j *job.Job) { j.Spec.Template.Spec.Containers[0].Image = "other" },
			want:   field.ErrorList{immutable("spec.template")}},
		{id: "resources-branch-image", old: suspendedNeverStarted,
			change: func(j *job.Job) { j.Spec.Template.Spec.Containers[0].Image = "other" },
			want:   field.ErrorList{immutable("spec.template.spec")}},
		{id: "metadata-immutable", change: func(j *job.Job) {
			j.Name, j.Namespace, j.UID, j.Generation = "other", "ns2", "u2", -1
		}, want: field.ErrorList{
			inv("metadata.generation", int64(-1), msgNonNeg),
			inv("metadata.generation", int64(-1), "must not be decremented"),
			inv("metadata.name", "other", "field is immutable"),
			inv("metadata.namespace", "ns2", "field is immutable"),
			inv("metadata.uid", rawRender(`"u2"`), "field is immutable"),
			inv("metadata.generation", int64(-1), "must not be decremented"),
			inv("metadata.name", "other", "field is immutable"),
			inv("metadata.namespace", "ns2", "field is immutable"),
			inv("metadata.uid", rawRender(`"u2"`), "field is immutable"),
		}},
		{id: "no-new-finalizers-while-deleting", old: func(j *job.Job) { j.DeletionTimestamp = &t0 },
			change: func(j *job.Job) { j.Finalizers = []string{"example.com/f"} },
			want: field.ErrorList{
				forb("metadata.finalizers", `no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/f"}`),
				forb("metadata.finalizers", `no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/f"}`),
			}},
		{id: "resourceVersion-not-required", change: func(j *job.Job) { j.ResourceVersion = "" }},
	})
}

// Strategy-level update cases (§6.5, SU*).
func TestValidateJobUpdateStrategy(t *testing.T) {
	gatesOff := Options{}
	podResourcesOn := Options{MutablePodResourcesForSuspendedJobs: true}
	schedOn := Options{MutableSchedulingDirectivesForSuspendedJobs: true}
	suspended := func(j *job.Job) { j.Spec.Suspend = job.Ptr(true) }
	started := func(j *job.Job) { j.Status.StartTime = &t0 }
	suspendedCond := func(j *job.Job) {
		j.Status.Conditions = []job.JobCondition{{Type: job.JobSuspended, Status: job.ConditionTrue}}
	}
	all := func(fs ...func(*job.Job)) func(*job.Job) {
		return func(j *job.Job) {
			for _, f := range fs {
				f(j)
			}
		}
	}
	withCPU := func(j *job.Job) { setCPU(j, "1") }
	nodeSel := func(j *job.Job) { setPodField(j, "nodeSelector", `{"foo":"bar"}`) }
	active := func(n int32) func(*job.Job) { return func(j *job.Job) { j.Status.Active = n } }
	runUpdateCases(t, []updateCase{
		{id: "SU01", change: func(j *job.Job) { j.Spec.Completions = i32(2) }, old: func(j *job.Job) { j.Spec.Completions = i32(1) },
			want: field.ErrorList{immutable("spec.completions")}},
		{id: "SU02", change: nodeSel, want: field.ErrorList{immutable("spec.template")}},
		{id: "SU03", opts: &gatesOff, old: all(suspended, started), change: nodeSel,
			want: field.ErrorList{immutable("spec.template")}},
		{id: "SU04", opts: &gatesOff, old: suspended, change: nodeSel},
		{id: "SU05", opts: &podResourcesOn, old: all(suspended, active(1), withCPU), change: func(j *job.Job) { setCPU(j, "2") },
			want: field.ErrorList{immutable("spec.template")}},
		{id: "SU06", opts: &podResourcesOn, old: all(func(j *job.Job) { j.Spec.Suspend = job.Ptr(false) }, withCPU),
			change: func(j *job.Job) { setCPU(j, "2") }, want: field.ErrorList{immutable("spec.template")}},
		{id: "SU07", opts: &podResourcesOn, old: all(suspended, suspendedCond, started),
			change: func(j *job.Job) { j.Spec.Template.Spec.Containers[0].Image = "other" },
			want:   field.ErrorList{immutable("spec.template.spec")}},
		{id: "SU08", opts: &podResourcesOn, old: all(func(j *job.Job) { j.Spec.Suspend = job.Ptr(false) }, suspendedCond, withCPU),
			change: func(j *job.Job) { setCPU(j, "2") }, want: field.ErrorList{immutable("spec.template")}},
		{id: "SU09", opts: &podResourcesOn, old: all(suspended, started, suspendedCond, withCPU),
			change: func(j *job.Job) { setCPU(j, "2") }},
		{id: "SU09-add-resources", opts: &podResourcesOn, old: all(suspended, started, suspendedCond),
			change: withCPU},
		{id: "SU10", opts: &schedOn, old: all(suspended, started, suspendedCond, active(1)), change: nodeSel,
			want: field.ErrorList{immutable("spec.template")}},
		{id: "SU11", opts: &schedOn, old: all(suspended, started, suspendedCond), change: nodeSel},
		{id: "SU12", old: func(j *job.Job) {
			j.Spec.Template.Labels = map[string]string{job.LegacyJobNameLabel: "myjob", job.LegacyControllerUIDLabel: fUID}
			j.Spec.Selector.MatchLabels = map[string]string{job.LegacyControllerUIDLabel: fUID}
		}, change: func(j *job.Job) { j.Annotations = map[string]string{"foo": "bar"} }},
		{id: "SU13", old: func(j *job.Job) {
			j.Spec.Selector.MatchExpressions = []job.LabelSelectorRequirement{{Key: "foo", Operator: job.LabelSelectorOpIn, Values: []string{"bad value"}}}
		}, change: func(j *job.Job) { j.Annotations = map[string]string{"foo": "bar"} }},
		{id: "SU13-new-bad-value", change: func(j *job.Job) {
			j.Spec.Selector.MatchExpressions = []job.LabelSelectorRequirement{{Key: "foo", Operator: job.LabelSelectorOpIn, Values: []string{"bad value"}}}
		}, want: field.ErrorList{
			inv("spec.selector.matchExpressions[0].values[0]", "bad value", msgLabelValue),
			immutable("spec.selector"),
		}},
		{id: "resources-metadata-not-compared", opts: &podResourcesOn, old: all(suspended),
			change: func(j *job.Job) { j.Spec.Template.Annotations = map[string]string{"x": "y"}; setCPU(j, "3") }},
	})
}
