package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// EncodeJSON encodes v (a job.Job, job.Pod, ...) as JSON indented by two
// spaces, ending in a newline. Member order is the types' (modelled fields
// in declaration order, then unmodelled members by name).
func EncodeJSON(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// EncodeYAML encodes v as a YAML document: json.Marshal first (so the
// types' own encoders, omitempty and time formats apply), then an
// order-preserving conversion to YAML, indented by two spaces, with the
// members in the order of the JSON. Strings that a YAML 1.1 or 1.2 reader
// would take for another type ("true", "yes", "on", "1", "2026-01-01",
// "null", ...) are quoted, so kubectl and DecodeJob read back exactly the
// same document. Strings with newlines use the literal block style when it
// reads back exactly, else double quotes.
func EncodeYAML(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	n, err := jsonToNode(data)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// jsonToNode converts one JSON value to a yaml.Node, keeping member order.
func jsonToNode(data []byte) (*yaml.Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := tokenToNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("manifest: trailing data after JSON value")
	}
	return n, nil
}

func tokenToNode(dec *json.Decoder) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for dec.More() {
				c, err := tokenToNode(dec)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, c)
			}
			if len(n.Content) == 0 {
				n.Style = yaml.FlowStyle
			}
			_, err := dec.Token() // ]
			return n, err
		}
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			c, err := tokenToNode(dec)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, stringNode(k), c)
		}
		if len(n.Content) == 0 {
			n.Style = yaml.FlowStyle
		}
		_, err := dec.Token() // }
		return n, err
	case string:
		return stringNode(t), nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(t), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(t)}, nil
	case bool:
		if t {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}, nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"}, nil
	default: // nil
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
}

// stringNode is a string scalar; yaml.v3 quotes it when YAML 1.2 would read
// it as something else, and we also quote YAML 1.1 booleans (yes, on, y,
// ...) that yaml.v2-based readers such as kubectl would take for booleans,
// and "<<", which yaml.v3 writes plain although it then reads as a merge key.
func stringNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if isYAML11Bool(s) || s == "<<" || (strings.Contains(s, "\n") && !isLiteralSafe(s)) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// isLiteralSafe reports whether a multi-line string reads back exactly from
// the literal block style yaml.v3 picks for it. yaml.v3 mangles some
// (a lone "\n" comes back empty), so anything unusual is double-quoted:
// leading whitespace, trailing spaces on a line, more than one final
// newline, and any control character other than newline.
func isLiteralSafe(s string) bool {
	if s[0] == ' ' || s[0] == '\n' || strings.HasSuffix(s, "\n\n") || strings.Contains(s, " \n") || strings.HasSuffix(s, " ") {
		return false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return false
		}
	}
	return true
}
