package manifest

import (
	"fmt"
	"strconv"
	"strings"
)

// FieldValidation is the API server's field validation level (the
// fieldValidation parameter of a create or update request): what decoding
// does with a member the type does not have or a member given twice.
type FieldValidation string

const (
	// Strict makes unknown and duplicate fields an error, in the API
	// server's form:
	//
	//	strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice", duplicate field "spec.parallelism"
	//
	// It is kubectl's default (--validate=strict) and the zero value of
	// Options.
	Strict FieldValidation = "Strict"
	// Warn decodes and returns each problem as a warning, as kubectl
	// prints them ("Warning: unknown field ..."); the API server's default
	// for requests without the parameter.
	Warn FieldValidation = "Warn"
	// Ignore decodes silently.
	Ignore FieldValidation = "Ignore"
)

// Options configures decoding.
type Options struct {
	// FieldValidation is the level; "" means Strict.
	FieldValidation FieldValidation
}

func (o Options) level() (FieldValidation, error) {
	switch o.FieldValidation {
	case "", Strict:
		return Strict, nil
	case Warn, Ignore:
		return o.FieldValidation, nil
	}
	return "", fmt.Errorf("manifest: field validation %q is not one of Strict, Warn, Ignore", o.FieldValidation)
}

// FieldIssue is one strict-decoding problem: an unknown field (a member the
// type does not have, compared case-sensitively) or a duplicate field (a
// member given twice in one object; the later value wins when decoding goes
// on).
type FieldIssue struct {
	// Kind is "unknown field" or "duplicate field".
	Kind string
	// Path is the API server's path of the member: members and map keys
	// joined with ".", list indexes in brackets
	// ("spec.template.spec.containers[0].imagePullPolice").
	Path string
	// Line and Column locate the member's key (0 when unknown).
	Line, Column int
}

// String is the API server's text of the issue, as kubectl prints the
// warning: unknown field "spec.completion".
func (is FieldIssue) String() string { return is.Kind + " " + strconv.Quote(is.Path) }

// strictError aggregates issues as the API server does
// (runtime.NewStrictDecodingError), at the position of the first.
func strictError(issues []FieldIssue) *Error {
	texts := make([]string, len(issues))
	for i, is := range issues {
		texts[i] = is.String()
	}
	return &Error{
		Line: issues[0].Line, Column: issues[0].Column, Path: issues[0].Path,
		Msg: "strict decoding error: " + strings.Join(texts, ", "), Issues: issues, named: true,
	}
}
