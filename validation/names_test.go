package validation

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation/field"
	"pgregory.net/rapid"
)

// Exact upstream messages, spelled out (not built from the package's
// constants) so that a typo in either place fails.
const (
	primMsgDNSLabel     = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
	primMsgDNSSubdomain = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
	primMsgMax63        = "must be no more than 63 characters"
	primMsgMax63B       = "must be no more than 63 bytes"
	primMsgMax253       = "must be no more than 253 characters"
	primMsgMax253B      = "must be no more than 253 bytes"
)

func primErrStrings(errs field.ErrorList) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func primCheck(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

func TestMessageHelpers(t *testing.T) {
	primCheck(t, "RegexError", []string{
		RegexError("m", "re"),
		RegexError("m", "re", "a"),
		RegexError("m", "re", "a", "b"),
		RegexError("m", "re", "a", "b", "c"),
		MaxLenError(63),
		MaxLenBytesError(63),
		InclusiveRangeError(1, 65535),
		EmptyError(),
	}, []string{
		"m (regex used for validation is 're')",
		"m (e.g. 'a', regex used for validation is 're')",
		"m (e.g. 'a',  or 'b', regex used for validation is 're')",
		"m (e.g. 'a',  or 'b',  or 'c', regex used for validation is 're')",
		"must be no more than 63 characters",
		"must be no more than 63 bytes",
		"must be between 1 and 65535, inclusive",
		"must be non-empty",
	})
}

func TestIsDNS1123Label(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a", nil}, {"0", nil}, {"my-name", nil}, {"123-abc", nil}, {"a--b", nil},
		{strings.Repeat("a", 63), nil},
		{strings.Repeat("a", 64), []string{primMsgMax63}},
		{"", []string{primMsgDNSLabel}},
		{"A", []string{primMsgDNSLabel}},
		{"-a", []string{primMsgDNSLabel}},
		{"a-", []string{primMsgDNSLabel}},
		{"a_b", []string{primMsgDNSLabel}},
		{"a.b", []string{"must not contain dots"}},
		{"a..b", []string{primMsgDNSLabel}},
		{strings.Repeat("a", 60) + ".bcd", []string{primMsgMax63, "must not contain dots"}},
		{strings.Repeat("A", 64), []string{primMsgMax63, primMsgDNSLabel}},
		{"a\n", []string{primMsgDNSLabel}},
		{"é", []string{primMsgDNSLabel}},
	}
	for _, tc := range tests {
		primCheck(t, "IsDNS1123Label("+tc.in+")", IsDNS1123Label(tc.in), tc.want)
	}
}

func TestIsDNS1123Subdomain(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a", nil}, {"example.com", nil}, {"1.2.3.4", nil}, {"a-1.b--2", nil},
		{strings.Repeat("a", 253), nil},
		{strings.Repeat("a", 254), []string{primMsgMax253}},
		{"", []string{primMsgDNSSubdomain}},
		{"My_Job", []string{primMsgDNSSubdomain}},
		{"a.", []string{primMsgDNSSubdomain}},
		{".a", []string{primMsgDNSSubdomain}},
		{"a..b", []string{primMsgDNSSubdomain}},
		{"a.-b", []string{primMsgDNSSubdomain}},
		{strings.Repeat("A", 254), []string{primMsgMax253, primMsgDNSSubdomain}},
	}
	for _, tc := range tests {
		primCheck(t, "IsDNS1123Subdomain("+tc.in+")", IsDNS1123Subdomain(tc.in), tc.want)
	}
}

var (
	primReDNSLabel     = regexp.MustCompile("^" + fmtDNSLabel + "$")
	primReDNSSubdomain = regexp.MustCompile("^" + fmtDNSSubdomain + "$")
	primReHTTPPath     = regexp.MustCompile("^" + fmtHTTPPath + "$")
	primReLabelName    = regexp.MustCompile("^" + fmtLabelKey + "$")
	primReLabelValue   = regexp.MustCompile("^" + fmtLabelValue + "$")
)

// primAlphabet biases generated strings towards the characters that
// matter to the syntax checks.
var primAlphabet = []rune("aAz09-._/%~!$&'()*+,;=: \n\x00éK\u212a")

