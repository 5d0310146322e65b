package job

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestTimeJSON(t *testing.T) {
	cases := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{`"2026-01-01T00:00:00Z"`, `"2026-01-01T00:00:00Z"`, false},
		{`"2026-01-01T02:00:00.9+02:00"`, `"2026-01-01T00:00:00Z"`, false},
		{`null`, `null`, false},
		{`""`, `null`, false},
		{`"yesterday"`, ``, true},
		{`12`, ``, true},
	}
	for _, tc := range cases {
		var tm Time
		err := json.Unmarshal([]byte(tc.in), &tm)
		if (err != nil) != tc.wantErr {
			t.Errorf("Unmarshal(%s) error = %v, wantErr %v", tc.in, err, tc.wantErr)
			continue
		}
		if tc.wantErr {
			continue
		}
		got, _ := json.Marshal(tm)
		if string(got) != tc.want {
			t.Errorf("round trip of %s = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := NewTime(time.Date(2026, 1, 1, 1, 2, 3, 999, time.FixedZone("x", 3600))); got.Format(time.RFC3339Nano) != "2026-01-01T00:02:03Z" {
		t.Errorf("NewTime = %s", got.Format(time.RFC3339Nano))
	}
}

func TestOpenTypesKeepUnknownMembers(t *testing.T) {
	in := `{"containers":[{"name":"main","image":"busybox","resources":{"limits":{"cpu":"1"}},"env":[{"name":"A","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}}],"zzFuture":[1]}],` +
		`"restartPolicy":"Never","volumes":[{"name":"v","emptyDir":{}}],"affinity":{"nodeAffinity":{}},"zzFuture":{"a":"b"}}`
	var spec PodSpec
	if err := json.Unmarshal([]byte(in), &spec); err != nil {
		t.Fatal(err)
	}
	if spec.RestartPolicy != RestartPolicyNever || spec.Containers[0].Image != "busybox" {
		t.Fatalf("modelled fields not decoded: %+v", spec)
	}
	if len(spec.Volumes) != 1 || spec.Volumes[0].EmptyDir == nil || spec.Affinity == nil || spec.Affinity.NodeAffinity == nil {
		t.Fatalf("typed members not decoded: %+v", spec)
	}
	if _, ok := spec.Unknown["zzFuture"]; !ok || len(spec.Unknown) != 1 {
		t.Fatalf("spec Unknown = %v, want only zzFuture", spec.Unknown)
	}
	if _, ok := spec.Containers[0].Unknown["zzFuture"]; !ok || len(spec.Containers[0].Unknown) != 1 {
		t.Fatalf("container Unknown = %v, want only zzFuture", spec.Containers[0].Unknown)
	}
	out, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	_ = json.Unmarshal([]byte(in), &a)
	_ = json.Unmarshal(out, &b)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("round trip changed the document (-in +out):\n%s", diff)
	}
}

func TestModelledMemberWinsOverUnknown(t *testing.T) {
	c := Container{Name: "main", Unknown: Unknown{"name": json.RawMessage(`"shadow"`), "tty": json.RawMessage(`true`), "zzFuture": json.RawMessage(`true`)}}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"name":"main","resources":{},"zzFuture":true}` {
		t.Errorf("got %s", out)
	}
}

func TestJobWireNames(t *testing.T) {
	j := Job{
		TypeMeta:   TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: ObjectMeta{Name: "pi"},
		Spec: JobSpec{
			Parallelism:    Ptr[int32](2),
			CompletionMode: Ptr(IndexedCompletion),
			Template:       PodTemplateSpec{Spec: PodSpec{RestartPolicy: RestartPolicyNever, Containers: []Container{{Name: "main"}}}},
		},
		Status: JobStatus{Ready: Ptr[int32](0), FailedIndexes: Ptr(""), UncountedTerminatedPods: &UncountedTerminatedPods{}},
	}
	out, err := json.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi"},"spec":{"parallelism":2,` +
		`"template":{"metadata":{},"spec":{"containers":[{"name":"main","resources":{}}],"restartPolicy":"Never"}},"completionMode":"Indexed"},` +
		`"status":{"failedIndexes":"","uncountedTerminatedPods":{},"ready":0}}`
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}
