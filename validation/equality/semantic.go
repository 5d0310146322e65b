package equality

import (
	"reflect"

	"github.com/jobkit/jobkit/job/metav1"
	"github.com/jobkit/jobkit/job/resource"
)

// Semantic reports whether a and b, two values of the same API type, are
// equal as apiequality.Semantic.DeepEqual decides for the typed model:
//
//  1. resource.Quantity values compare numerically (Cmp), so "1" equals
//     "1000m";
//  2. metav1.Time values compare as instants;
//  3. metav1.Unknown (members newer than the model, kept verbatim) compare
//     as decoded JSON with null, [] and {} counting as absent (Raw);
//  4. a nil and an empty slice or map are equal, as in apimachinery's
//     forked reflect.DeepEqual;
//  5. pointers compare by the values they point to; nil equals only nil;
//  6. everything else field by field, element by element.
func Semantic[T any](a, b *T) bool {
	return deepEqual(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem())
}

var (
	quantityType = reflect.TypeFor[resource.Quantity]()
	timeType     = reflect.TypeFor[metav1.Time]()
	unknownType  = reflect.TypeFor[metav1.Unknown]()
)

func deepEqual(a, b reflect.Value) bool {
	switch a.Type() {
	case quantityType:
		return a.Interface().(resource.Quantity).Cmp(b.Interface().(resource.Quantity)) == 0
	case timeType:
		return a.Interface().(metav1.Time).Equal(b.Interface().(metav1.Time))
	case unknownType:
		return unknownEqual(a.Interface().(metav1.Unknown), b.Interface().(metav1.Unknown))
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if !deepEqual(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return a.Pointer() == b.Pointer() || deepEqual(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !deepEqual(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		it := a.MapRange()
		for it.Next() {
			w := b.MapIndex(it.Key())
			if !w.IsValid() || !deepEqual(it.Value(), w) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		return a.Float() == b.Float()
	}
	panic("equality.Semantic: unsupported kind " + a.Kind().String() + " in " + a.Type().String())
}
