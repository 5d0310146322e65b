package manifest

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Scalar resolution: how one YAML scalar becomes a JSON null, boolean,
// number or string (the YAML 1.2 core schema, numbers kept exact).

// resolveScalar maps a scalar to its JSON kind under the YAML 1.2 core
// schema that yaml.v3 implements: only true/false (any case variant yaml.v3
// accepts) are booleans; yes/no/on/off stay strings.
func resolveScalar(n *yaml.Node) (*value, error) {
	v := &value{line: int32(n.Line), col: int32(n.Column), plain: n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0}
	v.weight = 1 + int64(len(n.Value))
	switch n.ShortTag() {
	case "!!null":
		v.kind = kindNull
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, errAt(n.Line, n.Column, nil, "invalid boolean %q", n.Value)
		}
		v.kind, v.text = kindBool, strconv.FormatBool(b)
	case "!!int":
		text, err := intText(n)
		if err != nil {
			return nil, err
		}
		v.kind, v.text = kindInt, text
	case "!!float":
		text, err := floatText(n)
		if err != nil {
			return nil, err
		}
		v.kind, v.text = kindFloat, text
	default: // !!str, !!timestamp, !!binary, custom tags: the text as written
		v.kind, v.text = kindString, n.Value
	}
	return v, nil
}

func isDecimal(s string) bool {
	t := strings.TrimPrefix(s, "-")
	if t == "" || (t[0] == '0' && len(t) > 1) {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// intText returns the canonical decimal text of an integer scalar, exact
// (never through float64): "0x1F" → "31", "1_000" → "1000".
func intText(n *yaml.Node) (string, error) {
	if isDecimal(n.Value) && n.Value != "-0" {
		return n.Value, nil
	}
	var i int64
	if err := n.Decode(&i); err == nil {
		return strconv.FormatInt(i, 10), nil
	}
	var u uint64
	if err := n.Decode(&u); err == nil {
		return strconv.FormatUint(u, 10), nil
	}
	return "", errAt(n.Line, n.Column, nil, "invalid integer %q", n.Value)
}

// floatText returns a JSON number for a float scalar: the text itself when
// it already is one (kept exact), else its float64 value. Infinities and
// NaN have no JSON form and are an error.
func floatText(n *yaml.Node) (string, error) {
	s := n.Value
	if s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && json.Valid([]byte(s)) {
		return s, nil
	}
	var f float64
	if err := n.Decode(&f); err != nil {
		return "", errAt(n.Line, n.Column, nil, "invalid number %q", n.Value)
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "", errAt(n.Line, n.Column, nil, "%s has no JSON representation", n.Value)
	}
	return strconv.FormatFloat(f, 'g', -1, 64), nil
}

// isYAML11Bool reports whether s is a boolean in YAML 1.1 (yaml.v2, and so
// sigs.k8s.io/yaml, kubectl and the API server) but a string in YAML 1.2
// (yaml.v3).
func isYAML11Bool(s string) bool {
	_, ok := yaml11Bool(s)
	return ok
}

// yaml11Bool returns the value of a YAML 1.1 boolean that YAML 1.2 reads as
// a string (y, yes, on, n, no, off in their case variants).
func yaml11Bool(s string) (bool, bool) {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
		return true, true
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return false, true
	}
	return false, false
}
