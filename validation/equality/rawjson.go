package equality

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Raw JSON values: emptiness, decoding, and equality with null, [] and {}
// counting as absent.

// IsEmptyJSON reports whether raw is null, [], {} or blank.
func IsEmptyJSON(raw []byte) bool {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) {
		return true
	}
	if len(t) >= 2 && (t[0] == '[' && t[len(t)-1] == ']' || t[0] == '{' && t[len(t)-1] == '}') {
		return len(bytes.TrimSpace(t[1:len(t)-1])) == 0
	}
	return false
}

// Raw compares two raw JSON values: byte-equal, or equal once decoded
// and normalized (null/[]/{} members dropped).
func Raw(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if IsEmptyJSON(a) && IsEmptyJSON(b) {
		return true
	}
	return JSON(DecodeOrText(a), DecodeOrText(b))
}

// DecodeOrText decodes raw, or returns its trimmed text when it is not
// valid JSON (so malformed members still compare by their text).
func DecodeOrText(raw []byte) any {
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

// JSON compares decoded JSON values, treating null, empty arrays and
// empty objects as equal to each other and to an absent object member.
func JSON(a, b any) bool {
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
