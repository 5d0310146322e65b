package equality

import (
	"testing"

	"github.com/jobkit/jobkit/job/resource"
)

// canonical is the comparison key of a quantity text.
func canonical(s string) (quantityKey, bool) {
	q, err := resource.ParseQuantity(s)
	return keyOf(q), err == nil
}

func TestCanonicalQuantity(t *testing.T) {
	same := [][]string{
		{"1", "1000m", "1e0", "1.0", "+1", "0.001k"},
		{"1Gi", "1073741824", "1024Mi"},
		{"100m", "0.1", "1e-1"},
		{"0", "0m", "0Gi"},
	}
	var canon []quantityKey
	for _, group := range same {
		c0, ok := canonical(group[0])
		if !ok {
			t.Fatalf("%q not a quantity", group[0])
		}
		for _, q := range group[1:] {
			if c, ok := canonical(q); !ok || c != c0 {
				t.Errorf("%q = %q (%v), want %q like %q", q, c, ok, c0, group[0])
			}
		}
		canon = append(canon, c0)
	}
	if canon[0] == canon[1] || canon[0] == canon[2] {
		t.Errorf("distinct quantities collide: %v", canon)
	}
	for _, bad := range []string{"", "abc", "1x", "1e", "1.2.3", "1Ki2", "1 "} {
		if c, ok := canonical(bad); ok {
			t.Errorf("%q accepted as %q", bad, c)
		}
	}
}
