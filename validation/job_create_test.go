package validation

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation/equality"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

const (
	msgNonNeg        = "must be greater than or equal to 0"
	msgTooBigBLPI    = "must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index"
	msgNameRegex     = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
	msgLabelValue    = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
	msgSubdomain     = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
	msgMismatch      = "`selector` does not match template `labels`"
	msgNotAutoGen    = "`selector` not auto-generated"
	msgContainerName = "must be one of the container or initContainer names in the pod template"
)

type createCase struct {
	id     string
	base   func() *job.Job
	mutate func(j *job.Job)
	want   field.ErrorList
}

func runCreateCases(t *testing.T, cases []createCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			j := tc.base()
			if tc.mutate != nil {
				tc.mutate(j)
			}
			before := j.DeepCopy()
			got := ValidateJob(j, DefaultOptions())
			checkErrors(t, got, tc.want)
			if !equality.JobSpecs(&before.Spec, &j.Spec) || !equality.ObjectMeta(&before.ObjectMeta, &j.ObjectMeta) {
				t.Errorf("ValidateJob mutated its input")
			}
		})
	}
}

func TestValidateJobValidFixtures(t *testing.T) {
	for name, j := range map[string]*job.Job{"F": fixtureF(), "F-Never": fixtureFNever(), "M": fixtureM()} {
		if errs := ValidateJob(j, DefaultOptions()); len(errs) != 0 {
			t.Errorf("%s: unexpected errors %v", name, errs.ToAggregate())
		}
	}
}

