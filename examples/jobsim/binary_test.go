package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of the binary tests (testdata/golden)")

// jobsimBinary is the jobsim built once per test binary by TestMain.
var jobsimBinary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "jobsim-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	jobsimBinary = filepath.Join(dir, "jobsim")
	build := exec.Command("go", "build", "-o", jobsimBinary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building jobsim:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixtureTree copies testdata/validate into a temporary directory and adds
// what git cannot hold or a root test runner could still read: a dangling
// symlink gone.yaml and a symlink dir.yaml to a directory (both
// unreadable as files). It returns the directory.
func fixtureTree(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir("testdata/validate", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/validate", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.yaml", filepath.Join(dst, "gone.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(dst, "dir.yaml")); err != nil {
		t.Fatal(err)
	}
	return dst
}

type run struct {
	stdout, stderr string
	code           int
}

// runJobsim runs the built binary in dir with stdin.
func runJobsim(t *testing.T, dir, stdin string, args ...string) run {
	t.Helper()
	cmd := exec.Command(jobsimBinary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return run{out.String(), errOut.String(), code}
}

// golden compares got with testdata/golden/name (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", p, got, want)
	}
}

// TestValidateFormats runs validate on the fixture tree in every output
// format: stdout against the format's golden file, stderr (the input
// errors) against validate.stderr, exit status 3 (inputs that cannot be
// read or parsed outrank invalid objects).
func TestValidateFormats(t *testing.T) {
	dir := fixtureTree(t)
	for _, format := range reporterNames {
		t.Run(format, func(t *testing.T) {
			r := runJobsim(t, dir, "", "validate", "-o", format, "--summary", "--ignore-path", "ignored", ".")
			if r.code != exitInputError {
				t.Errorf("exit %d, want %d\nstderr:\n%s", r.code, exitInputError, r.stderr)
			}
			golden(t, "validate."+format, r.stdout)
			golden(t, "validate.stderr", r.stderr)
			switch format {
			case "junit":
				checkJUnit(t, r.stdout)
			case "sarif":
				checkSARIF(t, r.stdout)
			case "json":
				var doc struct {
					Results []verdict
					Summary summary
				}
				if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
					t.Fatalf("not JSON: %v", err)
				}
				if len(doc.Results) != doc.Summary.Valid+doc.Summary.Invalid+doc.Summary.Skipped+doc.Summary.Errors {
					t.Errorf("%d results, summary %+v", len(doc.Results), doc.Summary)
				}
			}
		})
	}
}

