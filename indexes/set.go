package indexes

import (
	"iter"
	"slices"
	"strconv"
	"strings"
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
// It makes a single allocation of the exact result size.
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
	var b strings.Builder
	b.Grow(size)
	var scratch [10]byte
	for k, v := range s.iv {
		if k > 0 {
			b.WriteByte(',')
		}
		b.Write(strconv.AppendInt(scratch[:0], int64(v.First), 10))
		if v.Last == v.First {
			continue
		}
		if v.Last == v.First+1 {
			b.WriteByte(',')
		} else {
			b.WriteByte('-')
		}
		b.Write(strconv.AppendInt(scratch[:0], int64(v.Last), 10))
	}
	return b.String()
}

// decimalLen returns the number of decimal digits of a non-negative v.
func decimalLen(v int32) int {
	n := 1
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}
