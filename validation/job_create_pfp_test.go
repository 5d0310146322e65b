package validation

import (
	"fmt"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/validation/field"
)

// §6.3 Create — pod failure policy (F-Never).
func TestValidateJobPodFailurePolicy(t *testing.T) {
	in, notIn := policy.OperatorIn, policy.OperatorNotIn
	failJob := policy.ActionFailJob
	rule := func(a policy.PodFailurePolicyAction, oe *policy.PodFailurePolicyOnExitCodesRequirement, pc ...policy.PodFailurePolicyOnPodConditionsPattern) policy.PodFailurePolicyRule {
		return policy.PodFailurePolicyRule{Action: a, OnExitCodes: oe, OnPodConditions: pc}
	}
	with := func(rules ...policy.PodFailurePolicyRule) func(*job.Job) {
		return func(j *job.Job) { j.Spec.PodFailurePolicy = pfp(rules...) }
	}
	var all256 []int32
	for i := range 256 {
		all256 = append(all256, int32(i))
	}
	var rules21 []policy.PodFailurePolicyRule
	for i := range 21 {
		rules21 = append(rules21, rule(failJob, exitCodes(in, int32(i+1))))
	}
	var conds21 []policy.PodFailurePolicyOnPodConditionsPattern
	for i := range 21 {
		conds21 = append(conds21, policy.PodFailurePolicyOnPodConditionsPattern{Type: fmt.Sprintf("CustomType_%d", i), Status: "True"})
	}
	withName := func(name string, oe *policy.PodFailurePolicyOnExitCodesRequirement) *policy.PodFailurePolicyOnExitCodesRequirement {
		oe.ContainerName = &name
		return oe
	}
	disruption := policy.PodFailurePolicyOnPodConditionsPattern{Type: job.DisruptionTarget, Status: "True"}
	const r0 = "spec.podFailurePolicy.rules[0]"
	runCreateCases(t, []createCase{
		{"C30", fixtureFNever, with(rule(failJob, nil)),
			field.ErrorList{inv(r0, omit, "specifying one of OnExitCodes and OnPodConditions is required")}},
		{"C31", fixtureFNever, with(rule(failJob, exitCodes(in, 11, 11))),
			field.ErrorList{dup(r0+".onExitCodes.values[1]", int32(11))}},
		{"C32", fixtureFNever, with(rule(failJob, exitCodes(in, all256...))),
			field.ErrorList{
				tooMany(r0+".onExitCodes.values", 256, 255),
				inv(r0+".onExitCodes.values[0]", int32(0), "must not be 0 for the In operator"),
			}},
		{"C33", fixtureFNever, with(rules21...),
			field.ErrorList{tooMany("spec.podFailurePolicy.rules", 21, 20)}},
		{"C34", fixtureFNever, with(rule(failJob, nil, conds21...)),
			field.ErrorList{tooMany(r0+".onPodConditions", 21, 20)}},
		{"C35", fixtureFNever, with(rule(failJob, exitCodes(in, 12, 13, 13, 13))),
			field.ErrorList{dup(r0+".onExitCodes.values[2]", int32(13)), dup(r0+".onExitCodes.values[3]", int32(13))}},
		{"C36", fixtureFNever, with(rule(failJob, exitCodes(in, 19, 11))),
			field.ErrorList{inv(r0+".onExitCodes.values", int32List{19, 11}, "must be ordered")}},
		{"C36-render", fixtureFNever, with(rule(failJob, exitCodes(in, 19, 11))),
			field.ErrorList{inv(r0+".onExitCodes.values", rawRender("[19,11]"), "must be ordered")}},
		{"C37", fixtureFNever, with(rule(failJob, exitCodes(in, []int32{}...))),
			field.ErrorList{inv(r0+".onExitCodes.values", rawRender("[]"), "at least one value is required")}},
		{"C37-null", fixtureFNever, with(rule(failJob, exitCodes(in))),
			field.ErrorList{inv(r0+".onExitCodes.values", rawRender("null"), "at least one value is required")}},
		{"C38", fixtureFNever, with(rule("", exitCodes(in, 1))),
			field.ErrorList{req(r0+".action", `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`)}},
		{"C39", fixtureFNever, with(rule(failJob, exitCodes("", 1))),
			field.ErrorList{req(r0+".onExitCodes.operator", `valid values: ["In" "NotIn"]`)}},
		{"C40", fixtureFNever, with(rule(failJob, withName("abc", exitCodes(in, 1)), disruption)),
			field.ErrorList{inv(r0, omit, "specifying both OnExitCodes and OnPodConditions is not supported")}},
		{"C41", fixtureFNever, with(rule(policy.ActionIgnore, exitCodes(in, 1, 0, 2))),
			field.ErrorList{
				inv(r0+".onExitCodes.values[1]", int32(0), "must not be 0 for the In operator"),
				inv(r0+".onExitCodes.values", rawRender("[1,0,2]"), "must be ordered"),
			}},
		{"C42", fixtureFNever, with(rule(failJob, withName("abc", exitCodes(in, 1))), rule(failJob, withName("xyz", exitCodes(in, 2)))),
			field.ErrorList{inv("spec.podFailurePolicy.rules[1].onExitCodes.containerName", "xyz", msgContainerName)}},
		{"C42-init", fixtureFNever, with(rule(failJob, withName("def", exitCodes(notIn, 0)))), nil},
		{"C43", fixtureFNever, with(rule("UnknownAction", exitCodes(in, 1))),
			field.ErrorList{ns(r0+".action", policy.PodFailurePolicyAction("UnknownAction"), `supported values: "Count", "FailIndex", "FailJob", "Ignore"`)}},
		{"C44", fixtureFNever, with(rule(failJob, exitCodes("UnknownOperator", 1))),
			field.ErrorList{ns(r0+".onExitCodes.operator", rawRender(`"UnknownOperator"`), `supported values: "In", "NotIn"`)}},
		{"C45", fixtureFNever, with(rule(failJob, nil, policy.PodFailurePolicyOnPodConditionsPattern{Type: job.DisruptionTarget})),
			field.ErrorList{req(r0+".onPodConditions[0].status", `valid values: ["False" "True" "Unknown"]`)}},
		{"C46", fixtureFNever, with(rule(failJob, nil, policy.PodFailurePolicyOnPodConditionsPattern{Type: job.DisruptionTarget, Status: "UnknownStatus"})),
			field.ErrorList{ns(r0+".onPodConditions[0].status", rawRender(`"UnknownStatus"`), `supported values: "False", "True", "Unknown"`)}},
		{"C47", fixtureFNever, with(rule(failJob, nil, policy.PodFailurePolicyOnPodConditionsPattern{Status: "True"})),
			field.ErrorList{
				inv(r0+".onPodConditions[0].type", "", "name part must be non-empty"),
				inv(r0+".onPodConditions[0].type", "", msgNameRegex),
			}},
		{"C48", fixtureFNever, with(rule(failJob, nil, policy.PodFailurePolicyOnPodConditionsPattern{Type: "Invalid Condition Type", Status: "True"})),
			field.ErrorList{inv(r0+".onPodConditions[0].type", "Invalid Condition Type", msgNameRegex)}},
		{"C49", fixtureF, with(),
			field.ErrorList{inv("spec.template.spec.restartPolicy", job.RestartPolicyOnFailure, `only "Never" is supported when podFailurePolicy is specified`)}},
		{"C50", fixtureFNever, func(j *job.Job) {
			j.Spec.PodFailurePolicy = pfp(rule(failJob, exitCodes(in, 1)))
			j.Spec.PodReplacementPolicy = job.Ptr(job.TerminatingOrFailed)
		}, field.ErrorList{ns("spec.podReplacementPolicy", job.TerminatingOrFailed, `supported values: "Failed"`)}},
		{"C50-ok", fixtureFNever, func(j *job.Job) {
			j.Spec.PodFailurePolicy = pfp(rule(failJob, exitCodes(in, 1)))
			j.Spec.PodReplacementPolicy = job.Ptr(job.Failed)
		}, nil},
		{"C51", fixtureF, func(j *job.Job) { j.Spec.PodReplacementPolicy = job.Ptr(job.PodReplacementPolicy("")) },
			field.ErrorList{ns("spec.podReplacementPolicy", rawRender(`""`), `supported values: "Failed", "TerminatingOrFailed"`)}},
		{"C52", fixtureM, func(j *job.Job) {
			j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyNever
			j.Spec.PodFailurePolicy = pfp(rule(policy.ActionFailIndex, exitCodes(in, 1)))
		}, field.ErrorList{inv(r0+".action", policy.ActionFailIndex, "requires the backoffLimitPerIndex to be set")}},
		{"C52-ok", fixtureM, func(j *job.Job) {
			j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyNever
			j.Spec.CompletionMode, j.Spec.Completions, j.Spec.BackoffLimitPerIndex = indexed(), i32(3), i32(1)
			j.Spec.PodFailurePolicy = pfp(rule(policy.ActionFailIndex, exitCodes(in, 1)))
		}, nil},
		{"every-action-valid", fixtureFNever, with(
			rule(policy.ActionIgnore, nil, disruption),
			rule(policy.ActionCount, exitCodes(notIn, 0)),
			rule(failJob, nil, policy.PodFailurePolicyOnPodConditionsPattern{Type: "example.com/Custom", Status: "Unknown"}),
		), nil},
	})
}

// rawRender is a bad value whose rendering is given literally.
type rawRender string

func (r rawRender) MarshalJSON() ([]byte, error) { return []byte(r), nil }
