package validation

import (
	"regexp"
	"strconv"
	"strings"
)

// This file holds the apimachinery name and label checks the Job rules use,
// with upstream's exact messages (§5.2). Each returns the list of problems,
// empty when the value is valid.

const (
	dns1123LabelFmt     = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
	dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*"
	qualifiedNameFmt    = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
	labelValueFmt       = "(" + qualifiedNameFmt + ")?"
	httpPathFmt         = `[A-Za-z0-9/\-._~%!$&'()*+,;=:]+`

	dns1123LabelMaxLength     = 63
	dns1123SubdomainMaxLength = 253
	qualifiedNameMaxLength    = 63
	labelValueMaxLength       = 63
)

var (
	dns1123LabelRe     = regexp.MustCompile("^" + dns1123LabelFmt + "$")
	dns1123SubdomainRe = regexp.MustCompile("^" + dns1123SubdomainFmt + "$")
	qualifiedNameRe    = regexp.MustCompile("^" + qualifiedNameFmt + "$")
	labelValueRe       = regexp.MustCompile("^" + labelValueFmt + "$")
	httpPathRe         = regexp.MustCompile("^" + httpPathFmt + "$")
)

// regexError is apimachinery's RegexError: "<msg> (e.g. 'a',  or 'b',
// regex used for validation is '<re>')" — two spaces before each "or".
func regexError(msg, re string, examples ...string) string {
	if len(examples) == 0 {
		return msg + " (regex used for validation is '" + re + "')"
	}
	var b strings.Builder
	b.WriteString(msg)
	b.WriteString(" (e.g. ")
	for i, ex := range examples {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString("'" + ex + "', ")
	}
	b.WriteString("regex used for validation is '" + re + "')")
	return b.String()
}

func maxLenError(n int) string { return "must be no more than " + strconv.Itoa(n) + " characters" }

// dns1123Label: container names, namespaces, the Indexed pod hostname.
func dns1123Label(v string) []string {
	if len(v) <= dns1123LabelMaxLength && isDNS1123LabelSyntax(v) {
		return nil
	}
	var errs []string
	if len(v) > dns1123LabelMaxLength {
		errs = append(errs, maxLenError(dns1123LabelMaxLength))
	}
	if !isDNS1123LabelSyntax(v) {
		if isDNS1123SubdomainSyntax(v) {
			errs = append(errs, "must not contain dots")
		} else {
			errs = append(errs, regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", dns1123LabelFmt, "my-name", "123-abc"))
		}
	}
	return errs
}

// dns1123Subdomain: object names, label-key prefixes, the managedBy host.
func dns1123Subdomain(v string) []string {
	if len(v) <= dns1123SubdomainMaxLength && isDNS1123SubdomainSyntax(v) {
		return nil
	}
	var errs []string
	if len(v) > dns1123SubdomainMaxLength {
		errs = append(errs, maxLenError(dns1123SubdomainMaxLength))
	}
	if !isDNS1123SubdomainSyntax(v) {
		errs = append(errs, regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", dns1123SubdomainFmt, "example.com"))
	}
	return errs
}

// qualifiedName: label keys, annotation keys, finalizers, condition types.
func qualifiedName(v string) []string {
	if isValidQualifiedName(v) {
		return nil
	}
	var errs []string
	parts := strings.Split(v, "/")
	var name string
	switch len(parts) {
	case 1:
		name = parts[0]
	case 2:
		var prefix string
		prefix, name = parts[0], parts[1]
		if len(prefix) == 0 {
			errs = append(errs, "prefix part must be non-empty")
		} else {
			for _, m := range dns1123Subdomain(prefix) {
				errs = append(errs, "prefix part "+m)
			}
		}
	default:
		return append(errs, regexError("a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", qualifiedNameFmt, "MyName", "my.name", "123-abc")+" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")
	}
	if len(name) == 0 {
		errs = append(errs, "name part must be non-empty")
	} else if len(name) > qualifiedNameMaxLength {
		errs = append(errs, "name part "+maxLenError(qualifiedNameMaxLength))
	}
	if !isQualifiedNameSyntax(name) {
		errs = append(errs, "name part "+regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", qualifiedNameFmt, "MyName", "my.name", "123-abc"))
	}
	return errs
}

// labelValue: label values (the empty value is valid).
func labelValue(v string) []string {
	if isValidLabelValue(v) {
		return nil
	}
	var errs []string
	if len(v) > labelValueMaxLength {
		errs = append(errs, maxLenError(labelValueMaxLength))
	}
	if !isLabelValueSyntax(v) {
		errs = append(errs, regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", labelValueFmt, "MyValue", "my_value", "12345"))
	}
	return errs
}

// The syntax predicates below are hand-written equivalents of the regular
// expressions above (the regexps stay as the documented reference and in
// tests); they keep validation of a typical manifest allocation-free.

func isAlnumLower(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
func isAlnum(c byte) bool      { return isAlnumLower(c) || c >= 'A' && c <= 'Z' }

func isDNS1123LabelSyntax(v string) bool {
	if v == "" || !isAlnumLower(v[0]) || !isAlnumLower(v[len(v)-1]) {
		return false
	}
	for i := 1; i < len(v)-1; i++ {
		if c := v[i]; !isAlnumLower(c) && c != '-' {
			return false
		}
	}
	return true
}

func isDNS1123SubdomainSyntax(v string) bool {
	for rest, more := v, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, ".")
		if !isDNS1123LabelSyntax(part) {
			return false
		}
	}
	return true
}

func isQualifiedNameSyntax(v string) bool {
	if v == "" || !isAlnum(v[0]) || !isAlnum(v[len(v)-1]) {
		return false
	}
	for i := 1; i < len(v)-1; i++ {
		if c := v[i]; !isAlnum(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

func isLabelValueSyntax(v string) bool { return v == "" || isQualifiedNameSyntax(v) }

func isHTTPPathSyntax(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if isAlnum(c) || strings.IndexByte(`/-._~%!$&'()*+,;=:`, c) >= 0 {
			continue
		}
		return false
	}
	return true
}

// isValidQualifiedName reports whether qualifiedName(v) is empty, without
// allocating.
func isValidQualifiedName(v string) bool {
	prefix, name, hasSlash := strings.Cut(v, "/")
	if !hasSlash {
		return len(v) <= qualifiedNameMaxLength && isQualifiedNameSyntax(v)
	}
	if strings.IndexByte(name, '/') >= 0 || prefix == "" || len(prefix) > dns1123SubdomainMaxLength || !isDNS1123SubdomainSyntax(prefix) {
		return false
	}
	return len(name) <= qualifiedNameMaxLength && isQualifiedNameSyntax(name)
}

// isValidLabelValue reports whether labelValue(v) is empty.
func isValidLabelValue(v string) bool {
	return len(v) <= labelValueMaxLength && isLabelValueSyntax(v)
}
