package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// Limits of the Job spec (k8s.io/kubernetes pkg/apis/batch/validation).
const (
	maxParallelismForIndexedJob = 100000
	maxMaxFailedIndexes         = 100000
	// completions above this need maxFailedIndexes with backoffLimitPerIndex
	maxCompletionsWithBackoffLimitPerIndex   = 100000
	maxParallelismWithBackoffLimitPerIndex   = 10000
	maxFailedIndexesWithBackoffLimitPerIndex = 10000
	maxManagedByLength                       = 63
)

// validateJobSpecFields is the first half of upstream's validateJobSpec
// (§2.5): the scalar fields, managedBy, and the completion-mode rules, in
// the API server's order.
func validateJobSpecFields(s *job.JobSpec, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if s.Parallelism != nil && *s.Parallelism < 0 {
		errs = append(errs, nonNegative(*s.Parallelism, p.Child("parallelism")))
	}
	if s.Completions != nil && *s.Completions < 0 {
		errs = append(errs, nonNegative(*s.Completions, p.Child("completions")))
	}
	if s.ActiveDeadlineSeconds != nil && *s.ActiveDeadlineSeconds < 0 {
		errs = append(errs, nonNegative(*s.ActiveDeadlineSeconds, p.Child("activeDeadlineSeconds")))
	}
	if s.BackoffLimit != nil && *s.BackoffLimit < 0 {
		errs = append(errs, nonNegative(*s.BackoffLimit, p.Child("backoffLimit")))
	}
	if s.TTLSecondsAfterFinished != nil && *s.TTLSecondsAfterFinished < 0 {
		errs = append(errs, nonNegative(*s.TTLSecondsAfterFinished, p.Child("ttlSecondsAfterFinished")))
	}
	if s.BackoffLimitPerIndex != nil && *s.BackoffLimitPerIndex < 0 {
		errs = append(errs, nonNegative(*s.BackoffLimitPerIndex, p.Child("backoffLimitPerIndex")))
	}
	if s.MaxFailedIndexes != nil {
		if *s.MaxFailedIndexes < 0 {
			errs = append(errs, nonNegative(*s.MaxFailedIndexes, p.Child("maxFailedIndexes")))
		}
		if s.BackoffLimitPerIndex == nil {
			errs = append(errs, field.Required(p.Child("backoffLimitPerIndex"), "when maxFailedIndexes is specified"))
		}
	}
	if s.ManagedBy != nil {
		errs = append(errs, IsDomainPrefixedPath(p.Child("managedBy"), *s.ManagedBy)...)
		if len(*s.ManagedBy) > maxManagedByLength {
			errs = append(errs, field.TooLong(p.Child("managedBy"), *s.ManagedBy, maxManagedByLength))
		}
	}
	if s.CompletionMode != nil {
		mode := *s.CompletionMode
		if mode != job.NonIndexedCompletion && mode != job.IndexedCompletion {
			errs = append(errs, field.NotSupported(p.Child("completionMode"), mode,
				[]job.CompletionMode{job.NonIndexedCompletion, job.IndexedCompletion}))
		}
		if mode == job.IndexedCompletion {
			errs = append(errs, validateIndexedLimits(s, p)...)
		}
	}
	if s.CompletionMode == nil || *s.CompletionMode == job.NonIndexedCompletion {
		if s.BackoffLimitPerIndex != nil {
			errs = append(errs, field.Invalid(p.Child("backoffLimitPerIndex"), *s.BackoffLimitPerIndex, "requires indexed completion mode"))
		}
		if s.MaxFailedIndexes != nil {
			errs = append(errs, field.Invalid(p.Child("maxFailedIndexes"), *s.MaxFailedIndexes, "requires indexed completion mode"))
		}
	}
	return errs
}

// validateIndexedLimits: rules 12–18 of §2.5 (mode exactly Indexed).
func validateIndexedLimits(s *job.JobSpec, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if s.Completions == nil {
		errs = append(errs, field.Required(p.Child("completions"), "when completion mode is Indexed"))
	}
	if s.Parallelism != nil && *s.Parallelism > maxParallelismForIndexedJob {
		errs = append(errs, field.Invalid(p.Child("parallelism"), *s.Parallelism,
			fmt.Sprintf("must be less than or equal to %d when completion mode is Indexed", maxParallelismForIndexedJob)))
	}
	if s.Completions != nil && s.MaxFailedIndexes != nil && *s.MaxFailedIndexes > *s.Completions {
		errs = append(errs, field.Invalid(p.Child("maxFailedIndexes"), *s.MaxFailedIndexes, "must be less than or equal to completions"))
	}
	if s.MaxFailedIndexes != nil && *s.MaxFailedIndexes > maxMaxFailedIndexes {
		errs = append(errs, field.Invalid(p.Child("maxFailedIndexes"), *s.MaxFailedIndexes,
			fmt.Sprintf("must be less than or equal to %d", maxMaxFailedIndexes)))
	}
	if s.Completions != nil && *s.Completions > maxCompletionsWithBackoffLimitPerIndex && s.BackoffLimitPerIndex != nil {
		const tail = "when completions are above 100000 and used with backoff limit per index"
		if s.MaxFailedIndexes == nil {
			errs = append(errs, field.Required(p.Child("maxFailedIndexes"),
				fmt.Sprintf("must be specified when completions is above %d", maxCompletionsWithBackoffLimitPerIndex)))
		}
		if s.Parallelism != nil && *s.Parallelism > maxParallelismWithBackoffLimitPerIndex {
			errs = append(errs, field.Invalid(p.Child("parallelism"), *s.Parallelism,
				fmt.Sprintf("must be less than or equal to %d %s", maxParallelismWithBackoffLimitPerIndex, tail)))
		}
		if s.MaxFailedIndexes != nil && *s.MaxFailedIndexes > maxFailedIndexesWithBackoffLimitPerIndex {
			errs = append(errs, field.Invalid(p.Child("maxFailedIndexes"), *s.MaxFailedIndexes,
				fmt.Sprintf("must be less than or equal to %d %s", maxFailedIndexesWithBackoffLimitPerIndex, tail)))
		}
	}
	return errs
}

// validatePodReplacementPolicy (§2.7).
func validatePodReplacementPolicy(s *job.JobSpec, p *field.Path) field.ErrorList {
	if s.PodReplacementPolicy == nil {
		return nil
	}
	v := *s.PodReplacementPolicy
	if s.PodFailurePolicy != nil {
		if v != job.Failed {
			return field.ErrorList{field.NotSupported(p, v, []job.PodReplacementPolicy{job.Failed})}
		}
		return nil
	}
	if v != job.Failed && v != job.TerminatingOrFailed {
		return field.ErrorList{field.NotSupported(p, v, []job.PodReplacementPolicy{job.Failed, job.TerminatingOrFailed})}
	}
	return nil
}
