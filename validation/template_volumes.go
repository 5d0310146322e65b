package validation

import (
	"encoding/json"

	"github.com/jobkit/jobkit/job"
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

// templateVolume is the part of a core/v1 Volume these rules read; every
// other member is a volume source.
type templateVolume struct {
	name    string
	sources int
}

// decodeVolumes reads spec.volumes; ok is false when it is absent or not a
// list of objects.
func decodeVolumes(u job.Unknown) (vols []templateVolume, ok bool) {
	var raw []map[string]json.RawMessage
	if !decodeMember(u, "volumes", &raw) {
		return nil, false
	}
	vols = make([]templateVolume, len(raw))
	for i, v := range raw {
		for k, m := range v {
			if k == "name" {
				_ = json.Unmarshal(m, &vols[i].name)
				continue
			}
			if !isNullOrAbsent(m) {
				vols[i].sources++
			}
		}
	}
	return vols, true
}

// validateVolumes checks spec.template.spec.volumes (t is spec.template)
// and returns the names of the volumes without errors, which volume mounts
// may reference.
func validateVolumes(s *job.PodSpec, t *field.Path) (field.ErrorList, map[string]bool) {
	valid := map[string]bool{}
	vols, ok := decodeVolumes(s.Unknown)
	if !ok {
		return nil, valid
	}
	var errs field.ErrorList
	vp := t.Child("spec", "volumes")
	for i, v := range vols {
		var el field.ErrorList
		if v.sources == 0 {
			el = append(el, field.Required(vp.Index(i), "must specify a volume type"))
		}
		np := vp.Index(i).Child("name")
		if v.name == "" {
			el = append(el, field.Required(np, ""))
		} else {
			el = append(el, invalidEach(np, v.name, IsDNS1123Label(v.name))...)
		}
		if valid[v.name] {
			el = append(el, field.Duplicate(np, v.name))
		}
		if len(el) == 0 {
			valid[v.name] = true
		}
		errs = append(errs, el...)
	}
	return errs, valid
}

// validateVolumeMounts checks the volumeMounts of container c at path cp.
func validateVolumeMounts(c *job.Container, cp *field.Path, volumes map[string]bool) field.ErrorList {
	var mounts []struct {
		Name      string `json:"name"`
		MountPath string `json:"mountPath"`
	}
	if !decodeMember(c.Unknown, "volumeMounts", &mounts) {
		return nil
	}
	var errs field.ErrorList
	paths := map[string]bool{}
	for i, m := range mounts {
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
