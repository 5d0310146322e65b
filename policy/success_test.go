package policy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/indexes"
)

func TestEvaluateSuccess(t *testing.T) {
	str := func(s string) *string { return &s }
	cnt := func(c int32) *int32 { return &c }
	none := SuccessOutcome{RuleIndex: -1}
	matched := func(i int, msg string) SuccessOutcome {
		return SuccessOutcome{Matched: true, RuleIndex: i, Message: msg}
	}
	cases := []struct {
		name        string
		policy      *SuccessPolicy
		completions int32
		succeeded   indexes.Set
		want        SuccessOutcome
	}{
		{"nil policy", nil, 5, indexes.FromIndexes(0, 1), none},
		{"nothing succeeded", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededCount: cnt(0)}}}, 5, indexes.Set{}, none},
		{"all rule indexes succeeded", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("0,1")}}}, 3,
			indexes.FromIndexes(0, 1), matched(0, "Matched rules at index 0")},
		{"some rule indexes missing", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("0-2")}}}, 3,
			indexes.FromIndexes(0, 1), none},
		{"indexes with count (reference 25)", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("0,1"), SucceededCount: cnt(1)}}}, 3,
			indexes.FromIndexes(1), matched(0, "Matched rules at index 0")},
		{"count only", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededCount: cnt(3)}}}, 10,
			indexes.FromIndexes(2, 5, 9), matched(0, "Matched rules at index 0")},
		{"count only not reached", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededCount: cnt(4)}}}, 10,
			indexes.FromIndexes(2, 5, 9), none},
		{"first matching rule wins", &SuccessPolicy{Rules: []SuccessPolicyRule{
			{SucceededIndexes: str("7")}, {SucceededCount: cnt(1)}, {SucceededIndexes: str("2")}}}, 10,
			indexes.FromIndexes(2), matched(1, "Matched rules at index 1")},
		{"rule indexes beyond completions are dropped", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("1,8-9")}}}, 5,
			indexes.FromIndexes(1), matched(0, "Matched rules at index 0")},
		{"rule with no index below completions is skipped", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("8-9"), SucceededCount: cnt(0)}}}, 5,
			indexes.FromIndexes(1), none},
		{"unparsable pieces are skipped", &SuccessPolicy{Rules: []SuccessPolicyRule{{SucceededIndexes: str("x,2")}}}, 5,
			indexes.FromIndexes(2), matched(0, "Matched rules at index 0")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := EvaluateSuccess(tc.policy, tc.completions, tc.succeeded)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("EvaluateSuccess (-want +got):\n%s", diff)
			}
		})
	}
}
