package manifest_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// Round-trip normalisation: documents are compared as generic JSON values
// (map[string]any, []any, json.Number, string, bool), so member order does
// not matter, and members whose value is null or an empty object are removed
// first: null means absent, and the value structs of k8s.io/api (a
// container's resources, a template's metadata) encode as {} when empty,
// as the API server writes them. Nothing else is normalised: the fixtures are written in
// the canonical form (times UTC at second precision, no zero values in
// omitempty fields), so every other difference is a loss.

// generic parses YAML or JSON into a normalised generic document.
func generic(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	j, err := manifest.NodeToJSON(&n)
	if err != nil {
		t.Fatalf("NodeToJSON: %v", err)
	}
	return genericJSON(t, j)
}

func genericJSON(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("json: %v", err)
	}
	return dropNulls(v)
}

func dropNulls(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if e == nil {
				delete(v, k)
				continue
			}
			v[k] = dropNulls(e)
			if m, ok := v[k].(map[string]any); ok && len(m) == 0 {
				delete(v, k)
			}
		}
	case []any:
		for i, e := range v {
			v[i] = dropNulls(e)
		}
	}
	return v
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "manifests", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// roundTrip checks that obj, decoded from src, encodes back to the same
// document through YAML and through JSON, and that both encodings decode
// to an object that encodes identically (a fixed point).
func roundTrip[T any](t *testing.T, src []byte, obj T, decode func([]byte) (T, error)) {
	t.Helper()
	want := generic(t, src)
	y, err := manifest.EncodeYAML(obj)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, generic(t, y)); d != "" {
		t.Errorf("YAML round trip lost data (-source +encoded):\n%s", d)
	}
	j, err := manifest.EncodeJSON(obj)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, genericJSON(t, j)); d != "" {
		t.Errorf("JSON round trip lost data (-source +encoded):\n%s", d)
	}
	for name, enc := range map[string][]byte{"yaml": y, "json": j} {
		again, err := decode(enc)
		if err != nil {
			t.Fatalf("decoding the %s encoding: %v", name, err)
		}
		j2, err := manifest.EncodeJSON(again)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(j, j2) {
			t.Errorf("re-decoding the %s encoding is not a fixed point:\n%s", name, cmp.Diff(string(j), string(j2)))
		}
	}
}

func TestRoundTripJob(t *testing.T) {
	src := readFixture(t, "job.yaml")
	j, err := manifest.DecodeJob(src)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, src, j, manifest.DecodeJob)

	// Spot checks that the modelled fields were really decoded, not just
	// carried along.
	if got := *j.Spec.ActiveDeadlineSeconds; got != 9007199254740993 {
		t.Errorf("activeDeadlineSeconds = %d", got)
	}
	if !j.Spec.IsIndexed() || *j.Spec.Parallelism != 4 || *j.Spec.BackoffLimitPerIndex != 2 {
		t.Errorf("spec not decoded: %+v", j.Spec)
	}
	if n := len(j.Spec.PodFailurePolicy.Rules); n != 4 {
		t.Errorf("podFailurePolicy has %d rules, want 4", n)
	}
	init := j.Spec.Template.Spec.InitContainers
	if len(init) != 2 || init[0].IsSidecar() || !init[1].IsSidecar() {
		t.Errorf("init containers: %+v", init)
	}
	c := j.Spec.Template.Spec.Containers[0]
	if c.Env[0].ValueFrom.FieldRef == nil || c.Env[1].ValueFrom.SecretKeyRef == nil {
		t.Errorf("env value sources not decoded: %+v", c.Env)
	}
	ps := &j.Spec.Template.Spec
	if len(ps.Volumes) == 0 || ps.Affinity == nil || len(ps.Tolerations) == 0 || ps.SecurityContext == nil || len(ps.ImagePullSecrets) == 0 {
		t.Errorf("template.spec members not decoded: %+v", ps)
	}
	if len(ps.Unknown) != 0 || len(c.Unknown) != 0 {
		t.Errorf("members left unknown: spec %v, container %v", ps.Unknown, c.Unknown)
	}
	if got := j.Status.StartTime.UTC().Format("2006-01-02T15:04:05Z"); got != "2026-03-01T09:05:00Z" {
		t.Errorf("status.startTime = %s", got)
	}
	if u := j.Status.UncountedTerminatedPods; u == nil || len(u.Failed) != 2 {
		t.Errorf("uncountedTerminatedPods = %+v", u)
	}
}

func TestRoundTripPod(t *testing.T) {
	src := readFixture(t, "pod.yaml")
	p, err := manifest.DecodePod(src)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, src, p, manifest.DecodePod)

	if p.Status.Phase != job.PodFailed || len(p.Status.Conditions) != 5 {
		t.Errorf("status not decoded: %+v", p.Status)
	}
	cs := p.Status.ContainerStatuses[0]
	if cs.State.Terminated == nil || cs.State.Terminated.ExitCode != 137 || cs.LastTerminationState.Terminated.ExitCode != 42 {
		t.Errorf("container status not decoded: %+v", cs)
	}
	if ref := p.ControllerRef(); ref == nil || ref.Name != "train-shards" {
		t.Errorf("controller ref = %+v", ref)
	}
	if len(p.ManagedFields) != 2 || p.DeletionTimestamp == nil {
		t.Errorf("metadata not decoded: %+v", p.ObjectMeta)
	}
}

// TestRoundTripDetectsLoss makes sure the comparison can fail: dropping a
// member must show up as a difference.
func TestRoundTripDetectsLoss(t *testing.T) {
	src := readFixture(t, "job.yaml")
	j, err := manifest.DecodeJob(src)
	if err != nil {
		t.Fatal(err)
	}
	if j.Spec.Template.Spec.Containers[0].LivenessProbe == nil {
		t.Fatal("fixture has no livenessProbe")
	}
	j.Spec.Template.Spec.Containers[0].LivenessProbe = nil
	y, err := manifest.EncodeYAML(j)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Equal(generic(t, src), generic(t, y)) {
		t.Fatal("dropping livenessProbe went unnoticed")
	}
}

func readFixtureB(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "manifests", name))
	if err != nil {
		b.Fatal(err)
	}
	return data
}
