package field

import (
	"strconv"
	"strings"
)

// Path is the location of a field inside an object, from some root.
//
// A Path is immutable: Child, Index and Key return a new Path that shares its
// parent with the receiver, so one prefix may be extended in many directions
// (as validation code does for every element of a list) without copying.
// The zero value is not useful; build paths with NewPath. A nil *Path is
// accepted everywhere and renders as "<nil>", like upstream.
type Path struct {
	name   string // field name, or "" if this element is a subscript
	index  string // subscript (list index or map key) when name == ""
	parent *Path  // nil for the root element
}

// NewPath returns a root path holding name, followed by the child fields in
// more (NewPath("spec", "template") renders "spec.template").
func NewPath(name string, more ...string) *Path {
	p := &Path{name: name}
	for _, n := range more {
		p = &Path{name: n, parent: p}
	}
	return p
}

// Root returns the first element of the path. A nil path has no root and
// Root returns nil.
func (p *Path) Root() *Path {
	if p == nil {
		return nil
	}
	for p.parent != nil {
		p = p.parent
	}
	return p
}

// Child returns the path of the field name (and the nested fields in more)
// below p: NewPath("spec").Child("template", "spec") renders
// "spec.template.spec". The receiver is not modified.
func (p *Path) Child(name string, more ...string) *Path {
	c := &Path{name: name, parent: p}
	for _, n := range more {
		c = &Path{name: n, parent: c}
	}
	return c
}

// Index returns the path of list element i of p, rendered "[i]".
func (p *Path) Index(i int) *Path {
	return &Path{index: strconv.Itoa(i), parent: p}
}

// Key returns the path of map entry k of p, rendered "[k]" with the key
// printed raw (no quoting or escaping), as upstream does:
// NewPath("labels").Key("a/b") renders "labels[a/b]".
func (p *Path) Key(k string) *Path {
	return &Path{index: k, parent: p}
}

// String renders the path: the root name bare, each child as ".name", each
// subscript as "[i]" or "[key]". A nil path renders "<nil>". A child created
// with an empty name is indistinguishable from an empty subscript and
// renders "[]" (an upstream quirk kept for fidelity).
func (p *Path) String() string {
	if p == nil {
		return "<nil>"
	}
	n := 0
	size := 0
	for e := p; e != nil; e = e.parent {
		n++
		size += len(e.name) + len(e.index) + 2
	}
	elems := make([]*Path, n)
	for e := p; e != nil; e = e.parent {
		n--
		elems[n] = e
	}
	var b strings.Builder
	b.Grow(size)
	for _, e := range elems {
		if e.name != "" {
			if e.parent != nil {
				b.WriteByte('.')
			}
			b.WriteString(e.name)
			continue
		}
		b.WriteByte('[')
		b.WriteString(e.index)
		b.WriteByte(']')
	}
	return b.String()
}
