package indexes

import (
	"math"
	"slices"
	"strconv"
	"testing"
)

// tb is what the checks below need; both *testing.T and *rapid.T have it.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
}

// checkCanonical fails t unless s satisfies the Set invariants.
func checkCanonical(t tb, s Set) {
	t.Helper()
	for k, v := range s.iv {
		if v.First < 0 || v.Last < v.First {
			t.Fatalf("interval %d of %v is invalid: %+v", k, s.iv, v)
		}
		if k > 0 && int64(s.iv[k-1].Last)+1 >= int64(v.First) {
			t.Fatalf("intervals %d and %d of %v overlap or touch", k-1, k, s.iv)
		}
	}
	if len(s.iv) == 0 && s.iv != nil {
		t.Fatalf("empty set with non-nil slice")
	}
}

func appendInt(b []byte, i int) []byte { return strconv.AppendInt(b, int64(i), 10) }

func TestString(t *testing.T) {
	cases := []struct {
		set  Set
		want string
	}{
		{Set{}, ""},
		{FromIndexes(), ""},
		{FromIndexes(0), "0"},
		{FromIndexes(0, 1), "0,1"},
		{FromIndexes(0, 1, 2), "0-2"},
		{FromIndexes(1, 3, 4, 5, 7), "1,3-5,7"},
		{FromIndexes(7, 5, 4, 3, 1, 5, 5), "1,3-5,7"},
		{FromIndexes(4, 5, 9, 10, 11, 20, 21), "4,5,9-11,20,21"},
		{FromIndexes(math.MaxInt32-1, math.MaxInt32), "2147483646,2147483647"},
		{FromIntervals(Interval{0, math.MaxInt32}), "0-2147483647"},
		{FromIntervals(Interval{10, 19}, Interval{0, 9}), "0-19"},
		{FromIntervals(Interval{-5, 2}, Interval{4, 3}, Interval{-9, -1}), "0-2"},
		{FromIndexes(-1, 3, -7), "3"},
	}
	for _, tc := range cases {
		checkCanonical(t, tc.set)
		if got := tc.set.String(); got != tc.want {
			t.Errorf("%v.String() = %q, want %q", tc.set.iv, got, tc.want)
		}
	}
}

func TestStringAllocations(t *testing.T) {
	var b Builder
	for i := int32(0); i < 10_000; i += 2 {
		b.Add(i)
	}
	for _, s := range []Set{FromIndexes(1, 3, 4, 5, 7, 100, 101, 2_000_000_000), b.Set()} {
		if allocs := testing.AllocsPerRun(20, func() { _ = s.String() }); allocs > 2 {
			t.Errorf("String of %d intervals allocates %v times, want <= 2", s.NumIntervals(), allocs)
		}
	}
}

func TestAccessors(t *testing.T) {
	s := mustParse(t, "1,3-5,7", 10)
	if s.Len() != 5 || s.IsEmpty() || s.NumIntervals() != 3 {
		t.Errorf("Len %d, IsEmpty %v, NumIntervals %d", s.Len(), s.IsEmpty(), s.NumIntervals())
	}
	for i := int32(-2); i < 12; i++ {
		want := i == 1 || (i >= 3 && i <= 5) || i == 7
		if s.Has(i) != want {
			t.Errorf("Has(%d) = %v", i, !want)
		}
	}
	if got := slices.Collect(s.All()); !slices.Equal(got, []int32{1, 3, 4, 5, 7}) {
		t.Errorf("All() = %v", got)
	}
	// All stops when asked and survives MaxInt32.
	top := FromIntervals(Interval{math.MaxInt32 - 1, math.MaxInt32})
	if got := slices.Collect(top.All()); !slices.Equal(got, []int32{math.MaxInt32 - 1, math.MaxInt32}) {
		t.Errorf("All() at the top = %v", got)
	}
	for i := range mustParse(t, "0-2147483646", maxC).All() {
		if i == 2 {
			break
		}
	}
	huge := mustParse(t, "0-2147483646", maxC)
	if huge.Len() != math.MaxInt32 || !huge.Has(math.MaxInt32-1) || huge.Has(math.MaxInt32) {
		t.Errorf("huge set: Len %d", huge.Len())
	}
	all := FromIntervals(Interval{0, math.MaxInt32})
	if all.Len() != 1<<31 {
		t.Errorf("full set Len %d", all.Len())
	}
	var zero Set
	if !zero.IsEmpty() || zero.Len() != 0 || zero.Has(0) || zero.Intervals() != nil || !zero.Equal(FromIndexes()) {
		t.Errorf("zero Set misbehaves")
	}
}

