package field

import (
	"errors"
	"strings"
	"testing"
)

func TestErrorTypeString(t *testing.T) {
	tests := []struct {
		typ  ErrorType
		want string
	}{
		{ErrorTypeNotFound, "Not found"},
		{ErrorTypeRequired, "Required value"},
		{ErrorTypeDuplicate, "Duplicate value"},
		{ErrorTypeInvalid, "Invalid value"},
		{ErrorTypeNotSupported, "Unsupported value"},
		{ErrorTypeForbidden, "Forbidden"},
		{ErrorTypeTooLong, "Too long"},
		{ErrorTypeTooMany, "Too many"},
		{ErrorTypeTooFew, "Too few"},
		{ErrorTypeTooShort, "Too short"},
		{ErrorTypeInternal, "Internal error"},
		{ErrorTypeTypeInvalid, "Invalid value"},
		{ErrorType("Bogus"), `<unknown error "Bogus">`},
	}
	for _, tc := range tests {
		if got := tc.typ.String(); got != tc.want {
			t.Errorf("%s.String() = %q, want %q", string(tc.typ), got, tc.want)
		}
	}
	// The reason strings of Status causes.
	reasons := map[ErrorType]string{
		ErrorTypeNotFound: "FieldValueNotFound", ErrorTypeRequired: "FieldValueRequired",
		ErrorTypeDuplicate: "FieldValueDuplicate", ErrorTypeInvalid: "FieldValueInvalid",
		ErrorTypeNotSupported: "FieldValueNotSupported", ErrorTypeForbidden: "FieldValueForbidden",
		ErrorTypeTooLong: "FieldValueTooLong", ErrorTypeTooMany: "FieldValueTooMany",
		ErrorTypeTooFew: "FieldValueTooFew", ErrorTypeTooShort: "FieldValueTooShort",
		ErrorTypeInternal: "InternalError", ErrorTypeTypeInvalid: "FieldValueTypeInvalid",
	}
	for typ, want := range reasons {
		if string(typ) != want {
			t.Errorf("reason %q, want %q", string(typ), want)
		}
	}
}

var (
	spec = NewPath("spec")
	pfp  = spec.Child("podFailurePolicy", "rules")
)

