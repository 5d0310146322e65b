package policy

import (
	"fmt"
	"testing"

	"github.com/jobkit/jobkit/indexes"
)

// BenchmarkEvaluatePodFailure20Rules measures the worst case of a valid
// policy: 20 rules of 255 values each, none matching.
func BenchmarkEvaluatePodFailure20Rules(b *testing.B) {
	values := make([]int32, 255)
	for i := range values {
		values[i] = int32(i + 1000)
	}
	p := &PodFailurePolicy{}
	for range 20 {
		p.Rules = append(p.Rules, exitRule(ActionFailJob, OperatorIn, nil, values...))
	}
	pod := failedPod(exited("main", 1), exited("side", 2))
	b.ReportAllocs()
	for b.Loop() {
		if EvaluatePodFailure(p, pod).Matched {
			b.Fatal("unexpected match")
		}
	}
}

func BenchmarkEvaluateSuccess(b *testing.B) {
	var bld indexes.Builder
	for i := int32(0); i < 100000; i += 2 {
		bld.Add(i)
	}
	succeeded := bld.Set()
	rules := make([]SuccessPolicyRule, 20)
	for i := range rules {
		s := fmt.Sprintf("%d-%d", i*1000, i*1000+999)
		rules[i].SucceededIndexes = &s
	}
	p := &SuccessPolicy{Rules: rules}
	b.ReportAllocs()
	for b.Loop() {
		EvaluateSuccess(p, 100000, succeeded)
	}
}
