package resource

import (
	"math"
	"strings"
	"testing"
	"unicode"
)

// Tables translated from apimachinery v0.37.2
// pkg/api/resource/quantity_test.go, named by upstream test; the
// helpers build the expected values in this package's two forms.

// decQuantity is i * 10^exp in format f (upstream's decQuantity and
// intQuantity).
func decQuantity(i int64, exp int, f Format) Quantity {
	return Quantity{n: i, scale: int32(exp), Format: f}
}

func intQuantity(i int64, exp Scale, f Format) Quantity { return decQuantity(i, int(exp), f) }

// asLong is q held in the long form (upstream's AsDec).
func asLong(q Quantity) Quantity { return Quantity{d: q.long(), Format: q.Format} }

// maxAllowed is 2^63-1, upstream's saturation value.
func maxAllowed(f Format) Quantity {
	return Quantity{d: &decimal{digits: maxInt64Digits}, Format: f}
}

// dstr is a decimal text such as "-12.5" in the long form.
func dstr(s string) *Quantity {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	return &Quantity{d: newDecimal(neg, whole+frac, -int64(len(frac))), Format: DecimalSI}
}

func i64(v int64) *int64 { return &v }

var parseTable = []struct {
	input  string
	expect Quantity
}{
	{"0", decQuantity(0, 0, DecimalSI)},
	{"0n", decQuantity(0, 0, DecimalSI)},
	{"0u", decQuantity(0, 0, DecimalSI)},
	{"0m", decQuantity(0, 0, DecimalSI)},
	{"0Ki", decQuantity(0, 0, BinarySI)},
	{"0k", decQuantity(0, 0, DecimalSI)},
	{"0Mi", decQuantity(0, 0, BinarySI)},
	{"0M", decQuantity(0, 0, DecimalSI)},
	{"0Gi", decQuantity(0, 0, BinarySI)},
	{"0G", decQuantity(0, 0, DecimalSI)},
	{"0Ti", decQuantity(0, 0, BinarySI)},
	{"0T", decQuantity(0, 0, DecimalSI)},

	// Quantity less numbers are allowed
	{"1", decQuantity(1, 0, DecimalSI)},

	// Binary suffixes
	{"1Ki", decQuantity(1024, 0, BinarySI)},
	{"8Ki", decQuantity(8*1024, 0, BinarySI)},
	{"7Mi", decQuantity(7*1024*1024, 0, BinarySI)},
	{"6Gi", decQuantity(6*1024*1024*1024, 0, BinarySI)},
	{"5Ti", decQuantity(5*1024*1024*1024*1024, 0, BinarySI)},
	{"4Pi", decQuantity(4*1024*1024*1024*1024*1024, 0, BinarySI)},
	{"3Ei", decQuantity(3*1024*1024*1024*1024*1024*1024, 0, BinarySI)},

	{"10Ti", decQuantity(10*1024*1024*1024*1024, 0, BinarySI)},
	{"100Ti", decQuantity(100*1024*1024*1024*1024, 0, BinarySI)},

	// Decimal suffixes
	{"5n", decQuantity(5, -9, DecimalSI)},
	{"4u", decQuantity(4, -6, DecimalSI)},
	{"3m", decQuantity(3, -3, DecimalSI)},
	{"9", decQuantity(9, 0, DecimalSI)},
	{"8k", decQuantity(8, 3, DecimalSI)},
	{"50k", decQuantity(5, 4, DecimalSI)},
	{"7M", decQuantity(7, 6, DecimalSI)},
	{"6G", decQuantity(6, 9, DecimalSI)},
	{"5T", decQuantity(5, 12, DecimalSI)},
	{"40T", decQuantity(4, 13, DecimalSI)},
	{"300T", decQuantity(3, 14, DecimalSI)},
	{"2P", decQuantity(2, 15, DecimalSI)},
	{"1E", decQuantity(1, 18, DecimalSI)},

	// Decimal exponents
	{"1E-3", decQuantity(1, -3, DecimalExponent)},
	{"1e3", decQuantity(1, 3, DecimalExponent)},
	{"1E6", decQuantity(1, 6, DecimalExponent)},
	{"1e9", decQuantity(1, 9, DecimalExponent)},
	{"1E12", decQuantity(1, 12, DecimalExponent)},
	{"1e15", decQuantity(1, 15, DecimalExponent)},
	{"1E18", decQuantity(1, 18, DecimalExponent)},

	// Nonstandard but still parsable
	{"1e14", decQuantity(1, 14, DecimalExponent)},
	{"1e13", decQuantity(1, 13, DecimalExponent)},
	{"1e3", decQuantity(1, 3, DecimalExponent)},
	{"100.035k", decQuantity(100035, 0, DecimalSI)},

	// Things that look like floating point
	{"0.001", decQuantity(1, -3, DecimalSI)},
	{"0.0005k", decQuantity(5, -1, DecimalSI)},
	{"0.005", decQuantity(5, -3, DecimalSI)},
	{"0.05", decQuantity(5, -2, DecimalSI)},
	{"0.5", decQuantity(5, -1, DecimalSI)},
	{"0.00050k", decQuantity(5, -1, DecimalSI)},
	{"0.00500", decQuantity(5, -3, DecimalSI)},
	{"0.05000", decQuantity(5, -2, DecimalSI)},
	{"0.50000", decQuantity(5, -1, DecimalSI)},
	{"0.5e0", decQuantity(5, -1, DecimalExponent)},
	{"0.5e-1", decQuantity(5, -2, DecimalExponent)},
	{"0.5e-2", decQuantity(5, -3, DecimalExponent)},
	{"0.5e0", decQuantity(5, -1, DecimalExponent)},
	{"10.035M", decQuantity(10035, 3, DecimalSI)},

	{"1.2e3", decQuantity(12, 2, DecimalExponent)},
	{"1.3E+6", decQuantity(13, 5, DecimalExponent)},
	{"1.40e9", decQuantity(14, 8, DecimalExponent)},
	{"1.53E12", decQuantity(153, 10, DecimalExponent)},
	{"1.6e15", decQuantity(16, 14, DecimalExponent)},
	{"1.7E18", decQuantity(17, 17, DecimalExponent)},

	{"9.01", decQuantity(901, -2, DecimalSI)},
	{"8.1k", decQuantity(81, 2, DecimalSI)},
	{"7.123456M", decQuantity(7123456, 0, DecimalSI)},
	{"6.987654321G", decQuantity(6987654321, 0, DecimalSI)},
	{"5.444T", decQuantity(5444, 9, DecimalSI)},
	{"40.1T", decQuantity(401, 11, DecimalSI)},
	{"300.2T", decQuantity(3002, 11, DecimalSI)},
	{"2.5P", decQuantity(25, 14, DecimalSI)},
	{"1.01E", decQuantity(101, 16, DecimalSI)},

	// Things that saturate/round
	{"3.001n", decQuantity(4, -9, DecimalSI)},
	{"1.1E-9", decQuantity(2, -9, DecimalExponent)},
	{"0.0000000001", decQuantity(1, -9, DecimalSI)},
	{"0.0000000005", decQuantity(1, -9, DecimalSI)},
	{"0.00000000050", decQuantity(1, -9, DecimalSI)},
	{"0.5e-9", decQuantity(1, -9, DecimalExponent)},
	{"0.9n", decQuantity(1, -9, DecimalSI)},
	{"0.00000012345", decQuantity(124, -9, DecimalSI)},
	{"0.00000012354", decQuantity(124, -9, DecimalSI)},
	{"9Ei", maxAllowed(BinarySI)},
	{"9223372036854775807Ki", maxAllowed(BinarySI)},
	{"12E", decQuantity(12, 18, DecimalSI)},

	// We'll accept fractional binary stuff, too.
	{"100.035Ki", decQuantity(10243584, -2, BinarySI)},
	{"0.5Mi", decQuantity(.5*1024*1024, 0, BinarySI)},
	{"0.05Gi", decQuantity(536870912, -1, BinarySI)},
	{"0.025Ti", decQuantity(274877906944, -1, BinarySI)},

	// Things written by trolls
	{"0.000000000001Ki", decQuantity(2, -9, DecimalSI)}, // rounds up, changes format
	{".001", decQuantity(1, -3, DecimalSI)},
	{".0001k", decQuantity(100, -3, DecimalSI)},
	{"1.", decQuantity(1, 0, DecimalSI)},
	{"1.G", decQuantity(1, 9, DecimalSI)},
}

