package job

import (
	"math"
	"strconv"
	"testing"
)

// FuzzParseCompletionIndex checks the annotation readers against their
// contract: never panic; the index is -1 or a non-negative int32 equal to
// strconv.Atoi's reading (clamped at MaxInt32); failure counts are in
// [0, MaxInt32] and 0 for anything Atoi rejects or puts out of range.
func FuzzParseCompletionIndex(f *testing.F) {
	for _, s := range []string{"0", "7", "-0", "+3", "-1", "x", "", "2147483647", "2147483648", "99999999999999999999", " 1", "01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		ann := map[string]string{CompletionIndexKey: v, IndexFailureCountKey: v}
		got := parseCompletionIndex(ann)
		n, err := strconv.Atoi(v)
		switch {
		case err != nil || n < 0:
			if got != unknownIndex {
				t.Fatalf("parseCompletionIndex(%q) = %d, want -1", v, got)
			}
		case n > math.MaxInt32:
			if got != math.MaxInt32 {
				t.Fatalf("parseCompletionIndex(%q) = %d, want MaxInt32", v, got)
			}
		case int64(got) != int64(n):
			t.Fatalf("parseCompletionIndex(%q) = %d, want %d", v, got, n)
		}
		fc := parseIndexFailureCount(ann, IndexFailureCountKey)
		if err != nil || n < 0 || n > math.MaxInt32 {
			if fc != 0 {
				t.Fatalf("parseIndexFailureCount(%q) = %d, want 0", v, fc)
			}
		} else if int64(fc) != int64(n) {
			t.Fatalf("parseIndexFailureCount(%q) = %d, want %d", v, fc, n)
		}
	})
}
