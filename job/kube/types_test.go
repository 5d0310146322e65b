package kube

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"strings"
	"testing"

	k8score "k8s.io/api/core/v1"

	"github.com/jobkit/jobkit/job/corev1"
)

const (
	k8sCore = "k8s.io/api/core/v1"
	ourCore = "github.com/jobkit/jobkit/job/corev1"
)

// external maps the upstream types outside core/v1 that core/v1 fields use
// onto jobkit's; the walk compares the names and does not descend.
var external = map[string]string{
	"k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta":    "github.com/jobkit/jobkit/job/metav1.ObjectMeta",
	"k8s.io/apimachinery/pkg/apis/meta/v1.LabelSelector": "github.com/jobkit/jobkit/job/metav1.LabelSelector",
	"k8s.io/apimachinery/pkg/apis/meta/v1.Time":          "github.com/jobkit/jobkit/job/metav1.Time",
	"k8s.io/apimachinery/pkg/api/resource.Quantity":      "github.com/jobkit/jobkit/job/resource.Quantity",
	"k8s.io/apimachinery/pkg/util/intstr.IntOrString":    "github.com/jobkit/jobkit/job/intstr.IntOrString",
	"k8s.io/apimachinery/pkg/types.UID":                  "github.com/jobkit/jobkit/job/metav1.UID",
}

func qualified(t reflect.Type) string { return t.PkgPath() + "." + t.Name() }

// TestTypesMatchK8sAPI walks k8s.io/api's PodTemplateSpec and
// ObjectReference (what batch/v1 Job and CronJob hold of core/v1) and
// jobkit's corev1 types in step, and checks for every struct that the two
// have the same fields in the same order, except jobkit's Unknown (json
// "-") and the declaration order, with the same Go name, embedding, json tag,
// pointer, slice and map structure and named types. It then checks that
// every struct of corev1's generated file was reached.
func TestTypesMatchK8sAPI(t *testing.T) {
	w := walker{t: t, seen: map[string]bool{}}
	w.compare(reflect.TypeOf(k8score.PodTemplateSpec{}), reflect.TypeOf(corev1.PodTemplateSpec{}), "PodTemplateSpec")
	w.compare(reflect.TypeOf(k8score.ObjectReference{}), reflect.TypeOf(corev1.ObjectReference{}), "ObjectReference")
	generated := generatedStructs(t, "../corev1/zz_generated_types.go")
	for _, name := range generated {
		if !w.seen[name] {
			t.Errorf("corev1.%s is generated but not reachable from k8s.io/api's PodTemplateSpec", name)
		}
	}
	if len(w.seen) != len(generated) {
		t.Errorf("compared %d core/v1 structs, corev1 generates %d", len(w.seen), len(generated))
	}
	t.Logf("%d structs, %d fields compared", len(w.seen), w.fields)
}

type walker struct {
	t      *testing.T
	seen   map[string]bool
	fields int
}

// compare checks that ours has the shape of theirs; path names the place.
func (w *walker) compare(theirs, ours reflect.Type, path string) {
	t := w.t
	t.Helper()
	if theirs.Kind() != ours.Kind() {
		t.Errorf("%s: kind %s, k8s.io/api has %s", path, ours.Kind(), theirs.Kind())
		return
	}
	switch theirs.Kind() {
	case reflect.Pointer, reflect.Slice:
		w.compare(theirs.Elem(), ours.Elem(), path+"[]")
		return
	case reflect.Map:
		w.compareName(theirs, ours, path)
		w.compare(theirs.Key(), ours.Key(), path+"{key}")
		w.compare(theirs.Elem(), ours.Elem(), path+"{value}")
		return
	}
	if !w.compareName(theirs, ours, path) || theirs.Kind() != reflect.Struct || theirs.PkgPath() != k8sCore {
		return
	}
	if w.seen[theirs.Name()] {
		return
	}
	w.seen[theirs.Name()] = true
	var mine []reflect.StructField
	for i := range ours.NumField() {
		if f := ours.Field(i); f.Name != "Unknown" || f.Tag.Get("json") != "-" {
			mine = append(mine, f)
		}
	}
	byName := map[string]reflect.StructField{}
	for _, f := range mine {
		byName[f.Name] = f
	}
	for i := range theirs.NumField() {
		tf := theirs.Field(i)
		at := theirs.Name() + "." + tf.Name
		of, ok := byName[tf.Name]
		if !ok {
			t.Errorf("%s (%s): missing", at, path)
			continue
		}
		delete(byName, tf.Name)
		w.fields++
		if tf.Anonymous != of.Anonymous {
			t.Errorf("%s: embedded %v, k8s.io/api %v", at, of.Anonymous, tf.Anonymous)
		}
		if got, want := jsonTag(of), jsonTag(tf); got != want {
			t.Errorf("%s: json tag %q, k8s.io/api %q", at, got, want)
		}
		w.compare(tf.Type, of.Type, at)
	}
	for name := range byName {
		t.Errorf("%s.%s: not in k8s.io/api", theirs.Name(), name)
	}
}

// compareName checks that named types correspond: the same name in the
// core/v1 packages, the mapped name for the external ones, unnamed for
// unnamed. It reports whether the walk should go on into the type.
func (w *walker) compareName(theirs, ours reflect.Type, path string) bool {
	w.t.Helper()
	switch {
	case theirs.Name() == "":
		if ours.Name() != "" {
			w.t.Errorf("%s: named %s, k8s.io/api has an unnamed %s", path, qualified(ours), theirs)
			return false
		}
	case theirs.PkgPath() == k8sCore:
		if ours.PkgPath() != ourCore || ours.Name() != theirs.Name() {
			w.t.Errorf("%s: type %s, k8s.io/api has %s", path, qualified(ours), qualified(theirs))
			return false
		}
	case theirs.PkgPath() == "":
		if ours != theirs {
			w.t.Errorf("%s: type %s, k8s.io/api has %s", path, ours, theirs)
		}
		return false
	default:
		if want, ok := external[qualified(theirs)]; !ok || qualified(ours) != want {
			w.t.Errorf("%s: type %s, k8s.io/api has %s (mapped to %q)", path, qualified(ours), qualified(theirs), want)
		}
		return false
	}
	return true
}

// jsonTag is the name and options of a json tag, without options that
// make no difference to encoding/json's output ("inline").
func jsonTag(f reflect.StructField) string {
	parts := strings.Split(f.Tag.Get("json"), ",")
	parts = slices.DeleteFunc(parts[1:], func(o string) bool { return o == "inline" })
	return strings.Join(append([]string{strings.Split(f.Tag.Get("json"), ",")[0]}, parts...), ",")
}

// generatedStructs lists the struct types declared in file.
func generatedStructs(t *testing.T, file string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			if ts, ok := s.(*ast.TypeSpec); ok {
				if _, ok := ts.Type.(*ast.StructType); ok {
					names = append(names, ts.Name.Name)
				}
			}
		}
	}
	return names
}
