package indexes

import (
	"math"
	"testing"
)

const maxC = math.MaxInt32

func TestParse(t *testing.T) {
	cases := []struct {
		s       string
		c       int32
		want    string // canonical String of the result when wantErr is ""
		wantLen int
		wantErr string
	}{
		// Valid input (§5.5 and §11 examples, non-maximal forms, Atoi syntax).
		{s: "", c: 0, want: ""},
		{s: "", c: 5, want: ""},
		{s: "0", c: 1, want: "0", wantLen: 1},
		{s: "1,3-5,7", c: 8, want: "1,3-5,7", wantLen: 5},
		{s: "0,1", c: 5, want: "0,1", wantLen: 2},
		{s: "0-2", c: 5, want: "0-2", wantLen: 3},
		{s: "1,2,3", c: 5, want: "1-3", wantLen: 3},
		{s: "1-2", c: 5, want: "1,2", wantLen: 2},
		{s: "0-1,2-3,5", c: 6, want: "0-3,5", wantLen: 5},
		{s: "0-5,8-10", c: 11, want: "0-5,8-10", wantLen: 9},
		{s: "3,4,6", c: 7, want: "3,4,6", wantLen: 3},
		{s: "01", c: 5, want: "1", wantLen: 1},
		{s: "007", c: 10, want: "7", wantLen: 1},
		{s: "+5", c: 10, want: "5", wantLen: 1},
		{s: "+0-+3", c: 10, want: "0-3", wantLen: 4},
		{s: "0-2147483646", c: maxC, want: "0-2147483646", wantLen: math.MaxInt32},
		{s: "2147483645,2147483646", c: maxC, want: "2147483645,2147483646", wantLen: 2},
		{s: "00000000000000000000000000000004", c: 5, want: "4", wantLen: 1},

		// Too many parts: checked before anything else in the piece.
		{s: "1-2-3", c: 5, wantErr: `the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'`},
		{s: "a-b-c", c: 5, wantErr: `the fragment "a-b-c" violates the requirement that an index interval can have at most two parts separated by '-'`},
		{s: "0,--", c: 5, wantErr: `the fragment "--" violates the requirement that an index interval can have at most two parts separated by '-'`},
		{s: "-1-2", c: 5, wantErr: `the fragment "-1-2" violates the requirement that an index interval can have at most two parts separated by '-'`},

		// Not an integer.
		{s: "invalid format", c: 5, wantErr: `cannot convert string to integer for index: "invalid format"`},
		{s: "-1", c: 5, wantErr: `cannot convert string to integer for index: ""`},
		{s: "1-", c: 5, wantErr: `cannot convert string to integer for index: ""`},
		{s: "-", c: 5, wantErr: `cannot convert string to integer for index: ""`},
		{s: ",", c: 5, wantErr: `cannot convert string to integer for index: ""`},
		{s: "1,", c: 5, wantErr: `cannot convert string to integer for index: ""`},
		{s: "1,,2", c: 5, wantErr: `cannot convert string to integer for index: ""`},
		{s: " 1", c: 5, wantErr: `cannot convert string to integer for index: " 1"`},
		{s: "1 ", c: 5, wantErr: `cannot convert string to integer for index: "1 "`},
		{s: "1, 2", c: 5, wantErr: `cannot convert string to integer for index: " 2"`},
		{s: "1 - 2", c: 5, wantErr: `cannot convert string to integer for index: "1 "`},
		{s: "+", c: 5, wantErr: `cannot convert string to integer for index: "+"`},
		{s: "++1", c: 5, wantErr: `cannot convert string to integer for index: "++1"`},
		{s: "1_0", c: 50, wantErr: `cannot convert string to integer for index: "1_0"`},
		{s: "0x1", c: 5, wantErr: `cannot convert string to integer for index: "0x1"`},
		{s: "1e1", c: 50, wantErr: `cannot convert string to integer for index: "1e1"`},
		{s: "1.0", c: 5, wantErr: `cannot convert string to integer for index: "1.0"`},
		{s: "٣", c: 5, wantErr: `cannot convert string to integer for index: "٣"`},
		{s: "\x00", c: 5, wantErr: `cannot convert string to integer for index: "\x00"`},
		{s: `"`, c: 5, wantErr: `cannot convert string to integer for index: "\""`},
		{s: "9223372036854775808", c: maxC, wantErr: `cannot convert string to integer for index: "9223372036854775808"`},
		{s: "0-99999999999999999999", c: maxC, wantErr: `cannot convert string to integer for index: "99999999999999999999"`},
		{s: "a-9", c: 5, wantErr: `cannot convert string to integer for index: "a"`},
		{s: "1-a", c: 5, wantErr: `cannot convert string to integer for index: "a"`},

		// Too large: the text is quoted as written.
		{s: "5", c: 5, wantErr: `too large index: "5"`},
		{s: "0", c: 0, wantErr: `too large index: "0"`},
		{s: "0", c: -1, wantErr: `too large index: "0"`},
		{s: "0-5,8-10", c: 8, wantErr: `too large index: "8"`},
		{s: "0-5,8-10", c: 10, wantErr: `too large index: "10"`},
		{s: "9-a", c: 5, wantErr: `too large index: "9"`},
		{s: "1-9", c: 5, wantErr: `too large index: "9"`},
		{s: "5-1", c: 3, wantErr: `too large index: "5"`},
		{s: "+05", c: 5, wantErr: `too large index: "+05"`},
		{s: "2147483647", c: maxC, wantErr: `too large index: "2147483647"`},
		{s: "9223372036854775807", c: maxC, wantErr: `too large index: "9223372036854775807"`},

		// Order.
		{s: "3,1", c: 5, wantErr: "non-increasing order, previous: 3, current: 1"},
		{s: "1,1", c: 5, wantErr: "non-increasing order, previous: 1, current: 1"},
		{s: "3-3", c: 5, wantErr: "non-increasing order, previous: 3, current: 3"},
		{s: "3-1", c: 5, wantErr: "non-increasing order, previous: 3, current: 1"},
		{s: "0-2,2", c: 5, wantErr: "non-increasing order, previous: 2, current: 2"},
		{s: "0-1,3,2", c: 5, wantErr: "non-increasing order, previous: 3, current: 2"},
		{s: "0-3,1-2", c: 5, wantErr: "non-increasing order, previous: 3, current: 1"},
		{s: "007,+7", c: 10, wantErr: "non-increasing order, previous: 7, current: 7"},

		// First error wins.
		{s: "3,1,x", c: 5, wantErr: "non-increasing order, previous: 3, current: 1"},
		{s: "x,3,1", c: 5, wantErr: `cannot convert string to integer for index: "x"`},
		{s: "9,x", c: 5, wantErr: `too large index: "9"`},
	}
	for _, tc := range cases {
		got, err := Parse(tc.s, tc.c)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("Parse(%q, %d) error = %v, want %q", tc.s, tc.c, err, tc.wantErr)
			}
			if !got.IsEmpty() {
				t.Errorf("Parse(%q, %d) returned non-empty %q with an error", tc.s, tc.c, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q, %d) unexpected error: %v", tc.s, tc.c, err)
			continue
		}
		checkCanonical(t, got)
		if got.String() != tc.want || got.Len() != tc.wantLen {
			t.Errorf("Parse(%q, %d) = %q (len %d), want %q (len %d)", tc.s, tc.c, got, got.Len(), tc.want, tc.wantLen)
		}
		// Whatever Parse accepts, the controller reads the same way.
		if lenient := ParseLenient(tc.s, tc.c); !lenient.Equal(got) {
			t.Errorf("ParseLenient(%q, %d) = %q, Parse = %q", tc.s, tc.c, lenient, got)
		}
	}
}

