package validation

import (
	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/validation/equality"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// validatePodTemplateUpdate is upstream's validatePodTemplateUpdate (§3.3):
//
//  1. Start from the old template. With allowMutableSchedulingDirectives,
//     a copy of it takes the new nodeSelector, tolerations,
//     schedulingGates, template labels and annotations, and the new node
//     affinity (pod (anti-)affinity changes still count).
//  2. Old Job not suspended, or pod resources not mutable: the new template
//     must equal that template, else Invalid spec.template.
//  3. Otherwise only the pod specs are compared, after copying each new
//     container's resources into the old container at the same index when
//     both lists have equal length and the names there match; else Invalid
//     spec.template.spec. Template metadata is not compared in this branch
//     (upstream quirk).
func validatePodTemplateUpdate(n, o *job.JobSpec, p *field.Path, so specOptions) field.ErrorList {
	old := &o.Template
	if so.allowMutableSchedulingDirectives {
		old = o.Template.DeepCopy()
		applySchedulingDirectives(old, &n.Template)
	}
	if !o.IsSuspended() || !so.allowMutablePodResources {
		if !equality.Templates(&n.Template, old) {
			return field.ErrorList{field.Invalid(p.Child("template"), &n.Template, fieldImmutable)}
		}
		return nil
	}
	oldSpec := old.Spec.DeepCopy()
	copyResources(oldSpec.Containers, n.Template.Spec.Containers)
	copyResources(oldSpec.InitContainers, n.Template.Spec.InitContainers)
	if !equality.PodSpecs(&n.Template.Spec, oldSpec) {
		return field.ErrorList{field.Invalid(p.Child("template", "spec"), &n.Template.Spec, fieldImmutable)}
	}
	return nil
}

// applySchedulingDirectives overwrites in old (a copy) the scheduling
// directives with the values of nw: the node affinity (clearing an affinity
// that held nothing else), nodeSelector, tolerations, template annotations
// and labels, schedulingGates.
func applySchedulingDirectives(old, nw *job.PodTemplateSpec) {
	switch oa, na := old.Spec.Affinity, nw.Spec.Affinity; {
	case na == nil && oa != nil:
		oa.NodeAffinity = nil
		if oa.PodAffinity == nil && oa.PodAntiAffinity == nil && len(oa.Unknown) == 0 {
			old.Spec.Affinity = nil
		}
	case na != nil && oa == nil:
		old.Spec.Affinity = &corev1.Affinity{NodeAffinity: na.NodeAffinity.DeepCopy()}
	case na != nil && oa != nil:
		oa.NodeAffinity = na.NodeAffinity.DeepCopy()
	}
	old.Spec.NodeSelector = nw.Spec.NodeSelector
	old.Spec.Tolerations = nw.Spec.Tolerations
	old.Annotations = nw.Annotations
	old.Labels = nw.Labels
	old.Spec.SchedulingGates = nw.Spec.SchedulingGates
}

// copyResources copies each new container's resources into old when both
// lists have the same length and the names at that index match.
func copyResources(old, nw []job.Container) {
	if len(old) != len(nw) {
		return
	}
	for i := range old {
		if old[i].Name == nw[i].Name {
			old[i].Resources = nw[i].Resources
		}
	}
}