func TestValidateExitCodesAndInputs(t *testing.T) {
	dir := fixtureTree(t)
	jobs, err := os.ReadFile(filepath.Join(dir, "jobs.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"stdin", string(jobs), []string{"validate", "-"}, exitInvalid,
			[]string{`<stdin>:2: document 1: Job default/pi: invalid: Job.batch "pi" is invalid`, "<stdin>:22: document 3: Job team-a/ok: valid", "<stdin>:35: document 4: CronJob default/nightly: valid"}, nil},
		{"all valid", "", []string{"validate", "job.json", "list.yaml", "sub/warn.yaml"}, exitOK,
			[]string{"job.json:1: document 1: Job default/from-json: valid", "list.yaml:8: document 1, items[1]: Job default/listed: valid", "Warning: metadata.name"}, nil},
		{"ignored file still read when named", "", []string{"validate", "ignored/bad.yaml", "--ignore-path", "ignored"}, exitInvalid, []string{"invalid"}, nil},
		{"unreadable", "", []string{"validate", "gone.yaml", "dir.yaml"}, exitInputError, nil,
			[]string{"gone.yaml: no such file or directory"}},
		{"missing path", "", []string{"validate", "nope.yaml"}, exitInputError, nil, []string{"nope.yaml: no such file or directory"}},
		{"skip kinds", "", []string{"validate", "--skip-kinds", "Job", "jobs.yaml"}, exitOK, []string{"Job pi: skipped (--skip-kinds)"}, nil},
		{"reject kinds", "", []string{"validate", "--reject-kinds", "v1/ConfigMap", "-j", "1", "jobs.yaml"}, exitInvalid,
			[]string{"ConfigMap team-a/settings: invalid: kind v1/ConfigMap is rejected"}, nil},
		{"no path", "", []string{"validate"}, exitUsage, nil, []string{"no PATH given"}},
		{"bad format", "", []string{"validate", "-o", "xml", "."}, exitUsage, nil, []string{`unknown output format "xml"`}},
		{"bad flag", "", []string{"validate", "--frobnicate", "."}, exitUsage, nil, []string{"flag provided but not defined"}},
		{"status without update", "", []string{"validate", "--status", "."}, exitUsage, nil, []string{"--status needs --update"}},
		{"bad glob", "", []string{"validate", "--ignore-path", "[", "."}, exitUsage, nil, []string{"syntax error in pattern"}},
		{"help", "", []string{"validate", "--help"}, exitOK, []string{"Exit status:", "-reject-kinds"}, nil},
		{"version", "", []string{"version"}, exitOK, []string{"targets Kubernetes 1.37.2"}, nil},
		{"main job", "", nil, exitOK, []string{`# simulating Indexed Job "render"`}, nil},
		{"default yaml", "", []string{"default", "jobs.yaml", "list.yaml"}, exitInvalid,
			[]string{"backoffLimit: 6", "namespace: team-a", "\n---\n", "batch.kubernetes.io/controller-uid"}, []string{`Job.batch "pi" is invalid`}},
		{"default json", "", []string{"default", "-o", "json", "job.json"}, exitOK, []string{`"completionMode": "Indexed"`, `"backoffLimit": 6`}, nil},
		{"default only the defaulter", "", []string{"default", "--create=false", "sub/warn.yaml"}, exitOK, []string{"backoffLimit: 6"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runJobsim(t, dir, tc.stdin, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tc.code, r.stdout, r.stderr)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
		})
	}
}

