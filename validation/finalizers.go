package validation

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// Finalizers with a meaning to the garbage collector; an object may not
// carry both.
const (
	FinalizerOrphanDependents = "orphan"
	FinalizerDeleteDependents = "foregroundDeletion"
)

// ValidateFinalizerName returns one Invalid (value = name) per
// IsQualifiedName message.
func ValidateFinalizerName(name string, path *field.Path) field.ErrorList {
	return invalidEach(path, name, IsQualifiedName(name))
}

// ValidateFinalizers checks metadata.finalizers at path: each name in order
// (ValidateFinalizerName, errors at path itself, not indexed), then Invalid
// (value = the list) "finalizer orphan and foregroundDeletion cannot be both
// set" when both are present.
func ValidateFinalizers(finalizers []string, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	orphan, foreground := false, false
	for _, f := range finalizers {
		errs = append(errs, ValidateFinalizerName(f, path)...)
		switch f {
		case FinalizerOrphanDependents:
			orphan = true
		case FinalizerDeleteDependents:
			foreground = true
		}
	}
	if orphan && foreground {
		errs = append(errs, field.Invalid(path, finalizers,
			fmt.Sprintf("finalizer %s and %s cannot be both set", FinalizerOrphanDependents, FinalizerDeleteDependents)))
	}
	return errs
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
