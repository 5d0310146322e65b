package validation

import (
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// The label members of the content-validator family: label keys (qualified
// names) and label values, as apimachinery's api/validate/content package
// checks them. Unlike the DNS rules of content_dns.go, their length
// messages say "bytes" (MaxLenBytesError).

// LabelValueMaxLength is the longest label value, and the longest name
// part of a label key, in bytes.
const LabelValueMaxLength = 63

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
//     "prefix part " prepended, its length message saying "bytes"
//     (MaxLenBytesError(253));
//   - name part: "name part must be non-empty" when empty, else
//     "name part " + MaxLenBytesError(63) when longer than 63 bytes; and,
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
			for _, msg := range dns1123Subdomain(prefix, MaxLenBytesError) {
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
		errs = append(errs, "name part "+MaxLenBytesError(LabelValueMaxLength))
	}
	if !scanLabelName(name) {
		errs = append(errs, "name part "+RegexError(textLabelKey, fmtLabelKey, "MyName", "my.name", "123-abc"))
	}
	return errs
}

// IsValidLabelValue checks a label value and returns the failure messages,
// in order: MaxLenBytesError(63) when longer than 63 bytes, then the label-value
// regex message when it is non-empty and does not match
// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]. The empty value is valid.
func IsValidLabelValue(value string) []string {
	var errs []string
	if len(value) > LabelValueMaxLength {
		errs = append(errs, MaxLenBytesError(LabelValueMaxLength))
	}
	if value != "" && !scanLabelName(value) {
		errs = append(errs, RegexError(textLabelValue, fmtLabelValue, "MyValue", "my_value", "12345"))
	}
	return errs
}

// IsDomainPrefixedKey checks a key that must carry a DNS prefix
// ("acme.io/foo") and returns errors at path: Required (no detail) when
// empty; else one Invalid (value = the key) per IsQualifiedName message, and
// when there was none and the key has no '/', Invalid `must be a
// domain-prefixed key (such as "acme.io/foo")`.
func IsDomainPrefixedKey(path *field.Path, key string) field.ErrorList {
	if key == "" {
		return field.ErrorList{field.Required(path, "")}
	}
	if errs := invalidEach(path, key, IsQualifiedName(key)); len(errs) > 0 {
		return errs
	}
	if !strings.Contains(key, "/") {
		return field.ErrorList{field.Invalid(path, key, `must be a domain-prefixed key (such as "acme.io/foo")`)}
	}
	return nil
}
