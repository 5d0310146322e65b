package validation

import (
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// TestValidateCronJobUpdate translates upstream TestValidateCronJob's
// update halves (a no-op update of every success case passes; every error
// case but the name length fails the same way, with timeZone nil in the
// old object), TestValidateCronJobScheduleTZ and TestValidateCronJobSpec.
func TestValidateCronJobUpdate(t *testing.T) {
	withTZ := func(c *job.CronJob) { c.Spec.Schedule = "TZ=UTC 0 * * * *" }
	valid0 := func(c *job.CronJob) { c.Spec.Schedule = "0 * * * *" }
	tzSpec := func(tz *string) func(c *job.CronJob) {
		return func(c *job.CronJob) { c.Spec.Schedule, c.Spec.TimeZone = "0 * * * *", tz }
	}
	tests := []struct {
		name     string
		old, new *job.CronJob
		want     field.ErrorList
	}{
		{"TestValidateCronJob/basic scheduled job (no-op update)", fixtureCJ(), fixtureCJ(), nil},
		{"TestValidateCronJob/metadata.name: 52 characters not checked on update",
			cj(func(c *job.CronJob) { c.Name = "10000000002000000000300000000040000000005000000000123" }),
			cj(func(c *job.CronJob) { c.Name = "10000000002000000000300000000040000000005000000000123" }), nil},
		{"TestValidateCronJob/spec.schedule: Invalid value (update)", fixtureCJ(), cj(func(c *job.CronJob) { c.Spec.Schedule = "error" }),
			field.ErrorList{inv("spec.schedule", "error", "expected exactly 5 fields, found 1: [error]")}},
		{"TestValidateCronJob/spec.timeZone: bad name (update)", fixtureCJ(), cj(func(c *job.CronJob) { c.Spec.TimeZone = strp("Europe/InvalidRome") }),
			field.ErrorList{inv("spec.timeZone", "Europe/InvalidRome", "unknown time zone Europe/InvalidRome")}},
		{"TestValidateCronJob/spec.concurrencyPolicy: Required value (update)", fixtureCJ(), cj(func(c *job.CronJob) { c.Spec.ConcurrencyPolicy = "" }),
			field.ErrorList{req("spec.concurrencyPolicy", "")}},
		{"empty schedule on update is last", fixtureCJ(), cj(func(c *job.CronJob) { c.Spec.Schedule, c.Spec.ConcurrencyPolicy = "", "" }),
			field.ErrorList{req("spec.concurrencyPolicy", ""), req("spec.schedule", "")}},
		{"empty schedule unchanged is in place", cj(func(c *job.CronJob) { c.Spec.Schedule = "" }),
			cj(func(c *job.CronJob) { c.Spec.Schedule, c.Spec.ConcurrencyPolicy = "", "" }),
			field.ErrorList{req("spec.schedule", ""), req("spec.concurrencyPolicy", "")}},
		{"TestValidateCronJobScheduleTZ/update removing TZ should work", cj(withTZ), cj(valid0), nil},
		{"TestValidateCronJobScheduleTZ/update not modifying TZ should work", cj(withTZ), cj(withTZ), nil},
		{"TestValidateCronJobScheduleTZ/update not modifying TZ but adding .spec.timeZone should fail", cj(withTZ),
			cj(func(c *job.CronJob) { withTZ(c); c.Spec.TimeZone = strp("UTC") }),
			field.ErrorList{inv("spec.schedule", "TZ=UTC 0 * * * *", tzBothMessage)}},
		{"TestValidateCronJobScheduleTZ/update adding TZ should fail", cj(valid0), cj(withTZ),
			field.ErrorList{inv("spec.schedule", "TZ=UTC 0 * * * *", tzMessage)}},
		{"TestValidateCronJobSpec/no validation because timeZone is nil for old and new", cj(tzSpec(nil)), cj(tzSpec(nil)), nil},
		{"TestValidateCronJobSpec/check validation because timeZone is different for new", cj(tzSpec(nil)), cj(tzSpec(strp("America/New_York"))), nil},
		{"TestValidateCronJobSpec/check validation because timeZone is different for new and invalid", cj(tzSpec(nil)), cj(tzSpec(strp("broken"))),
			field.ErrorList{inv("spec.timeZone", "broken", "unknown time zone broken")}},
		{"TestValidateCronJobSpec/old timeZone and new timeZone are valid", cj(tzSpec(strp("America/New_York"))), cj(tzSpec(strp("America/Chicago"))), nil},
		{"TestValidateCronJobSpec/old timeZone is valid, but new timeZone is invalid", cj(tzSpec(strp("America/New_York"))), cj(tzSpec(strp("broken"))),
			field.ErrorList{inv("spec.timeZone", "broken", "unknown time zone broken")}},
		{"TestValidateCronJobSpec/old timeZone and new timeZone are invalid, but unchanged", cj(tzSpec(strp("broken"))), cj(tzSpec(strp("broken"))), nil},
		{"TestValidateCronJobSpec/old timeZone and new timeZone are invalid, but different", cj(tzSpec(strp("broken"))), cj(tzSpec(strp("still broken"))),
			field.ErrorList{inv("spec.timeZone", "still broken", "unknown time zone still broken")}},
		{"TestValidateCronJobSpec/old timeZone is invalid, but new timeZone is valid", cj(tzSpec(strp("broken"))), cj(tzSpec(strp("America/New_York"))), nil},
		{"job template fields are mutable", fixtureCJ(), cj(func(c *job.CronJob) {
			c.Spec.JobTemplate.Spec.Completions, c.Spec.JobTemplate.Spec.CompletionMode = i32(5), indexed()
			c.Spec.JobTemplate.Spec.Template.Spec.Containers[0].Image = "other"
		}), nil},
		{"metadata update rules", fixtureCJ(), cj(func(c *job.CronJob) { c.Name, c.UID = "other", "u2" }), field.ErrorList{
			inv("metadata.name", "other", "field is immutable"), inv("metadata.uid", "u2", "field is immutable"),
			inv("metadata.name", "other", "field is immutable"), inv("metadata.uid", "u2", "field is immutable")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkErrors(t, ValidateCronJobUpdate(tc.new, tc.old, DefaultOptions()), tc.want)
		})
	}
}

// TestValidateCronJobStatusUpdate: upstream's status strategy validates
// nothing; only the generic metadata rules apply.
func TestValidateCronJobStatusUpdate(t *testing.T) {
	old := fixtureCJ()
	n := cj(func(c *job.CronJob) {
		c.Spec.Schedule = "broken"
		c.Status.LastScheduleTime = &job.Time{}
	})
	checkErrors(t, ValidateCronJobStatusUpdate(n, old, DefaultOptions()), nil)
	n.Namespace = "other"
	checkErrors(t, ValidateCronJobStatusUpdate(n, old, DefaultOptions()), field.ErrorList{inv("metadata.namespace", "other", "field is immutable")})
}

// TestTimeZones translates upstream TestTimeZones: a sample of the zones
// valid as of go1.19 (the full list is the table itself, checked against
// the toolchain by TestTimeZoneTableMatchesToolchain).
func TestTimeZones(t *testing.T) {
	for _, tz := range []string{"Africa/Abidjan", "America/Argentina/ComodRivadavia", "America/Indiana/Indianapolis",
		"Antarctica/DumontDUrville", "Asia/Kolkata", "Asia/Calcutta", "Etc/GMT-14", "Etc/GMT+12", "GMT0", "Europe/Kyiv",
		"Pacific/Kanton", "US/East-Indiana", "US/Pacific", "PRC", "ROK", "UCT", "Universal", "W-SU", "Zulu", "Factory"} {
		if errs := validateTimeZone(&tz, nil); len(errs) > 0 {
			t.Errorf("%s failed: %v", tz, errs)
		}
	}
}
