package manifest_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job/manifest"
)

const mib = 1 << 20

// hostile builds inputs of about 1 MiB meant to blow up a naive decoder.
func hostileInputs() map[string]string {
	in := map[string]string{}

	// Billion laughs: each level aliases the previous one ten times.
	var b strings.Builder
	b.WriteString("a0: &a0 [" + strings.Repeat("lol,", 9) + "lol]\n")
	for i := 1; i < 30; i++ {
		p := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(p+",", 10), ","))
	}
	in["alias bomb"] = b.String()

	// Merge bomb: one wide mapping merged into many mappings.
	b.Reset()
	b.WriteString("base: &b {")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "k%d: 1,", i)
	}
	b.WriteString("}\nm:\n")
	for b.Len() < mib {
		fmt.Fprintf(&b, "- {<<: *b}\n")
	}
	in["merge bomb"] = b.String()

	// Long string aliased many times.
	in["aliased long string"] = "s: &s " + strings.Repeat("x", mib/2) + "\nl: [" + strings.Repeat("*s,", mib/8) + "*s]\n"

	in["deep flow nesting"] = strings.Repeat("[", mib/2) + strings.Repeat("]", mib/2)
	in["deep flow mappings"] = strings.Repeat("{a: ", mib/4)

	// Deep block nesting: as deep as 1 MiB of indentation allows.
	b.Reset()
	for d := 0; b.Len() < mib; d++ {
		b.WriteString(strings.Repeat(" ", d) + "a:\n")
	}
	in["deep block nesting"] = b.String()

	// Wide but legal: a huge unmodelled list inside the pod spec.
	in["wide unknown list"] = "spec:\n  template:\n    spec:\n      x: [" + strings.Repeat("1,", mib/2-40) + "1]\n"
	in["many keys"] = "metadata:\n  labels:\n" + func() string {
		var s strings.Builder
		for i := 0; s.Len() < mib; i++ {
			fmt.Fprintf(&s, "    k%d: v\n", i)
		}
		return s.String()
	}()
	in["long string"] = "metadata:\n  name: " + strings.Repeat("n", mib) + "\n"
	in["too large"] = strings.Repeat(" ", manifest.MaxInputBytes+1)
	return in
}

// TestHostileInputBounded decodes each hostile input and checks that it
// neither panics nor allocates more than 256 times its size (plus 16 MiB):
// alias and merge expansion is capped, nesting is capped by yaml.v3
// (10,000 levels). The factor is yaml.v3's: its yaml.Node tree alone takes
// about 120 bytes per input byte for a list of one-digit scalars.
func TestHostileInputBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes several MiB")
	}
	wantErr := map[string]string{
		"alias bomb":          "document too large after expanding aliases",
		"merge bomb":          "merge keys copy more than",
		"aliased long string": "document too large after expanding aliases",
		"deep flow nesting":   "exceeded max depth",
		"deep flow mappings":  "exceeded max depth",
		"too large":           "exceeds the limit",
	}
	for name, in := range hostileInputs() {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := manifest.DecodeJob([]byte(in))
			runtime.ReadMemStats(&after)
			if want, ok := wantErr[name]; ok && (err == nil || !strings.Contains(err.Error(), want)) {
				t.Errorf("error = %.200v, want one containing %q", err, want)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes in, %d MiB allocated, err=%.120v", len(in), alloc/mib, err)
			if limit := uint64(256*len(in)) + 16*mib; alloc > limit {
				t.Errorf("allocated %d MiB for %d bytes of input (limit %d MiB)", alloc/mib, len(in), limit/mib)
			}
		})
	}
}
