package defaults

// Name generation from metadata.generateName, as the API server's
// SimpleNameGenerator does it on create.

const (
	// NameSuffixAlphabet holds the characters of a generated name suffix:
	// lower-case consonants and the digits 2 and 4 to 9 (no vowels, no 0, 1
	// or 3, so that no word and no look-alike characters appear).
	NameSuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789"
	// NameSuffixLength is the length of a generated suffix.
	NameSuffixLength = 5
	// MaxGenerateNamePrefix is the longest generateName prefix kept: longer
	// prefixes are cut to this many bytes so that prefix and suffix fit the
	// 63-character name limit.
	MaxGenerateNamePrefix = 63 - NameSuffixLength
)

// Int63Source is the random source of a generated name: a value whose Int63
// returns a non-negative pseudo-random 63-bit integer, such as
// *math/rand.Rand or a math/rand.Source.
type Int63Source interface {
	Int63() int64
}

// maxNameDraws bounds the draws of one suffix; a source keeping its
// contract rarely needs a second one.
const maxNameDraws = 64

// zeroSource is the source used when a caller supplies none: every draw is
// 0, so the suffix is "bbbbb".
type zeroSource struct{}

func (zeroSource) Int63() int64 { return 0 }

// GenerateName returns the name the API server derives from generateName
// base with random source r (nil: every draw is 0, giving the suffix
// "bbbbb"). It is upstream's algorithm, so that the same sequence of draws
// gives the same name:
//
//  1. base is cut to its first MaxGenerateNamePrefix (58) bytes when longer
//     (a byte cut: it does not look at runes or at a trailing "-");
//  2. the suffix has NameSuffixLength (5) characters. Each Int63 draw is
//     read as 12 groups of 5 bits, lowest bits first; a group below 27
//     picks NameSuffixAlphabet[group], a group of 27 to 31 is skipped; a new
//     draw is taken when the 12 groups are used up;
//  3. the name is the cut base followed by the suffix.
//
// The API server draws from a process-wide generator seeded from the clock;
// a caller who wants determinism passes its own seeded source. A source
// that breaks the Int63 contract cannot stall it: after maxNameDraws draws
// the missing characters are "b".
func GenerateName(base string, r Int63Source) string {
	if r == nil {
		r = zeroSource{}
	}
	if len(base) > MaxGenerateNamePrefix {
		base = base[:MaxGenerateNamePrefix]
	}
	const bits, mask, perDraw = 5, 1<<5 - 1, 63 / 5
	suffix := make([]byte, 0, NameSuffixLength)
	draw, left, draws := r.Int63(), perDraw, 1
	for len(suffix) < NameSuffixLength {
		if left == 0 {
			if draws == maxNameDraws {
				suffix = append(suffix, NameSuffixAlphabet[0])
				continue
			}
			draw, left, draws = r.Int63(), perDraw, draws+1
		}
		if i := int(draw & mask); i < len(NameSuffixAlphabet) {
			suffix = append(suffix, NameSuffixAlphabet[i])
		}
		draw >>= bits
		left--
	}
	return base + string(suffix)
}
