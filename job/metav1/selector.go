package metav1

import (
	"fmt"
	"maps"
	"slices"
)

// LabelSelectorOperator is the operator of a LabelSelectorRequirement.
type LabelSelectorOperator string

const (
	LabelSelectorOpIn           LabelSelectorOperator = "In"
	LabelSelectorOpNotIn        LabelSelectorOperator = "NotIn"
	LabelSelectorOpExists       LabelSelectorOperator = "Exists"
	LabelSelectorOpDoesNotExist LabelSelectorOperator = "DoesNotExist"
)

// LabelSelector is metav1.LabelSelector. The requirements are ANDed. A nil
// selector matches nothing; an empty one matches everything.
type LabelSelector struct {
	MatchLabels      map[string]string          `json:"matchLabels,omitempty"`
	MatchExpressions []LabelSelectorRequirement `json:"matchExpressions,omitempty"`
}

// LabelSelectorRequirement is one requirement of a LabelSelector. Values must
// be non-empty for In and NotIn and empty for Exists and DoesNotExist.
type LabelSelectorRequirement struct {
	Key      string                `json:"key"`
	Operator LabelSelectorOperator `json:"operator"`
	Values   []string              `json:"values,omitempty"`
}

// DeepCopy returns an independent copy of s (nil stays nil).
func (s *LabelSelector) DeepCopy() *LabelSelector {
	if s == nil {
		return nil
	}
	out := new(LabelSelector)
	s.DeepCopyInto(out)
	return out
}

// DeepCopyInto writes an independent copy of s into out.
func (s *LabelSelector) DeepCopyInto(out *LabelSelector) {
	*out = LabelSelector{MatchLabels: maps.Clone(s.MatchLabels)}
	if s.MatchExpressions != nil {
		out.MatchExpressions = make([]LabelSelectorRequirement, len(s.MatchExpressions))
		for i, r := range s.MatchExpressions {
			r.Values = slices.Clone(r.Values)
			out.MatchExpressions[i] = r
		}
	}
}

// Matches reports whether labels satisfy the selector, with the semantics of
// metav1.LabelSelectorAsSelector: nil matches nothing, empty matches
// everything, In needs the key with one of the values, NotIn is satisfied by
// a missing key, Exists and DoesNotExist test the key only. An unknown
// operator, or values that do not fit the operator, is an error naming the
// requirement (matchExpressions[i]); the result is then false.
func (s *LabelSelector) Matches(labels map[string]string) (bool, error) {
	if s == nil {
		return false, nil
	}
	for i, r := range s.MatchExpressions {
		if err := r.check(); err != nil {
			return false, fmt.Errorf("matchExpressions[%d]: %w", i, err)
		}
	}
	for k, v := range s.MatchLabels {
		if got, ok := labels[k]; !ok || got != v {
			return false, nil
		}
	}
	for _, r := range s.MatchExpressions {
		if !r.Matches(labels) {
			return false, nil
		}
	}
	return true, nil
}

func (r LabelSelectorRequirement) check() error {
	switch r.Operator {
	case LabelSelectorOpIn, LabelSelectorOpNotIn:
		if len(r.Values) == 0 {
			return fmt.Errorf("operator %s needs at least one value", r.Operator)
		}
	case LabelSelectorOpExists, LabelSelectorOpDoesNotExist:
		if len(r.Values) != 0 {
			return fmt.Errorf("operator %s takes no values", r.Operator)
		}
	default:
		return fmt.Errorf("%q is not a valid label selector operator", r.Operator)
	}
	return nil
}

// Matches reports whether labels satisfy the requirement, which must be
// well-formed (LabelSelector.Matches checks that first): In needs the key
// with one of the values, NotIn is satisfied by a missing key, Exists and
// DoesNotExist test the key only.
func (r LabelSelectorRequirement) Matches(labels map[string]string) bool {
	v, ok := labels[r.Key]
	switch r.Operator {
	case LabelSelectorOpIn:
		return ok && slices.Contains(r.Values, v)
	case LabelSelectorOpNotIn:
		return !ok || !slices.Contains(r.Values, v)
	case LabelSelectorOpExists:
		return ok
	default: // DoesNotExist; check() rejected anything else
		return !ok
	}
}
