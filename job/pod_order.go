package job

import (
	"cmp"
	"slices"
	"strings"
)

// Canonical pod order.
//
// Upstream processes pods in informer-cache order, which is unspecified;
// jobkit replaces it by a canonical order so that no output depends on the
// order of Input.Pods:
//
//   - Indexed Jobs: completion index ascending (unknown index first, as in
//     upstream's byCompletionIndex), then pod name, then UID;
//   - NonIndexed Jobs: pod name, then UID.
//
// "List order" in controller.md (the FailJob scan of §6, the accounting loop
// of §4.11, the choice of delayed-deletion pods of §7.4, the deletion of
// active pods of a finishing Job) means this order in jobkit. Pods are never
// sorted in place: the sync sorts slices of positions into its own records.

// cmpRecs compares the records at positions a and b canonically.
func (s *syncer) cmpRecs(a, b int32) int {
	ra, rb := &s.recs[a], &s.recs[b]
	if s.indexed {
		if c := cmp.Compare(ra.index, rb.index); c != 0 {
			return c
		}
	}
	if c := strings.Compare(ra.pod.Name, rb.pod.Name); c != 0 {
		return c
	}
	return strings.Compare(string(ra.pod.UID), string(rb.pod.UID))
}

// sortCanonical sorts positions into s.recs canonically. Large Indexed
// inputs are radix-sorted by completion index (O(n), no comparisons), then
// runs of equal index (rare) are sorted by name and UID.
func (s *syncer) sortCanonical(ids []int32) {
	if len(ids) < 2 || slices.IsSortedFunc(ids, s.cmpRecs) {
		return
	}
	if !s.indexed || len(ids) < radixMinLen {
		slices.SortFunc(ids, s.cmpRecs)
		return
	}
	s.radixSortByIndex(ids)
	for i := 0; i < len(ids); {
		ix := s.recs[ids[i]].index
		j := i + 1
		for j < len(ids) && s.recs[ids[j]].index == ix {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(ids[i:j], s.cmpRecs)
		}
		i = j
	}
}

// radixMinLen is the length from which sortCanonical radix-sorts.
const radixMinLen = 256

// radixSortByIndex sorts positions by completion index (unknown first)
// with a stable LSD radix sort on the 32-bit key index+1, in three passes
// of 11 bits; ties keep their relative order.
func (s *syncer) radixSortByIndex(ids []int32) {
	const bits, mask = 11, 1<<11 - 1
	n := len(ids)
	buf := make([]uint64, 2*n)
	a, b := buf[:n], buf[n:]
	for i, id := range ids {
		a[i] = uint64(uint32(s.recs[id].index+1))<<32 | uint64(uint32(id))
	}
	var counts [1 << bits]int
	for shift := 32; shift < 64; shift += bits {
		clear(counts[:])
		for _, k := range a {
			counts[(k>>shift)&mask]++
		}
		if counts[(a[0]>>shift)&mask] == n {
			continue // every key has the same digit
		}
		sum := 0
		for d, c := range counts {
			counts[d] = sum
			sum += c
		}
		for _, k := range a {
			d := (k >> shift) & mask
			b[counts[d]] = k
			counts[d]++
		}
		a, b = b, a
	}
	for i, k := range a {
		ids[i] = int32(uint32(k))
	}
}
