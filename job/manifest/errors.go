package manifest

import (
	"fmt"
	"strconv"
	"strings"
)

// Error is a decoding error located in the YAML (or JSON) source. Every
// error DecodeNode, DecodeJob, DecodePod and DecodeJobs return for bad
// content is an *Error (possibly wrapped with the document number), so
// callers can use errors.As.
//
// It renders as
//
//	line 12: spec.completion: unknown field "completion"
//
// or, when the problem is with the document as a whole (Path empty),
//
//	line 1: expected a mapping, got a sequence
type Error struct {
	// Line and Column are 1-based positions in the input stream (for
	// input parsed as JSON the column counts bytes); Line is 0 when
	// unknown (Column is then 0 too).
	Line, Column int
	// Path is the field path in the style of Kubernetes field.Path:
	// members joined with ".", list indexes and map keys in brackets
	// ("spec.template.spec.containers[0].name", "metadata.labels[app]").
	// Empty for the document root. For a strict decoding error, the
	// first issue's path (FieldIssue.Path form).
	Path string
	// Msg describes the problem, without position; for the API server's
	// decode messages (which name the field themselves) without the path
	// too.
	Msg string
	// Issues are the strict-decoding problems (unknown and duplicate
	// fields) an error "strict decoding error: ..." aggregates, each with
	// its position; nil for other errors.
	Issues []FieldIssue

	// named: Msg already names the field (an API server message), so
	// Error() does not print Path.
	named bool
}

// Error renders e as "line L: path: msg", leaving out the line when it is
// unknown and the path when it is empty.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Path != "" && !e.named {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// path is an immutable field path; the zero value is the root. Paths are
// built only when an error is reported, so the hot path never allocates
// strings for them.
type path struct {
	parent *path
	name   string // member name or map key
	index  int    // list index when kind == pathIndex
	kind   uint8
}

const (
	pathMember uint8 = iota + 1
	pathIndex
	pathKey
)

func (p *path) child(name string) *path { return &path{parent: p, name: name, kind: pathMember} }
func (p *path) at(i int) *path          { return &path{parent: p, index: i, kind: pathIndex} }
func (p *path) key(k string) *path      { return &path{parent: p, name: k, kind: pathKey} }

// strictString renders the path as sigs.k8s.io/json's strict errors do:
// members and map keys joined with ".", list indexes in brackets
// ("spec.template.spec.containers[0].env[1].name", "metadata.labels.app").
func (p *path) strictString() string {
	var parts []*path
	for q := p; q != nil && q.kind != 0; q = q.parent {
		parts = append(parts, q)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		q := parts[i]
		if q.kind == pathIndex {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(q.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(q.name)
	}
	return b.String()
}

// String renders the path in field.Path style; the root renders as "".
func (p *path) String() string {
	var parts []*path
	for q := p; q != nil && q.kind != 0; q = q.parent {
		parts = append(parts, q)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		q := parts[i]
		switch q.kind {
		case pathMember:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(q.name)
		case pathIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(q.index))
			b.WriteByte(']')
		case pathKey:
			b.WriteByte('[')
			b.WriteString(q.name)
			b.WriteByte(']')
		}
	}
	return b.String()
}

// errAt builds an *Error at a position (yaml.Node uses int, values int32).
func errAt[I int | int32](line, col I, p *path, format string, args ...any) *Error {
	return &Error{Line: int(line), Column: int(col), Path: p.String(), Msg: fmt.Sprintf(format, args...)}
}

// apiErrAt builds an *Error whose message is the API server's own text,
// which names the field: the path is kept for callers but not printed.
func apiErrAt(line, col int32, p *path, msg string) *Error {
	return &Error{Line: int(line), Column: int(col), Path: p.String(), Msg: msg, named: true}
}
