package indexes

import (
	"fmt"
	"math"
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
		// The common, valid case, read inline (scanPlainPiece's rules):
		// digits only, 1 to 18 of them, in range, increasing.
		j, x := i, int64(0)
		for j < len(s) && s[j]-'0' <= 9 {
			x = x*10 + int64(s[j]-'0')
			j++
		}
		fast := false
		if n := j - i; n > 0 && n <= 18 && x < c {
			if j == len(s) || s[j] == ',' {
				first, last, i, fast = int32(x), int32(x), j, true
			} else if s[j] == '-' {
				k, y := j+1, int64(0)
				for j = k; j < len(s) && s[j]-'0' <= 9; j++ {
					y = y*10 + int64(s[j]-'0')
				}
				if n := j - k; n > 0 && n <= 18 && (j == len(s) || s[j] == ',') && x < y && y < c {
					first, last, i, fast = int32(x), int32(y), j, true
				}
			}
		}
		if !fast {
			// Anything else goes through the exact per-piece rules.
			end := pieceEnd(s, i)
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

// pieceEnd returns the position of the "," that ends the piece starting at
// s[i], or len(s) for the last piece.
func pieceEnd(s string, i int) int {
	if end := strings.IndexByte(s[i:], ','); end >= 0 {
		return i + end
	}
	return len(s)
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
