package jobtest

import (
	"fmt"
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// The generators of the state-machine property test (statemachine_test.go):
// random valid Jobs as a user would submit them.

// propContainers are the container names a generated template may hold; the
// first is always present. propInit is the optional init container.
var (
	propContainers = []string{"main", "side"}
	propInit       = "init"
)

// drawPropJob draws a Job that, after the API server's defaulting, should
// pass create validation. It covers both completion modes, parallelism 0–6,
// completions nil or 0–8 (always set for Indexed), backoffLimit 0–6 or
// defaulted, activeDeadlineSeconds, restartPolicy Never or OnFailure, a pod
// failure policy (Never only; FailIndex only with backoffLimitPerIndex) on
// exit codes (any or a named container) and on DisruptionTarget,
// backoffLimitPerIndex with maxFailedIndexes, a success policy (Indexed),
// podReplacementPolicy Failed or TerminatingOrFailed (the latter not with a
// pod failure policy, as validation requires) and suspend. Draws that
// validation rejects anyway are skipped by the caller.
func drawPropJob(t *rapid.T) *job.Job {
	indexed := rapid.Bool().Draw(t, "indexed")
	j := &job.Job{ObjectMeta: job.ObjectMeta{Name: "pj"}}
	sp := &j.Spec
	sp.Parallelism = job.Ptr(rapid.Int32Range(0, 6).Draw(t, "parallelism"))
	if indexed {
		sp.CompletionMode = job.Ptr(job.IndexedCompletion)
		sp.Completions = job.Ptr(rapid.Int32Range(0, 8).Draw(t, "completions"))
	} else if rapid.Bool().Draw(t, "hasCompletions") {
		sp.Completions = job.Ptr(rapid.Int32Range(0, 8).Draw(t, "completions"))
	}
	if rapid.Bool().Draw(t, "hasBackoffLimit") {
		sp.BackoffLimit = job.Ptr(rapid.Int32Range(0, 6).Draw(t, "backoffLimit"))
	}
	if rapid.Bool().Draw(t, "hasDeadline") {
		sp.ActiveDeadlineSeconds = job.Ptr(rapid.Int64Range(1, 3600).Draw(t, "activeDeadlineSeconds"))
	}
	restart := job.RestartPolicyNever
	if rapid.IntRange(0, 4).Draw(t, "onFailure") == 0 {
		restart = job.RestartPolicyOnFailure
	}
	containers := []job.Container{{Name: propContainers[0], Image: "busybox"}}
	if rapid.Bool().Draw(t, "sidecar") {
		containers = append(containers, job.Container{Name: propContainers[1], Image: "busybox"})
	}
	j.Spec.Template.Spec = job.PodSpec{RestartPolicy: restart, Containers: containers}
	if rapid.IntRange(0, 3).Draw(t, "hasInit") == 0 {
		j.Spec.Template.Spec.InitContainers = []job.Container{{Name: propInit, Image: "busybox"}}
	}
	perIndex := false
	if indexed && rapid.Bool().Draw(t, "perIndex") {
		perIndex = true
		sp.BackoffLimitPerIndex = job.Ptr(rapid.Int32Range(0, 3).Draw(t, "backoffLimitPerIndex"))
		if rapid.Bool().Draw(t, "hasMaxFailedIndexes") {
			sp.MaxFailedIndexes = job.Ptr(rapid.Int32Range(0, max(*sp.Completions, 0)).Draw(t, "maxFailedIndexes"))
		}
	}
	hasPFP := restart == job.RestartPolicyNever && rapid.Bool().Draw(t, "hasPodFailurePolicy")
	if hasPFP {
		sp.PodFailurePolicy = drawPodFailurePolicy(t, perIndex, len(containers) > 1)
	}
	if indexed && *sp.Completions > 0 && rapid.IntRange(0, 2).Draw(t, "hasSuccessPolicy") == 0 {
		sp.SuccessPolicy = drawSuccessPolicy(t, *sp.Completions)
	}
	switch rapid.IntRange(0, 2).Draw(t, "podReplacementPolicy") {
	case 1:
		sp.PodReplacementPolicy = job.Ptr(job.Failed)
	case 2:
		if !hasPFP {
			sp.PodReplacementPolicy = job.Ptr(job.TerminatingOrFailed)
		}
	}
	if rapid.IntRange(0, 3).Draw(t, "suspend") == 0 {
		sp.Suspend = job.Ptr(true)
	}
	return j
}

// drawPodFailurePolicy draws 1–4 rules: exit-code rules (In or NotIn over
// codes 1–5, optionally naming a container) and DisruptionTarget rules,
// with the actions FailJob, Ignore, Count and (with backoffLimitPerIndex)
// FailIndex.
func drawPodFailurePolicy(t *rapid.T, perIndex, sidecar bool) *policy.PodFailurePolicy {
	actions := []policy.PodFailurePolicyAction{policy.ActionFailJob, policy.ActionIgnore, policy.ActionCount}
	if perIndex {
		actions = append(actions, policy.ActionFailIndex)
	}
	names := []string{propContainers[0], propInit}
	if sidecar {
		names = append(names, propContainers[1])
	}
	n := rapid.IntRange(1, 4).Draw(t, "pfpRules")
	p := &policy.PodFailurePolicy{}
	for i := range n {
		r := policy.PodFailurePolicyRule{Action: rapid.SampledFrom(actions).Draw(t, fmt.Sprintf("pfpAction%d", i))}
		if rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("pfpOnCondition%d", i)) == 0 {
			r.OnPodConditions = []policy.PodFailurePolicyOnPodConditionsPattern{{Type: job.DisruptionTarget, Status: job.ConditionTrue}}
		} else {
			codes := rapid.SliceOfNDistinct(rapid.Int32Range(1, 5), 1, 3, rapid.ID[int32]).Draw(t, fmt.Sprintf("pfpCodes%d", i))
			slices.Sort(codes)
			req := &policy.PodFailurePolicyOnExitCodesRequirement{Operator: policy.OperatorIn, Values: codes}
			if rapid.IntRange(0, 3).Draw(t, fmt.Sprintf("pfpNotIn%d", i)) == 0 {
				req.Operator = policy.OperatorNotIn
			}
			if rapid.Bool().Draw(t, fmt.Sprintf("pfpNamed%d", i)) {
				req.ContainerName = job.Ptr(rapid.SampledFrom(names).Draw(t, fmt.Sprintf("pfpContainer%d", i)))
			}
			r.OnExitCodes = req
		}
		p.Rules = append(p.Rules, r)
	}
	return p
}

