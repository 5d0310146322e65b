package validation

// Options are the feature gates that change Job validation in Kubernetes
// 1.37. Every other Job gate (JobPodFailurePolicy, JobBackoffLimitPerIndex,
// JobSuccessPolicy, ElasticIndexedJob, JobPodReplacementPolicy,
// JobManagedBy) is GA and locked on, so its behaviour is unconditional here.
// Start from DefaultOptions.
type Options struct {
	// MutableSchedulingDirectivesForSuspendedJobs (beta in 1.36, on by
	// default) lets the scheduling directives of the pod template (node
	// selector, tolerations, node affinity, scheduling gates, template labels
	// and annotations) change while the old Job is suspended, has no active
	// pods and either never started or carries Suspended=True. When off they
	// may change only while the old Job is suspended and never started.
	MutableSchedulingDirectivesForSuspendedJobs bool
	// MutablePodResourcesForSuspendedJobs (beta in 1.36, on by default) lets
	// container resources change under the same condition.
	MutablePodResourcesForSuspendedJobs bool
	// WorkloadWithJob (alpha, off by default) keeps spec.scheduling. When off
	// the API server drops spec.scheduling on create, and on update when the
	// old Job did not use it, before validating; package defaults does that
	// dropping (always as with the gate off). Validation itself does not
	// read this switch: its only gated rule upstream is an alpha declarative
	// one whose errors are never shown (spec §2.10), and a spec.scheduling
	// that reaches validation is checked the same way either way (immutable
	// once set, except schedulingPolicy.gang.minCount).
	WorkloadWithJob bool
}

// DefaultOptions returns the Kubernetes 1.37 defaults: both "mutable
// suspended Job" gates on, WorkloadWithJob off.
func DefaultOptions() Options {
	return Options{
		MutableSchedulingDirectivesForSuspendedJobs: true,
		MutablePodResourcesForSuspendedJobs:         true,
		WorkloadWithJob:                             false,
	}
}

// specOptions is upstream's JobValidationOptions: computed per request from
// Options and (on update) the old Job.
type specOptions struct {
	// requirePrefixedLabels also requires the batch.kubernetes.io/ labels
	// of the generated selector (create; on update only when the old
	// template has both).
	requirePrefixedLabels bool
	// allowInvalidLabelValueInSelector skips the label-value syntax check of
	// spec.selector.matchExpressions[*].values (old selector already had one).
	allowInvalidLabelValueInSelector bool
	// allowMutableSchedulingDirectives: see Options.
	allowMutableSchedulingDirectives bool
	// allowMutablePodResources: see Options.
	allowMutablePodResources bool
}

// createOptions are the options of a create request (§2.2).
func createOptions() specOptions {
	return specOptions{requirePrefixedLabels: true}
}