// TestValidateUpdate validates a changed manifest as an update of the
// stored one: completions is immutable, and a status write needs --status.
func TestValidateUpdate(t *testing.T) {
	dir := t.TempDir()
	old := "apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  completions: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: main, image: busybox}]\n"
	if err := os.WriteFile(filepath.Join(dir, "old.yaml"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(old, "completions: 2", "completions: 3", 1)
	r := runJobsim(t, dir, changed, "validate", "--update", "old.yaml", "-")
	if r.code != exitInvalid || !strings.Contains(r.stdout, "spec.completions: Invalid value: 3: field is immutable") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	same := runJobsim(t, dir, old, "validate", "-o", "json", "--update", "old.yaml", "-")
	if same.code != exitOK || !strings.Contains(same.stdout, `"operation":"update"`) {
		t.Errorf("unchanged update: exit %d\n%s%s", same.code, same.stdout, same.stderr)
	}
	other := runJobsim(t, dir, strings.Replace(old, "name: pi", "name: other", 1), "validate", "--status", "--update", "old.yaml", "-")
	if other.code != exitInvalid || !strings.Contains(other.stdout, `jobs.batch "other" not found`) {
		t.Errorf("status of an unknown Job: exit %d\n%s%s", other.code, other.stdout, other.stderr)
	}
}

// checkJUnit checks the shape the JUnit XML schema (Jenkins/Ant) requires:
// a testsuites root; every testsuite with name and tests, its counts those
// of its testcases; every testcase with name and classname and at most one
// of failure, error, skipped; failure and error with a message.
func checkJUnit(t *testing.T, doc string) {
	t.Helper()
	type problem struct {
		Message *string `xml:"message,attr"`
		Type    string  `xml:"type,attr"`
	}
	var root struct {
		XMLName xml.Name
		Tests   *int `xml:"tests,attr"`
		Suites  []struct {
			Name     *string `xml:"name,attr"`
			Tests    *int    `xml:"tests,attr"`
			Failures int     `xml:"failures,attr"`
			Errors   int     `xml:"errors,attr"`
			Skipped  int     `xml:"skipped,attr"`
			Cases    []struct {
				Name      *string   `xml:"name,attr"`
				Classname *string   `xml:"classname,attr"`
				Failure   *problem  `xml:"failure"`
				Error     *problem  `xml:"error"`
				Skipped   *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatalf("JUnit: not XML: %v", err)
	}
	if root.XMLName.Local != "testsuites" || root.Tests == nil || len(root.Suites) == 0 {
		t.Fatalf("JUnit: root %q with tests=%v and %d suites", root.XMLName.Local, root.Tests, len(root.Suites))
	}
	total := 0
	for _, s := range root.Suites {
		if s.Name == nil || s.Tests == nil {
			t.Errorf("JUnit: testsuite without name or tests")
			continue
		}
		var failures, errs, skipped int
		for _, c := range s.Cases {
			if c.Name == nil || c.Classname == nil {
				t.Errorf("JUnit: testcase without name or classname in %s", *s.Name)
			}
			n := 0
			if c.Failure != nil {
				failures, n = failures+1, n+1
				if c.Failure.Message == nil {
					t.Errorf("JUnit: failure without message")
				}
			}
			if c.Error != nil {
				errs, n = errs+1, n+1
				if c.Error.Message == nil {
					t.Errorf("JUnit: error without message")
				}
			}
			if c.Skipped != nil {
				skipped, n = skipped+1, n+1
			}
			if n > 1 {
				t.Errorf("JUnit: testcase with %d outcomes", n)
			}
		}
		if *s.Tests != len(s.Cases) || s.Failures != failures || s.Errors != errs || s.Skipped != skipped {
			t.Errorf("JUnit: suite %s counts tests=%d failures=%d errors=%d skipped=%d, cases say %d %d %d %d",
				*s.Name, *s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), failures, errs, skipped)
		}
		total += *s.Tests
	}
	if *root.Tests != total {
		t.Errorf("JUnit: testsuites tests=%d, suites hold %d", *root.Tests, total)
	}
}

// checkSARIF checks what the SARIF 2.1.0 schema requires of the log:
// version "2.1.0" and runs; each run's tool.driver.name; each rule's id;
// each result's message.text, a level of the enumeration, ruleId and
// ruleIndex consistent with the rules, and physical locations with an
// artifact uri and a startLine of at least 1.
func checkSARIF(t *testing.T, doc string) {
	t.Helper()
	var log struct {
		Version *string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  *string `json:"name"`
					Rules []struct {
						ID *string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results *[]struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text *string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI *string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(strings.NewReader(doc))
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("SARIF: not JSON: %v", err)
	}
	if log.Version == nil || *log.Version != "2.1.0" || len(log.Runs) == 0 {
		t.Fatalf("SARIF: version %v, %d runs", log.Version, len(log.Runs))
	}
	for _, run := range log.Runs {
		d := run.Tool.Driver
		if d.Name == nil || *d.Name == "" {
			t.Errorf("SARIF: tool.driver.name missing")
		}
		for _, r := range d.Rules {
			if r.ID == nil || *r.ID == "" {
				t.Errorf("SARIF: rule without id")
			}
		}
		if run.Results == nil || len(*run.Results) == 0 {
			t.Fatalf("SARIF: no results for a tree with invalid objects")
		}
		for _, res := range *run.Results {
			if res.Message.Text == nil || *res.Message.Text == "" {
				t.Errorf("SARIF: result without message.text")
			}
			switch res.Level {
			case "none", "note", "warning", "error":
			default:
				t.Errorf("SARIF: level %q", res.Level)
			}
			if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(d.Rules) || *d.Rules[*res.RuleIndex].ID != res.RuleID {
				t.Errorf("SARIF: ruleId %q and ruleIndex %v disagree", res.RuleID, res.RuleIndex)
			}
			for _, l := range res.Locations {
				if l.PhysicalLocation.ArtifactLocation.URI == nil {
					t.Errorf("SARIF: location without artifactLocation.uri")
				}
				if r := l.PhysicalLocation.Region; r != nil && r.StartLine < 1 {
					t.Errorf("SARIF: startLine %d", r.StartLine)
				}
			}
		}
	}
}
