package validation

import (
	"maps"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// TotalAnnotationSizeLimitB is the limit on the summed byte length of all
// annotation keys and values of one object (256 KiB).
const TotalAnnotationSizeLimitB = 256 * (1 << 10)

// ValidateLabelName returns one Invalid (value = name) at path per
// IsQualifiedName message.
func ValidateLabelName(name string, path *field.Path) field.ErrorList {
	return invalidEach(path, name, IsQualifiedName(name))
}

// ValidateLabels checks a label map (metadata.labels, a template's labels,
// a selector's matchLabels). For each entry in sorted key order: the key's
// errors (ValidateLabelName, value = the key), then one Invalid per
// IsValidLabelValue message (value = the value). All errors are at path
// itself, never at path[key].
//
// Upstream visits the map in Go's random order; the errors are the same but
// their order among several bad entries is unspecified there.
func ValidateLabels(labels map[string]string, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	for _, k := range sortedMapKeys(labels) {
		errs = append(errs, ValidateLabelName(k, path)...)
		v := labels[k]
		errs = append(errs, invalidEach(path, v, IsValidLabelValue(v))...)
	}
	return errs
}

// ValidateAnnotations checks an annotation map at path:
//
//  1. for each key in sorted order, one Invalid (value = the key as given)
//     per IsQualifiedName message of the key lower-cased with
//     strings.ToLower (annotation keys are case-insensitive);
//  2. then, when the summed byte length of all keys and values exceeds
//     TotalAnnotationSizeLimitB, TooLong "may not be more than 262144 bytes".
//
// Values are not otherwise checked.
func ValidateAnnotations(annotations map[string]string, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	for _, k := range sortedMapKeys(annotations) {
		errs = append(errs, invalidEach(path, k, IsQualifiedName(strings.ToLower(k)))...)
	}
	if totalAnnotationBytes(annotations) > TotalAnnotationSizeLimitB {
		errs = append(errs, field.TooLong(path, "", TotalAnnotationSizeLimitB))
	}
	return errs
}

// totalAnnotationBytes is the summed byte length of all keys and values.
func totalAnnotationBytes(annotations map[string]string) int64 {
	var n int64
	for k, v := range annotations {
		n += int64(len(k)) + int64(len(v))
	}
	return n
}

// sortedMapKeys returns the keys of m in ascending byte order (nil for an
// empty map).
func sortedMapKeys(m map[string]string) []string {
	switch len(m) {
	case 0:
		return nil
	case 1:
		for k := range m {
			return []string{k}
		}
	}
	return slices.Sorted(maps.Keys(m))
}
