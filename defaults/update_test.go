package defaults

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/job/resource"
)

func TestPrepareForUpdate(t *testing.T) {
	old := PrepareForCreate(GenerateSelector(Job(decode(t, `{"metadata":{"name":"pi","uid":"U","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":3},
		"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}},"status":{"active":2}}`))))
	old.Generation = 3
	old.Status.Active = 2

	same := old.DeepCopy()
	same.UID, same.ResourceVersion, same.CreationTimestamp, same.Generation = "", "", job.Time{}, 9
	same.Status = job.JobStatus{Failed: 5}
	before := encode(t, same)
	got := PrepareForUpdate(same, old)
	if got.Generation != 3 || got.UID != "U" || got.ResourceVersion != "7" || !got.CreationTimestamp.Equal(old.CreationTimestamp) ||
		got.Status.Active != 2 || got.Status.Failed != 0 {
		t.Errorf("unchanged spec: got %s", encode(t, got))
	}
	if encode(t, same) != before {
		t.Errorf("input mutated")
	}

	changed := old.DeepCopy()
	changed.Spec.Parallelism = job.Ptr[int32](4)
	changed.Spec.Scheduling = []byte(`{"x":1}`)
	got = PrepareForUpdate(changed, old)
	if got.Generation != 4 || got.Spec.Scheduling != nil {
		t.Errorf("changed spec: generation %d, scheduling %s", got.Generation, got.Spec.Scheduling)
	}

	status := old.DeepCopy()
	status.Spec.Parallelism = job.Ptr[int32](9)
	status.Status.StartTime = job.NewTimePtr(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	status.Labels = map[string]string{"x": "y"}
	got = PrepareForStatusUpdate(status, old)
	if *got.Spec.Parallelism != 1 || got.Status.StartTime == nil || got.Labels["x"] != "y" || got.Generation != 3 {
		t.Errorf("status update: got %s", encode(t, got))
	}
	if PrepareForUpdate(nil, old) != nil || PrepareForStatusUpdate(nil, old) != nil || PrepareForUpdate(old, nil) == nil {
		t.Errorf("nil handling")
	}
}

// The API server keeps a stored deletionTimestamp but does not erase one
// an update adds (validation then rejects it as immutable).
func TestPrepareForUpdateDeletionTimestamp(t *testing.T) {
	ts := job.NewTimePtr(time.Date(2026, 1, 1, 0, 1, 0, 0, time.UTC))
	old := Job(decode(t, `{"metadata":{"name":"pi","uid":"U"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`))
	added := old.DeepCopy()
	added.DeletionTimestamp = ts
	if got := PrepareForUpdate(added, old); got.DeletionTimestamp == nil || !got.DeletionTimestamp.Equal(*ts) {
		t.Errorf("added deletionTimestamp was dropped: %v", got.DeletionTimestamp)
	}
	deleting := old.DeepCopy()
	deleting.DeletionTimestamp = ts
	removed := deleting.DeepCopy()
	removed.DeletionTimestamp = nil
	if got := PrepareForUpdate(removed, deleting); got.DeletionTimestamp == nil || !got.DeletionTimestamp.Equal(*ts) {
		t.Errorf("stored deletionTimestamp not kept: %v", got.DeletionTimestamp)
	}
}

// The generation bump uses the API server's semantic equality: an equal
// resource quantity written differently is not a spec change.
func TestPrepareForUpdateComparesQuantitiesNumerically(t *testing.T) {
	withCPU := func(cpu string) *job.Job {
		j := &job.Job{ObjectMeta: job.ObjectMeta{Name: "pi", Generation: 3}}
		j.Spec.Template.Spec.Containers = []job.Container{{
			Name:      "main",
			Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{"cpu": resource.MustParse(cpu)}},
		}}
		return j
	}
	for _, tc := range []struct {
		newCPU string
		want   int64
	}{{"1", 3}, {"1000m", 3}, {"2", 4}} {
		got := PrepareForUpdate(withCPU(tc.newCPU), withCPU("1")).Generation
		if got != tc.want {
			t.Errorf("cpu 1 -> %s: generation %d, want %d", tc.newCPU, got, tc.want)
		}
	}
}
