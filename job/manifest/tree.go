package manifest

import (
	"strconv"

	"gopkg.in/yaml.v3"
)

// kind is the JSON kind of a resolved value.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindInt    // text is a canonical JSON integer (exact, any size yaml.v3 accepts)
	kindFloat  // text is a JSON number
	kindString // text is the string
	kindObject
	kindArray
)

// String names the kind as error messages do ("null", "a string", "a mapping", ...).
func (k kind) String() string {
	switch k {
	case kindNull:
		return "null"
	case kindBool:
		return "a boolean"
	case kindInt:
		return "an integer"
	case kindFloat:
		return "a number"
	case kindString:
		return "a string"
	case kindObject:
		return "a mapping"
	default:
		return "a sequence"
	}
}

// value is a YAML node resolved to the JSON data model: aliases expanded
// (by sharing), merge keys applied, tags resolved to JSON kinds, positions
// kept for error messages. Values reached through aliases are shared, so the
// tree is a DAG; weight bounds its expanded size.
type value struct {
	kind      kind
	text      string // scalars: JSON number text, "true"/"false", or the string
	plain     bool   // a plain (unquoted) scalar in the source
	line, col int32
	members   []member // kindObject, in source order (merged members at the "<<")
	items     []*value // kindArray
	weight    int64    // expanded size: 1 per node plus scalar and key bytes
}

type member struct {
	key       string
	line, col int32 // position of the key
	val       *value
	dup       bool // an earlier member of the object has the same key
}

// lookup returns the member named key, or nil.
func (v *value) lookup(key string) *member {
	for i := range v.members {
		if v.members[i].key == key {
			return &v.members[i]
		}
	}
	return nil
}

// Limits on resolving untrusted YAML. yaml.v3 itself caps nesting at 10,000
// levels; these bound what aliases and merge keys can multiply.
const (
	// maxExpandedWeight caps the expanded size of a document (one per node
	// plus the bytes of every scalar and key, counting each alias use in
	// full): 16 Mi, several times what the largest input (MaxInputBytes)
	// weighs without aliases; far more than any real manifest needs, far
	// less than an alias bomb produces.
	maxExpandedWeight = 16 << 20
	// maxMergedMembers caps the members that merge keys copy into
	// mappings, over a whole document: each copy costs memory, unlike an
	// alias use, which is shared. Real manifests merge a few dozen.
	maxMergedMembers = 1 << 18
	// maxDepth caps nesting, as encoding/json does.
	maxDepth = 10000
)

// resolver turns a yaml.Node tree into a value DAG.
type resolver struct {
	// keepDuplicates keeps a repeated key as a member marked dup (for
	// decoding, which reports it by the field validation level) instead of
	// failing.
	keepDuplicates bool
	memo           map[*yaml.Node]*value // anchored nodes already resolved
	work           int64                 // nodes and members produced so far (merge copies included)
	copies         int64                 // members copied by merge keys so far
	stack          map[*yaml.Node]bool   // anchored nodes being resolved (alias cycles)
}

func resolveNode(n *yaml.Node) (*value, error) {
	r := &resolver{}
	return r.resolve(n, 0)
}

// resolveForDecoding is resolveNode keeping duplicate keys (marked dup).
func resolveForDecoding(n *yaml.Node) (*value, error) {
	r := &resolver{keepDuplicates: true}
	return r.resolve(n, 0)
}

func (r *resolver) spend(n int64, line, col int) error {
	r.work += n
	if r.work > maxExpandedWeight {
		return errAt(line, col, nil, "document too large after expanding aliases and merge keys (limit %d)", maxExpandedWeight)
	}
	return nil
}

func (r *resolver) resolve(n *yaml.Node, depth int) (*value, error) {
	if n == nil || n.Kind == 0 {
		return &value{kind: kindNull, weight: 1}, nil
	}
	if depth > maxDepth {
		return nil, errAt(n.Line, n.Column, nil, "nesting deeper than %d levels", maxDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &value{kind: kindNull, line: int32(n.Line), col: int32(n.Column), weight: 1}, nil
		}
		return r.resolve(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, errAt(n.Line, n.Column, nil, "unknown anchor %q", n.Value)
		}
		v, err := r.resolveAnchored(n.Alias, depth)
		if err != nil {
			return nil, err
		}
		if v.kind != kindObject && v.kind != kindArray {
			c := *v // scalars report the line of the alias use
			c.line, c.col = int32(n.Line), int32(n.Column)
			v = &c
		}
		return v, nil
	}
	if n.Anchor != "" {
		return r.resolveAnchored(n, depth)
	}
	return r.resolveFresh(n, depth)
}

// resolveAnchored resolves a node that aliases may refer to, once.
func (r *resolver) resolveAnchored(n *yaml.Node, depth int) (*value, error) {
	if v, ok := r.memo[n]; ok {
		return v, nil
	}
	if r.stack[n] {
		return nil, errAt(n.Line, n.Column, nil, "alias cycle through anchor %q", n.Anchor)
	}
	if r.stack == nil {
		r.stack = map[*yaml.Node]bool{}
		r.memo = map[*yaml.Node]*value{}
	}
	r.stack[n] = true
	v, err := r.resolveFresh(n, depth)
	delete(r.stack, n)
	if err != nil {
		return nil, err
	}
	r.memo[n] = v
	return v, nil
}

