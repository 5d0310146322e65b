package validation

import (
	"strings"
)

// ValidateNameFunc checks an object name. prefix is true when the value is a
// generateName, to which random characters will be appended. It returns the
// failure messages (nil when valid).
type ValidateNameFunc func(name string, prefix bool) []string

// maskGenerateNameDash makes a generateName checkable as a name: when it is
// longer than one byte and ends in '-', its last two bytes are replaced by
// "a" ("job-" is checked as "joa"). This is upstream's exact (quirky)
// transformation; it only serves to stop a trailing dash from failing.
func maskGenerateNameDash(name string) string {
	if len(name) > 1 && strings.HasSuffix(name, "-") {
		return name[:len(name)-2] + "a"
	}
	return name
}

// NameIsDNSSubdomain is the name rule of Jobs (and most objects): the name
// must be a DNS-1123 subdomain. With prefix, a trailing '-' is tolerated
// (see maskGenerateNameDash).
func NameIsDNSSubdomain(name string, prefix bool) []string {
	if prefix {
		name = maskGenerateNameDash(name)
	}
	return IsDNS1123Subdomain(name)
}

// NameIsDNSLabel is the name rule of objects whose names must be DNS-1123
// labels. With prefix, a trailing '-' is tolerated.
func NameIsDNSLabel(name string, prefix bool) []string {
	if prefix {
		name = maskGenerateNameDash(name)
	}
	return IsDNS1123Label(name)
}

// ValidateNamespaceName is the namespace rule: a DNS-1123 label.
func ValidateNamespaceName(name string, prefix bool) []string { return NameIsDNSLabel(name, prefix) }

// ValidatePathSegmentName is the generic name rule the API server applies
// after strategy validation succeeded: the name may not be "." or ".."
// (one message, and stop), and may not contain '/' or '%' (one message
// each, in that order). With prefix only the "may not contain" checks run.
// It cannot fail for a name that is a valid DNS-1123 subdomain.
func ValidatePathSegmentName(name string, prefix bool) []string {
	if !prefix {
		switch name {
		case ".":
			return []string{"may not be '.'"}
		case "..":
			return []string{"may not be '..'"}
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
