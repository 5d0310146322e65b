package validation

import (
	"encoding/json"

	"github.com/jobkit/jobkit/job"
)

// Members the job types keep verbatim (job.Unknown) are raw JSON; these
// functions read them. Emptiness, decoding and equality of raw JSON are in
// package equality.

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
