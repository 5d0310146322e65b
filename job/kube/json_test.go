package kube

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	k8score "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/jobkit/jobkit/job/corev1"
)

// fill sets v (a k8s.io/api value) to pseudo-random content: about half of
// the pointers, slices and maps set (slices of 0 to 2 elements, some of them
// empty but not nil), scalars often zero so that omitempty is exercised.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Type() {
	case reflect.TypeFor[resource.Quantity]():
		v.Set(reflect.ValueOf(resource.MustParse([]string{"0", "100m", "1Gi", "1500m", "2"}[r.IntN(5)])))
		return
	case reflect.TypeFor[intstr.IntOrString]():
		if r.IntN(2) == 0 {
			v.Set(reflect.ValueOf(intstr.FromInt32(r.Int32N(3))))
		} else {
			v.Set(reflect.ValueOf(intstr.FromString([]string{"", "http"}[r.IntN(2)])))
		}
		return
	case reflect.TypeFor[metav1.ObjectMeta]():
		if r.IntN(2) == 0 {
			v.Set(reflect.ValueOf(metav1.ObjectMeta{Name: "pi", Labels: map[string]string{"a": "b"}}))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fill(r, v.Field(i), depth)
		}
	case reflect.Pointer:
		if depth < 6 && r.IntN(2) == 0 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(r, v.Elem(), depth+1)
		}
	case reflect.Slice:
		if depth < 6 && r.IntN(2) == 0 {
			n := r.IntN(3)
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(r, v.Index(i), depth+1)
			}
		}
	case reflect.Map:
		if depth < 6 && r.IntN(2) == 0 {
			v.Set(reflect.MakeMap(v.Type()))
			for range r.IntN(3) {
				k := reflect.New(v.Type().Key()).Elem()
				k.SetString([]string{"cpu", "memory", ""}[r.IntN(3)])
				e := reflect.New(v.Type().Elem()).Elem()
				fill(r, e, depth+1)
				v.SetMapIndex(k, e)
			}
		}
	case reflect.String:
		v.SetString([]string{"", "", "x"}[r.IntN(3)])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int32, reflect.Int64:
		v.SetInt(int64(r.IntN(3)))
	}
}

// generic decodes JSON into maps, slices and json.Numbers.
func generic(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return v
}

// TestJSONMatchesK8sAPI: a pod template encoded by k8s.io/api decodes into
// corev1 with no unknown member anywhere and encodes back to the same JSON
// value (the same members, including which zero values are kept and which
// are dropped), over many pseudo-random templates.
func TestJSONMatchesK8sAPI(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		var theirs k8score.PodTemplateSpec
		fill(r, reflect.ValueOf(&theirs).Elem(), 0)
		want, err := json.Marshal(theirs)
		if err != nil {
			t.Fatal(err)
		}
		var ours corev1.PodTemplateSpec
		if err := json.Unmarshal(want, &ours); err != nil {
			t.Fatalf("seed %d: decode: %v\n%s", seed, err, want)
		}
		if path := findUnknown(reflect.ValueOf(ours), "template"); path != "" {
			t.Fatalf("seed %d: %s has unknown members\n%s", seed, path, want)
		}
		got, err := json.Marshal(ours)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(generic(t, got), generic(t, want)) {
			t.Fatalf("seed %d: corev1 encodes\n%s\nk8s.io/api encodes\n%s", seed, got, want)
		}
	}
}

// findUnknown returns the path of the first non-empty Unknown below v.
func findUnknown(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Name == "Unknown" && v.Field(i).Len() > 0 {
				return path
			}
			if f.IsExported() {
				if p := findUnknown(v.Field(i), path+"."+f.Name); p != "" {
					return p
				}
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return findUnknown(v.Elem(), path)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Uint8 {
			for i := range v.Len() {
				if p := findUnknown(v.Index(i), path+"[]"); p != "" {
					return p
				}
			}
		}
	}
	return ""
}
