package validation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

func TestValidateLabelSelector(t *testing.T) {
	p := field.NewPath("spec", "selector")
	tests := []struct {
		name string
		sel  *job.LabelSelector
		opts LabelSelectorValidationOptions
		want []string
	}{
		{"nil", nil, LabelSelectorValidationOptions{}, nil},
		{"empty", &job.LabelSelector{}, LabelSelectorValidationOptions{}, nil},
		{"valid", &job.LabelSelector{
			MatchLabels: map[string]string{"batch.kubernetes.io/controller-uid": "1a2b3c"},
			MatchExpressions: []job.LabelSelectorRequirement{
				{Key: "a", Operator: "In", Values: []string{"x", ""}},
				{Key: "b", Operator: "NotIn", Values: []string{"y"}},
				{Key: "c", Operator: "Exists"},
				{Key: "d", Operator: "DoesNotExist", Values: []string{}},
			},
		}, LabelSelectorValidationOptions{}, nil},
		{"C64 unknown operator", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "k", Operator: "Foo"}}},
			LabelSelectorValidationOptions{}, []string{`spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator`}},
		{"Gt is not a selector operator, rendered as JSON", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "k", Operator: "<Gt>", Values: []string{"1"}}}},
			LabelSelectorValidationOptions{}, []string{`spec.selector.matchExpressions[0].operator: Invalid value: "\u003cGt\u003e": not a valid selector operator`}},
		{"operators are case-sensitive", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "k", Operator: "in", Values: []string{"v"}}}},
			LabelSelectorValidationOptions{}, []string{`spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator`}},
		{"C65 In without values", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "k", Operator: "In"}}},
			LabelSelectorValidationOptions{}, []string{"spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"}},
		{"NotIn with empty values", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "k", Operator: "NotIn", Values: []string{}}}},
			LabelSelectorValidationOptions{}, []string{"spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"}},
		{"C66 Exists with values", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "k", Operator: "Exists", Values: []string{"x"}}}},
			LabelSelectorValidationOptions{}, []string{"spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"}},
		{"C67 bad value", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "a", Operator: "NotIn", Values: []string{"bad value"}}}},
			LabelSelectorValidationOptions{}, []string{`spec.selector.matchExpressions[0].values[0]: Invalid value: "bad value": ` + primMsgLabelValue}},
		{"bad value allowed by option", &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: "a", Operator: "NotIn", Values: []string{"bad value"}}}},
			LabelSelectorValidationOptions{AllowInvalidLabelValueInSelector: true}, nil},
		{"option does not cover matchLabels", &job.LabelSelector{MatchLabels: map[string]string{"a": "bad value"}},
			LabelSelectorValidationOptions{AllowInvalidLabelValueInSelector: true}, []string{`spec.selector.matchLabels: Invalid value: "bad value": ` + primMsgLabelValue}},
		{"order: matchLabels, then per expression operator, key, values", &job.LabelSelector{
			MatchLabels: map[string]string{"-": "v"},
			MatchExpressions: []job.LabelSelectorRequirement{
				{Key: "ok", Operator: "In", Values: []string{"v"}},
				{Key: "a/b/c", Operator: "Bad", Values: []string{"-", strings.Repeat("v", 64)}},
			},
		}, LabelSelectorValidationOptions{}, []string{
			`spec.selector.matchLabels: Invalid value: "-": ` + primMsgNamePart,
			`spec.selector.matchExpressions[1].operator: Invalid value: "Bad": not a valid selector operator`,
			`spec.selector.matchExpressions[1].key: Invalid value: "a/b/c": ` + primMsgKeyTooManySlashes,
			`spec.selector.matchExpressions[1].values[0]: Invalid value: "-": ` + primMsgLabelValue,
			`spec.selector.matchExpressions[1].values[1]: Invalid value: "` + strings.Repeat("v", 64) + `": ` + primMsgMax63B,
		}},
	}
	for _, tc := range tests {
		primCheck(t, tc.name, primErrStrings(ValidateLabelSelector(tc.sel, tc.opts, p)), tc.want)
	}
}

