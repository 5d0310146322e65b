package main

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job/manifest"
)

// object is one Kubernetes object of the input: a document, or one item of
// a document of kind List.
type object struct {
	file string
	doc  int // the document's number in the file, from 1
	// item is the object's index in the List's items, -1 when the document
	// is the object itself.
	item int
	// line is the source line of the object's mapping; base is added to
	// the node lines of root to give source lines.
	line, base int
	root       *yaml.Node

	apiVersion, kind, namespace, name, generateName string
}

// where renders the object's position for messages: "document 2" or
// "document 2, items[3]".
func (o *object) where() string {
	if o.item < 0 {
		return fmt.Sprintf("document %d", o.doc)
	}
	return fmt.Sprintf("document %d, items[%d]", o.doc, o.item)
}

// sourceLine is the source line of the field at path (see lineOf), or of
// the object when the field is not found.
func (o *object) sourceLine(path string) int {
	if l := lineOf(o.root, path); l > 0 {
		return l + o.base
	}
	return o.line
}

// relocate returns a copy of a decoding error found in the object with its
// line moved from the chunk's numbering to the source's.
func (o *object) relocate(err error) error {
	return shiftLine(err, o.base)
}

// shiftLine returns err with base added to the line of a *manifest.Error
// (a copy; other errors are returned as they are).
func shiftLine(err error, base int) error {
	me, ok := err.(*manifest.Error)
	if !ok || me.Line == 0 || base == 0 {
		return err
	}
	cp := *me
	cp.Line += base
	return &cp
}

// parseChunk parses one document and returns its objects: none for an
// empty (null) document, the document itself, or the items of a List. A
// document that is not valid YAML, not a mapping, names no kind, or is a
// List whose items are not mappings is a *manifest.Error with the source
// line.
func parseChunk(c chunk) (objs []object, err error) {
	base := c.line - 1
	defer func() {
		if r := recover(); r != nil { // yaml.v3 panics on some hostile input
			objs, err = nil, &manifest.Error{Line: c.line, Msg: fmt.Sprintf("invalid YAML: parser failure: %v", r)}
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(c.text, &doc); err != nil {
		return nil, shiftLine(manifest.SyntaxError(err), base)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, nil
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	o, err := newObject(c, base, -1, root)
	if err != nil {
		return nil, err
	}
	if !isList(o.kind) {
		return []object{o}, nil
	}
	items := child(root, segment{name: "items", index: -1})
	if items == nil || items.Tag == "!!null" {
		return nil, nil
	}
	if items.Kind != yaml.SequenceNode {
		return nil, &manifest.Error{Line: items.Line + base, Column: items.Column, Path: "items",
			Msg: "expected a list of objects, got " + manifest.DescribeNode(items)}
	}
	objs = make([]object, 0, len(items.Content))
	for i, n := range items.Content {
		item, err := newObject(c, base, i, n)
		if err != nil {
			return nil, err
		}
		if isList(item.kind) {
			return nil, &manifest.Error{Line: item.line, Path: fmt.Sprintf("items[%d]", i), Msg: "a List inside a List is not supported"}
		}
		objs = append(objs, item)
	}
	return objs, nil
}

// isList reports whether kind is a list kind whose objects are its items:
// List (kubectl's), or a typed list such as JobList.
func isList(kind string) bool {
	return kind == "List" || (len(kind) > len("List") && strings.HasSuffix(kind, "List"))
}

// newObject reads the type and object metadata of the mapping n, which
// must name its kind.
func newObject(c chunk, base, item int, n *yaml.Node) (object, error) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	path := ""
	if item >= 0 {
		path = fmt.Sprintf("items[%d]", item)
	}
	o := object{file: c.src.name, doc: c.doc, item: item, line: n.Line + base, base: base, root: n}
	if n.Kind != yaml.MappingNode {
		return o, &manifest.Error{Line: o.line, Column: n.Column, Path: path,
			Msg: "expected a Kubernetes object (a mapping), got " + manifest.DescribeNode(n)}
	}
	o.apiVersion = scalarAt(n, "apiVersion")
	o.kind = scalarAt(n, "kind")
	o.name = scalarAt(n, "metadata", "name")
	o.generateName = scalarAt(n, "metadata", "generateName")
	o.namespace = scalarAt(n, "metadata", "namespace")
	if o.kind == "" {
		return o, &manifest.Error{Line: o.line, Column: n.Column, Path: join(path, "kind"),
			Msg: "missing: not a Kubernetes object"}
	}
	return o, nil
}

// scalarAt returns the string scalar at the member path under n, "" when
// absent or not a string scalar.
func scalarAt(n *yaml.Node, names ...string) string {
	for _, name := range names {
		if n = child(n, segment{name: name, index: -1}); n == nil {
			return ""
		}
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return ""
	}
	return n.Value
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
