package jobtest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job/jobtest"
)

// scenarioDir is testdata/scenarios of the module, relative to this
// package's directory.
const scenarioDir = "../../testdata/scenarios"

// TestScenarios runs every scenario file under testdata/scenarios (any
// depth, *.yaml) as a subtest named by its path below that directory.
func TestScenarios(t *testing.T) {
	paths, err := jobtest.ScenarioFiles(scenarioDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no scenario files under %s", scenarioDir)
	}
	for _, p := range paths {
		rel, err := filepath.Rel(scenarioDir, p)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			t.Parallel()
			if r := jobtest.RunFile(p); !r.Passed() {
				t.Fatal(r.Err)
			}
		})
	}
}

// TestScenarioFilesStateTheirRule checks the convention of DESIGN.md §5:
// every scenario file opens with a comment stating the rule it pins.
func TestScenarioFilesStateTheirRule(t *testing.T) {
	paths, err := jobtest.ScenarioFiles(scenarioDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(string(data)), "\n", 2)[0])
		if !strings.HasPrefix(first, "#") || len(strings.TrimSpace(strings.TrimLeft(first, "#"))) == 0 {
			t.Errorf("%s: the first line must be a comment stating the rule the file pins, got %q", p, first)
		}
	}
}
