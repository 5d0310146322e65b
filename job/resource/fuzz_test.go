package resource

import (
	"strings"
	"testing"
)

// FuzzParseQuantity: parsing never panics; the canonical text parses,
// is a fixed point of parse → String (the format may change: "1E1" is
// "10", binary SI below 1024 is decimal), and (except decimal SI beyond the
// E suffix, printed without suffix as upstream) is the same number.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"0", "1", "500m", "1.5Gi", "1e400", "-1.1Ki", "0.000000000001Ki", "9Ei", "1000E",
		"12345678901234567890.5", ".", "-.", "e3", "1E-3", "+1", "1.", "1234567890123456789e-400", "1x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			return
		}
		c := q.String()
		back, err := ParseQuantity(c)
		if err != nil {
			t.Fatalf("%q: canonical %q does not parse: %v", s, c, err)
		}
		if again := back.String(); again != c {
			t.Fatalf("%q: %q then %q", s, c, again)
		}
		_, e := q.AsCanonicalBytes(nil)
		suffixLost := q.Format == DecimalSI && (e > 18 || e < -9) && !strings.ContainsAny(c, "e")
		if back.Cmp(q) != 0 && !suffixLost {
			t.Fatalf("%q: canonical %q is %v", s, c, back)
		}
		_, _, _ = q.Value(), q.MilliValue(), q.AsApproximateFloat64()
	})
}
