package resource

import (
	"strconv"
	"strings"
)

// parts are the pieces of a quantity text.
type parts struct {
	positive bool
	// value is the signed number as written ("-1.5", "+.5", "0").
	value string
	// whole and frac are the digits before (leading zeros removed; "0"
	// when none) and after the '.'.
	whole, frac string
	suffix      string
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSuffixByte reports the letters a suffix may begin with.
func isSuffixByte(c byte) bool { return strings.IndexByte("eEinumkKMGTP", c) >= 0 }

// split cuts s into its parts, or fails with ErrFormatWrong. It follows
// upstream's scanner: zeros leading the whole part are dropped, and a text
// of only zeros is "0" whatever its sign.
func split(s string) (p parts, err error) {
	p.positive = true
	i := 0
	if s != "" && (s[0] == '-' || s[0] == '+') {
		p.positive = s[0] == '+'
		i++
	}
	for i < len(s) && s[i] == '0' {
		i++
	}
	if i == len(s) {
		p.whole, p.value = "0", "0"
		return p, nil
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	p.whole = s[start:i]
	if i == len(s) {
		p.value = s
		return p, nil
	}
	if p.whole == "" {
		p.whole = "0"
	}
	if s[i] == '.' {
		i++
		start = i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		p.frac = s[start:i]
		if i == len(s) {
			p.value = s
			return p, nil
		}
	}
	p.value = s[:i]
	suffixStart := i
	for i < len(s) && isSuffixByte(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < len(s) {
		return parts{}, ErrFormatWrong
	}
	p.suffix = s[suffixStart:]
	return p, nil
}

// binaryExponents are the binary SI suffixes as powers of two.
var binaryExponents = map[string]int32{"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}

// decimalExponents are the decimal SI suffixes as powers of ten.
var decimalExponents = map[string]int32{"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}

// interpret returns the base (2 or 10), the exponent and the format a
// suffix stands for. An exponent suffix is read as an int64 and truncated
// to 32 bits, as upstream does.
func interpret(suffix string) (base, exp int32, f Format, ok bool) {
	if e, ok := decimalExponents[suffix]; ok {
		return 10, e, DecimalSI, true
	}
	if e, ok := binaryExponents[suffix]; ok {
		return 2, e, BinarySI, true
	}
	if len(suffix) > 1 && (suffix[0] == 'e' || suffix[0] == 'E') {
		v, err := strconv.ParseInt(suffix[1:], 10, 64)
		if err != nil {
			return 0, 0, "", false
		}
		return 10, int32(v), DecimalExponent, true
	}
	return 0, 0, "", false
}

// ParseQuantity parses s ("1", "500m", "1.5Gi", "2e3"), or returns one of
// ErrFormatWrong, ErrSuffix and ErrNumeric (see the package comment). The
// result keeps s as its String when s is already canonical, as upstream.
func ParseQuantity(s string) (Quantity, error) {
	if s == "" {
		return Quantity{}, ErrFormatWrong
	}
	if s == "0" {
		return Quantity{Format: DecimalSI, s: s}, nil
	}
	p, err := split(s)
	if err != nil {
		return Quantity{}, err
	}
	base, exp, format, ok := interpret(p.suffix)
	if !ok {
		return Quantity{}, ErrSuffix
	}
	if q, ok := parseSmall(s, p, exp, format); ok {
		return q, nil
	}
	return parseLong(p, base, exp, format)
}

// parseSmall is upstream's fast path: at most 18 digits, no finer than
// nano, the result fits in an int64.
func parseSmall(s string, p parts, exp int32, format Format) (Quantity, bool) {
	digits := int32(len(p.whole) + len(p.frac))
	var precision, scale int32
	mantissa := int64(1)
	if format == BinarySI {
		if p.frac != "" {
			return Quantity{}, false
		}
		mantissa = 1 << exp
		precision = 15 - int32(len(p.whole)) - exp*3/10 - 1
	} else {
		scale = exp
		precision = 18 - digits
	}
	if precision < 0 {
		return Quantity{}, false
	}
	scale -= int32(len(p.frac))
	if scale < int32(Nano) {
		return Quantity{}, false
	}
	shifted := p.whole + p.frac
	v, err := strconv.ParseInt(shifted, 10, 64)
	if err != nil {
		return Quantity{}, false
	}
	n, ok := mulInt64(v, mantissa)
	if !ok {
		return Quantity{}, false
	}
	if !p.positive {
		n = -n
	}
	q := Quantity{n: n, scale: scale, Format: format}
	// The text is kept when it is already canonical.
	if format == BinarySI {
		if v&7 != 0 {
			q.s = s
		}
	} else if scale%3 == 0 && !strings.HasSuffix(shifted, "000") && shifted[0] != '0' {
		q.s = s
	}
	return q, true
}

// parseLong is the exact path for every other number.
func parseLong(p parts, base, exp int32, format Format) (Quantity, error) {
	v := p.value
	neg := false
	if v != "" && (v[0] == '-' || v[0] == '+') {
		neg, v = v[0] == '-', v[1:]
	}
	whole, frac, _ := strings.Cut(v, ".")
	if whole == "" && frac == "" {
		return Quantity{}, ErrNumeric
	}
	// upstream: the number has len(frac) fraction digits, then the
	// decimal exponent moves the point (32-bit arithmetic).
	scale := int32(len(frac))
	if base == 10 {
		scale -= exp
	}
	raw := whole + frac
	if base == 2 {
		raw = mulDigits(raw, 1<<exp)
	}
	d := newDecimal(neg, raw, -int64(scale))
	d.roundUpNano()
	if format == BinarySI {
		if d.cmpAbs(&decimal{digits: maxInt64Digits}) > 0 {
			d.digits, d.exp, d.scale = maxInt64Digits, 0, 0
		}
		if d.digits != "" && d.top() <= 0 {
			format = DecimalSI
		}
	}
	return Quantity{d: d, Format: format}, nil
}
