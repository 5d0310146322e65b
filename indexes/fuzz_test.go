package indexes

import (
	"math"
	"strings"
	"testing"
)

// fuzzSeeds are interesting inputs for both fuzzers; more found by fuzzing
// live under testdata/fuzz.
var fuzzSeeds = []struct {
	s string
	c int32
}{
	{"", 0},
	{"1,3-5,7", 8},
	{"0,1-foo,bar", 4},
	{"0-5,8-10", 8},
	{"0-5,8-10", 10},
	{"0-2147483646", math.MaxInt32},
	{"0-2147483647", math.MaxInt32},
	{"2147483646", math.MaxInt32},
	{"-1", 5},
	{"1-", 5},
	{"1-2-3", 5},
	{" 1", 5},
	{"+5,007", 10},
	{"9223372036854775807", 10},
	{"9223372036854775808", 10},
	{"0-99999999999999999999", 10},
	{"5,3", 10},
	{"1,1", 5},
	{"3-1", 5},
	{"3-1,2-3", 4},
	{"0-4,5-1", 10},
	{",,", 3},
	{"0", -1},
}

func FuzzParse(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(seed.s, seed.c)
	}
	f.Fuzz(func(t *testing.T, s string, c int32) {
		if len(s) > 1<<20 {
			return // the API server caps these fields far below 1 MiB
		}
		got, err := Parse(s, c)
		if err != nil {
			if !got.IsEmpty() || err.Error() == "" {
				t.Fatalf("Parse(%q, %d) = %v with error %v", s, c, got.iv, err)
			}
		} else {
			checkCanonical(t, got)
			if len(got.iv) > strings.Count(s, ",")+1 {
				t.Fatalf("Parse(%q, %d): %d intervals from %d pieces", s, c, len(got.iv), strings.Count(s, ",")+1)
			}
			if again, err := Parse(got.String(), c); err != nil || !again.Equal(got) {
				t.Fatalf("round trip of %q via %q: %v, %v", s, got, again.iv, err)
			}
		}
		checkParsersAgainstModels(t, s, c)
	})
}

func FuzzParseLenient(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(seed.s, seed.c)
	}
	f.Fuzz(func(t *testing.T, s string, c int32) {
		if len(s) > 1<<20 {
			return
		}
		got := ParseLenient(s, c)
		checkCanonical(t, got)
		// Memory is bounded by the number of pieces, never by the indexes.
		if pieces := strings.Count(s, ",") + 1; len(got.iv) > pieces || cap(got.iv) > 2*pieces+16 {
			t.Fatalf("ParseLenient(%q, %d): %d intervals, capacity %d, from %d pieces", s, c, len(got.iv), cap(got.iv), pieces)
		}
		if again := ParseLenient(got.String(), c); !again.Equal(got) {
			t.Fatalf("round trip of %q via %q: %v", s, got, again.iv)
		}
		if again, err := Parse(got.String(), c); err != nil || !again.Equal(got) {
			t.Fatalf("ParseLenient output %q is not valid for the API server: %v", got, err)
		}
		checkParsersAgainstModels(t, s, c)
	})
}
