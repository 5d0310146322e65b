package examples

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docFiles maps the file names that section references use to the files of
// doc/ (doc/README.md, "Section references"). SCENARIOS.md and DESIGN.md are
// the historical names of scenarios.md and architecture.md.
var docFiles = map[string]string{
	"controller":   "controller.md",
	"validation":   "validation.md",
	"scenarios":    "scenarios.md",
	"design":       "architecture.md",
	"architecture": "architecture.md",
	"differences":  "differences.md",
}

// sectionRef matches a reference with a file name ("controller.md §4.11")
// and a bare one ("§16.18").
var sectionRef = regexp.MustCompile(`(?:([A-Za-z]+)\.md\s*)?§\s*([0-9]+(?:\.[0-9]+)*)`)

// docSections returns the sections of a doc/ file: every numbered heading
// ("## 4.", "### 4.11 ...") and, for each top-level section N, the items of
// its numbered lists as N.M.
func docSections(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	heading := regexp.MustCompile(`^#+\s+([0-9]+(?:\.[0-9]+)*)\.?\s`)
	item := regexp.MustCompile(`^([0-9]+)\.\s`)
	sections := map[string]bool{}
	current := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := heading.FindStringSubmatch(line); m != nil {
			sections[m[1]] = true
			if !strings.Contains(m[1], ".") {
				current = m[1]
			}
			continue
		}
		if m := item.FindStringSubmatch(line); m != nil && current != "" {
			sections[current+"."+m[1]] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sections
}

// defaultDoc is the doc a reference without a file name points into, by
// the location of the citing file (doc/README.md, "Section references").
func defaultDoc(rel string) string {
	for _, p := range []string{"validation/", "defaults/", "testdata/scenarios/validation", "testdata/scenarios/audit-validation"} {
		if strings.HasPrefix(rel, p) {
			return "validation.md"
		}
	}
	if base := strings.TrimPrefix(rel, "doc/"); base != rel && base != "README.md" {
		return base
	}
	return "controller.md"
}

// TestSectionReferences fails on a "§" reference in any source, fixture or
// document of the repository that names a section doc/ does not have.
func TestSectionReferences(t *testing.T) {
	root := ".."
	sections := map[string]map[string]bool{}
	for _, name := range docFiles {
		if sections[name] == nil {
			sections[name] = docSections(t, filepath.Join(root, "doc", name))
		}
	}
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !slices.Contains([]string{".go", ".md", ".yaml", ".yml"}, filepath.Ext(path)) {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(data), "\n") {
			doc := defaultDoc(rel)
			for _, m := range sectionRef.FindAllStringSubmatch(line, -1) {
				if m[1] != "" {
					name, ok := docFiles[strings.ToLower(m[1])]
					if !ok {
						t.Errorf("%s:%d: %q cites %s.md, which doc/ does not have", rel, n+1, m[0], m[1])
						continue
					}
					doc = name
				}
				checked++
				if !sections[doc][m[2]] {
					t.Errorf("%s:%d: %q: doc/%s has no section %s", rel, n+1, m[0], doc, m[2])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d section references found: the walk is broken", checked)
	}
}

// TestNoMachinePaths fails when a tracked text file names an absolute path
// of a build machine (a home, root or work folder).
func TestNoMachinePaths(t *testing.T) {
	root := ".."
	machinePath := regexp.MustCompile(`(^|[\s"'(=:])/(work|root|home/[a-z][a-z0-9_-]*|Users/[A-Za-z])/`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && strings.HasPrefix(name, ".") && name != ".ci" {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || d.Name() == ".git" || d.Name() == "docrefs_test.go" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if loc := machinePath.FindIndex(data); loc != nil {
			line := strings.Count(string(data[:loc[0]]), "\n") + 1
			t.Errorf("%s:%d: absolute machine path %q", path, line, strings.TrimSpace(string(data[loc[0]:loc[1]])))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSectionReferenceRules pins the resolution rules the reference test
// relies on, so that a broken parser cannot pass everything.
func TestSectionReferenceRules(t *testing.T) {
	controller := docSections(t, filepath.Join("..", "doc", "controller.md"))
	for _, s := range []string{"4", "4.5", "4.11", "16.18"} {
		if !controller[s] {
			t.Errorf("controller.md: section %s not found", s)
		}
	}
	for _, s := range []string{"99", "4.99", "16.999"} {
		if controller[s] {
			t.Errorf("controller.md: section %s found but does not exist", s)
		}
	}
	for rel, want := range map[string]string{
		"job/step.go":                          "controller.md",
		"validation/job_spec.go":               "validation.md",
		"testdata/scenarios/validation/x.yaml": "validation.md",
		"doc/validation.md":                    "validation.md",
		"doc/README.md":                        "controller.md",
	} {
		if got := defaultDoc(rel); got != want {
			t.Errorf("defaultDoc(%q) = %q, want %q", rel, got, want)
		}
	}
}
