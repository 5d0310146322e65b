package validation

import (
	"maps"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// LabelValueMaxLength is the longest label value, and the longest name
// part of a label key, in bytes.
const LabelValueMaxLength = 63

// TotalAnnotationSizeLimitB is the limit on the summed byte length of all
// annotation keys and values of one object (256 KiB).
const TotalAnnotationSizeLimitB = 256 * (1 << 10)

const (
	fmtLabelKey    = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
	fmtLabelValue  = "(" + fmtLabelKey + ")?"
	textLabelKey   = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
	textLabelValue = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
)

// scanLabelName reports whether s matches ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$
// (ASCII only).
func scanLabelName(s string) bool {
	if s == "" || !isASCIIAlnum(s[0]) || !isASCIIAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !isASCIIAlnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// IsQualifiedName checks a label key (also used for selector keys,
// annotation keys after lower-casing, finalizers and pod-condition types):
// an optional DNS-subdomain prefix and '/', then a name part. It returns
// the failure messages, in order:
//
//   - more than one '/': exactly one message, "a valid label key must consist
//     of ... with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
//   - with one '/': "prefix part must be non-empty" for an empty prefix,
//     otherwise each IsDNS1123Subdomain message of the prefix with
//     "prefix part " prepended;
//   - name part: "name part must be non-empty" when empty, else
//     "name part " + MaxLenError(63) when longer than 63 bytes; and,
//     independently (also for an empty name), "name part " + the regex
//     message when it does not match ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9].
//
// It returns nil for a valid key.
func IsQualifiedName(value string) []string {
	var errs []string
	name := value
	switch strings.Count(value, "/") {
	case 0:
	case 1:
		var prefix string
		prefix, name, _ = strings.Cut(value, "/")
		if prefix == "" {
			errs = append(errs, "prefix part "+EmptyError())
		} else {
			for _, msg := range IsDNS1123Subdomain(prefix) {
				errs = append(errs, "prefix part "+msg)
			}
		}
	default:
		return []string{"a valid label key " + RegexError(textLabelKey, fmtLabelKey, "MyName", "my.name", "123-abc") +
			" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"}
	}
	if name == "" {
		errs = append(errs, "name part "+EmptyError())
	} else if len(name) > LabelValueMaxLength {
		errs = append(errs, "name part "+MaxLenError(LabelValueMaxLength))
	}
	if !scanLabelName(name) {
		errs = append(errs, "name part "+RegexError(textLabelKey, fmtLabelKey, "MyName", "my.name", "123-abc"))
	}
	return errs
}

// IsValidLabelValue checks a label value and returns the failure messages,
// in order: MaxLenError(63) when longer than 63 bytes, then the label-value
// regex message when it is non-empty and does not match
// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]. The empty value is valid.
func IsValidLabelValue(value string) []string {
	var errs []string
	if len(value) > LabelValueMaxLength {
		errs = append(errs, MaxLenError(LabelValueMaxLength))
	}
	if value != "" && !scanLabelName(value) {
		errs = append(errs, RegexError(textLabelValue, fmtLabelValue, "MyValue", "my_value", "12345"))
	}
	return errs
}

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