// §6.1 Create — spec scalars, indexed limits.
func TestValidateJobScalars(t *testing.T) {
	long := strings.Repeat("a", 62)
	runCreateCases(t, []createCase{
		{"C01", fixtureF, func(j *job.Job) { j.Spec.Parallelism = i32(-1) },
			field.ErrorList{inv("spec.parallelism", int64(-1), msgNonNeg)}},
		{"C02", fixtureF, func(j *job.Job) { j.Spec.Completions = i32(-1) },
			field.ErrorList{inv("spec.completions", int64(-1), msgNonNeg)}},
		{"C03", fixtureF, func(j *job.Job) { j.Spec.ActiveDeadlineSeconds = job.Ptr[int64](-1) },
			field.ErrorList{inv("spec.activeDeadlineSeconds", int64(-1), msgNonNeg)}},
		{"C04", fixtureF, func(j *job.Job) { j.Spec.BackoffLimit = i32(-1) },
			field.ErrorList{inv("spec.backoffLimit", int64(-1), msgNonNeg)}},
		{"C05", fixtureF, func(j *job.Job) { j.Spec.TTLSecondsAfterFinished = i32(-1) },
			field.ErrorList{inv("spec.ttlSecondsAfterFinished", int64(-1), msgNonNeg)}},
		{"C06", fixtureF, func(j *job.Job) { j.Spec.BackoffLimitPerIndex = i32(1) },
			field.ErrorList{inv("spec.backoffLimitPerIndex", int32(1), "requires indexed completion mode")}},
		{"C07", fixtureF, func(j *job.Job) { j.Spec.CompletionMode = indexed(); j.Spec.BackoffLimitPerIndex = i32(-1) },
			field.ErrorList{
				inv("spec.backoffLimitPerIndex", int64(-1), msgNonNeg),
				req("spec.completions", "when completion mode is Indexed"),
			}},
		{"C08", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = indexed(), i32(10), i32(1), i32(11)
		}, field.ErrorList{inv("spec.maxFailedIndexes", int32(11), "must be less than or equal to completions")}},
		{"C09", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.BackoffLimitPerIndex = indexed(), i32(100001), i32(1)
		}, field.ErrorList{req("spec.maxFailedIndexes", "must be specified when completions is above 100000")}},
		{"C10", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.Parallelism = indexed(), i32(100001), i32(50000)
			j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = i32(1), i32(1)
		}, field.ErrorList{inv("spec.parallelism", int32(50000), msgTooBigBLPI)}},
		{"C11", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = indexed(), i32(100001), i32(1), i32(100001)
		}, field.ErrorList{
			inv("spec.maxFailedIndexes", int32(100001), "must be less than or equal to 100000"),
			inv("spec.maxFailedIndexes", int32(100001), msgTooBigBLPI),
		}},
		{"C12", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = indexed(), i32(100001), i32(1), i32(50000)
		}, field.ErrorList{inv("spec.maxFailedIndexes", int32(50000), msgTooBigBLPI)}},
		{"C13", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = indexed(), i32(10), i32(1), i32(-1)
		}, field.ErrorList{inv("spec.maxFailedIndexes", int64(-1), msgNonNeg)}},
		{"C14", fixtureF, func(j *job.Job) { j.Spec.CompletionMode, j.Spec.MaxFailedIndexes = indexed(), i32(1) },
			field.ErrorList{
				req("spec.backoffLimitPerIndex", "when maxFailedIndexes is specified"),
				req("spec.completions", "when completion mode is Indexed"),
			}},
		{"C15", fixtureF, func(j *job.Job) { j.Spec.CompletionMode = indexed() },
			field.ErrorList{req("spec.completions", "when completion mode is Indexed")}},
		{"C16", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.Parallelism = indexed(), i32(2), i32(100001)
		},
			field.ErrorList{inv("spec.parallelism", int32(100001), "must be less than or equal to 100000 when completion mode is Indexed")}},
		{"C17", fixtureF, func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("example.com/" + strings.Repeat("x", 60)) },
			field.ErrorList{tooLong("spec.managedBy", 63)}},
		{"C18", fixtureF, func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("invalid custom controller name") },
			field.ErrorList{inv("spec.managedBy", "invalid custom controller name", `must be a domain-prefixed path (such as "acme.io/foo")`)}},
		{"C19", fixtureF, func(j *job.Job) { j.Spec.CompletionMode = job.Ptr(job.CompletionMode("Foo")) },
			field.ErrorList{ns("spec.completionMode", job.CompletionMode("Foo"), `supported values: "NonIndexed", "Indexed"`)}},
		{"C20", fixtureF, func(j *job.Job) {
			setName(j, long)
			j.Spec.CompletionMode, j.Spec.Completions = indexed(), i32(10)
		}, field.ErrorList{inv("metadata.name", long, "will not able to create pod with invalid DNS label: "+long+"-9")}},
		{"C20-ok", fixtureF, func(j *job.Job) {
			setName(j, strings.Repeat("a", 61))
			j.Spec.CompletionMode, j.Spec.Completions = indexed(), i32(10)
		}, nil},
		{"C20-11", fixtureF, func(j *job.Job) {
			setName(j, strings.Repeat("a", 61))
			j.Spec.CompletionMode, j.Spec.Completions = indexed(), i32(11)
		}, field.ErrorList{inv("metadata.name", strings.Repeat("a", 61), "will not able to create pod with invalid DNS label: "+strings.Repeat("a", 61)+"-10")}},
		{"managedBy-host", fixtureF, func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("Example.com/x y") },
			field.ErrorList{
				inv("spec.managedBy", "Example.com", msgSubdomain),
				inv("spec.managedBy", "x y", "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"),
			}},
		{"managedBy-empty", fixtureF, func(j *job.Job) { j.Spec.ManagedBy = job.Ptr("") },
			field.ErrorList{req("spec.managedBy", "")}},
		{"managedBy-reserved", fixtureF, func(j *job.Job) { j.Spec.ManagedBy = job.Ptr(job.JobControllerName) }, nil},
		{"maxFailedIndexes-nonindexed", fixtureF, func(j *job.Job) { j.Spec.BackoffLimitPerIndex, j.Spec.MaxFailedIndexes = i32(1), i32(1) },
			field.ErrorList{
				inv("spec.backoffLimitPerIndex", int32(1), "requires indexed completion mode"),
				inv("spec.maxFailedIndexes", int32(1), "requires indexed completion mode"),
			}},
		{"unknown-mode-only-notsupported", fixtureF, func(j *job.Job) {
			j.Spec.CompletionMode = job.Ptr(job.CompletionMode("indexed"))
			j.Spec.BackoffLimitPerIndex = i32(1)
		}, field.ErrorList{ns("spec.completionMode", job.CompletionMode("indexed"), `supported values: "NonIndexed", "Indexed"`)}},
	})
}

// setName renames a fixture Job and its job-name labels and selector.
func setName(j *job.Job, name string) {
	j.Name = name
	for _, m := range []map[string]string{j.Spec.Template.Labels, j.Spec.Selector.MatchLabels} {
		for _, k := range []string{job.JobNameLabel, job.LegacyJobNameLabel} {
			if _, ok := m[k]; ok {
				m[k] = name
			}
		}
	}
}

