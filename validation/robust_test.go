package validation_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

func prepare(t testing.TB, manifest string) *job.Job {
	t.Helper()
	var j job.Job
	if err := json.Unmarshal([]byte(manifest), &j); err != nil {
		t.Fatal(err)
	}
	return defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(&j)))
}

const typical = `{
  "apiVersion": "batch/v1", "kind": "Job",
  "metadata": {"name": "pi", "namespace": "default", "uid": "3f1c2a",
    "labels": {"app": "pi", "team": "science"}, "annotations": {"example.com/owner": "alice"}},
  "spec": {"backoffLimit": 4, "ttlSecondsAfterFinished": 100, "activeDeadlineSeconds": 600,
    "template": {"metadata": {"labels": {"app": "pi"}},
      "spec": {"restartPolicy": "Never",
        "containers": [{"name": "pi", "image": "perl:5.34.0",
          "command": ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"],
          "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}}}]}}}}`

// The create pipeline on valid manifests yields no error.
func TestPipelineValidManifests(t *testing.T) {
	manifests := map[string]string{
		"typical": typical,
		"indexed": `{"metadata":{"name":"idx","namespace":"default","uid":"u"},"spec":{"completionMode":"Indexed","completions":5,"parallelism":2,
			"backoffLimitPerIndex":1,"maxFailedIndexes":2,
			"podFailurePolicy":{"rules":[{"action":"FailIndex","onExitCodes":{"operator":"In","values":[42]}},{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]},
			"successPolicy":{"rules":[{"succeededIndexes":"0-2","succeededCount":2}]},
			"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`,
		"work-queue": `{"metadata":{"name":"wq","namespace":"default","uid":"u"},"spec":{"parallelism":3,
			"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"main","image":"busybox"}]}}}}`,
		"manual": `{"metadata":{"name":"m","namespace":"default","uid":"u"},"spec":{"manualSelector":true,"selector":{"matchLabels":{"a":"b"}},
			"template":{"metadata":{"labels":{"a":"b"}},"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`,
		"managed": `{"metadata":{"name":"ext","namespace":"default","uid":"u"},"spec":{"managedBy":"example.com/ctrl","suspend":true,
			"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`,
	}
	for name, m := range manifests {
		j := prepare(t, m)
		if errs := validation.ValidateJob(j, validation.DefaultOptions()); len(errs) > 0 {
			t.Errorf("%s: %v", name, errs.ToAggregate())
		}
		if w := validation.WarningsOnCreate(j); len(w) > 0 {
			t.Errorf("%s: warnings %v", name, w)
		}
		if errs := validation.ValidateJobUpdate(j.DeepCopy(), j, validation.DefaultOptions()); len(errs) > 0 {
			t.Errorf("%s: no-op update: %v", name, errs.ToAggregate())
		}
		if errs := validation.ValidateJobStatusUpdate(j.DeepCopy(), j, validation.DefaultOptions()); len(errs) > 0 {
			t.Errorf("%s: no-op status update: %v", name, errs.ToAggregate())
		}
	}
}

