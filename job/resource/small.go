package resource

import "math"

// Arithmetic of the small form n * 10^scale, with upstream's overflow and
// rounding outcomes.

// pow10 holds 10^0 .. 10^18.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// mulInt64 returns a*b and whether it did not overflow; math.MinInt64
// times anything but 0 or 1 counts as overflow, as upstream.
func mulInt64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 || a == 1 || b == 1 {
		return a * b, true
	}
	if a == math.MinInt64 || b == math.MinInt64 {
		return 0, false
	}
	c := a * b
	return c, c/b == a
}

// scaleUp returns v * 10^k (k >= 0) and whether it fits in an int64.
func scaleUp(v int64, k int32) (int64, bool) {
	for ; k > 0 && v != 0; k-- {
		var ok bool
		if v, ok = mulInt64(v, 10); !ok {
			return 0, false
		}
	}
	return v, true
}

// scaleDown returns v / 10^k (k >= 0) rounded away from zero, and whether
// the division was exact.
func scaleDown(v int64, k int32) (int64, bool) {
	if k <= 0 {
		return v, true
	}
	base, frac := v, false
	for ; k > 0 && v != 0; k-- {
		if v%10 != 0 {
			frac = true
		}
		v /= 10
	}
	if !frac {
		return v, true
	}
	if base > 0 {
		return v + 1, false
	}
	return v - 1, false
}

// scaledInt64 is the value a*10^as counted in units of 10^to: rounded
// away from zero when finer, 0 when it overflows (upstream's
// AsScaledInt64 outcome).
func scaledInt64(a int64, as, to int32) int64 {
	if as < to {
		v, _ := scaleDown(a, to-as)
		return v
	}
	v, _ := scaleUp(a, as-to)
	return v
}

// cmpSmall compares a*10^as with b*10^bs exactly; ok is false when the
// scales are too far apart for int64 arithmetic.
func cmpSmall(a int64, as int32, b int64, bs int32) (c int, ok bool) {
	if as != bs {
		flip := 1
		if as < bs {
			a, as, b, bs, flip = b, bs, a, as, -1
		}
		d := int64(as) - int64(bs)
		if d >= 18 {
			return 0, false
		}
		// b = q*10^d + r with |r| < 10^d: a*10^d vs q*10^d + r.
		q, r := b/pow10[d], b%pow10[d]
		if q == a {
			switch {
			case r > 0:
				return -flip, true
			case r < 0:
				return flip, true
			}
			return 0, true
		}
		b = q
		if a < b {
			return -flip, true
		}
		return flip, true
	}
	switch {
	case a < b:
		return -1, true
	case a > b:
		return 1, true
	}
	return 0, true
}