func TestParseLenient(t *testing.T) {
	cases := []struct {
		s    string
		c    int32
		want string
	}{
		// §11 examples.
		{"0,1-foo,bar", 4, "0"},
		{"0-5,8-10", 8, "0-5"},
		{"0-5,8-10", 10, "0-5,8,9"},
		{"3,4,6", 7, "3,4,6"},
		{"1,3-5,7", 8, "1,3-5,7"},
		{"", 5, ""},

		// Unparsable pieces are skipped.
		{"-1", 5, ""},
		{"-1,2", 5, "2"},
		{"1-", 5, ""},
		{"1-,2", 5, "2"},
		{" 1,2", 5, "2"},
		{"1 ,2", 5, "2"},
		{",,,1,", 5, "1"},
		{"x,1-y,2", 5, "2"},
		{"99999999999999999999,1", 10, "1"}, // overflow is unparsable, not too large
		{"0-99999999999999999999", 10, ""},
		{"1_0,2", 50, "2"},

		// Extra "-" parts are ignored.
		{"1-2-3", 5, "1,2"},
		{"1-2-x", 5, "1,2"},
		{"1-9-x", 5, "1-4"},
		{"1--3", 5, ""}, // the second part is "" → skipped

		// Stop at a first index >= completions; clip the last.
		{"0,5,1", 5, "0"},
		{"2,10,1", 5, "2"},
		{"0-9223372036854775807", 10, "0-9"},
		{"9223372036854775807", 10, ""},
		{"3-100", 5, "3,4"},
		{"4-100", 5, "4"},
		{"0", 0, ""},
		{"0", -5, ""},
		{"0-2147483646", maxC, "0-2147483646"},
		{"0-2147483647", maxC, "0-2147483646"},
		{"2147483646", maxC, "2147483646"},

		// Atoi syntax.
		{"+5,007", 10, "5,7"},
		{"+2-+4", 10, "2-4"},

		// Merging and non-canonical input, normalised to the true set.
		{"0,1,2,3", 5, "0-3"},
		{"0-1,2-3", 5, "0-3"},
		{"5,3", 10, "5"},
		{"5,3", 4, ""},
		{"1,1", 5, "1"},
		{"3-3", 5, "3"},
		{"3-1", 5, ""},
		{"0-4,5-1", 10, "0-4"}, // upstream: [0-1] (the reversed piece shortens 0-4)
		{"3-1,2-3", 4, "2,3"},  // upstream: [3-3]
		{"0-4,2", 10, "0-4"},
		{"0-4,2-6", 10, "0-6"},
		{"6,0-2,3,8,1", 10, "6,8"},
		{"9,7,5,3,1", 10, "9"},
		{"4,1-6", 10, "4-6"},
		{"9,7,8", 10, "9"},
	}
	for _, tc := range cases {
		got := ParseLenient(tc.s, tc.c)
		checkCanonical(t, got)
		if got.String() != tc.want {
			t.Errorf("ParseLenient(%q, %d) = %q, want %q", tc.s, tc.c, got, tc.want)
		}
	}
}

