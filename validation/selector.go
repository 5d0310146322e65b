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
		errs = append(errs, field.Required(field.NewPath("metadata", "uid"), ""))
	}
	meta := field.NewPath("spec", "template", "metadata")
	labels := j.Spec.Template.Labels
	errs = append(errs, validateHasLabel(labels, meta, job.LegacyControllerUIDLabel, uid)...)
	errs = append(errs, validateHasLabel(labels, meta, job.LegacyJobNameLabel, name)...)
	if requirePrefixed {
		errs = append(errs, validateHasLabel(labels, meta, job.ControllerUIDLabel, uid)...)
		errs = append(errs, validateHasLabel(labels, meta, job.JobNameLabel, name)...)
	}
	expected := map[string]string{
		job.LegacyControllerUIDLabel: uid,
		job.LegacyJobNameLabel:       name,
	}
	if requirePrefixed {
		expected[job.ControllerUIDLabel] = uid
		expected[job.JobNameLabel] = name
	}
	if ok, convertible := selectorMatches(j.Spec.Selector, expected); convertible && !ok {
		errs = append(errs, field.Invalid(field.NewPath("spec", "selector"), j.Spec.Selector, "`selector` not auto-generated"))
	}
	return errs
}

// validateHasLabel is ValidateHasLabel: the label must be present with the
// expected value; a wrong value reports the whole label map.
func validateHasLabel(labels map[string]string, meta *field.Path, key, want string) field.ErrorList {
	got, ok := labels[key]
	p := meta.Child("labels").Key(key)
	if !ok {
		return field.ErrorList{field.Required(p, "must be '"+want+"'")}
	}
	if got != want {
		return field.ErrorList{field.Invalid(p, labels, "must be '"+want+"'")}
	}
	return nil
}

// validateSelector checks spec.selector (§2.8): Required when nil, else the
// metav1 label-selector syntax; then, when the selector converts, it must
// match the template labels (a nil selector converts to "match nothing").
func validateSelector(s *job.JobSpec, p *field.Path, allowInvalidValues bool) field.ErrorList {
	var errs field.ErrorList
	sp := p.Child("selector")
	if s.Selector == nil {
		errs = append(errs, field.Required(sp, ""))
	} else {
		errs = append(errs, validateLabelSelector(s.Selector, sp, allowInvalidValues)...)
	}
	if ok, convertible := selectorMatches(s.Selector, s.Template.Labels); convertible && !ok {
		errs = append(errs, field.Invalid(p.Child("template", "metadata", "labels"), s.Template.Labels,
			"`selector` does not match template `labels`"))
	}
	return errs
}

// validateLabelSelector is metav1 ValidateLabelSelector (§5.3).
func validateLabelSelector(s *job.LabelSelector, p *field.Path, allowInvalidValues bool) field.ErrorList {
	var errs field.ErrorList
	errs = append(errs, validateLabelMap(s.MatchLabels, p.Child("matchLabels"))...)
	for i, r := range s.MatchExpressions {
		rp := p.Child("matchExpressions").Index(i)
		switch r.Operator {
		case job.LabelSelectorOpIn, job.LabelSelectorOpNotIn:
			if len(r.Values) == 0 {
				errs = append(errs, field.Required(rp.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
			}
		case job.LabelSelectorOpExists, job.LabelSelectorOpDoesNotExist:
			if len(r.Values) > 0 {
				errs = append(errs, field.Forbidden(rp.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
			}
		default:
			errs = append(errs, field.Invalid(rp.Child("operator"), r.Operator, "not a valid selector operator"))
		}
		for _, msg := range qualifiedName(r.Key) {
			errs = append(errs, field.Invalid(rp.Child("key"), r.Key, msg))
		}
		if !allowInvalidValues {
			for j, v := range r.Values {
				for _, msg := range labelValue(v) {
					errs = append(errs, field.Invalid(rp.Child("values").Index(j), v, msg))
				}
			}
		}
	}
	return errs
}

// selectorMatches converts s like metav1.LabelSelectorAsSelector and
// matches labels. convertible is false when the conversion fails (a bad
// key, operator, value count or label value), in which case upstream skips
// the match check silently. nil matches nothing; empty matches everything.
func selectorMatches(s *job.LabelSelector, labels map[string]string) (ok, convertible bool) {
	if s == nil {
		return false, true
	}
	if !isConvertible(s) {
		return false, false
	}
	for k, v := range s.MatchLabels {
		if got, has := labels[k]; !has || got != v {
			return false, true
		}
	}
	for _, r := range s.MatchExpressions {
		v, has := labels[r.Key]
		switch r.Operator {
		case job.LabelSelectorOpIn:
			if !has || !containsString(r.Values, v) {
				return false, true
			}
		case job.LabelSelectorOpNotIn:
			if has && containsString(r.Values, v) {
				return false, true
			}
		case job.LabelSelectorOpExists:
			if !has {
				return false, true
			}
		case job.LabelSelectorOpDoesNotExist:
			if has {
				return false, true
			}
		}
	}
	return true, true
}

func isConvertible(s *job.LabelSelector) bool {
	for k, v := range s.MatchLabels {
		if !isValidQualifiedName(k) || !isValidLabelValue(v) {
			return false
		}
	}
	for _, r := range s.MatchExpressions {
		switch r.Operator {
		case job.LabelSelectorOpIn, job.LabelSelectorOpNotIn:
			if len(r.Values) == 0 {
				return false
			}
		case job.LabelSelectorOpExists, job.LabelSelectorOpDoesNotExist:
			if len(r.Values) != 0 {
				return false
			}
		default:
			return false
		}
		if !isValidQualifiedName(r.Key) {
			return false
		}
		for _, v := range r.Values {
			if !isValidLabelValue(v) {
				return false
			}
		}
	}
	return true
}

// selectorHasInvalidLabelValue is LabelSelectorHasInvalidLabelValue: some
// matchExpressions value is not a valid label value.
func selectorHasInvalidLabelValue(s *job.LabelSelector) bool {
	if s == nil {
		return false
	}
	for _, r := range s.MatchExpressions {
		for _, v := range r.Values {
			if !isValidLabelValue(v) {
				return true
			}
		}
	}
	return false
}

func containsString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
