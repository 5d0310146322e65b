package validation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation/field"
)

// Expected errors: one short constructor per error type, and the
// comparison of an ErrorList with the wanted one.

// anyValue in a wanted error means "do not compare the rendered value"
// (internal-struct values such as a whole pod template are best effort).
type anyValue struct{}

func inv(f string, v any, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeInvalid, Field: f, BadValue: v, Detail: d}
}
func req(f, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeRequired, Field: f, BadValue: "", Detail: d}
}
func ns(f string, v any, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeNotSupported, Field: f, BadValue: v, Detail: d}
}
func dup(f string, v any) *field.Error {
	return &field.Error{Type: field.ErrorTypeDuplicate, Field: f, BadValue: v}
}
func forb(f, d string) *field.Error {
	return &field.Error{Type: field.ErrorTypeForbidden, Field: f, BadValue: "", Detail: d}
}
func tooMany(f string, n, max int) *field.Error {
	return &field.Error{Type: field.ErrorTypeTooMany, Field: f, BadValue: n, Detail: fmt.Sprintf("must have at most %d items", max)}
}
func tooLong(f string, max int) *field.Error {
	return &field.Error{Type: field.ErrorTypeTooLong, Field: f, BadValue: "", Detail: fmt.Sprintf("may not be more than %d bytes", max)}
}
func immutable(f string) *field.Error { return inv(f, anyValue{}, "field is immutable") }

var omit = field.OmitValueType{}

// render is one error as a comparable line; anyValue errors compare on
// (path, type, detail) only.
func render(e *field.Error, skipValue bool) string {
	if skipValue {
		return fmt.Sprintf("%s | %s | * | %s", e.Field, e.Type, e.Detail)
	}
	return e.Error()
}

// checkErrors compares got with want, element by element and in order.
func checkErrors(t *testing.T, got, want field.ErrorList) {
	t.Helper()
	var g, w []string
	for i, we := range want {
		_, skip := we.BadValue.(anyValue)
		w = append(w, render(we, skip))
		if i < len(got) {
			g = append(g, render(got[i], skip))
		}
	}
	for _, ge := range got[min(len(got), len(want)):] {
		g = append(g, render(ge, false))
	}
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("errors:\n got:\n  %s\n want:\n  %s", strings.Join(g, "\n  "), strings.Join(w, "\n  "))
	}
}
