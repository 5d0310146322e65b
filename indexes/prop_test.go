package indexes

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

const modelSize = 70 // bitmaps cover [0, modelSize)

func genBitmap(t *rapid.T, label string) bitmap {
	n := rapid.IntRange(0, modelSize).Draw(t, label+".size")
	b := make(bitmap, modelSize)
	density := rapid.IntRange(0, 10).Draw(t, label+".density")
	for i := 0; i < n; i++ {
		b[i] = rapid.IntRange(0, 9).Draw(t, label+".bit") < density
	}
	return b
}

// genIndexText draws strings close to the format: digits, separators and a
// few characters Atoi must reject.
func genIndexText(t *rapid.T) string {
	piece := rapid.OneOf(
		rapid.StringMatching(`[0-9]{1,2}`),
		rapid.StringMatching(`[0-9]{1,2}-[0-9]{1,2}`),
		rapid.StringMatching(`[+0-9 x-]{0,5}`),
		rapid.SampledFrom([]string{"", "-1", "1-", "+5", "007", "1-2-3", "99999999999999999999", "2147483647"}),
	)
	pieces := rapid.SliceOfN(piece, 0, 8).Draw(t, "pieces")
	s := ""
	for i, p := range pieces {
		if i > 0 {
			s += ","
		}
		s += p
	}
	return s
}

func TestPropRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := genBitmap(t, "b")
		s := b.set()
		checkCanonical(t, s)
		text := s.String()
		if text != b.String() {
			t.Fatalf("String() = %q, model %q", text, b.String())
		}
		for _, c := range []int32{modelSize, modelSize + 1, 1 << 30} {
			p, err := Parse(text, c)
			if err != nil || !p.Equal(s) {
				t.Fatalf("Parse(%q, %d) = %q, %v", text, c, p, err)
			}
			if l := ParseLenient(text, c); !l.Equal(s) {
				t.Fatalf("ParseLenient(%q, %d) = %q", text, c, l)
			}
		}
		// Lowering completions clips, like an elastic scale-down.
		c := rapid.Int32Range(-1, modelSize).Draw(t, "c")
		want := make(bitmap, modelSize)
		for i := range want {
			want[i] = b[i] && int32(i) < c
		}
		if got := ParseLenient(text, c); got.String() != want.String() || !got.Equal(s.ClipBelow(c)) {
			t.Fatalf("ParseLenient(%q, %d) = %q, want %q", text, c, got, want)
		}
	})
}

func TestPropParsersMatchModels(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := genIndexText(t)
		c := rapid.Int32Range(-1, 120).Draw(t, "c")
		checkParsersAgainstModels(t, text, c)
	})
}

// checkParsersAgainstModels is shared by the rapid property and the fuzzers;
// it never expands intervals, so it is safe on huge ones.
func checkParsersAgainstModels(t tb, text string, c int32) {
	strict, err := Parse(text, c)
	rawStrict, wantMsg := refParse(text, c)
	switch {
	case wantMsg != "":
		if err == nil || err.Error() != wantMsg {
			t.Fatalf("Parse(%q, %d) error = %v, want %q", text, c, err, wantMsg)
		}
	case err != nil:
		t.Fatalf("Parse(%q, %d) error = %v, want none", text, c, err)
	default:
		checkCanonical(t, strict)
		if !slices.Equal(strict.iv, refUnion(rawStrict)) {
			t.Fatalf("Parse(%q, %d) = %v, want %v", text, c, strict.iv, refUnion(rawStrict))
		}
		var total int64
		for _, v := range rawStrict {
			total += int64(v.Last) - int64(v.First) + 1
		}
		if int64(strict.Len()) != total {
			t.Fatalf("Parse(%q, %d).Len() = %d, API server counts %d", text, c, strict.Len(), total)
		}
		if again, err := Parse(strict.String(), c); err != nil || !again.Equal(strict) {
			t.Fatalf("round trip of %q via %q: %v, %v", text, strict.String(), again.iv, err)
		}
	}

	lenient := ParseLenient(text, c)
	checkCanonical(t, lenient)
	if err == nil && !lenient.Equal(strict) {
		t.Fatalf("ParseLenient(%q, %d) = %q, Parse = %q", text, c, lenient, strict)
	}
	if want := refLenientSet(text, c); !slices.Equal(lenient.iv, want) {
		t.Fatalf("ParseLenient(%q, %d) = %v, want %v", text, c, lenient.iv, want)
	}
	// Where upstream's list is canonical and came from no reversed piece, the
	// results are identical, not just equal as sets.
	// Without reversed pieces upstream's list denotes the same set.
	if raw, reversed := refLenient(text, c); !reversed {
		if isCanonical(raw) && !slices.Equal(lenient.iv, raw) {
			t.Fatalf("ParseLenient(%q, %d) = %v, upstream's canonical list %v", text, c, lenient.iv, raw)
		}
		if !slices.Equal(lenient.iv, refFold(raw)) {
			t.Fatalf("ParseLenient(%q, %d) = %v, upstream's list %v", text, c, lenient.iv, raw)
		}
	}
	if n := lenient.NumIntervals(); n > 0 && lenient.iv[n-1].Last >= c {
		t.Fatalf("ParseLenient(%q, %d) = %q holds an index >= completions", text, c, lenient)
	}
}

func isCanonical(iv []Interval) bool {
	for k, v := range iv {
		if v.Last < v.First || (k > 0 && int64(iv[k-1].Last)+1 >= int64(v.First)) {
			return false
		}
	}
	return true
}

