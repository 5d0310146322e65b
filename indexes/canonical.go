package indexes

import (
	"cmp"
	"slices"
)

// normalize sorts iv (which it owns) by First and merges overlapping and
// adjacent intervals in place, dropping reversed ones. It returns the
// canonical prefix.
func normalize(iv []Interval) []Interval {
	iv = slices.DeleteFunc(iv, func(v Interval) bool { return v.First < 0 || v.Last < v.First })
	slices.SortFunc(iv, func(a, b Interval) int { return cmp.Compare(a.First, b.First) })
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
