package indexes

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Parse is the API server's strict reading of an index list, as applied to
// status.completedIndexes, status.failedIndexes and
// spec.successPolicy.rules[].succeededIndexes (each bounded by
// spec.completions). The empty string is the empty set.
//
// s is split on ","; each piece is "N" or "N-M". Numbers are read like Go's
// strconv.Atoi in base 10: an optional "+", then decimal digits only (leading
// zeros allowed, no spaces, no "_"), at most math.MaxInt64. Parse stops at the
// first problem and returns an error whose message is exactly the detail the
// API server prints (the validation package wraps it as
// "error parsing completedIndexes: <message>"):
//
//   - a piece with more than one "-":
//     the fragment "<piece>" violates the requirement that an index interval can have at most two parts separated by '-'
//   - a number that does not parse (including the empty text before a
//     leading "-", so "-1" reports ""):
//     cannot convert string to integer for index: "<text>"
//   - a number >= completions: too large index: "<text>"
//   - "N-M" with N >= M (so "3-3" is rejected): non-increasing order, previous: <N>, current: <M>
//   - a piece that does not start after the previous one ends:
//     non-increasing order, previous: <previous last>, current: <first>
//
// <piece> and <text> are quoted with Go's %q. The checks run in that order
// within a piece (the first number fully before the second). Non-maximal
// forms ("1,2,3", "1-2") are accepted. The returned Set is canonical, so
// Parse(s).String() may differ from s; its Len is the count the API server
// computes. On error the Set is empty.
func Parse(s string, completions int32) (Set, error) {
	if s == "" {
		return Set{}, nil
	}
	iv := make([]Interval, 0, strings.Count(s, ",")+1)
	c := int64(completions)
	prevLast := int32(-1)
	for i := 0; ; i++ { // i: start of the piece; the loop's i++ skips a ","
		var first, last int32
		if x, y, dash, next, ok := scanPlainPiece(s, i); ok && x < c && (!dash || x < y && y < c) {
			// The common, valid case: digits only, in range, increasing.
			first, last, i = int32(x), int32(y), next
		} else {
			// Anything else goes through the exact per-piece rules.
			end := strings.IndexByte(s[i:], ',')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
			var perr pieceError
			if first, last, perr = parseStrictPiece(s[i:end], completions); perr.kind != pieceOK {
				return Set{}, perr.error()
			}
			i = end
		}
		if len(iv) > 0 && prevLast >= first {
			return Set{}, pieceError{kind: nonIncreasing, prev: int64(prevLast), cur: int64(first)}.error()
		}
		prevLast = last
		// first > previous Last here, so this only merges adjacent pieces.
		if n := len(iv); n > 0 && iv[n-1].Last+1 == first {
			iv[n-1].Last = last
		} else {
			iv = append(iv, Interval{first, last})
		}
		if i >= len(s) {
			return Set{iv: trimCap(iv)}, nil
		}
	}
}

// scanPlainPiece is the parsers' fast path. It reads the piece starting at
// s[i] when it is "N" or "N-M" with N and M plain decimal digits (1 to 18 of
// them, so no overflow), followed by "," or the end of s. It returns the
// numbers (y == x and dash false for "N"), the position of the "," or len(s),
// and ok; ok is false for every other piece, which the caller then reads with
// the general rules.
func scanPlainPiece(s string, i int) (x, y int64, dash bool, next int, ok bool) {
	j := i
	for j < len(s) && s[j]-'0' <= 9 {
		x = x*10 + int64(s[j]-'0')
		j++
	}
	if j == i || j-i > 18 {
		return 0, 0, false, 0, false
	}
	if j == len(s) || s[j] == ',' {
		return x, x, false, j, true
	}
	if s[j] != '-' {
		return 0, 0, false, 0, false
	}
	j++
	k := j
	for j < len(s) && s[j]-'0' <= 9 {
		y = y*10 + int64(s[j]-'0')
		j++
	}
	if j == k || j-k > 18 || (j < len(s) && s[j] != ',') {
		return 0, 0, false, 0, false
	}
	return x, y, true, j, true
}

// parseStrictPiece reads one "N" or "N-M" piece with the API server's checks
// (see Parse). On success (e.kind == pieceOK) 0 <= first <= last <
// completions. It does not allocate; e.error() builds the message.
func parseStrictPiece(piece string, completions int32) (first, last int32, e pieceError) {
	a, b, hasB := strings.Cut(piece, "-")
	if hasB && strings.IndexByte(b, '-') >= 0 {
		return 0, 0, pieceError{kind: tooManyParts, text: piece}
	}
	x, ok := atoi(a)
	if !ok {
		return 0, 0, pieceError{kind: notInteger, text: a}
	}
	if x >= int64(completions) {
		return 0, 0, pieceError{kind: tooLarge, text: a}
	}
	if !hasB {
		return int32(x), int32(x), pieceError{}
	}
	y, ok := atoi(b)
	if !ok {
		return 0, 0, pieceError{kind: notInteger, text: b}
	}
	if y >= int64(completions) {
		return 0, 0, pieceError{kind: tooLarge, text: b}
	}
	if x >= y {
		return 0, 0, pieceError{kind: nonIncreasing, prev: x, cur: y}
	}
	return int32(x), int32(y), pieceError{}
}

// pieceError describes why a strict parse failed, without allocating.
type pieceError struct {
	kind      pieceErrorKind
	text      string // the offending piece or number text
	prev, cur int64  // for nonIncreasing
}

type pieceErrorKind uint8

const (
	pieceOK pieceErrorKind = iota
	tooManyParts
	notInteger
	tooLarge
	nonIncreasing
)

