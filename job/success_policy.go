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

// evaluateSuccess adapts package policy's success-policy evaluation.
func evaluateSuccess(p *policy.SuccessPolicy, completions int32, succeeded indexes.Set) successOutcome {
	// TODO(policy): plug policy.EvaluateSuccess in once it lands.
	_, _, _ = p, completions, succeeded
	return successOutcome{}
}
