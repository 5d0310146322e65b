package validation

import (
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// Length limits of DNS names (RFC 1123), in bytes.
const (
	DNS1123LabelMaxLength     = 63
	DNS1123SubdomainMaxLength = 253
)

// Regular expressions quoted in messages. The checks themselves are
// hand-written byte scanners that accept exactly the strings these
// expressions match when anchored with ^...$ (tests compare the two).
const (
	fmtDNSLabel     = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
	fmtDNSSubdomain = fmtDNSLabel + `(\.` + fmtDNSLabel + ")*"
	fmtHTTPPath     = `[A-Za-z0-9/\-._~%!$&'()*+,;=:]+`

	textDNSLabel     = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
	textDNSSubdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
)

func isASCIILowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

func isASCIIAlnum(c byte) bool { return isASCIILowerAlnum(c) || 'A' <= c && c <= 'Z' }

// scanDNSLabel reports whether s matches ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$.
func scanDNSLabel(s string) bool {
	if s == "" || !isASCIILowerAlnum(s[0]) || !isASCIILowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !isASCIILowerAlnum(c) && c != '-' {
			return false
		}
	}
	return true
}

// scanDNSSubdomain reports whether s matches the anchored
// fmtDNSSubdomain: dot-separated, each part a DNS-1123 label.
func scanDNSSubdomain(s string) bool {
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return scanDNSLabel(s)
		}
		if !scanDNSLabel(s[:i]) {
			return false
		}
		s = s[i+1:]
	}
}

// scanHTTPPath reports whether s matches the anchored fmtHTTPPath.
func scanHTTPPath(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isASCIIAlnum(c) || strings.IndexByte(`/-._~%!$&'()*+,;=:`, c) >= 0 {
			continue
		}
		return false
	}
	return true
}

// IsDNS1123Label checks value against the RFC 1123 label rule (container
// names, namespaces, hostnames) and returns the failure messages, in order:
//
//  1. longer than 63 bytes: MaxLenError(63);
//  2. not matching [a-z0-9]([-a-z0-9]*[a-z0-9])?: "must not contain dots"
//     when it is a valid subdomain, otherwise the label regex message.
//
// It returns nil for a valid label.
func IsDNS1123Label(value string) []string {
	var errs []string
	if len(value) > DNS1123LabelMaxLength {
		errs = append(errs, MaxLenError(DNS1123LabelMaxLength))
	}
	if !scanDNSLabel(value) {
		if scanDNSSubdomain(value) {
			errs = append(errs, "must not contain dots")
		} else {
			errs = append(errs, RegexError(textDNSLabel, fmtDNSLabel, "my-name", "123-abc"))
		}
	}
	return errs
}

// IsDNS1123Subdomain checks value against the RFC 1123 subdomain rule
// (object names, label-key prefixes, the host of a domain-prefixed path) and
// returns the failure messages, in order: MaxLenError(253) when longer than
// 253 bytes, then the subdomain regex message when the syntax is wrong.
// Both may be reported. It returns nil for a valid subdomain.
func IsDNS1123Subdomain(value string) []string {
	var errs []string
	if len(value) > DNS1123SubdomainMaxLength {
		errs = append(errs, MaxLenError(DNS1123SubdomainMaxLength))
	}
	if !scanDNSSubdomain(value) {
		errs = append(errs, RegexError(textDNSSubdomain, fmtDNSSubdomain, "example.com"))
	}
	return errs
}

// IsDomainPrefixedPath checks a domain-prefixed path such as
// "acme.io/foo" (spec.managedBy) and returns errors at path, in order:
//
//  1. empty: Required (no detail), and stop;
//  2. no '/', or an empty part before or after the first '/': Invalid (value =
//     the whole string) `must be a domain-prefixed path (such as "acme.io/foo")`,
//     and stop;
//  3. one Invalid per IsDNS1123Subdomain message of the host part (value =
//     the host);
//  4. the remainder not matching [A-Za-z0-9/\-._~%!$&'()*+,;=:]+ : Invalid
//     (value = the remainder) "Invalid path (regex used for validation is '...')".
//
// Length limits are the caller's concern (for managedBy: TooLong at 63).
func IsDomainPrefixedPath(path *field.Path, value string) field.ErrorList {
	if value == "" {
		return field.ErrorList{field.Required(path, "")}
	}
	host, rest, found := strings.Cut(value, "/")
	if !found || host == "" || rest == "" {
		return field.ErrorList{field.Invalid(path, value, `must be a domain-prefixed path (such as "acme.io/foo")`)}
	}
	errs := invalidEach(path, host, IsDNS1123Subdomain(host))
	if !scanHTTPPath(rest) {
		errs = append(errs, field.Invalid(path, rest, RegexError("Invalid path", fmtHTTPPath)))
	}
	return errs
}

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