func TestQuantityParse(t *testing.T) {
	if _, err := ParseQuantity(""); err == nil {
		t.Errorf("expected empty string to return error")
	}
	for _, item := range parseTable {
		t.Run(item.input, func(t *testing.T) {
			got, err := ParseQuantity(item.input)
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			for _, g := range []Quantity{got, asLong(got)} {
				if item.expect.Cmp(g) != 0 || g.Cmp(item.expect) != 0 {
					t.Errorf("expected %v, got %v", item.expect, g)
				}
				if item.expect.Format != g.Format {
					t.Errorf("format: expected %v, got %v", item.expect.Format, g.Format)
				}
			}
			if i, ok := item.expect.AsInt64(); ok {
				if j, ok := got.AsInt64(); ok && i != j {
					t.Errorf("AsInt64: expected %d, got %d", i, j)
				} else if !ok && got.d == nil && got.scale >= 0 {
					t.Errorf("small form but AsInt64 failed: %#v", got)
				}
			}
			// Decomposing and rebuilding the text gives the same value.
			p, err := split(item.input)
			if err != nil {
				t.Fatal(err)
			}
			if got.Sign() >= 0 != p.positive && got.Sign() != 0 {
				t.Errorf("positive was incorrect: %t", p.positive)
			}
			value := ""
			if !p.positive {
				value = "-"
			}
			value += p.whole
			if p.frac != "" {
				value += "." + p.frac
			}
			if rebuilt, err := ParseQuantity(value + p.suffix); err != nil || rebuilt.Cmp(got) != 0 {
				t.Errorf("rebuilt %q: %v, %v", value+p.suffix, rebuilt, err)
			}
			// The negative and the explicitly positive texts.
			neg, err := ParseQuantity("-" + strings.TrimLeftFunc(item.input, unicode.IsSpace))
			if err != nil {
				t.Fatalf("-: unexpected error: %v", err)
			}
			if want := negate(item.expect); want.Cmp(neg) != 0 || neg.Format != item.expect.Format {
				t.Errorf("-: expected %v (%v), got %v (%v)", want, want.Format, neg, neg.Format)
			}
			pos, err := ParseQuantity("+" + strings.TrimLeftFunc(item.input, unicode.IsSpace))
			if err != nil {
				t.Fatalf("+: unexpected error: %v", err)
			}
			if item.expect.Cmp(pos) != 0 || pos.Format != item.expect.Format {
				t.Errorf("+: expected %v, got %v", item.expect, pos)
			}
		})
	}
}

