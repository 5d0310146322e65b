package manifest_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// FuzzDecodeJob: DecodeJob never panics, returns only *Error, rejects
// input over MaxInputBytes, and whatever it accepts encodes to YAML and
// JSON that decode back to the same Job (up to empty collections), and a
// second round trip is a byte-for-byte fixed point.
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
		// First round: the encodings must carry the same document, up
		// to empty collections (a non-nil empty list can make a struct
		// render as {} where a nil one omits it).
		for name, e1 := range encodings(t, j) {
			e2 := reencode(t, name, e1)
			if d := cmp.Diff(normalised(t, e1), normalised(t, e2)); d != "" {
				t.Fatalf("%s round trip changed the Job (-first +second):\n%s", name, d)
			}
			// Second round: a fixed point, byte for byte.
			if d := cmp.Diff(string(e2), string(reencode(t, name, e2))); d != "" {
				t.Fatalf("%s encoding is not a fixed point:\n%s", name, d)
			}
		}
	})
}

// reencode decodes enc and encodes the Job again the same way.
func reencode(t *testing.T, name string, enc []byte) []byte {
	back, err := manifest.DecodeJob(enc)
	if err != nil {
		t.Fatalf("decoding the %s encoding: %v\n%s", name, err, enc)
	}
	return encodings(t, back)[name]
}

func encodings(t *testing.T, j *job.Job) map[string][]byte {
	js, err := manifest.EncodeJSON(j)
	if err != nil {
		t.Fatalf("EncodeJSON: %v", err)
	}
	y, err := manifest.EncodeYAML(j)
	if err != nil {
		t.Fatalf("EncodeYAML: %v", err)
	}
	return map[string][]byte{"json": js, "yaml": y}
}

// normalised is the generic document with null members and empty
// collections removed, bottom up.
func normalised(t *testing.T, data []byte) any {
	var prune func(v any) (any, bool)
	prune = func(v any) (any, bool) {
		switch v := v.(type) {
		case nil:
			return nil, false
		case map[string]any:
			for k, e := range v {
				if pe, keep := prune(e); keep {
					v[k] = pe
				} else {
					delete(v, k)
				}
			}
			return v, len(v) > 0
		case []any:
			for i, e := range v {
				v[i], _ = prune(e)
			}
			return v, len(v) > 0
		}
		return v, true
	}
	v, _ := prune(generic(t, data))
	return v
}

// FuzzNodeToJSON: for any YAML yaml.v3 parses, NodeToJSON never panics
// and returns either valid JSON or an *Error.
func FuzzNodeToJSON(f *testing.F) {
	for _, s := range []string{
		"a: 1", "a: &x [1, *x]", "base: &b {a: 1}\nm: {<<: *b, c: 2}", "? [a]\n: 1", "a: !!binary aGk=",
		"a: [0x1F, 0o17, 1_000, .inf, 1e3, 2026-01-01]", "'<<': 1", "a: \"\\u2028\\x7f\\0\"", "a: |\n  x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		var n yaml.Node
		if yaml.Unmarshal(data, &n) != nil {
			return
		}
		out, err := manifest.NodeToJSON(&n)
		if err != nil {
			var me *manifest.Error
			if !errors.As(err, &me) {
				t.Fatalf("error %T is not a *manifest.Error: %v", err, err)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON %q from %q", out, data)
		}
	})
}
