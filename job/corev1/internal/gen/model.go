package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// model is what the emitters write: the struct types and the named
// non-struct types of package corev1, each in ascending name order.
type model struct {
	types []*goType
	named []namedType
}

// goType is one generated struct.
type goType struct {
	name string
	// schema is the schema it is generated from; for a struct that only
	// k8s.io/api has (VolumeSource, ...), the schema of the type embedding it.
	schema string
	// embeddedIn is the type it is embedded in, for such a struct.
	embeddedIn string
	fields     []*field
	unknown    bool // has an Unknown field and JSON methods
}

// copyKind says how DeepCopyInto copies a field beyond the struct
// assignment.
type copyKind int

const (
	copyNone        copyKind = iota // plain value: the assignment copies it
	copyPtrValue                    // pointer to a plain value: clone the pointee
	copyPtrStruct                   // pointer to a struct: DeepCopy
	copyStruct                      // struct value: DeepCopyInto
	copySliceValue                  // slice of plain values: slices.Clone
	copySliceStruct                 // slice of structs: DeepCopyInto each
	copyMap                         // map of plain values: maps.Clone
)

// field is one field of a generated struct.
type field struct {
	name     string // Go name
	json     string // member name; "" for an inlined embedded struct
	omit     bool   // omitempty
	goType   string
	copy     copyKind
	embedded bool
	required bool
	elem     string // element type, for copySliceStruct
}

// namedType is a named non-struct type and the members using it.
type namedType struct {
	name, underlying string
	usedBy           []string
}

func buildModel(all map[string]*schema) (*model, error) {
	m := &model{}
	seen := reachable(all, roots)
	var names []string
	for n := range seen {
		if strings.HasPrefix(n, corePrefix) {
			names = append(names, n)
		} else if _, ok := external[n]; !ok && strings.HasPrefix(n, "io.k8s.apimachinery.") && referencedByCore(all, seen, n) {
			return nil, fmt.Errorf("schema %s is referenced by a core/v1 type but has no entry in external", n)
		}
	}
	slices.Sort(names)
	uses := map[string][]string{}
	for _, n := range names {
		types, err := structsOf(all, n)
		if err != nil {
			return nil, err
		}
		for _, t := range types {
			for _, f := range t.fields {
				if nt, ok := namedFields[t.name+"."+f.json]; ok && !strings.Contains(nt, ".") {
					uses[nt] = append(uses[nt], t.name+"."+f.json)
				}
			}
		}
		m.types = append(m.types, types...)
	}
	slices.SortFunc(m.types, func(a, b *goType) int { return strings.Compare(a.name, b.name) })
	for name, u := range namedTypes {
		m.named = append(m.named, namedType{name: name, underlying: u, usedBy: uses[name]})
	}
	slices.SortFunc(m.named, func(a, b namedType) int { return strings.Compare(a.name, b.name) })
	return m, nil
}

// referencedByCore reports whether a reachable core/v1 schema refers to n.
func referencedByCore(all map[string]*schema, seen map[string]bool, n string) bool {
	for c := range seen {
		if !strings.HasPrefix(c, corePrefix) {
			continue
		}
		for _, p := range all[c].Properties {
			if p.ref() == n || (p.Items != nil && p.Items.ref() == n) ||
				(p.AdditionalProperties != nil && p.AdditionalProperties.ref() == n) {
				return true
			}
		}
	}
	return false
}

// structsOf returns the struct generated from schema n and the structs
// only k8s.io/api has that it embeds.
func structsOf(all map[string]*schema, n string) ([]*goType, error) {
	s := all[n]
	name := strings.TrimPrefix(n, corePrefix)
	t := &goType{name: name, schema: n, unknown: !noUnknown[name]}
	out := []*goType{t}
	taken := map[string]bool{}
	for _, e := range embeds[name] {
		for _, mb := range e.members {
			taken[mb] = true
		}
	}
	for _, mb := range embedFirst[name] {
		f, err := newField(name, mb, s.Properties[mb], s)
		if err != nil {
			return nil, err
		}
		t.fields = append(t.fields, f)
		taken[mb] = true
	}
	for _, e := range embeds[name] {
		members := e.members
		if e.rest {
			members = nil
			for _, mb := range s.members() {
				if !taken[mb] && !slices.Contains(e.except, mb) {
					members = append(members, mb)
				}
			}
		}
		for _, mb := range members {
			if s.Properties[mb] == nil {
				return nil, fmt.Errorf("%s: embedded %s takes member %q, which the schema lacks", name, e.goType, mb)
			}
			taken[mb] = true
		}
		f := &field{name: e.goType[strings.LastIndexByte(e.goType, '.')+1:], goType: e.goType, copy: copyStruct, embedded: true}
		if e.tag != "" {
			f.json, f.omit = e.tag, true
		}
		t.fields = append(t.fields, f)
		if all[corePrefix+e.goType] != nil || strings.Contains(e.goType, ".") {
			continue // a type of its own schema, or external
		}
		inner := &goType{name: e.goType, schema: n, embeddedIn: name, unknown: !noUnknown[e.goType]}
		for _, mb := range members {
			f, err := newField(e.goType, mb, s.Properties[mb], s)
			if err != nil {
				return nil, err
			}
			inner.fields = append(inner.fields, f)
		}
		out = append(out, inner)
	}
	for _, mb := range s.members() {
		if taken[mb] {
			continue
		}
		f, err := newField(name, mb, s.Properties[mb], s)
		if err != nil {
			return nil, err
		}
		t.fields = append(t.fields, f)
	}
	return out, nil
}

