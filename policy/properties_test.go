package policy

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/indexes"
	"pgregory.net/rapid"
)

// modelPodFailure is a straight-line restatement of controller.md §6 used as
// the oracle: it flattens the candidates first, then scans rules.
func modelPodFailure(p *PodFailurePolicy, pod FailedPod) FailureOutcome {
	if p == nil {
		return FailureOutcome{RuleIndex: -1, Counts: true}
	}
	all := append(slices.Clone(pod.ContainerStatuses), pod.InitContainerStatuses...)
	for i, r := range p.Rules {
		if r.Action != ActionFailJob && r.Action != ActionFailIndex && r.Action != ActionIgnore && r.Action != ActionCount {
			continue
		}
		msg, hit := "", false
		if r.OnExitCodes != nil {
			for _, c := range all {
				if hit || !c.Terminated || c.ExitCode == 0 {
					continue
				}
				if r.OnExitCodes.ContainerName != nil && c.Name != *r.OnExitCodes.ContainerName {
					continue
				}
				in := slices.Contains(r.OnExitCodes.Values, c.ExitCode)
				if (r.OnExitCodes.Operator == OperatorIn && in) || (r.OnExitCodes.Operator == OperatorNotIn && !in) {
					hit = true
					msg = fmt.Sprintf("Container %s for pod %s/%s failed with exit code %d matching FailJob rule at index %d", c.Name, pod.Namespace, pod.Name, c.ExitCode, i)
				}
			}
		} else if r.OnPodConditions != nil {
			for _, c := range pod.Conditions {
				for _, pat := range r.OnPodConditions {
					st := pat.Status
					if st == "" {
						st = "True"
					}
					if !hit && c.Type == pat.Type && c.Status == st {
						hit = true
						msg = fmt.Sprintf("Pod %s/%s has condition %s matching FailJob rule at index %d", pod.Namespace, pod.Name, c.Type, i)
					}
				}
			}
		}
		if !hit {
			continue
		}
		out := FailureOutcome{Matched: true, RuleIndex: i, Action: r.Action, Counts: r.Action != ActionIgnore}
		if r.Action == ActionFailJob {
			out.FailJobMessage = msg
		}
		return out
	}
	return FailureOutcome{RuleIndex: -1, Counts: true}
}

var (
	genName   = rapid.SampledFrom([]string{"main", "side", "init"})
	genCode   = rapid.Int32Range(0, 6)
	genAction = rapid.SampledFrom([]PodFailurePolicyAction{ActionFailJob, ActionFailIndex, ActionIgnore, ActionCount, "Bogus"})
	genType   = rapid.SampledFrom([]string{"DisruptionTarget", "Ready", "ConfigIssue"})
	genStatus = rapid.SampledFrom([]string{"True", "False", "Unknown", ""})
)

func genExits(t *rapid.T, label string) []ContainerExit {
	return rapid.SliceOfN(rapid.Custom(func(t *rapid.T) ContainerExit {
		return ContainerExit{Name: genName.Draw(t, "name"), Terminated: rapid.Bool().Draw(t, "terminated"), ExitCode: genCode.Draw(t, "code")}
	}), 0, 3).Draw(t, label)
}

func genPolicy(t *rapid.T) *PodFailurePolicy {
	if rapid.IntRange(0, 9).Draw(t, "nilPolicy") == 0 {
		return nil
	}
	rules := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) PodFailurePolicyRule {
		r := PodFailurePolicyRule{Action: genAction.Draw(t, "action")}
		if rapid.Bool().Draw(t, "byExitCode") {
			req := &PodFailurePolicyOnExitCodesRequirement{
				Operator: rapid.SampledFrom([]PodFailurePolicyOnExitCodesOperator{OperatorIn, OperatorNotIn, "Other"}).Draw(t, "op"),
				Values:   rapid.SliceOfN(genCode, 1, 3).Draw(t, "values"),
			}
			if rapid.Bool().Draw(t, "named") {
				n := genName.Draw(t, "container")
				req.ContainerName = &n
			}
			r.OnExitCodes = req
		} else {
			r.OnPodConditions = rapid.SliceOfN(rapid.Custom(func(t *rapid.T) PodFailurePolicyOnPodConditionsPattern {
				return PodFailurePolicyOnPodConditionsPattern{Type: genType.Draw(t, "type"), Status: genStatus.Draw(t, "status")}
			}), 1, 2).Draw(t, "patterns")
		}
		return r
	}), 0, 4).Draw(t, "rules")
	return &PodFailurePolicy{Rules: rules}
}

func TestEvaluatePodFailureMatchesModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPolicy(t)
		pod := FailedPod{
			Namespace:             "ns",
			Name:                  "pod",
			ContainerStatuses:     genExits(t, "containers"),
			InitContainerStatuses: genExits(t, "initContainers"),
			Conditions: rapid.SliceOfN(rapid.Custom(func(t *rapid.T) PodCondition {
				return PodCondition{Type: genType.Draw(t, "type"), Status: genStatus.Draw(t, "status")}
			}), 0, 3).Draw(t, "conditions"),
		}
		before := p.DeepCopy()
		got, want := EvaluatePodFailure(p, pod), modelPodFailure(p, pod)
		if got != want {
			t.Fatalf("got %+v, model %+v", got, want)
		}
		if got.Counts != (got.Action != ActionIgnore) {
			t.Fatalf("Counts must be false exactly for Ignore: %+v", got)
		}
		if diff := cmp.Diff(before, p); diff != "" {
			t.Fatalf("policy mutated: %s", diff)
		}
	})
}

// modelSuccess evaluates rules over a bitmap of succeeded indexes.
func modelSuccess(p *SuccessPolicy, completions int32, done []bool) SuccessOutcome {
	total := 0
	for _, d := range done {
		if d {
			total++
		}
	}
	if p == nil || total == 0 {
		return SuccessOutcome{RuleIndex: -1}
	}
	for i, r := range p.Rules {
		ok := false
		if r.SucceededIndexes == nil {
			ok = r.SucceededCount != nil && total >= int(*r.SucceededCount)
		} else {
			want := indexes.ParseLenient(*r.SucceededIndexes, completions)
			size, hits := 0, 0
			for x := range want.All() {
				size++
				if int(x) < len(done) && done[x] {
					hits++
				}
			}
			ok = size > 0 && (hits == size || (r.SucceededCount != nil && hits >= int(*r.SucceededCount)))
		}
		if ok {
			return SuccessOutcome{Matched: true, RuleIndex: i, Message: fmt.Sprintf("Matched rules at index %d", i)}
		}
	}
	return SuccessOutcome{RuleIndex: -1}
}

func TestEvaluateSuccessMatchesModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		completions := rapid.Int32Range(1, 12).Draw(t, "completions")
		done := make([]bool, completions)
		var b indexes.Builder
		for i := range done {
			if rapid.Bool().Draw(t, fmt.Sprint("done", i)) {
				done[i] = true
				b.Add(int32(i))
			}
		}
		var p *SuccessPolicy
		if rapid.IntRange(0, 5).Draw(t, "nil") > 0 {
			p = &SuccessPolicy{Rules: rapid.SliceOfN(rapid.Custom(func(t *rapid.T) SuccessPolicyRule {
				var r SuccessPolicyRule
				if rapid.Bool().Draw(t, "hasIndexes") {
					picks := rapid.SliceOfN(rapid.Int32Range(0, 14), 1, 4).Draw(t, "picks")
					parts := make([]string, len(picks))
					for i, x := range picks {
						parts[i] = fmt.Sprint(x)
					}
					s := strings.Join(parts, ",")
					r.SucceededIndexes = &s
				}
				if r.SucceededIndexes == nil || rapid.Bool().Draw(t, "hasCount") {
					c := rapid.Int32Range(0, 6).Draw(t, "count")
					r.SucceededCount = &c
				}
				return r
			}), 1, 3).Draw(t, "rules")}
		}
		got, want := EvaluateSuccess(p, completions, b.Set()), modelSuccess(p, completions, done)
		if got != want {
			t.Fatalf("got %+v, model %+v", got, want)
		}
	})
}