// negate returns -q (tests only).
func negate(q Quantity) Quantity {
	if q.d == nil {
		return Quantity{n: -q.n, scale: q.scale, Format: q.Format}
	}
	d := *q.d
	d.neg = !d.neg && d.digits != ""
	return Quantity{d: &d, Format: q.Format}
}

func TestQuantityParseInvalid(t *testing.T) {
	for _, item := range []string{
		"1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-",
		" 1", "1 ", // trailing whitespace is forbidden
	} {
		t.Run(item, func(t *testing.T) {
			if q, err := ParseQuantity(item); err == nil {
				t.Errorf("parsed unexpectedly as %v", q)
			}
		})
	}
}

func TestParseQuantityString(t *testing.T) {
	for _, test := range []struct {
		input              string
		positive           bool
		value              string
		num, denom, suffix string
	}{
		{"0.025Ti", true, "0.025", "0", "025", "Ti"},
		{"1.025Ti", true, "1.025", "1", "025", "Ti"},
		{"-1.025Ti", false, "-1.025", "1", "025", "Ti"},
		{".", true, ".", "0", "", ""},
		{"-.", false, "-.", "0", "", ""},
		{"1E-3", true, "1", "1", "", "E-3"},
	} {
		t.Run(test.input, func(t *testing.T) {
			p, err := split(test.input)
			if err != nil {
				t.Fatal(err)
			}
			if p.positive != test.positive || p.value != test.value || p.whole != test.num || p.frac != test.denom || p.suffix != test.suffix {
				t.Errorf("unmatched: %+v", p)
			}
		})
	}
}

func TestQuantityParseZero(t *testing.T) {
	zero := MustParse("0")
	if expected, actual := "0", zero.String(); expected != actual {
		t.Errorf("Expected %v, actual %v", expected, actual)
	}
}

func TestQuantityParseNonNumericPanic(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Errorf("MustParse did not panic")
		}
	}()
	_ = MustParse("Non-Numeric")
}

func TestQuantityCanonicalizeZero(t *testing.T) {
	// upstream: 1000m minus 1 leaves an int amount of 0 at milli scale.
	val := MustParse("1000m")
	if val.n != 1000 || val.scale != int32(Milli) {
		t.Fatalf("1000m held as %d * 10^%d", val.n, val.scale)
	}
	zero := Quantity{scale: val.scale, Format: DecimalSI}
	if expected, actual := "0", zero.String(); expected != actual {
		t.Errorf("Expected %v, actual %v", expected, actual)
	}
}

