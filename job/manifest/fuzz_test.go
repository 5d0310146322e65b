package manifest_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jobkit/jobkit/job/manifest"
)

// FuzzDecodeJob: DecodeJob never panics, rejects input over MaxInputBytes,
// and whatever it accepts encodes to YAML and JSON that decode back to the
// same Job.
func FuzzDecodeJob(f *testing.F) {
	for _, name := range []string{"job.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "manifests", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "~", "[]", "{}", "spec: {template: {spec: {containers: [{name: c}]}}}",
		"a: &a [1]\nb: {<<: *a}\n", "a: &a {x: 1}\nb: {<<: [*a, *a]}\n", "a: &x [*x]\n",
		"spec:\n  activeDeadlineSeconds: 9007199254740993\n", "status: {startTime: 2026-01-01T00:00:00.5+01:00}\n",
		"{\"spec\": {\"parallelism\": 1e2}}", "---\n---\n", "metadata: {labels: {? [a]\n: b}}",
		"spec:\n  template:\n    spec:\n      x: !!binary aGk=\n", "metadata: {name: \"\\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		j, err := manifest.DecodeJob(data)
		if err != nil {
			var me *manifest.Error
			if !errors.As(err, &me) {
				t.Fatalf("error %T is not a *manifest.Error: %v", err, err)
			}
			return
		}
		if len(data) > manifest.MaxInputBytes {
			t.Fatalf("accepted %d bytes", len(data))
		}
		js, err := manifest.EncodeJSON(j)
		if err != nil {
			t.Fatalf("EncodeJSON: %v", err)
		}
		y, err := manifest.EncodeYAML(j)
		if err != nil {
			t.Fatalf("EncodeYAML: %v", err)
		}
		for name, enc := range map[string][]byte{"json": js, "yaml": y} {
			back, err := manifest.DecodeJob(enc)
			if err != nil {
				t.Fatalf("decoding the %s encoding: %v\n%s", name, err, enc)
			}
			js2, err := manifest.EncodeJSON(back)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(string(js), string(js2)); d != "" {
				t.Fatalf("%s round trip changed the Job:\n%s", name, d)
			}
		}
	})
}
