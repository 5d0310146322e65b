package indexes

import (
	"math/bits"
	"slices"
)

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
// added in ascending order or are dense (largest index < 64·n: a bitmap is
// used), and O(n log n) otherwise; it allocates the result (one interval per
// run of consecutive indexes) and, on the dense path, a bitmap of at most n
// words. The Builder keeps its indexes, so more may be added and Set called
// again.
func (b *Builder) Set() Set {
	if len(b.idx) == 0 {
		return Set{}
	}
	if !slices.IsSorted(b.idx) {
		if hi := slices.Max(b.idx); int64(hi) < 64*int64(len(b.idx)) {
			return fromBitmap(b.idx, hi)
		}
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

// fromBitmap builds the set of idx (non-negative, largest hi) by marking a
// bitmap and reading its runs of ones.
func fromBitmap(idx []int32, hi int32) Set {
	words := make([]uint64, int(hi)/64+1)
	for _, i := range idx {
		words[i>>6] |= 1 << (uint(i) & 63)
	}
	runs := 0
	prevTop := uint64(0) // bit 63 of the previous word
	for _, w := range words {
		// A run starts at every 1 bit whose lower neighbour is 0.
		runs += bits.OnesCount64(w &^ (w<<1 | prevTop))
		prevTop = w >> 63
	}
	out := make([]Interval, 0, runs)
	for k, w := range words {
		base := int32(k) * 64
		for w != 0 {
			lo := bits.TrailingZeros64(w)
			// Length of the run of ones starting at lo.
			n := bits.TrailingZeros64(^(w >> uint(lo)))
			first, last := base+int32(lo), base+int32(lo+n-1)
			if m := len(out); m > 0 && out[m-1].Last+1 == first {
				out[m-1].Last = last // the run continues from the previous word
			} else {
				out = append(out, Interval{first, last})
			}
			if lo+n == 64 {
				break
			}
			w &^= (1<<uint(n) - 1) << uint(lo)
		}
	}
	return Set{iv: out}
}
