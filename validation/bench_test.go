package validation_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation"
)

// pfpManifest is a valid Indexed Job whose pod failure policy has n rules
// (n > 20 is invalid: "Too many", every rule still checked).
func pfpManifest(n int) string {
	var rules []string
	for i := range n {
		if i%2 == 0 {
			rules = append(rules, fmt.Sprintf(`{"action":"FailJob","onExitCodes":{"containerName":"main","operator":"In","values":[%d,%d,%d]}}`, 3*i+1, 3*i+2, 3*i+3))
		} else {
			rules = append(rules, fmt.Sprintf(`{"action":"Ignore","onPodConditions":[{"type":"example.com/Cond%d","status":"True"},{"type":"DisruptionTarget"}]}`, i))
		}
	}
	return `{"metadata":{"name":"pfp","namespace":"default","uid":"u"},"spec":{"completionMode":"Indexed","completions":10,"parallelism":2,
		"podFailurePolicy":{"rules":[` + strings.Join(rules, ",") + `]},
		"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}}`
}

func BenchmarkValidateJob(b *testing.B) {
	for _, bc := range []struct {
		name     string
		manifest string
		wantErrs int
	}{
		{"typical", typical, 0},
		{"podFailurePolicy-20-rules", pfpManifest(20), 0},
		{"podFailurePolicy-100-rules", pfpManifest(100), 1},
	} {
		b.Run(bc.name, func(b *testing.B) {
			j := prepare(b, bc.manifest)
			opts := validation.DefaultOptions()
			if n := len(validation.ValidateJob(j, opts)); n != bc.wantErrs {
				b.Fatalf("%d errors, want %d: %v", n, bc.wantErrs, validation.ValidateJob(j, opts).ToAggregate())
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = validation.ValidateJob(j, opts)
			}
		})
	}
}

func BenchmarkValidateJobUpdate(b *testing.B) {
	old := prepare(b, typical)
	nw := old.DeepCopy()
	nw.Spec.Suspend = new(bool)
	*nw.Spec.Suspend = true
	opts := validation.DefaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		_ = validation.ValidateJobUpdate(nw, old, opts)
	}
}

func BenchmarkValidateJobStatusUpdate(b *testing.B) {
	old := prepare(b, typical)
	nw := old.DeepCopy()
	nw.Status.Active = 1
	opts := validation.DefaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		_ = validation.ValidateJobStatusUpdate(nw, old, opts)
	}
}
