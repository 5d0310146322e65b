package policy

import (
	"fmt"
	"slices"
)

// FailedPod is the view of a failed pod that pod failure policy evaluation
// needs. Slices are in the pod's status order.
type FailedPod struct {
	// Namespace and Name appear in the FailJob condition message only.
	Namespace string
	Name      string
	// ContainerStatuses are looked at before InitContainerStatuses.
	ContainerStatuses     []ContainerExit
	InitContainerStatuses []ContainerExit
	// Conditions are the pod's conditions, matched by type and status.
	Conditions []PodCondition
}

// ContainerExit is a container status reduced to its terminated state.
// Terminated is false when the container has no terminated state; ExitCode
// is then meaningless.
type ContainerExit struct {
	// Name is the container's name, matched against ContainerName.
	Name string
	// Terminated reports whether the status has a terminated state.
	Terminated bool
	// ExitCode is the terminated state's exit code; 0 never matches a rule.
	ExitCode int32
}

// PodCondition is a pod condition reduced to type and status.
type PodCondition struct {
	// Type is the condition type, e.g. "DisruptionTarget".
	Type string
	// Status is "True", "False" or "Unknown", compared exactly.
	Status string
}

// FailureOutcome is the result of evaluating a pod failure policy against
// one failed pod.
type FailureOutcome struct {
	// Matched reports whether a rule with a known action matched.
	Matched bool
	// RuleIndex is the 0-based index of the matching rule (-1 if none).
	RuleIndex int
	// Action is the matching rule's action ("" if none).
	Action PodFailurePolicyAction
	// Counts reports whether the failure counts towards backoffLimit and
	// backoffLimitPerIndex: false only for Ignore.
	Counts bool
	// FailJobMessage is the condition message for a FailJob match, else "".
	FailJobMessage string
}

// EvaluatePodFailure applies p to a failed pod (controller.md §6):
//
//  1. Rules are tried in list order; the first rule that matches and has a
//     known action (FailJob, FailIndex, Ignore, Count) decides. A rule with
//     an unknown action is skipped.
//  2. A rule with onExitCodes looks at container statuses first, then init
//     container statuses, each in list order. A status is a candidate when
//     it has a terminated state with a non-zero exit code (0 never matches,
//     for either operator) and, if the rule names a container, has that
//     name. In matches an exit code among the values, NotIn one outside
//     them; any other operator matches nothing.
//  3. A rule without onExitCodes matches on the pod's conditions, in the
//     pod's order, against each pattern: equal type and equal status (an
//     empty pattern status means "True", its API default).
//  4. No match: the failure counts, no action.
//
// A nil policy gives the no-match outcome. The pod is not retained.
func EvaluatePodFailure(p *PodFailurePolicy, pod FailedPod) FailureOutcome {
	out := FailureOutcome{RuleIndex: -1, Counts: true}
	if p == nil {
		return out
	}
	for i, rule := range p.Rules {
		if !isKnownAction(rule.Action) {
			continue
		}
		var message string
		switch {
		case rule.OnExitCodes != nil:
			c, ok := matchingContainer(rule.OnExitCodes, pod)
			if !ok {
				continue
			}
			message = fmt.Sprintf("Container %s for pod %s/%s failed with exit code %d matching FailJob rule at index %d",
				c.Name, pod.Namespace, pod.Name, c.ExitCode, i)
		case rule.OnPodConditions != nil:
			cond, ok := matchingCondition(rule.OnPodConditions, pod.Conditions)
			if !ok {
				continue
			}
			message = fmt.Sprintf("Pod %s/%s has condition %s matching FailJob rule at index %d",
				pod.Namespace, pod.Name, cond.Type, i)
		default:
			continue
		}
		out.Matched, out.RuleIndex, out.Action = true, i, rule.Action
		out.Counts = rule.Action != ActionIgnore
		if rule.Action == ActionFailJob {
			out.FailJobMessage = message
		}
		return out
	}
	return out
}

func isKnownAction(a PodFailurePolicyAction) bool {
	switch a {
	case ActionFailJob, ActionFailIndex, ActionIgnore, ActionCount:
		return true
	}
	return false
}

func matchingContainer(req *PodFailurePolicyOnExitCodesRequirement, pod FailedPod) (ContainerExit, bool) {
	for _, statuses := range [][]ContainerExit{pod.ContainerStatuses, pod.InitContainerStatuses} {
		for _, c := range statuses {
			if !c.Terminated || c.ExitCode == 0 {
				continue
			}
			if req.ContainerName != nil && *req.ContainerName != c.Name {
				continue
			}
			if exitCodeMatches(req, c.ExitCode) {
				return c, true
			}
		}
	}
	return ContainerExit{}, false
}

func exitCodeMatches(req *PodFailurePolicyOnExitCodesRequirement, code int32) bool {
	switch req.Operator {
	case OperatorIn:
		return slices.Contains(req.Values, code)
	case OperatorNotIn:
		return !slices.Contains(req.Values, code)
	}
	return false
}

func matchingCondition(patterns []PodFailurePolicyOnPodConditionsPattern, conds []PodCondition) (PodCondition, bool) {
	for _, c := range conds {
		for _, p := range patterns {
			want := p.Status
			if want == "" {
				want = "True"
			}
			if c.Type == p.Type && c.Status == want {
				return c, true
			}
		}
	}
	return PodCondition{}, false
}