func TestOperations(t *testing.T) {
	p := func(s string) Set { return mustParse(t, s, maxC) }
	cases := []struct {
		a, b                          string
		union, diff, inter, diffOther string
	}{
		{"", "", "", "", "", ""},
		{"1,3-5,7", "", "1,3-5,7", "1,3-5,7", "", ""},
		{"", "1,3-5,7", "1,3-5,7", "", "", "1,3-5,7"},
		{"0-9", "3-5", "0-9", "0-2,6-9", "3-5", ""},
		{"0-9", "0,9", "0-9", "1-8", "0,9", ""},
		{"0,2,4", "1,3", "0-4", "0,2,4", "", "1,3"},
		{"0-4", "2-9", "0-9", "0,1", "2-4", "5-9"},
		{"0-2,6-8", "3-5", "0-8", "0-2,6-8", "", "3-5"},
		{"0-2,6-8", "1-7", "0-8", "0,8", "1,2,6,7", "3-5"},
		{"0-20", "1,3,5-7,19", "0-20", "0,2,4,8-18,20", "1,3,5-7,19", ""},
		{"5", "0-2147483646", "0-2147483646", "", "5", "0-4,6-2147483646"},
		{"0-2147483646", "0-2147483646", "0-2147483646", "", "0-2147483646", ""},
	}
	for _, tc := range cases {
		a, b := p(tc.a), p(tc.b)
		for _, r := range []struct {
			name string
			got  Set
			want string
		}{
			{"Union", a.Union(b), tc.union},
			{"Union (swapped)", b.Union(a), tc.union},
			{"Difference", a.Difference(b), tc.diff},
			{"Difference (swapped)", b.Difference(a), tc.diffOther},
			{"Intersect", a.Intersect(b), tc.inter},
			{"Intersect (swapped)", b.Intersect(a), tc.inter},
		} {
			checkCanonical(t, r.got)
			if r.got.String() != r.want {
				t.Errorf("%q %s %q = %q, want %q", tc.a, r.name, tc.b, r.got, r.want)
			}
		}
		if got, want := a.CountIn(b), p(tc.inter).Len(); got != want {
			t.Errorf("%q CountIn %q = %d, want %d", tc.a, tc.b, got, want)
		}
	}
}