// primCompareSyntax fails when a hand-written scanner disagrees with the
// upstream regular expression on s.
func primCompareSyntax(t interface{ Fatalf(string, ...any) }, s string) {
	checks := []struct {
		name string
		got  bool
		re   *regexp.Regexp
	}{
		{"dns label", scanDNSLabel(s), primReDNSLabel},
		{"dns subdomain", scanDNSSubdomain(s), primReDNSSubdomain},
		{"http path", scanHTTPPath(s), primReHTTPPath},
		{"label name", scanLabelName(s), primReLabelName},
		{"label value", s == "" || scanLabelName(s), primReLabelValue},
	}
	for _, c := range checks {
		if want := c.re.MatchString(s); c.got != want {
			t.Fatalf("%s syntax of %q: scanner says %v, regexp says %v", c.name, s, c.got, want)
		}
	}
}

func TestSyntaxScannersMatchRegexps(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOfN(rapid.SampledFrom(primAlphabet), 0, 12, -1).Draw(t, "s")
		primCompareSyntax(t, s)
	})
	for _, s := range []string{"", "a", "-", ".", "a.b", "a..b", "a-.b", "\xff", "a\xffb", "_a", "a_"} {
		primCompareSyntax(t, s)
	}
}

func TestIsDomainPrefixedPath(t *testing.T) {
	p := field.NewPath("spec", "managedBy")
	const invalidPath = `Invalid path (regex used for validation is '[A-Za-z0-9/\-._~%!$&'()*+,;=:]+')`
	tests := []struct {
		in   string
		want []string
	}{
		{"kubernetes.io/job-controller", nil},
		{"example.com/custom-controller", nil},
		{"acme.io/foo/bar", nil},
		{"acme.io/a~b%c!$&'()*+,;=:", nil},
		{"", []string{"spec.managedBy: Required value"}},
		{"invalid custom controller name", []string{`spec.managedBy: Invalid value: "invalid custom controller name": must be a domain-prefixed path (such as "acme.io/foo")`}},
		{"acme.io/", []string{`spec.managedBy: Invalid value: "acme.io/": must be a domain-prefixed path (such as "acme.io/foo")`}},
		{"/foo", []string{`spec.managedBy: Invalid value: "/foo": must be a domain-prefixed path (such as "acme.io/foo")`}},
		{"Acme.io/foo", []string{`spec.managedBy: Invalid value: "Acme.io": ` + primMsgDNSSubdomain}},
		{"acme.io/f oo", []string{`spec.managedBy: Invalid value: "f oo": ` + invalidPath}},
		{"Acme/f oo", []string{`spec.managedBy: Invalid value: "Acme": ` + primMsgDNSSubdomain, `spec.managedBy: Invalid value: "f oo": ` + invalidPath}},
		{strings.Repeat("a", 254) + "/x", []string{`spec.managedBy: Invalid value: "` + strings.Repeat("a", 254) + `": ` + primMsgMax253}},
	}
	for _, tc := range tests {
		primCheck(t, "IsDomainPrefixedPath("+tc.in+")", primErrStrings(IsDomainPrefixedPath(p, tc.in)), tc.want)
	}
}

