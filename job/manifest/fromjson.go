package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
)

// isJSONDocument reports whether data is one JSON object and nothing else
// (whitespace aside). Such input is decoded as JSON rather than YAML:
// every JSON text is meant to be YAML, but a few valid JSON strings are
// not (raw DEL, C1 controls, U+FFFE), and the JSON path keeps every
// number and string exactly as encoding/json reads them.
func isJSONDocument(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && t[0] == '{' && json.Valid(data)
}

// jsonParser builds a value tree from JSON, with line and column
// positions computed from byte offsets.
type jsonParser struct {
	data  []byte
	dec   *json.Decoder
	lines []int // offsets at which lines 2, 3, ... start
	// keepDuplicates keeps a repeated key as a member marked dup.
	keepDuplicates bool
}

func parseJSONDocument(data []byte) (*value, error) {
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data)), keepDuplicates: true}
	p.dec.UseNumber()
	for i, c := range data {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, p.errHere("trailing data after the JSON document")
	}
	return v, nil
}

// pos returns the 1-based line and column of the next token; the column
// counts bytes (counting runes would make long lines quadratic).
func (p *jsonParser) pos() (int32, int32) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	line := sort.SearchInts(p.lines, off+1) // lines starting at or before off
	start := 0
	if line > 0 {
		start = p.lines[line-1]
	}
	return int32(line + 1), int32(off - start + 1)
}

func (p *jsonParser) errHere(format string, args ...any) *Error {
	line, col := p.pos()
	return errAt(line, col, nil, format, args...)
}

func (p *jsonParser) value(depth int) (*value, error) {
	if depth > maxDepth {
		return nil, p.errHere("nesting deeper than %d levels", maxDepth)
	}
	line, col := p.pos()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, errAt(line, col, nil, "invalid JSON: %v", err)
	}
	v := &value{line: line, col: col, weight: 1}
	switch t := tok.(type) {
	case nil:
		v.kind = kindNull
	case bool:
		v.kind, v.text = kindBool, "false"
		if t {
			v.text = "true"
		}
	case json.Number:
		v.kind, v.text = kindInt, string(t)
		if strings.ContainsAny(v.text, ".eE") {
			v.kind = kindFloat
		}
	case string:
		v.kind, v.text = kindString, t
		v.weight += int64(len(t))
	case json.Delim:
		if t == '[' {
			v.kind = kindArray
			for p.dec.More() {
				it, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, it)
				v.weight += it.weight
			}
		} else {
			v.kind = kindObject
			seen := map[string]int32{}
			for p.dec.More() {
				kl, kc := p.pos()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, errAt(kl, kc, nil, "invalid JSON: %v", err)
				}
				k, _ := kt.(string)
				_, dup := seen[k]
				if dup && !p.keepDuplicates {
					return nil, errAt(kl, kc, nil, "duplicate key %q (first at line %d)", k, seen[k])
				}
				if !dup {
					seen[k] = kl
				}
				mv, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.members = append(v.members, member{key: k, line: kl, col: kc, val: mv, dup: dup})
				v.weight += mv.weight + int64(len(k))
			}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, p.errHere("invalid JSON: %v", err)
		}
	}
	return v, nil
}
