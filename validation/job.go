package validation

import (
	"strconv"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// ValidateJob is the API server's create validation of a Job (§2): the Job
// strategy's Validate with the create options (the batch.kubernetes.io/
// generated labels required). j must be the object the strategy sees:
// defaulted (defaults.Job), with the generated selector and labels
// (defaults.GenerateSelector) and the create preparation
// (defaults.PrepareForCreate); a manifest validated without those steps
// fails with, e.g., "spec.selector: Required value".
//
// Errors come in the API server's order and are all accumulated:
//
//  1. metadata (§2.3): generateName, name, namespace, generation, labels,
//     annotations, ownerReferences, finalizers;
//  2. the generated-selector rules (§2.4), unless manualSelector is true;
//  3. the spec (§2.5–§2.7): scalars, managedBy, completion mode, pod failure
//     policy, success policy, podReplacementPolicy, pod template,
//     restartPolicy;
//  4. spec.selector (§2.8): Required / syntax, then the template-labels
//     match;
//  5. the Indexed pod hostname rule on metadata.name (§2.9).
//
// The generic registry's second metadata pass (path-segment names) runs
// only when the above found nothing and cannot fail then, so it is omitted.
// Label and annotation maps are walked in ascending key order (upstream: Go
// map order). A nil j is validated as an empty Job. ValidateJob never
// mutates j and never panics.
func ValidateJob(j *job.Job, opts Options) field.ErrorList {
	if j == nil {
		j = &job.Job{}
	}
	_ = opts // create validation does not depend on the gates
	return validateJob(j, createOptions())
}

// validateJob is upstream's ValidateJob with explicit options.
func validateJob(j *job.Job, o specOptions) field.ErrorList {
	errs := validateCoreObjectMeta(&j.ObjectMeta, metadataPath)
	errs = append(errs, validateGeneratedSelector(j, o.requirePrefixedLabels)...)
	errs = append(errs, validateJobSpec(&j.Spec, specPath, o)...)
	errs = append(errs, validateIndexedHostname(j)...)
	return errs
}

// validateJobSpec is upstream's ValidateJobSpec: validateJobSpecCommon,
// then the selector.
func validateJobSpec(s *job.JobSpec, p *field.Path, o specOptions) field.ErrorList {
	errs := validateJobSpecCommon(s, p, o)
	return append(errs, validateSelector(s, p, o.allowInvalidLabelValueInSelector)...)
}

// validateJobSpecCommon is upstream's unexported validateJobSpec, shared by
// Jobs and CronJob job templates: the spec fields, the pod failure and
// success policies, podReplacementPolicy, the pod template and the Job
// restartPolicy rule (no selector: a job template has none).
func validateJobSpecCommon(s *job.JobSpec, p *field.Path, o specOptions) field.ErrorList {
	_ = o // no rule here depends on the options yet
	errs := validateJobSpecFields(s, p)
	if s.PodFailurePolicy != nil {
		errs = append(errs, validatePodFailurePolicy(s, p.Child("podFailurePolicy"))...)
	}
	if s.SuccessPolicy != nil {
		errs = append(errs, validateSuccessPolicy(s, p.Child("successPolicy"))...)
	}
	if s.PodReplacementPolicy != nil {
		errs = append(errs, validatePodReplacementPolicy(s, p.Child("podReplacementPolicy"))...)
	}
	errs = append(errs, validatePodTemplate(&s.Template, p.Child("template"))...)
	return append(errs, validateJobRestartPolicy(s, p)...)
}

// validateIndexedHostname: an Indexed Job with completions > 0 names its
// last pod's hostname "<name>-<completions-1>", which must be a DNS-1123
// label (§2.9; the message's grammar is upstream's).
func validateIndexedHostname(j *job.Job) field.ErrorList {
	s := &j.Spec
	if !s.IsIndexed() || s.Completions == nil || *s.Completions <= 0 {
		return nil
	}
	host := j.Name + "-" + strconv.Itoa(int(*s.Completions-1))
	if len(IsDNS1123Label(host)) == 0 {
		return nil
	}
	return field.ErrorList{field.Invalid(field.NewPath("metadata", "name"), j.Name,
		"will not able to create pod with invalid DNS label: "+host)}
}
