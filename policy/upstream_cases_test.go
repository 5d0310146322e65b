package policy

// Table tests translated from the upstream Kubernetes unit tests of the Job
// controller's pure policy functions (pkg/controller/job):
// TestMatchPodFailurePolicy (pod_failure_policy_test.go) and
// TestMatchSuccessPolicy (success_policy_test.go). Each case keeps the
// upstream case name; inputs and expected outcomes are the upstream facts,
// mapped onto EvaluatePodFailure / EvaluateSuccess:
//
//   - upstream's job-failure message (nil when absent) is FailJobMessage ("");
//   - upstream's countFailed is Counts;
//   - upstream's matched rule (nil when none) is Matched, RuleIndex, Action.
//
// Upstream cases that only exist for a disabled feature gate are kept when
// their inputs still make sense with the gate on (a nil policy, no succeeded
// index); their expectation is then the no-match outcome.

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/indexes"
)

// upstreamPod is the failed pod shape of the upstream table: namespace
// "default", name "mypod".
func upstreamPod(containers, inits []ContainerExit, conds ...PodCondition) FailedPod {
	return FailedPod{
		Namespace:             "default",
		Name:                  "mypod",
		ContainerStatuses:     containers,
		InitContainerStatuses: inits,
		Conditions:            conds,
	}
}

func onCodes(action PodFailurePolicyAction, op PodFailurePolicyOnExitCodesOperator, values ...int32) PodFailurePolicyRule {
	return PodFailurePolicyRule{Action: action, OnExitCodes: &PodFailurePolicyOnExitCodesRequirement{Operator: op, Values: values}}
}

func onCond(action PodFailurePolicyAction, condType, status string) PodFailurePolicyRule {
	return PodFailurePolicyRule{Action: action, OnPodConditions: []PodFailurePolicyOnPodConditionsPattern{{Type: condType, Status: status}}}
}

