package metav1

import "testing"

func TestLabelSelectorMatches(t *testing.T) {
	labels := map[string]string{"app": "pi", "tier": "batch"}
	cases := []struct {
		name    string
		sel     *LabelSelector
		want    bool
		wantErr bool
	}{
		{"nil matches nothing", nil, false, false},
		{"empty matches everything", &LabelSelector{}, true, false},
		{"matchLabels hit", &LabelSelector{MatchLabels: map[string]string{"app": "pi"}}, true, false},
		{"matchLabels miss", &LabelSelector{MatchLabels: map[string]string{"app": "web"}}, false, false},
		{"In hit", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "tier", Operator: LabelSelectorOpIn, Values: []string{"web", "batch"}}}}, true, false},
		{"In on missing key", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "zone", Operator: LabelSelectorOpIn, Values: []string{"a"}}}}, false, false},
		{"NotIn on missing key", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "zone", Operator: LabelSelectorOpNotIn, Values: []string{"a"}}}}, true, false},
		{"NotIn hit", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "app", Operator: LabelSelectorOpNotIn, Values: []string{"pi"}}}}, false, false},
		{"Exists", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "app", Operator: LabelSelectorOpExists}}}, true, false},
		{"DoesNotExist", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "app", Operator: LabelSelectorOpDoesNotExist}}}, false, false},
		{"ANDed", &LabelSelector{MatchLabels: map[string]string{"app": "pi"}, MatchExpressions: []LabelSelectorRequirement{{Key: "tier", Operator: LabelSelectorOpDoesNotExist}}}, false, false},
		{"unknown operator", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "app", Operator: "Like"}}}, false, true},
		{"In without values", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "app", Operator: LabelSelectorOpIn}}}, false, true},
		{"Exists with values", &LabelSelector{MatchExpressions: []LabelSelectorRequirement{{Key: "app", Operator: LabelSelectorOpExists, Values: []string{"x"}}}}, false, true},
	}
	for _, tc := range cases {
		got, err := tc.sel.Matches(labels)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("%s: Matches = %v, %v; want %v, error %v", tc.name, got, err, tc.want, tc.wantErr)
		}
	}
}