// A 64-character name fails through the generated labels; with label
// aliasing (§1.2) the Job's own labels fail too.
func TestPipelineLongName(t *testing.T) {
	name := strings.Repeat("a", 64)
	j := prepare(t, `{"metadata":{"name":"`+name+`","namespace":"default","uid":"u"},"spec":{"template":{"metadata":{"labels":{"app":"x"}},
		"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`)
	var got []string
	for _, e := range validation.ValidateJob(j, validation.DefaultOptions()) {
		got = append(got, e.Error())
	}
	msg := `Invalid value: "` + name + `": ` + validation.MaxLenBytesError(63)
	want := []string{"metadata.labels: " + msg, "metadata.labels: " + msg, "spec.template.labels: " + msg, "spec.template.labels: " + msg}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWarnings(t *testing.T) {
	j := prepare(t, `{"metadata":{"name":"big","namespace":"default","uid":"u"},"spec":{"completionMode":"Indexed","completions":100001,"parallelism":10001,
		"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`)
	want := "spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail"
	if w := validation.WarningsOnCreate(j); len(w) != 1 || w[0] != want {
		t.Errorf("create warnings = %q", w)
	}
	if w := validation.WarningsOnUpdate(j.DeepCopy(), j); len(w) != 0 {
		t.Errorf("unchanged spec warned: %q", w)
	}
	nw := j.DeepCopy()
	nw.Spec.Parallelism = job.Ptr[int32](10002)
	if w := validation.WarningsOnUpdate(nw, j); len(w) != 1 || w[0] != want {
		t.Errorf("update warnings = %q", w)
	}
	long := &job.Job{ObjectMeta: job.ObjectMeta{Name: strings.Repeat("a", 64)}}
	wantName := fmt.Sprintf("metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [%s]", validation.MaxLenError(63))
	if w := validation.WarningsOnCreate(long); len(w) != 1 || w[0] != wantName {
		t.Errorf("name warning = %q", w)
	}
	if validation.WarningsOnCreate(nil) == nil || validation.WarningsOnUpdate(nil, nil) != nil {
		t.Errorf("nil handling")
	}
}

// Untrusted input never panics and stays bounded.
func TestHostileInput(t *testing.T) {
	mib := 1 << 20
	huge := strings.Repeat("1,", mib/2)
	// Each case must be rejected on create with an error at wantField.
	cases := []struct {
		name      string
		mutate    func(j *job.Job)
		wantField string
	}{
		{"huge succeededIndexes", func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions = job.Ptr(job.IndexedCompletion), job.Ptr[int32](5)
			j.Spec.SuccessPolicy = &policyT{Rules: []ruleT{{SucceededIndexes: &huge}}}
		}, "spec.successPolicy.rules[0].succeededIndexes"},
		{"nil completions with success policy", func(j *job.Job) {
			j.Spec.CompletionMode, j.Spec.Completions = job.Ptr(job.IndexedCompletion), nil
			j.Spec.SuccessPolicy = &policyT{Rules: []ruleT{{SucceededIndexes: &huge, SucceededCount: job.Ptr[int32](3)}}}
		}, "spec.completions"},
		{"1 MiB selector key", func(j *job.Job) {
			j.Spec.Selector.MatchLabels[strings.Repeat("k", mib)] = strings.Repeat("v", mib)
		}, "spec.selector.matchLabels"},
		{"many selector labels", func(j *job.Job) {
			for i := range 50000 {
				j.Spec.Selector.MatchLabels[fmt.Sprintf("k%d", i)] = "v"
			}
		}, "spec.template.metadata.labels"},
		{"many containers", func(j *job.Job) {
			for range 50000 {
				j.Spec.Template.Spec.Containers = append(j.Spec.Template.Spec.Containers, job.Container{Name: "c"})
			}
		}, "spec.template.spec.containers[2].name"}, // [0] is "pi", [1] the first "c"
		{"nil template fields", func(j *job.Job) { j.Spec.Template = job.PodTemplateSpec{} }, "spec.template.spec.containers"},
		{"nil selector and labels", func(j *job.Job) { j.Spec.Selector = nil; j.Spec.Template.Labels = nil }, "spec.selector"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			j := prepare(t, typical)
			tc.mutate(j)
			errs := validation.ValidateJob(j, validation.DefaultOptions())
			if !slices.ContainsFunc(errs, func(e *field.Error) bool { return e.Field == tc.wantField }) {
				t.Errorf("no create error at %s; %d errors", tc.wantField, len(errs))
			}
			_ = errs.ToAggregate().Error()
			old := prepare(t, typical)
			_ = validation.ValidateJobUpdate(j, old, validation.DefaultOptions()).ToAggregate()
			j.Status.CompletedIndexes = huge
			j.Status.FailedIndexes = &huge
			_ = validation.ValidateJobStatusUpdate(j, old, validation.DefaultOptions()).ToAggregate()
		})
	}
	_ = validation.ValidateJob(nil, validation.DefaultOptions())
	_ = validation.ValidateJobUpdate(nil, nil, validation.DefaultOptions())
	_ = validation.ValidateJobStatusUpdate(nil, nil, validation.DefaultOptions())
}
