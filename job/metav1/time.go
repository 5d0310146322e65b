package metav1

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Time is a timestamp with the wire format of Kubernetes metav1.Time: RFC 3339
// in UTC with second precision ("2026-01-01T00:00:00Z"). The zero Time encodes
// as JSON null and is omitted by fields tagged omitzero.
type Time struct {
	time.Time
}

// NewTime returns t in UTC, truncated to whole seconds, as the API server
// stores it.
func NewTime(t time.Time) Time {
	if t.IsZero() {
		return Time{}
	}
	return Time{t.UTC().Truncate(time.Second)}
}

// NewTimePtr is NewTime returning a pointer, for optional fields.
func NewTimePtr(t time.Time) *Time {
	v := NewTime(t)
	return &v
}

// Equal reports whether both times are the same instant (a nil-safe
// comparison is the caller's business).
func (t Time) Equal(o Time) bool { return t.Time.Equal(o.Time) }

// MarshalJSON encodes RFC 3339 in UTC at second precision, or null.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.UTC().Format(time.RFC3339) + `"`), nil
}

// UnmarshalJSON accepts null, "" (both the zero Time) and RFC 3339 with any
// offset and optional fractional seconds; the result is UTC, whole seconds.
func (t *Time) UnmarshalJSON(data []byte) error {
	if bytes.Equal(data, []byte("null")) {
		*t = Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("time must be an RFC 3339 string, got %s", data)
	}
	if s == "" {
		*t = Time{}
		return nil
	}
	p, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("time %q is not RFC 3339 (like 2026-01-01T00:00:00Z)", s)
	}
	*t = NewTime(p)
	return nil
}
