package resource

import (
	"strconv"
	"strings"
)

// decimal is the long form of a quantity: sign, significant digits and a
// power of ten. Every operation on it is linear in len(digits).
type decimal struct {
	neg bool
	// digits has no leading and no trailing '0'; "" is zero.
	digits string
	// exp: the value is digits * 10^exp.
	exp int64
	// scale is the number of fraction digits upstream's inf.Dec holds
	// for this value (9 after rounding to nano, 0 when saturated); only
	// ScaledValue's overflow outcomes depend on it.
	scale int32
}

// maxInt64Digits is math.MaxInt64 in decimal.
const maxInt64Digits = "9223372036854775807"

// newDecimal builds a decimal from raw digits (leading and trailing zeros
// allowed) times 10^exp.
func newDecimal(neg bool, raw string, exp int64) *decimal {
	raw = strings.TrimLeft(raw, "0")
	t := strings.TrimRight(raw, "0")
	exp += int64(len(raw) - len(t))
	if t == "" {
		return &decimal{}
	}
	return &decimal{neg: neg, digits: t, exp: exp}
}

// long returns q in the long form.
func (q Quantity) long() *decimal {
	if q.d != nil {
		return q.d
	}
	u := uint64(q.n)
	if q.n < 0 {
		u = -u
	}
	return newDecimal(q.n < 0, strconv.FormatUint(u, 10), int64(q.scale))
}

func (d *decimal) sign() int {
	switch {
	case d.digits == "":
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// top is the position of the leading digit: |d| is in [10^(top-1), 10^top).
func (d *decimal) top() int64 { return int64(len(d.digits)) + d.exp }

// cmpAbs compares |d| with |e|.
func (d *decimal) cmpAbs(e *decimal) int {
	switch {
	case d.digits == "" || e.digits == "":
		return strings.Compare(d.digits[:min(len(d.digits), 1)], e.digits[:min(len(e.digits), 1)])
	}
	if a, b := d.top(), e.top(); a != b {
		if a < b {
			return -1
		}
		return 1
	}
	return strings.Compare(d.digits, e.digits)
}

// cmp compares d with e.
func (d *decimal) cmp(e *decimal) int {
	ds, es := d.sign(), e.sign()
	if ds != es || ds == 0 {
		switch {
		case ds < es:
			return -1
		case ds > es:
			return 1
		}
		return 0
	}
	return ds * d.cmpAbs(e)
}

// roundUpNano rounds d away from zero to a multiple of 10^-9 and records
// upstream's scale (9) for a nonzero value.
func (d *decimal) roundUpNano() {
	if d.digits == "" {
		return
	}
	d.digits, d.exp = roundUp(d.neg, d.digits, d.exp, int64(Nano))
	d.scale = -int32(Nano)
}

// roundUp rounds digits*10^exp away from zero to a multiple of 10^to.
func roundUp(neg bool, digits string, exp, to int64) (string, int64) {
	if exp >= to {
		return digits, exp
	}
	drop := to - exp // > 0; the dropped digits are not all zero
	if drop >= int64(len(digits)) {
		return "1", to
	}
	r := newDecimal(neg, increment(digits[:int64(len(digits))-drop]), to)
	return r.digits, r.exp
}

// increment returns the decimal digit string s plus one.
func increment(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] != '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// mulDigits returns the decimal digit string s times m (m < 2^60 * 10 fits
// the carry arithmetic: digit*m + carry < 2^64).
func mulDigits(s string, m uint64) string {
	out := make([]byte, len(s)+20)
	carry := uint64(0)
	j := len(out)
	for i := len(s) - 1; i >= 0; i-- {
		v := uint64(s[i]-'0')*m + carry
		j--
		out[j] = byte('0' + v%10)
		carry = v / 10
	}
	for carry > 0 {
		j--
		out[j] = byte('0' + carry%10)
		carry /= 10
	}
	return string(out[j:])
}

// lowBits returns the low 64 bits of digits * 10^k (k >= 0) as math/big's
// Int64 would: the value modulo 2^64.
func lowBits(digits string, k int64) uint64 {
	var v uint64
	for i := 0; i < len(digits); i++ {
		v = v*10 + uint64(digits[i]-'0')
	}
	p, base := uint64(1), uint64(10)
	for ; k > 0; k >>= 1 {
		if k&1 == 1 {
			p *= base
		}
		base *= base
	}
	return v * p
}

// int64Value returns d when it is a whole number that fits in an int64.
func (d *decimal) int64Value() (int64, bool) {
	if d.digits == "" {
		return 0, true
	}
	if d.exp < 0 || d.top() > 19 || d.top() == 19 && strings.Compare(d.digits+strings.Repeat("0", int(d.exp)), maxInt64Digits) > 0 {
		return 0, false
	}
	v := int64(lowBits(d.digits, d.exp))
	if d.neg {
		v = -v
	}
	return v, true
}

// canonical returns d's digits padded with zeros so that the exponent is
// a multiple of 3, and that exponent.
func (d *decimal) canonical() (digits string, zeros int, exp int64) {
	exp = d.exp
	for exp%3 != 0 {
		zeros++
		exp--
	}
	return d.digits, zeros, exp
}

// float returns d as the nearest float64 (±Inf beyond the range).
func (d *decimal) float() float64 {
	if d.digits == "" {
		return 0
	}
	s := d.digits + "e" + strconv.FormatInt(d.exp, 10)
	if d.neg {
		s = "-" + s
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
