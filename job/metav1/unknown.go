package metav1

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Unknown holds the JSON members of an object that jobkit does not model,
// keyed by member name, each value kept verbatim as raw JSON. The core/v1
// types (package corev1) and the pod status carry an Unknown so that a
// member newer than the modelled API version survives decoding and
// re-encoding (strict decoding still reports it). On encoding, modelled
// fields come first in declaration order, then unknown members in ascending
// key order.
type Unknown map[string]json.RawMessage

// DeepCopy returns an independent copy (nil stays nil).
func (u Unknown) DeepCopy() Unknown {
	if u == nil {
		return nil
	}
	out := make(Unknown, len(u))
	for k, v := range u {
		out[k] = slices.Clone(v)
	}
	return out
}

var knownKeysCache sync.Map // reflect.Type -> map[string]bool

// knownKeys returns the JSON member names modelled by struct type t,
// following embedded structs without a name tag as encoding/json does.
// Names are stored as written and, for the case-insensitive match of
// encoding/json, lower-cased.
func knownKeys(t reflect.Type) map[string]bool {
	if v, ok := knownKeysCache.Load(t); ok {
		return v.(map[string]bool)
	}
	keys := map[string]bool{}
	collectKeys(t, keys)
	for k := range keys {
		keys[strings.ToLower(k)] = true
	}
	knownKeysCache.Store(t, keys)
	return keys
}

func collectKeys(t reflect.Type, keys map[string]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct {
			collectKeys(f.Type, keys)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		keys[name] = true
	}
}

// UnmarshalWithUnknown decodes data into the struct pointed to by known (a
// pointer to a defined type without JSON methods, such as `type fields T`
// for a T with an Unknown field) and returns the members it does not model,
// for the caller to store in T's Unknown.
func UnmarshalWithUnknown(data []byte, known any) (Unknown, error) {
	if err := json.Unmarshal(data, known); err != nil {
		return nil, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	keys := knownKeys(reflect.TypeOf(known).Elem())
	var extra Unknown
	for k, v := range all {
		// encoding/json fills a field from a member matching its name
		// case-insensitively; such a member is not unknown.
		if keys[k] || keys[strings.ToLower(k)] {
			continue
		}
		if extra == nil {
			extra = Unknown{}
		}
		extra[k] = v
	}
	return extra, nil
}

// MarshalWithUnknown encodes known (a value of a defined type without JSON
// methods, see UnmarshalWithUnknown) and appends the unknown members in
// ascending key order. A member that is modelled wins over an unknown one of
// the same name.
func MarshalWithUnknown(known any, extra Unknown) ([]byte, error) {
	b, err := json.Marshal(known)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	keys := knownKeys(reflect.TypeOf(known))
	names := make([]string, 0, len(extra))
	for k := range extra {
		if !keys[k] {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var buf bytes.Buffer
	buf.Grow(len(b) + 64*len(names))
	buf.Write(b[:len(b)-1]) // without the closing brace
	first := len(b) == 2    // "{}"
	for _, k := range names {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		v := extra[k]
		if len(v) == 0 {
			v = json.RawMessage("null")
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
