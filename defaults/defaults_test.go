package defaults

import (
	"encoding/json"
	"maps"
	"math"
	"testing"

	"github.com/jobkit/jobkit/job"
)

func decode(t *testing.T, s string) *job.Job {
	t.Helper()
	var j job.Job
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		t.Fatal(err)
	}
	return &j
}

func encode(t *testing.T, j *job.Job) string {
	t.Helper()
	b, err := json.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestJobDefaults(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want map[string]any
	}{
		{"empty", `{}`, map[string]any{
			"completions": int32(1), "parallelism": int32(1), "backoffLimit": int32(6),
			"completionMode": job.NonIndexedCompletion, "suspend": false, "manualSelector": false,
			"podReplacementPolicy": job.TerminatingOrFailed, "restartPolicy": job.RestartPolicyAlways,
		}},
		{"parallelism only: work queue", `{"spec":{"parallelism":3}}`, map[string]any{"completions": nil, "parallelism": int32(3)}},
		{"completions only", `{"spec":{"completions":4}}`, map[string]any{"completions": int32(4), "parallelism": int32(1)}},
		{"backoffLimitPerIndex", `{"spec":{"backoffLimitPerIndex":1}}`, map[string]any{"backoffLimit": int32(math.MaxInt32)}},
		{"explicit values kept", `{"spec":{"backoffLimit":0,"suspend":true,"completionMode":"Indexed","manualSelector":true,"podReplacementPolicy":"Failed","template":{"spec":{"restartPolicy":"Never"}}}}`,
			map[string]any{"backoffLimit": int32(0), "suspend": true, "completionMode": job.IndexedCompletion, "manualSelector": true,
				"podReplacementPolicy": job.Failed, "restartPolicy": job.RestartPolicyNever}},
		{"pod failure policy", `{"spec":{"podFailurePolicy":{"rules":[]}}}`, map[string]any{"podReplacementPolicy": job.Failed}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := decode(t, tc.in)
			before := encode(t, in)
			s := Job(in).Spec
			got := map[string]any{
				"completions": deref(s.Completions), "parallelism": deref(s.Parallelism), "backoffLimit": deref(s.BackoffLimit),
				"completionMode": deref(s.CompletionMode), "suspend": deref(s.Suspend), "manualSelector": deref(s.ManualSelector),
				"podReplacementPolicy": deref(s.PodReplacementPolicy), "restartPolicy": s.Template.Spec.RestartPolicy,
			}
			for k, w := range tc.want {
				if got[k] != w {
					t.Errorf("%s = %v, want %v", k, got[k], w)
				}
			}
			if encode(t, in) != before {
				t.Errorf("Job mutated its input")
			}
			var m struct{ Spec map[string]json.RawMessage }
			if err := json.Unmarshal([]byte(encode(t, Job(in))), &m); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"activeDeadlineSeconds", "ttlSecondsAfterFinished", "maxFailedIndexes", "managedBy", "selector"} {
				if _, ok := m.Spec[k]; ok {
					t.Errorf("%s was defaulted", k)
				}
			}
		})
	}
}

func TestJobDefaultsPodConditionStatus(t *testing.T) {
	in := decode(t, `{"spec":{"podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"},{"type":"X","status":"False"}]}]}}}`)
	out := Job(in)
	got := out.Spec.PodFailurePolicy.Rules[0].OnPodConditions
	if got[0].Status != "True" || got[1].Status != "False" {
		t.Errorf("statuses = %q, %q", got[0].Status, got[1].Status)
	}
	if in.Spec.PodFailurePolicy.Rules[0].OnPodConditions[0].Status != "" {
		t.Errorf("input mutated")
	}
}

