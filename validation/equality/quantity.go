package equality

import (
	"strconv"

	"github.com/jobkit/jobkit/job/resource"
)

// Resource quantities in verbatim pod-template members ("resources":
// {"requests": {"cpu": "1"}}) compare numerically, as the API server's
// semantic equality does (resource.Quantity.Equal): "1", "1000m" and
// "1e3m" are equal, "1Gi" and "1073741824" are equal.

// quantityKey is the canonical decimal mantissa and exponent of a
// quantity: equal quantities, whatever their texts, have equal keys.
type quantityKey string

func keyOf(q resource.Quantity) quantityKey {
	m, e := q.AsCanonicalBytes(nil)
	return quantityKey(strconv.AppendInt(append(m, 'e'), int64(e), 10))
}

// canonicalResources rewrites, in a decoded "resources" value, every
// quantity string under "limits" and "requests" into its key.
func canonicalResources(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	for _, k := range []string{"limits", "requests"} {
		q, ok := m[k].(map[string]any)
		if !ok {
			continue
		}
		for name, val := range q {
			if s, ok := val.(string); ok {
				if parsed, err := resource.ParseQuantity(s); err == nil {
					q[name] = keyOf(parsed)
				}
			}
		}
	}
	return v
}
