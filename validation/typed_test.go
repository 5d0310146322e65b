package validation

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/jobkit/jobkit/job/metav1"
)

// viaJSON returns v with the members a test wrote as raw JSON into an
// Unknown (of any struct in v) moved into their typed fields, as decoding a
// manifest puts them.
func viaJSON[T any](t testing.TB, v T) T {
	t.Helper()
	rv := reflect.ValueOf(&v).Elem()
	if err := typeUnknown(rv); err != nil {
		t.Fatal(err)
	}
	return v
}

var unknownType = reflect.TypeFor[metav1.Unknown]()

func typeUnknown(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return typeUnknown(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			if err := typeUnknown(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		var extra metav1.Unknown
		for i := range v.NumField() {
			f := v.Field(i)
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if f.Type() == unknownType {
				extra = f.Interface().(metav1.Unknown)
				f.Set(reflect.Zero(unknownType))
				continue
			}
			if err := typeUnknown(f); err != nil {
				return err
			}
		}
		if len(extra) == 0 {
			return nil
		}
		b, err := json.Marshal(v.Addr().Interface())
		if err != nil {
			return err
		}
		members := map[string]json.RawMessage{}
		if err := json.Unmarshal(b, &members); err != nil {
			return err
		}
		for k, m := range extra {
			members[k] = m
		}
		if b, err = json.Marshal(members); err != nil {
			return err
		}
		out := reflect.New(v.Type())
		if err := json.Unmarshal(b, out.Interface()); err != nil {
			return err
		}
		v.Set(out.Elem())
	}
	return nil
}
