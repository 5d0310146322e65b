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
