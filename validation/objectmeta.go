package validation

import (
	"fmt"
	"github.com/jobkit/jobkit/validation/equality"
	"slices"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// ObjectMeta rules: apimachinery's generic ValidateObjectMeta, then how the
// Job strategy and the generic registry apply it on create and update
// (§2.3, §3.2). The rules for the parts live in names.go, labels.go,
// finalizers.go and owner_references.go.

// ObjectMetaView is the part of an object's metadata that create
// validation reads. Maps and slices are only read, never modified.
type ObjectMetaView struct {
	// Name is the final name (the API server generates it from
	// GenerateName before validating); "" is an error.
	Name string
	// GenerateName is the prefix a name was generated from; "" when unused.
	GenerateName string
	// Namespace is "" for cluster-scoped objects.
	Namespace string
	// Generation must not be negative.
	Generation int64
	// Labels are checked with ValidateLabels, in sorted key order.
	Labels map[string]string
	// Annotations are checked with ValidateAnnotations.
	Annotations map[string]string
	// OwnerReferences are checked in list order (ValidateOwnerReferences).
	OwnerReferences []OwnerReferenceView
	// Finalizers are checked in list order (ValidateFinalizers).
	Finalizers []string
}

// ValidateObjectMeta checks metadata at path (normally "metadata") like the
// API server's ObjectMeta validation, appending in this order:
//
//  1. generateName, when set: one Invalid per nameFn(generateName, true)
//     message (value = generateName);
//  2. name: Required "name or generateName is required" when empty, else one
//     Invalid per nameFn(name, false) message;
//  3. namespace, when requiresNamespace: Required (no detail) when empty,
//     else one Invalid per ValidateNamespaceName message; when not required,
//     a set namespace is Forbidden "not allowed on this type";
//  4. generation: ValidateNonnegativeField;
//  5. labels (ValidateLabels), annotations (ValidateAnnotations), owner
//     references (ValidateOwnerReferences), finalizers (ValidateFinalizers).
//
// managedFields are not modelled and not checked. For a Job, nameFn is
// NameIsDNSSubdomain and requiresNamespace is true. The name is the final
// name: the API server generates it from generateName before validating.
func ValidateObjectMeta(meta *ObjectMetaView, requiresNamespace bool, nameFn ValidateNameFunc, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	if meta.GenerateName != "" {
		errs = invalidEach(path.Child("generateName"), meta.GenerateName, nameFn(meta.GenerateName, true))
	}
	if meta.Name == "" {
		errs = append(errs, field.Required(path.Child("name"), "name or generateName is required"))
	} else {
		errs = append(errs, invalidEach(path.Child("name"), meta.Name, nameFn(meta.Name, false))...)
	}
	switch {
	case requiresNamespace && meta.Namespace == "":
		errs = append(errs, field.Required(path.Child("namespace"), ""))
	case requiresNamespace:
		errs = append(errs, invalidEach(path.Child("namespace"), meta.Namespace, ValidateNamespaceName(meta.Namespace, false))...)
	case meta.Namespace != "":
		errs = append(errs, field.Forbidden(path.Child("namespace"), "not allowed on this type"))
	}
	errs = append(errs, ValidateNonnegativeField(meta.Generation, path.Child("generation"))...)
	errs = append(errs, ValidateLabels(meta.Labels, path.Child("labels"))...)
	errs = append(errs, ValidateAnnotations(meta.Annotations, path.Child("annotations"))...)
	errs = append(errs, ValidateOwnerReferences(meta.OwnerReferences, path.Child("ownerReferences"))...)
	errs = append(errs, ValidateFinalizers(meta.Finalizers, path.Child("finalizers"))...)
	return errs
}

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
	if !isMetaValid(m, NameIsDNSSubdomain) {
		errs = ValidateObjectMeta(metaView(m), true, NameIsDNSSubdomain, p)
	}
	return append(errs, validateKubeFinalizers(m.Finalizers, p)...)
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
	if !equality.TimePtr(n.DeletionTimestamp, o.DeletionTimestamp) {
		errs = append(errs, field.Invalid(p.Child("deletionTimestamp"), n.DeletionTimestamp, fieldImmutable))
	}
	if !equality.Ptr(n.DeletionGracePeriodSeconds, o.DeletionGracePeriodSeconds) {
		errs = append(errs, field.Invalid(p.Child("deletionGracePeriodSeconds"), n.DeletionGracePeriodSeconds, fieldImmutable))
	}
	if !isLabelMapValid(n.Labels) {
		errs = append(errs, ValidateLabels(n.Labels, p.Child("labels"))...)
	}
	if !isAnnotationMapValid(n.Annotations) {
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
	if !isMetaValid(n, ValidatePathSegmentName) {
		errs = ValidateObjectMeta(metaView(n), true, ValidatePathSegmentName, p)
	}
	return append(errs, validateObjectMetaUpdate(n, o, p)...)
}
