package indexes

import "slices"

// Builder collects indexes in any order and builds a [Set] from them by one
// sort and one merge, e.g. the index of every succeeded pod of a sync. The
// zero value is ready to use. A Builder must not be copied after first use
// and is not safe for concurrent use.
type Builder struct {
	idx []int32 // owned; sorted in place by Set
}

// Grow makes room for n more Add-ed indexes without reallocating.
func (b *Builder) Grow(n int) { b.idx = slices.Grow(b.idx, n) }

// Add records indexes; negative values are ignored. Duplicates are fine.
func (b *Builder) Add(idx ...int32) {
	for _, i := range idx {
		if i >= 0 {
			b.idx = append(b.idx, i)
		}
	}
}

// Len returns the number of indexes recorded so far, duplicates included.
func (b *Builder) Len() int { return len(b.idx) }

// Reset forgets every recorded index, keeping the buffer.
func (b *Builder) Reset() { b.idx = b.idx[:0] }

// Set returns the set of the recorded indexes. It costs O(n) when they were
// added in ascending order and O(n log n) otherwise, and allocates only the
// result (one interval per run of consecutive indexes). The Builder keeps its
// indexes, so more may be added and Set called again.
func (b *Builder) Set() Set {
	if len(b.idx) == 0 {
		return Set{}
	}
	if !slices.IsSorted(b.idx) {
		slices.Sort(b.idx)
	}
	runs := 1
	for k := 1; k < len(b.idx); k++ {
		if int64(b.idx[k]) > int64(b.idx[k-1])+1 {
			runs++
		}
	}
	out := make([]Interval, 0, runs)
	cur := Interval{b.idx[0], b.idx[0]}
	for _, i := range b.idx[1:] {
		if int64(i) > int64(cur.Last)+1 {
			out = append(out, cur)
			cur = Interval{i, i}
		} else {
			cur.Last = i // i is cur.Last or cur.Last+1
		}
	}
	return Set{iv: append(out, cur)}
}
