package validation

import (
	"slices"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
)

// TestCronJobWarnings translates upstream TestCronJobStrategy_WarningsOnCreate
// and TestCronJobStrategy_WarningsOnUpdate (pkg/registry/batch/cronjob),
// with the warning texts where upstream counts them.
func TestCronJobWarnings(t *testing.T) {
	valid := func() *job.CronJob {
		return cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "5 5 * * ?", strp("Asia/Shanghai")
			c.Spec.JobTemplate.Spec.CompletionMode, c.Spec.JobTemplate.Spec.Completions, c.Spec.JobTemplate.Spec.Parallelism = indexed(), i32(10), i32(10)
		})
	}
	gen := func(c *job.CronJob, g int64) *job.CronJob { c.Generation = g; return c }
	t.Run("WarningsOnCreate/happy path cronjob", func(t *testing.T) {
		if w := CronJobWarningsOnCreate(valid()); len(w) != 0 {
			t.Errorf("got %q", w)
		}
	})
	t.Run("WarningsOnCreate/dns invalid name", func(t *testing.T) {
		c := valid()
		c.Name = "my cronjob"
		want := []string{`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')]`}
		if w := CronJobWarningsOnCreate(c); !slices.Equal(w, want) {
			t.Errorf("got %q\nwant %q", w, want)
		}
	})
	t.Run("WarningsOnCreate/indexed tracking at the job template path", func(t *testing.T) {
		c := valid()
		c.Spec.JobTemplate.Spec.Completions, c.Spec.JobTemplate.Spec.Parallelism = i32(100001), i32(10001)
		want := []string{"spec.jobTemplate.spec: " + indexedTrackingWarning}
		if w := CronJobWarningsOnCreate(c); !slices.Equal(w, want) {
			t.Errorf("got %q\nwant %q", w, want)
		}
	})
	tzInSchedule := func() *job.CronJob {
		return cj(func(c *job.CronJob) {
			c.Spec.Schedule, c.Spec.TimeZone = "CRON_TZ=UTC 5 5 * * ?", strp("Asia/DoesNotExist")
		})
	}
	pullSecret := cj(func(c *job.CronJob) {
		c.Spec.JobTemplate.Spec.Template.Spec.ImagePullSecrets = []corev1.LocalObjectReference{{Name: ""}}
	})
	tests := []struct {
		name     string
		old, new *job.CronJob
		want     []string
	}{
		{"generation 0 for both", gen(valid(), 0), gen(valid(), 0), nil},
		{"generation 1 for new; force WarningsOnUpdate to check PodTemplate for updates", gen(valid(), 1), gen(valid(), 0), nil},
		{"force validation failure in pod template", gen(valid(), 1), gen(pullSecret, 0),
			[]string{`spec.jobTemplate.spec.template.spec.imagePullSecrets[0].name: invalid empty name ""`}},
		{"timezone invalid failure", gen(valid(), 1), gen(tzInSchedule(), 0), []string{cronJobTZWarning}},
		{"TZ warning also without a spec change", gen(tzInSchedule(), 1), gen(tzInSchedule(), 1), []string{cronJobTZWarning}},
		{"spec change with equal generations", gen(valid(), 1), gen(pullSecret, 1),
			[]string{`spec.jobTemplate.spec.template.spec.imagePullSecrets[0].name: invalid empty name ""`}},
	}
	for _, tc := range tests {
		t.Run("WarningsOnUpdate/"+tc.name, func(t *testing.T) {
			if w := CronJobWarningsOnUpdate(tc.new, tc.old); !slices.Equal(w, tc.want) {
				t.Errorf("got %q\nwant %q", w, tc.want)
			}
		})
	}
}
