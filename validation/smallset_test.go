package validation

import (
	"testing"

	"pgregory.net/rapid"
)

// smallSet agrees with a map on every add and has, before and after it
// outgrows its inline array.
func TestSmallSetMatchesMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vals := rapid.SliceOfN(rapid.Int32Range(0, 40), 0, 3*smallSetInline).Draw(t, "vals")
		var s smallSet[int32]
		model := map[int32]bool{}
		for _, v := range vals {
			if got, want := s.add(v), !model[v]; got != want {
				t.Fatalf("add(%d) = %v, want %v", v, got, want)
			}
			model[v] = true
		}
		for v := int32(-1); v <= 41; v++ {
			if s.has(v) != model[v] {
				t.Fatalf("has(%d) = %v, want %v", v, s.has(v), model[v])
			}
		}
	})
}