// drawSuccessPolicy draws 1–2 rules over indexes < completions: a
// succeededCount, a succeededIndexes range, or both.
func drawSuccessPolicy(t *rapid.T, completions int32) *policy.SuccessPolicy {
	n := rapid.IntRange(1, 2).Draw(t, "spRules")
	p := &policy.SuccessPolicy{}
	for i := range n {
		var r policy.SuccessPolicyRule
		kind := rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("spKind%d", i))
		lo := rapid.Int32Range(0, completions-1).Draw(t, fmt.Sprintf("spLo%d", i))
		hi := rapid.Int32Range(lo, completions-1).Draw(t, fmt.Sprintf("spHi%d", i))
		if kind != 0 {
			s := fmt.Sprint(lo)
			if hi > lo {
				s = fmt.Sprintf("%d-%d", lo, hi)
			}
			r.SucceededIndexes = &s
		}
		if kind != 1 {
			limit := completions
			if r.SucceededIndexes != nil {
				limit = hi - lo + 1
			}
			r.SucceededCount = job.Ptr(rapid.Int32Range(1, limit).Draw(t, fmt.Sprintf("spCount%d", i)))
		}
		p.Rules = append(p.Rules, r)
	}
	return p
}

// drawPropConfig draws the controller configuration: mostly the defaults
// (nil), sometimes tiny caps on uncounted pods and on creations/deletions
// per sync (so that accounting and scaling take several syncs), shorter or
// longer pod-failure backoff, and startTime kept on suspension.
func drawPropConfig(t *rapid.T) *job.Config {
	if rapid.IntRange(0, 2).Draw(t, "customConfig") != 0 {
		return nil
	}
	cfg := job.DefaultConfig()
	if rapid.Bool().Draw(t, "smallCaps") {
		cfg.MaxUncountedPods = rapid.IntRange(1, 3).Draw(t, "maxUncountedPods")
		cfg.MaxPodCreateDeletePerSync = rapid.IntRange(1, 3).Draw(t, "maxPodCreateDeletePerSync")
	}
	cfg.PodFailureBackoffBase = time.Duration(rapid.IntRange(1, 30).Draw(t, "backoffBaseSeconds")) * time.Second
	cfg.PodFailureBackoffMax = cfg.PodFailureBackoffBase * time.Duration(rapid.IntRange(1, 64).Draw(t, "backoffMaxFactor"))
	cfg.ClearStartTimeOnSuspend = rapid.Bool().Draw(t, "clearStartTimeOnSuspend")
	return &cfg
}