func TestLabelAliasing(t *testing.T) {
	in := decode(t, `{"metadata":{"name":"pi","uid":"U"},"spec":{"template":{"metadata":{"labels":{"app":"pi"}}}}}`)
	j := PrepareForCreate(GenerateSelector(Job(in)))
	want := map[string]string{
		"app": "pi", job.LegacyJobNameLabel: "pi", job.JobNameLabel: "pi",
		job.LegacyControllerUIDLabel: "U", job.ControllerUIDLabel: "U",
	}
	if !maps.Equal(j.Labels, want) || !maps.Equal(j.Spec.Template.Labels, want) {
		t.Errorf("labels = %v, template labels = %v", j.Labels, j.Spec.Template.Labels)
	}
	if len(in.Labels) != 0 || len(in.Spec.Template.Labels) != 1 {
		t.Errorf("input mutated: %v %v", in.Labels, in.Spec.Template.Labels)
	}
	// Own labels are kept; no aliasing.
	in = decode(t, `{"metadata":{"name":"pi","uid":"U","labels":{"team":"a"}},"spec":{"template":{"metadata":{"labels":{"app":"pi"}}}}}`)
	j = GenerateSelector(Job(in))
	if !maps.Equal(j.Labels, map[string]string{"team": "a"}) {
		t.Errorf("labels = %v", j.Labels)
	}
	// Template without labels: the Job's labels stay empty at create.
	in = decode(t, `{"metadata":{"name":"pi","uid":"U"}}`)
	j = GenerateSelector(Job(in))
	if len(j.Labels) != 0 || len(j.Spec.Template.Labels) != 4 {
		t.Errorf("labels = %v, template labels = %v", j.Labels, j.Spec.Template.Labels)
	}
}

func TestGenerateSelector(t *testing.T) {
	cases := []struct {
		name         string
		in           string
		wantSelector string
		wantLabels   map[string]string
	}{
		{"typical", `{"metadata":{"name":"pi","uid":"U"}}`,
			`{"matchLabels":{"batch.kubernetes.io/controller-uid":"U"}}`,
			map[string]string{"batch.kubernetes.io/controller-uid": "U", "batch.kubernetes.io/job-name": "pi", "controller-uid": "U", "job-name": "pi"}},
		{"present labels kept", `{"metadata":{"name":"pi","uid":"U"},"spec":{"template":{"metadata":{"labels":{"job-name":"other"}}}}}`,
			`{"matchLabels":{"batch.kubernetes.io/controller-uid":"U"}}`,
			map[string]string{"batch.kubernetes.io/controller-uid": "U", "batch.kubernetes.io/job-name": "pi", "controller-uid": "U", "job-name": "other"}},
		{"user selector extended", `{"metadata":{"name":"pi","uid":"U"},"spec":{"selector":{"matchLabels":{"app":"x"},"matchExpressions":[{"key":"k","operator":"Exists"}]}}}`,
			`{"matchLabels":{"app":"x","batch.kubernetes.io/controller-uid":"U"},"matchExpressions":[{"key":"k","operator":"Exists"}]}`, nil},
		{"wrong uid kept", `{"metadata":{"name":"pi","uid":"U"},"spec":{"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"WRONG"}}}}`,
			`{"matchLabels":{"batch.kubernetes.io/controller-uid":"WRONG"}}`, nil},
		{"manual", `{"metadata":{"name":"pi","uid":"U"},"spec":{"manualSelector":true,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}}}}}`,
			`{"matchLabels":{"a":"b"}}`, map[string]string{"a": "b"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := decode(t, tc.in)
			before := encode(t, in)
			out := GenerateSelector(in)
			sel, _ := json.Marshal(out.Spec.Selector)
			if string(sel) != tc.wantSelector {
				t.Errorf("selector = %s, want %s", sel, tc.wantSelector)
			}
			if tc.wantLabels != nil && !maps.Equal(out.Spec.Template.Labels, tc.wantLabels) {
				t.Errorf("template labels = %v, want %v", out.Spec.Template.Labels, tc.wantLabels)
			}
			if encode(t, in) != before {
				t.Errorf("input mutated")
			}
		})
	}
}

func TestPrepareForCreate(t *testing.T) {
	in := decode(t, `{"metadata":{"name":"pi","generation":7},"spec":{"managedBy":"example.com/x","scheduling":{"a":1}},"status":{"active":3,"conditions":[{"type":"Complete","status":"True"}]}}`)
	before := encode(t, in)
	out := PrepareForCreate(in)
	if out.Generation != 1 || out.Status.Active != 0 || len(out.Status.Conditions) != 0 || out.Spec.Scheduling != nil {
		t.Errorf("got %s", encode(t, out))
	}
	if out.Spec.ManagedBy == nil || *out.Spec.ManagedBy != "example.com/x" {
		t.Errorf("managedBy dropped")
	}
	if encode(t, in) != before {
		t.Errorf("input mutated")
	}
	if Job(nil) != nil || GenerateSelector(nil) != nil || PrepareForCreate(nil) != nil {
		t.Errorf("nil in must give nil")
	}
}
