package job

import (
	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/policy"
)

// successOutcome is the success policy's verdict (§8).
type successOutcome struct {
	matched bool
	message string // "Matched rules at index <i>"
}

// evaluateSuccess evaluates spec.successPolicy (nil: never matches) on the
// succeeded indexes, through package policy.
func evaluateSuccess(p *policy.SuccessPolicy, completions int32, succeeded indexes.Set) successOutcome {
	out := policy.EvaluateSuccess(p, completions, succeeded)
	return successOutcome{matched: out.Matched, message: out.Message}
}
