// Package examples holds jobkit's runnable programs (see examples/jobsim)
// and this test of the module's import graph.
package examples

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/jobkit/jobkit"

// allowedImports is the dependency table of DESIGN.md §1: for each library
// package, the module packages and third-party modules its non-test files
// may import (the standard library is always allowed). job/manifest is a
// leaf that brings YAML to users; it is the only library package besides
// job/jobtest allowed to use yaml.v3. validation/equality is the API
// server's semantic equality, shared by validation (immutability) and
// defaults (the generation bump of PrepareForUpdate). defaults may import
// validation (never the reverse): defaults.Create emulates the whole create
// request, whose last steps are validation and warnings. The API model is
// layered below job: metav1 (object metadata), intstr and resource (value
// types), then corev1 (generated core/v1 types, using all three); its
// generator is a stdlib-only program.
var allowedImports = map[string][]string{
	"indexes":                 {},
	"validation/field":        {},
	"policy":                  {"indexes"},
	"job/metav1":              {},
	"job/intstr":              {},
	"job/resource":            {},
	"job/corev1":              {"job/metav1", "job/intstr", "job/resource"},
	"job/corev1/internal/gen": {},
	"job":                     {"policy", "indexes", "job/metav1", "job/corev1", "job/intstr", "job/resource"},
	"job/manifest":            {"job", "policy", "indexes", "job/metav1", "job/corev1", "job/intstr", "job/resource", "gopkg.in/yaml.v3"},
	"defaults":                {"job", "policy", "validation", "validation/field", "validation/equality", "job/metav1", "job/corev1", "job/intstr", "job/resource"},
	"validation":              {"job", "policy", "indexes", "validation/field", "validation/equality", "job/metav1", "job/corev1", "job/intstr", "job/resource"},
	"validation/equality":     {"job", "policy", "job/metav1", "job/resource"},
	"job/jobtest": {"job", "job/manifest", "job/metav1", "job/corev1", "job/intstr", "job/resource", "defaults", "validation", "validation/field", "policy", "indexes",
		"gopkg.in/yaml.v3", "github.com/google/go-cmp/cmp"},
}

// thirdParty lists the only modules outside the standard library any file
// (test or not) may import.
var thirdParty = []string{"github.com/google/go-cmp", "pgregory.net/rapid", "gopkg.in/yaml.v3"}

func TestImportGraph(t *testing.T) {
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
				return filepath.SkipDir // a nested module (job/kube) has its own dependencies
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		isTest := strings.HasSuffix(path, "_test.go")
		for _, imp := range importsOf(t, path) {
			checkImport(t, path, pkg, imp, isTest)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// reporter is the part of testing.T checkImport uses, so that the check
// itself can be tested.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

type recorder struct{ failed bool }

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

func checkImport(t reporter, file, pkg, imp string, isTest bool) {
	t.Helper()
	first, _, _ := strings.Cut(imp, "/")
	if !strings.Contains(first, ".") {
		return // standard library
	}
	if !strings.HasPrefix(imp, module+"/") && imp != module {
		if !slices.ContainsFunc(thirdParty, func(m string) bool { return imp == m || strings.HasPrefix(imp, m+"/") }) {
			t.Errorf("%s imports %s: only the standard library, go-cmp, rapid and yaml.v3 are allowed", file, imp)
		}
	}
	if isTest || pkg == "examples" || strings.HasPrefix(pkg, "examples/") {
		if strings.HasPrefix(imp, module+"/examples") && !strings.HasPrefix(pkg, "examples") {
			t.Errorf("%s imports %s: nothing imports examples", file, imp)
		}
		return
	}
	allowed, known := allowedImports[pkg]
	if !known {
		t.Errorf("%s: package %q is not in the dependency table; add it to allowedImports and DESIGN notes", file, pkg)
		return
	}
	target := strings.TrimPrefix(imp, module+"/")
	if target == pkg {
		return
	}
	ok := slices.ContainsFunc(allowed, func(a string) bool { return target == a || strings.HasPrefix(imp, a+"/") || imp == a })
	if !ok {
		t.Errorf("%s imports %s: package %s may import only %v (DESIGN.md §1)", file, imp, pkg, allowed)
	}
}

func importsOf(t *testing.T, path string) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	for _, s := range f.Imports {
		p, _ := strconv.Unquote(s.Path.Value)
		out = append(out, p)
	}
	return out
}

func TestCheckImportRejectsUpwardEdge(t *testing.T) {
	cases := []struct {
		pkg, imp string
		isTest   bool
		wantErr  bool
	}{
		{"indexes", "github.com/jobkit/jobkit/job", false, true},
		{"policy", "github.com/jobkit/jobkit/indexes", false, false},
		{"job", "gopkg.in/yaml.v3", false, true},
		{"job", "github.com/jobkit/jobkit/defaults", false, true},
		{"job/manifest", "gopkg.in/yaml.v3", false, false},
		{"job", "github.com/sirupsen/logrus", true, true},
		{"job", "pgregory.net/rapid", true, false},
		{"validation", "github.com/jobkit/jobkit/validation/field", false, false},
	}
	for _, tc := range cases {
		rec := &recorder{}
		checkImport(rec, "x.go", tc.pkg, tc.imp, tc.isTest)
		if rec.failed != tc.wantErr {
			t.Errorf("%s -> %s (test=%v): failed=%v, want %v", tc.pkg, tc.imp, tc.isTest, rec.failed, tc.wantErr)
		}
	}
}
