package manifest

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// NodeToJSON converts a YAML node (a document, or any node inside one) to
// compact JSON, the way sigs.k8s.io/yaml does for kubectl, with these
// rules:
//
//   - Member order is the source order; a merge key ("<<") contributes the
//     merged members the mapping does not set itself, at its position.
//   - Aliases are expanded; anchors may be used any number of times, but the
//     expanded document is capped (16 Mi nodes and bytes) against alias
//     bombs. Alias cycles are an error.
//   - Duplicate keys in a mapping are an error; so are collection keys.
//     Scalar keys become their text ("1: x" → {"1":"x"}).
//   - Scalars resolve by the YAML 1.2 core schema of yaml.v3: null, ~ and the
//     empty value are null; true/false are booleans (yes/no/on/off are
//     strings); integers are written exactly in decimal (0x1F → 31, never
//     through float64); floats keep their text when it is a JSON number;
//     .inf and .nan are an error; timestamps, binary and custom-tagged
//     scalars become the string as written.
//
// A nil node or an empty document is "null". Errors are *Error values
// with the line of the offending node.
func NodeToJSON(n *yaml.Node) ([]byte, error) {
	v, err := resolveNode(n)
	if err != nil {
		return nil, err
	}
	return appendJSON(make([]byte, 0, 256), v), nil
}

// appendJSON appends the compact JSON encoding of v. Its size is bounded
// by v's weight (escapes at most 6 bytes per source byte).
func appendJSON(b []byte, v *value) []byte {
	switch v.kind {
	case kindNull:
		return append(b, "null"...)
	case kindBool, kindInt, kindFloat:
		return append(b, v.text...)
	case kindString:
		return appendString(b, v.text)
	case kindArray:
		b = append(b, '[')
		for i, it := range v.items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, it)
		}
		return append(b, ']')
	default:
		b = append(b, '{')
		for i, m := range v.members {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.key)
			b = append(b, ':')
			b = appendJSON(b, m.val)
		}
		return append(b, '}')
	}
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: quotes, backslashes, control
// characters, U+2028 and U+2029 escaped and invalid UTF-8 replaced by
// U+FFFD, all spelled as encoding/json spells them (so unmodelled members
// re-encode byte for byte); HTML characters are kept as they are.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
