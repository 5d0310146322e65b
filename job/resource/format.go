package resource

import (
	"math/big"
	"strconv"
	"strings"
)

// decimalSuffixes maps a power of ten to its decimal SI suffix.
var decimalSuffixes = map[int64]string{-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"}

// binarySuffixes are the binary SI suffixes by power of 1024.
var binarySuffixes = [...]string{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"}

// String returns the canonical text of q (see the package comment).
func (q Quantity) String() string {
	if q.s != "" {
		return q.s
	}
	return string(q.appendCanonical(make([]byte, 0, 18)))
}

// MarshalJSON encodes q as a JSON string of its canonical text.
func (q Quantity) MarshalJSON() ([]byte, error) {
	out := make([]byte, 0, len(q.s)+20)
	out = append(out, '"')
	if q.s != "" {
		out = append(out, q.s...)
	} else {
		out = q.appendCanonical(out)
	}
	return append(out, '"'), nil
}

// UnmarshalJSON decodes a JSON string or number (surrounding spaces
// inside the string allowed) as ParseQuantity does; null is zero. The
// string is not unescaped ("\u0031" is an error), as upstream. On error q
// is unchanged and the error is ParseQuantity's.
func (q *Quantity) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*q = Quantity{}
		return nil
	}
	if l := len(b); l >= 2 && b[0] == '"' && b[l-1] == '"' {
		b = b[1 : l-1]
	}
	p, err := ParseQuantity(strings.TrimSpace(string(b)))
	if err != nil {
		return err
	}
	*q = p
	return nil
}

// AsCanonicalBytes appends to out the canonical decimal mantissa of q
// (with its sign) and returns it with the exponent, a multiple of 3: the
// value is mantissa * 10^exponent. Equal quantities give equal results
// whatever their formats.
func (q Quantity) AsCanonicalBytes(out []byte) ([]byte, int32) {
	if q.IsZero() {
		return append(out, '0'), 0
	}
	out, e := q.appendMantissa(out)
	return out, int32(e)
}

// appendMantissa appends the canonical decimal mantissa of a nonzero q
// and returns the exponent.
func (q Quantity) appendMantissa(out []byte) ([]byte, int64) {
	if q.d == nil {
		u := uint64(q.n)
		if q.n < 0 {
			out, u = append(out, '-'), -u
		}
		// The exponent is 32-bit, as upstream's.
		e := q.scale
		for u >= 10 && u%10 == 0 {
			u /= 10
			e++
		}
		out = strconv.AppendUint(out, u, 10)
		switch e % 3 {
		case 1, -2:
			return append(out, '0'), int64(e - 1)
		case 2, -1:
			return append(out, "00"...), int64(e - 2)
		}
		return out, int64(e)
	}
	if q.d.neg {
		out = append(out, '-')
	}
	digits, zeros, e := q.d.canonical()
	out = append(out, digits...)
	return append(out, "000"[:zeros]...), e
}

// appendCanonical appends the canonical text of q.
func (q Quantity) appendCanonical(out []byte) []byte {
	if q.IsZero() {
		return append(out, '0')
	}
	format := q.Format
	switch format {
	case DecimalSI, DecimalExponent:
	case BinarySI:
		if q.CmpInt64(-1024) > 0 && q.CmpInt64(1024) < 0 {
			format = DecimalSI
		} else if o, ok := q.appendBinary(out); ok {
			return o
		} else {
			format = DecimalSI
		}
	default:
		format = DecimalExponent
	}
	out, e := q.appendMantissa(out)
	if format == DecimalSI {
		return append(out, decimalSuffixes[e]...)
	}
	if e == 0 {
		return out
	}
	return strconv.AppendInt(append(out, 'e'), e, 10)
}

// appendBinary appends q as a whole number of the largest power of 1024
// that divides it, with that suffix; false when q is not whole.
func (q Quantity) appendBinary(out []byte) ([]byte, bool) {
	var v int64
	if q.d == nil {
		if q.scale < 0 {
			w, exact := scaleDown(q.n, -q.scale)
			if !exact {
				return out, false
			}
			v = w
		} else if w, ok := scaleUp(q.n, q.scale); ok {
			v = w
		} else {
			return q.appendBigBinary(out, q.long())
		}
	} else {
		if q.d.exp < 0 {
			return out, false
		}
		w, ok := q.d.int64Value()
		if !ok {
			return q.appendBigBinary(out, q.d)
		}
		v = w
	}
	// upstream strips powers of 1024 from the magnitude; MinInt64 stays.
	m, times := v, 0
	if m < 0 {
		m = -m
	}
	for m >= 1024 && m%1024 == 0 {
		m /= 1024
		times++
	}
	if v < 0 {
		m = -m
	}
	out = strconv.AppendInt(out, m, 10)
	if times < len(binarySuffixes) {
		out = append(out, binarySuffixes[times]...)
	}
	return out, true
}

// maxBigBinaryDigits bounds the whole numbers appendBigBinary expands.
const maxBigBinaryDigits = 1 << 12

// appendBigBinary formats a whole number beyond int64 in binary SI, which
// only a Format set by hand on a large decimal value reaches. Beyond
// maxBigBinaryDigits digits it reports false (decimal SI is printed).
func (q Quantity) appendBigBinary(out []byte, d *decimal) ([]byte, bool) {
	if d.top() > maxBigBinaryDigits {
		return out, false
	}
	v, _ := new(big.Int).SetString(d.digits+strings.Repeat("0", int(d.exp)), 10)
	k, r := new(big.Int), new(big.Int)
	d1024 := big.NewInt(1024)
	times := 0
	for {
		k.QuoRem(v, d1024, r)
		if r.Sign() != 0 {
			break
		}
		v, k = k, v
		times++
	}
	if d.neg {
		out = append(out, '-')
	}
	out = v.Append(out, 10)
	if times < len(binarySuffixes) {
		out = append(out, binarySuffixes[times]...)
	}
	return out, true
}
