package validation

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

// Limits of spec.podFailurePolicy.
const (
	maxPodFailurePolicyRules            = 20
	maxPodFailurePolicyOnExitCodeValues = 255
	maxPodFailurePolicyOnPodConditions  = 20
)

// Supported values, in the sorted order upstream prints them.
var (
	supportedPFPActions   = []policy.PodFailurePolicyAction{policy.ActionCount, policy.ActionFailIndex, policy.ActionFailJob, policy.ActionIgnore}
	supportedPFPOperators = []policy.PodFailurePolicyOnExitCodesOperator{policy.OperatorIn, policy.OperatorNotIn}
	supportedPFPStatuses  = []conditionStatus{job.ConditionFalse, job.ConditionTrue, job.ConditionUnknown}
)

// conditionStatus renders like upstream's named ConditionStatus (as JSON).
type conditionStatus string

// validatePodFailurePolicy checks spec.podFailurePolicy (§2.6). Every rule
// is checked even beyond the 20-rule limit (as upstream); the cost is linear
// in the total number of rules, exit-code values and condition patterns.
func validatePodFailurePolicy(s *job.JobSpec, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	rulesPath := p.Child("rules")
	rules := s.PodFailurePolicy.Rules
	if len(rules) > maxPodFailurePolicyRules {
		errs = append(errs, field.TooMany(rulesPath, len(rules), maxPodFailurePolicyRules))
	}
	var names smallSet[string]
	for _, c := range s.Template.Spec.Containers {
		names.add(c.Name)
	}
	for _, c := range s.Template.Spec.InitContainers {
		names.add(c.Name)
	}
	for i := range rules {
		errs = append(errs, validatePFPRule(s, &names, &rules[i], rulePath{rulesPath, i})...)
	}
	return errs
}

// rulePath is rules[i], built only when an error needs it.
type rulePath struct {
	rules *field.Path
	i     int
}

func (r rulePath) path(children ...string) *field.Path {
	p := r.rules.Index(r.i)
	for _, c := range children {
		p = p.Child(c)
	}
	return p
}

func validatePFPRule(s *job.JobSpec, names *smallSet[string], r *policy.PodFailurePolicyRule, p rulePath) field.ErrorList {
	var errs field.ErrorList
	switch {
	case r.Action == "":
		errs = append(errs, field.Required(p.path("action"), `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`))
	case r.Action == policy.ActionFailIndex:
		if s.BackoffLimitPerIndex == nil {
			errs = append(errs, field.Invalid(p.path("action"), r.Action, "requires the backoffLimitPerIndex to be set"))
		}
	case r.Action != policy.ActionCount && r.Action != policy.ActionFailJob && r.Action != policy.ActionIgnore:
		errs = append(errs, field.NotSupported(p.path("action"), r.Action, supportedPFPActions))
	}
	if r.OnExitCodes != nil {
		errs = append(errs, validateOnExitCodes(names, r.OnExitCodes, p)...)
	}
	if len(r.OnPodConditions) > 0 {
		errs = append(errs, validateOnPodConditions(r.OnPodConditions, p)...)
	}
	if r.OnExitCodes != nil && len(r.OnPodConditions) > 0 {
		errs = append(errs, field.Invalid(p.path(), field.OmitValueType{}, "specifying both OnExitCodes and OnPodConditions is not supported"))
	}
	if r.OnExitCodes == nil && len(r.OnPodConditions) == 0 {
		errs = append(errs, field.Invalid(p.path(), field.OmitValueType{}, "specifying one of OnExitCodes and OnPodConditions is required"))
	}
	return errs
}

func validateOnExitCodes(names *smallSet[string], req *policy.PodFailurePolicyOnExitCodesRequirement, p rulePath) field.ErrorList {
	var errs field.ErrorList
	switch req.Operator {
	case policy.OperatorIn, policy.OperatorNotIn:
	case "":
		errs = append(errs, field.Required(p.path("onExitCodes", "operator"), `valid values: ["In" "NotIn"]`))
	default:
		errs = append(errs, field.NotSupported(p.path("onExitCodes", "operator"), req.Operator, supportedPFPOperators))
	}
	if req.ContainerName != nil && !names.has(*req.ContainerName) {
		errs = append(errs, field.Invalid(p.path("onExitCodes", "containerName"), *req.ContainerName,
			"must be one of the container or initContainer names in the pod template"))
	}
	vals := req.Values
	if len(vals) == 0 {
		errs = append(errs, field.Invalid(p.path("onExitCodes", "values"), int32List(vals), "at least one value is required"))
	} else if len(vals) > maxPodFailurePolicyOnExitCodeValues {
		errs = append(errs, field.TooMany(p.path("onExitCodes", "values"), len(vals), maxPodFailurePolicyOnExitCodeValues))
	}
	ordered := true
	var seen smallSet[int32]
	for j, v := range vals {
		if req.Operator == policy.OperatorIn && v == 0 {
			errs = append(errs, field.Invalid(p.path("onExitCodes", "values").Index(j), v, "must not be 0 for the In operator"))
		}
		if !seen.add(v) {
			errs = append(errs, field.Duplicate(p.path("onExitCodes", "values").Index(j), v))
		}
		if j > 0 && vals[j-1] > v {
			ordered = false
		}
	}
	if !ordered {
		errs = append(errs, field.Invalid(p.path("onExitCodes", "values"), int32List(vals), "must be ordered"))
	}
	return errs
}

// int32List renders like upstream's []int32 (JSON: [19,11], [] or null).
type int32List []int32

func validateOnPodConditions(pats []policy.PodFailurePolicyOnPodConditionsPattern, p rulePath) field.ErrorList {
	var errs field.ErrorList
	if len(pats) > maxPodFailurePolicyOnPodConditions {
		errs = append(errs, field.TooMany(p.path("onPodConditions"), len(pats), maxPodFailurePolicyOnPodConditions))
	}
	for j, pat := range pats {
		errs = append(errs, invalidEach(p.path("onPodConditions").Index(j).Child("type"), pat.Type, IsQualifiedName(pat.Type))...)
		switch pat.Status {
		case job.ConditionTrue, job.ConditionFalse, job.ConditionUnknown:
		case "":
			errs = append(errs, field.Required(p.path("onPodConditions").Index(j).Child("status"), `valid values: ["False" "True" "Unknown"]`))
		default:
			errs = append(errs, field.NotSupported(p.path("onPodConditions").Index(j).Child("status"), conditionStatus(pat.Status), supportedPFPStatuses))
		}
	}
	return errs
}
