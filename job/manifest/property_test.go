package manifest_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// trickyString draws strings that YAML readers like to misread.
func trickyString() *rapid.Generator[string] {
	return rapid.OneOf(
		rapid.SampledFrom([]string{
			"", "true", "False", "yes", "NO", "on", "Off", "y", "n", "~", "null", "Null",
			"0", "-1", "007", "0777", "0x1F", "0o17", "0b101", "1_000", "1e3", ".5", "1.0", ".inf", "-.Inf", ".NaN",
			"2026-01-01", "2026-01-01T00:00:00Z", "12:30", "1:20:30", "<<", "=", "- a", "a: b", "#c", "a #b",
			"&a", "*a", "!tag", "|", ">", "'q'", `"q"`, "%x", "@x", "`x", "{}", "[]", "a,b", "\ttab", " lead",
			"trail ", "multi\nline", "multi\nline\n", "\n", "crlf\r\n", "nul\x00", "bell\a", "\u2028", "\ufeffbom", "é", "日本",
		}),
		rapid.String(),
	)
}

// rawJSON draws an arbitrary JSON value, kept as an unmodelled member.
func rawJSON(t *rapid.T, depth int) any {
	choices := 5
	if depth > 2 {
		choices = 3
	}
	switch rapid.IntRange(0, choices-1).Draw(t, "kind") {
	case 0:
		return trickyString().Draw(t, "s")
	case 1:
		return json.Number(rapid.SampledFrom([]string{"0", "-7", "9007199254740993", "18446744073709551615", "1.50", "1e-7", "-0.0"}).Draw(t, "n"))
	case 2:
		return rapid.Bool().Draw(t, "b")
	case 3:
		n := rapid.IntRange(0, 3).Draw(t, "len")
		l := make([]any, n)
		for i := range l {
			l[i] = rawJSON(t, depth+1)
		}
		return l
	default:
		n := rapid.IntRange(0, 3).Draw(t, "len")
		m := map[string]any{}
		for i := 0; i < n; i++ {
			m[trickyString().Draw(t, "k")] = rawJSON(t, depth+1)
		}
		return m
	}
}

// stringMap draws a map; empty maps are nil, since an empty map and an
// absent one encode differently (metadata: {}) but decode alike.
func stringMap(t *rapid.T, label string) map[string]string {
	m := rapid.MapOfN(trickyString(), trickyString(), 0, 4).Draw(t, label)
	if len(m) == 0 {
		return nil
	}
	return m
}

// TestEncodeDecodeProperty: any Job built from arbitrary strings and
// arbitrary unmodelled members encodes to YAML and JSON that DecodeJob
// reads back to the same Job.
func TestEncodeDecodeProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		unknown := job.Unknown{}
		for i := rapid.IntRange(0, 3).Draw(t, "unknowns"); i > 0; i-- {
			key := rapid.StringMatching(`[a-z][A-Za-z]{0,8}`).Draw(t, "key")
			if key == "containers" || key == "initContainers" || key == "restartPolicy" || key == "nodeName" || key == "hostname" || key == "subdomain" {
				continue
			}
			b, err := json.Marshal(rawJSON(t, 0))
			if err != nil {
				t.Fatal(err)
			}
			unknown[key] = b
		}
		j := &job.Job{
			TypeMeta: job.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
			ObjectMeta: job.ObjectMeta{
				Name:        trickyString().Draw(t, "name"),
				Labels:      stringMap(t, "labels"),
				Annotations: stringMap(t, "annotations"),
				Generation:  rapid.Int64().Draw(t, "generation"),
			},
			Spec: job.JobSpec{
				Parallelism:           job.Ptr(rapid.Int32().Draw(t, "parallelism")),
				ActiveDeadlineSeconds: job.Ptr(rapid.Int64().Draw(t, "deadline")),
				Suspend:               job.Ptr(rapid.Bool().Draw(t, "suspend")),
				Template: job.PodTemplateSpec{Spec: job.PodSpec{
					Containers: []job.Container{{
						Name:  trickyString().Draw(t, "cname"),
						Image: trickyString().Draw(t, "image"),
						Env:   []job.EnvVar{{Name: trickyString().Draw(t, "ename"), Value: trickyString().Draw(t, "evalue")}},
					}},
					Unknown: unknown,
				}},
			},
		}
		want, err := manifest.EncodeJSON(j)
		if err != nil {
			t.Fatal(err)
		}
		y, err := manifest.EncodeYAML(j)
		if err != nil {
			t.Fatal(err)
		}
		for name, enc := range map[string][]byte{"yaml": y, "json": want} {
			// Ignore: the unknown members are kept in Unknown, not reported.
			back, _, err := manifest.DecodeJobWith(enc, manifest.Options{FieldValidation: manifest.Ignore})
			if err != nil {
				t.Fatalf("decoding %s: %v\n%s", name, err, enc)
			}
			got, err := manifest.EncodeJSON(back)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want, got) {
				t.Fatalf("%s round trip changed the Job (-want +got):\n%s\nencoded:\n%s", name, cmp.Diff(string(want), string(got)), enc)
			}
		}
	})
}
