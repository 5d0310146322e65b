package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// LabelSelectorValidationOptions tunes ValidateLabelSelector.
type LabelSelectorValidationOptions struct {
	// AllowInvalidLabelValueInSelector skips the label-value syntax check of
	// matchExpressions[*].values (set on update when the stored selector
	// already holds such a value). matchLabels values are always checked.
	AllowInvalidLabelValueInSelector bool
}

// ValidateLabelSelector is metav1 ValidateLabelSelector: it checks a label
// selector at path (e.g. "spec.selector", or a pod-affinity term's
// labelSelector). A nil selector is valid. Errors, in order:
//
//  1. matchLabels: ValidateLabels at path.matchLabels;
//  2. each matchExpressions[i], at path.matchExpressions[i]
//     (ValidateLabelSelectorRequirement).
func ValidateLabelSelector(sel *job.LabelSelector, opts LabelSelectorValidationOptions, path *field.Path) field.ErrorList {
	if sel == nil {
		return nil
	}
	errs := ValidateLabels(sel.MatchLabels, path.Child("matchLabels"))
	exprs := path.Child("matchExpressions")
	for i, r := range sel.MatchExpressions {
		errs = append(errs, ValidateLabelSelectorRequirement(r, opts, exprs.Index(i))...)
	}
	return errs
}

// ValidateLabelSelectorRequirement checks one matchExpressions entry at
// path, in this order:
//
//  1. operator In/NotIn without values: Required at path.values
//     "must be specified when `operator` is 'In' or 'NotIn'";
//     Exists/DoesNotExist with values: Forbidden at path.values
//     "may not be specified when `operator` is 'Exists' or 'DoesNotExist'";
//     any other operator: Invalid at path.operator (value = the operator)
//     "not a valid selector operator";
//  2. the key: ValidateLabelName at path.key;
//  3. unless opts.AllowInvalidLabelValueInSelector, each value j: one
//     Invalid per IsValidLabelValue message at path.values[j].
func ValidateLabelSelectorRequirement(r job.LabelSelectorRequirement, opts LabelSelectorValidationOptions, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	switch r.Operator {
	case job.LabelSelectorOpIn, job.LabelSelectorOpNotIn:
		if len(r.Values) == 0 {
			errs = append(errs, field.Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
		}
	case job.LabelSelectorOpExists, job.LabelSelectorOpDoesNotExist:
		if len(r.Values) > 0 {
			errs = append(errs, field.Forbidden(path.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
		}
	default:
		errs = append(errs, field.Invalid(path.Child("operator"), r.Operator, "not a valid selector operator"))
	}
	errs = append(errs, ValidateLabelName(r.Key, path.Child("key"))...)
	if !opts.AllowInvalidLabelValueInSelector {
		values := path.Child("values")
		for j, v := range r.Values {
			errs = append(errs, invalidEach(values.Index(j), v, IsValidLabelValue(v))...)
		}
	}
	return errs
}

// MatchLabelSelector reports whether labels satisfy sel with the semantics
// of converting a metav1.LabelSelector to a labels.Selector and matching:
// the conversion's label-syntax checks here, then the one matching
// implementation, job.LabelSelector.Matches (nil matches nothing, empty
// matches everything, requirements ANDed).
//
// The conversion fails, and MatchLabelSelector returns false and a non-nil
// error, when any key is not a qualified name, an operator is unknown,
// In/NotIn has no values, Exists/DoesNotExist has values, or any value (in
// matchLabels or matchExpressions) is not a valid label value — even when
// validation was told to allow invalid values. The API server silently
// skips its selector-match checks in that case (the syntax errors are
// reported by ValidateLabelSelector).
func MatchLabelSelector(sel *job.LabelSelector, labels map[string]string) (bool, error) {
	if sel == nil {
		return false, nil
	}
	if err := selectorLabelSyntaxError(sel); err != nil {
		return false, err
	}
	return sel.Matches(labels)
}

// selectorLabelSyntaxError applies the label-syntax checks of the metav1 →
// labels.Selector conversion, matchLabels first (in sorted key order), then
// matchExpressions (operator and value counts are checked by Matches).
func selectorLabelSyntaxError(sel *job.LabelSelector) error {
	for _, k := range sortedMapKeys(sel.MatchLabels) {
		if err := requirementSyntaxError(k, []string{sel.MatchLabels[k]}); err != nil {
			return err
		}
	}
	for _, r := range sel.MatchExpressions {
		if err := requirementSyntaxError(r.Key, r.Values); err != nil {
			return err
		}
	}
	return nil
}

func requirementSyntaxError(key string, values []string) error {
	if msgs := IsQualifiedName(key); len(msgs) > 0 {
		return fmt.Errorf("key: Invalid value: %q: %s", key, msgs[0])
	}
	for _, v := range values {
		if msgs := IsValidLabelValue(v); len(msgs) > 0 {
			return fmt.Errorf("values: Invalid value: %q: %s", v, msgs[0])
		}
	}
	return nil
}