func TestNameFuncs(t *testing.T) {
	tests := []struct {
		name   string
		fn     ValidateNameFunc
		in     string
		prefix bool
		want   []string
	}{
		{"subdomain name", NameIsDNSSubdomain, "pi", false, nil},
		{"subdomain trailing dash not a prefix", NameIsDNSSubdomain, "pi-", false, []string{primMsgDNSSubdomain}},
		{"subdomain trailing dash prefix", NameIsDNSSubdomain, "pi-", true, nil},
		{"subdomain two-char prefix", NameIsDNSSubdomain, "a-", true, nil},
		{"subdomain single dash prefix not masked", NameIsDNSSubdomain, "-", true, []string{primMsgDNSSubdomain}},
		{"subdomain double dash prefix", NameIsDNSSubdomain, "ab--", true, nil},
		{"quirk: the byte before the dash is dropped too", NameIsDNSSubdomain, "a.-", true, nil},
		{"leading dot prefix", NameIsDNSSubdomain, ".a-", true, []string{primMsgDNSSubdomain}},
		{"subdomain bad prefix", NameIsDNSSubdomain, "My_Job-", true, []string{primMsgDNSSubdomain}},
		{"label", NameIsDNSLabel, "abc", false, nil},
		{"label prefix", NameIsDNSLabel, "abc-", true, nil},
		{"label dots", NameIsDNSLabel, "a.b", false, []string{"must not contain dots"}},
		{"namespace", ValidateNamespaceName, "default", false, nil},
		{"namespace bad", ValidateNamespaceName, "Default", false, []string{primMsgDNSLabel}},
		{"path segment ok", ValidatePathSegmentName, "a.b", false, nil},
		{"path segment dot", ValidatePathSegmentName, ".", false, []string{"may not be '.'"}},
		{"path segment dotdot", ValidatePathSegmentName, "..", false, []string{"may not be '..'"}},
		{"path segment dot as prefix", ValidatePathSegmentName, ".", true, nil},
		{"path segment slash and percent", ValidatePathSegmentName, "a/%", false, []string{"may not contain '/'", "may not contain '%'"}},
		{"path segment percent prefix", ValidatePathSegmentName, "%", true, []string{"may not contain '%'"}},
	}
	for _, tc := range tests {
		primCheck(t, tc.name, tc.fn(tc.in, tc.prefix), tc.want)
	}
}

func TestValidateFinalizers(t *testing.T) {
	p := field.NewPath("metadata", "finalizers")
	primCheck(t, "valid", primErrStrings(ValidateFinalizers([]string{"batch.kubernetes.io/job-tracking", "orphan"}, p)), nil)
	primCheck(t, "both", primErrStrings(ValidateFinalizers([]string{"orphan", "x/y/z", "foregroundDeletion"}, p)), []string{
		`metadata.finalizers: Invalid value: "x/y/z": ` + primMsgKeyTooManySlashes,
		`metadata.finalizers: Invalid value: ["orphan","x/y/z","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set`,
	})
}

func TestValidateOwnerReferences(t *testing.T) {
	p := field.NewPath("metadata", "ownerReferences")
	yes := true
	no := false
	good := OwnerReferenceView{APIVersion: "batch/v1", Kind: "CronJob", Name: "c", UID: "u1", Controller: &yes}
	tests := []struct {
		name string
		refs []OwnerReferenceView
		want []string
	}{
		{"valid", []OwnerReferenceView{good, {APIVersion: "v1", Kind: "Pod", Name: "p", UID: "u2", Controller: &no}}, nil},
		{"all empty", []OwnerReferenceView{{}}, []string{
			`metadata.ownerReferences[0].apiVersion: Required value: must not be empty`,
			`metadata.ownerReferences[0].kind: Required value: must not be empty`,
			`metadata.ownerReferences[0].name: Required value: must not be empty`,
			`metadata.ownerReferences[0].uid: Required value: must not be empty`,
		}},
		{"group without version", []OwnerReferenceView{{APIVersion: "batch/", Kind: "K", Name: "n", UID: "u"}}, []string{
			`metadata.ownerReferences[0].apiVersion: Invalid value: "batch/": must be <group>/<version> or <version>`,
		}},
		{"unparsable apiVersion", []OwnerReferenceView{{APIVersion: "a/b/c", Kind: "K", Name: "n", UID: "u"}}, []string{
			`metadata.ownerReferences[0].apiVersion: Invalid value: "a/b/c": must be <group>/<version> or <version>`,
		}},
		{"event owner", []OwnerReferenceView{{APIVersion: "v1", Kind: "Event", Name: "e", UID: "u"}}, []string{
			`metadata.ownerReferences[0]: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"u"}: /v1, Kind=Event is disallowed from being an owner`,
		}},
		{"slash only", []OwnerReferenceView{{APIVersion: "/", Kind: "K", Name: "n", UID: "u"}}, []string{
			`metadata.ownerReferences[0].apiVersion: Invalid value: "/": must be <group>/<version> or <version>`,
		}},
		{"two references, each error at its index (no longer de-duplicated)", []OwnerReferenceView{{APIVersion: "v1", Name: "a", UID: "u"}, {APIVersion: "v1", Name: "b", UID: "v"}}, []string{
			`metadata.ownerReferences[0].kind: Required value: must not be empty`,
			`metadata.ownerReferences[1].kind: Required value: must not be empty`,
		}},
		{"two controllers", []OwnerReferenceView{good, {APIVersion: "apps/v1", Kind: "ReplicaSet", Name: "r", UID: "u3", Controller: &yes}}, []string{
			`metadata.ownerReferences: Invalid value: [{"apiVersion":"batch/v1","kind":"CronJob","name":"c","uid":"u1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"r","uid":"u3","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for CronJob/c and ReplicaSet/r`,
		}},
	}
	for _, tc := range tests {
		primCheck(t, tc.name, primErrStrings(ValidateOwnerReferences(tc.refs, p)), tc.want)
	}
}

