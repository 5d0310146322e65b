package validation

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// OwnerReferenceView is the part of a metav1.OwnerReference that validation
// reads, with metav1's JSON names so that a rendered bad value matches the
// API server's.
type OwnerReferenceView struct {
	// APIVersion is "group/version", or "version" for the core group; it
	// must name a version.
	APIVersion string `json:"apiVersion"`
	// Kind, Name and UID identify the owner; none may be empty.
	Kind string `json:"kind"`
	Name string `json:"name"`
	UID  string `json:"uid"`
	// Controller true marks the managing controller; at most one reference
	// of an object may have it.
	Controller *bool `json:"controller,omitempty"`
	// BlockOwnerDeletion is not checked; it is kept for the rendering of a
	// bad reference.
	BlockOwnerDeletion *bool `json:"blockOwnerDeletion,omitempty"`
}

// ValidateOwnerReferences checks metadata.ownerReferences at path. For each
// reference i in order, at path[i]:
//
//  1. apiVersion empty: Required at path[i].apiVersion "must not be empty";
//     otherwise without a version ("/", "group/", or more than one '/'):
//     Invalid (value = the apiVersion) "must be <group>/<version> or <version>";
//  2. empty kind, name, uid: Required at path[i].kind, .name, .uid, each
//     "must not be empty";
//  3. a core v1 Event as owner: Invalid at path[i] (value = the reference)
//     "/v1, Kind=Event is disallowed from being an owner";
//  4. a second (third...) reference with controller true: Invalid at path
//     (value = the whole list) `Only one reference can have Controller set
//     to true. Found "true" in references for <Kind>/<name> and <Kind>/<name>`
//     naming the first controller and this one.
//
// (Before 1.36 the first three were Invalid errors at unindexed paths, e.g.
// "metadata.ownerReferences.kind: Invalid value: \"\": kind must not be
// empty", which the aggregate message de-duplicated across references.)
func ValidateOwnerReferences(refs []OwnerReferenceView, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	firstController := ""
	for i, ref := range refs {
		rp := path.Index(i)
		group, version, kind := splitOwnerAPIVersion(ref.APIVersion, ref.Kind)
		switch {
		case ref.APIVersion == "":
			errs = append(errs, field.Required(rp.Child("apiVersion"), "must not be empty"))
		case version == "":
			errs = append(errs, field.Invalid(rp.Child("apiVersion"), ref.APIVersion, "must be <group>/<version> or <version>"))
		}
		if kind == "" {
			errs = append(errs, field.Required(rp.Child("kind"), "must not be empty"))
		}
		if ref.Name == "" {
			errs = append(errs, field.Required(rp.Child("name"), "must not be empty"))
		}
		if ref.UID == "" {
			errs = append(errs, field.Required(rp.Child("uid"), "must not be empty"))
		}
		if group == "" && version == "v1" && kind == "Event" {
			errs = append(errs, field.Invalid(rp, ref, "/v1, Kind=Event is disallowed from being an owner"))
		}
		if ref.Controller != nil && *ref.Controller {
			this := ref.Kind + "/" + ref.Name
			if firstController == "" {
				firstController = this
			} else {
				errs = append(errs, field.Invalid(path, refs, fmt.Sprintf(
					"Only one reference can have Controller set to true. Found \"true\" in references for %s and %s",
					firstController, this)))
			}
		}
	}
	return errs
}

// splitOwnerAPIVersion splits "group/version" like schema.FromAPIVersionAndKind:
// "" and "/" give no group and no version, "v1" is the core group, more than
// one '/' is unparsable (no group, no version).
func splitOwnerAPIVersion(apiVersion, kind string) (group, version, k string) {
	if apiVersion == "" || apiVersion == "/" {
		return "", "", kind
	}
	switch strings.Count(apiVersion, "/") {
	case 0:
		return "", apiVersion, kind
	case 1:
		g, v, _ := strings.Cut(apiVersion, "/")
		return g, v, kind
	default:
		return "", "", kind
	}
}
