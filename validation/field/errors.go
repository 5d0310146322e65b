package field

import (
	"fmt"
	"strconv"
	"strings"
)

// ErrorType says why a field is invalid. Its value is the machine-readable
// reason the API server puts in a Status cause ("FieldValueInvalid"); its
// String method gives the human text used in messages ("Invalid value").
type ErrorType string

// The error types of apimachinery, with their upstream reason strings.
const (
	// ErrorTypeNotFound: a referenced value could not be found. Text "Not found".
	ErrorTypeNotFound ErrorType = "FieldValueNotFound"
	// ErrorTypeRequired: a required value is missing. Text "Required value".
	ErrorTypeRequired ErrorType = "FieldValueRequired"
	// ErrorTypeDuplicate: a value that must be unique is repeated. Text "Duplicate value".
	ErrorTypeDuplicate ErrorType = "FieldValueDuplicate"
	// ErrorTypeInvalid: a malformed or out-of-range value. Text "Invalid value".
	ErrorTypeInvalid ErrorType = "FieldValueInvalid"
	// ErrorTypeNotSupported: a value outside an enumeration. Text "Unsupported value".
	ErrorTypeNotSupported ErrorType = "FieldValueNotSupported"
	// ErrorTypeForbidden: a well-formed value not allowed here. Text "Forbidden".
	ErrorTypeForbidden ErrorType = "FieldValueForbidden"
	// ErrorTypeTooLong: a value too long; the value is never shown. Text "Too long".
	ErrorTypeTooLong ErrorType = "FieldValueTooLong"
	// ErrorTypeTooMany: a list with too many items. Text "Too many".
	ErrorTypeTooMany ErrorType = "FieldValueTooMany"
	// ErrorTypeTooFew: a list with too few items. Text "Too few".
	ErrorTypeTooFew ErrorType = "FieldValueTooFew"
	// ErrorTypeTooShort: a value too short; the value is never shown. Text "Too short".
	ErrorTypeTooShort ErrorType = "FieldValueTooShort"
	// ErrorTypeInternal: a failure not caused by the input. Text "Internal error".
	ErrorTypeInternal ErrorType = "InternalError"
	// ErrorTypeTypeInvalid: a value of the wrong schema type. Its text is
	// "Invalid value", the same as ErrorTypeInvalid.
	ErrorTypeTypeInvalid ErrorType = "FieldValueTypeInvalid"
)

// String returns the human text of t as used in messages, e.g.
// "Required value". An unknown type renders `<unknown error "X">`.
func (t ErrorType) String() string {
	switch t {
	case ErrorTypeNotFound:
		return "Not found"
	case ErrorTypeRequired:
		return "Required value"
	case ErrorTypeDuplicate:
		return "Duplicate value"
	case ErrorTypeInvalid, ErrorTypeTypeInvalid:
		return "Invalid value"
	case ErrorTypeNotSupported:
		return "Unsupported value"
	case ErrorTypeForbidden:
		return "Forbidden"
	case ErrorTypeTooLong:
		return "Too long"
	case ErrorTypeTooMany:
		return "Too many"
	case ErrorTypeTooFew:
		return "Too few"
	case ErrorTypeTooShort:
		return "Too short"
	case ErrorTypeInternal:
		return "Internal error"
	default:
		return "<unknown error " + strconv.Quote(string(t)) + ">"
	}
}

// OmitValueType is the marker for "no bad value to show". An Invalid (or
// other value-showing) error whose BadValue is OmitValueType{} renders only
// its type text and detail, e.g.
// "spec.podFailurePolicy.rules[0]: Invalid value: specifying one of ...".
type OmitValueType struct{}

// Error is one field-level validation error. Build it with the constructor
// of its type (Invalid, Required, ...).
type Error struct {
	// Type says why the field is invalid; it decides whether BadValue is
	// shown (see [Error.ErrorBody]).
	Type ErrorType
	// Field is the rendered Path, e.g. "spec.template.spec.containers[0].name".
	Field string
	// BadValue is the offending value, kept as given (so tests may compare
	// it) and rendered only for the value-showing types (see [RenderValue]).
	BadValue any
	// Detail is free text appended after the value; "" for none.
	Detail string
}

// Error returns "<field>: <body>", the exact text of the API server, e.g.
// "spec.completions: Invalid value: -1: must be greater than or equal to 0".
func (e *Error) Error() string {
	return e.Field + ": " + e.ErrorBody()
}

