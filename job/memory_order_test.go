package job

import (
	"slices"
	"testing"
	"unsafe"
)

// TestInAddressOrder checks that inAddressOrder returns a permutation of
// its input, ordered by address at the granularity it documents, and does
// not modify its input.
func TestInAddressOrder(t *testing.T) {
	for _, n := range []int{0, 1, addressOrderMinLen - 1, addressOrderMinLen, 5000} {
		in := benchInput(n, n%2 == 0).Pods
		orig := slices.Clone(in)
		out := inAddressOrder(in)
		if !slices.Equal(in, orig) {
			t.Fatalf("n=%d: input modified", n)
		}
		if len(out) != n {
			t.Fatalf("n=%d: %d pods out", n, len(out))
		}
		if n < addressOrderMinLen {
			if !slices.Equal(out, in) {
				t.Fatalf("n=%d: small input reordered", n)
			}
			continue
		}
		addr := func(p *Pod) uintptr { return uintptr(unsafe.Pointer(p)) }
		a, b := slices.Clone(out), slices.Clone(in)
		less := func(x, y *Pod) int { return int(addr(x)>>1) - int(addr(y)>>1) }
		slices.SortFunc(a, less)
		slices.SortFunc(b, less)
		if !slices.Equal(a, b) {
			t.Fatalf("n=%d: output is not a permutation of the input", n)
		}
		// Coarse order: the keys (address − lowest address) >> shift never
		// decrease, with shift the documented granularity (at least 8, keys
		// of at most 22 bits).
		lo, hi := addr(a[0]), addr(a[n-1])
		shift := uint(8)
		for (hi-lo)>>shift >= 1<<22 {
			shift++
		}
		for i := 1; i < n; i++ {
			if (addr(out[i])-lo)>>shift < (addr(out[i-1])-lo)>>shift {
				t.Fatalf("n=%d: pod %d at %#x after %#x", n, i, addr(out[i]), addr(out[i-1]))
			}
		}
	}
}

// BenchmarkInAddressOrder100000 times the address sort of Step's
// 100,000-pod benchmark input alone.
func BenchmarkInAddressOrder100000(b *testing.B) {
	pods := benchInput(100000, true).Pods
	b.ReportAllocs()
	for b.Loop() {
		inAddressOrder(pods)
	}
}
