package validation

import (
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// validateGeneratedSelector checks what selector generation (create) must
// have produced (§2.4). It runs only when manualSelector is not true and a
// selector is present, in this order: metadata.uid present; template labels
// controller-uid and job-name (then, when requirePrefixed, the
// batch.kubernetes.io/ ones); the selector matches the expected label set.
func validateGeneratedSelector(j *job.Job, requirePrefixed bool) field.ErrorList {
	if j.Spec.ManualSelector != nil && *j.Spec.ManualSelector {
		return nil
	}
	if j.Spec.Selector == nil {
		return nil // reported as spec.selector: Required value
	}
	var errs field.ErrorList
	uid, name := string(j.UID), j.Name
	if uid == "" {
		errs = append(errs, field.Required(metadataPath.Child("uid"), ""))
	}
	labels := j.Spec.Template.Labels
	errs = append(errs, validateHasLabel(labels, job.LegacyControllerUIDLabel, uid)...)
	errs = append(errs, validateHasLabel(labels, job.LegacyJobNameLabel, name)...)
	if requirePrefixed {
		errs = append(errs, validateHasLabel(labels, job.ControllerUIDLabel, uid)...)
		errs = append(errs, validateHasLabel(labels, job.JobNameLabel, name)...)
	}
	if ok, convertible := selectorMatchesGenerated(j.Spec.Selector, uid, name, requirePrefixed); convertible && !ok {
		errs = append(errs, field.Invalid(specPath.Child("selector"), j.Spec.Selector, "`selector` not auto-generated"))
	}
	return errs
}

// validateHasLabel is ValidateHasLabel: the label must be present with the
// expected value; a wrong value reports the whole label map.
func validateHasLabel(labels map[string]string, key, want string) field.ErrorList {
	got, ok := labels[key]
	if ok && got == want {
		return nil
	}
	p := specPath.Child("template", "metadata", "labels").Key(key)
	if !ok {
		return field.ErrorList{field.Required(p, "must be '"+want+"'")}
	}
	return field.ErrorList{field.Invalid(p, labels, "must be '"+want+"'")}
}

// validateSelector checks spec.selector (§2.8): Required when nil, else the
// metav1 label-selector syntax; then, when the selector converts, it must
// match the template labels (a nil selector converts to "match nothing").
func validateSelector(s *job.JobSpec, p *field.Path, allowInvalidValues bool) field.ErrorList {
	var errs field.ErrorList
	ok, convertible := selectorMatches(s.Selector, s.Template.Labels)
	if s.Selector == nil {
		errs = append(errs, field.Required(p.Child("selector"), ""))
	} else if !convertible {
		// A convertible selector is syntactically valid (the conversion
		// checks everything validation does, and more), so the syntax
		// check only runs when the conversion failed.
		errs = append(errs, validateLabelSelector(s.Selector, p.Child("selector"), allowInvalidValues)...)
	}
	if convertible && !ok {
		errs = append(errs, field.Invalid(p.Child("template", "metadata", "labels"), s.Template.Labels,
			"`selector` does not match template `labels`"))
	}
	return errs
}

// validateLabelSelector is metav1 ValidateLabelSelector (§5.3).
func validateLabelSelector(s *job.LabelSelector, p *field.Path, allowInvalidValues bool) field.ErrorList {
	return ValidateLabelSelector(s, LabelSelectorValidationOptions{AllowInvalidLabelValueInSelector: allowInvalidValues}, p)
}

// selectorMatches converts s like metav1.LabelSelectorAsSelector and
// matches labels. convertible is false when the conversion fails (a bad
// key, operator, value count or label value): upstream then skips its match
// check silently. nil matches nothing; empty matches everything.
func selectorMatches(s *job.LabelSelector, labels map[string]string) (ok, convertible bool) {
	ok, err := MatchLabelSelector(s, labels)
	return ok, err == nil
}

// selectorMatchesGenerated matches s against the label set selector
// generation guarantees: controller-uid and job-name, plus the
// batch.kubernetes.io/ ones when prefixed.
func selectorMatchesGenerated(s *job.LabelSelector, uid, name string, prefixed bool) (ok, convertible bool) {
	if prefixed {
		return selectorMatches(s, map[string]string{
			job.LegacyControllerUIDLabel: uid, job.LegacyJobNameLabel: name,
			job.ControllerUIDLabel: uid, job.JobNameLabel: name,
		})
	}
	return selectorMatches(s, map[string]string{job.LegacyControllerUIDLabel: uid, job.LegacyJobNameLabel: name})
}

// selectorHasInvalidLabelValue is LabelSelectorHasInvalidLabelValue: some
// matchExpressions value is not a valid label value.
func selectorHasInvalidLabelValue(s *job.LabelSelector) bool {
	if s == nil {
		return false
	}
	for _, r := range s.MatchExpressions {
		for _, v := range r.Values {
			if len(IsValidLabelValue(v)) > 0 {
				return true
			}
		}
	}
	return false
}
