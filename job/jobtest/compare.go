package jobtest

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/jobkit/jobkit/job"
)

// A comparison tree is what encoding/json would decode a value into
// (map[string]any, []any, string, bool), with integers as int64, times as
// RFC 3339 strings, nil for absent values, and omitted{v} for a zero value
// that its field leaves out on the wire (omitempty), so that `active: 0`
// and `active: null` both match a zero counter while `ready: null` does not
// match a non-nil pointer to 0.
type omitted struct{ v any }

var (
	timeType    = reflect.TypeOf(job.Time{})
	rawType     = reflect.TypeOf(json.RawMessage{})
	unknownType = reflect.TypeOf(job.Unknown{})
)

// actualTree converts a value of the job types to a comparison tree,
// following json tags (and the open types' unknown members).
func actualTree(v any) any { return valueTree(reflect.ValueOf(v)) }

func valueTree(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	switch v.Type() {
	case timeType:
		t := v.Interface().(job.Time)
		if t.IsZero() {
			return nil
		}
		return t.UTC().Format(time.RFC3339)
	case rawType:
		return rawTree(v.Bytes())
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return valueTree(v.Elem())
	case reflect.Struct:
		m := map[string]any{}
		structFields(m, v)
		return m
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		fallthrough
	case reflect.Array:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = valueTree(v.Index(i))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		m := make(map[string]any, v.Len())
		it := v.MapRange()
		for it.Next() {
			m[fmt.Sprint(it.Key().Interface())] = valueTree(it.Value())
		}
		return m
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(v.Uint())
	case reflect.Bool:
		return v.Bool()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return fmt.Sprint(v.Interface())
}

func rawTree(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	t, err := jsonTree(b)
	if err != nil {
		return string(b)
	}
	return t
}

// structFields adds the members of struct v to m; modelled members win
// over unknown ones.
func structFields(m map[string]any, v reflect.Value) {
	t := v.Type()
	var unknown job.Unknown
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == unknownType {
			unknown = v.Field(i).Interface().(job.Unknown)
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		fv := v.Field(i)
		if name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct {
			structFields(m, fv)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		tree := valueTree(fv)
		if tree != nil && fv.IsZero() && (strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")) {
			tree = omitted{tree}
		}
		m[name] = tree
	}
	for k, raw := range unknown {
		if _, ok := m[k]; !ok {
			m[k] = rawTree(raw)
		}
	}
}

// mismatch is one difference found by comparePartial.
type mismatch struct {
	path      string
	want, got any
}

func (m mismatch) String(start time.Time) string {
	return fmt.Sprintf("%s: want %s, got %s", m.path, render(m.want, start), render(m.got, start))
}

// comparePartial compares got against the partial want (SCENARIOS.md,
// "Partial comparison"): maps key by key for the keys of want (in sorted
// order), lists element by element with equal lengths, scalars exactly; a
// nil want needs got absent, nil or empty; empty lists, empty maps, absent
// values and "" are equal. Scalars must have the same kind: the number 1
// does not equal the string "1" (integers and floats compare by value).
func comparePartial(path string, want, got any) []mismatch {
	if want == nil {
		if isEmptyTree(got) {
			return nil
		}
		return []mismatch{{path, nil, got}}
	}
	if o, ok := got.(omitted); ok {
		got = o.v
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok && !isEmptyTree(got) {
			return []mismatch{{path, want, got}}
		}
		var out []mismatch
		for _, k := range slices.Sorted(maps.Keys(w)) {
			out = append(out, comparePartial(childPath(path, k), w[k], g[k])...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok && !isEmptyTree(got) {
			return []mismatch{{path, want, got}}
		}
		if len(w) != len(g) {
			return []mismatch{{path, want, got}}
		}
		var out []mismatch
		for i := range w {
			out = append(out, comparePartial(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return out
	default:
		if s, ok := want.(string); ok && s == "" && isEmptyTree(got) {
			return nil
		}
		if scalarEqual(want, got) {
			return nil
		}
		return []mismatch{{path, want, got}}
	}
}

func childPath(path, key string) string {
	if strings.ContainsAny(key, "./") {
		return path + "[" + key + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func isEmptyTree(v any) bool {
	switch x := v.(type) {
	case nil, omitted:
		return true
	case string:
		return x == ""
	case map[string]any:
		return len(x) == 0
	case []any:
		return len(x) == 0
	}
	return false
}

func scalarEqual(want, got any) bool {
	switch w := want.(type) {
	case int64:
		switch g := got.(type) {
		case int64:
			return w == g
		case float64:
			return float64(w) == g
		}
	case float64:
		switch g := got.(type) {
		case int64:
			return w == float64(g)
		case float64:
			return w == g
		}
	case string:
		if g, ok := got.(string); ok {
			return w == g
		}
	case bool:
		if g, ok := got.(bool); ok {
			return w == g
		}
	}
	return false
}

// render prints a tree value for a failure message: times as offsets from
// start, other values as JSON.
func render(v any, start time.Time) string {
	switch x := v.(type) {
	case nil:
		return "<absent>"
	case omitted:
		return render(x.v, start) + " (omitted)"
	case string:
		if t, err := time.Parse(time.RFC3339, x); err == nil {
			return t.Sub(start).String()
		}
		return fmt.Sprintf("%q", x)
	}
	b, err := json.Marshal(timesAsOffsets(stripOmitted(v), start))
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func stripOmitted(v any) any {
	switch x := v.(type) {
	case omitted:
		return stripOmitted(x.v)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if o, ok := e.(omitted); ok && isEmptyTree(o) {
				continue
			}
			out[k] = stripOmitted(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stripOmitted(e)
		}
		return out
	}
	return v
}

// uncountedAsNames returns the status tree with each list under
// uncountedTerminatedPods replaced by the sorted pod names (toNames: the
// tree holds UIDs), so that the lists compare as sets. status is not
// modified: the two maps on the way are copied.
func uncountedAsNames(status any, toNames bool) any {
	m, ok := status.(map[string]any)
	if !ok {
		return status
	}
	u := m["uncountedTerminatedPods"]
	o, wasOmitted := u.(omitted)
	if wasOmitted {
		u = o.v
	}
	um, ok := u.(map[string]any)
	if !ok {
		return status
	}
	names := maps.Clone(um)
	for k, v := range um {
		if o, ok := v.(omitted); ok {
			v = o.v
		}
		list, ok := v.([]any)
		if !ok {
			continue
		}
		out := make([]string, 0, len(list))
		for _, e := range list {
			s := fmt.Sprint(e)
			if toNames {
				s = podName(s)
			}
			out = append(out, s)
		}
		slices.Sort(out)
		sorted := make([]any, len(out))
		for i, s := range out {
			sorted[i] = s
		}
		names[k] = sorted
	}
	cp := maps.Clone(m)
	if wasOmitted {
		cp["uncountedTerminatedPods"] = omitted{names}
	} else {
		cp["uncountedTerminatedPods"] = names
	}
	return cp
}

// timesAsOffsets returns v with every RFC 3339 string replaced by its
// offset from start, for display.
func timesAsOffsets(v any, start time.Time) any {
	switch x := v.(type) {
	case string:
		if t, err := time.Parse(time.RFC3339, x); err == nil {
			return t.Sub(start).String()
		}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = timesAsOffsets(e, start)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = timesAsOffsets(e, start)
		}
		return out
	}
	return v
}
