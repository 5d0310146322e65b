package policy

// PodFailurePolicyAction is the action a PodFailurePolicyRule takes when it
// matches a failed pod. Enum strings are the batch/v1 wire values.
type PodFailurePolicyAction string

const (
	// ActionFailJob marks the whole Job failed (FailureTarget, then Failed,
	// reason PodFailurePolicy).
	ActionFailJob PodFailurePolicyAction = "FailJob"
	// ActionFailIndex marks the pod's completion index failed. It is only
	// allowed together with spec.backoffLimitPerIndex.
	ActionFailIndex PodFailurePolicyAction = "FailIndex"
	// ActionIgnore does not count the failure towards any limit; the pod is
	// replaced (still subject to the pod-failure backoff delay).
	ActionIgnore PodFailurePolicyAction = "Ignore"
	// ActionCount counts the failure in the default way.
	ActionCount PodFailurePolicyAction = "Count"
)

// PodFailurePolicyOnExitCodesOperator relates a container exit code to the
// values of a rule.
type PodFailurePolicyOnExitCodesOperator string

const (
	// OperatorIn matches when the exit code is one of the values.
	OperatorIn PodFailurePolicyOnExitCodesOperator = "In"
	// OperatorNotIn matches when the exit code is none of the values.
	OperatorNotIn PodFailurePolicyOnExitCodesOperator = "NotIn"
)

// PodFailurePolicy is batch/v1 JobSpec.podFailurePolicy: an ordered list of
// rules; the first matching rule with a known action decides.
type PodFailurePolicy struct {
	// Rules are evaluated in order. At most 20.
	Rules []PodFailurePolicyRule `json:"rules"`
}

// PodFailurePolicyRule is one rule. Exactly one of OnExitCodes and
// OnPodConditions is set in a valid rule.
type PodFailurePolicyRule struct {
	// Action is taken when the rule matches; a rule with an action not
	// known to this version is skipped by evaluation.
	Action PodFailurePolicyAction `json:"action"`
	// OnExitCodes matches on the exit codes of terminated containers.
	OnExitCodes *PodFailurePolicyOnExitCodesRequirement `json:"onExitCodes,omitempty"`
	// OnPodConditions matches when the pod has a condition equal to any
	// pattern; at most 20 patterns.
	OnPodConditions []PodFailurePolicyOnPodConditionsPattern `json:"onPodConditions,omitempty"`
}

// PodFailurePolicyOnExitCodesRequirement matches terminated containers by
// exit code. Exit code 0 never matches, for either operator.
type PodFailurePolicyOnExitCodesRequirement struct {
	// ContainerName restricts the rule to the container (or init container)
	// of that name; nil matches any container.
	ContainerName *string `json:"containerName,omitempty"`
	// Operator relates the exit code to Values: In or NotIn (any other
	// value matches nothing).
	Operator PodFailurePolicyOnExitCodesOperator `json:"operator"`
	// Values is a set of exit codes: unique, sorted ascending, at most 255.
	Values []int32 `json:"values"`
}

// PodFailurePolicyOnPodConditionsPattern matches a pod condition by type and
// status. Status defaults to "True".
type PodFailurePolicyOnPodConditionsPattern struct {
	// Type is the pod condition type, e.g. "DisruptionTarget".
	Type string `json:"type"`
	// Status is "True", "False" or "Unknown"; "" means "True".
	Status string `json:"status,omitempty"`
}

// SuccessPolicy is batch/v1 JobSpec.successPolicy (Indexed Jobs only): the
// Job succeeds (SuccessCriteriaMet, reason SuccessPolicy) when any rule
// matches the set of succeeded indexes.
type SuccessPolicy struct {
	// Rules are evaluated in order; the first match wins. 1 to 20 rules.
	Rules []SuccessPolicyRule `json:"rules"`
}

// SuccessPolicyRule is one rule; at least one field is set.
type SuccessPolicyRule struct {
	// SucceededIndexes is an index list in the completedIndexes format
	// ("1,3-5,7"); the rule needs those indexes (or SucceededCount of them)
	// to have succeeded.
	SucceededIndexes *string `json:"succeededIndexes,omitempty"`
	// SucceededCount is the minimum number of succeeded indexes (among
	// SucceededIndexes when that is set).
	SucceededCount *int32 `json:"succeededCount,omitempty"`
}
