package validation

import (
	"fmt"
	"slices"

	"github.com/jobkit/jobkit/validation/field"
)

// Label selector operators (metav1.LabelSelectorOperator values). They are
// case-sensitive; Gt and Lt are not valid in a metav1 label selector.
const (
	LabelSelectorOpIn           = "In"
	LabelSelectorOpNotIn        = "NotIn"
	LabelSelectorOpExists       = "Exists"
	LabelSelectorOpDoesNotExist = "DoesNotExist"
)

// LabelSelectorView is the content of a metav1.LabelSelector (the Job's
// spec.selector), independent of the API types so that this package does
// not import them. Callers convert their selector into a view; a nil
// *LabelSelectorView stands for a nil selector.
type LabelSelectorView struct {
	// MatchLabels requires each key to have exactly that value; checked
	// and matched in sorted key order.
	MatchLabels map[string]string
	// MatchExpressions are ANDed with MatchLabels and with each other.
	MatchExpressions []LabelSelectorRequirementView
}

// LabelSelectorRequirementView is one matchExpressions entry.
type LabelSelectorRequirementView struct {
	// Key is a label key (IsQualifiedName).
	Key string
	// Operator is one of the LabelSelectorOp constants, case-sensitive.
	Operator string
	// Values are required for In and NotIn and forbidden for Exists and
	// DoesNotExist.
	Values []string
}

// LabelSelectorValidationOptions tunes ValidateLabelSelectorView.
type LabelSelectorValidationOptions struct {
	// AllowInvalidLabelValueInSelector skips the label-value syntax check of
	// matchExpressions[*].values (set on update when the stored selector
	// already holds such a value). matchLabels values are always checked.
	AllowInvalidLabelValueInSelector bool
}

// selectorOperatorValue renders like metav1.LabelSelectorOperator (a named string):
// as JSON.
type selectorOperatorValue string

// ValidateLabelSelectorView checks a label selector at path (e.g.
// "spec.selector"). A nil selector is valid. Errors, in order:
//
//  1. matchLabels: ValidateLabels at path.matchLabels;
//  2. each matchExpressions[i], at path.matchExpressions[i]
//     (ValidateLabelSelectorRequirementView).
func ValidateLabelSelectorView(sel *LabelSelectorView, opts LabelSelectorValidationOptions, path *field.Path) field.ErrorList {
	if sel == nil {
		return nil
	}
	errs := ValidateLabels(sel.MatchLabels, path.Child("matchLabels"))
	exprs := path.Child("matchExpressions")
	for i, r := range sel.MatchExpressions {
		errs = append(errs, ValidateLabelSelectorRequirementView(r, opts, exprs.Index(i))...)
	}
	return errs
}

// ValidateLabelSelectorRequirementView checks one matchExpressions entry at
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
func ValidateLabelSelectorRequirementView(r LabelSelectorRequirementView, opts LabelSelectorValidationOptions, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	switch r.Operator {
	case LabelSelectorOpIn, LabelSelectorOpNotIn:
		if len(r.Values) == 0 {
			errs = append(errs, field.Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
		}
	case LabelSelectorOpExists, LabelSelectorOpDoesNotExist:
		if len(r.Values) > 0 {
			errs = append(errs, field.Forbidden(path.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
		}
	default:
		errs = append(errs, field.Invalid(path.Child("operator"), selectorOperatorValue(r.Operator), "not a valid selector operator"))
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

// MatchLabelSelectorView reports whether labels satisfy sel, with the
// semantics of converting a metav1.LabelSelector to a labels.Selector:
//
//   - a nil selector matches nothing; a selector with no matchLabels and no
//     matchExpressions matches everything;
//   - matchLabels k: v requires label k present and equal to v;
//   - In requires the label present with a value in the set; NotIn requires
//     it absent or with a value not in the set; Exists requires it present
//     (an empty value counts); DoesNotExist requires it absent;
//   - all requirements must hold.
//
// The conversion fails, and MatchLabelSelectorView returns false and a
// non-nil error, when any key is not a qualified name, an operator is
// unknown, In/NotIn has no values, Exists/DoesNotExist has values, or any
// value (in matchLabels or matchExpressions) is not a valid label value —
// even when validation was told to allow invalid values. The API server
// silently skips its selector-match checks in that case (the syntax errors
// are reported by ValidateLabelSelectorView).
func MatchLabelSelectorView(sel *LabelSelectorView, labels map[string]string) (bool, error) {
	if sel == nil {
		return false, nil
	}
	if err := selectorConversionError(sel); err != nil {
		return false, err
	}
	for _, k := range sortedMapKeys(sel.MatchLabels) {
		if v, ok := labels[k]; !ok || v != sel.MatchLabels[k] {
			return false, nil
		}
	}
	for _, r := range sel.MatchExpressions {
		v, has := labels[r.Key]
		var ok bool
		switch r.Operator {
		case LabelSelectorOpIn:
			ok = has && slices.Contains(r.Values, v)
		case LabelSelectorOpNotIn:
			ok = !has || !slices.Contains(r.Values, v)
		case LabelSelectorOpExists:
			ok = has
		case LabelSelectorOpDoesNotExist:
			ok = !has
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

// selectorConversionError applies the checks of the metav1 → labels.Selector
// conversion, matchLabels first (in sorted key order), then matchExpressions.
func selectorConversionError(sel *LabelSelectorView) error {
	for _, k := range sortedMapKeys(sel.MatchLabels) {
		if err := requirementConversionError(k, "=", []string{sel.MatchLabels[k]}); err != nil {
			return err
		}
	}
	for _, r := range sel.MatchExpressions {
		switch r.Operator {
		case LabelSelectorOpIn, LabelSelectorOpNotIn, LabelSelectorOpExists, LabelSelectorOpDoesNotExist:
		default:
			return fmt.Errorf("%q is not a valid label selector operator", r.Operator)
		}
		if err := requirementConversionError(r.Key, r.Operator, r.Values); err != nil {
			return err
		}
	}
	return nil
}

func requirementConversionError(key, op string, values []string) error {
	if msgs := IsQualifiedName(key); len(msgs) > 0 {
		return fmt.Errorf("key: Invalid value: %q: %s", key, msgs[0])
	}
	switch op {
	case LabelSelectorOpIn, LabelSelectorOpNotIn:
		if len(values) == 0 {
			return fmt.Errorf("values: Invalid value: %s: for 'in', 'notin' operators, values set can't be empty", field.RenderValue(values))
		}
	case LabelSelectorOpExists, LabelSelectorOpDoesNotExist:
		if len(values) != 0 {
			return fmt.Errorf("values: Invalid value: %s: values set must be empty for exists and does not exist", field.RenderValue(values))
		}
	}
	for _, v := range values {
		if msgs := IsValidLabelValue(v); len(msgs) > 0 {
			return fmt.Errorf("values: Invalid value: %q: %s", v, msgs[0])
		}
	}
	return nil
}
