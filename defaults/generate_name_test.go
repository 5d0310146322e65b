package defaults

import (
	"math/rand"
	"strings"
	"testing"
)

// scripted is an Int63Source returning its draws in order (then 0).
type scripted struct{ draws []int64 }

func (s *scripted) Int63() int64 {
	if len(s.draws) == 0 {
		return 0
	}
	d := s.draws[0]
	s.draws = s.draws[1:]
	return d
}

// groups packs 5-bit groups into one draw, lowest group first.
func groups(gs ...int64) int64 {
	var d int64
	for i, g := range gs {
		d |= g << (5 * i)
	}
	return d
}

func TestGenerateName(t *testing.T) {
	a := NameSuffixAlphabet
	all31 := groups(31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31)
	cases := []struct {
		name  string
		base  string
		draws []int64
		want  string
	}{
		{"nil source gives the first character five times", "pi-", nil, "pi-bbbbb"},
		{"groups read lowest bits first", "pi-", []int64{groups(0, 1, 26, 2, 3)},
			"pi-" + string([]byte{a[0], a[1], a[26], a[2], a[3]})},
		{"groups 27 to 31 are skipped", "x", []int64{groups(27, 5, 28, 29, 30, 31, 6, 7, 8, 9)},
			"x" + string([]byte{a[5], a[6], a[7], a[8], a[9]})},
		{"a new draw after twelve groups", "x", []int64{groups(31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 4, 4), groups(10, 11, 12)},
			"x" + string([]byte{a[4], a[4], a[10], a[11], a[12]})},
		{"the 13th group of a draw is never read", "x", []int64{groups(27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 1), groups(2, 2, 2, 2, 2)},
			"x" + strings.Repeat(string(a[2]), 5)},
		{"empty base", "", []int64{groups(20, 21, 22, 23, 24)}, string([]byte{a[20], a[21], a[22], a[23], a[24]})},
		{"58-byte base kept", strings.Repeat("a", 58), nil, strings.Repeat("a", 58) + "bbbbb"},
		{"59-byte base cut to 58", strings.Repeat("a", 58) + "z", nil, strings.Repeat("a", 58) + "bbbbb"},
		{"253-byte base cut to 58", strings.Repeat("b", 253), nil, strings.Repeat("b", 58) + "bbbbb"},
		{"the cut is by bytes and may end in a dash", strings.Repeat("a", 57) + "-xyz", nil, strings.Repeat("a", 57) + "-bbbbb"},
		{"a source that never yields stops after maxNameDraws", "x", repeat(all31, maxNameDraws+5), "xbbbbb"},
		{"a negative draw (broken source) stops too", "x", repeat(-1, maxNameDraws+5), "xbbbbb"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var src Int63Source
			if tc.draws != nil {
				src = &scripted{draws: tc.draws}
			}
			if got := GenerateName(tc.base, src); got != tc.want {
				t.Errorf("GenerateName(%q) = %q, want %q", tc.base, got, tc.want)
			}
		})
	}
}

func repeat(d int64, n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// Property over a seeded math/rand source: the suffix has five characters
// of the alphabet, the prefix is the base cut to 58 bytes, and the same
// seed gives the same name.
func TestGenerateNameSeeded(t *testing.T) {
	for seed := int64(0); seed < 200; seed++ {
		base := strings.Repeat("j", int(seed%70))
		got := GenerateName(base, rand.New(rand.NewSource(seed)))
		prefix := base[:min(len(base), MaxGenerateNamePrefix)]
		suffix, ok := strings.CutPrefix(got, prefix)
		if !ok || len(suffix) != NameSuffixLength || strings.Trim(suffix, NameSuffixAlphabet) != "" {
			t.Fatalf("seed %d: GenerateName(%q) = %q", seed, base, got)
		}
		if again := GenerateName(base, rand.New(rand.NewSource(seed))); again != got {
			t.Fatalf("seed %d: %q then %q", seed, got, again)
		}
	}
}
