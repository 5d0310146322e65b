package job

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fullCronJob sets every CronJob member, in the order and shape in which
// k8s.io/api's batch/v1 types encode them.
const fullCronJob = `{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly","namespace":"ns","uid":"u1","labels":{"a":"b"},"annotations":{"c":"d"},"finalizers":["f"]},` +
	`"spec":{"schedule":"0 3 * * *","timeZone":"Europe/Rome","startingDeadlineSeconds":200,"concurrencyPolicy":"Forbid","suspend":true,` +
	`"jobTemplate":{"metadata":{"labels":{"t":"1"},"annotations":{"x":"y"}},"spec":{"parallelism":2,"backoffLimit":1,` +
	`"podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget","status":"True"}]}]},` +
	`"template":{"metadata":{"labels":{"p":"q"}},"spec":{"containers":[{"name":"main","image":"busybox","resources":{}}],"restartPolicy":"OnFailure"}}}},` +
	`"successfulJobsHistoryLimit":5,"failedJobsHistoryLimit":2},` +
	`"status":{"active":[{"kind":"Job","namespace":"ns","name":"nightly-29000000","uid":"u2","apiVersion":"batch/v1","resourceVersion":"7","fieldPath":"f"}],` +
	`"lastScheduleTime":"2026-01-01T03:00:00Z","lastSuccessfulTime":"2026-01-01T03:00:09Z"}}`

func TestCronJobJSONRoundTrip(t *testing.T) {
	var c CronJob
	if err := json.Unmarshal([]byte(fullCronJob), &c); err != nil {
		t.Fatal(err)
	}
	if c.Spec.TimeZone == nil || *c.Spec.TimeZone != "Europe/Rome" || c.Spec.ConcurrencyPolicy != ForbidConcurrent ||
		!c.Spec.IsSuspended() || *c.Spec.JobTemplate.Spec.Parallelism != 2 || c.Status.Active[0].Name != "nightly-29000000" {
		t.Fatalf("decoded %+v", c)
	}
	out, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal([]byte(fullCronJob), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("round trip changed the object (-in +out):\n%s", diff)
	}
}

// TestCronJobZeroEncoding pins the members an empty CronJob still carries:
// schedule and jobTemplate have no omitempty in k8s.io/api; empty structs
// are omitted (omitzero), as for Job, which decodes to the same object.
func TestCronJobZeroEncoding(t *testing.T) {
	out, err := json.Marshal(CronJob{Spec: CronJobSpec{Schedule: "@hourly"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), `{"spec":{"schedule":"@hourly","jobTemplate":{}}}`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCronJobDeepCopyIsIndependent(t *testing.T) {
	var c CronJob
	if err := json.Unmarshal([]byte(fullCronJob), &c); err != nil {
		t.Fatal(err)
	}
	assertIndependent(t, &c, c.DeepCopy())
	if (*CronJob)(nil).DeepCopy() != nil {
		t.Error("nil DeepCopy is not nil")
	}
}
