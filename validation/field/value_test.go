package field

import (
	"errors"
	"testing"
)

type restartPolicy string

type uncounted struct {
	Succeeded []string
	Failed    []string
}

type selector struct {
	MatchLabels map[string]string `json:"matchLabels,omitempty"`
}

type stringerFunc func()

func (stringerFunc) String() string { return "stringer" }

func TestRenderValue(t *testing.T) {
	i32 := int32(5)
	var nilI32 *int32
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"int64", int64(-1), "-1"},
		{"int32", int32(100001), "100001"},
		{"int via json", 21, "21"},
		{"uint via json", uint8(7), "7"},
		{"bool", true, "true"},
		{"float64", 2.5, "2.5"},
		{"float32", float32(0.25), "0.25"},
		{"float64 big", 1e21, "1e+21"},
		{"string", "Always", `"Always"`},
		{"empty string", "", `""`},
		{"string escapes", "a\"b\\c\n\x00<&>é", `"a\"b\\c\n\x00<&>é"`},
		{"invalid utf8 string", "\xff", `"\xff"`},
		{"named string via json", restartPolicy("Always"), `"Always"`},
		{"named string json escapes", restartPolicy("<a&b>"), `"\u003ca\u0026b\u003e"`},
		{"nil is the string null", nil, `"null"`},
		{"nil pointer is the string null", nilI32, `"null"`},
		{"pointer to string is not json", ptrTo("a<b"), `"a<b"`},
		{"pointer dereferenced", &i32, "5"},
		{"slice", []int32{19, 11}, "[19,11]"},
		{"empty slice", []int32{}, "[]"},
		{"nil slice", []int32(nil), "null"},
		{"map keys sorted", map[string]string{"y": "z", "a": "b"}, `{"a":"b","y":"z"}`},
		{"nil map", map[string]string(nil), "null"},
		{"struct without tags", uncounted{Failed: []string{"a"}}, `{"Succeeded":null,"Failed":["a"]}`},
		{"struct with tags", &selector{MatchLabels: map[string]string{"a": "b"}}, `{"matchLabels":{"a":"b"}}`},
		{"stringer when json fails", stringerFunc(func() {}), "stringer"},
		{"go syntax when all else fails", complex(1, 2), "(1+2i)"},
		{"error value is json of its fields", errors.New("x"), "{}"},
		{"omit marker as plain value", OmitValueType{}, "{}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RenderValue(tc.value); got != tc.want {
				t.Errorf("RenderValue(%#v) = %s, want %s", tc.value, got, tc.want)
			}
		})
	}
}

func ptrTo[T any](v T) *T { return &v }
