package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestValidateCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	code := dispatch([]string{"validate", "testdata/validate-two-jobs.yaml"}, &out, &errOut)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (one Job is invalid); stderr: %s", code, errOut.String())
	}
	want := `testdata/validate-two-jobs.yaml: Job.batch "pi" is invalid: [spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]
  line 6: spec.completions: Invalid value: -1: must be greater than or equal to 0
  line 10: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
testdata/validate-two-jobs.yaml: Job.batch "ok" is valid
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestValidateCommandReportsDecodeErrorsWithLines(t *testing.T) {
	var out, errOut bytes.Buffer
	code := dispatch([]string{"validate", "testdata/validate-unknown-field.yaml"}, &out, &errOut)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(out.String(), "line 6") || !strings.Contains(out.String(), "spec.completion") {
		t.Errorf("want the line and path of the unknown field, got %q", out.String())
	}
}

func TestDefaultCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"default", "testdata/validate-two-jobs.yaml"}, &out, &errOut); code != 0 {
		t.Fatalf("exit status %d: %s", code, errOut.String())
	}
	for _, want := range []string{"backoffLimit: 6", "completionMode: NonIndexed", "podReplacementPolicy: TerminatingOrFailed", "\n---\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSplitPath(t *testing.T) {
	got := splitPath("metadata.labels[example.com/a.b].x[3]")
	want := []segment{{"metadata", -1}, {"labels", -1}, {"example.com/a.b", -1}, {"x", -1}, {"", 3}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// A manifest with generateName and no name is valid (the API server names
// it before validating); one carrying a resourceVersion passes validation
// and is refused by storage.
func TestValidateCommandGenerateName(t *testing.T) {
	var out, errOut bytes.Buffer
	code := dispatch([]string{"validate", "testdata/validate-generate-name.yaml"}, &out, &errOut)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (the second Job is refused)", code)
	}
	want := `testdata/validate-generate-name.yaml: Job.batch "pi-bbbbb" is valid
testdata/validate-generate-name.yaml: Error from server: resourceVersion should not be set on objects to be created
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestDefaultCreateCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"default", "--create", "testdata/validate-generate-name.yaml"}, &out, &errOut); code != 1 {
		t.Fatalf("exit status %d, want 1 (the second Job is refused): %s", code, errOut.String())
	}
	for _, want := range []string{"name: pi-bbbbb", "namespace: default", "generation: 1", "batch.kubernetes.io/controller-uid: 00000000-0000-0000-0000-000000000000"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if want := "testdata/validate-generate-name.yaml: resourceVersion should not be set on objects to be created\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut.String(), want)
	}
}
