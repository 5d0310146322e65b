package manifest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jobkit/jobkit/job"
)

var (
	timeType        = reflect.TypeFor[job.Time]()
	unknownType     = reflect.TypeFor[job.Unknown]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

// structInfo describes how a struct type decodes from JSON.
type structInfo struct {
	fields map[string]reflect.Type // JSON member name -> field type
	names  []string                // member names, sorted
	// open structs keep unmodelled members (they have an Unknown field
	// tagged "-"); closed structs reject them.
	open bool
}

var structInfoCache sync.Map // reflect.Type -> *structInfo

func infoOf(t reflect.Type) *structInfo {
	if v, ok := structInfoCache.Load(t); ok {
		return v.(*structInfo)
	}
	si := &structInfo{fields: map[string]reflect.Type{}}
	collectFields(t, si)
	for name := range si.fields {
		si.names = append(si.names, name)
	}
	slices.Sort(si.names)
	structInfoCache.Store(t, si)
	return si
}

// collectFields follows the encoding/json rules jobkit's types use:
// exported fields, name from the json tag or the field name, "-" skipped,
// embedded structs without a tag name promoted.
func collectFields(t reflect.Type, si *structInfo) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			if f.Type == unknownType {
				si.open = true
			}
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" && f.Anonymous {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				collectFields(ft, si)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		si.fields[name] = f.Type
	}
}

// checkValue walks a resolved value against a Go type and reports the first
// mismatch, in document order: an unknown member of a closed struct (or a
// member of any struct that matches a modelled name only case-
// insensitively), or a value of the wrong JSON kind or range for a
// modelled field. Members of open structs that are not modelled are not
// looked into.
func checkValue(v *value, t reflect.Type, p *path) error {
	if v.kind == kindNull {
		return nil // null is absent: the field keeps its zero value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return checkTime(v, p)
	case t.Kind() == reflect.Struct && infoOf(t).open:
		return checkStruct(v, t, p)
	case reflect.PointerTo(t).Implements(unmarshalerType) || t.Implements(unmarshalerType):
		return nil // json.RawMessage and other self-decoding types: anything
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkStruct(v, t, p)
	case reflect.Slice, reflect.Array:
		if v.kind != kindArray {
			return wrongKind(v, p, "a sequence")
		}
		for i, it := range v.items {
			if err := checkValue(it, t.Elem(), p.at(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if v.kind != kindObject {
			return wrongKind(v, p, "a mapping")
		}
		for _, m := range v.members {
			if err := checkValue(m.val, t.Elem(), p.key(m.key)); err != nil {
				return err
			}
		}
		return nil
	case reflect.String:
		if v.kind != kindString {
			return wrongKind(v, p, "a string")
		}
		return nil
	case reflect.Bool:
		if v.kind == kindBool {
			return nil
		}
		if v.kind == kindString && v.plain && isYAML11Bool(v.text) {
			return errAt(v.line, v.col, p, "expected a boolean, got the string %q (YAML 1.2: only true and false are booleans)", v.text)
		}
		return wrongKind(v, p, "a boolean")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return checkInt(v, p, t, true)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return checkInt(v, p, t, false)
	case reflect.Float32, reflect.Float64:
		if v.kind != kindInt && v.kind != kindFloat {
			return wrongKind(v, p, "a number")
		}
		return nil
	case reflect.Interface:
		return nil
	}
	return errAt(v.line, v.col, p, "cannot decode into Go type %s", t)
}

func checkStruct(v *value, t reflect.Type, p *path) error {
	if v.kind != kindObject {
		return wrongKind(v, p, "a mapping")
	}
	si := infoOf(t)
	for _, m := range v.members {
		ft, ok := si.fields[m.key]
		if !ok {
			if exact, folded := si.foldMatch(m.key); folded {
				return errAt(m.line, m.col, p.child(m.key), "unknown field %q (did you mean %q?)", m.key, exact)
			}
			if si.open {
				continue // kept verbatim by the type's UnmarshalJSON
			}
			return errAt(m.line, m.col, p.child(m.key), "unknown field %q", m.key)
		}
		if err := checkValue(m.val, ft, p.child(m.key)); err != nil {
			return err
		}
	}
	return nil
}

// foldMatch returns the modelled member that key matches under Unicode
// simple case folding, the way encoding/json matches names (so "Kind" with
// a Kelvin sign K, or "ſpec" with a long s, match too).
func (si *structInfo) foldMatch(key string) (string, bool) {
	for _, name := range si.names {
		if strings.EqualFold(key, name) {
			return name, true
		}
	}
	return "", false
}

func checkInt(v *value, p *path, t reflect.Type, signed bool) error {
	if v.kind != kindInt {
		if v.kind == kindFloat && isDecimal(v.text) {
			return errAt(v.line, v.col, p, "%s is out of range for %s", v.text, t.Kind())
		}
		if v.kind == kindFloat {
			return errAt(v.line, v.col, p, "expected an integer (%s), got the number %s", t.Kind(), v.text)
		}
		return wrongKind(v, p, fmt.Sprintf("an integer (%s)", t.Kind()))
	}
	bits := t.Bits()
	if signed {
		i, err := strconv.ParseInt(v.text, 10, 64)
		if err != nil || i < -1<<(bits-1) || i > 1<<(bits-1)-1 {
			return errAt(v.line, v.col, p, "%s is out of range for %s", v.text, t.Kind())
		}
		return nil
	}
	u, err := strconv.ParseUint(v.text, 10, 64)
	if err != nil || (bits < 64 && u > 1<<bits-1) {
		return errAt(v.line, v.col, p, "%s is out of range for %s", v.text, t.Kind())
	}
	return nil
}

func checkTime(v *value, p *path) error {
	if v.kind != kindString {
		return wrongKind(v, p, "an RFC 3339 time string")
	}
	if v.text == "" {
		return nil
	}
	tm, err := time.Parse(time.RFC3339Nano, v.text)
	if err != nil {
		return errAt(v.line, v.col, p, "invalid time %q: want RFC 3339 like 2026-01-01T00:00:00Z", v.text)
	}
	// job.Time stores UTC; outside years 0000-9999 it has no RFC 3339 form.
	if y := tm.UTC().Year(); y < 0 || y > 9999 {
		return errAt(v.line, v.col, p, "time %q is outside the years 0000-9999 in UTC", v.text)
	}
	return nil
}

func wrongKind(v *value, p *path, want string) error {
	got := v.kind.String()
	switch v.kind {
	case kindString:
		got = "the string " + strconv.Quote(shorten(v.text))
	case kindInt, kindFloat, kindBool:
		got = got + " " + v.text
	}
	return errAt(v.line, v.col, p, "expected %s, got %s", want, got)
}

func shorten(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	return s[:max] + "..."
}

// isYAML11Bool reports whether s is a boolean in YAML 1.1 (yaml.v2, and so
// kubectl) but a string in YAML 1.2 (yaml.v3).
func isYAML11Bool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF":
		return true
	}
	return false
}
