package indexes

import (
	"strconv"
	"testing"
)

const benchN = 100_000

// Bench inputs: 100,000 indexes each.
var (
	// "0,2,4,...,199998": 100,000 intervals, canonical.
	benchAlternating = func() string {
		b := make([]byte, 0, 7*benchN)
		for i := 0; i < benchN; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(2*i), 10)
		}
		return string(b)
	}()
	// "0,1,2,...,99999": contiguous but not compressed (one interval).
	benchContiguousList = func() string {
		b := make([]byte, 0, 6*benchN)
		for i := 0; i < benchN; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(i), 10)
		}
		return string(b)
	}()
	// "0-99999": contiguous, canonical.
	benchContiguous = "0-99999"
)

const benchC = 2 * benchN

func BenchmarkParse(b *testing.B) {
	for _, in := range []struct{ name, s string }{
		{"alternating", benchAlternating},
		{"contiguous-list", benchContiguousList},
		{"contiguous", benchContiguous},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				if _, err := Parse(in.s, benchC); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseLenient(b *testing.B) {
	for _, in := range []struct{ name, s string }{
		{"alternating", benchAlternating},
		{"contiguous-list", benchContiguousList},
		{"contiguous", benchContiguous},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				_ = ParseLenient(in.s, benchC)
			}
		})
	}
}

func BenchmarkString(b *testing.B) {
	for _, in := range []struct{ name, s string }{
		{"alternating", benchAlternating},
		{"contiguous", benchContiguous},
	} {
		set := mustParse(b, in.s, benchC)
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = set.String()
			}
		})
	}
}

// BenchmarkParseAndFormat is the budget of DESIGN.md §7: parse and format
// a 100,000-index string in under 1 ms with a handful of allocations.
func BenchmarkParseAndFormat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s := ParseLenient(benchAlternating, benchC)
		if s.String() != benchAlternating {
			b.Fatal("round trip")
		}
	}
}

func BenchmarkUnion(b *testing.B) {
	evens := mustParse(b, benchAlternating, benchC)
	var bld Builder
	for i := int32(1); i < benchC; i += 2 {
		bld.Add(i)
	}
	odds := bld.Set()
	contiguous := mustParse(b, benchContiguous, benchC)
	for _, in := range []struct {
		name string
		a, o Set
	}{
		{"evens+odds", evens, odds},
		{"evens+evens", evens, evens},
		{"evens+contiguous", evens, contiguous},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = in.a.Union(in.o)
			}
		})
	}
}

func BenchmarkFirstMissing(b *testing.B) {
	evens := mustParse(b, benchAlternating, benchC)
	contiguous := mustParse(b, benchContiguous, benchC)
	huge := mustParse(b, "0-2147483640", maxC)
	for _, in := range []struct {
		name    string
		n       int32
		exclude []Set
	}{
		{"k500-alternating", benchC, []Set{evens}},
		{"k500-alternating-tail", benchC, []Set{evens, contiguous}},
		{"k500-huge", maxC, []Set{huge, evens}},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = FirstMissing(500, in.n, in.exclude...)
			}
		})
	}
}

// BenchmarkBuilder adds 100,000 pod indexes in a scrambled order.
func BenchmarkBuilder(b *testing.B) {
	idx := make([]int32, benchN)
	for i := range idx {
		idx[i] = int32((i * 7919) % benchN) // 7919 is prime: a permutation
	}
	for _, in := range []struct {
		name string
		idx  []int32
	}{
		{"scrambled", idx},
		{"ascending", func() []int32 {
			a := make([]int32, benchN)
			for i := range a {
				a[i] = int32(2 * i)
			}
			return a
		}()},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			var bld Builder
			for b.Loop() {
				bld.Reset()
				bld.Add(in.idx...)
				_ = bld.Set()
			}
		})
	}
}

// Codec cases of the side-by-side harness (issue 16): 100,000 single
// indexes and 1,000 intervals of 100, canonical, completions 200,000.
var codecInputs = []struct{ name, s string }{
	{"alternating100k", benchAlternating},
	{"intervals1000", func() string {
		b := make([]byte, 0, 12*1000)
		for i := 0; i < 1000; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(200*i), 10)
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(200*i+99), 10)
		}
		return string(b)
	}()},
}

func BenchmarkCodec(b *testing.B) {
	for _, in := range codecInputs {
		set := mustParse(b, in.s, benchC)
		if set.String() != in.s {
			b.Fatalf("%s: round trip differs", in.name)
		}
		b.Run("parse/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				if _, err := Parse(in.s, benchC); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("parse-lenient/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				_ = ParseLenient(in.s, benchC)
			}
		})
		b.Run("format/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = set.String()
			}
		})
	}
	// A sync's completedIndexes update: parse, add 1,000 new indexes,
	// format.
	b.Run("update/alternating100k+1000", func(b *testing.B) {
		added := make([]int32, 1000)
		for i := range added {
			added[i] = int32(2*i + 1)
		}
		b.ReportAllocs()
		var bld Builder
		for b.Loop() {
			prev := ParseLenient(benchAlternating, benchC)
			bld.Reset()
			bld.Add(added...)
			_ = prev.Union(bld.Set()).String()
		}
	})
}
