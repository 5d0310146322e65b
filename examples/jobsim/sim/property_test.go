package sim

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// drawScenario draws a valid Job manifest and a model exercising the
// features the simulation drives: both completion modes, backoff limits,
// per-index limits, a pod failure policy, deadlines, TTL, restart policy
// OnFailure, disruptions and deletions.
func drawScenario(t *rapid.T) (jobText, modelText string) {
	indexed := rapid.Bool().Draw(t, "indexed")
	completions := rapid.IntRange(1, 20).Draw(t, "completions")
	var spec strings.Builder
	fmt.Fprintf(&spec, "metadata: {name: prop}\nspec:\n  completions: %d\n  parallelism: %d\n",
		completions, rapid.IntRange(1, 8).Draw(t, "parallelism"))
	restart := "Never"
	policy := rapid.Bool().Draw(t, "podFailurePolicy")
	perIndex := indexed && rapid.Bool().Draw(t, "backoffLimitPerIndex")
	if indexed {
		spec.WriteString("  completionMode: Indexed\n")
	}
	if perIndex {
		fmt.Fprintf(&spec, "  backoffLimitPerIndex: %d\n", rapid.IntRange(0, 3).Draw(t, "perIndex"))
		if rapid.Bool().Draw(t, "maxFailedIndexes") {
			fmt.Fprintf(&spec, "  maxFailedIndexes: %d\n", rapid.IntRange(0, completions).Draw(t, "maxFailed"))
		}
	} else {
		fmt.Fprintf(&spec, "  backoffLimit: %d\n", rapid.IntRange(0, 8).Draw(t, "backoffLimit"))
	}
	if policy {
		action := "FailJob"
		if perIndex && rapid.Bool().Draw(t, "failIndex") {
			action = "FailIndex"
		}
		fmt.Fprintf(&spec, "  podFailurePolicy:\n    rules:\n      - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}\n      - {action: %s, onExitCodes: {operator: In, values: [42]}}\n", action)
	} else if !perIndex && rapid.Bool().Draw(t, "onFailure") {
		restart = "OnFailure"
	}
	if rapid.Bool().Draw(t, "deadline") {
		fmt.Fprintf(&spec, "  activeDeadlineSeconds: %d\n", rapid.IntRange(10, 600).Draw(t, "deadlineSeconds"))
	}
	if rapid.Bool().Draw(t, "ttl") {
		fmt.Fprintf(&spec, "  ttlSecondsAfterFinished: %d\n", rapid.IntRange(0, 120).Draw(t, "ttlSeconds"))
	}
	fmt.Fprintf(&spec, "  template:\n    spec:\n      restartPolicy: %s\n      containers: [{name: main, image: x}]\n", restart)

	sec := func(label string, lo, hi int) string {
		return (time.Duration(rapid.IntRange(lo, hi).Draw(t, label)) * time.Second).String()
	}
	startMin := sec("startMin", 0, 5)
	runMin := sec("runMin", 1, 30)
	model := fmt.Sprintf(`start: {uniform: {min: %s, max: %s}}
ready: %s
run: {uniform: {min: %s, max: %s}}
failure:
  probability: %.2f
  exitCodes: [{code: 1, weight: 4}, {code: 42}]
disruption: {ratePerHour: %d}
termination: {grace: %s}
`, startMin, startMin, sec("ready", 0, 5), runMin, runMin,
		rapid.Float64Range(0, 0.6).Draw(t, "failure"), rapid.IntRange(0, 30).Draw(t, "disruptions"), sec("grace", 0, 20))
	if rapid.Bool().Draw(t, "suspendUpdate") {
		model += fmt.Sprintf("updates:\n  - {at: %s, patch: {spec: {suspend: true}}}\n  - {at: %s, patch: {spec: {suspend: false}}}\n",
			sec("suspendAt", 0, 60), sec("resumeAt", 61, 200))
	}
	return spec.String(), model
}

// TestPropertyRuns: for drawn Jobs and models, Run succeeds, ends (the
// Job finishes: every drawn pod ends), is deterministic, and its record is
// consistent.
func TestPropertyRuns(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		jobText, modelText := drawScenario(t)
		j := mustJob(t, jobText)
		m := mustModel(t, modelText)
		seed := rapid.Uint64().Draw(t, "seed")
		var log1, log2 bytes.Buffer
		res, err := Run(j, m, Options{Seed: seed, Log: &log1})
		if err != nil {
			t.Fatalf("Run: %v\njob:\n%s\nmodel:\n%s", err, jobText, modelText)
		}
		if _, err := Run(j, m, Options{Seed: seed, Log: &log2}); err != nil || log1.String() != log2.String() {
			t.Fatalf("second run differs (err %v):\n%s", err, firstDiff(log1.String(), log2.String()))
		}
		if !res.Finished {
			t.Fatalf("not finished: %s\n%s", res.Outcome, log1.String())
		}
		tl := res.Timeline
		for _, a := range tl.Attempts {
			if a.Ended == Never || a.Ended < a.Created || (a.Started != Never && (a.Started < a.Created || a.Started > a.Ended)) ||
				(a.Deleted != Never && a.Deleted > a.Ended) {
				t.Fatalf("attempt %+v\n%s", a, log1.String())
			}
		}
		for i := 1; i < len(tl.Samples); i++ {
			p, c := tl.Samples[i-1], tl.Samples[i]
			if c.At <= p.At || c.Succeeded < p.Succeeded || c.Failed < p.Failed || c.Ready > c.Active {
				t.Fatalf("samples %+v then %+v\n%s", p, c, log1.String())
			}
		}
		if st := res.Job.Status; st.Active != 0 || (tl.Indexed && st.Succeeded > tl.Completions) {
			t.Fatalf("final status %+v", st)
		}
		if !bytes.HasPrefix(SVG(tl), []byte("<svg")) {
			t.Fatalf("no picture")
		}
	})
}
