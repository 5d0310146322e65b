package resource

import "testing"

var benchTexts = []string{"100m", "1Gi", "1024Mi", "0.5", "2", "1.5Gi", "3e3", "12345678901234567890.5"}

func BenchmarkParseQuantity(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseQuantity(benchTexts[i%len(benchTexts)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuantityString(b *testing.B) {
	qs := make([]Quantity, len(benchTexts))
	for i, s := range benchTexts {
		qs[i] = MustParse(s)
		qs[i].s = "" // measure the formatting, not the kept text
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = qs[i%len(qs)].String()
	}
}
