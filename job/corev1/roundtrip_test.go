package corev1_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/job/intstr"
	"github.com/jobkit/jobkit/job/metav1"
	"github.com/jobkit/jobkit/job/resource"
)

// filler draws arbitrary values of the corev1 types by reflection, to the
// given depth of pointers, slices and maps, with a member unknown to this
// API version here and there.
type filler struct {
	t        *rapid.T
	maxDepth int
}

var (
	quantityType = reflect.TypeFor[resource.Quantity]()
	intstrType   = reflect.TypeFor[intstr.IntOrString]()
	timeType     = reflect.TypeFor[metav1.Time]()
	metaType     = reflect.TypeFor[metav1.ObjectMeta]()
	unknownType  = reflect.TypeFor[metav1.Unknown]()
)

func (f filler) fill(v reflect.Value, depth int) {
	t := f.t
	switch v.Type() {
	case quantityType:
		q := rapid.SampledFrom([]string{"0", "1", "100m", "1500m", "2Gi", "512Mi", "1k", "1e3"}).Draw(t, "quantity")
		v.Set(reflect.ValueOf(resource.MustParse(q)))
		return
	case intstrType:
		if rapid.Bool().Draw(t, "intstr is int") {
			v.Set(reflect.ValueOf(intstr.FromInt32(rapid.Int32Range(0, 65535).Draw(t, "int"))))
		} else {
			v.Set(reflect.ValueOf(intstr.FromString(rapid.SampledFrom([]string{"http", "", "8080"}).Draw(t, "str"))))
		}
		return
	case timeType:
		return // the zero Time: metav1's own tests cover Time
	case metaType:
		m := metav1.ObjectMeta{Name: rapid.SampledFrom([]string{"", "pi"}).Draw(t, "name")}
		if rapid.Bool().Draw(t, "labels") {
			m.Labels = map[string]string{"app": "pi"}
		}
		v.Set(reflect.ValueOf(m))
		return
	case unknownType:
		if depth < f.maxDepth && rapid.IntRange(0, 9).Draw(t, "unknown") == 0 {
			raw := rapid.SampledFrom([]string{`"v"`, `1`, `{"a":[true,null]}`}).Draw(t, "raw")
			v.Set(reflect.ValueOf(metav1.Unknown{"zzFutureMember": json.RawMessage(raw)}))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f.fill(v.Field(i), depth)
		}
	case reflect.Pointer:
		if depth < f.maxDepth && rapid.Bool().Draw(t, "set") {
			v.Set(reflect.New(v.Type().Elem()))
			f.fill(v.Elem(), depth+1)
		}
	case reflect.Slice:
		n := 0
		if depth < f.maxDepth {
			n = rapid.IntRange(-1, 2).Draw(t, "len")
		}
		if n < 0 {
			return // nil
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			f.fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		if depth >= f.maxDepth || !rapid.Bool().Draw(t, "map") {
			return
		}
		v.Set(reflect.MakeMap(v.Type()))
		for range rapid.IntRange(0, 2).Draw(t, "entries") {
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(rapid.SampledFrom([]string{"cpu", "memory", "a", ""}).Draw(t, "key"))
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(e, depth+1)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		v.SetString(rapid.SampledFrom([]string{"", "a", "Always", "x y", "ü"}).Draw(t, "string"))
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(t, "bool"))
	case reflect.Int32, reflect.Int64:
		v.SetInt(rapid.Int64Range(-1, 3).Draw(t, "int"))
	default:
		t.Fatalf("filler: unsupported kind %s of %s", v.Kind(), v.Type())
	}
}

var quantityText = cmp.Comparer(func(a, b resource.Quantity) bool { return a.String() == b.String() })

// TestRoundTripProperty: for an arbitrary pod template, decoding its JSON,
// encoding the result and decoding again gives the same value (decode ∘
// encode is the identity on decoded values), and encoding is byte-stable.
// Unknown members survive.
func TestRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var in corev1.PodTemplateSpec
		filler{t: t, maxDepth: 5}.fill(reflect.ValueOf(&in).Elem(), 0)
		b0, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		var v1, v2 corev1.PodTemplateSpec
		if err := json.Unmarshal(b0, &v1); err != nil {
			t.Fatalf("decode %s: %v", b0, err)
		}
		b1, err := json.Marshal(v1)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		if err := json.Unmarshal(b1, &v2); err != nil {
			t.Fatalf("decode %s: %v", b1, err)
		}
		if d := cmp.Diff(v1, v2, quantityText); d != "" {
			t.Fatalf("decode(encode(v)) != v (-v +after):\n%s", d)
		}
		b2, _ := json.Marshal(v2)
		if !bytes.Equal(b1, b2) {
			t.Fatalf("encoding not stable:\n%s\n%s", b1, b2)
		}
		if bytes.Contains(b0, []byte("zzFutureMember")) != bytes.Contains(b2, []byte("zzFutureMember")) {
			t.Fatalf("an unknown member was lost:\n%s\n%s", b0, b2)
		}
	})
}

// TestDeepCopyProperty: DeepCopy is equal to the original and shares no
// memory with it: scribbling over every reachable value of the copy leaves
// the original unchanged.
func TestDeepCopyProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var in corev1.PodTemplateSpec
		filler{t: t, maxDepth: 5}.fill(reflect.ValueOf(&in).Elem(), 0)
		before, _ := json.Marshal(in)
		out := in.DeepCopy()
		if d := cmp.Diff(&in, out, quantityText); d != "" {
			t.Fatalf("DeepCopy differs (-in +copy):\n%s", d)
		}
		scribble(reflect.ValueOf(out).Elem())
		if after, _ := json.Marshal(in); !bytes.Equal(before, after) {
			t.Fatalf("changing the copy changed the original:\n%s\n%s", before, after)
		}
	})
}

// scribble overwrites every string, number and bool reachable from v,
// through pointers, slices and maps, and every raw unknown member.
func scribble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == quantityType || v.Type() == timeType {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scribble(v.Field(i))
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			scribble(v.Elem())
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 { // json.RawMessage
			for i := range v.Len() {
				v.Index(i).SetUint('#')
			}
			return
		}
		for i := range v.Len() {
			scribble(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			if e.Kind() == reflect.Slice || e.Kind() == reflect.Map || e.Kind() == reflect.Pointer {
				scribble(e) // shares memory with the map's value
			} else {
				scribble(e)
				v.SetMapIndex(k, e)
			}
		}
	case reflect.String:
		v.SetString(v.String() + "#")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 7)
	}
}
