package validation

import (
	"testing"

	"github.com/jobkit/jobkit/validation/field"
)

func TestTemplateResourcesCompareNumerically(t *testing.T) {
	old := fixtureU()
	setCPU(old, "1")
	nw := old.DeepCopy()
	setCPU(nw, "1000m")
	if errs := ValidateJobUpdate(nw, old, DefaultOptions()); len(errs) != 0 {
		t.Errorf("1 vs 1000m: %v", errs.ToAggregate())
	}
	setCPU(nw, "2")
	if errs := ValidateJobUpdate(nw, old, DefaultOptions()); len(errs) != 1 {
		t.Errorf("1 vs 2: %v", errs.ToAggregate())
	}
}

// spec.scheduling (WorkloadWithJob, alpha): once set it is immutable except
// schedulingPolicy.gang.minCount; adding it is not an update error.
func TestSchedulingUpdate(t *testing.T) {
	old := fixtureU()
	old.Spec.Scheduling = raw(`{"schedulingPolicy":{"gang":{"minCount":2}},"workloadRef":{"name":"w"}}`)
	nw := old.DeepCopy()
	nw.Spec.Scheduling = raw(`{"workloadRef":{"name":"w"},"schedulingPolicy":{"gang":{"minCount":3}}}`)
	opts := Options{WorkloadWithJob: true}
	if errs := ValidateJobUpdate(nw, old, opts); len(errs) != 0 {
		t.Errorf("minCount change: %v", errs.ToAggregate())
	}
	nw.Spec.Scheduling = raw(`{"workloadRef":{"name":"other"}}`)
	checkErrors(t, ValidateJobUpdate(nw, old, opts), field.ErrorList{immutable("spec.scheduling")})
	fresh := fixtureU()
	withSched := fresh.DeepCopy()
	withSched.Spec.Scheduling = raw(`{"workloadRef":{"name":"w"}}`)
	if errs := ValidateJobUpdate(withSched, fresh, opts); len(errs) != 0 {
		t.Errorf("adding scheduling: %v", errs.ToAggregate())
	}
}