// §6.2 Create — success policy.
func TestValidateJobSuccessPolicy(t *testing.T) {
	base := func() *job.Job {
		j := fixtureFNever()
		j.Spec.CompletionMode, j.Spec.Completions = indexed(), i32(5)
		return j
	}
	sp := func(rules ...policy.SuccessPolicyRule) *policy.SuccessPolicy {
		if rules == nil {
			rules = []policy.SuccessPolicyRule{}
		}
		return &policy.SuccessPolicy{Rules: rules}
	}
	ones := strings.Repeat("1", 65537)
	var rules21 []policy.SuccessPolicyRule
	for range 21 {
		rules21 = append(rules21, policy.SuccessPolicyRule{SucceededCount: i32(5)})
	}
	runCreateCases(t, []createCase{
		{"C21", fixtureFNever, func(j *job.Job) { j.Spec.SuccessPolicy = sp() },
			field.ErrorList{inv("spec.successPolicy", anyValue{}, "requires indexed completion mode")}},
		{"C22", base, func(j *job.Job) { j.Spec.SuccessPolicy = &policy.SuccessPolicy{} },
			field.ErrorList{req("spec.successPolicy.rules", "at least one rules must be specified when the successPolicy is specified")}},
		{"C23", base, func(j *job.Job) { j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{}) },
			field.ErrorList{req("spec.successPolicy.rules[0]", "at least one of succeededCount or succeededIndexes must be specified")}},
		{"C24", base, func(j *job.Job) {
			j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededIndexes: job.Ptr("invalid-format")})
		},
			field.ErrorList{inv("spec.successPolicy.rules[0].succeededIndexes", "invalid-format", `error parsing succeededIndexes: cannot convert string to integer for index: "invalid"`)}},
		{"C25", base, func(j *job.Job) { j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededIndexes: &ones}) },
			field.ErrorList{
				tooLong("spec.successPolicy.rules[0].succeededIndexes", 65536),
				inv("spec.successPolicy.rules[0].succeededIndexes", ones, `error parsing succeededIndexes: cannot convert string to integer for index: "`+ones+`"`),
			}},
		{"C26", base, func(j *job.Job) { j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededCount: i32(-1)}) },
			field.ErrorList{inv("spec.successPolicy.rules[0].succeededCount", int64(-1), msgNonNeg)}},
		{"C27", base, func(j *job.Job) { j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededCount: i32(6)}) },
			field.ErrorList{inv("spec.successPolicy.rules[0].succeededCount", int32(6), "must be less than or equal to 5 (the number of specified completions)")}},
		{"C28", base, func(j *job.Job) {
			j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededCount: i32(4), SucceededIndexes: job.Ptr("0-2")})
		}, field.ErrorList{inv("spec.successPolicy.rules[0].succeededCount", int32(4), "must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)")}},
		{"C29", base, func(j *job.Job) { j.Spec.SuccessPolicy = sp(rules21...) },
			field.ErrorList{tooMany("spec.successPolicy.rules", 21, 20)}},
		{"valid-rules", base, func(j *job.Job) {
			j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededIndexes: job.Ptr("0,2-4"), SucceededCount: i32(2)}, policy.SuccessPolicyRule{SucceededCount: i32(5)})
		}, nil},
		{"count-with-bad-indexes", base, func(j *job.Job) {
			j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededIndexes: job.Ptr("7"), SucceededCount: i32(1)})
		}, field.ErrorList{
			inv("spec.successPolicy.rules[0].succeededIndexes", "7", `error parsing succeededIndexes: too large index: "7"`),
			inv("spec.successPolicy.rules[0].succeededCount", int32(1), "must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)"),
		}},
		// Upstream panics here (nil completions); jobkit skips the
		// completions-based checks.
		{"nil-completions-no-panic", base, func(j *job.Job) {
			j.Spec.Completions, j.Spec.Parallelism = nil, i32(2)
			j.Spec.SuccessPolicy = sp(policy.SuccessPolicyRule{SucceededIndexes: job.Ptr("0-2"), SucceededCount: i32(9)})
		}, field.ErrorList{req("spec.completions", "when completion mode is Indexed")}},
	})
}

func TestSuccessPolicyRendering(t *testing.T) {
	j := fixtureFNever()
	j.Spec.SuccessPolicy = &policy.SuccessPolicy{Rules: []policy.SuccessPolicyRule{}}
	got := ValidateJob(j, DefaultOptions())
	want := `spec.successPolicy: Invalid value: {"Rules":[]}: requires indexed completion mode`
	if len(got) != 1 || got[0].Error() != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
