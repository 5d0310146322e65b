package job

import (
	"testing"
	"time"

	"github.com/jobkit/jobkit/policy"
)

func withPFP(rules ...policy.PodFailurePolicyRule) jobOpt {
	return func(j *Job) {
		j.Spec.PodFailurePolicy = &policy.PodFailurePolicy{Rules: rules}
		j.Spec.PodReplacementPolicy = Ptr(Failed)
	}
}

func exitRule(a policy.PodFailurePolicyAction, op policy.PodFailurePolicyOnExitCodesOperator, codes ...int32) policy.PodFailurePolicyRule {
	return policy.PodFailurePolicyRule{Action: a, OnExitCodes: &policy.PodFailurePolicyOnExitCodesRequirement{Operator: op, Values: codes}}
}

func condRule(a policy.PodFailurePolicyAction, typ string) policy.PodFailurePolicyRule {
	return policy.PodFailurePolicyRule{Action: a, OnPodConditions: []policy.PodFailurePolicyOnPodConditionsPattern{{Type: typ, Status: ConditionTrue}}}
}

func podCondition(typ, status string) podOpt {
	return func(p *Pod) {
		p.Status.Conditions = append(p.Status.Conditions, PodCondition{Type: typ, Status: status})
	}
}

func wantMessage(i int, want string) func(*testing.T, Output) {
	return func(t *testing.T, out Output) {
		t.Helper()
		if got := out.Status.Conditions[i].Message; got != want {
			t.Errorf("conditions[%d].message = %q, want %q", i, got, want)
		}
	}
}

func TestStepReferencePolicyScenarios(t *testing.T) {
	ref2021 := withPFP(exitRule(policy.ActionIgnore, policy.OperatorIn, 1, 2, 3), exitRule(policy.ActionFailJob, policy.OperatorIn, 5, 6, 7))
	const msg20 = "Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1"
	runRefCases(t, []refCase{
		{
			name: "20 FailJob exit code",
			job:  testJob(1, 1, ref2021),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "mypod-0", PodFailed, exitCodes(map[string]int32{"main-container": 5}))}
			},
			want: summary{Finalizers: []string{"mypod-0"}, Writes: 2, Events: []string{"PodFailurePolicy"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 0, 0, 1), wantConds("FailureTarget=True/PodFailurePolicy,Failed=True/PodFailurePolicy"),
				wantMessage(0, msg20), wantMessage(1, msg20)),
		},
		{
			name: "21 Ignore wins over later FailJob",
			job:  testJob(1, 1, ref2021, backoffLimit(0)),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "mypod-0", PodFailed, exitCodes(map[string]int32{"a": 2, "b": 6}), finishedAt(-time.Hour))}
			},
			want:  summary{Created: []string{"pi-"}, Finalizers: []string{"mypod-0"}, Writes: 1, Events: []string{"SuccessfulCreate"}, RequeueSecs: -1},
			check: checks(wantCounts(1, 0, 0, 0, 0), wantConds("")),
		},
		{
			name: "21b Ignore with a recent finish delays the replacement",
			job:  testJob(1, 1, ref2021, backoffLimit(0)),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "mypod-0", PodFailed, exitCodes(map[string]int32{"a": 2}), finishedAt(-4*time.Second))}
			},
			want:  summary{Finalizers: []string{"mypod-0"}, Writes: 1, RequeueSecs: 6},
			check: wantCounts(0, 0, 0, 0, 0),
		},
		{
			name: "22 FailJob pod condition",
			job:  testJob(1, 1, withPFP(condRule(policy.ActionFailJob, DisruptionTarget))),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "mypod-0", PodFailed, podCondition(DisruptionTarget, ConditionTrue))}
			},
			want: summary{Finalizers: []string{"mypod-0"}, Writes: 2, Events: []string{"PodFailurePolicy"}, RequeueSecs: -1},
			check: checks(wantConds("FailureTarget=True/PodFailurePolicy,Failed=True/PodFailurePolicy"),
				wantMessage(1, "Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0")),
		},
		{
			name: "23 Ignore DisruptionTarget delays creation",
			job:  testJob(1, 1, withPFP(condRule(policy.ActionIgnore, DisruptionTarget))),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "mypod-0", PodFailed, podCondition(DisruptionTarget, ConditionTrue), deletedAt(0), func(p *Pod) {
					p.Status.ContainerStatuses = nil
				})}
			},
			want:  summary{Finalizers: []string{"mypod-0"}, Writes: 1, RequeueSecs: 10},
			check: wantCounts(0, 0, 0, 0, 0),
		},
		{
			name: "24 terminating pod with PFP is not failed",
			job:  testJob(1, 1, withPFP(condRule(policy.ActionIgnore, DisruptionTarget))),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "mypod-0", "", deletedAt(0), func(p *Pod) { p.Status.ContainerStatuses = nil })}
			},
			want:  summary{Writes: 1, RequeueSecs: -1},
			check: wantCounts(0, 0, 1, 0, 0),
		},
		{
			name: "25 success policy",
			job: testJob(3, 3, indexed, func(j *Job) {
				j.Spec.SuccessPolicy = &policy.SuccessPolicy{Rules: []policy.SuccessPolicyRule{{SucceededIndexes: Ptr("0,1"), SucceededCount: Ptr(int32(1))}}}
			}),
			pods: func(j *Job) []*Pod {
				return []*Pod{testPod(j, "f0", PodFailed, idx(0)), testPod(j, "r0", PodRunning, idx(0)),
					testPod(j, "s1", PodSucceeded, idx(1)), testPod(j, "r2", PodRunning, idx(2))}
			},
			want: summary{Deleted: []string{"r0", "r2"}, Finalizers: []string{"f0", "r0", "s1", "r2"}, Writes: 2,
				Events: []string{"SuccessfulDelete", "SuccessfulDelete"}, RequeueSecs: -1},
			check: checks(wantCounts(0, 0, 2, 1, 1), wantCompleted("1"), wantConds("SuccessCriteriaMet=True/SuccessPolicy"),
				wantMessage(0, "Matched rules at index 0")),
		},
	})
}
