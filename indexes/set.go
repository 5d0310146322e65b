package indexes

import (
	"iter"
	"slices"
	"unsafe"
)

// Interval is the closed range of indexes First..Last (both included).
// Inside a [Set], 0 <= First <= Last.
type Interval struct{ First, Last int32 }

// len returns the number of indexes in iv (0 if Last < First).
func (iv Interval) len() int64 {
	if iv.Last < iv.First {
		return 0
	}
	return int64(iv.Last) - int64(iv.First) + 1
}

// Set is an immutable set of non-negative int32 indexes stored as sorted,
// disjoint, non-adjacent intervals. The zero value is the empty set.
//
// Set is a small value (one slice header); copying it shares the backing
// array, which is safe because no method ever writes to it.
type Set struct {
	iv []Interval // canonical; never mutated once the Set is built
}

// IsEmpty reports whether s has no index.
func (s Set) IsEmpty() bool { return len(s.iv) == 0 }

// Len returns the number of indexes in s. The largest possible answer,
// 2^31 (every non-negative int32), needs a 64-bit int.
func (s Set) Len() int {
	var n int64
	for _, v := range s.iv {
		n += v.len()
	}
	return int(n)
}

// NumIntervals returns the number of maximal intervals of s, which is what
// its memory use is proportional to.
func (s Set) NumIntervals() int { return len(s.iv) }

// Has reports whether index i is in s, in O(log intervals).
func (s Set) Has(i int32) bool {
	k := s.search(i)
	return k < len(s.iv) && s.iv[k].First <= i
}

// search returns the position of the first interval whose Last >= i, or
// len(s.iv) if there is none.
func (s Set) search(i int32) int {
	lo, hi := 0, len(s.iv)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if s.iv[mid].Last < i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Intervals returns the maximal intervals of s in ascending order. The slice
// is a fresh copy the caller may modify; it is nil for the empty set.
func (s Set) Intervals() []Interval { return slices.Clone(s.iv) }

// All yields the indexes of s in ascending order. Iterating visits Len()
// indexes, so beware of huge intervals.
func (s Set) All() iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for _, v := range s.iv {
			for i := v.First; ; i++ {
				if !yield(i) {
					return
				}
				if i == v.Last {
					break
				}
			}
		}
	}
}

// Equal reports whether s and o hold the same indexes.
func (s Set) Equal(o Set) bool { return slices.Equal(s.iv, o.iv) }

// String returns the canonical text form of s: ascending intervals joined by
// ",", a single index as "N", two consecutive indexes as "N,N+1" and three or
// more as "First-Last"; "" for the empty set. Example: "1,3-5,7,9,10".
// It computes the exact length, fills one buffer back to front and converts
// it: two allocations whatever the size.
func (s Set) String() string {
	if len(s.iv) == 0 {
		return ""
	}
	size := len(s.iv) - 1 // separators between intervals
	for _, v := range s.iv {
		size += decimalLen(v.First)
		if v.Last != v.First {
			size += 1 + decimalLen(v.Last)
		}
	}
	buf := make([]byte, size)
	end := size
	for k := len(s.iv) - 1; k >= 0; k-- {
		v := s.iv[k]
		if v.Last != v.First {
			end = putDecimal(buf, end, v.Last)
			end--
			if v.Last == v.First+1 {
				buf[end] = ','
			} else {
				buf[end] = '-'
			}
		}
		end = putDecimal(buf, end, v.First)
		if k > 0 {
			end--
			buf[end] = ','
		}
	}
	// buf is never written again: hand it to the string without a copy
	// (halves the memory a large list costs to format).
	return unsafe.String(&buf[0], len(buf))
}

// decimalLen returns the number of decimal digits of a non-negative v.
func decimalLen(v int32) int {
	switch {
	case v < 10:
		return 1
	case v < 100:
		return 2
	case v < 1000:
		return 3
	case v < 10000:
		return 4
	case v < 100000:
		return 5
	case v < 1000000:
		return 6
	case v < 10000000:
		return 7
	case v < 100000000:
		return 8
	case v < 1000000000:
		return 9
	}
	return 10
}

// digitPairs holds "00" to "99", for writing two digits at a time.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// putDecimal writes the non-negative v so that it ends just before buf[end]
// and returns the position of its first digit.
func putDecimal(buf []byte, end int, v int32) int {
	u := uint32(v)
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		end -= 2
		buf[end], buf[end+1] = digitPairs[r], digitPairs[r+1]
		u = q
	}
	if u >= 10 {
		end -= 2
		buf[end], buf[end+1] = digitPairs[u*2], digitPairs[u*2+1]
		return end
	}
	end--
	buf[end] = byte('0' + u)
	return end
}
