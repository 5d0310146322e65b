package manifest

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Member is one key/value pair of a YAML mapping node.
type Member struct {
	// Key is the key's text; KeyNode locates it.
	Key     string
	KeyNode *yaml.Node
	// Value is the value node as written (an alias is not resolved).
	Value *yaml.Node
}

// Members returns the pairs of the mapping node n in document order, for
// strict readers of YAML formats other than the Kubernetes objects
// DecodeNode reads. An alias, or a document node holding one node, is
// resolved first. Every error is an *Error:
//
//   - n not a mapping: at n, with path: "want a mapping, got a list";
//   - a key that is not a scalar: at the key, with path: "mapping keys
//     must be scalars";
//   - a key not in allowed (checked only when allowed is non-empty): at the
//     key, path joined with the key by ".": `unknown key "x" (want one of
//     a, b)`, allowed listed in sorted order;
//   - a key given twice: at its second use: `duplicate key "x"`.
func Members(n *yaml.Node, path string, allowed ...string) ([]Member, error) {
	n = resolveDocument(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, NodeError(n, path, "want a mapping, got %s", DescribeNode(n))
	}
	out := make([]Member, 0, len(n.Content)/2)
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			return nil, NodeError(k, path, "mapping keys must be scalars")
		}
		keyPath := k.Value
		if path != "" {
			keyPath = path + "." + k.Value
		}
		if len(allowed) > 0 && !slices.Contains(allowed, k.Value) {
			return nil, NodeError(k, keyPath, "unknown key %q (want one of %s)", k.Value, strings.Join(slices.Sorted(slices.Values(allowed)), ", "))
		}
		if seen[k.Value] {
			return nil, NodeError(k, keyPath, "duplicate key %q", k.Value)
		}
		seen[k.Value] = true
		out = append(out, Member{Key: k.Value, KeyNode: k, Value: n.Content[i+1]})
	}
	return out, nil
}

// DescribeNode names what n holds for an error message: "a mapping",
// "a list", "null", a scalar's text in Go quotes, or "nothing" (nil).
// Aliases and a document node holding one node are resolved.
func DescribeNode(n *yaml.Node) string {
	n = resolveDocument(n)
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null":
		return "null"
	case n.Kind == yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

// resolveDocument follows aliases and unwraps a document node holding
// one node.
func resolveDocument(n *yaml.Node) *yaml.Node {
	for n != nil {
		switch {
		case n.Kind == yaml.AliasNode && n.Alias != nil:
			n = n.Alias
		case n.Kind == yaml.DocumentNode && len(n.Content) == 1:
			n = n.Content[0]
		default:
			return n
		}
	}
	return nil
}
