package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoArgumentsSimulatesTheSample: `jobsim` alone prints the sample's
// timeline (pinned by testdata/sample.golden in package sim) after a
// two-line header, and --svg writes testdata/sample.svg.
func TestNoArgumentsSimulatesTheSample(t *testing.T) {
	golden, err := os.ReadFile("testdata/sample.golden")
	if err != nil {
		t.Fatal(err)
	}
	svgPath := filepath.Join(t.TempDir(), "out.svg")
	for _, args := range [][]string{nil, {"--svg", svgPath}} {
		var out, errOut bytes.Buffer
		if code := dispatch(args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut.String())
		}
		header, body, _ := strings.Cut(out.String(), "\n")
		_, body, _ = strings.Cut(body, "\n")
		if !strings.HasPrefix(header, `# simulating Indexed Job "render"`) || body != string(golden) {
			t.Errorf("%v: output differs from testdata/sample.golden:\n%s", args, out.String())
		}
	}
	got, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/sample.svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("--svg wrote a picture different from testdata/sample.svg")
	}
}

func TestSimulateCommand(t *testing.T) {
	dir := t.TempDir()
	badModel := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badModel, []byte("run: 1s\nfailure:\n  probabilty: 0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"sample files, flags after the job", []string{"simulate", "testdata/sample-job.yaml", "--model", "testdata/sample-model.yaml", "--seed", "3"}, 0,
			[]string{"outcome: Failed (FailedIndexes) at +6m30s", "failed render-7-0 (exit 42)"}, nil},
		{"flags first, default model, quiet", []string{"simulate", "--quiet", "--seed", "5", "testdata/sample-job.yaml"}, 0,
			[]string{"outcome: Complete (CompletionsReached) at +1m36s", "default model"}, nil},
		{"until", []string{"simulate", "testdata/sample-job.yaml", "--until", "1m"}, 0, []string{"outcome: unfinished at +1m0s (--until)"}, nil},
		{"no job", []string{"simulate"}, 2, nil, []string{"usage: jobsim simulate JOB.yaml"}},
		{"missing file", []string{"simulate", "nope.yaml"}, 2, nil, []string{"nope.yaml"}},
		{"bad model", []string{"simulate", "testdata/sample-job.yaml", "--model", badModel}, 2, nil,
			[]string{"line 3: failure.probabilty: unknown key"}},
		{"bad flag", []string{"simulate", "--sed", "1", "testdata/sample-job.yaml"}, 2, nil, []string{"flag provided but not defined: -sed"}},
		{"invalid job", []string{"simulate", "testdata/validate-unknown-field.yaml"}, 2, nil, []string{"unknown field"}},
		{"expect met", []string{"simulate", "--quiet", "--expect", "Failed", "testdata/sample-job.yaml", "--model", "testdata/sample-model.yaml", "--seed", "3"}, 0,
			[]string{"outcome: Failed (FailedIndexes)"}, nil},
		{"expect not met", []string{"simulate", "--quiet", "--expect", "Complete", "testdata/sample-job.yaml", "--model", "testdata/sample-model.yaml", "--seed", "3"}, 1,
			nil, []string{"expected the Job to end Complete; outcome: Failed (FailedIndexes) at +6m30s"}},
		{"expect unfinished", []string{"simulate", "--expect", "Complete", "testdata/sample-job.yaml", "--until", "1m"}, 1, nil, []string{"outcome: unfinished"}},
		{"bad expect", []string{"simulate", "--expect", "Done", "testdata/sample-job.yaml"}, 2, nil, []string{"want Complete or Failed"}},
		{"json", []string{"simulate", "-o", "json", "--seed", "5", "testdata/sample-job.yaml"}, 0,
			[]string{`"outcome": "Complete (CompletionsReached) at +1m36s"`, `"condition": "Complete"`, `"timeline": {`, `"Attempts": [`}, nil},
		{"progress when piped prints nothing", []string{"simulate", "--progress", "--quiet", "testdata/sample-job.yaml"}, 0, []string{"outcome: Complete"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := dispatch(tc.args, &out, &errOut); code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errOut.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut.String())
				}
			}
		})
	}
}
