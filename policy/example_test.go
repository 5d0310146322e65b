package policy_test

import (
	"fmt"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/policy"
)

func ExampleEvaluatePodFailure() {
	p := &policy.PodFailurePolicy{Rules: []policy.PodFailurePolicyRule{
		{Action: policy.ActionIgnore, OnPodConditions: []policy.PodFailurePolicyOnPodConditionsPattern{{Type: "DisruptionTarget", Status: "True"}}},
		{Action: policy.ActionFailJob, OnExitCodes: &policy.PodFailurePolicyOnExitCodesRequirement{Operator: policy.OperatorIn, Values: []int32{42}}},
	}}
	pod := policy.FailedPod{
		Namespace:         "default",
		Name:              "pi-7xk2p",
		ContainerStatuses: []policy.ContainerExit{{Name: "main", Terminated: true, ExitCode: 42}},
	}
	out := policy.EvaluatePodFailure(p, pod)
	fmt.Println(out.Action, out.Counts)
	fmt.Println(out.FailJobMessage)
	// Output:
	// FailJob true
	// Container main for pod default/pi-7xk2p failed with exit code 42 matching FailJob rule at index 1
}

func ExampleEvaluateSuccess() {
	leader := "0"
	two := int32(2)
	p := &policy.SuccessPolicy{Rules: []policy.SuccessPolicyRule{
		{SucceededIndexes: &leader},
		{SucceededCount: &two},
	}}
	fmt.Println(policy.EvaluateSuccess(p, 5, indexes.FromIndexes(3)).Matched)
	fmt.Println(policy.EvaluateSuccess(p, 5, indexes.FromIndexes(3, 4)).Message)
	// Output:
	// false
	// Matched rules at index 1
}
