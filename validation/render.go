package validation

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// The API server renders bad values of its internal (hub) types with
// encoding/json; those types carry no JSON tags, so the output uses the Go
// field names and lists every field ({"Rules":[]},
// {"Succeeded":null,"Failed":["a"]}). The mirrors below reproduce that for
// the policies and uncountedTerminatedPods. Pod templates and pod specs are
// rendered from jobkit's own (batch/v1-shaped) types instead: best effort,
// as the spec allows (§7.4).

type internalSuccessPolicy struct {
	Rules []internalSuccessPolicyRule
}

type internalSuccessPolicyRule struct {
	SucceededIndexes *string
	SucceededCount   *int32
}

func renderSuccessPolicy(sp *policy.SuccessPolicy) any {
	if sp == nil {
		return (*internalSuccessPolicy)(nil)
	}
	out := &internalSuccessPolicy{}
	if sp.Rules != nil {
		out.Rules = make([]internalSuccessPolicyRule, len(sp.Rules))
		for i, r := range sp.Rules {
			out.Rules[i] = internalSuccessPolicyRule(r)
		}
	}
	return out
}

type internalPodFailurePolicy struct {
	Rules []internalPodFailurePolicyRule
}

type internalPodFailurePolicyRule struct {
	Action          policy.PodFailurePolicyAction
	OnExitCodes     *internalOnExitCodes
	OnPodConditions []internalOnPodConditionsPattern
}

type internalOnExitCodes struct {
	ContainerName *string
	Operator      policy.PodFailurePolicyOnExitCodesOperator
	Values        []int32
}

type internalOnPodConditionsPattern struct {
	Type   string
	Status string
}

func renderPodFailurePolicy(pfp *policy.PodFailurePolicy) any {
	if pfp == nil {
		return (*internalPodFailurePolicy)(nil)
	}
	out := &internalPodFailurePolicy{}
	if pfp.Rules != nil {
		out.Rules = make([]internalPodFailurePolicyRule, len(pfp.Rules))
		for i, r := range pfp.Rules {
			ir := internalPodFailurePolicyRule{Action: r.Action}
			if r.OnExitCodes != nil {
				ir.OnExitCodes = &internalOnExitCodes{
					ContainerName: r.OnExitCodes.ContainerName,
					Operator:      r.OnExitCodes.Operator,
					Values:        r.OnExitCodes.Values,
				}
			}
			if r.OnPodConditions != nil {
				ir.OnPodConditions = make([]internalOnPodConditionsPattern, len(r.OnPodConditions))
				for j, c := range r.OnPodConditions {
					ir.OnPodConditions[j] = internalOnPodConditionsPattern(c)
				}
			}
			out.Rules[i] = ir
		}
	}
	return out
}

type internalUncounted struct {
	Succeeded []job.UID
	Failed    []job.UID
}

func renderUncounted(u *job.UncountedTerminatedPods) any {
	if u == nil {
		return (*internalUncounted)(nil)
	}
	return &internalUncounted{Succeeded: u.Succeeded, Failed: u.Failed}
}