func TestMatchLabelSelector(t *testing.T) {
	labels := map[string]string{"app": "x", "tier": "", "job-name": "pi"}
	req := func(key, op string, values ...string) *job.LabelSelector {
		return &job.LabelSelector{MatchExpressions: []job.LabelSelectorRequirement{{Key: key, Operator: job.LabelSelectorOperator(op), Values: values}}}
	}
	tests := []struct {
		name    string
		sel     *job.LabelSelector
		labels  map[string]string
		want    bool
		wantErr bool
	}{
		{"nil selector matches nothing", nil, labels, false, false},
		{"empty selector matches everything", &job.LabelSelector{}, nil, true, false},
		{"empty non-nil parts match everything", &job.LabelSelector{MatchLabels: map[string]string{}, MatchExpressions: []job.LabelSelectorRequirement{}}, labels, true, false},
		{"matchLabels hit", &job.LabelSelector{MatchLabels: map[string]string{"app": "x", "job-name": "pi"}}, labels, true, false},
		{"matchLabels wrong value", &job.LabelSelector{MatchLabels: map[string]string{"app": "y"}}, labels, false, false},
		{"matchLabels missing", &job.LabelSelector{MatchLabels: map[string]string{"other": "x"}}, labels, false, false},
		{"matchLabels empty value", &job.LabelSelector{MatchLabels: map[string]string{"tier": ""}}, labels, true, false},
		{"matchLabels on nil labels", &job.LabelSelector{MatchLabels: map[string]string{"app": "x"}}, nil, false, false},
		{"In hit", req("app", "In", "y", "x"), labels, true, false},
		{"In miss", req("app", "In", "y"), labels, false, false},
		{"In absent", req("zzz", "In", "y"), labels, false, false},
		{"NotIn absent", req("zzz", "NotIn", "y"), labels, true, false},
		{"NotIn hit", req("app", "NotIn", "x"), labels, false, false},
		{"NotIn other", req("app", "NotIn", "y"), labels, true, false},
		{"Exists with empty value", req("tier", "Exists"), labels, true, false},
		{"Exists absent", req("zzz", "Exists"), labels, false, false},
		{"DoesNotExist", req("zzz", "DoesNotExist"), labels, true, false},
		{"DoesNotExist present", req("tier", "DoesNotExist"), labels, false, false},
		{"all ANDed", &job.LabelSelector{MatchLabels: map[string]string{"app": "x"}, MatchExpressions: []job.LabelSelectorRequirement{{Key: "tier", Operator: "DoesNotExist"}}}, labels, false, false},
		{"unknown operator fails", req("app", "Gt", "1"), labels, false, true},
		{"In without values fails", req("app", "In"), labels, false, true},
		{"Exists with values fails", req("app", "Exists", "x"), labels, false, true},
		{"bad key fails", req("a/b/c", "Exists"), labels, false, true},
		{"bad expression value fails", req("app", "NotIn", "bad value"), labels, false, true},
		{"bad matchLabels value fails", &job.LabelSelector{MatchLabels: map[string]string{"app": "bad value"}}, labels, false, true},
		{"bad matchLabels key fails", &job.LabelSelector{MatchLabels: map[string]string{"-": "x"}}, labels, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := MatchLabelSelector(tc.sel, tc.labels)
			if (err != nil) != tc.wantErr {
				t.Fatalf("error = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("match = %v, want %v", got, tc.want)
			}
		})
	}
}

func FuzzValidateLabelSelector(f *testing.F) {
	f.Add("app", "In", "x", "k", "v")
	f.Add("a/b/c", "Gt", "", "", "")
	f.Fuzz(func(t *testing.T, key, op, value, mlKey, mlValue string) {
		sel := &job.LabelSelector{
			MatchLabels:      map[string]string{mlKey: mlValue},
			MatchExpressions: []job.LabelSelectorRequirement{{Key: key, Operator: job.LabelSelectorOperator(op), Values: []string{value}}},
		}
		errs := ValidateLabelSelector(sel, LabelSelectorValidationOptions{}, field.NewPath("spec", "selector"))
		_, convErr := MatchLabelSelector(sel, map[string]string{key: value})
		// With one value, the syntax errors and the conversion failure
		// coincide: Exists/DoesNotExist with a value is both.
		if (len(errs) == 0) != (convErr == nil) {
			t.Fatalf("validation errors %v but conversion error %v", errs, convErr)
		}
	})
}

func ExampleValidateLabelSelector() {
	sel := &job.LabelSelector{
		MatchExpressions: []job.LabelSelectorRequirement{
			{Key: "k", Operator: "In"},
			{Key: "k", Operator: "Exists", Values: []string{"x"}},
			{Key: "k", Operator: "Foo"},
		},
	}
	errs := ValidateLabelSelector(sel, LabelSelectorValidationOptions{}, field.NewPath("spec", "selector"))
	fmt.Println(field.NewInvalidError("Job", "batch", "pi", errs))
	// Output:
	// Job.batch "pi" is invalid: [spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn', spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist', spec.selector.matchExpressions[2].operator: Invalid value: "Foo": not a valid selector operator]
}
