package defaults

import (
	"math"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// Job returns a defaulted deep copy of in, as the API server's defaulter
// leaves a decoded batch/v1 Job (every field below is set only when absent):
//
//   - completions and parallelism both nil: both 1; parallelism nil: 1
//     (completions stays nil when only parallelism is given);
//   - backoffLimit: 2147483647 when backoffLimitPerIndex is set, else 6;
//   - metadata.labels empty and template labels non-nil: the Job's labels
//     become the template's label map itself (the same map, as upstream's
//     assignment; GenerateSelector keeps the two aliased, so the generated
//     labels then appear on the Job too);
//   - completionMode NonIndexed; suspend false; manualSelector false;
//   - podReplacementPolicy Failed with a podFailurePolicy, else
//     TerminatingOrFailed;
//   - podFailurePolicy.rules[*].onPodConditions[*].status "True";
//   - the Pod defaulter's spec.template.spec.restartPolicy "Always" (so
//     that a manifest without one fails Job validation exactly as on the
//     server). The Pod defaulter's other defaults (dnsPolicy,
//     terminationGracePeriodSeconds, imagePullPolicy, ...) are not applied.
//
// Not defaulted: activeDeadlineSeconds, ttlSecondsAfterFinished,
// backoffLimitPerIndex, maxFailedIndexes, successPolicy, podFailurePolicy,
// managedBy, selector (see GenerateSelector), scheduling. A nil in gives
// nil.
func Job(in *job.Job) *job.Job {
	if in == nil {
		return nil
	}
	out := in.DeepCopy()
	setJobDefaults(out)
	return out
}

// setJobDefaults applies Job's defaults to j in place.
func setJobDefaults(out *job.Job) {
	s := &out.Spec
	if s.Completions == nil && s.Parallelism == nil {
		s.Completions = job.Ptr[int32](1)
		s.Parallelism = job.Ptr[int32](1)
	}
	if s.Parallelism == nil {
		s.Parallelism = job.Ptr[int32](1)
	}
	if s.BackoffLimit == nil {
		if s.BackoffLimitPerIndex != nil {
			s.BackoffLimit = job.Ptr[int32](math.MaxInt32)
		} else {
			s.BackoffLimit = job.Ptr[int32](6)
		}
	}
	if s.Template.Labels != nil && len(out.Labels) == 0 {
		out.Labels = s.Template.Labels
	}
	if s.CompletionMode == nil {
		s.CompletionMode = job.Ptr(job.NonIndexedCompletion)
	}
	if s.Suspend == nil {
		s.Suspend = job.Ptr(false)
	}
	if s.PodReplacementPolicy == nil {
		if s.PodFailurePolicy != nil {
			s.PodReplacementPolicy = job.Ptr(job.Failed)
		} else {
			s.PodReplacementPolicy = job.Ptr(job.TerminatingOrFailed)
		}
	}
	if s.ManualSelector == nil {
		s.ManualSelector = job.Ptr(false)
	}
	defaultOnPodConditions(s.PodFailurePolicy)
	defaultPodTemplate(&s.Template)
}

// defaultOnPodConditions is SetDefaults_PodFailurePolicyOnPodConditionsPattern
// on every pattern of pfp (nil-safe): an empty status becomes "True". It
// writes into pfp, which must belong to a copy.
func defaultOnPodConditions(pfp *policy.PodFailurePolicy) {
	if pfp == nil {
		return
	}
	for i := range pfp.Rules {
		conds := pfp.Rules[i].OnPodConditions
		for j := range conds {
			if conds[j].Status == "" {
				conds[j].Status = job.ConditionTrue
			}
		}
	}
}

// defaultPodTemplate applies the Pod defaulter to the pod template t of a
// copy, as the batch/v1 scheme does for Jobs and CronJob job templates:
// restartPolicy "Always" when empty.
func defaultPodTemplate(t *job.PodTemplateSpec) {
	if t.Spec.RestartPolicy == "" {
		t.Spec.RestartPolicy = job.RestartPolicyAlways
	}
}
