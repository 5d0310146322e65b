package indexes

import "strings"

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
// Out-of-order input is read as upstream's controller reads it once it has
// merged the list with the indexes of new successes (orderedIntervals.merge,
// which folds the list left to right): a piece that starts after the end of
// the interval before it (plus one) opens a new interval; any other piece
// only extends that interval's end when it reaches further, and is otherwise
// dropped. So "4,1" reads as {4}, "4,1-6" as 4-6, "1,1" as {1}, "0-4,2" as
// 0-4. A reversed piece "N-M" with M < N holds no index and is skipped
// (upstream keeps it as an interval of negative size). Input the API server
// accepts, and everything the controller writes, is ascending, and there
// ParseLenient(s, c) equals Parse(s, c) whenever Parse succeeds.
func ParseLenient(s string, completions int32) Set {
	if s == "" {
		return Set{}
	}
	iv := make([]Interval, 0, strings.Count(s, ",")+1)
	c := int64(completions)
	for i := 0; i <= len(s); i++ { // i: start of the piece; i++ skips a ","
		x, y, dash, next, ok := scanPlainPiece(s, i)
		if ok {
			i = next
		} else {
			// The general rules for anything but plain digits.
			end := pieceEnd(s, i)
			var xok, yok bool
			x, y, dash, xok, yok = readLenientPiece(s[i:end])
			i = end
			if !xok {
				continue
			}
			if !yok && x < c {
				continue
			}
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
		if n == 0 || int64(iv[n-1].Last)+1 < x {
			iv = append(iv, v)
		} else {
			// Touches, overlaps or starts before the last interval: it
			// can only extend that interval's end (upstream's fold).
			iv[n-1].Last = max(iv[n-1].Last, v.Last)
		}
	}
	return Set{iv: trimCap(iv)}
}

// readLenientPiece reads a piece by rules 1 and 3 of ParseLenient: the
// number before the first "-" (xok), and with dash the number between the
// first and the second "-" (yok; true when there is no dash).
func readLenientPiece(piece string) (x, y int64, dash, xok, yok bool) {
	a, b, dash := strings.Cut(piece, "-")
	if x, xok = atoi(a); !xok || !dash {
		return x, x, dash, xok, xok
	}
	b, _, _ = strings.Cut(b, "-")
	y, yok = atoi(b)
	return x, y, true, true, yok
}
