package validation

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// validatePodTemplate is the part of the generic PodTemplateSpec validation
// that jobkit models (§2.12), in upstream's order:
//
//  1. template labels at spec.template.labels (not ...metadata.labels);
//  2. template annotations at spec.template.annotations;
//  3. spec.template.spec.volumes (template_volumes.go);
//  4. spec.template.spec.containers: Required when empty; per container:
//     name (Required / DNS-1123 label), image (Required when empty),
//     volumeMounts, then Duplicate name;
//  5. spec.template.spec.initContainers: per container name, image,
//     volumeMounts, then Duplicate (against the regular containers and
//     earlier init containers);
//  6. spec.template.spec.restartPolicy: Required when empty, NotSupported
//     unless Always/OnFailure/Never;
//  7. spec.template.spec.ephemeralContainers: Forbidden when present.
//
// Not modelled (generic Pod validation, out of jobkit's scope): volume
// sources, ports, env, resources, probes, security context, pod-specific annotations,
// seccomp/AppArmor, and everything else kept verbatim in PodSpec.Unknown.
func validatePodTemplate(t *job.PodTemplateSpec, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if !isLabelMapValid(t.Labels) {
		errs = append(errs, ValidateLabels(t.Labels, p.Child("labels"))...)
	}
	if !isAnnotationMapValid(t.Annotations) {
		errs = append(errs, ValidateAnnotations(t.Annotations, p.Child("annotations"))...)
	}
	volErrs, volumes := validateVolumes(&t.Spec, p)
	errs = append(errs, volErrs...)
	errs = append(errs, validateContainers(&t.Spec, p, volumes)...)
	errs = append(errs, validateInitContainers(&t.Spec, p, volumes)...)
	switch t.Spec.RestartPolicy {
	case job.RestartPolicyAlways, job.RestartPolicyOnFailure, job.RestartPolicyNever:
	case "":
		errs = append(errs, field.Required(p.Child("spec", "restartPolicy"), ""))
	default:
		errs = append(errs, field.NotSupported(p.Child("spec", "restartPolicy"), t.Spec.RestartPolicy,
			[]job.RestartPolicy{job.RestartPolicyAlways, job.RestartPolicyOnFailure, job.RestartPolicyNever}))
	}
	if len(t.Spec.EphemeralContainers) > 0 {
		errs = append(errs, field.Forbidden(p.Child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"))
	}
	return errs
}

// validateContainerCommon checks container i of the list named list
// (containers or initContainers) of template t.
func validateContainerCommon(c *job.Container, t *field.Path, list string, i int, volumes map[string]bool) field.ErrorList {
	var errs field.ErrorList
	cp := t.Child("spec", list).Index(i)
	if c.Name == "" {
		errs = append(errs, field.Required(cp.Child("name"), ""))
	} else {
		errs = append(errs, invalidEach(cp.Child("name"), c.Name, IsDNS1123Label(c.Name))...)
	}
	if c.Image == "" {
		errs = append(errs, field.Required(cp.Child("image"), ""))
	}
	return append(errs, validateVolumeMounts(c, cp, volumes)...)
}

func validateContainers(s *job.PodSpec, t *field.Path, volumes map[string]bool) field.ErrorList {
	if len(s.Containers) == 0 {
		return field.ErrorList{field.Required(t.Child("spec", "containers"), "")}
	}
	var errs field.ErrorList
	var seen smallSet[string]
	for i := range s.Containers {
		c := &s.Containers[i]
		errs = append(errs, validateContainerCommon(c, t, "containers", i, volumes)...)
		if !seen.add(c.Name) {
			errs = append(errs, field.Duplicate(t.Child("spec", "containers").Index(i).Child("name"), c.Name))
		}
	}
	return errs
}

func validateInitContainers(s *job.PodSpec, t *field.Path, volumes map[string]bool) field.ErrorList {
	var errs field.ErrorList
	if len(s.InitContainers) == 0 {
		return nil
	}
	var seen smallSet[string]
	for _, rc := range s.Containers {
		seen.add(rc.Name)
	}
	for i := range s.InitContainers {
		c := &s.InitContainers[i]
		errs = append(errs, validateContainerCommon(c, t, "initContainers", i, volumes)...)
		if seen.has(c.Name) {
			errs = append(errs, field.Duplicate(t.Child("spec", "initContainers").Index(i).Child("name"), c.Name))
		} else if c.Name != "" {
			seen.add(c.Name)
		}
	}
	return errs
}

// validateJobRestartPolicy is the Job-specific restartPolicy rule (§2.7),
// evaluated after the template validation.
func validateJobRestartPolicy(s *job.JobSpec, p *field.Path) field.ErrorList {
	rp := s.Template.Spec.RestartPolicy
	switch {
	case rp == job.RestartPolicyAlways || rp == "":
		return field.ErrorList{field.Required(p.Child("template", "spec", "restartPolicy"), `valid values: "OnFailure", "Never"`)}
	case rp != job.RestartPolicyOnFailure && rp != job.RestartPolicyNever:
		return field.ErrorList{field.NotSupported(p.Child("template", "spec", "restartPolicy"), rp, []job.RestartPolicy{job.RestartPolicyOnFailure, job.RestartPolicyNever})}
	case s.PodFailurePolicy != nil && rp != job.RestartPolicyNever:
		return field.ErrorList{field.Invalid(p.Child("template", "spec", "restartPolicy"), rp, `only "Never" is supported when podFailurePolicy is specified`)}
	}
	return nil
}
