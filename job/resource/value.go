package resource

import "math"

// Value returns q rounded up (away from zero) to a whole number, as
// upstream: 0 when it overflows an int64 in the small form; the long form
// keeps upstream's 64-bit wrap-around (see ScaledValue).
func (q Quantity) Value() int64 { return q.ScaledValue(0) }

// MilliValue returns q in thousandths, rounded as Value is.
func (q Quantity) MilliValue() int64 { return q.ScaledValue(Milli) }

// ScaledValue returns q in units of 10^scale. It reproduces upstream's
// outcomes exactly: the small form rounds away from zero and gives 0 on
// overflow; the long form (values parsed from more than 18 significant
// digits or finer than nano) rounds up, truncates a negative value
// toward zero past int64 division, and keeps the low 64 bits of a result
// that does not fit (math/big's Int64).
func (q Quantity) ScaledValue(scale Scale) int64 {
	if q.d == nil {
		return scaledInt64(q.n, q.scale, int32(scale))
	}
	d := q.d
	if d.digits == "" {
		return 0
	}
	// upstream holds the value as unscaled * 10^-d.scale and divides the
	// unscaled integer by 10^dif.
	unscaledExp := d.exp + int64(d.scale) // >= 0
	dif := int64(d.scale) + int64(scale)
	low := func(digits string, k int64) int64 {
		v := int64(lowBits(digits, k))
		if d.neg {
			v = -v
		}
		return v
	}
	switch {
	case dif == 0:
		return low(d.digits, unscaledExp)
	case dif < 0:
		return low(d.digits, unscaledExp) * int64(math.Pow10(int(-dif)))
	}
	if dif < 19 && fitsBelowMaxInt64(d) {
		// upstream's int64 path: truncating division of the (possibly
		// wrapped) low 64 bits, plus one for a remainder.
		u, p := low(d.digits, unscaledExp), pow10[dif]
		if u%p != 0 {
			return u/p + 1
		}
		return u / p
	}
	// upstream's math/big path: Euclidean division, plus one for a
	// remainder, low 64 bits. For a negative value that is the truncated
	// quotient; for a positive one the rounded-up quotient.
	keep := unscaledExp - dif
	var t int64
	rem := false
	switch {
	case keep >= 0:
		t = low(d.digits, keep)
	case -keep < int64(len(d.digits)):
		t = low(d.digits[:int64(len(d.digits))+keep], 0)
		rem = true
	default:
		rem = true
	}
	if rem && !d.neg {
		return t + 1
	}
	return t
}

// fitsBelowMaxInt64 reports whether upstream's unscaled integer of d is
// below math.MaxInt64 (every negative one is).
func fitsBelowMaxInt64(d *decimal) bool {
	return d.neg || (&decimal{digits: d.digits, exp: d.exp + int64(d.scale)}).cmpAbs(&decimal{digits: maxInt64Digits}) < 0
}

// AsApproximateFloat64 returns q as a float64, ±Inf beyond its range.
func (q Quantity) AsApproximateFloat64() float64 {
	if q.d != nil {
		return q.d.float()
	}
	f := float64(q.n)
	if q.scale == 0 {
		return f
	}
	return f * math.Pow10(int(q.scale))
}

// RoundUp returns q rounded away from zero to a multiple of 10^scale
// (unchanged when already one), and whether no rounding was needed.
func (q Quantity) RoundUp(scale Scale) (Quantity, bool) {
	if q.d == nil {
		if q.scale >= int32(scale) {
			return q, true
		}
		v, exact := scaleDown(q.n, int32(scale)-q.scale)
		return Quantity{n: v, scale: int32(scale), Format: q.Format}, exact
	}
	d := *q.d
	if d.digits == "" {
		return q, true
	}
	exact := d.exp >= int64(scale)
	d.digits, d.exp = roundUp(d.neg, d.digits, d.exp, int64(scale))
	d.scale = -int32(scale) // upstream's inf.Dec now holds this scale
	return Quantity{d: &d, Format: q.Format}, exact
}