// error returns the API server's message for e (nil for pieceOK).
func (e pieceError) error() error {
	switch e.kind {
	case tooManyParts:
		return fmt.Errorf("the fragment %q violates the requirement that an index interval can have at most two parts separated by '-'", e.text)
	case notInteger:
		return fmt.Errorf("cannot convert string to integer for index: %q", e.text)
	case tooLarge:
		return fmt.Errorf("too large index: %q", e.text)
	case nonIncreasing:
		return fmt.Errorf("non-increasing order, previous: %d, current: %d", e.prev, e.cur)
	}
	return nil
}

// ParseLenient is the Job controller's reading of an index list (it reads
// completedIndexes, failedIndexes and succeededIndexes this way every sync).
// It never fails. s is split on ","; each piece is handled in order:
//
//  1. The text before the first "-" is read as a number (as in [Parse]); if
//     that fails the piece is skipped ("-1", "", "x", " 1" are skipped).
//  2. If that first number is >= completions, parsing STOPS: this and every
//     later piece are dropped, even smaller ones (the input is assumed
//     ascending).
//  3. If the piece has a "-", the text between the first and the second "-"
//     is read as the last number; if that fails the piece is skipped; a last
//     number >= completions is clipped to completions-1. Any further "-"
//     parts are ignored ("1-2-3" is 1-2).
//
// Deviation from upstream, by design: upstream keeps the pieces as a raw
// interval list, merging a piece only into an immediately preceding interval
// that ends just before it, so non-canonical input ("5,3", "1,1", "0-4,2",
// "3-1") yields a list that is unsorted, overlapping or reversed and whose
// size Σ(Last-First+1) can be wrong (negative for "3-1"). ParseLenient instead
// returns the true set: the union of the intervals of the kept pieces, where a
// reversed piece "N-M" with M < N denotes no index. For "5,3" that is {3,5},
// for "1,1" {1}, for "3-1" {}. Input the API server accepts, and everything
// the controller writes, is canonical or ascending, so both agree there; in
// particular ParseLenient(s, c) equals Parse(s, c) whenever Parse succeeds.
func ParseLenient(s string, completions int32) Set {
	if s == "" {
		return Set{}
	}
	iv := make([]Interval, 0, strings.Count(s, ",")+1)
	c := int64(completions)
	sorted := true
	for i := 0; i <= len(s); i++ { // i: start of the piece; i++ skips a ","
		x, y, dash, next, ok := scanPlainPiece(s, i)
		if !ok {
			// The general rules for anything but plain digits.
			end := strings.IndexByte(s[i:], ',')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
			a, b, hasB := strings.Cut(s[i:end], "-")
			i = end
			if x, ok = atoi(a); !ok {
				continue
			}
			if dash = hasB; dash {
				b, _, _ = strings.Cut(b, "-")
				if y, ok = atoi(b); !ok {
					if x >= c {
						break
					}
					continue
				}
			}
		} else {
			i = next
		}
		if x >= c {
			break
		}
		if !dash {
			y = x
		}
		y = min(y, c-1)
		if y < x {
			continue // a reversed piece holds no index
		}
		v := Interval{int32(x), int32(y)}
		n := len(iv)
		switch {
		case n == 0 || int64(iv[n-1].Last)+1 < x:
			iv = append(iv, v)
		case x >= int64(iv[n-1].First): // overlaps or touches the last one
			iv[n-1].Last = max(iv[n-1].Last, v.Last)
		default: // starts before the last interval: sort at the end
			iv = append(iv, v)
			sorted = false
		}
	}
	if !sorted {
		iv = normalize(iv)
	}
	return Set{iv: trimCap(iv)}
}

// atoi reads s like strconv.Atoi(s) in base 10 on a 64-bit platform, except
// that it never sees a "-" (the separator): an optional "+", then one or more
// ASCII digits, value at most math.MaxInt64. It does not allocate.
func atoi(s string) (int64, bool) {
	if len(s) > 0 && s[0] == '+' {
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		if v > (math.MaxInt64-int64(d))/10 {
			return 0, false // out of range, like strconv.ErrRange
		}
		v = v*10 + int64(d)
	}
	return v, true
}

// normalize sorts iv (which it owns) by First and merges overlapping and
// adjacent intervals in place, dropping reversed ones. It returns the
// canonical prefix.
func normalize(iv []Interval) []Interval {
	iv = slices.DeleteFunc(iv, func(v Interval) bool { return v.First < 0 || v.Last < v.First })
	slices.SortFunc(iv, func(a, b Interval) int {
		switch {
		case a.First < b.First:
			return -1
		case a.First > b.First:
			return 1
		}
		return 0
	})
	out := iv[:0]
	for _, v := range iv {
		out = appendMerge(out, v)
	}
	return out
}

// appendMerge appends v to the canonical list out whose last interval starts
// at or before v.First, merging v into it when they overlap or touch.
func appendMerge(out []Interval, v Interval) []Interval {
	n := len(out)
	if n > 0 && int64(v.First) <= int64(out[n-1].Last)+1 {
		if v.Last > out[n-1].Last {
			out[n-1].Last = v.Last
		}
		return out
	}
	return append(out, v)
}

// trimCap returns iv with its capacity cut to its length, copying when more
// than half of the capacity would be wasted (e.g. a contiguous "0,1,2,..."
// preallocated one interval per piece), so that memory stays proportional to
// the number of intervals. The full slice expression also guarantees that no
// later append can write into the Set's array.
func trimCap(iv []Interval) []Interval {
	if len(iv) == 0 {
		return nil
	}
	if cap(iv)-len(iv) > len(iv)+8 {
		return slices.Clone(iv)
	}
	return iv[:len(iv):len(iv)]
}
