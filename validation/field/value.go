package field

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
)

// RenderValue renders a bad value the way the newest API server does in
// messages. The rules, in order:
//
//  0. nil, or a nil pointer, is the string "null" and so renders (rule 2)
//     with quotes: "null" ("spec.selector: Invalid value: \"null\": field is
//     immutable"); a non-nil pointer is replaced by the value it points to.
//  1. Dynamic type exactly int64, int32, float64, float32 or bool: Go "%v"
//     (-1, 2.5, true).
//  2. Dynamic type exactly string: Go "%q" ("Always", with backslash escapes).
//  3. Anything else (named string types such as an enum, plain int,
//     slices, maps, structs): the encoding/json output when marshalling
//     succeeds ("Always" for an enum, 21, [19,11], {"y":"z"}; a nil slice or
//     map is null, unquoted; map keys sorted by encoding/json). Note that
//     JSON escapes <, > and & as \u003c, \u003e, \u0026.
//  4. Otherwise, when the value implements fmt.Stringer: its String().
//  5. Otherwise Go "%#v".
//
// Older API servers used "%#v" for rule 3 (map[string]string{"y":"z"}); see
// the spec's version-drift notes.
func RenderValue(v any) string {
	if rv := reflect.ValueOf(v); !rv.IsValid() {
		v = "null"
	} else if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			v = "null"
		} else {
			v = rv.Elem().Interface()
		}
	}
	switch t := v.(type) {
	case int64:
		return strconv.FormatInt(t, 10)
	case int32:
		return strconv.FormatInt(int64(t), 10)
	case bool:
		return strconv.FormatBool(t)
	case float64, float32:
		return fmt.Sprintf("%v", t)
	case string:
		return strconv.Quote(t)
	}
	if b, err := json.Marshal(v); err == nil {
		return string(b)
	}
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%#v", v)
}
