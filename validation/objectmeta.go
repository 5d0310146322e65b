package validation

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// ObjectMeta rules (§2.3, §3.2). Label and annotation maps are walked in
// ascending key order; the API server walks them in Go map order, so among
// several bad entries of one map its order is unspecified.

const (
	totalAnnotationSizeLimitB = 256 * 1024 // 262144
	fieldImmutable            = "field is immutable"
)

// nameFunc checks a name (prefix: it is a generateName).
type nameFunc func(name string, prefix bool) []string

// jobName is the Job's name rule (NameIsDNSSubdomain): a generateName has a
// trailing '-' masked first, as upstream does (it replaces the last two
// characters by "a").
func jobName(name string, prefix bool) []string {
	if prefix && len(name) > 1 && strings.HasSuffix(name, "-") {
		name = name[:len(name)-2] + "a"
	}
	return dns1123Subdomain(name)
}

// pathSegmentName is the generic registry's looser name rule.
func pathSegmentName(name string, prefix bool) []string {
	if !prefix {
		if name == "." || name == ".." {
			return []string{"may not be '" + name + "'"}
		}
	}
	var errs []string
	for _, bad := range []string{"/", "%"} {
		if strings.Contains(name, bad) {
			errs = append(errs, "may not contain '"+bad+"'")
		}
	}
	return errs
}

// validateObjectMeta is apimachinery's ValidateObjectMetaAccessor for a
// namespaced object: generateName, name, namespace, generation, labels,
// annotations, ownerReferences, finalizers (managedFields are kept verbatim
// and not checked).
func validateObjectMeta(m *job.ObjectMeta, nameFn nameFunc, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	if m.GenerateName != "" {
		for _, msg := range nameFn(m.GenerateName, true) {
			errs = append(errs, field.Invalid(p.Child("generateName"), m.GenerateName, msg))
		}
	}
	if m.Name == "" {
		errs = append(errs, field.Required(p.Child("name"), "name or generateName is required"))
	} else {
		for _, msg := range nameFn(m.Name, false) {
			errs = append(errs, field.Invalid(p.Child("name"), m.Name, msg))
		}
	}
	if m.Namespace == "" {
		errs = append(errs, field.Required(p.Child("namespace"), ""))
	} else {
		for _, msg := range dns1123Label(m.Namespace) {
			errs = append(errs, field.Invalid(p.Child("namespace"), m.Namespace, msg))
		}
	}
	if m.Generation < 0 {
		errs = append(errs, nonNegative(m.Generation, p.Child("generation")))
	}
	errs = append(errs, validateLabelMap(m.Labels, p.Child("labels"))...)
	errs = append(errs, validateAnnotationMap(m.Annotations, p.Child("annotations"))...)
	errs = append(errs, validateOwnerReferences(m.OwnerReferences, p.Child("ownerReferences"))...)
	errs = append(errs, validateFinalizers(m.Finalizers, p.Child("finalizers"))...)
	return errs
}

// validateCoreObjectMeta is the core API's ValidateObjectMeta used by the
// Job strategy: the generic rules with the Job name rule, then the Kubernetes
// finalizer-name rule per finalizer.
func validateCoreObjectMeta(m *job.ObjectMeta, p *field.Path) field.ErrorList {
	errs := validateObjectMeta(m, jobName, p)
	return append(errs, validateKubeFinalizers(m.Finalizers, p.Child("finalizers"))...)
}

// validateKubeFinalizers: a finalizer without "/" must be a standard one.
func validateKubeFinalizers(fins []string, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	for i, f := range fins {
		if strings.Contains(f, "/") {
			continue
		}
		switch f {
		case "kubernetes", "orphan", "foregroundDeletion":
		default:
			errs = append(errs, field.Invalid(p.Index(i), f, "name is neither a standard finalizer name nor is it fully qualified"))
		}
	}
	return errs
}

func validateFinalizers(fins []string, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	orphan, foreground := false, false
	for _, f := range fins {
		for _, msg := range qualifiedName(f) {
			errs = append(errs, field.Invalid(p, f, msg))
		}
		orphan = orphan || f == "orphan"
		foreground = foreground || f == "foregroundDeletion"
	}
	if orphan && foreground {
		errs = append(errs, field.Invalid(p, fins, "finalizer orphan and foregroundDeletion cannot be both set"))
	}
	return errs
}

func validateOwnerReferences(refs []job.OwnerReference, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	controller := ""
	for _, r := range refs {
		errs = append(errs, validateOwnerReference(r, p)...)
		if r.Controller != nil && *r.Controller {
			cur := r.Kind + "/" + r.Name
			if controller != "" {
				errs = append(errs, field.Invalid(p, refs, fmt.Sprintf("Only one reference can have Controller set to true. Found \"true\" in references for %s and %s", controller, cur)))
			} else {
				controller = cur
			}
		}
	}
	return errs
}

