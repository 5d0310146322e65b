package indexes

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file holds straight-line reference models written from the spec
// (controller.md §11, validation.md §5.5) with strings.Split and
// strconv.Atoi, to check the allocation-free parsers against.

// refParse is the API server's check, literally: it returns the raw
// intervals and the error message ("" when valid).
func refParse(s string, completions int32) ([]Interval, string) {
	if s == "" {
		return nil, ""
	}
	var out []Interval
	var prev *int
	for _, piece := range strings.Split(s, ",") {
		parts := strings.Split(piece, "-")
		if len(parts) > 2 {
			return nil, fmt.Sprintf("the fragment %q violates the requirement that an index interval can have at most two parts separated by '-'", piece)
		}
		x, err := strconv.Atoi(parts[0])
		if err != nil {
			return nil, fmt.Sprintf("cannot convert string to integer for index: %q", parts[0])
		}
		if x >= int(completions) {
			return nil, fmt.Sprintf("too large index: %q", parts[0])
		}
		y := x
		if len(parts) == 2 {
			if y, err = strconv.Atoi(parts[1]); err != nil {
				return nil, fmt.Sprintf("cannot convert string to integer for index: %q", parts[1])
			}
			if y >= int(completions) {
				return nil, fmt.Sprintf("too large index: %q", parts[1])
			}
			if x >= y {
				return nil, fmt.Sprintf("non-increasing order, previous: %d, current: %d", x, y)
			}
		}
		if prev != nil && *prev >= x {
			return nil, fmt.Sprintf("non-increasing order, previous: %d, current: %d", *prev, x)
		}
		out = append(out, Interval{int32(x), int32(y)})
		prev = &y
	}
	return out, ""
}

// refLenient is the controller's parser, literally, including its raw
// (possibly non-canonical) interval list. reversed reports whether a kept
// piece had Last < First, after which upstream's list no longer denotes the
// union of the pieces even when it looks canonical ("3-1,2-3" gives [3-3]).
func refLenient(s string, completions int32) (out []Interval, reversed bool) {
	if s == "" {
		return nil, false
	}
	for _, piece := range strings.Split(s, ",") {
		parts := strings.Split(piece, "-")
		x, err := strconv.Atoi(parts[0])
		if err != nil {
			continue
		}
		if x >= int(completions) {
			break
		}
		y := x
		if len(parts) > 1 {
			if y, err = strconv.Atoi(parts[1]); err != nil {
				continue
			}
			if y >= int(completions) {
				y = int(completions) - 1
			}
		}
		reversed = reversed || y < x
		if n := len(out); n > 0 && int(out[n-1].Last) == x-1 {
			out[n-1].Last = int32(y)
		} else {
			out = append(out, Interval{int32(x), int32(y)})
		}
	}
	return out, reversed
}

// refUnion returns the canonical union of raw intervals (reversed ones are
// empty), by sorting on First and sweeping; it never expands intervals.
func refUnion(raw []Interval) []Interval {
	var iv []Interval
	for _, v := range raw {
		if v.Last >= v.First {
			iv = append(iv, v)
		}
	}
	slices.SortFunc(iv, func(a, b Interval) int { return int(a.First) - int(b.First) })
	var out []Interval
	for _, v := range iv {
		if n := len(out); n > 0 && int64(v.First) <= int64(out[n-1].Last)+1 {
			out[n-1].Last = max(out[n-1].Last, v.Last)
			continue
		}
		out = append(out, v)
	}
	return out
}

// refFold is upstream's left-to-right merge of an interval list
// (orderedIntervals.merge with nothing to interleave): an interval starting
// after the last one's end plus one is appended; any other only extends the
// last one's end. Reversed intervals are skipped.
func refFold(raw []Interval) []Interval {
	var out []Interval
	for _, v := range raw {
		if v.Last < v.First {
			continue
		}
		if n := len(out); n > 0 && int64(v.First) <= int64(out[n-1].Last)+1 {
			out[n-1].Last = max(out[n-1].Last, v.Last)
			continue
		}
		out = append(out, v)
	}
	return out
}

// refLenientSet is the fold of the pieces refLenient keeps. It differs from
// refFold(refLenient(...)) only where upstream's merge of a reversed piece
// shortens the previous interval (e.g. "0-4,5-1"): there jobkit skips the
// reversed piece, so the model is rebuilt piece by piece.
func refLenientSet(s string, completions int32) []Interval {
	var pieces []Interval
	if s == "" {
		return nil
	}
	for _, piece := range strings.Split(s, ",") {
		if one, _ := refLenient(piece, completions); len(one) == 1 {
			pieces = append(pieces, one[0])
		} else if x, err := strconv.Atoi(strings.Split(piece, "-")[0]); err == nil && x >= int(completions) {
			break
		}
	}
	return refFold(pieces)
}

// bitmap is the naive model of a set of small indexes.
type bitmap []bool

func (b bitmap) set() Set {
	var idx []int32
	for i, in := range b {
		if in {
			idx = append(idx, int32(i))
		}
	}
	return FromIndexes(idx...)
}

func (b bitmap) count() int {
	n := 0
	for _, in := range b {
		if in {
			n++
		}
	}
	return n
}

// String writes b in the canonical format the slow way.
func (b bitmap) String() string {
	var parts []string
	for i := 0; i < len(b); {
		if !b[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(b) && b[j+1] {
			j++
		}
		switch j - i {
		case 0:
			parts = append(parts, strconv.Itoa(i))
		case 1:
			parts = append(parts, strconv.Itoa(i), strconv.Itoa(j))
		default:
			parts = append(parts, strconv.Itoa(i)+"-"+strconv.Itoa(j))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
