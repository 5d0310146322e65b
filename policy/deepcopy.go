package policy

import "slices"

// DeepCopy returns an independent copy of p.
func (p *PodFailurePolicy) DeepCopy() *PodFailurePolicy {
	if p == nil {
		return nil
	}
	out := &PodFailurePolicy{}
	if p.Rules != nil {
		out.Rules = make([]PodFailurePolicyRule, len(p.Rules))
		for i, r := range p.Rules {
			if r.OnExitCodes != nil {
				oe := *r.OnExitCodes
				if oe.ContainerName != nil {
					n := *oe.ContainerName
					oe.ContainerName = &n
				}
				oe.Values = slices.Clone(oe.Values)
				r.OnExitCodes = &oe
			}
			r.OnPodConditions = slices.Clone(r.OnPodConditions)
			out.Rules[i] = r
		}
	}
	return out
}

// DeepCopy returns an independent copy of p.
func (p *SuccessPolicy) DeepCopy() *SuccessPolicy {
	if p == nil {
		return nil
	}
	out := &SuccessPolicy{}
	if p.Rules != nil {
		out.Rules = make([]SuccessPolicyRule, len(p.Rules))
		for i, r := range p.Rules {
			if r.SucceededIndexes != nil {
				s := *r.SucceededIndexes
				r.SucceededIndexes = &s
			}
			if r.SucceededCount != nil {
				c := *r.SucceededCount
				r.SucceededCount = &c
			}
			out.Rules[i] = r
		}
	}
	return out
}
