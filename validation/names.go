package validation

import (
	"fmt"
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

// IsNegativeErrorMsg is the detail of a negative-number error:
// "spec.parallelism: Invalid value: -1: must be greater than or equal to 0".
const IsNegativeErrorMsg = "must be greater than or equal to 0"

// MaxLenError returns the message of a too-long string:
// "must be no more than <n> bytes".
//
// Version note: apimachinery's validate/content package (which the newest
// API servers use for label keys, label values and DNS names) says "bytes";
// releases before it said "must be no more than <n> characters". Changing
// this one function switches every length message of the package.
func MaxLenError(length int) string {
	return fmt.Sprintf("must be no more than %d bytes", length)
}

// RegexError returns the message of a failed format check:
// "<msg> (e.g. '<ex1>',  or '<ex2>', regex used for validation is '<re>')".
// Note the two spaces before each "or" (upstream renders each example as
// "'x', " and joins them with " or "). Without examples:
// "<msg> (regex used for validation is '<re>')".
func RegexError(msg, re string, examples ...string) string {
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
		b.WriteString("'")
		b.WriteString(ex)
		b.WriteString("', ")
	}
	b.WriteString("regex used for validation is '")
	b.WriteString(re)
	b.WriteString("')")
	return b.String()
}

// EmptyError returns the message of an empty required string: "must be non-empty".
func EmptyError() string { return "must be non-empty" }

func asciiLowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

func asciiAlnum(c byte) bool { return asciiLowerAlnum(c) || 'A' <= c && c <= 'Z' }

// scanDNSLabel reports whether s matches ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$.
func scanDNSLabel(s string) bool {
	if s == "" || !asciiLowerAlnum(s[0]) || !asciiLowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !asciiLowerAlnum(c) && c != '-' {
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
		if asciiAlnum(c) || strings.IndexByte(`/-._~%!$&'()*+,;=:`, c) >= 0 {
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
	var errs field.ErrorList
	for _, msg := range IsDNS1123Subdomain(host) {
		errs = append(errs, field.Invalid(path, host, msg))
	}
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

// ValidateNonnegativeField returns Invalid (value = value as int64,
// IsNegativeErrorMsg) when value is negative.
func ValidateNonnegativeField(value int64, path *field.Path) field.ErrorList {
	if value < 0 {
		return field.ErrorList{field.Invalid(path, value, IsNegativeErrorMsg)}
	}
	return nil
}

// Finalizers with a meaning to the garbage collector; an object may not
// carry both.
const (
	FinalizerOrphanDependents = "orphan"
	FinalizerDeleteDependents = "foregroundDeletion"
)

// ValidateFinalizerName returns one Invalid (value = name) per
// IsQualifiedName message.
func ValidateFinalizerName(name string, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	for _, msg := range IsQualifiedName(name) {
		errs = append(errs, field.Invalid(path, name, msg))
	}
	return errs
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

// OwnerReferenceView is the part of a metav1.OwnerReference that validation
// reads, with metav1's JSON names so that a rendered bad value matches the
// API server's.
type OwnerReferenceView struct {
	APIVersion         string `json:"apiVersion"`
	Kind               string `json:"kind"`
	Name               string `json:"name"`
	UID                string `json:"uid"`
	Controller         *bool  `json:"controller,omitempty"`
	BlockOwnerDeletion *bool  `json:"blockOwnerDeletion,omitempty"`
}

// ownerUIDValue renders like types.UID (a named string): as JSON.
type ownerUIDValue string

// ValidateOwnerReferences checks metadata.ownerReferences at path. For each
// reference in order:
//
//  1. apiVersion without a version (empty, "/", "group/", or more than one
//     '/'): Invalid at path.apiVersion "version must not be empty";
//  2. empty kind: Invalid at path.kind "kind must not be empty";
//  3. empty name: Invalid at path.name "name must not be empty";
//  4. empty uid: Invalid at path.uid "uid must not be empty";
//  5. a core v1 Event as owner: Invalid at path (value = the reference)
//     "/v1, Kind=Event is disallowed from being an owner";
//  6. a second (third...) reference with controller true: Invalid at path
//     (value = the whole list) `Only one reference can have Controller set
//     to true. Found "true" in references for <Kind>/<name> and <Kind>/<name>`
//     naming the first controller and this one.
//
// The child paths are not indexed, as upstream.
func ValidateOwnerReferences(refs []OwnerReferenceView, path *field.Path) field.ErrorList {
	var errs field.ErrorList
	firstController := ""
	for _, ref := range refs {
		group, version, kind := splitOwnerAPIVersion(ref.APIVersion, ref.Kind)
		if version == "" {
			errs = append(errs, field.Invalid(path.Child("apiVersion"), ref.APIVersion, "version must not be empty"))
		}
		if kind == "" {
			errs = append(errs, field.Invalid(path.Child("kind"), ref.Kind, "kind must not be empty"))
		}
		if ref.Name == "" {
			errs = append(errs, field.Invalid(path.Child("name"), ref.Name, "name must not be empty"))
		}
		if ref.UID == "" {
			errs = append(errs, field.Invalid(path.Child("uid"), ownerUIDValue(ref.UID), "uid must not be empty"))
		}
		if group == "" && version == "v1" && kind == "Event" {
			errs = append(errs, field.Invalid(path, ref, "/v1, Kind=Event is disallowed from being an owner"))
		}
		if ref.Controller != nil && *ref.Controller {
			this := ref.Kind + "/" + ref.Name
			if firstController == "" {
				firstController = this
			} else {
				errs = append(errs, field.Invalid(path, refs, fmt.Sprintf(
					"Only one reference can have Controller set to true. Found \"true\" in references for %s and %s",
					firstController, this)))
			}
		}
	}
	return errs
}

// splitOwnerAPIVersion splits "group/version" like schema.FromAPIVersionAndKind:
// "" and "/" give no group and no version, "v1" is the core group, more than
// one '/' is unparsable (no group, no version).
func splitOwnerAPIVersion(apiVersion, kind string) (group, version, k string) {
	if apiVersion == "" || apiVersion == "/" {
		return "", "", kind
	}
	switch strings.Count(apiVersion, "/") {
	case 0:
		return "", apiVersion, kind
	case 1:
		g, v, _ := strings.Cut(apiVersion, "/")
		return g, v, kind
	default:
		return "", "", kind
	}
}

// ObjectMetaView is the part of an object's metadata that create
// validation reads.
type ObjectMetaView struct {
	Name            string
	GenerateName    string
	Namespace       string
	Generation      int64
	Labels          map[string]string
	Annotations     map[string]string
	OwnerReferences []OwnerReferenceView
	Finalizers      []string
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
		for _, msg := range nameFn(meta.GenerateName, true) {
			errs = append(errs, field.Invalid(path.Child("generateName"), meta.GenerateName, msg))
		}
	}
	if meta.Name == "" {
		errs = append(errs, field.Required(path.Child("name"), "name or generateName is required"))
	} else {
		for _, msg := range nameFn(meta.Name, false) {
			errs = append(errs, field.Invalid(path.Child("name"), meta.Name, msg))
		}
	}
	switch {
	case requiresNamespace && meta.Namespace == "":
		errs = append(errs, field.Required(path.Child("namespace"), ""))
	case requiresNamespace:
		for _, msg := range ValidateNamespaceName(meta.Namespace, false) {
			errs = append(errs, field.Invalid(path.Child("namespace"), meta.Namespace, msg))
		}
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
