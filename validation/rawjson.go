package validation

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/jobkit/jobkit/job"
)

// Members the job types keep verbatim (job.Unknown, spec.scheduling) are
// raw JSON. These functions read them: emptiness, decoding, and equality
// with null, [] and {} counting as absent.

// isEmptyJSON reports whether raw is null, [], {} or blank.
func isEmptyJSON(raw []byte) bool {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) {
		return true
	}
	if len(t) >= 2 && (t[0] == '[' && t[len(t)-1] == ']' || t[0] == '{' && t[len(t)-1] == '}') {
		return len(bytes.TrimSpace(t[1:len(t)-1])) == 0
	}
	return false
}

// isNullOrAbsent reports whether raw is absent (empty) or the literal null:
// what a Go nil pointer or nil slice decodes from.
func isNullOrAbsent(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// decodeMember decodes u[k] into v; false when absent, null or malformed.
func decodeMember(u job.Unknown, k string, v any) bool {
	raw, ok := u[k]
	if !ok || isNullOrAbsent(raw) {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}

// rawEqual compares two raw JSON values: byte-equal, or equal once decoded
// and normalized (null/[]/{} members dropped).
func rawEqual(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if isEmptyJSON(a) && isEmptyJSON(b) {
		return true
	}
	return jsonEqual(decodeOrText(a), decodeOrText(b))
}

// decodeOrText decodes raw, or returns its trimmed text when it is not
// valid JSON (so malformed members still compare by their text).
func decodeOrText(raw []byte) any {
	if v, ok := decodeJSON(raw); ok {
		return v
	}
	return string(bytes.TrimSpace(raw))
}

// decodeJSON decodes raw into the generic JSON data model.
func decodeJSON(raw []byte) (any, bool) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, false
	}
	return v, true
}

// jsonEqual compares decoded JSON values, treating null, empty arrays and
// empty objects as equal to each other and to an absent object member.
func jsonEqual(a, b any) bool {
	return reflect.DeepEqual(normalizeJSON(a), normalizeJSON(b))
}

// normalizeJSON returns v with null, empty-array and empty-object members
// removed, recursively; an empty result is nil. v is not modified.
func normalizeJSON(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			if n := normalizeJSON(e); n != nil {
				out[k] = n
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(t) == 0 {
			return nil
		}
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = normalizeJSON(e)
		}
		return out
	}
	return v
}
