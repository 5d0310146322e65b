package job

import "github.com/jobkit/jobkit/policy"

// failureOutcome is the pod failure policy's verdict on one pod (§6).
type failureOutcome struct {
	// counts: the failure counts towards backoffLimit and
	// backoffLimitPerIndex (every action but Ignore; also when no rule
	// matched or no policy is set).
	counts bool
	// action of the first matching rule; "" when no rule matched.
	action policy.PodFailurePolicyAction
	// failJobMessage is the FailureTarget message when action is FailJob.
	failJobMessage string
}

// failureOutcomeOf evaluates spec.podFailurePolicy on r's pod once and
// caches the result in r. Without a policy every failure counts.
func (s *syncer) failureOutcomeOf(r *podRec) failureOutcome {
	if s.pfp == nil {
		return failureOutcome{counts: true}
	}
	if !r.is(fPFDone) {
		r.pf = evaluatePodFailure(s.pfp, r.pod)
		r.flags |= fPFDone
	}
	return r.pf
}

// evaluatePodFailure adapts package policy's evaluation to a Pod.
func evaluatePodFailure(p *policy.PodFailurePolicy, pod *Pod) failureOutcome {
	// TODO(policy): plug policy.EvaluatePodFailure in once it lands.
	_ = p
	_ = pod
	return failureOutcome{counts: true}
}
