package validation

import (
	"encoding/json"
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
// directives with the values of nw.
func applySchedulingDirectives(old, nw *job.PodTemplateSpec) {
	setUnknown(&old.Spec.Unknown, "affinity", mergeNodeAffinity(old.Spec.Unknown["affinity"], nw.Spec.Unknown["affinity"]))
	for _, k := range []string{"nodeSelector", "tolerations", "schedulingGates"} {
		setUnknown(&old.Spec.Unknown, k, nw.Spec.Unknown[k])
	}
	old.Annotations = nw.Annotations
	old.Labels = nw.Labels
}

// mergeNodeAffinity returns the old affinity with its nodeAffinity replaced
// by the new one (§3.3 step 1).
func mergeNodeAffinity(oldRaw, newRaw json.RawMessage) json.RawMessage {
	oldNil, newNil := isNullOrAbsent(oldRaw), isNullOrAbsent(newRaw)
	var oldAff, newAff map[string]json.RawMessage
	if !oldNil && json.Unmarshal(oldRaw, &oldAff) != nil {
		return oldRaw // not an object: leave it to the comparison
	}
	if !newNil && json.Unmarshal(newRaw, &newAff) != nil {
		return oldRaw
	}
	switch {
	case oldNil && newNil:
		return oldRaw
	case oldNil:
		out := map[string]json.RawMessage{}
		if na, ok := newAff["nodeAffinity"]; ok {
			out["nodeAffinity"] = na
		}
		b, _ := json.Marshal(out)
		return b
	case newNil:
		if isNullOrAbsent(oldAff["podAffinity"]) && isNullOrAbsent(oldAff["podAntiAffinity"]) {
			return nil
		}
		delete(oldAff, "nodeAffinity")
	default:
		if na, ok := newAff["nodeAffinity"]; ok {
			oldAff["nodeAffinity"] = na
		} else {
			delete(oldAff, "nodeAffinity")
		}
	}
	b, _ := json.Marshal(oldAff)
	return b
}

func setUnknown(u *job.Unknown, k string, v json.RawMessage) {
	if len(v) == 0 {
		delete(*u, k)
		return
	}
	if *u == nil {
		*u = job.Unknown{}
	}
	(*u)[k] = v
}

// copyResources copies each new container's resources into old when both
// lists have the same length and the names at that index match.
func copyResources(old, nw []job.Container) {
	if len(old) != len(nw) {
		return
	}
	for i := range old {
		if old[i].Name == nw[i].Name {
			setUnknown(&old[i].Unknown, "resources", nw[i].Unknown["resources"])
		}
	}
}
