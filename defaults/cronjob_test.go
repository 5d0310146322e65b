package defaults

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

func baseCronJob() *job.CronJob {
	return &job.CronJob{
		ObjectMeta: job.ObjectMeta{Name: "mycronjob", Namespace: "default", Generation: 999},
		Spec: job.CronJobSpec{
			Schedule: "* * * * ?",
			JobTemplate: job.JobTemplateSpec{Spec: job.JobSpec{
				PodFailurePolicy: &policy.PodFailurePolicy{Rules: []policy.PodFailurePolicyRule{{
					Action: policy.ActionIgnore, OnPodConditions: []policy.PodFailurePolicyOnPodConditionsPattern{{Type: "DisruptionTarget"}},
				}}},
				Template: job.PodTemplateSpec{Spec: job.PodSpec{Containers: []job.Container{{Name: "c", Image: "i"}}}},
			}},
		},
	}
}

// TestCronJobDefaults translates upstream TestSetDefaultCronJob
// (pkg/apis/batch/v1/defaults_test.go): the CronJob defaults, and none of
// the Job defaults on the job template.
func TestCronJobDefaults(t *testing.T) {
	in := baseCronJob()
	before := in.DeepCopy()
	got := CronJob(in)
	if diff := cmp.Diff(before, in); diff != "" {
		t.Fatalf("input mutated:\n%s", diff)
	}
	want := before.DeepCopy()
	want.Spec.ConcurrencyPolicy = job.AllowConcurrent
	want.Spec.Suspend = job.Ptr(false)
	want.Spec.SuccessfulJobsHistoryLimit = job.Ptr[int32](3)
	want.Spec.FailedJobsHistoryLimit = job.Ptr[int32](1)
	want.Spec.JobTemplate.Spec.PodFailurePolicy.Rules[0].OnPodConditions[0].Status = job.ConditionTrue
	want.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy = job.RestartPolicyAlways
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}

	set := baseCronJob()
	set.Spec.ConcurrencyPolicy = job.ReplaceConcurrent
	set.Spec.Suspend = job.Ptr(true)
	set.Spec.SuccessfulJobsHistoryLimit = job.Ptr[int32](5)
	set.Spec.FailedJobsHistoryLimit = job.Ptr[int32](5)
	set.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy = job.RestartPolicyNever
	if diff := cmp.Diff(set.Spec, CronJob(set).Spec, cmp.FilterPath(func(p cmp.Path) bool {
		return p.String() == "JobTemplate.Spec.PodFailurePolicy"
	}, cmp.Ignore())); diff != "" {
		t.Errorf("set fields changed:\n%s", diff)
	}
	if CronJob(nil) != nil {
		t.Error("nil in")
	}
}

// TestCronJobStrategy translates upstream TestCronJobStrategy and
// TestCronJobStatusStrategy (pkg/registry/batch/cronjob/strategy_test.go).
func TestCronJobStrategy(t *testing.T) {
	c := baseCronJob()
	c.Status.Active = []job.ObjectReference{{Name: "x"}}
	c.Spec.JobTemplate.Spec.Scheduling = []byte(`{"a":1}`)
	created := PrepareCronJobForCreate(c)
	if len(created.Status.Active) != 0 || created.Generation != 1 || created.Spec.JobTemplate.Spec.Scheduling != nil {
		t.Fatalf("create: status %+v generation %d scheduling %s", created.Status, created.Generation, created.Spec.JobTemplate.Spec.Scheduling)
	}
	if c.Generation != 999 || len(c.Status.Active) != 1 {
		t.Fatal("input mutated")
	}

	labelled := created.DeepCopy()
	labelled.Labels = map[string]string{"a": "true"}
	if got := PrepareCronJobForUpdate(labelled, created); got.Generation != 1 {
		t.Errorf("label update: generation %d, want 1", got.Generation)
	}

	now := job.NewTime(created.CreationTimestamp.Time)
	updated := &job.CronJob{
		ObjectMeta: job.ObjectMeta{Name: "bar", ResourceVersion: "4"},
		Spec:       job.CronJobSpec{Schedule: "5 5 5 * ?"},
		Status:     job.CronJobStatus{LastScheduleTime: &now},
	}
	got := PrepareCronJobForUpdate(updated, created)
	if got.Status.LastScheduleTime != nil || got.Generation != 2 {
		t.Errorf("spec update: status %+v generation %d, want old status and 2", got.Status, got.Generation)
	}

	// status strategy: spec from the old object, status from the new one
	status := PrepareCronJobForStatusUpdate(updated, created)
	if status.Spec.Schedule != created.Spec.Schedule || status.Status.LastScheduleTime == nil || status.ResourceVersion != "4" {
		t.Errorf("status update: %+v", status)
	}
}
