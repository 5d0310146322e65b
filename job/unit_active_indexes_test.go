package job

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestActiveIndexes checks activeIndexes and hasDistinctActiveIndexes
// against a naive model: the set of non-negative indexes of the active
// pods, and "every active pod has an index in [0, completions) that no
// other active pod has".
func TestActiveIndexes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		completions := rapid.Int32Range(1, 40).Draw(t, "completions")
		j := testJob(1, completions, indexed)
		s := &syncer{job: j, indexed: true, hasCompletions: true, completions: completions}
		n := rapid.IntRange(0, 30).Draw(t, "n")
		seen := map[int32]bool{}
		var want []int32
		distinct := true
		for i := range n {
			var opts []podOpt
			ix := rapid.IntRange(-1, int(completions)+2).Draw(t, "ix")
			if ix >= 0 {
				opts = append(opts, idx(ix))
			}
			ph := rapid.SampledFrom([]PodPhase{PodRunning, PodPending, PodSucceeded, PodFailed}).Draw(t, "phase")
			p := testPod(j, fmt.Sprintf("p%d", i), ph, opts...)
			r := s.classify(p, false, parseCompletionIndex(p.Annotations), false)
			s.recs = append(s.recs, r)
			if !r.is(fActive) {
				continue
			}
			s.active++
			if ix < 0 || ix >= int(completions) || seen[int32(ix)] {
				distinct = false
			}
			if ix >= 0 && !seen[int32(ix)] {
				want = append(want, int32(ix))
			}
			seen[int32(ix)] = true
		}
		slices.Sort(want)
		if got := slices.Collect(s.activeIndexes().All()); !slices.Equal(got, want) {
			t.Fatalf("activeIndexes = %v, want %v", got, want)
		}
		if got := s.hasDistinctActiveIndexes(); got != distinct {
			t.Fatalf("hasDistinctActiveIndexes = %v, want %v", got, distinct)
		}
	})
}
