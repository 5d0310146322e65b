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
	return cmpNameUID(ra.pod, rb.pod)
}

// cmpNameUID orders pods by name, then UID: the final tie-break of every
// pod order of the package.
func cmpNameUID(a, b *Pod) int {
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(string(a.UID), string(b.UID))
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

// radixSortByIndex sorts positions by completion index (unknown first),
// stably (ties keep their relative order). Keys are index+1 (0 for an
// unknown index). When the keys are dense (largest key below 4n, the usual
// case of a Job's pods) one counting pass suffices; otherwise an LSD radix
// sort runs as many 11-bit passes as the largest key needs.
func (s *syncer) radixSortByIndex(ids []int32) {
	n := len(ids)
	keys := make([]uint32, n)
	var maxKey uint32
	for i, id := range ids {
		k := uint32(s.recs[id].index + 1)
		keys[i] = k
		maxKey = max(maxKey, k)
	}
	out := make([]int32, n)
	if int64(maxKey) < 4*int64(n) {
		counts := make([]int32, maxKey+1)
		for _, k := range keys {
			counts[k]++
		}
		prefixSums(counts)
		for i, k := range keys {
			out[counts[k]] = ids[i]
			counts[k]++
		}
		copy(ids, out)
		return
	}
	tmpKeys := make([]uint32, n)
	src, dst := ids, out
	var counts [1 << radixBits]int32
	for shift := uint(0); shift < 32 && maxKey>>shift != 0; shift += radixBits {
		clear(counts[:])
		for _, k := range keys {
			counts[(k>>shift)&radixMask]++
		}
		prefixSums(counts[:])
		for i, k := range keys {
			d := (k >> shift) & radixMask
			tmpKeys[counts[d]] = k
			dst[counts[d]] = src[i]
			counts[d]++
		}
		keys, tmpKeys = tmpKeys, keys
		src, dst = dst, src
	}
	if &src[0] != &ids[0] {
		copy(ids, src)
	}
}