// newField builds the field of Go type owner for member mb of schema
// parent, whose schema is p.
func newField(owner, mb string, p, parent *schema) (*field, error) {
	key := owner + "." + mb
	f := &field{name: goName(owner, mb), json: mb, required: slices.Contains(parent.Required, mb)}
	f.omit = !f.required != omitFlip[key]
	named := namedFields[key]
	switch {
	case p.ref() != "":
		base, isStruct, err := refType(p.ref())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		switch {
		case isStruct && valueFields[key]:
			f.goType, f.copy = base, copyStruct
		case isStruct:
			f.goType, f.copy = "*"+base, copyPtrStruct
		case pointerFields[key]:
			f.goType, f.copy = "*"+base, copyPtrValue
		default:
			f.goType, f.copy = base, copyNone
		}
	case p.Type == "array":
		if p.Items == nil {
			return nil, fmt.Errorf("%s: array without items", key)
		}
		if r := p.Items.ref(); r != "" {
			base, isStruct, err := refType(r)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
			f.goType, f.copy = "[]"+base, copySliceValue
			if isStruct {
				f.copy, f.elem = copySliceStruct, base
			}
			break
		}
		base, err := scalarType(p.Items)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		if named != "" {
			base = named
		}
		f.goType, f.copy = "[]"+base, copySliceValue
	case p.Type == "object":
		if p.AdditionalProperties == nil {
			return nil, fmt.Errorf("%s: object without additionalProperties", key)
		}
		var val string
		if r := p.AdditionalProperties.ref(); r != "" {
			base, isStruct, err := refType(r)
			if err != nil || isStruct {
				return nil, fmt.Errorf("%s: map of %s is not supported", key, r)
			}
			val = base
		} else {
			var err error
			if val, err = scalarType(p.AdditionalProperties); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
		}
		f.goType, f.copy = "map[string]"+val, copyMap
		if named != "" {
			f.goType = named
		}
	default:
		base, err := scalarType(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		if named != "" {
			base = named
		}
		f.goType, f.copy = base, copyNone
		if pointerFields[key] {
			f.goType, f.copy = "*"+base, copyPtrValue
		}
	}
	return f, nil
}

// refType returns the Go type of the schema named r and whether it is a
// struct (copied with DeepCopy).
func refType(r string) (string, bool, error) {
	if strings.HasPrefix(r, corePrefix) {
		return strings.TrimPrefix(r, corePrefix), true, nil
	}
	if e, ok := external[r]; ok {
		return e.goType, e.isStruct, nil
	}
	return "", false, fmt.Errorf("no Go type for schema %s (add it to external)", r)
}

// scalarType is the Go type of a string, integer, number or boolean schema.
func scalarType(p *schema) (string, error) {
	switch {
	case p.Type == "string" && p.Format == "":
		return "string", nil
	case p.Type == "integer" && (p.Format == "int32" || p.Format == "int64"):
		return p.Format, nil
	case p.Type == "boolean":
		return "bool", nil
	case p.Type == "number" && p.Format == "double":
		return "float64", nil
	}
	return "", fmt.Errorf("unsupported schema type %q format %q", p.Type, p.Format)
}

// goName is the Go field name of member mb in type owner: a rename, or the
// member name with its leading lower-case word upper-cased as an initialism
// or capitalised.
func goName(owner, mb string) string {
	if n, ok := renames[owner+"."+mb]; ok {
		return n
	}
	lead := strings.IndexFunc(mb, unicode.IsUpper)
	if lead < 0 {
		lead = len(mb)
	}
	if up, ok := initialisms[mb[:lead]]; ok {
		return up + mb[lead:]
	}
	return strings.ToUpper(mb[:1]) + mb[1:]
}
