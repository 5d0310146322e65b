package validation

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// fixtureCJ is upstream's CronJob fixture of TestValidateCronJob: name
// mycronjob, schedule "* * * * ?", concurrencyPolicy Allow, and the valid
// generated-selector pod template with its labels emptied.
func fixtureCJ() *job.CronJob {
	t := fixtureF().Spec.Template
	t.Labels = map[string]string{}
	return &job.CronJob{
		ObjectMeta: job.ObjectMeta{Name: "mycronjob", Namespace: "default", UID: fUID},
		Spec: job.CronJobSpec{
			Schedule:          "* * * * ?",
			ConcurrencyPolicy: job.AllowConcurrent,
			JobTemplate:       job.JobTemplateSpec{Spec: job.JobSpec{Template: t}},
		},
	}
}

func cj(mut func(c *job.CronJob)) *job.CronJob {
	c := fixtureCJ()
	mut(c)
	return c
}

func strp(s string) *string { return &s }

const (
	tzMessage     = "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
	tzBothMessage = "cannot use both timeZone field and TZ or CRON_TZ in schedule"
	rpMessage     = `valid values: "OnFailure", "Never"`
)

// TestValidateCronJobCreate translates upstream TestValidateCronJob (its
// success and error cases, with the full expected list where upstream
// checks only the first error), TestValidateCronJobScheduleTZ's create half
// and the strategy test fixtures, each named after its upstream case.
func TestValidateCronJobCreate(t *testing.T) {
	tmplSpec := "spec.jobTemplate.spec."
	tests := []struct {
		name string
		c    *job.CronJob
		want field.ErrorList
	}{
		{"TestValidateCronJob/basic scheduled job", fixtureCJ(), nil},
		{"TestValidateCronJob/hostnet job", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Template.Spec.Unknown = job.Unknown{"hostNetwork": []byte(`true`)}
		}), nil},
		{"TestValidateCronJob/non-standard scheduled", cj(func(c *job.CronJob) { c.Spec.Schedule = "@hourly" }), nil},
		{"TestValidateCronJob/correct timeZone value", cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "0 * * * *", strp("Europe/Rome")
		}), nil},
		{"TestValidateCronJob/spec.schedule: Invalid value", cj(func(c *job.CronJob) { c.Spec.Schedule = "error" }),
			field.ErrorList{inv("spec.schedule", "error", "expected exactly 5 fields, found 1: [error]")}},
		{"TestValidateCronJob/spec.schedule: Required value", cj(func(c *job.CronJob) { c.Spec.Schedule = "" }),
			field.ErrorList{req("spec.schedule", "")}},
		{"declarative Required comes last", cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.ConcurrencyPolicy = "", ""
		}), field.ErrorList{req("spec.concurrencyPolicy", ""), req("spec.schedule", "")}},
		{"TestValidateCronJob/spec.timeZone: timeZone must be nil or non-empty string", cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "0 * * * *", strp("")
		}), field.ErrorList{inv("spec.timeZone", "", "timeZone must be nil or non-empty string")}},
		{"TestValidateCronJob/spec.timeZone: timeZone must be an explicit time zone", cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "0 * * * *", strp("LOCAL")
		}), field.ErrorList{
			inv("spec.timeZone", "LOCAL", "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"),
			inv("spec.timeZone", "LOCAL", "unknown time zone LOCAL")}},
		{"Local is only not explicit", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Local") }), field.ErrorList{
			inv("spec.timeZone", "Local", "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")}},
		{"TestValidateCronJob/spec.timeZone: bad prefix", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp(" Europe/Rome") }),
			field.ErrorList{inv("spec.timeZone", " Europe/Rome", "unknown time zone  Europe/Rome")}},
		{"TestValidateCronJob/spec.timeZone: bad name", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Europe/InvalidRome") }),
			field.ErrorList{inv("spec.timeZone", "Europe/InvalidRome", "unknown time zone Europe/InvalidRome")}},
		{"TestValidateCronJob/spec.timeZone: empty space", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp(" ") }),
			field.ErrorList{inv("spec.timeZone", " ", "unknown time zone  ")}},
		{"TestValidateCronJob/spec.timeZone: bad suffix", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Europe/Rome ") }),
			field.ErrorList{inv("spec.timeZone", "Europe/Rome ", "unknown time zone Europe/Rome ")}},
		{"timeZone part longer than 14", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("America/Argentina_Buenos") }),
			field.ErrorList{inv("spec.timeZone", "America/Argentina_Buenos", "unknown time zone America/Argentina_Buenos")}},
		{"timeZone part starting with -", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Etc/-GMT") }),
			field.ErrorList{inv("spec.timeZone", "Etc/-GMT", "unknown time zone Etc/-GMT")}},
		{"timeZone with a dot-dot inside a part", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Europe/Ro..me") }),
			field.ErrorList{inv("spec.timeZone", "Europe/Ro..me", "time: invalid location name")}},
		{"timeZone is case-sensitive", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("europe/rome") }),
			field.ErrorList{inv("spec.timeZone", "europe/rome", "unknown time zone europe/rome")}},
		{"timeZone UTC", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("UTC") }), nil},
		{"timeZone Etc/GMT+5", cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Etc/GMT+5") }), nil},
		{"TestValidateCronJob/spec.startingDeadlineSeconds", cj(func(c *job.CronJob) { c.Spec.StartingDeadlineSeconds = job.Ptr[int64](-1) }),
			field.ErrorList{inv("spec.startingDeadlineSeconds", int64(-1), IsNegativeErrorMsg)}},
		{"TestValidateCronJob/spec.successfulJobsHistoryLimit", cj(func(c *job.CronJob) { c.Spec.SuccessfulJobsHistoryLimit = i32(-1) }),
			field.ErrorList{inv("spec.successfulJobsHistoryLimit", int64(-1), IsNegativeErrorMsg)}},
		{"TestValidateCronJob/spec.failedJobsHistoryLimit", cj(func(c *job.CronJob) { c.Spec.FailedJobsHistoryLimit = i32(-1) }),
			field.ErrorList{inv("spec.failedJobsHistoryLimit", int64(-1), IsNegativeErrorMsg)}},
		{"history limits of zero", cj(func(c *job.CronJob) {
			c.Spec.SuccessfulJobsHistoryLimit, c.Spec.FailedJobsHistoryLimit, c.Spec.StartingDeadlineSeconds = i32(0), i32(0), job.Ptr[int64](0)
		}), nil},
		{"TestValidateCronJob/spec.concurrencyPolicy: Required value", cj(func(c *job.CronJob) { c.Spec.ConcurrencyPolicy = "" }),
			field.ErrorList{req("spec.concurrencyPolicy", "")}},
		{"concurrencyPolicy unsupported", cj(func(c *job.CronJob) { c.Spec.ConcurrencyPolicy = "allow" }),
			field.ErrorList{ns("spec.concurrencyPolicy", "allow", `supported values: "Allow", "Forbid", "Replace"`)}},
		{"concurrencyPolicy Forbid", cj(func(c *job.CronJob) { c.Spec.ConcurrencyPolicy = job.ForbidConcurrent }), nil},
		{"concurrencyPolicy Replace", cj(func(c *job.CronJob) { c.Spec.ConcurrencyPolicy = job.ReplaceConcurrent }), nil},
		{"TestValidateCronJob/spec.jobTemplate.spec.parallelism", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.Parallelism = i32(-1) }),
			field.ErrorList{inv(tmplSpec+"parallelism", int64(-1), IsNegativeErrorMsg)}},
		{"TestValidateCronJob/spec.jobTemplate.spec.completions", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.Completions = i32(-1) }),
			field.ErrorList{inv(tmplSpec+"completions", int64(-1), IsNegativeErrorMsg)}},
		{"TestValidateCronJob/spec.jobTemplate.spec.activeDeadlineSeconds", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.ActiveDeadlineSeconds = job.Ptr[int64](-1)
		}), field.ErrorList{inv(tmplSpec+"activeDeadlineSeconds", int64(-1), IsNegativeErrorMsg)}},
		{"TestValidateCronJob/spec.jobTemplate.spec.selector: will be auto-generated", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{"a": "b"}}
		}), field.ErrorList{inv(tmplSpec+"selector", anyValue{}, "`selector` will be auto-generated")}},
		{"TestValidateCronJob/metadata.name: must be no more than 52 characters", cj(func(c *job.CronJob) {
			c.Name = "10000000002000000000300000000040000000005000000000123"
		}), field.ErrorList{inv("metadata.name", "10000000002000000000300000000040000000005000000000123", "must be no more than 52 characters")}},
		{"52 characters are allowed", cj(func(c *job.CronJob) { c.Name = strings.Repeat("a", 52) }), nil},
		{"TestValidateCronJob/spec.jobTemplate.spec.manualSelector: Unsupported value", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.ManualSelector = job.Ptr(true)
		}), field.ErrorList{ns(tmplSpec+"manualSelector", true, `supported values: "nil", "false"`)}},
		{"manualSelector false is allowed", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.ManualSelector = job.Ptr(false) }), nil},
		{"TestValidateCronJob/spec.jobTemplate.spec.template.spec.restartPolicy: Required value", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy = job.RestartPolicyAlways
		}), field.ErrorList{req(tmplSpec+"template.spec.restartPolicy", rpMessage)}},
		{"TestValidateCronJob/spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy = "Invalid"
		}), field.ErrorList{
			ns(tmplSpec+"template.spec.restartPolicy", "Invalid", `supported values: "Always", "OnFailure", "Never"`),
			ns(tmplSpec+"template.spec.restartPolicy", "Invalid", `supported values: "OnFailure", "Never"`)}},
		{"TestValidateCronJob/spec.jobTemplate.spec.ttlSecondsAfterFinished", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.TTLSecondsAfterFinished = i32(-1)
		}), field.ErrorList{inv(tmplSpec+"ttlSecondsAfterFinished", int64(-1), IsNegativeErrorMsg)}},
		{"template: no selector required, template labels need not match", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Template.Labels = map[string]string{"x": "y"}
		}), nil},
		{"template metadata is not validated", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Labels = map[string]string{"bad key!": "v"}
		}), nil},
		{"template labels are validated", cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Template.Labels = map[string]string{"a": "-bad"}
		}), field.ErrorList{inv(tmplSpec+"template.labels", "-bad",
			"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")}},
		{"template: no containers", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.Template.Spec.Containers = nil }),
			field.ErrorList{req(tmplSpec+"template.spec.containers", "")}},
		{"template: Indexed needs completions", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.CompletionMode = indexed() }),
			field.ErrorList{req(tmplSpec+"completions", "when completion mode is Indexed")}},
		{"template: maxFailedIndexes needs backoffLimitPerIndex and Indexed", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.MaxFailedIndexes = i32(1) }),
			field.ErrorList{req(tmplSpec+"backoffLimitPerIndex", "when maxFailedIndexes is specified"),
				inv(tmplSpec+"maxFailedIndexes", int32(1), "requires indexed completion mode")}},
		{"template: podFailurePolicy needs restartPolicy Never", cj(func(c *job.CronJob) { c.Spec.JobTemplate.Spec.PodFailurePolicy = pfp() }),
			field.ErrorList{inv(tmplSpec+"template.spec.restartPolicy", job.RestartPolicyOnFailure, `only "Never" is supported when podFailurePolicy is specified`)}},
		{"template: indexed name length is not checked", cj(func(c *job.CronJob) {
			c.Name = strings.Repeat("a", 52)
			c.Spec.JobTemplate.Spec.CompletionMode, c.Spec.JobTemplate.Spec.Completions = indexed(), i32(100000)
		}), nil},
		{"TestValidateCronJobScheduleTZ/create with TZ", cj(func(c *job.CronJob) { c.Spec.Schedule = "TZ=UTC 0 * * * *" }),
			field.ErrorList{inv("spec.schedule", "TZ=UTC 0 * * * *", tzMessage)}},
		{"strategy cronjobSpecWithTZinSchedule", cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "CRON_TZ=UTC 5 5 * * ?", strp("Asia/DoesNotExist")
		}), field.ErrorList{inv("spec.schedule", "CRON_TZ=UTC 5 5 * * ?", tzMessage),
			inv("spec.timeZone", "Asia/DoesNotExist", "unknown time zone Asia/DoesNotExist")}},
		{"strategy validCronjobSpec", cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "5 5 * * ?", strp("Asia/Shanghai")
			c.Spec.JobTemplate.Spec.CompletionMode, c.Spec.JobTemplate.Spec.Completions, c.Spec.JobTemplate.Spec.Parallelism = indexed(), i32(10), i32(10)
		}), nil},
		{"metadata errors come first, then spec, then the name length", cj(func(c *job.CronJob) {
			c.Name = strings.Repeat("A", 53)
			c.Namespace = ""
			c.Spec.Schedule = "* * * *"
		}), field.ErrorList{
			inv("metadata.name", strings.Repeat("A", 53), "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
			req("metadata.namespace", ""),
			inv("spec.schedule", "* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
			inv("metadata.name", strings.Repeat("A", 53), "must be no more than 52 characters")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.c.DeepCopy()
			checkErrors(t, ValidateCronJob(tc.c, DefaultOptions()), tc.want)
			if diff := (*tc.c).Spec.Schedule != in.Spec.Schedule; diff {
				t.Error("input mutated")
			}
		})
	}
}