func TestPropOperationsMatchBitmap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := genBitmap(t, "a"), genBitmap(t, "b")
		sa, sb := a.set(), b.set()
		textA, textB := sa.String(), sb.String()

		union, diff, inter := make(bitmap, modelSize), make(bitmap, modelSize), make(bitmap, modelSize)
		for i := range a {
			union[i] = a[i] || b[i]
			diff[i] = a[i] && !b[i]
			inter[i] = a[i] && b[i]
		}
		for _, r := range []struct {
			name string
			got  Set
			want bitmap
		}{
			{"Union", sa.Union(sb), union},
			{"Difference", sa.Difference(sb), diff},
			{"Intersect", sa.Intersect(sb), inter},
		} {
			checkCanonical(t, r.got)
			if r.got.String() != r.want.String() || r.got.Len() != r.want.count() {
				t.Fatalf("%q %s %q = %q, want %q", textA, r.name, textB, r.got, r.want)
			}
		}
		if sa.CountIn(sb) != inter.count() {
			t.Fatalf("%q CountIn %q = %d, want %d", textA, textB, sa.CountIn(sb), inter.count())
		}
		if sa.Len() != a.count() || sa.Equal(sb) != (textA == textB) {
			t.Fatalf("Len/Equal mismatch for %q, %q", textA, textB)
		}
		for i := int32(-1); i <= modelSize; i++ {
			if sa.Has(i) != (i >= 0 && i < modelSize && a[i]) {
				t.Fatalf("%q.Has(%d) = %v", textA, i, sa.Has(i))
			}
		}
		if got := slices.Collect(sa.All()); len(got) != a.count() || !slices.IsSorted(got) {
			t.Fatalf("%q.All() = %v", textA, got)
		}

		// Add and Builder against the model.
		extra := rapid.SliceOfN(rapid.Int32Range(-3, modelSize-1), 0, 10).Draw(t, "extra")
		added := slices.Clone(a)
		for _, i := range extra {
			if i >= 0 {
				added[i] = true
			}
		}
		if got := sa.Add(extra...); got.String() != added.String() {
			t.Fatalf("%q.Add(%v) = %q, want %q", textA, extra, got, added)
		}
		var bld Builder
		for i := modelSize - 1; i >= 0; i-- { // descending, to force the sort
			if a[i] {
				bld.Add(int32(i))
			}
		}
		bld.Add(extra...)
		if got := bld.Set(); got.String() != added.String() {
			t.Fatalf("Builder = %q, want %q", got, added)
		}

		// ClipBelow.
		n := rapid.Int32Range(-2, modelSize+2).Draw(t, "n")
		clipped := make(bitmap, modelSize)
		for i := range a {
			clipped[i] = a[i] && int32(i) < n
		}
		if got := sa.ClipBelow(n); got.String() != clipped.String() {
			t.Fatalf("%q.ClipBelow(%d) = %q, want %q", textA, n, got, clipped)
		}

		// FirstMissing over up to three sets.
		c := genBitmap(t, "c")
		k := rapid.IntRange(-1, modelSize+2).Draw(t, "k")
		var want []int32
		for i := int32(0); i < n && i < modelSize && len(want) < k; i++ {
			if !a[i] && !b[i] && !c[i] {
				want = append(want, i)
			}
		}
		if n > modelSize { // indexes beyond the bitmaps are in no set
			for i := int32(modelSize); i < n && len(want) < k; i++ {
				want = append(want, i)
			}
		}
		if got := FirstMissing(k, n, sa, sb, c.set()); !slices.Equal(got, want) {
			t.Fatalf("FirstMissing(%d, %d, %q, %q, %q) = %v, want %v", k, n, textA, textB, c.set(), got, want)
		}

		// The API server's overlap walk agrees with Intersect on canonical input.
		idx, overlap := FirstOverlap(textA, textB, modelSize)
		if overlap != !sa.Intersect(sb).IsEmpty() || (overlap && idx != sa.Intersect(sb).iv[0].First) {
			t.Fatalf("FirstOverlap(%q, %q) = %d, %v; intersection %q", textA, textB, idx, overlap, sa.Intersect(sb))
		}
	})
}

// TestPropBuilder covers both of Builder's paths (dense bitmap and sort)
// and runs crossing 64-bit word boundaries.
func TestPropBuilder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		const size = 300
		idx := rapid.SliceOfN(rapid.OneOf(
			rapid.Int32Range(0, size-1),
			rapid.SampledFrom([]int32{0, 62, 63, 64, 65, 127, 128, 191, 192, size - 1}),
		), 0, 200).Draw(t, "idx")
		model := make(bitmap, size)
		for _, i := range idx {
			model[i] = true
		}
		var b Builder
		b.Add(idx...)
		got := b.Set()
		checkCanonical(t, got)
		if got.String() != model.String() {
			t.Fatalf("Builder(%v) = %q, want %q", idx, got, model)
		}
		if again := b.Set(); !again.Equal(got) {
			t.Fatalf("second Set() = %q, want %q", again, got)
		}
		// Ascending input takes the linear path, sparse input the sort.
		var sorted, sparse Builder
		sorted.Add(slices.Sorted(slices.Values(idx))...)
		for _, i := range idx {
			sparse.Add(i * 1000)
		}
		if s := sorted.Set(); !s.Equal(got) {
			t.Fatalf("sorted Builder = %q, want %q", s, got)
		}
		for i := int32(0); i < size; i++ {
			if sparse.Set().Has(i*1000) != model[i] || sparse.Set().Len() != got.Len() {
				t.Fatalf("sparse Builder = %q for %v", sparse.Set(), idx)
			}
		}
	})
}
