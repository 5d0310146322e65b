package equality

import (
	"math/big"
	"strings"
)

// Resource quantities in verbatim pod-template members ("resources":
// {"requests": {"cpu": "1"}}) compare numerically, as the API server's
// semantic equality does: "1", "1000m" and "1e3m" are equal, "1Gi" and
// "1073741824" are equal.

// CanonicalQuantity returns a canonical text for a Kubernetes quantity
// (decimal number with an optional binary-SI, decimal-SI or exponent
// suffix), and false when s is not one.
func CanonicalQuantity(s string) (string, bool) {
	if s == "" || len(s) > 64 {
		return "", false
	}
	num, suffix := splitQuantity(s)
	if num == "" || strings.ContainsAny(num, "eE") {
		return "", false
	}
	r, ok := new(big.Rat).SetString(num)
	if !ok {
		return "", false
	}
	mult, ok := quantityMultiplier(suffix)
	if !ok {
		return "", false
	}
	return r.Mul(r, mult).RatString(), true
}

// splitQuantity splits s into its signed decimal number and its suffix.
func splitQuantity(s string) (num, suffix string) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	return s[:i], s[i:]
}

func quantityMultiplier(suffix string) (*big.Rat, bool) {
	pow := func(base, exp int64) *big.Rat {
		return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil))
	}
	binary := map[string]int64{"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}
	decimal := map[string]int64{"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
	if e, ok := binary[suffix]; ok {
		return pow(2, e), true
	}
	exp, ok := decimal[suffix]
	if !ok && len(suffix) > 1 && (suffix[0] == 'e' || suffix[0] == 'E') {
		v, err := parseSmallInt(suffix[1:])
		if err {
			return nil, false
		}
		exp, ok = v, true
	}
	if !ok {
		return nil, false
	}
	if exp >= 0 {
		return pow(10, exp), true
	}
	return new(big.Rat).Inv(pow(10, -exp)), true
}

// parseSmallInt reads a signed integer of at most 3 digits (quantity
// exponents are small); failed reports anything else.
func parseSmallInt(s string) (v int64, failed bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" || len(s) > 3 {
		return 0, true
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, true
		}
		v = v*10 + int64(s[i]-'0')
	}
	if neg {
		v = -v
	}
	return v, false
}

// canonicalResources rewrites, in a decoded "resources" value, every
// quantity string under "limits" and "requests" into its canonical form.
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
				if c, ok := CanonicalQuantity(s); ok {
					q[name] = c
				}
			}
		}
	}
	return v
}
