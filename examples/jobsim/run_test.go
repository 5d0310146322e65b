package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const passing = `# a pod is created
job:
  metadata: {name: pi}
  spec:
    template:
      spec:
        restartPolicy: Never
        containers: [{name: main, image: busybox}]
steps:
  - at: 0s
    expect: {created: [pi-0]}
`

func TestRunCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.yaml", passing)
	bad := write("sub/bad.yaml", strings.Replace(passing, "[pi-0]", "[pi-9]", 1))
	broken := write("sub/broken.yaml", passing+"bogus: 1\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
	}{
		{"pass", []string{"run", good}, 0, []string{"PASS " + good}},
		{"fail", []string{"run", good, bad}, 1, []string{"PASS " + good, "FAIL " + bad + `: step 0 (at 0s, line 10): created: want ["pi-9"], got ["pi-0"]`}},
		{"format error", []string{"run", broken}, 1, []string{"FAIL " + broken + `: line 12: bogus: unknown key "bogus"`}},
		{"directory", []string{"run", dir}, 1, []string{"PASS " + filepath.ToSlash(filepath.Join(dir, "good.yaml")), "FAIL " + filepath.ToSlash(filepath.Join(dir, "sub/bad.yaml"))}},
		{"verbose", []string{"run", "-v", good}, 0, []string{"=== " + good, "at 0s", "controller: create pi-0", "PASS " + good}},
		{"no files", []string{"run"}, 2, nil},
		{"missing file", []string{"run", filepath.Join(dir, "nope.yaml")}, 2, nil},
		{"unknown command", []string{"frobnicate"}, 2, nil},
		{"help", []string{"help"}, 0, []string{"run "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := dispatch(tc.args, &out, &errOut)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errOut.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
		})
	}
}

func TestDemo(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"demo"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d; stdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	for _, s := range []string{`Indexed Job "lc"`, "at 20s", "requeue:    in 10s", "create lc-1-1 (index 1)", "Complete=True (CompletionsReached)", "Every expectation of the scenario held."} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out.String())
		}
	}
}