func TestAddAndClipBelow(t *testing.T) {
	s := FromIndexes(1, 3, 4, 5, 7)
	for _, tc := range []struct {
		add  []int32
		want string
	}{
		{nil, "1,3-5,7"},
		{[]int32{2}, "1-5,7"},
		{[]int32{6}, "1,3-7"},
		{[]int32{4}, "1,3-5,7"},
		{[]int32{-1}, "1,3-5,7"},
		{[]int32{9, 0, 8}, "0,1,3-5,7-9"},
	} {
		got := s.Add(tc.add...)
		checkCanonical(t, got)
		if got.String() != tc.want {
			t.Errorf("Add(%v) = %q, want %q", tc.add, got, tc.want)
		}
	}
	for _, tc := range []struct {
		n    int32
		want string
	}{
		{math.MinInt32, ""}, {-1, ""}, {0, ""}, {1, ""}, {2, "1"}, {3, "1"}, {4, "1,3"},
		{5, "1,3,4"}, {6, "1,3-5"}, {7, "1,3-5"}, {8, "1,3-5,7"}, {math.MaxInt32, "1,3-5,7"},
	} {
		got := s.ClipBelow(tc.n)
		checkCanonical(t, got)
		if got.String() != tc.want {
			t.Errorf("ClipBelow(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestImmutability checks that no operation writes through to its receiver,
// its argument or a slice returned earlier.
func TestImmutability(t *testing.T) {
	base := mustParse(t, "1,3-5,7,10-20", 100)
	const want = "1,3-5,7,10-20"
	other := mustParse(t, "2,6,8-12", 100)

	clipped := base.ClipBelow(8) // shares a prefix of base's array
	_ = clipped.Add(2, 6, 8)
	_ = clipped.Union(other)
	ivs := base.Intervals()
	ivs[0] = Interval{50, 60}
	_ = base.Add(2)
	_ = base.Union(other)
	_ = base.Difference(other)
	_ = base.Intersect(other)
	_ = FirstMissing(5, 100, base, other)
	if base.String() != want || clipped.String() != "1,3-5,7" || other.String() != "2,6,8-12" {
		t.Errorf("base %q, clipped %q, other %q", base, clipped, other)
	}

	in := []int32{5, 1, 3}
	_ = FromIndexes(in...)
	iv := []Interval{{5, 6}, {0, 1}}
	_ = FromIntervals(iv...)
	if !slices.Equal(in, []int32{5, 1, 3}) || !slices.Equal(iv, []Interval{{5, 6}, {0, 1}}) {
		t.Errorf("inputs modified: %v %v", in, iv)
	}
}

func TestFirstMissing(t *testing.T) {
	p := func(s string) Set { return mustParse(t, s, maxC) }
	cases := []struct {
		k       int
		n       int32
		exclude []Set
		want    []int32
	}{
		{0, 10, nil, nil},
		{-1, 10, nil, nil},
		{3, 0, nil, nil},
		{3, -4, nil, nil},
		{3, 10, nil, []int32{0, 1, 2}},
		{20, 4, nil, []int32{0, 1, 2, 3}},
		{3, 10, []Set{p("0-2,4")}, []int32{3, 5, 6}},
		{3, 10, []Set{p("0,2,4"), p("1,3,5")}, []int32{6, 7, 8}},
		{5, 10, []Set{p("0,2,4"), p("1,3,5"), p("6-8")}, []int32{9}},
		{5, 10, []Set{p("0-9")}, []int32{}},
		{2, 10, []Set{p("5-9"), p("0-4")}, []int32{}},
		{2, 10, []Set{p("1-3"), p("3-6"), p("0,7")}, []int32{8, 9}},
		{2, maxC, []Set{p("0-2147483644")}, []int32{2147483645, 2147483646}},
		{2, maxC, []Set{p("0-2147483646")}, []int32{}},
		{1, maxC, []Set{FromIntervals(Interval{0, maxC - 2})}, []int32{2147483646}},
		{3, maxC, []Set{p("0-1000000000"), p("1000000001-2147483645")}, []int32{2147483646}},
		{1, 5, []Set{{}, p("0")}, []int32{1}},
	}
	for _, tc := range cases {
		got := FirstMissing(tc.k, tc.n, tc.exclude...)
		if !slices.Equal(got, tc.want) || (tc.want == nil) != (got == nil) {
			t.Errorf("FirstMissing(%d, %d, %v) = %v, want %v", tc.k, tc.n, tc.exclude, got, tc.want)
		}
	}
	// More than eight sets use a heap-allocated cursor array.
	var many []Set
	for i := int32(0); i < 20; i++ {
		many = append(many, FromIndexes(2*i))
	}
	if got := FirstMissing(3, 100, many...); !slices.Equal(got, []int32{1, 3, 5}) {
		t.Errorf("FirstMissing with 20 sets = %v", got)
	}
}

func TestBuilder(t *testing.T) {
	var b Builder
	if !b.Set().IsEmpty() {
		t.Fatal("zero Builder is not empty")
	}
	b.Grow(10)
	b.Add(5, 3, -1, 4, 9, 3)
	b.Add(math.MaxInt32, 0)
	if b.Len() != 7 {
		t.Errorf("Len = %d", b.Len())
	}
	s := b.Set()
	checkCanonical(t, s)
	if s.String() != "0,3-5,9,2147483647" {
		t.Errorf("Set() = %q", s)
	}
	b.Add(6, 1)
	if got := b.Set().String(); got != "0,1,3-6,9,2147483647" {
		t.Errorf("Set() after more Adds = %q", got)
	}
	if s.String() != "0,3-5,9,2147483647" {
		t.Errorf("an earlier Set changed: %q", s)
	}
	b.Reset()
	b.Add(2)
	if got := b.Set().String(); got != "2" {
		t.Errorf("after Reset: %q", got)
	}
}

func TestNoAllocations(t *testing.T) {
	a := mustParse(t, "0-10,20,22,24-30,100", 1000)
	b := mustParse(t, "5-21,23-25,99-200", 1000)
	for _, tc := range []struct {
		name string
		fn   func()
		want float64
	}{
		{"CountIn", func() { _ = a.CountIn(b) }, 0},
		{"Has", func() { _ = a.Has(25) }, 0},
		{"Len", func() { _ = a.Len() }, 0},
		{"Equal", func() { _ = a.Equal(b) }, 0},
		{"ClipBelow prefix", func() { _ = a.ClipBelow(21) }, 0},
		{"FirstMissing (result only)", func() { _ = FirstMissing(3, 1000, a, b, a) }, 1},
	} {
		if got := testing.AllocsPerRun(50, tc.fn); got != tc.want {
			t.Errorf("%s allocates %v times, want %v", tc.name, got, tc.want)
		}
	}
}
