package validation

import (
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// The DNS-name members of the content-validator family (content*.go): the
// syntax rules of apimachinery's pkg/util/validation and api/validate/content,
// as hand-written byte scanners that accept exactly what the quoted regular
// expressions accept when anchored with ^...$ (tests compare the two).

// Length limits of DNS names, in bytes.
const (
	DNS1123LabelMaxLength     = 63
	DNS1123SubdomainMaxLength = 253
	DNS1035LabelMaxLength     = 63
)

// Regular expressions quoted in messages.
const (
	fmtDNSLabel                   = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
	fmtDNSSubdomain               = fmtDNSLabel + `(\.` + fmtDNSLabel + ")*"
	fmtDNSLabelUnderscore         = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?"
	fmtDNSSubdomainUnderscore     = fmtDNSLabelUnderscore + `(\.` + fmtDNSLabelUnderscore + ")*"
	fmtDNS1035Label               = "[a-z]([-a-z0-9]*[a-z0-9])?"
	fmtHTTPPath                   = `[A-Za-z0-9/\-._~%!$&'()*+,;=:]+`
	textDNSLabel                  = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
	textDNSSubdomain              = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
	textDNSSubdomainUnderscore    = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character"
	textDNS1035Label              = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
	msgDomainPrefixedPathRequired = `must be a domain-prefixed path (such as "acme.io/foo")`
)

func isASCIILowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

func isASCIIAlnum(c byte) bool { return isASCIILowerAlnum(c) || 'A' <= c && c <= 'Z' }

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

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

// scanDNSLabelUnderscore reports whether s matches
// ^_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?$.
func scanDNSLabelUnderscore(s string) bool {
	s = strings.TrimPrefix(s, "_")
	if s == "" || !isASCIILowerAlnum(s[0]) || !isASCIILowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !isASCIILowerAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// scanDNS1035Label reports whether s matches ^[a-z]([-a-z0-9]*[a-z0-9])?$.
func scanDNS1035Label(s string) bool {
	return s != "" && 'a' <= s[0] && s[0] <= 'z' && scanDNSLabel(s)
}

// scanDotted reports whether s is a dot-separated list of parts that each
// satisfy part.
func scanDotted(s string, part func(string) bool) bool {
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return part(s)
		}
		if !part(s[:i]) {
			return false
		}
		s = s[i+1:]
	}
}

// scanDNSSubdomain reports whether s matches the anchored fmtDNSSubdomain:
// dot-separated, each part a DNS-1123 label.
func scanDNSSubdomain(s string) bool { return scanDotted(s, scanDNSLabel) }

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

// IsDNS1123Label checks value against the RFC 1123 label rule (container,
// volume and port-less names, namespaces, hostnames) and returns the failure
// messages, in order:
//
//  1. longer than 63 bytes: MaxLenError(63) ("... 63 characters");
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
// (object names, secret and config map names, the host of a domain-prefixed
// path) and returns the failure messages, in order: MaxLenError(253) when
// longer than 253 bytes, then the subdomain regex message when the syntax
// is wrong. Both may be reported. It returns nil for a valid subdomain.
func IsDNS1123Subdomain(value string) []string {
	return dns1123Subdomain(value, MaxLenError)
}

// dns1123Subdomain is IsDNS1123Subdomain with the length message chosen
// by the caller: the label-key prefix (IsQualifiedName) says "bytes".
func dns1123Subdomain(value string, maxLen func(int) string) []string {
	var errs []string
	if len(value) > DNS1123SubdomainMaxLength {
		errs = append(errs, maxLen(DNS1123SubdomainMaxLength))
	}
	if !scanDNSSubdomain(value) {
		errs = append(errs, RegexError(textDNSSubdomain, fmtDNSSubdomain, "example.com"))
	}
	return errs
}

// IsDNS1123SubdomainWithUnderscore is IsDNS1123Subdomain that also allows
// '_' inside labels and at their start (DNS search domains such as
// "_sip._tcp.example.com"); the regex message names '_'.
func IsDNS1123SubdomainWithUnderscore(value string) []string {
	var errs []string
	if len(value) > DNS1123SubdomainMaxLength {
		errs = append(errs, MaxLenError(DNS1123SubdomainMaxLength))
	}
	if !scanDotted(value, scanDNSLabelUnderscore) {
		errs = append(errs, RegexError(textDNSSubdomainUnderscore, fmtDNSSubdomainUnderscore, "example.com"))
	}
	return errs
}

// IsDNS1035Label checks value against the RFC 1035 label rule (a DNS-1123
// label that starts with a letter) and returns the failure messages, in
// order: MaxLenError(63), then the DNS-1035 regex message.
func IsDNS1035Label(value string) []string {
	var errs []string
	if len(value) > DNS1035LabelMaxLength {
		errs = append(errs, MaxLenError(DNS1035LabelMaxLength))
	}
	if !scanDNS1035Label(value) {
		errs = append(errs, RegexError(textDNS1035Label, fmtDNS1035Label, "my-name", "abc-123"))
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
		return field.ErrorList{field.Invalid(path, value, msgDomainPrefixedPathRequired)}
	}
	errs := invalidEach(path, host, IsDNS1123Subdomain(host))
	if !scanHTTPPath(rest) {
		errs = append(errs, field.Invalid(path, rest, RegexError("Invalid path", fmtHTTPPath)))
	}
	return errs
}
