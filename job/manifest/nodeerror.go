package manifest

import (
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

// NodeError returns an *Error at n's line and column (both 0 when n is
// nil) with the given path, in the style of Error.Path, and the formatted
// message. Strict readers of other YAML formats built on yaml.v3 nodes
// (jobtest's scenario files, jobsim's pod models) use it so that all of
// jobkit's format errors are one type and read alike.
func NodeError(n *yaml.Node, path, format string, args ...any) *Error {
	e := &Error{Path: path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// SyntaxError returns err, an error of yaml.v3's parser (Unmarshal or a
// Decoder), as an *Error carrying the line yaml.v3 names, as DecodeNode
// reports it: "line 3: invalid YAML: did not find expected ',' or ']'".
func SyntaxError(err error) *Error {
	var e *Error
	if errors.As(yamlError(err), &e) {
		return e
	}
	return &Error{Msg: "invalid YAML: " + err.Error()}
}
