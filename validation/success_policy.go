package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

// Limits of spec.successPolicy.
const (
	maxSuccessPolicyRules     = 20
	maxSucceededIndexesLength = 64 * 1024 // 65536 bytes
)

// validateSuccessPolicy checks spec.successPolicy (§2.7).
//
// Deviation (no panic): upstream dereferences spec.completions in the
// per-rule checks; for an Indexed Job without completions (already reported
// as "spec.completions: Required value") that is a nil dereference (HTTP
// 500). Here the checks that need completions — the succeededIndexes format
// and the two succeededCount bounds — are skipped in that case; the other
// per-rule checks still run.
func validateSuccessPolicy(s *job.JobSpec, p *field.Path) field.ErrorList {
	sp := s.SuccessPolicy
	if sp == nil {
		return nil
	}
	if !s.IsIndexed() {
		return field.ErrorList{field.Invalid(p, renderSuccessPolicy(sp), "requires indexed completion mode")}
	}
	var errs field.ErrorList
	rulesPath := p.Child("rules")
	if len(sp.Rules) == 0 {
		errs = append(errs, field.Required(rulesPath, "at least one rules must be specified when the successPolicy is specified"))
	}
	if len(sp.Rules) > maxSuccessPolicyRules {
		errs = append(errs, field.TooMany(rulesPath, len(sp.Rules), maxSuccessPolicyRules))
	}
	for i := range sp.Rules {
		errs = append(errs, validateSuccessPolicyRule(s.Completions, &sp.Rules[i], rulesPath.Index(i))...)
	}
	return errs
}

func validateSuccessPolicyRule(completions *int32, r *policy.SuccessPolicyRule, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if r.SucceededIndexes == nil && r.SucceededCount == nil {
		errs = append(errs, field.Required(p, "at least one of succeededCount or succeededIndexes must be specified"))
	}
	total := 0
	if r.SucceededIndexes != nil {
		ip := p.Child("succeededIndexes")
		if len(*r.SucceededIndexes) > maxSucceededIndexesLength {
			errs = append(errs, field.TooLong(ip, *r.SucceededIndexes, maxSucceededIndexesLength))
		}
		if completions != nil {
			set, err := indexes.Parse(*r.SucceededIndexes, *completions)
			if err != nil {
				errs = append(errs, field.Invalid(ip, *r.SucceededIndexes, "error parsing succeededIndexes: "+err.Error()))
			} else {
				total = set.Len()
			}
		}
	}
	if r.SucceededCount != nil {
		cp := p.Child("succeededCount")
		n := *r.SucceededCount
		if n < 0 {
			errs = append(errs, nonNegative(n, cp))
		}
		if completions != nil {
			if n > *completions {
				errs = append(errs, field.Invalid(cp, n, fmt.Sprintf("must be less than or equal to %d (the number of specified completions)", *completions)))
			}
			if r.SucceededIndexes != nil && int64(n) > int64(total) {
				errs = append(errs, field.Invalid(cp, n, fmt.Sprintf("must be less than or equal to %d (the number of indexes in the specified succeededIndexes field)", total)))
			}
		}
	}
	return errs
}
