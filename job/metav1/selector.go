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
// requirement (matchExpressions[i]); the result is then false. To match
// many label sets, Compile once instead.
//
// Keys and values are not checked for label syntax here (that is
// validation's concern); this is the one implementation of selector
// matching, used by the controller and by validation alike.
func (s *LabelSelector) Matches(labels map[string]string) (bool, error) {
	c, err := s.Compile()
	if err != nil {
		return false, err
	}
	return c.Matches(labels), nil
}

// CompiledSelector is a LabelSelector checked once and flattened for
// matching many label sets (matchLabels as a slice, no map iteration per
// match). The zero value matches nothing. It shares the selector's
// requirements: do not modify the selector while it is in use.
type CompiledSelector struct {
	valid bool // false: a nil selector, matches nothing
	pairs []labelPair
	exprs []LabelSelectorRequirement
}

type labelPair struct{ key, value string }

// Compile checks the operators and value counts of s (see Matches) and
// returns its compiled form; a nil s compiles to a selector that matches
// nothing.
func (s *LabelSelector) Compile() (CompiledSelector, error) {
	if s == nil {
		return CompiledSelector{}, nil
	}
	for i, r := range s.MatchExpressions {
		if err := r.check(); err != nil {
			return CompiledSelector{}, fmt.Errorf("matchExpressions[%d]: %w", i, err)
		}
	}
	c := CompiledSelector{valid: true, exprs: s.MatchExpressions}
	if len(s.MatchLabels) > 0 {
		c.pairs = make([]labelPair, 0, len(s.MatchLabels))
		for k, v := range s.MatchLabels {
			c.pairs = append(c.pairs, labelPair{k, v})
		}
	}
	return c, nil
}

// Matches reports whether labels satisfy the compiled selector: every
// matchLabels pair present with its value, and every requirement.
func (c *CompiledSelector) Matches(labels map[string]string) bool {
	if !c.valid {
		return false
	}
	for _, kv := range c.pairs {
		if v, ok := labels[kv.key]; !ok || v != kv.value {
			return false
		}
	}
	for _, r := range c.exprs {
		if !r.Matches(labels) {
			return false
		}
	}
	return true
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
