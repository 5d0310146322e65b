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

// sortCanonical sorts positions into s.recs canonically.
func (s *syncer) sortCanonical(ids []int32) {
	if slices.IsSortedFunc(ids, s.cmpRecs) {
		return
	}
	slices.SortFunc(ids, s.cmpRecs)
}
