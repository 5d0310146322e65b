package policy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func exitRule(action PodFailurePolicyAction, op PodFailurePolicyOnExitCodesOperator, container *string, values ...int32) PodFailurePolicyRule {
	return PodFailurePolicyRule{Action: action, OnExitCodes: &PodFailurePolicyOnExitCodesRequirement{ContainerName: container, Operator: op, Values: values}}
}

func condRule(action PodFailurePolicyAction, typ, status string) PodFailurePolicyRule {
	return PodFailurePolicyRule{Action: action, OnPodConditions: []PodFailurePolicyOnPodConditionsPattern{{Type: typ, Status: status}}}
}

func failedPod(containers ...ContainerExit) FailedPod {
	return FailedPod{Namespace: "default", Name: "mypod-0", ContainerStatuses: containers}
}

func exited(name string, code int32) ContainerExit {
	return ContainerExit{Name: name, Terminated: true, ExitCode: code}
}

func TestEvaluatePodFailure(t *testing.T) {
	main := "main-container"
	ignore123FailJob567 := &PodFailurePolicy{Rules: []PodFailurePolicyRule{
		exitRule(ActionIgnore, OperatorIn, nil, 1, 2, 3),
		exitRule(ActionFailJob, OperatorIn, nil, 5, 6, 7),
	}}
	noMatch := FailureOutcome{RuleIndex: -1, Counts: true}
	cases := []struct {
		name   string
		policy *PodFailurePolicy
		pod    FailedPod
		want   FailureOutcome
	}{
		{"nil policy counts", nil, failedPod(exited("main", 5)), noMatch},
		{"FailJob on exit code with message", ignore123FailJob567, failedPod(exited(main, 5)),
			FailureOutcome{Matched: true, RuleIndex: 1, Action: ActionFailJob, Counts: true,
				FailJobMessage: "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1"}},
		{"first matching rule wins across containers (reference 21)", ignore123FailJob567,
			failedPod(exited("a", 2), exited("b", 6)),
			FailureOutcome{Matched: true, RuleIndex: 0, Action: ActionIgnore, Counts: false}},
		{"no rule matches counts", ignore123FailJob567, failedPod(exited("a", 42)), noMatch},
		{"exit code 0 never matches In", &PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailJob, OperatorIn, nil, 0, 1)}},
			failedPod(exited("a", 0)), noMatch},
		{"exit code 0 never matches NotIn", &PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailJob, OperatorNotIn, nil, 5)}},
			failedPod(exited("a", 0)), noMatch},
		{"NotIn matches an exit code outside the values", &PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionCount, OperatorNotIn, nil, 5)}},
			failedPod(exited("a", 0), exited("b", 3)), FailureOutcome{Matched: true, RuleIndex: 0, Action: ActionCount, Counts: true}},
		{"non-terminated container is not a candidate", &PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailJob, OperatorNotIn, nil, 5)}},
			failedPod(ContainerExit{Name: "a", ExitCode: 3}), noMatch},
		{"containerName filters", &PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailJob, OperatorIn, &main, 5)}},
			failedPod(exited("sidecar", 5)), noMatch},
		{"containerName matches init containers too",
			&PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailIndex, OperatorIn, &main, 5)}},
			FailedPod{Namespace: "ns", Name: "p", InitContainerStatuses: []ContainerExit{exited(main, 5)}},
			FailureOutcome{Matched: true, RuleIndex: 0, Action: ActionFailIndex, Counts: true}},
		{"containers are checked before init containers",
			&PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailJob, OperatorIn, nil, 1, 2)}},
			FailedPod{Namespace: "ns", Name: "p", InitContainerStatuses: []ContainerExit{exited("init", 1)}, ContainerStatuses: []ContainerExit{exited("app", 2)}},
			FailureOutcome{Matched: true, RuleIndex: 0, Action: ActionFailJob, Counts: true,
				FailJobMessage: "Container app for pod ns/p failed with exit code 2 matching FailJob rule at index 0"}},
		{"unknown operator matches nothing", &PodFailurePolicy{Rules: []PodFailurePolicyRule{exitRule(ActionFailJob, "Between", nil, 5)}},
			failedPod(exited("a", 5)), noMatch},
		{"unknown action is skipped", &PodFailurePolicy{Rules: []PodFailurePolicyRule{
			exitRule("Retry", OperatorIn, nil, 5), exitRule(ActionCount, OperatorIn, nil, 5)}},
			failedPod(exited("a", 5)), FailureOutcome{Matched: true, RuleIndex: 1, Action: ActionCount, Counts: true}},
		{"FailJob on pod condition with message", &PodFailurePolicy{Rules: []PodFailurePolicyRule{condRule(ActionFailJob, "DisruptionTarget", "True")}},
			FailedPod{Namespace: "default", Name: "mypod-0", Conditions: []PodCondition{{"Ready", "False"}, {"DisruptionTarget", "True"}}},
			FailureOutcome{Matched: true, RuleIndex: 0, Action: ActionFailJob, Counts: true,
				FailJobMessage: "Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0"}},
		{"pod condition status must be equal", &PodFailurePolicy{Rules: []PodFailurePolicyRule{condRule(ActionIgnore, "DisruptionTarget", "True")}},
			FailedPod{Conditions: []PodCondition{{"DisruptionTarget", "False"}}}, noMatch},
		{"empty pattern status means True", &PodFailurePolicy{Rules: []PodFailurePolicyRule{condRule(ActionIgnore, "DisruptionTarget", "")}},
			FailedPod{Conditions: []PodCondition{{"DisruptionTarget", "True"}}},
			FailureOutcome{Matched: true, RuleIndex: 0, Action: ActionIgnore, Counts: false}},
		{"rule with neither requirement matches nothing", &PodFailurePolicy{Rules: []PodFailurePolicyRule{{Action: ActionFailJob}}},
			failedPod(exited("a", 5)), noMatch},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := EvaluatePodFailure(tc.policy, tc.pod)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("EvaluatePodFailure (-want +got):\n%s", diff)
			}
		})
	}
}