func TestQuantityCmp(t *testing.T) {
	for _, tc := range []struct {
		x, y   string
		expect int
	}{
		{"0", "0", 0},
		{"100m", "50m", 1},
		{"50m", "100m", -1},
		{"10000T", "100Gi", 1},
	} {
		t.Run(tc.x+" vs "+tc.y, func(t *testing.T) {
			if got := MustParse(tc.x).Cmp(MustParse(tc.y)); got != tc.expect {
				t.Errorf("got %d, want %d", got, tc.expect)
			}
		})
	}
	// upstream's nil / zero inf.Dec cases: the zero value and long zeros.
	zero, longZero := Quantity{}, Quantity{d: &decimal{}}
	ten, minusTen := asLong(decQuantity(10, 0, DecimalSI)), asLong(decQuantity(-10, 0, DecimalSI))
	for i, tc := range []struct {
		x, y   Quantity
		expect int
	}{
		{longZero, longZero, 0}, {zero, longZero, 0}, {longZero, zero, 0}, {zero, zero, 0},
		{zero, ten, -1}, {zero, minusTen, 1}, {ten, zero, 1}, {minusTen, zero, -1},
	} {
		if got := tc.x.Cmp(tc.y); got != tc.expect {
			t.Errorf("table2 #%d: got %d, want %d", i, got, tc.expect)
		}
	}
}

func TestQuantityRoundUp(t *testing.T) {
	for _, item := range []struct {
		in     string
		scale  Scale
		expect Quantity
		ok     bool
	}{
		{"9.01", -3, decQuantity(901, -2, DecimalSI), true},
		{"9.01", -2, decQuantity(901, -2, DecimalSI), true},
		{"9.01", -1, decQuantity(91, -1, DecimalSI), false},
		{"9.01", 0, decQuantity(10, 0, DecimalSI), false},
		{"9.01", 1, decQuantity(10, 0, DecimalSI), false},
		{"9.01", 2, decQuantity(100, 0, DecimalSI), false},

		{"-9.01", -3, decQuantity(-901, -2, DecimalSI), true},
		{"-9.01", -2, decQuantity(-901, -2, DecimalSI), true},
		{"-9.01", -1, decQuantity(-91, -1, DecimalSI), false},
		{"-9.01", 0, decQuantity(-10, 0, DecimalSI), false},
		{"-9.01", 1, decQuantity(-10, 0, DecimalSI), false},
		{"-9.01", 2, decQuantity(-100, 0, DecimalSI), false},
	} {
		for _, long := range []bool{false, true} {
			got := MustParse(item.in)
			if long {
				got = asLong(got)
			}
			r, ok := got.RoundUp(item.scale)
			if ok != item.ok {
				t.Errorf("%s(%d,%t): unexpected ok: %t", item.in, item.scale, long, ok)
			}
			if r.Cmp(item.expect) != 0 {
				t.Errorf("%s(%d,%t): unexpected round: %s vs %s", item.in, item.scale, long, r, item.expect)
			}
			if got.Cmp(MustParse(item.in)) != 0 {
				t.Errorf("%s: RoundUp changed its receiver", item.in)
			}
		}
	}
}

func TestQuantityCmpInt64AndDec(t *testing.T) {
	const mostPositive, mostNegative = math.MaxInt64, math.MinInt64
	table := []struct {
		a, b Quantity
		cmp  int
	}{
		{intQuantity(901, -2, DecimalSI), intQuantity(901, -2, DecimalSI), 0},
		{intQuantity(90, -1, DecimalSI), intQuantity(901, -2, DecimalSI), -1},
		{intQuantity(901, -2, DecimalSI), intQuantity(900, -2, DecimalSI), 1},
		{intQuantity(0, 0, DecimalSI), intQuantity(0, 0, DecimalSI), 0},
		{intQuantity(0, 1, DecimalSI), intQuantity(0, -1, DecimalSI), 0},
		{intQuantity(0, -1, DecimalSI), intQuantity(0, 1, DecimalSI), 0},
		{intQuantity(800, -3, DecimalSI), intQuantity(1, 0, DecimalSI), -1},
		{intQuantity(800, -3, DecimalSI), intQuantity(79, -2, DecimalSI), 1},

		{intQuantity(mostPositive, 0, DecimalSI), intQuantity(1, -1, DecimalSI), 1},
		{intQuantity(mostPositive, 1, DecimalSI), intQuantity(1, 0, DecimalSI), 1},
		{intQuantity(mostPositive, 1, DecimalSI), intQuantity(1, 1, DecimalSI), 1},
		{intQuantity(mostPositive, 1, DecimalSI), intQuantity(0, 1, DecimalSI), 1},
		{intQuantity(mostPositive, -16, DecimalSI), intQuantity(1, 3, DecimalSI), -1},

		{intQuantity(mostNegative, 0, DecimalSI), intQuantity(0, 0, DecimalSI), -1},
		{intQuantity(mostNegative, -18, DecimalSI), intQuantity(-1, 0, DecimalSI), -1},
		{intQuantity(mostNegative, -19, DecimalSI), intQuantity(-1, 0, DecimalSI), 1},

		{intQuantity(1*1000000*1000000*1000000, -17, DecimalSI), intQuantity(1, 1, DecimalSI), 0},
		{intQuantity(1*1000000*1000000*1000000, -17, DecimalSI), intQuantity(-10, 0, DecimalSI), 1},
		{intQuantity(-1*1000000*1000000*1000000, -17, DecimalSI), intQuantity(-10, 0, DecimalSI), 0},
		{intQuantity(1*1000000*1000000*1000000, -17, DecimalSI), intQuantity(1, 0, DecimalSI), 1},

		{intQuantity(1*1000000*1000000*1000000+1, -17, DecimalSI), intQuantity(1, 1, DecimalSI), 1},
		{intQuantity(1*1000000*1000000*1000000-1, -17, DecimalSI), intQuantity(1, 1, DecimalSI), -1},
	}
	forms := []struct {
		name string
		a, b func(Quantity) Quantity
	}{
		{"int-int", id, id}, {"dec-int", asLong, id}, {"int-dec", id, asLong}, {"dec-dec", asLong, asLong},
	}
	for i, item := range table {
		for _, f := range forms {
			a, b := f.a(item.a), f.b(item.b)
			if cmp := a.Cmp(b); cmp != item.cmp {
				t.Errorf("#%d %s: %v vs %v: unexpected Cmp: %d", i, f.name, a, b, cmp)
			}
			if cmp := b.Cmp(a); cmp != -item.cmp {
				t.Errorf("#%d %s: %v vs %v: unexpected inverted Cmp: %d", i, f.name, b, a, cmp)
			}
		}
	}
}

