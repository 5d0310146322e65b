package validation

import (
	"testing"

	"github.com/jobkit/jobkit/validation/field"
)

func TestCanonicalQuantity(t *testing.T) {
	same := [][]string{
		{"1", "1000m", "1e0", "1.0", "+1", "0.001k"},
		{"1Gi", "1073741824", "1024Mi"},
		{"100m", "0.1", "1e-1"},
		{"0", "0m", "0Gi"},
	}
	var canon []string
	for _, group := range same {
		c0, ok := canonicalQuantity(group[0])
		if !ok {
			t.Fatalf("%q not a quantity", group[0])
		}
		for _, q := range group[1:] {
			if c, ok := canonicalQuantity(q); !ok || c != c0 {
				t.Errorf("%q = %q (%v), want %q like %q", q, c, ok, c0, group[0])
			}
		}
		canon = append(canon, c0)
	}
	if canon[0] == canon[1] || canon[0] == canon[2] {
		t.Errorf("distinct quantities collide: %v", canon)
	}
	for _, bad := range []string{"", "abc", "1x", "1e", "1e1000", "1.2.3", "e3", "1Ki2"} {
		if c, ok := canonicalQuantity(bad); ok {
			t.Errorf("%q accepted as %q", bad, c)
		}
	}
}

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