// validateOwnerReference: paths are not indexed, as upstream.
func validateOwnerReference(r job.OwnerReference, p *field.Path) field.ErrorList {
	var errs field.ErrorList
	group, version := splitAPIVersion(r.APIVersion)
	if version == "" {
		errs = append(errs, field.Invalid(p.Child("apiVersion"), r.APIVersion, "version must not be empty"))
	}
	if r.Kind == "" {
		errs = append(errs, field.Invalid(p.Child("kind"), r.Kind, "kind must not be empty"))
	}
	if r.Name == "" {
		errs = append(errs, field.Invalid(p.Child("name"), r.Name, "name must not be empty"))
	}
	if r.UID == "" {
		errs = append(errs, field.Invalid(p.Child("uid"), r.UID, "uid must not be empty"))
	}
	if group == "" && version == "v1" && r.Kind == "Event" {
		errs = append(errs, field.Invalid(p, r, "/v1, Kind=Event is disallowed from being an owner"))
	}
	return errs
}

// splitAPIVersion is schema.ParseGroupVersion as used by
// FromAPIVersionAndKind: "v1" is a version, "g/v" a group and version, more
// slashes fail (no version).
func splitAPIVersion(s string) (group, version string) {
	switch strings.Count(s, "/") {
	case 0:
		return "", s
	case 1:
		g, v, _ := strings.Cut(s, "/")
		return g, v
	}
	return "", ""
}

// validateLabelMap is ValidateLabels: for each entry (ascending key order),
// key messages then value messages, all at the map's own path.
func validateLabelMap(m map[string]string, p *field.Path) field.ErrorList {
	if len(m) == 0 {
		return nil
	}
	var errs field.ErrorList
	for _, k := range sortedKeys(m) {
		for _, msg := range qualifiedName(k) {
			errs = append(errs, field.Invalid(p, k, msg))
		}
		for _, msg := range labelValue(m[k]) {
			errs = append(errs, field.Invalid(p, m[k], msg))
		}
	}
	return errs
}

// validateAnnotationMap is ValidateAnnotations: lower-cased keys must be
// qualified names; keys plus values at most 262144 bytes in total.
func validateAnnotationMap(m map[string]string, p *field.Path) field.ErrorList {
	if len(m) == 0 {
		return nil
	}
	var errs field.ErrorList
	size := 0
	for _, k := range sortedKeys(m) {
		for _, msg := range qualifiedName(strings.ToLower(k)) {
			errs = append(errs, field.Invalid(p, k, msg))
		}
		size += len(k) + len(m[k])
	}
	if size > totalAnnotationSizeLimitB {
		errs = append(errs, field.TooLong(p, "", totalAnnotationSizeLimitB))
	}
	return errs
}

// sortedKeys returns m's keys in ascending order; all-valid maps are
// iterated without sorting being observable.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// validateObjectMetaUpdate is ValidateObjectMetaAccessorUpdate (§3.2).
//
// metadata.resourceVersion: a Job's strategy allows unconditional updates,
// so the API server copies the stored resourceVersion into a request that
// has none before validation; the "must be specified for an update" error is
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
			errs = append(errs, field.Forbidden(p.Child("finalizers"), fmt.Sprintf("no new finalizers can be added if the object is being deleted, found new finalizers %#v", extra)))
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
	errs = append(errs, validateLabelMap(n.Labels, p.Child("labels"))...)
	errs = append(errs, validateAnnotationMap(n.Annotations, p.Child("annotations"))...)
	errs = append(errs, validateOwnerReferences(n.OwnerReferences, p.Child("ownerReferences"))...)
	return errs
}

// validateCoreObjectMetaUpdate is the core API's ValidateObjectMetaUpdate:
// the generic update rules plus the Kubernetes finalizer-name rule.
func validateCoreObjectMetaUpdate(n, o *job.ObjectMeta, p *field.Path) field.ErrorList {
	errs := validateObjectMetaUpdate(n, o, p)
	return append(errs, validateKubeFinalizers(n.Finalizers, p.Child("finalizers"))...)
}

// validateCommonFields is the generic registry's check on every update and
// status update: ObjectMeta with the path-segment name rule, then the update
// rules.
func validateCommonFields(n, o *job.ObjectMeta) field.ErrorList {
	p := field.NewPath("metadata")
	errs := validateObjectMeta(n, pathSegmentName, p)
	return append(errs, validateObjectMetaUpdate(n, o, p)...)
}

func nonNegative[T int64 | int32](v T, p *field.Path) *field.Error {
	return field.Invalid(p, int64(v), "must be greater than or equal to 0")
}

func ptrEqual[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func timePtrEqual(a, b *job.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