func id(q Quantity) Quantity { return q }

func TestQuantityNeg(t *testing.T) {
	for i, item := range []struct {
		a   Quantity
		out string
	}{
		{intQuantity(901, -2, DecimalSI), "-9010m"},
		{asLong(decQuantity(901, -2, DecimalSI)), "-9010m"},
	} {
		if out := negate(item.a).String(); out != item.out {
			t.Errorf("%d: negating did not equal exact value: %s", i, out)
		}
	}
}

var stringTable = []struct {
	in        Quantity
	expect    string
	alternate string
}{
	{decQuantity(1024*1024*1024, 0, BinarySI), "1Gi", "1024Mi"},
	{decQuantity(300*1024*1024, 0, BinarySI), "300Mi", "307200Ki"},
	{decQuantity(6*1024, 0, BinarySI), "6Ki", ""},
	{decQuantity(1001*1024*1024*1024, 0, BinarySI), "1001Gi", "1025024Mi"},
	{decQuantity(1024*1024*1024*1024, 0, BinarySI), "1Ti", "1024Gi"},
	{decQuantity(5, 0, BinarySI), "5", "5000m"},
	{decQuantity(500, -3, BinarySI), "500m", "0.5"},
	{decQuantity(1, 9, DecimalSI), "1G", "1000M"},
	{decQuantity(1000, 6, DecimalSI), "1G", "0.001T"},
	{decQuantity(1000000, 3, DecimalSI), "1G", ""},
	{decQuantity(1000000000, 0, DecimalSI), "1G", ""},
	{decQuantity(1, -3, DecimalSI), "1m", "1000u"},
	{decQuantity(80, -3, DecimalSI), "80m", ""},
	{decQuantity(1080, -3, DecimalSI), "1080m", "1.08"},
	{decQuantity(108, -2, DecimalSI), "1080m", "1080000000n"},
	{decQuantity(10800, -4, DecimalSI), "1080m", ""},
	{decQuantity(300, 6, DecimalSI), "300M", ""},
	{decQuantity(1, 12, DecimalSI), "1T", ""},
	{decQuantity(1234567, 6, DecimalSI), "1234567M", ""},
	{decQuantity(1234567, -3, BinarySI), "1234567m", ""},
	{decQuantity(3, 3, DecimalSI), "3k", ""},
	{decQuantity(1025, 0, BinarySI), "1025", ""},
	{decQuantity(0, 0, DecimalSI), "0", ""},
	{decQuantity(0, 0, BinarySI), "0", ""},
	{decQuantity(1, 9, DecimalExponent), "1e9", ".001e12"},
	{decQuantity(1, -3, DecimalExponent), "1e-3", "0.001e0"},
	{decQuantity(1, -9, DecimalExponent), "1e-9", "1000e-12"},
	{decQuantity(80, -3, DecimalExponent), "80e-3", ""},
	{decQuantity(300, 6, DecimalExponent), "300e6", ""},
	{decQuantity(1, 12, DecimalExponent), "1e12", ""},
	{decQuantity(1, 3, DecimalExponent), "1e3", ""},
	{decQuantity(3, 3, DecimalExponent), "3e3", ""},
	{decQuantity(3, 3, DecimalSI), "3k", ""},
	{decQuantity(0, 0, DecimalExponent), "0", "00"},
	{decQuantity(1, -9, DecimalSI), "1n", ""},
	{decQuantity(80, -9, DecimalSI), "80n", ""},
	{decQuantity(1080, -9, DecimalSI), "1080n", ""},
	{decQuantity(108, -8, DecimalSI), "1080n", ""},
	{decQuantity(10800, -10, DecimalSI), "1080n", ""},
	{decQuantity(1, -6, DecimalSI), "1u", ""},
	{decQuantity(80, -6, DecimalSI), "80u", ""},
	{decQuantity(1080, -6, DecimalSI), "1080u", ""},
}

