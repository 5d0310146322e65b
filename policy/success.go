package policy

import (
	"fmt"

	"github.com/jobkit/jobkit/indexes"
)

// SuccessOutcome is the result of evaluating a success policy.
type SuccessOutcome struct {
	// Matched reports whether some rule matched.
	Matched bool
	// RuleIndex is the 0-based index of the first matching rule (-1 if none).
	RuleIndex int
	// Message is the SuccessCriteriaMet message, "Matched rules at index N".
	Message string
}

// EvaluateSuccess applies p to the succeeded indexes of an Indexed Job with
// the given completions (controller.md §8):
//
//  1. A nil policy, or no succeeded index, matches nothing.
//  2. Rules are tried in order; the first match wins.
//  3. A rule with succeededIndexes reads them with the controller's lenient
//     parser bounded by completions; an empty result skips the rule. It
//     matches when all of its indexes succeeded, or when succeededCount is
//     set and at least that many of its indexes succeeded.
//  4. A rule with only succeededCount matches when at least that many
//     indexes succeeded.
func EvaluateSuccess(p *SuccessPolicy, completions int32, succeeded indexes.Set) SuccessOutcome {
	none := SuccessOutcome{RuleIndex: -1}
	if p == nil || succeeded.IsEmpty() {
		return none
	}
	for i, rule := range p.Rules {
		if ruleMatches(rule, completions, succeeded) {
			return SuccessOutcome{Matched: true, RuleIndex: i, Message: fmt.Sprintf("Matched rules at index %d", i)}
		}
	}
	return none
}

func ruleMatches(rule SuccessPolicyRule, completions int32, succeeded indexes.Set) bool {
	if rule.SucceededIndexes == nil {
		return rule.SucceededCount != nil && int64(succeeded.Len()) >= int64(*rule.SucceededCount)
	}
	want := indexes.ParseLenient(*rule.SucceededIndexes, completions)
	if want.IsEmpty() {
		return false
	}
	got := want.CountIn(succeeded)
	if got == want.Len() {
		return true
	}
	return rule.SucceededCount != nil && int64(got) >= int64(*rule.SucceededCount)
}
