package main

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// lineOf returns the YAML line of the field at path (a field.Path string
// such as "spec.template.spec.containers[0].name" or
// "metadata.labels[app]") inside the mapping node root, or of the deepest
// ancestor present when the field itself is absent (a Required value).
// It returns 0 when not even the first member exists.
func lineOf(root *yaml.Node, path string) int {
	n, line := root, 0
	for _, seg := range splitPath(path) {
		next := child(n, seg)
		if next == nil {
			return line
		}
		n, line = next, next.Line
	}
	return line
}

// segment is one step of a field path: a member name or key (index < 0), or
// a list index.
type segment struct {
	name  string
	index int
}

// splitPath splits "a.b[0].c[key/x]" into a, b, [0], c, [key/x]. Map keys
// may contain dots, so brackets are scanned before dots.
func splitPath(p string) []segment {
	var out []segment
	for len(p) > 0 {
		switch p[0] {
		case '.':
			p = p[1:]
		case '[':
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return out
			}
			inner := p[1:end]
			if i, err := strconv.Atoi(inner); err == nil {
				out = append(out, segment{index: i})
			} else {
				out = append(out, segment{name: inner, index: -1})
			}
			p = p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			out = append(out, segment{name: p[:end], index: -1})
			p = p[end:]
		}
	}
	return out
}

func child(n *yaml.Node, seg segment) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	if seg.index >= 0 {
		if n.Kind != yaml.SequenceNode || seg.index >= len(n.Content) {
			return nil
		}
		return n.Content[seg.index]
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == seg.name {
			return n.Content[i+1]
		}
	}
	return nil
}
