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

// failureOutcomeOf evaluates spec.podFailurePolicy on the pod at position
// id once and caches the result in s.pf. Without a policy every failure counts. The same
// verdict serves every use (§6): the failed count, the FailJob scan, whether
// a UID enters uncounted.failed, isIndexFailed and the failure-count
// annotations of replacement pods.
func (s *syncer) failureOutcomeOf(id int32) failureOutcome {
	if s.pfp == nil {
		return failureOutcome{counts: true}
	}
	r := &s.recs[id]
	if !r.is(fPFDone) {
		if s.pf == nil {
			s.pf = make([]failureOutcome, len(s.recs))
		}
		s.pf[id] = s.evaluatePodFailure(r.pod)
		r.flags |= fPFDone
	}
	return s.pf[id]
}

// evaluatePodFailure converts pod to policy.FailedPod (reusing the sync's
// scratch buffers) and evaluates the Job's pod failure policy. The policy
// looks at the pod's container and init container terminated states and
// its conditions; it does not look at the phase, so a running pod counted
// as failed because its Job is failing is evaluated the same way
// (upstream does so too).
func (s *syncer) evaluatePodFailure(pod *Pod) failureOutcome {
	fp := policy.FailedPod{Namespace: pod.Namespace, Name: pod.Name}
	s.exitBuf = appendExits(s.exitBuf[:0], pod.Status.ContainerStatuses)
	n := len(s.exitBuf)
	s.exitBuf = appendExits(s.exitBuf, pod.Status.InitContainerStatuses)
	fp.ContainerStatuses = s.exitBuf[:n:n]
	fp.InitContainerStatuses = s.exitBuf[n:]
	s.condBuf = s.condBuf[:0]
	for _, c := range pod.Status.Conditions {
		s.condBuf = append(s.condBuf, policy.PodCondition{Type: c.Type, Status: c.Status})
	}
	fp.Conditions = s.condBuf
	out := policy.EvaluatePodFailure(s.pfp, fp)
	return failureOutcome{counts: out.Counts, action: out.Action, failJobMessage: out.FailJobMessage}
}

func appendExits(dst []policy.ContainerExit, cs []ContainerStatus) []policy.ContainerExit {
	for i := range cs {
		e := policy.ContainerExit{Name: cs[i].Name}
		if t := cs[i].State.Terminated; t != nil {
			e.Terminated, e.ExitCode = true, t.ExitCode
		}
		dst = append(dst, e)
	}
	return dst
}