// ErrorBody returns the message without the field path, as used in the
// "message" of a Status cause. The rules, in order:
//
//  1. Required, Forbidden, TooLong, TooShort and Internal: the type text only;
//     the value is never shown.
//  2. Invalid, TypeInvalid, NotSupported, NotFound, Duplicate, TooMany and
//     TooFew: the type text, then ": " and the rendered value unless the
//     value is OmitValueType{} (rendering rules: see [RenderValue]).
//  3. Any other type renders as an internal error naming the unknown type.
//  4. A non-empty Detail is appended as ": <detail>".
func (e *Error) ErrorBody() string {
	var s string
	switch e.Type {
	case ErrorTypeRequired, ErrorTypeForbidden, ErrorTypeTooLong, ErrorTypeTooShort, ErrorTypeInternal:
		s = e.Type.String()
	case ErrorTypeInvalid, ErrorTypeTypeInvalid, ErrorTypeNotSupported,
		ErrorTypeNotFound, ErrorTypeDuplicate, ErrorTypeTooMany, ErrorTypeTooFew:
		if _, omit := e.BadValue.(OmitValueType); omit {
			s = e.Type.String()
		} else {
			s = e.Type.String() + ": " + RenderValue(e.BadValue)
		}
	default:
		internal := &Error{
			Type:   ErrorTypeInternal,
			Detail: "unhandled error code: " + e.Type.String() + ": please report this",
		}
		s = internal.ErrorBody()
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Invalid reports a malformed value (failed format check, out of range...).
func Invalid(path *Path, value any, detail string) *Error {
	return &Error{Type: ErrorTypeInvalid, Field: path.String(), BadValue: value, Detail: detail}
}

// TypeInvalid reports a value of the wrong type. Its text is "Invalid value".
func TypeInvalid(path *Path, value any, detail string) *Error {
	return &Error{Type: ErrorTypeTypeInvalid, Field: path.String(), BadValue: value, Detail: detail}
}

// Required reports a missing value. The value is never shown; detail is free
// text ("" for none): "spec.selector: Required value".
func Required(path *Path, detail string) *Error {
	return &Error{Type: ErrorTypeRequired, Field: path.String(), BadValue: "", Detail: detail}
}

// Forbidden reports a value that is well formed but not allowed under the
// current conditions. The value is never shown.
func Forbidden(path *Path, detail string) *Error {
	return &Error{Type: ErrorTypeForbidden, Field: path.String(), BadValue: "", Detail: detail}
}

// Duplicate reports a repeated value that must be unique. No detail:
// "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11".
func Duplicate(path *Path, value any) *Error {
	return &Error{Type: ErrorTypeDuplicate, Field: path.String(), BadValue: value}
}

// NotFound reports a value that refers to something that does not exist.
func NotFound(path *Path, value any) *Error {
	return &Error{Type: ErrorTypeNotFound, Field: path.String(), BadValue: value}
}

// NotSupported reports a value outside an enumeration. The detail lists the
// valid values, each Go-quoted, in the given order:
// `supported values: "OnFailure", "Never"`; an empty list gives no detail.
func NotSupported[T ~string](path *Path, value any, validValues []T) *Error {
	detail := ""
	if len(validValues) > 0 {
		var b strings.Builder
		b.WriteString("supported values: ")
		for i, v := range validValues {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(string(v)))
		}
		detail = b.String()
	}
	return &Error{Type: ErrorTypeNotSupported, Field: path.String(), BadValue: value, Detail: detail}
}

// TooLong reports a value longer than maxLength bytes. The value is never
// shown (the argument is ignored, as upstream). Detail:
// "may not be more than <n> bytes" ("byte" when n is 1), or
// "value is too long" when maxLength is negative.
func TooLong(path *Path, _ any, maxLength int) *Error {
	detail := "value is too long"
	if maxLength >= 0 {
		unit := "bytes"
		if maxLength == 1 {
			unit = "byte"
		}
		detail = fmt.Sprintf("may not be more than %d %s", maxLength, unit)
	}
	return &Error{Type: ErrorTypeTooLong, Field: path.String(), BadValue: "<value omitted>", Detail: detail}
}

// TooMany reports a list with more than max items; actual is shown as the
// value (omitted when negative). Detail: "must have at most <n> items"
// ("item" when n is 1), or "has too many items" when max is negative:
// "spec.successPolicy.rules: Too many: 21: must have at most 20 items".
func TooMany(path *Path, actual, max int) *Error {
	detail := "has too many items"
	if max >= 0 {
		unit := "items"
		if max == 1 {
			unit = "item"
		}
		detail = fmt.Sprintf("must have at most %d %s", max, unit)
	}
	var value any = OmitValueType{}
	if actual >= 0 {
		value = actual
	}
	return &Error{Type: ErrorTypeTooMany, Field: path.String(), BadValue: value, Detail: detail}
}

// InternalError reports a failure that is not the input's fault. The detail
// is err's text ("" if err is nil); the value is never shown.
func InternalError(path *Path, err error) *Error {
	detail := ""
	if err != nil {
		detail = err.Error()
	}
	return &Error{Type: ErrorTypeInternal, Field: path.String(), BadValue: err, Detail: detail}
}
