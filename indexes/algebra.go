package indexes

import "slices"

// FromIndexes returns the set of the given indexes, in any order, with
// duplicates allowed. Negative values are ignored. idx is not modified.
func FromIndexes(idx ...int32) Set {
	var b Builder
	b.Grow(len(idx))
	b.Add(idx...)
	return b.Set()
}

// FromIntervals returns the union of the given intervals, in any order,
// overlapping or adjacent. An interval with Last < First is empty; negative
// parts are cut off (Interval{-5, 2} contributes 0..2). iv is not modified.
func FromIntervals(iv ...Interval) Set {
	own := make([]Interval, 0, len(iv))
	for _, v := range iv {
		v.First = max(v.First, 0)
		if v.Last >= v.First {
			own = append(own, v)
		}
	}
	return Set{iv: trimCap(normalize(own))}
}

// Add returns s with the given indexes added (negative values ignored).
// s is not modified.
func (s Set) Add(idx ...int32) Set {
	if len(idx) == 1 && (idx[0] < 0 || s.Has(idx[0])) {
		return s
	}
	return s.Union(FromIndexes(idx...))
}

// Union returns the indexes in s or in o, in O(intervals of s + o). The
// result is merged into a scratch buffer and copied to an exactly sized one
// when shorter (one pass beats counting first).
func (s Set) Union(o Set) Set {
	switch {
	case len(o.iv) == 0:
		return s
	case len(s.iv) == 0:
		return o
	}
	out := make([]Interval, 0, len(s.iv)+len(o.iv))
	i, j := 0, 0
	for i < len(s.iv) || j < len(o.iv) {
		if j == len(o.iv) || (i < len(s.iv) && s.iv[i].First <= o.iv[j].First) {
			out = appendMerge(out, s.iv[i])
			i++
		} else {
			out = appendMerge(out, o.iv[j])
			j++
		}
	}
	if len(out) < cap(out) {
		out = slices.Clip(slices.Clone(out))
	}
	return Set{iv: out}
}

// Difference returns the indexes in s but not in o, in O(intervals of s + o).
func (s Set) Difference(o Set) Set {
	if len(s.iv) == 0 || len(o.iv) == 0 {
		return s
	}
	var out []Interval
	j := 0
	for _, v := range s.iv {
		// Skip the intervals of o that end before v; they cannot touch a
		// later interval of s either.
		for j < len(o.iv) && o.iv[j].Last < v.First {
			j++
		}
		cur := int64(v.First) // first index of v not yet removed or emitted
		for k := j; k < len(o.iv) && o.iv[k].First <= v.Last; k++ {
			if int64(o.iv[k].First) > cur {
				out = append(out, Interval{int32(cur), o.iv[k].First - 1})
			}
			cur = max(cur, int64(o.iv[k].Last)+1)
		}
		if cur <= int64(v.Last) {
			out = append(out, Interval{int32(cur), v.Last})
		}
	}
	return Set{iv: trimCap(out)}
}

// Intersect returns the indexes in both s and o, in O(intervals of s + o).
func (s Set) Intersect(o Set) Set {
	var out []Interval
	forEachOverlap(s, o, func(v Interval) { out = append(out, v) })
	return Set{iv: trimCap(out)}
}

// CountIn returns |s ∩ o|, the number of indexes in both s and o, without
// allocating.
func (s Set) CountIn(o Set) int {
	var n int64
	forEachOverlap(s, o, func(v Interval) { n += v.len() })
	return int(n)
}

// forEachOverlap calls f with the maximal intervals of s ∩ o in ascending
// order. (Intersections of canonical sets are canonical: two adjacent pieces
// would need both sets to split a run of consecutive indexes.)
func forEachOverlap(s, o Set, f func(Interval)) {
	i, j := 0, 0
	for i < len(s.iv) && j < len(o.iv) {
		a, b := s.iv[i], o.iv[j]
		if lo, hi := max(a.First, b.First), min(a.Last, b.Last); lo <= hi {
			f(Interval{lo, hi})
		}
		if a.Last < b.Last {
			i++
		} else {
			j++
		}
	}
}

// ClipBelow returns the indexes of s that are < n (all of s when n exceeds
// its largest index, the empty set when n <= 0). It models lowering
// spec.completions to n on an elastic Indexed Job.
func (s Set) ClipBelow(n int32) Set {
	k := s.search(n) // first interval with Last >= n
	switch {
	case k == len(s.iv):
		return s
	case s.iv[k].First >= n:
		if k == 0 {
			return Set{}
		}
		return Set{iv: s.iv[:k:k]} // a shared prefix is never written
	}
	out := slices.Clone(s.iv[:k+1])
	out[k].Last = n - 1
	return Set{iv: out}
}