func TestValidateObjectMeta(t *testing.T) {
	p := field.NewPath("metadata")
	tests := []struct {
		name string
		meta ObjectMetaView
		ns   bool
		want []string
	}{
		{"valid", ObjectMetaView{Name: "myjob", Namespace: "default", Labels: map[string]string{"a": "b"}}, true, nil},
		{"name from generateName", ObjectMetaView{Name: "pi-abcde", GenerateName: "pi-", Namespace: "default"}, true, nil},
		{"empty", ObjectMetaView{}, true, []string{
			"metadata.name: Required value: name or generateName is required",
			"metadata.namespace: Required value",
		}},
		{"C69 bad name", ObjectMetaView{Name: "My_Job", Namespace: "default"}, true, []string{
			`metadata.name: Invalid value: "My_Job": ` + primMsgDNSSubdomain,
		}},
		{"long name", ObjectMetaView{Name: strings.Repeat("a", 254), Namespace: "default"}, true, []string{
			`metadata.name: Invalid value: "` + strings.Repeat("a", 254) + `": ` + primMsgMax253,
		}},
		{"everything wrong in order", ObjectMetaView{
			GenerateName: "Bad-", Name: "x", Namespace: "a.b", Generation: -1,
			Labels:          map[string]string{"k": "bad value"},
			Annotations:     map[string]string{"a/b/c": ""},
			OwnerReferences: []OwnerReferenceView{{APIVersion: "v1", Kind: "Pod", Name: "p"}},
			Finalizers:      []string{"-f"},
		}, true, []string{
			`metadata.generateName: Invalid value: "Bad-": ` + primMsgDNSSubdomain,
			`metadata.namespace: Invalid value: "a.b": must not contain dots`,
			`metadata.generation: Invalid value: -1: must be greater than or equal to 0`,
			`metadata.labels: Invalid value: "bad value": ` + primMsgLabelValue,
			`metadata.annotations: Invalid value: "a/b/c": ` + primMsgKeyTooManySlashes,
			`metadata.ownerReferences[0].uid: Required value: must not be empty`,
			`metadata.finalizers: Invalid value: "-f": ` + primMsgNamePart,
		}},
		{"namespace forbidden", ObjectMetaView{Name: "n", Namespace: "default"}, false, []string{
			"metadata.namespace: Forbidden: not allowed on this type",
		}},
	}
	for _, tc := range tests {
		m := tc.meta
		primCheck(t, tc.name, primErrStrings(ValidateObjectMeta(&m, tc.ns, NameIsDNSSubdomain, p)), tc.want)
	}
}

func TestValidateNonnegativeField(t *testing.T) {
	p := field.NewPath("spec", "parallelism")
	primCheck(t, "negative", primErrStrings(ValidateNonnegativeField(-1, p)), []string{"spec.parallelism: Invalid value: -1: must be greater than or equal to 0"})
	primCheck(t, "zero", primErrStrings(ValidateNonnegativeField(0, p)), nil)
}

func ExampleIsDomainPrefixedPath() {
	for _, v := range []string{"kubernetes.io/job-controller", "invalid custom controller name", ""} {
		fmt.Println(IsDomainPrefixedPath(field.NewPath("spec", "managedBy"), v).ToAggregate())
	}
	// Output:
	// <nil>
	// spec.managedBy: Invalid value: "invalid custom controller name": must be a domain-prefixed path (such as "acme.io/foo")
	// spec.managedBy: Required value
}
