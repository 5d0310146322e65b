package field

import (
	"strconv"
	"strings"
)

// InvalidError is the API server's answer to an invalid object: HTTP 422,
// status "Failure", reason "Invalid", with one cause per field error.
//
// Its Error text is the Status message:
//
//	<Kind>.<group> "<name>" is invalid: <aggregate>
//
// where <Kind>.<group> is just <Kind> when the group is empty, the name is
// Go-quoted (an empty name gives ""), and <aggregate> is
// [ErrorList.ToAggregate]'s text (duplicates dropped, brackets around
// several). With no errors the text ends at "is invalid", as upstream.
type InvalidError struct {
	Kind  string // e.g. "Job"
	Group string // e.g. "batch"; "" for the core group
	Name  string // the object's final name; may be empty
	// Errs are the field errors in validation order, duplicates kept.
	Errs ErrorList
}

// NewInvalidError returns the 422 error for an object of the given kind and
// group that failed validation with errs, or nil when errs holds no
// (non-nil) error. Example: NewInvalidError("Job", "batch", "pi", errs).
func NewInvalidError(kind, group, name string, errs ErrorList) error {
	if errs.ToAggregate() == nil {
		return nil
	}
	return &InvalidError{Kind: kind, Group: group, Name: name, Errs: errs}
}

// HTTP status fields of an InvalidError, as the API server sets them.
const (
	InvalidStatusCode   = 422
	InvalidStatusReason = "Invalid"
)

// QualifiedKind returns "<Kind>.<group>", or "<Kind>" for the core group.
func (e *InvalidError) QualifiedKind() string {
	if e.Group == "" {
		return e.Kind
	}
	return e.Kind + "." + e.Group
}

// Error returns the Status message, see [InvalidError].
func (e *InvalidError) Error() string {
	var b strings.Builder
	b.WriteString(e.QualifiedKind())
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(e.Name))
	b.WriteString(" is invalid")
	if agg := e.Errs.ToAggregate(); agg != nil {
		b.WriteString(": ")
		b.WriteString(agg.Error())
	}
	return b.String()
}

// Unwrap returns the non-nil field errors, so errors.As can find a *Error.
func (e *InvalidError) Unwrap() []error {
	out := make([]error, 0, len(e.Errs))
	for _, fe := range e.Errs {
		if fe != nil {
			out = append(out, fe)
		}
	}
	return out
}

// Cause is one entry of a Status's details.causes.
type Cause struct {
	Reason  ErrorType // the type constant, e.g. "FieldValueInvalid"
	Message string    // the error body, without the field path
	Field   string    // the rendered field path
}

// Causes returns one cause per non-nil field error, in order and without
// de-duplication, as the API server fills details.causes.
func (e *InvalidError) Causes() []Cause {
	out := make([]Cause, 0, len(e.Errs))
	for _, fe := range e.Errs {
		if fe == nil {
			continue
		}
		out = append(out, Cause{Reason: fe.Type, Message: fe.ErrorBody(), Field: fe.Field})
	}
	return out
}
