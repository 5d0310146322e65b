package field

import (
	"errors"
	"testing"
)

func TestToAggregate(t *testing.T) {
	completions := Invalid(NewPath("spec", "completions"), int64(-1), "must be greater than or equal to 0")
	restart := Required(NewPath("spec", "template", "spec", "restartPolicy"), `valid values: "OnFailure", "Never"`)
	label := Invalid(NewPath("spec", "template", "labels"), "x", "must be no more than 63 bytes")
	tests := []struct {
		name string
		list ErrorList
		want string // "" means a nil aggregate
		n    int
	}{
		{"nil", nil, "", 0},
		{"empty", ErrorList{}, "", 0},
		{"only nil entries", ErrorList{nil, nil}, "", 0},
		{"one", ErrorList{completions}, completions.Error(), 1},
		{"one with nil", ErrorList{nil, completions, nil}, completions.Error(), 1},
		{"two", ErrorList{completions, restart},
			`[spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]`, 2},
		{"identical twice is one, no brackets", ErrorList{label, label}, label.Error(), 1},
		{"distinct pointers with equal text", ErrorList{label, Invalid(NewPath("spec", "template", "labels"), "x", "must be no more than 63 bytes")}, label.Error(), 1},
		{"first occurrence order kept", ErrorList{restart, completions, restart, completions, label},
			"[" + restart.Error() + ", " + completions.Error() + ", " + label.Error() + "]", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			agg := tc.list.ToAggregate()
			if tc.want == "" {
				if agg != nil {
					t.Fatalf("ToAggregate() = %q, want nil", agg.Error())
				}
				return
			}
			if agg == nil {
				t.Fatalf("ToAggregate() = nil, want %q", tc.want)
			}
			if got := agg.Error(); got != tc.want {
				t.Errorf("Error() =\n  %s\nwant\n  %s", got, tc.want)
			}
			if got := len(agg.Errors()); got != tc.n {
				t.Errorf("len(Errors()) = %d, want %d", got, tc.n)
			}
		})
	}
}

func TestAggregateUnwrap(t *testing.T) {
	want := Required(NewPath("spec", "selector"), "")
	agg := ErrorList{Invalid(NewPath("a"), int64(1), ""), want}.ToAggregate()
	var fe *Error
	if !errors.As(agg, &fe) || fe.Field != "a" {
		t.Errorf("errors.As found %v", fe)
	}
	if !errors.Is(agg, want) {
		t.Errorf("errors.Is must find the second error")
	}
	errs := agg.Errors()
	errs[0] = nil
	if agg.Errors()[0] == nil {
		t.Errorf("Errors() must return a copy")
	}
}

func TestByType(t *testing.T) {
	a := Required(NewPath("a"), "")
	b := Invalid(NewPath("b"), int64(1), "")
	c := Required(NewPath("c"), "")
	list := ErrorList{a, nil, b, c}
	got := list.ByType(ErrorTypeRequired)
	if len(got) != 2 || got[0] != a || got[1] != c {
		t.Errorf("ByType(Required) = %v", got)
	}
	if got := list.ByType(ErrorTypeRequired, ErrorTypeInvalid); len(got) != 3 {
		t.Errorf("ByType(Required, Invalid) = %v", got)
	}
	if got := list.ByType(ErrorTypeForbidden); got != nil {
		t.Errorf("ByType(Forbidden) = %v, want nil", got)
	}
}
