package validation

import (
	"reflect"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/validation/field"
)

// The volume rules of the generic PodSpec validation that need no model of
// the volume sources (upstream ValidateVolumes and ValidateVolumeMounts):
//
//   - spec.template.spec.volumes[i]: Required "must specify a volume type"
//     when the volume names no source; its name Required / a DNS-1123
//     label; Duplicate when an earlier valid volume has the same name;
//   - containers[i].volumeMounts[j] (and initContainers): name Required,
//     Not found unless it names a valid volume, mountPath Required, and
//     Invalid "must be unique" when an earlier mount of the container has
//     the same mountPath.
//
// The sources themselves (paths, sizes, references, several sources in one
// volume) are not checked.

// volumeSources counts the sources a volume names: its VolumeSource
// members that are set (each is a pointer).
func volumeSources(v *corev1.Volume) int {
	n := 0
	src := reflect.ValueOf(&v.VolumeSource).Elem()
	for i := range src.NumField() {
		if f := src.Field(i); f.Kind() == reflect.Pointer && !f.IsNil() {
			n++
		}
	}
	return n
}

// validateVolumes checks spec.template.spec.volumes (t is spec.template)
// and returns the names of the volumes without errors, which volume mounts
// may reference.
func validateVolumes(s *job.PodSpec, t *field.Path) (field.ErrorList, map[string]bool) {
	valid := map[string]bool{}
	var errs field.ErrorList
	vp := t.Child("spec", "volumes")
	for i := range s.Volumes {
		v := &s.Volumes[i]
		var el field.ErrorList
		if volumeSources(v) == 0 {
			el = append(el, field.Required(vp.Index(i), "must specify a volume type"))
		}
		np := vp.Index(i).Child("name")
		if v.Name == "" {
			el = append(el, field.Required(np, ""))
		} else {
			el = append(el, invalidEach(np, v.Name, IsDNS1123Label(v.Name))...)
		}
		if valid[v.Name] {
			el = append(el, field.Duplicate(np, v.Name))
		}
		if len(el) == 0 {
			valid[v.Name] = true
		}
		errs = append(errs, el...)
	}
	return errs, valid
}

// validateVolumeMounts checks the volumeMounts of container c at path cp.
func validateVolumeMounts(c *job.Container, cp *field.Path, volumes map[string]bool) field.ErrorList {
	var errs field.ErrorList
	paths := map[string]bool{}
	for i, m := range c.VolumeMounts {
		mp := cp.Child("volumeMounts").Index(i)
		if m.Name == "" {
			errs = append(errs, field.Required(mp.Child("name"), ""))
		}
		if !volumes[m.Name] {
			errs = append(errs, field.NotFound(mp.Child("name"), m.Name))
		}
		if m.MountPath == "" {
			errs = append(errs, field.Required(mp.Child("mountPath"), ""))
		}
		if paths[m.MountPath] {
			errs = append(errs, field.Invalid(mp.Child("mountPath"), m.MountPath, "must be unique"))
		}
		paths[m.MountPath] = true
	}
	return errs
}
