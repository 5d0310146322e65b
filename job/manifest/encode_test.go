package manifest_test

import (
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

func TestEncodeYAMLQuotesAmbiguousStrings(t *testing.T) {
	j := &job.Job{
		TypeMeta: job.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: job.ObjectMeta{Name: "q", Labels: map[string]string{
			"a-bool": "true", "b-yes": "yes", "c-on": "On", "d-int": "42", "e-float": "1.0",
			"f-null": "null", "g-tilde": "~", "h-date": "2026-01-01", "i-empty": "", "j-octal": "0777",
			"k-plain": "gpu",
		}},
	}
	got, err := manifest.EncodeYAML(j)
	if err != nil {
		t.Fatal(err)
	}
	want := `apiVersion: batch/v1
kind: Job
metadata:
  name: q
  labels:
    a-bool: "true"
    b-yes: "yes"
    c-on: "On"
    d-int: "42"
    e-float: "1.0"
    f-null: "null"
    g-tilde: "~"
    h-date: "2026-01-01"
    i-empty: ""
    j-octal: "0777"
    k-plain: gpu
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	back, err := manifest.DecodeJob(got)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range j.Labels {
		if back.Labels[k] != v {
			t.Errorf("label %s: got %q, want %q", k, back.Labels[k], v)
		}
	}
}

func TestEncodeYAMLShapes(t *testing.T) {
	p := &job.Pod{
		Spec: job.PodSpec{
			Containers: []job.Container{{Name: "c", Args: []string{"multi\nline"}, Unknown: job.Unknown{
				"zzList": []byte(`[]`),
			}}},
		},
		Status: job.PodStatus{ContainerStatuses: []job.ContainerStatus{{Name: "c", RestartCount: 0}}},
	}
	got, err := manifest.EncodeYAML(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `spec:
  containers:
    - args:
        - |-
          multi
          line
      name: c
      resources: {}
      zzList: []
status:
  containerStatuses:
    - name: c
      state: {}
      lastState: {}
      ready: false
      restartCount: 0
      image: ""
      imageID: ""
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestEncodeJSON(t *testing.T) {
	got, err := manifest.EncodeJSON(&job.Job{ObjectMeta: job.ObjectMeta{Name: "a<b>"}, Spec: job.JobSpec{Parallelism: job.Ptr[int32](2)}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "metadata": {
    "name": "a\u003cb\u003e"
  },
  "spec": {
    "parallelism": 2,
    "template": {
      "metadata": {},
      "spec": {
        "containers": null
      }
    }
  }
}
`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
