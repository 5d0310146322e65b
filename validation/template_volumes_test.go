package validation

import (
	"encoding/json"
	"testing"

	"github.com/jobkit/jobkit/job"
)

func TestTemplateVolumes(t *testing.T) {
	tmpl := func(vols, mounts string) *job.PodTemplateSpec {
		c := job.Container{Name: "main", Image: "busybox"}
		if mounts != "" {
			c.Unknown = job.Unknown{"volumeMounts": json.RawMessage(mounts)}
		}
		s := job.PodSpec{RestartPolicy: job.RestartPolicyNever, Containers: []job.Container{c}}
		if vols != "" {
			s.Unknown = job.Unknown{"volumes": json.RawMessage(vols)}
		}
		return &job.PodTemplateSpec{Spec: s}
	}
	tests := []struct {
		name, vols, mounts string
		want               []string
	}{
		{name: "valid", vols: `[{"name":"a","emptyDir":{}}]`, mounts: `[{"name":"a","mountPath":"/a"}]`},
		{name: "no source", vols: `[{"name":"a"}]`, want: []string{
			"spec.template.spec.volumes[0]: Required value: must specify a volume type"}},
		{name: "null source", vols: `[{"name":"a","emptyDir":null}]`, want: []string{
			"spec.template.spec.volumes[0]: Required value: must specify a volume type"}},
		{name: "names", vols: `[{"emptyDir":{}},{"name":"A_b","emptyDir":{}},{"name":"x","emptyDir":{}},{"name":"x","emptyDir":{}}]`, want: []string{
			"spec.template.spec.volumes[0].name: Required value",
			"spec.template.spec.volumes[1].name: Invalid value: \"A_b\": " + IsDNS1123Label("A_b")[0],
			"spec.template.spec.volumes[3].name: Duplicate value: \"x\"",
		}},
		{name: "mounts", vols: `[{"name":"bad"}]`, mounts: `[{"name":"bad","mountPath":"/b"},{"mountPath":"/c"},{"name":"d"},{"name":"d","mountPath":"/b"}]`, want: []string{
			"spec.template.spec.volumes[0]: Required value: must specify a volume type",
			"spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"bad\"",
			"spec.template.spec.containers[0].volumeMounts[1].name: Required value",
			"spec.template.spec.containers[0].volumeMounts[1].name: Not found: \"\"",
			"spec.template.spec.containers[0].volumeMounts[2].name: Not found: \"d\"",
			"spec.template.spec.containers[0].volumeMounts[2].mountPath: Required value",
			"spec.template.spec.containers[0].volumeMounts[3].name: Not found: \"d\"",
			"spec.template.spec.containers[0].volumeMounts[3].mountPath: Invalid value: \"/b\": must be unique",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typed := viaJSON(t, *tmpl(tt.vols, tt.mounts))
			errs := validatePodTemplate(&typed, specPath.Child("template"))
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("[%d] got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