func TestUpstreamMatchPodFailurePolicy(t *testing.T) {
	rules := func(r ...PodFailurePolicyRule) *PodFailurePolicy { return &PodFailurePolicy{Rules: r} }
	noMatch := FailureOutcome{RuleIndex: -1, Counts: true}
	match := func(i int, a PodFailurePolicyAction, msg string) FailureOutcome {
		return FailureOutcome{Matched: true, RuleIndex: i, Action: a, Counts: a != ActionIgnore, FailJobMessage: msg}
	}
	disruption := PodCondition{Type: "DisruptionTarget", Status: "True"}
	cases := []struct {
		name   string
		policy *PodFailurePolicy
		pod    FailedPod
		want   FailureOutcome
	}{
		{
			name: "unknown action for rule matching by exit codes - skip rule with unknown action",
			policy: rules(
				onCodes("UnknownAction", OperatorIn, 1, 2),
				onCodes(ActionFailJob, OperatorIn, 2, 3)),
			pod:  upstreamPod([]ContainerExit{exited("main-container", 2)}, nil),
			want: match(1, ActionFailJob, "Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1"),
		},
		{
			name: "unknown action for rule matching by pod conditions - skip rule with unknown action",
			policy: rules(
				onCond("UnkonwnAction", "DisruptionTarget", "True"),
				onCond(ActionIgnore, "DisruptionTarget", "True")),
			pod:  upstreamPod(nil, nil, disruption),
			want: match(1, ActionIgnore, ""),
		},
		{
			name: "unknown operator - rule with unknown action is skipped for onExitCodes",
			policy: rules(
				onCodes(ActionIgnore, "UnknownOperator", 1, 2),
				onCodes(ActionFailJob, OperatorIn, 2, 3)),
			pod:  upstreamPod([]ContainerExit{exited("main-container", 2)}, nil),
			want: match(1, ActionFailJob, "Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1"),
		},
		{
			name:   "no policy rules",
			policy: nil,
			pod:    upstreamPod([]ContainerExit{exited("", 2)}, nil),
			want:   noMatch,
		},
		{
			name:   "ignore rule matched for exit codes",
			policy: rules(onCodes(ActionIgnore, OperatorIn, 1, 2, 3)),
			pod:    upstreamPod([]ContainerExit{exited("", 2)}, nil),
			want:   match(0, ActionIgnore, ""),
		},
		{
			name:   "ignore rule matched on negative exit codes - needed for Windows support",
			policy: rules(onCodes(ActionIgnore, OperatorIn, -1073741676, -1073741510)),
			pod:    upstreamPod([]ContainerExit{exited("", -1073741510)}, nil),
			want:   match(0, ActionIgnore, ""),
		},
		{
			name:   "FailJob rule matched for exit codes",
			policy: rules(onCodes(ActionFailJob, OperatorIn, 1, 2, 3)),
			pod:    upstreamPod([]ContainerExit{exited("main-container", 2)}, nil),
			want:   match(0, ActionFailJob, "Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 0"),
		},
		{
			name:   "successful containers are skipped by the rules",
			policy: rules(onCodes(ActionFailJob, OperatorNotIn, 111)),
			pod: upstreamPod(
				[]ContainerExit{exited("main-container", 111), exited("suppport-container", 0)},
				[]ContainerExit{exited("init-container", 0)}),
			want: noMatch,
		},
		{
			name:   "FailIndex rule matched for exit codes",
			policy: rules(onCodes(ActionFailIndex, OperatorIn, 1, 2, 3)),
			pod:    upstreamPod([]ContainerExit{exited("", 2)}, nil),
			want:   match(0, ActionFailIndex, ""),
		},
		{
			name:   "pod failure policy with NotIn operator and value 0",
			policy: rules(onCodes(ActionFailJob, OperatorNotIn, 0)),
			pod:    upstreamPod([]ContainerExit{exited("main-container", 1), exited("suppport-container", 0)}, nil),
			want:   match(0, ActionFailJob, "Container main-container for pod default/mypod failed with exit code 1 matching FailJob rule at index 0"),
		},
		{
			name: "second jobfail rule matched for exit codes",
			policy: rules(
				onCodes(ActionCount, OperatorIn, 1, 2, 3),
				onCodes(ActionFailJob, OperatorIn, 4, 5, 6)),
			pod:  upstreamPod([]ContainerExit{exited("main-container", 6)}, nil),
			want: match(1, ActionFailJob, "Container main-container for pod default/mypod failed with exit code 6 matching FailJob rule at index 1"),
		},
		{
			name:   "count rule matched for exit codes",
			policy: rules(onCodes(ActionCount, OperatorIn, 1, 2, 3)),
			pod:    upstreamPod([]ContainerExit{{Name: "foo"}, exited("bar", 2)}, nil),
			want:   match(0, ActionCount, ""),
		},
		{
			name:   "FailIndex rule matched for pod conditions",
			policy: rules(onCond(ActionFailIndex, "DisruptionTarget", "True")),
			pod:    upstreamPod(nil, nil, disruption),
			want:   match(0, ActionFailIndex, ""),
		},
		{
			name:   "ignore rule matched for pod conditions",
			policy: rules(onCond(ActionIgnore, "DisruptionTarget", "True")),
			pod:    upstreamPod(nil, nil, disruption),
			want:   match(0, ActionIgnore, ""),
		},
		{
			name:   "ignore rule matches by the status=False",
			policy: rules(onCond(ActionIgnore, "DisruptionTarget", "False")),
			pod:    upstreamPod(nil, nil, PodCondition{Type: "DisruptionTarget", Status: "False"}),
			want:   match(0, ActionIgnore, ""),
		},
		{
			name:   "ignore rule matches by the status=Unknown",
			policy: rules(onCond(ActionIgnore, "DisruptionTarget", "Unknown")),
			pod:    upstreamPod(nil, nil, PodCondition{Type: "DisruptionTarget", Status: "Unknown"}),
			want:   match(0, ActionIgnore, ""),
		},
		{
			name:   "ignore rule does not match when status for pattern is False, but actual True",
			policy: rules(onCond(ActionIgnore, "DisruptionTarget", "False")),
			pod:    upstreamPod(nil, nil, disruption),
			want:   noMatch,
		},
		{
			name:   "ignore rule does not match when status for pattern is True, but actual False",
			policy: rules(onCond(ActionIgnore, "DisruptionTarget", "True")),
			pod:    upstreamPod(nil, nil, PodCondition{Type: "DisruptionTarget", Status: "False"}),
			want:   noMatch,
		},
		{
			name:   "default - do not match condition with status=False",
			policy: rules(onCond(ActionIgnore, "DisruptionTarget", "True")),
			pod:    upstreamPod(nil, nil, PodCondition{Type: "DisruptionTarget", Status: "False"}),
			want:   noMatch,
		},
		{
			name:   "job fail rule matched for pod conditions",
			policy: rules(onCond(ActionFailJob, "DisruptionTarget", "True")),
			pod:    upstreamPod(nil, nil, disruption),
			want:   match(0, ActionFailJob, "Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0"),
		},
		{
			name:   "count rule matched for pod conditions",
			policy: rules(onCond(ActionCount, "DisruptionTarget", "True")),
			pod:    upstreamPod(nil, nil, disruption),
			want:   match(0, ActionCount, ""),
		},
		{
			// Despite its name, upstream expects rule 0 (Count, NotIn [8]) to
			// match exit code 32.
			name: "no rule matched",
			policy: rules(
				onCodes(ActionCount, OperatorNotIn, 8),
				onCodes(ActionIgnore, OperatorIn, 1, 2, 3),
				onCodes(ActionFailJob, OperatorNotIn, 5, 6, 7),
				onCond(ActionCount, "ResourceLimitExceeded", "True"),
				onCond(ActionIgnore, "DisruptionTarget", "True")),
			pod:  upstreamPod([]ContainerExit{exited("", 32)}, nil),
			want: match(0, ActionCount, ""),
		},
		{
			// Upstream also names the rules ("0", "HostMaintenanceRule") and
			// expects the matched rule's name; jobkit's rule type has no name
			// field, so only the rule index and action are checked.
			name: "expected matching rule returned",
			policy: rules(
				onCond(ActionFailJob, "MaxFailedIndexesExceeded", "True"),
				onCond(ActionIgnore, "DisruptionTarget", "True")),
			pod:  upstreamPod(nil, nil, disruption),
			want: match(1, ActionIgnore, ""),
		},
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

func TestUpstreamMatchSuccessPolicy(t *testing.T) {
	str := func(s string) *string { return &s }
	cnt := func(c int32) *int32 { return &c }
	iv := func(pairs ...int32) indexes.Set {
		var out []indexes.Interval
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, indexes.Interval{First: pairs[i], Last: pairs[i+1]})
		}
		return indexes.FromIntervals(out...)
	}
	one := func(idx *string, count *int32) *SuccessPolicy {
		return &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: idx, SucceededCount: count}}}
	}
	cases := []struct {
		name      string
		policy    *SuccessPolicy
		succeeded indexes.Set
		wantRule  int // -1: not met
	}{
		// Upstream: "JobSuccessPolicy is disabled" and "successPolicy is null"
		// (both a nil policy).
		{name: "successPolicy is null", policy: nil, succeeded: iv(0, 0), wantRule: -1},
		{name: "any rules are nothing", policy: &SuccessPolicy{Rules: []SuccessPolicyRule{}}, succeeded: iv(0, 0), wantRule: -1},
		{name: "rules.succeededIndexes is invalid format", policy: one(str("invalid-form"), nil), succeeded: iv(0, 0), wantRule: -1},
		{name: "rules.succeededIndexes is specified; succeededIndexes matched rules", policy: one(str("0-2"), nil), succeeded: iv(0, 2, 4, 7), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules", policy: one(str("3"), nil), succeeded: iv(0, 2), wantRule: -1},
		{name: "rules.succeededCount is specified; succeededIndexes matched rules", policy: one(nil, cnt(2)), succeeded: iv(0, 2), wantRule: 0},
		{name: "rules.succeededCount is specified; succeededIndexes didn't match rules", policy: one(nil, cnt(4)), succeeded: iv(0, 2), wantRule: -1},
		{
			name:      "multiple rules; rules.succeededIndexes is specified; succeededIndexes met one of rules",
			policy:    &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("9")}, {SucceededIndexes: str("4,6")}}},
			succeeded: iv(0, 2, 4, 7),
			wantRule:  1,
		},
		{
			name:      "multiple rules; rules.succeededIndexes is specified; succeededIndexes met all rules",
			policy:    &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("0,1")}, {SucceededIndexes: str("5")}}},
			succeeded: iv(0, 2, 4, 7),
			wantRule:  0,
		},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes met all rules", policy: one(str("3-6"), cnt(2)), succeeded: iv(0, 2, 4, 7), wantRule: 0},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes didn't match rules", policy: one(str("3-6"), cnt(2)), succeeded: iv(0, 2, 6, 7), wantRule: -1},
		{name: "rules.succeededIndexes is specified; succeededIndexes are nothing", policy: one(nil, cnt(4)), succeeded: indexes.Set{}, wantRule: -1},
		{name: "rules.succeededIndexes is specified; succeededIndexes matched rules; rules is proper subset of succeededIndexes", policy: one(str("2-4,6-8"), nil), succeeded: iv(1, 5, 6, 9), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes matched rules; rules equals succeededIndexes", policy: one(str("2-4,6-9"), nil), succeeded: iv(2, 4, 6, 9), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes matched rules; rules is subset of succeededIndexes", policy: one(str("2-4,8-12"), nil), succeeded: iv(2, 5, 7, 15), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules is an empty set", policy: one(str(""), nil), succeeded: iv(1, 3), wantRule: -1},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; succeededIndexes is an empty set", policy: one(str(""), nil), succeeded: indexes.Set{}, wantRule: -1},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; all elements of rules.succeededIndexes aren't included in succeededIndexes", policy: one(str("10-12,14-16"), nil), succeeded: iv(1, 3, 5, 7), wantRule: -1},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at first", policy: one(str("1-3,5-7"), nil), succeeded: iv(2, 4, 6, 8), wantRule: -1},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at first", policy: one(str("1-3,5-7"), cnt(4)), succeeded: iv(2, 4, 6, 8), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at last", policy: one(str("2-4,6-9"), nil), succeeded: iv(1, 3, 5, 7), wantRule: -1},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at last", policy: one(str("2-4,6-9"), cnt(4)), succeeded: iv(1, 3, 5, 7), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules completely overlaps succeededIndexes", policy: one(str("0-4,6-9"), nil), succeeded: iv(1, 3, 7, 8), wantRule: -1},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules completely overlaps succeededIndexes", policy: one(str("0-4,6-9"), cnt(5)), succeeded: iv(1, 3, 7, 8), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps multiple succeededIndexes at last", policy: one(str("0-6,8-9"), nil), succeeded: iv(1, 3, 5, 9), wantRule: -1},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps multiple succeededIndexes at last", policy: one(str("0-6,8-9"), cnt(7)), succeeded: iv(1, 3, 5, 9), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at first, and rules equals succeededIndexes at last", policy: one(str("0-5,7-9"), nil), succeeded: iv(1, 5, 7, 10), wantRule: -1},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at first, and rules equals succeededIndexes at last", policy: one(str("0-5,7-9"), cnt(8)), succeeded: iv(1, 5, 7, 10), wantRule: 0},
		{name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; the first rules overlaps succeededIndexes at first", policy: one(str("0-3,6-9"), nil), succeeded: iv(1, 10), wantRule: -1},
		{name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; the first rules overlaps succeededIndexes at first", policy: one(str("0-3,6-9"), cnt(7)), succeeded: iv(1, 10), wantRule: 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := SuccessOutcome{RuleIndex: -1}
			if tc.wantRule >= 0 {
				want = SuccessOutcome{Matched: true, RuleIndex: tc.wantRule, Message: fmt.Sprintf("Matched rules at index %d", tc.wantRule)}
			}
			// Upstream's completions is 10 in every case.
			got := EvaluateSuccess(tc.policy, 10, tc.succeeded)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("EvaluateSuccess (-want +got):\n%s", diff)
			}
		})
	}
}
