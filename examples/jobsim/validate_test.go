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
	want := `testdata/validate-two-jobs.yaml:1: document 1: Job default/pi: invalid: Job.batch "pi" is invalid: [spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]
  line 6: spec.completions: Invalid value: -1: must be greater than or equal to 0
  line 10: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
testdata/validate-two-jobs.yaml:14: document 2: Job default/ok: valid
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
	// One of the two Jobs is invalid: both are printed, exit status 1.
	if code := dispatch([]string{"default", "testdata/validate-two-jobs.yaml"}, &out, &errOut); code != exitInvalid {
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

// TestSplitDocuments: documents are cut at "---" and "..." lines only;
// blank and comment-only text joins the next document; lines are the
// source's.
func TestSplitDocuments(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		lines []int
		docs  []string
	}{
		{"single", "a: 1\n", []int{1}, []string{"a: 1\n"}},
		{"leading marker and comment", "# c\n---\na: 1\n", []int{1}, []string{"# c\n---\na: 1\n"}},
		{"two", "a: 1\n---\nb: 2\n", []int{1, 2}, []string{"a: 1\n", "---\nb: 2\n"}},
		{"empty documents dropped", "---\n---\n# only a comment\n---\nb: 2\n---\n", []int{1}, []string{"---\n---\n# only a comment\n---\nb: 2\n"}},
		{"marker with content", "--- {a: 1}\n--- {b: 2}\n", []int{1, 2}, []string{"--- {a: 1}\n", "--- {b: 2}\n"}},
		{"not a marker", "a: |\n  ---x\n----\n", []int{1}, []string{"a: |\n  ---x\n----\n"}},
		{"document end", "a: 1\n...\nb: 2\n", []int{1, 3}, []string{"a: 1\n", "b: 2\n"}},
		{"byte order mark, CRLF", "\xef\xbb\xbfa: 1\r\n---\r\nb: 2\r\n", []int{1, 2}, []string{"a: 1\r\n", "---\r\nb: 2\r\n"}},
		{"nothing", "\n# c\n", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			chunks := splitDocuments(&source{name: "x", data: []byte(tc.in)})
			if len(chunks) != len(tc.docs) {
				t.Fatalf("%d chunks, want %d", len(chunks), len(tc.docs))
			}
			for i, c := range chunks {
				if c.doc != i+1 || c.line != tc.lines[i] || string(c.text) != tc.docs[i] {
					t.Errorf("chunk %d: doc %d line %d %q, want doc %d line %d %q", i, c.doc, c.line, c.text, i+1, tc.lines[i], tc.docs[i])
				}
			}
		})
	}
}

// A manifest with generateName and no name is valid (the API server names
// it before validating); one carrying a resourceVersion passes validation
// and is refused by storage.
func TestValidateCommandGenerateName(t *testing.T) {
	var out, errOut bytes.Buffer
	code := dispatch([]string{"validate", "testdata/validate-generate-name.yaml"}, &out, &errOut)
	if code != exitInvalid {
		t.Errorf("exit status %d, want 1 (the second Job is refused)", code)
	}
	want := `testdata/validate-generate-name.yaml:1: document 1: Job default/pi-bbbbb: valid
testdata/validate-generate-name.yaml:13: document 2: Job team-a/pi-*: invalid: Error from server: resourceVersion should not be set on objects to be created
  line 13: resourceVersion should not be set on objects to be created
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestDefaultCreateCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"default", "testdata/validate-generate-name.yaml"}, &out, &errOut); code != exitInvalid {
		t.Fatalf("exit status %d, want 1 (the second Job is refused): %s", code, errOut.String())
	}
	for _, want := range []string{"name: pi-bbbbb", "namespace: default", "generation: 1", "batch.kubernetes.io/controller-uid: 00000000-0000-0000-0000-000000000000"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "team-a") {
		t.Errorf("the refused Job is printed:\n%s", out.String())
	}
	if want := "resourceVersion should not be set on objects to be created"; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q lacks %q", errOut.String(), want)
	}
}
