package equality

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/job/resource"
)

// TestSemantic pins the rules of Semantic's doc, one case each.
func TestSemantic(t *testing.T) {
	spec := func(f func(*job.PodSpec)) *job.PodSpec {
		s := &job.PodSpec{Containers: []job.Container{{Name: "c"}}}
		f(s)
		return s
	}
	cpu := func(q string) func(*job.PodSpec) {
		return func(s *job.PodSpec) {
			s.Containers[0].Resources.Limits = corev1.ResourceList{"cpu": resource.MustParse(q)}
		}
	}
	none := func(*job.PodSpec) {}
	for _, tc := range []struct {
		name string
		a, b func(*job.PodSpec)
		want bool
	}{
		{"quantities compare numerically", cpu("1"), cpu("1000m"), true},
		{"different quantities", cpu("1"), cpu("2"), false},
		{"nil and empty slices are equal", none, func(s *job.PodSpec) { s.Volumes = []corev1.Volume{} }, true},
		{"nil and empty maps are equal", none, func(s *job.PodSpec) { s.NodeSelector = map[string]string{} }, true},
		{"nil and non-nil pointers differ", none, func(s *job.PodSpec) { s.Affinity = &corev1.Affinity{} }, false},
		{"pointers compare by value", func(s *job.PodSpec) { s.Priority = job.Ptr[int32](1) }, func(s *job.PodSpec) { s.Priority = job.Ptr[int32](1) }, true},
		{"unknown members as JSON values", func(s *job.PodSpec) { s.Unknown = job.Unknown{"x": json.RawMessage(`{"a": 1}`)} },
			func(s *job.PodSpec) { s.Unknown = job.Unknown{"x": json.RawMessage(`{"a":1}`)} }, true},
		{"an empty unknown member is absent", none, func(s *job.PodSpec) { s.Unknown = job.Unknown{"x": json.RawMessage(`[]`)} }, true},
		{"strings differ", none, func(s *job.PodSpec) { s.Containers[0].Image = "i" }, false},
	} {
		if got := PodSpecs(spec(tc.a), spec(tc.b)); got != tc.want {
			t.Errorf("%s: PodSpecs = %v, want %v", tc.name, got, tc.want)
		}
	}
}
