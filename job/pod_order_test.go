package job

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestSortCanonical checks the radix paths of sortCanonical against a plain
// comparison sort, for dense and sparse indexes and many ties.
func TestSortCanonical(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 2000).Draw(t, "n")
		maxIndex := rapid.SampledFrom([]int{3, 100, 5000, 1 << 30}).Draw(t, "maxIndex")
		j := testJob(1, 1<<30, indexed)
		s := &syncer{job: j, indexed: true, hasCompletions: true, completions: 1 << 30}
		for i := 0; i < n; i++ {
			var opts []podOpt
			if ix := rapid.IntRange(-1, maxIndex).Draw(t, "ix"); ix >= 0 {
				opts = append(opts, idx(ix))
			}
			p := testPod(j, fmt.Sprintf("p%d", rapid.IntRange(0, 50).Draw(t, "name")), PodRunning, opts...)
			p.UID = UID(fmt.Sprint(i))
			s.recs = append(s.recs, s.classify(p, false, parseCompletionIndex(p.Annotations), false))
		}
		ids := make([]int32, n)
		for i := range ids {
			ids[i] = int32(i)
		}
		want := slices.Clone(ids)
		slices.SortFunc(want, s.cmpRecs)
		s.sortCanonical(ids)
		if !slices.Equal(ids, want) {
			t.Fatalf("sortCanonical differs from the comparison sort")
		}
	})
}