func TestParseLenientBoundedMemory(t *testing.T) {
	// One huge interval stays one interval.
	s := ParseLenient("0-2147483646", maxC)
	if s.NumIntervals() != 1 || s.Len() != math.MaxInt32 {
		t.Fatalf("got %d intervals, len %d", s.NumIntervals(), s.Len())
	}
	// A long contiguous list ends up with a small backing array.
	b := make([]byte, 0, 600_000)
	for i := 0; i < 100_000; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendInt(b, i)
	}
	for _, got := range []Set{ParseLenient(string(b), maxC), mustParse(t, string(b), maxC)} {
		if got.NumIntervals() != 1 || cap(got.iv) > 8 {
			t.Errorf("contiguous list: %d intervals, capacity %d", got.NumIntervals(), cap(got.iv))
		}
	}
}

func TestFirstOverlap(t *testing.T) {
	cases := []struct {
		completed, failed string
		c                 int32
		want              int32
		overlap           bool
	}{
		{"2-4", "0,2", 5, 2, true}, // ST39
		{"", "0", 5, 0, false},
		{"0", "", 5, 0, false},
		{"0-2", "3", 5, 0, false},
		{"3", "0-2", 5, 0, false},
		{"1-3", "0,2", 5, 2, true},
		{"0,2,4", "1,3", 5, 0, false},
		{"0,2,4", "1,3-4", 5, 4, true},
		{"0-9", "5-20", 30, 5, true},
		{"x,3", "3", 5, 3, true},     // unparsable completed piece skipped
		{"3", "1-2-3,3", 5, 3, true}, // unparsable failed piece skipped
		{"3,9", "9", 5, 0, false},    // too large pieces skipped
		{"1,1", "1", 5, 1, true},     // order is not checked here
		{"5,1", "1", 10, 0, false},   // unsorted input can hide an overlap
		{"0-2147483646", "2147483646", maxC, 2147483646, true},
	}
	for _, tc := range cases {
		got, ok := FirstOverlap(tc.completed, tc.failed, tc.c)
		if got != tc.want || ok != tc.overlap {
			t.Errorf("FirstOverlap(%q, %q, %d) = %d, %v; want %d, %v", tc.completed, tc.failed, tc.c, got, ok, tc.want, tc.overlap)
		}
	}
}

func TestFirstOverlapDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		FirstOverlap("0,x,2-5,9", "1,1-2-3,7,8", 10)
	})
	if allocs != 0 {
		t.Errorf("FirstOverlap allocates %v times", allocs)
	}
}

func mustParse(t testing.TB, s string, c int32) Set {
	t.Helper()
	got, err := Parse(s, c)
	if err != nil {
		t.Fatalf("Parse(%.40q, %d): %v", s, c, err)
	}
	return got
}
