package resource

import (
	"errors"
	"fmt"
)

// Format is the notation a quantity was written in and is printed in.
type Format string

// The three notations.
const (
	DecimalExponent = Format("DecimalExponent") // 12e6
	BinarySI        = Format("BinarySI")        // 12Mi (12 * 2^20)
	DecimalSI       = Format("DecimalSI")       // 12M (12 * 10^6)
)

// Scale is a power of ten: a value of scale s counts units of 10^s.
type Scale int32

// The scales of the decimal SI suffixes.
const (
	Nano  Scale = -9
	Micro Scale = -6
	Milli Scale = -3
	Kilo  Scale = 3
	Mega  Scale = 6
	Giga  Scale = 9
	Tera  Scale = 12
	Peta  Scale = 15
	Exa   Scale = 18
)

// The pattern quantities must match, as apimachinery states it.
const quantityPattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"

// The parse errors, with apimachinery's texts.
var (
	ErrFormatWrong = errors.New("quantities must match the regular expression '" + quantityPattern + "'")
	ErrNumeric     = errors.New("unable to parse numeric part of quantity")
	ErrSuffix      = errors.New("unable to parse quantity's suffix")
)

// Quantity is a resource quantity. The zero value is 0. It is an immutable
// value: copies share nothing a method changes, and the only mutating
// method is UnmarshalJSON (on the receiver). Compare quantities with Cmp
// or Equal, not ==: "1" and "1000m" are equal quantities.
type Quantity struct {
	// small form (d == nil): n * 10^scale.
	n     int64
	scale int32
	// d is the long form, for values with more than 18 significant digits
	// or finer than nano before rounding; never modified once built.
	d *decimal
	// s is the parsed text when it is already the canonical text.
	s string
	// Format is the notation String prints in; any other value than the
	// three constants prints as DecimalExponent.
	Format
}

// MustParse is ParseQuantity for known-good constants; it panics on error.
func MustParse(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(fmt.Errorf("cannot parse '%v': %v", s, err))
	}
	return q
}

// NewQuantity returns value (a whole number) in format f.
func NewQuantity(value int64, f Format) Quantity {
	return Quantity{n: value, Format: f}
}

// NewMilliQuantity returns value/1000 in format f.
func NewMilliQuantity(value int64, f Format) Quantity {
	return Quantity{n: value, scale: int32(Milli), Format: f}
}

// NewScaledQuantity returns value * 10^scale in decimal SI.
func NewScaledQuantity(value int64, scale Scale) Quantity {
	return Quantity{n: value, scale: int32(scale), Format: DecimalSI}
}

// DeepCopy returns q (a Quantity shares nothing mutable).
func (q Quantity) DeepCopy() Quantity { return q }

// IsZero reports whether q is 0.
func (q Quantity) IsZero() bool { return q.Sign() == 0 }

// Sign returns -1, 0 or +1.
func (q Quantity) Sign() int {
	if q.d != nil {
		return q.d.sign()
	}
	switch {
	case q.n > 0:
		return 1
	case q.n < 0:
		return -1
	}
	return 0
}

// Equal reports whether q and v are the same number, whatever their texts
// and formats.
func (q Quantity) Equal(v Quantity) bool { return q.Cmp(v) == 0 }

// Cmp returns -1, 0 or +1 as q is less than, equal to or greater than y.
func (q Quantity) Cmp(y Quantity) int {
	if q.d == nil && y.d == nil {
		if c, ok := cmpSmall(q.n, q.scale, y.n, y.scale); ok {
			return c
		}
	}
	return q.long().cmp(y.long())
}

// CmpInt64 compares q with the whole number y.
func (q Quantity) CmpInt64(y int64) int { return q.Cmp(Quantity{n: y}) }

// AsInt64 returns q as an int64 when q is held in the small form and is a
// whole number that fits, as upstream's AsInt64 (values parsed from more
// than 18 significant digits report false).
func (q Quantity) AsInt64() (int64, bool) {
	if q.d != nil {
		return 0, false
	}
	switch {
	case q.scale == 0:
		return q.n, true
	case q.scale < 0:
		return 0, false
	}
	return scaleUp(q.n, q.scale)
}
