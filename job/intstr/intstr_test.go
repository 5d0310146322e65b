package intstr

import (
	"encoding/json"
	"testing"
)

// TestJSON translates apimachinery's TestIntOrStringUnmarshalJSON and
// TestIntOrStringMarshalJSON tables (intstr_test.go) and adds the wrong types.
func TestJSON(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want IntOrString
	}{
		{`123`, FromInt32(123)},
		{`"123"`, FromString("123")},
		{`"port"`, FromString("port")},
		{`0`, FromInt32(0)},
	} {
		var got IntOrString
		if err := json.Unmarshal([]byte(tc.in), &got); err != nil || got != tc.want {
			t.Errorf("Unmarshal(%s) = %#v, %v; want %#v", tc.in, got, err, tc.want)
		}
		out, err := json.Marshal(got)
		if err != nil || string(out) != tc.in {
			t.Errorf("Marshal(%#v) = %s, %v; want %s", got, out, err, tc.in)
		}
	}
	for _, in := range []string{`true`, `1.5`, `4294967296`, `{}`} {
		var got IntOrString
		if err := json.Unmarshal([]byte(in), &got); err == nil {
			t.Errorf("Unmarshal(%s) = %#v, want an error", in, got)
		}
	}
	if _, err := json.Marshal(IntOrString{Type: 7}); err == nil {
		t.Error("Marshal of an impossible Type succeeded")
	}
}

func TestStringAndIntValue(t *testing.T) {
	for _, tc := range []struct {
		v    IntOrString
		s    string
		i    int
		desc string
	}{
		{FromInt32(8080), "8080", 8080, "int"},
		{FromString("http"), "http", 0, "name"},
		{FromString("25"), "25", 25, "numeric string"},
		{Parse("42"), "42", 42, "Parse of a number"},
		{Parse("50%"), "50%", 0, "Parse of a percentage"},
	} {
		if got := tc.v.String(); got != tc.s {
			t.Errorf("%s: String() = %q, want %q", tc.desc, got, tc.s)
		}
		if got := tc.v.IntValue(); got != tc.i {
			t.Errorf("%s: IntValue() = %d, want %d", tc.desc, got, tc.i)
		}
	}
	if Parse("42").Type != Int || Parse("x").Type != String {
		t.Error("Parse picks the wrong member")
	}
}
