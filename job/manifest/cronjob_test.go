package manifest_test

import (
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

const cronJobDoc = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  timeZone: Europe/Rome
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox, resources: {limits: {cpu: 1}}}]
`

func TestDecodeCronJob(t *testing.T) {
	c, err := manifest.DecodeCronJob([]byte(cronJobDoc))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Spec
	if c.Name != "nightly" || s.Schedule != "0 3 * * *" || s.TimeZone == nil || *s.TimeZone != "Europe/Rome" ||
		s.ConcurrencyPolicy != job.ForbidConcurrent || *s.JobTemplate.Spec.BackoffLimit != 2 ||
		s.JobTemplate.Spec.Template.Spec.Containers[0].Image != "busybox" {
		t.Fatalf("decoded %+v", c)
	}
	out, err := manifest.EncodeYAML(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := manifest.DecodeCronJob(out)
	if err != nil {
		t.Fatalf("re-decoding %s: %v", out, err)
	}
	again, err := manifest.EncodeYAML(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) {
		t.Errorf("YAML round trip is not stable:\n%s\n---\n%s", out, again)
	}
}

func TestDecodeCronJobStrictErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"unknown field in the CronJob spec", cronJobDoc + "  schedul: x\n",
			`line 16: strict decoding error: unknown field "spec.schedul"`},
		{"unknown field in the job template spec", "spec:\n  jobTemplate:\n    spec:\n      completion: 3\n",
			`line 4: strict decoding error: unknown field "spec.jobTemplate.spec.completion"`},
		{"unknown field in the job template metadata", "spec:\n  jobTemplate:\n    metadata:\n      lables: {}\n",
			`line 4: strict decoding error: unknown field "spec.jobTemplate.metadata.lables"`},
		{"integer schedule", "spec:\n  schedule: 5\n",
			`line 2: json: cannot unmarshal number into Go struct field CronJobSpec.spec.schedule of type string`},
		{"wrong kind", "kind: Job\n",
			`line 1: kind: got "Job", want "CronJob" (expected apiVersion batch/v1, kind CronJob)`},
		{"history limit out of range", "spec:\n  failedJobsHistoryLimit: 3000000000\n",
			`line 2: json: cannot unmarshal number 3000000000 into Go struct field CronJobSpec.spec.failedJobsHistoryLimit of type int32`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := manifest.DecodeCronJob([]byte(tc.doc))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}