func TestQuantityString(t *testing.T) {
	for _, item := range stringTable {
		t.Run(item.expect, func(t *testing.T) {
			for _, in := range []Quantity{item.in, asLong(item.in)} {
				if got := in.String(); got != item.expect {
					t.Errorf("%#v: expected %v, got %v", in, item.expect, got)
				}
				if in.IsZero() {
					continue // never "-0"
				}
				if got := negate(in).String(); got != "-"+item.expect {
					t.Errorf("negated %#v: expected -%v, got %v", in, item.expect, got)
				}
			}
			q, err := ParseQuantity(item.expect)
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if q.s != item.expect {
				t.Errorf("did not keep the canonical text on parse: %q", q.s)
			}
			if item.alternate == "" {
				return
			}
			q, err = ParseQuantity(item.alternate)
			if err != nil {
				t.Fatalf("alternate: unexpected error: %v", err)
			}
			if q.s != "" {
				t.Errorf("alternate %q kept as text %q", item.alternate, q.s)
			}
			if q.String() != item.expect {
				t.Errorf("alternate %q: unexpected canonical: %v", item.alternate, q.String())
			}
		})
	}
}

func TestQuantityParseEmit(t *testing.T) {
	for _, item := range []struct{ in, expect string }{
		{"1Ki", "1Ki"},
		{"1Mi", "1Mi"},
		{"1Gi", "1Gi"},
		{"1024Mi", "1Gi"},
		{"1000M", "1G"},
		{".001Ki", "1024m"},
		{".000001Ki", "1024u"},
		{".000000001Ki", "1024n"},
		{".000000000001Ki", "2n"},
	} {
		t.Run(item.in, func(t *testing.T) {
			if got := MustParse(item.in).String(); got != item.expect {
				t.Errorf("expected %v, got %v", item.expect, got)
			}
			if got := MustParse("-" + item.in).String(); got != "-"+item.expect {
				t.Errorf("negative: expected -%v, got %v", item.expect, got)
			}
		})
	}
}

