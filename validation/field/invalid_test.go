package field

import (
	"errors"
	"reflect"
	"testing"
)

func TestNewInvalidError(t *testing.T) {
	completions := Invalid(NewPath("spec", "completions"), int64(-1), "must be greater than or equal to 0")
	restart := Required(NewPath("spec", "template", "spec", "restartPolicy"), `valid values: "OnFailure", "Never"`)
	selector := Required(NewPath("spec", "selector"), "")
	tests := []struct {
		name                string
		kind, group, object string
		errs                ErrorList
		want                string
	}{
		{"one error", "Job", "batch", "x", ErrorList{selector}, `Job.batch "x" is invalid: spec.selector: Required value`},
		{"several", "Job", "batch", "x", ErrorList{completions, restart},
			`Job.batch "x" is invalid: [spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]`},
		{"duplicates dropped from the message", "Job", "batch", "pi", ErrorList{selector, selector},
			`Job.batch "pi" is invalid: spec.selector: Required value`},
		{"empty name", "Job", "batch", "", ErrorList{selector}, `Job.batch "" is invalid: spec.selector: Required value`},
		{"name quoted", "Job", "batch", `a"b`, ErrorList{selector}, `Job.batch "a\"b" is invalid: spec.selector: Required value`},
		{"core group", "Pod", "", "p", ErrorList{selector}, `Pod "p" is invalid: spec.selector: Required value`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := NewInvalidError(tc.kind, tc.group, tc.object, tc.errs)
			if err == nil {
				t.Fatal("NewInvalidError returned nil")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Error() =\n  %s\nwant\n  %s", got, tc.want)
			}
		})
	}
}

func TestNewInvalidErrorNil(t *testing.T) {
	if err := NewInvalidError("Job", "batch", "x", nil); err != nil {
		t.Errorf("no errors must give nil, got %v", err)
	}
	if err := NewInvalidError("Job", "batch", "x", ErrorList{nil}); err != nil {
		t.Errorf("only nil errors must give nil, got %v", err)
	}
	// Built directly with no errors, the message ends like upstream's.
	e := &InvalidError{Kind: "Job", Group: "batch", Name: "x"}
	if got, want := e.Error(), `Job.batch "x" is invalid`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestInvalidErrorCauses(t *testing.T) {
	a := Invalid(NewPath("metadata", "name"), "x", "field is immutable")
	b := Required(NewPath("spec", "selector"), "")
	err := NewInvalidError("Job", "batch", "x", ErrorList{a, nil, b, a})
	var ie *InvalidError
	if !errors.As(err, &ie) {
		t.Fatalf("not an *InvalidError: %T", err)
	}
	want := []Cause{
		{Reason: "FieldValueInvalid", Message: `Invalid value: "x": field is immutable`, Field: "metadata.name"},
		{Reason: "FieldValueRequired", Message: "Required value", Field: "spec.selector"},
		{Reason: "FieldValueInvalid", Message: `Invalid value: "x": field is immutable`, Field: "metadata.name"},
	}
	if got := ie.Causes(); !reflect.DeepEqual(got, want) {
		t.Errorf("Causes() = %#v\nwant %#v", got, want)
	}
	var fe *Error
	if !errors.As(err, &fe) || fe != a {
		t.Errorf("errors.As(*Error) = %v", fe)
	}
	if ie.QualifiedKind() != "Job.batch" || InvalidStatusCode != 422 || InvalidStatusReason != "Invalid" {
		t.Errorf("status fields wrong")
	}
}