func (r *resolver) resolveFresh(n *yaml.Node, depth int) (*value, error) {
	if err := r.spend(1, n.Line, n.Column); err != nil {
		return nil, err
	}
	switch n.Kind {
	case yaml.ScalarNode:
		v, err := resolveScalar(n)
		if err == nil && r.keepDuplicates && v.kind == kindString && v.plain {
			// Decoding reads scalars as the API server's YAML reader
			// (sigs.k8s.io/yaml, YAML 1.1) does: yes, on, no, off, y and n
			// are booleans.
			if b, ok := yaml11Bool(v.text); ok {
				v.kind, v.text = kindBool, strconv.FormatBool(b)
			}
		}
		return v, err
	case yaml.SequenceNode:
		v := &value{kind: kindArray, line: int32(n.Line), col: int32(n.Column), weight: 1}
		v.items = make([]*value, 0, len(n.Content))
		for _, c := range n.Content {
			cv, err := r.resolve(c, depth+1)
			if err != nil {
				return nil, err
			}
			v.items = append(v.items, cv)
			if err := v.addWeight(cv.weight, c); err != nil {
				return nil, err
			}
		}
		return v, nil
	case yaml.MappingNode:
		return r.resolveMapping(n, depth)
	case yaml.DocumentNode, yaml.AliasNode:
		return r.resolve(n, depth)
	default:
		return nil, errAt(n.Line, n.Column, nil, "unsupported YAML node kind %d", n.Kind)
	}
}

func (v *value) addWeight(w int64, at *yaml.Node) error {
	v.weight += w
	if v.weight > maxExpandedWeight {
		return errAt(at.Line, at.Column, nil, "document too large after expanding aliases and merge keys (limit %d)", maxExpandedWeight)
	}
	return nil
}

// resolveMapping builds an object. Explicit keys must be unique; merge keys
// ("<<: *a" or "<<: [*a, *b]") contribute the members of the merged
// mappings that the mapping does not set itself, earlier sources winning,
// in the position of the "<<" key.
func (r *resolver) resolveMapping(n *yaml.Node, depth int) (*value, error) {
	if len(n.Content)%2 != 0 {
		return nil, errAt(n.Line, n.Column, nil, "malformed mapping")
	}
	v := &value{kind: kindObject, line: int32(n.Line), col: int32(n.Column), weight: 1}
	explicit := make(map[string]int, len(n.Content)/2) // key -> line of first use
	hasMerge := false
	for i := 0; i < len(n.Content); i += 2 {
		kn := n.Content[i]
		if isMergeKey(kn) {
			hasMerge = true
			continue
		}
		k, err := r.keyString(kn, depth)
		if err != nil {
			return nil, err
		}
		if first, dup := explicit[k]; dup {
			if !r.keepDuplicates {
				return nil, errAt(kn.Line, kn.Column, nil, "duplicate key %q (first at line %d)", k, first)
			}
			continue
		}
		explicit[k] = kn.Line
	}
	var merged map[string]bool
	if hasMerge {
		merged = map[string]bool{}
	}
	v.members = make([]member, 0, len(n.Content)/2)
	var seen map[string]bool // keys placed so far, with keepDuplicates
	if r.keepDuplicates && len(explicit) < len(n.Content)/2 {
		seen = make(map[string]bool, len(explicit))
	}
	for i := 0; i < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if isMergeKey(kn) {
			if err := r.merge(v, vn, explicit, merged, depth); err != nil {
				return nil, err
			}
			continue
		}
		k, _ := r.keyString(kn, depth)
		cv, err := r.resolve(vn, depth+1)
		if err != nil {
			return nil, err
		}
		dup := false
		if seen != nil {
			dup = seen[k]
			seen[k] = true
		}
		v.members = append(v.members, member{key: k, line: int32(kn.Line), col: int32(kn.Column), val: cv, dup: dup})
		if err := v.addWeight(cv.weight+int64(len(k)), kn); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func isMergeKey(kn *yaml.Node) bool {
	return kn.Kind == yaml.ScalarNode && kn.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 &&
		kn.Value == "<<" && (kn.Tag == "" || kn.Tag == "!!merge" || kn.Tag == "tag:yaml.org,2002:merge")
}

func (r *resolver) merge(v *value, vn *yaml.Node, explicit map[string]int, merged map[string]bool, depth int) error {
	src, err := r.resolve(vn, depth+1)
	if err != nil {
		return err
	}
	var sources []*value
	switch src.kind {
	case kindObject:
		sources = []*value{src}
	case kindArray:
		sources = src.items
	}
	if len(sources) == 0 && src.kind != kindArray {
		return errAt(vn.Line, vn.Column, nil, "merge key \"<<\" needs a mapping or a sequence of mappings, got %s", src.kind)
	}
	for _, s := range sources {
		if s.kind != kindObject {
			return errAt(s.line, s.col, nil, "merge key \"<<\" needs a mapping or a sequence of mappings, got %s", s.kind)
		}
		if err := r.spend(int64(len(s.members)), vn.Line, vn.Column); err != nil {
			return err
		}
		r.copies += int64(len(s.members))
		if r.copies > maxMergedMembers {
			return errAt(vn.Line, vn.Column, nil, "merge keys copy more than %d members", maxMergedMembers)
		}
		for _, m := range s.members {
			if _, ok := explicit[m.key]; ok || merged[m.key] {
				continue
			}
			merged[m.key] = true
			v.members = append(v.members, m)
			if err := v.addWeight(m.val.weight+int64(len(m.key)), vn); err != nil {
				return err
			}
		}
	}
	return nil
}

// keyString returns the JSON member name of a mapping key: the text of a
// scalar (so "1: x" has key "1" and "true: x" key "true", as
// sigs.k8s.io/yaml converts them). Collection keys are an error.
func (r *resolver) keyString(kn *yaml.Node, depth int) (string, error) {
	for kn.Kind == yaml.AliasNode && kn.Alias != nil {
		kn = kn.Alias
	}
	if kn.Kind != yaml.ScalarNode {
		return "", errAt(kn.Line, kn.Column, nil, "mapping keys must be scalars")
	}
	return kn.Value, nil
}