func TestErrorString(t *testing.T) {
	var nilCompletions *int32
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"required no detail", Required(spec.Child("selector"), ""), "spec.selector: Required value"},
		{"required detail", Required(spec.Child("completions"), "when completion mode is Indexed"),
			"spec.completions: Required value: when completion mode is Indexed"},
		{"required restartPolicy", Required(spec.Child("template", "spec", "restartPolicy"), `valid values: "OnFailure", "Never"`),
			`spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`},
		{"invalid int64", Invalid(spec.Child("parallelism"), int64(-1), "must be greater than or equal to 0"),
			"spec.parallelism: Invalid value: -1: must be greater than or equal to 0"},
		{"invalid completions", Invalid(spec.Child("completions"), int64(-1), "must be greater than or equal to 0"),
			"spec.completions: Invalid value: -1: must be greater than or equal to 0"},
		{"invalid omitted", Invalid(pfp.Index(0), OmitValueType{}, "specifying one of OnExitCodes and OnPodConditions is required"),
			"spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required"},
		{"invalid string", Invalid(NewPath("metadata", "name"), "My_Job", "x"), `metadata.name: Invalid value: "My_Job": x`},
		{"invalid nil pointer", Invalid(spec.Child("completions"), nilCompletions, "field is immutable"),
			`spec.completions: Invalid value: "null": field is immutable`},
		{"invalid list", Invalid(pfp.Index(0).Child("onExitCodes", "values"), []int32{19, 11}, "must be ordered"),
			"spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [19,11]: must be ordered"},
		{"invalid map", Invalid(NewPath("spec", "template", "metadata", "labels"), map[string]string{"y": "z"}, "`selector` does not match template `labels`"),
			"spec.template.metadata.labels: Invalid value: {\"y\":\"z\"}: `selector` does not match template `labels`"},
		{"invalid no detail", Invalid(spec.Child("x"), int64(1), ""), "spec.x: Invalid value: 1"},
		{"type invalid", TypeInvalid(spec.Child("x"), "s", "must be int"), `spec.x: Invalid value: "s": must be int`},
		{"duplicate", Duplicate(pfp.Index(0).Child("onExitCodes", "values").Index(1), int32(11)),
			"spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11"},
		{"duplicate string", Duplicate(NewPath("status", "uncountedTerminatedPods", "succeeded").Index(3), "a"),
			`status.uncountedTerminatedPods.succeeded[3]: Duplicate value: "a"`},
		{"not found", NotFound(spec.Child("x"), "y"), `spec.x: Not found: "y"`},
		{"too many", TooMany(spec.Child("successPolicy", "rules"), 21, 20),
			"spec.successPolicy.rules: Too many: 21: must have at most 20 items"},
		{"too many one", TooMany(spec.Child("l"), 2, 1), "spec.l: Too many: 2: must have at most 1 item"},
		{"too many unknown actual", TooMany(spec.Child("l"), -1, 20), "spec.l: Too many: must have at most 20 items"},
		{"too many unknown max", TooMany(spec.Child("l"), 5, -1), "spec.l: Too many: 5: has too many items"},
		{"too long", TooLong(spec.Child("managedBy"), "example.com/xxxx", 63),
			"spec.managedBy: Too long: may not be more than 63 bytes"},
		{"too long one", TooLong(spec.Child("x"), "ab", 1), "spec.x: Too long: may not be more than 1 byte"},
		{"too long unknown max", TooLong(spec.Child("x"), "ab", -1), "spec.x: Too long: value is too long"},
		{"too long annotations", TooLong(NewPath("metadata", "annotations"), "", 262144),
			"metadata.annotations: Too long: may not be more than 262144 bytes"},
		{"not supported", NotSupported(pfp.Index(0).Child("action"), restartPolicy("UnknownAction"), []string{"Count", "FailIndex", "FailJob", "Ignore"}),
			`spec.podFailurePolicy.rules[0].action: Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"`},
		{"not supported named values", NotSupported(spec.Child("template", "spec", "restartPolicy"), restartPolicy("Always"), []restartPolicy{"OnFailure", "Never"}),
			`spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"`},
		{"not supported empty list", NotSupported[string](spec.Child("x"), "v", nil), `spec.x: Unsupported value: "v"`},
		{"not supported quotes values", NotSupported(spec.Child("x"), "v", []string{`a"b`}), `spec.x: Unsupported value: "v": supported values: "a\"b"`},
		{"forbidden", Forbidden(spec.Child("template", "spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"),
			"spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"},
		{"forbidden no detail", Forbidden(spec.Child("x"), ""), "spec.x: Forbidden"},
		{"internal", InternalError(spec.Child("x"), errors.New("boom")), "spec.x: Internal error: boom"},
		{"internal nil error", InternalError(spec.Child("x"), nil), "spec.x: Internal error"},
		{"nil path", Required(nil, ""), "<nil>: Required value"},
		{"value never shown for required", &Error{Type: ErrorTypeRequired, Field: "f", BadValue: 5}, "f: Required value"},
		{"value never shown for too short", &Error{Type: ErrorTypeTooShort, Field: "f", BadValue: 5, Detail: "d"}, "f: Too short: d"},
		{"too few shows value", &Error{Type: ErrorTypeTooFew, Field: "f", BadValue: 0, Detail: "d"}, "f: Too few: 0: d"},
		{"unknown type", &Error{Type: "Bogus", Field: "f", BadValue: 1, Detail: "d"},
			`f: Internal error: unhandled error code: <unknown error "Bogus">: please report this: d`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() =\n  %s\nwant\n  %s", got, tc.want)
			}
			body := strings.TrimPrefix(tc.want, tc.err.Field+": ")
			if got := tc.err.ErrorBody(); got != body {
				t.Errorf("ErrorBody() = %q, want %q", got, body)
			}
		})
	}
}

func TestConstructorsKeepValues(t *testing.T) {
	e := TooLong(spec.Child("managedBy"), "secret", 63)
	if e.BadValue != "<value omitted>" {
		t.Errorf("TooLong must not keep the value, got %#v", e.BadValue)
	}
	if e := TooMany(spec, -1, 3); e.BadValue != (OmitValueType{}) {
		t.Errorf("TooMany with negative actual must omit the value, got %#v", e.BadValue)
	}
	if e := Required(spec, "d"); e.BadValue != "" || e.Type != ErrorTypeRequired || e.Field != "spec" || e.Detail != "d" {
		t.Errorf("Required = %#v", e)
	}
	if e := Invalid(spec, int64(3), "d"); e.BadValue != int64(3) {
		t.Errorf("Invalid must keep the value, got %#v", e.BadValue)
	}
}
