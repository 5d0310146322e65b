package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestValidateCommandCronJobs(t *testing.T) {
	var out, errOut bytes.Buffer
	code := dispatch([]string{"validate", "testdata/validate-cronjobs.yaml"}, &out, &errOut)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (one CronJob is invalid); stderr: %s", code, errOut.String())
	}
	want := `testdata/validate-cronjobs.yaml:1: document 1: CronJob default/nightly: valid
testdata/validate-cronjobs.yaml:17: document 2: CronJob default/broken: invalid: CronJob.batch "broken" is invalid: [spec.schedule: Invalid value: "TZ=UTC 61 * * * *": end of range (61) above maximum (59): 61, spec.schedule: Invalid value: "TZ=UTC 61 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead, spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]
  line 22: spec.schedule: Invalid value: "TZ=UTC 61 * * * *": end of range (61) above maximum (59): 61
  line 22: spec.schedule: Invalid value: "TZ=UTC 61 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead
  line 27: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestDefaultCommandCronJobs(t *testing.T) {
	// --create (the default) validates too: the broken CronJob is printed
	// and makes the exit status 1.
	for _, args := range [][]string{{"default", "--create=false"}, {"default", "--create"}} {
		var out, errOut bytes.Buffer
		create := args[1] == "--create"
		want := exitOK
		if create {
			want = exitInvalid
		}
		if code := dispatch(append(args, "testdata/validate-cronjobs.yaml"), &out, &errOut); code != want {
			t.Fatalf("%v: exit status %d: %s", args, code, errOut.String())
		}
		for _, want := range []string{"kind: CronJob", "concurrencyPolicy: Allow", "successfulJobsHistoryLimit: 3", "failedJobsHistoryLimit: 1", "\n---\n"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v: output lacks %q:\n%s", args, want, out.String())
			}
		}
		if strings.Contains(out.String(), "backoffLimit") {
			t.Errorf("%v: the job template got Job defaults:\n%s", args, out.String())
		}
		if create != strings.Contains(out.String(), "generation: 1") {
			t.Errorf("%v: generation 1 only with --create:\n%s", args, out.String())
		}
	}
}