func TestParseQuantity(t *testing.T) {
	for _, tt := range []struct {
		input       string
		wantAsInt64 *int64
		wantAsDec   *Quantity
		canonical   string
	}{
		// min/max 18 digits
		{input: "-999999999999999999", wantAsInt64: i64(-999999999999999999), wantAsDec: dstr("-999999999999999999")},
		{input: "999999999999999999", wantAsInt64: i64(999999999999999999), wantAsDec: dstr("999999999999999999")},
		// .0
		{input: "-999999999999999999.0", wantAsInt64: nil, wantAsDec: dstr("-999999999999999999"), canonical: "-999999999999999999"},
		{input: "999999999999999999.0", wantAsInt64: nil, wantAsDec: dstr("999999999999999999"), canonical: "999999999999999999"},
		// .1
		{input: "-999999999999999999.1", wantAsInt64: nil, wantAsDec: dstr("-999999999999999999.1"), canonical: "-999999999999999999100m"},
		{input: "999999999999999999.1", wantAsInt64: nil, wantAsDec: dstr("999999999999999999.1"), canonical: "999999999999999999100m"},

		// min/max 19 digits
		{input: "-9999999999999999999", wantAsInt64: nil, wantAsDec: dstr("-9999999999999999999")},
		{input: "9999999999999999999", wantAsInt64: nil, wantAsDec: dstr("9999999999999999999")},
		{input: "-1E", wantAsInt64: i64(-1000000000000000000), wantAsDec: dstr("-1000000000000000000")},
		{input: "1E", wantAsInt64: i64(1000000000000000000), wantAsDec: dstr("1000000000000000000")},
		{input: "-1000000000000000000", wantAsInt64: nil, wantAsDec: dstr("-1000000000000000000"), canonical: "-1E"}, // should be wantAsInt64: <value>
		{input: "1000000000000000000", wantAsInt64: nil, wantAsDec: dstr("1000000000000000000"), canonical: "1E"},    // should be wantAsInt64: <value>
		// .0
		{input: "-9999999999999999999.0", wantAsInt64: nil, wantAsDec: dstr("-9999999999999999999"), canonical: "-9999999999999999999"},
		{input: "9999999999999999999.0", wantAsInt64: nil, wantAsDec: dstr("9999999999999999999"), canonical: "9999999999999999999"},
		{input: "-1.0E", wantAsInt64: i64(-1000000000000000000), wantAsDec: dstr("-1000000000000000000"), canonical: "-1E"},
		{input: "1.0E", wantAsInt64: i64(1000000000000000000), wantAsDec: dstr("1000000000000000000"), canonical: "1E"},
		{input: "-1000000000000000000.0", wantAsInt64: nil, wantAsDec: dstr("-1000000000000000000"), canonical: "-1E"}, // should be wantAsInt64: <value>
		{input: "1000000000000000000.0", wantAsInt64: nil, wantAsDec: dstr("1000000000000000000"), canonical: "1E"},    // should be wantAsInt64: <value>
		// 000m
		{input: "-9999999999999999999000m", wantAsInt64: nil, wantAsDec: dstr("-9999999999999999999"), canonical: "-9999999999999999999"},
		{input: "9999999999999999999000m", wantAsInt64: nil, wantAsDec: dstr("9999999999999999999"), canonical: "9999999999999999999"},
		// .1
		{input: "-9999999999999999999.1", wantAsInt64: nil, wantAsDec: dstr("-9999999999999999999.1"), canonical: "-9999999999999999999100m"},
		{input: "9999999999999999999.1", wantAsInt64: nil, wantAsDec: dstr("9999999999999999999.1"), canonical: "9999999999999999999100m"},
		{input: "-1.0000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("-1000000000000000000.1"), canonical: "-1000000000000000000100m"},
		{input: "1.0000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("1000000000000000000.1"), canonical: "1000000000000000000100m"},
		{input: "-1000000000000000000.1", wantAsInt64: nil, wantAsDec: dstr("-1000000000000000000.1"), canonical: "-1000000000000000000100m"},
		{input: "1000000000000000000.1", wantAsInt64: nil, wantAsDec: dstr("1000000000000000000.1"), canonical: "1000000000000000000100m"},
		// +1
		{input: "-1.000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("-1000000000000000001"), canonical: "-1000000000000000001"}, // should be wantAsInt64: <value>
		{input: "1.000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("1000000000000000001"), canonical: "1000000000000000001"},    // should be wantAsInt64: <value>
		{input: "-1000000000000000001", wantAsInt64: nil, wantAsDec: dstr("-1000000000000000001")},                                      // should be wantAsInt64: <value>
		{input: "1000000000000000001", wantAsInt64: nil, wantAsDec: dstr("1000000000000000001")},                                        // should be wantAsInt64: <value>

		// min/max 20 digits
		{input: "-10E", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000")},
		{input: "10E", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000")},
		{input: "-10000000000000000000", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000"), canonical: "-10E"},
		{input: "10000000000000000000", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000"), canonical: "10E"},
		// .0
		{input: "-10.0E", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000"), canonical: "-10E"},
		{input: "10.0E", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000"), canonical: "10E"},
		{input: "-10000000000000000000.0", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000"), canonical: "-10E"},
		{input: "10000000000000000000.0", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000"), canonical: "10E"},
		// 000m
		{input: "-10000000000000000000000m", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000"), canonical: "-10E"},
		{input: "10000000000000000000000m", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000"), canonical: "10E"},
		// .1
		{input: "-10.0000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000.1"), canonical: "-10000000000000000000100m"},
		{input: "10.0000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000.1"), canonical: "10000000000000000000100m"},
		{input: "-10000000000000000000.1", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000000.1"), canonical: "-10000000000000000000100m"},
		{input: "10000000000000000000.1", wantAsInt64: nil, wantAsDec: dstr("10000000000000000000.1"), canonical: "10000000000000000000100m"},
		// +1
		{input: "-10.000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000001"), canonical: "-10000000000000000001"},
		{input: "10.000000000000000001E", wantAsInt64: nil, wantAsDec: dstr("10000000000000000001"), canonical: "10000000000000000001"},
		{input: "-10000000000000000001", wantAsInt64: nil, wantAsDec: dstr("-10000000000000000001")},
		{input: "10000000000000000001", wantAsInt64: nil, wantAsDec: dstr("10000000000000000001")},

		// min/max int64 - 1
		{input: "-9223372036854775809", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775809")},
		{input: "9223372036854775806", wantAsInt64: nil, wantAsDec: dstr("9223372036854775806")}, // should be wantAsInt64: <value>
		// .0
		{input: "-9223372036854775809.0", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775809"), canonical: "-9223372036854775809"},
		{input: "9223372036854775806.0", wantAsInt64: nil, wantAsDec: dstr("9223372036854775806"), canonical: "9223372036854775806"}, // should be wantAsInt64: <value>
		// 000m
		{input: "-9223372036854775809000m", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775809"), canonical: "-9223372036854775809"},
		{input: "9223372036854775806000m", wantAsInt64: nil, wantAsDec: dstr("9223372036854775806"), canonical: "9223372036854775806"}, // should be wantAsInt64: <value>
		// .1
		{input: "-9223372036854775809.1", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775809.1"), canonical: "-9223372036854775809100m"},
		{input: "9223372036854775806.1", wantAsInt64: nil, wantAsDec: dstr("9223372036854775806.1"), canonical: "9223372036854775806100m"},

		// min/max int64
		{input: "-9223372036854775808", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775808")}, // should be wantAsInt64: <value>
		{input: "9223372036854775807", wantAsInt64: nil, wantAsDec: dstr("9223372036854775807")},   // should be wantAsInt64: <value>
		// .0
		{input: "-9223372036854775808.0", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775808"), canonical: "-9223372036854775808"}, // should be wantAsInt64: <value>
		{input: "9223372036854775807.0", wantAsInt64: nil, wantAsDec: dstr("9223372036854775807"), canonical: "9223372036854775807"},    // should be wantAsInt64: <value>
		// 000m
		{input: "-9223372036854775808000m", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775808"), canonical: "-9223372036854775808"}, // should be wantAsInt64: <value>
		{input: "9223372036854775807000m", wantAsInt64: nil, wantAsDec: dstr("9223372036854775807"), canonical: "9223372036854775807"},    // should be wantAsInt64: <value>
		// .1
		{input: "-9223372036854775808.1", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775808.1"), canonical: "-9223372036854775808100m"},
		{input: "9223372036854775807.1", wantAsInt64: nil, wantAsDec: dstr("9223372036854775807.1"), canonical: "9223372036854775807100m"},

		// min/max int64 + 1
		{input: "-9223372036854775807", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775807")}, // should be wantAsInt64: <value>
		{input: "9223372036854775808", wantAsInt64: nil, wantAsDec: dstr("9223372036854775808")},
		// .0
		{input: "-9223372036854775807.0", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775807"), canonical: "-9223372036854775807"}, // should be wantAsInt64: <value>
		{input: "9223372036854775808.0", wantAsInt64: nil, wantAsDec: dstr("9223372036854775808"), canonical: "9223372036854775808"},
		// 000m
		{input: "-9223372036854775807000m", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775807"), canonical: "-9223372036854775807"}, // should be wantAsInt64: <value>
		{input: "9223372036854775808000m", wantAsInt64: nil, wantAsDec: dstr("9223372036854775808"), canonical: "9223372036854775808"},
		// .1
		{input: "-9223372036854775807.1", wantAsInt64: nil, wantAsDec: dstr("-9223372036854775807.1"), canonical: "-9223372036854775807100m"},
		{input: "9223372036854775808.1", wantAsInt64: nil, wantAsDec: dstr("9223372036854775808.1"), canonical: "9223372036854775808100m"},
	} {
		t.Run(tt.input, func(t *testing.T) {
			q, err := ParseQuantity(tt.input)
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			val, ok := q.AsInt64()
			if tt.wantAsInt64 != nil && (!ok || val != *tt.wantAsInt64) {
				t.Errorf("AsInt64() = %d, %t, want %d", val, ok, *tt.wantAsInt64)
			}
			if tt.wantAsInt64 == nil && ok {
				t.Errorf("AsInt64() = %d, true, want false", val)
			}
			if tt.wantAsDec != nil && q.Cmp(*tt.wantAsDec) != 0 {
				t.Errorf("value %v, want %v", q, *tt.wantAsDec)
			}
			want := tt.input
			if tt.canonical != "" {
				if tt.canonical == tt.input {
					t.Errorf("unnecessary identical explicit canonical value in testcase")
				}
				want = tt.canonical
			}
			if got := q.String(); got != want {
				t.Errorf("reserialized to %q, want %q", got, want)
			}
		})
	}
}
