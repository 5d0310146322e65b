// Package intstr holds IntOrString, the value of API fields that take either
// an integer or a string (a container port number or name, a percentage),
// with the JSON encoding of k8s.io/apimachinery's intstr.IntOrString.
package intstr

import (
	"encoding/json"
	"errors"
	"strconv"
)

// Type says which member of an IntOrString is set.
type Type int64

const (
	// Int: IntVal holds the value.
	Int Type = iota
	// String: StrVal holds the value.
	String
)

// IntOrString holds an int32 or a string. It encodes as a JSON number or a
// JSON string according to Type. The zero value is the integer 0.
type IntOrString struct {
	Type   Type
	IntVal int32
	StrVal string
}

// FromInt32 returns the integer v.
func FromInt32(v int32) IntOrString { return IntOrString{Type: Int, IntVal: v} }

// FromString returns the string s.
func FromString(s string) IntOrString { return IntOrString{Type: String, StrVal: s} }

// Parse returns the integer s denotes when s is a decimal int32, else the
// string s.
func Parse(s string) IntOrString {
	if n, err := strconv.ParseInt(s, 10, 32); err == nil {
		return FromInt32(int32(n))
	}
	return FromString(s)
}

// String returns StrVal for a string and the decimal form of IntVal for an
// integer.
func (v IntOrString) String() string {
	if v.Type == String {
		return v.StrVal
	}
	return strconv.Itoa(int(v.IntVal))
}

// IntValue returns IntVal for an integer and the value of StrVal parsed as a
// decimal integer (0 when it is not one) for a string.
func (v IntOrString) IntValue() int {
	if v.Type == String {
		n, _ := strconv.Atoi(v.StrVal)
		return n
	}
	return int(v.IntVal)
}

// errBadType is returned when encoding an IntOrString whose Type is neither
// Int nor String.
var errBadType = errors.New("intstr: IntOrString has an impossible Type")

// MarshalJSON encodes a JSON number (Int) or a JSON string (String).
func (v IntOrString) MarshalJSON() ([]byte, error) {
	switch v.Type {
	case Int:
		return json.Marshal(v.IntVal)
	case String:
		return json.Marshal(v.StrVal)
	}
	return nil, errBadType
}

// UnmarshalJSON reads a JSON string into StrVal and anything else into IntVal
// (an int32; a fraction, a boolean or an out-of-range number is
// encoding/json's error for an int32), as apimachinery does.
func (v *IntOrString) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		v.Type = String
		return json.Unmarshal(data, &v.StrVal)
	}
	v.Type = Int
	return json.Unmarshal(data, &v.IntVal)
}
