package validation

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// ObjectMeta rules of the Job strategy and the generic registry (§2.3,
// §3.2), built on ValidateObjectMeta and friends (names.go, labels.go).

const fieldImmutable = "field is immutable"

// Shared root paths. Paths are immutable values, so sharing them is safe.
var (
	metadataPath = field.NewPath("metadata")
	specPath     = field.NewPath("spec")
	statusPath   = field.NewPath("status")
)

// metaView converts a Job's metadata to the view ValidateObjectMeta reads.
func metaView(m *job.ObjectMeta) *ObjectMetaView {
	v := &ObjectMetaView{
		Name:         m.Name,
		GenerateName: m.GenerateName,
		Namespace:    m.Namespace,
		Generation:   m.Generation,
		Labels:       m.Labels,
		Annotations:  m.Annotations,
		Finalizers:   m.Finalizers,
	}
	if len(m.OwnerReferences) > 0 {
		v.OwnerReferences = make([]OwnerReferenceView, len(m.OwnerReferences))
		for i, r := range m.OwnerReferences {
			v.OwnerReferences[i] = OwnerReferenceView{
				APIVersion: r.APIVersion, Kind: r.Kind, Name: r.Name, UID: string(r.UID),
				Controller: r.Controller, BlockOwnerDeletion: r.BlockOwnerDeletion,
			}
		}
	}
	return v
}

// validateCoreObjectMeta is the core API's ValidateObjectMeta that the Job
// strategy runs on create: the generic rules with the Job name rule
// (NameIsDNSSubdomain), then the Kubernetes finalizer-name rule.
func validateCoreObjectMeta(m *job.ObjectMeta, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if !metaValid(m, NameIsDNSSubdomain) {
		errs = ValidateObjectMeta(metaView(m), true, NameIsDNSSubdomain, p)
	}
	return append(errs, validateKubeFinalizers(m.Finalizers, p)...)
}

// validateKubeFinalizers is the core API's extra finalizer rule: a
// finalizer without "/" must be a standard one ("kubernetes", "orphan",
// "foregroundDeletion"); the error is at <meta>.finalizers[i].
func validateKubeFinalizers(fins []string, meta *field.Path) field.ErrorList {
	var errs field.ErrorList
	for i, f := range fins {
		if strings.Contains(f, "/") {
			continue
		}
		switch f {
		case "kubernetes", FinalizerOrphanDependents, FinalizerDeleteDependents:
		default:
			errs = append(errs, field.Invalid(meta.Child("finalizers").Index(i), f, "name is neither a standard finalizer name nor is it fully qualified"))
		}
	}
	return errs
}

// validateObjectMetaUpdate is apimachinery's ValidateObjectMetaAccessorUpdate
// (§3.2), in its order: no new finalizers while deleting, generation not
// decremented, name/namespace/uid/creationTimestamp/deletionTimestamp/
// deletionGracePeriodSeconds immutable, then labels, annotations and owner
// references of the new object.
//
// metadata.resourceVersion: the Job strategies allow unconditional updates,
// so the API server copies the stored resourceVersion into a request that
// has none before validating; "must be specified for an update" is
// therefore unreachable for Jobs and is never reported here.
func validateObjectMetaUpdate(n, o *job.ObjectMeta, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if o.DeletionTimestamp != nil {
		var extra []string
		for _, f := range n.Finalizers {
			if !slices.Contains(o.Finalizers, f) && !slices.Contains(extra, f) {
				extra = append(extra, f)
			}
		}
		if len(extra) > 0 {
			slices.Sort(extra)
			errs = append(errs, field.Forbidden(p.Child("finalizers"),
				fmt.Sprintf("no new finalizers can be added if the object is being deleted, found new finalizers %#v", extra)))
		}
	}
	if n.Generation < o.Generation {
		errs = append(errs, field.Invalid(p.Child("generation"), n.Generation, "must not be decremented"))
	}
	if n.Name != o.Name {
		errs = append(errs, field.Invalid(p.Child("name"), n.Name, fieldImmutable))
	}
	if n.Namespace != o.Namespace {
		errs = append(errs, field.Invalid(p.Child("namespace"), n.Namespace, fieldImmutable))
	}
	if n.UID != o.UID {
		errs = append(errs, field.Invalid(p.Child("uid"), n.UID, fieldImmutable))
	}
	if !n.CreationTimestamp.Equal(o.CreationTimestamp) {
		errs = append(errs, field.Invalid(p.Child("creationTimestamp"), n.CreationTimestamp, fieldImmutable))
	}
	if !timePtrEqual(n.DeletionTimestamp, o.DeletionTimestamp) {
		errs = append(errs, field.Invalid(p.Child("deletionTimestamp"), n.DeletionTimestamp, fieldImmutable))
	}
	if !ptrEqual(n.DeletionGracePeriodSeconds, o.DeletionGracePeriodSeconds) {
		errs = append(errs, field.Invalid(p.Child("deletionGracePeriodSeconds"), n.DeletionGracePeriodSeconds, fieldImmutable))
	}
	if !labelsValid(n.Labels) {
		errs = append(errs, ValidateLabels(n.Labels, p.Child("labels"))...)
	}
	if !annotationsValid(n.Annotations) {
		errs = append(errs, ValidateAnnotations(n.Annotations, p.Child("annotations"))...)
	}
	if len(n.OwnerReferences) > 0 {
		errs = append(errs, ValidateOwnerReferences(metaView(n).OwnerReferences, p.Child("ownerReferences"))...)
	}
	return errs
}

// validateCoreObjectMetaUpdate is the core API's ValidateObjectMetaUpdate
// the Job strategies run: the update rules plus the finalizer-name rule.
func validateCoreObjectMetaUpdate(n, o *job.ObjectMeta, p *field.Path) field.ErrorList {
	errs := validateObjectMetaUpdate(n, o, p)
	return append(errs, validateKubeFinalizers(n.Finalizers, p)...)
}

// validateCommonFields is the generic registry's check on every update and
// status update, before the strategy: ObjectMeta with the path-segment name
// rule, then the update rules.
func validateCommonFields(n, o *job.ObjectMeta) field.ErrorList {
	p := metadataPath
	var errs field.ErrorList
	if !metaValid(n, ValidatePathSegmentName) {
		errs = ValidateObjectMeta(metaView(n), true, ValidatePathSegmentName, p)
	}
	return append(errs, validateObjectMetaUpdate(n, o, p)...)
}

// nonNegative is the error of ValidateNonnegativeField (value as int64).
func nonNegative[T int64 | int32](v T, p *field.Path) *field.Error {
	return field.Invalid(p, int64(v), IsNegativeErrorMsg)
}
