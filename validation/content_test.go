package validation

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation/field"
	"pgregory.net/rapid"
)

// Tables translated from apimachinery v0.37.2 pkg/util/validation/
// validation_test.go and ip_test.go and pkg/api/validate/content/*_test.go.
// Upstream checks only valid/invalid there; each bad value here also pins
// the exact messages the API server returns.

// contentCase is one value of an upstream good/bad list: want nil = valid.
type contentCase struct {
	in   string
	want []string
}

func good(values ...string) []contentCase {
	out := make([]contentCase, len(values))
	for i, v := range values {
		out[i] = contentCase{in: v}
	}
	return out
}

func bad(msg string, values ...string) []contentCase {
	out := make([]contentCase, len(values))
	for i, v := range values {
		out[i] = contentCase{in: v, want: []string{msg}}
	}
	return out
}

func runContentCases(t *testing.T, upstream string, fn func(string) []string, cases ...[]contentCase) {
	t.Helper()
	for _, list := range cases {
		for _, tc := range list {
			primCheck(t, upstream+"("+strings.ToValidUTF8(tc.in, "?")+")", fn(tc.in), tc.want)
		}
	}
}

const (
	msgDNS1035        = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
	msgUnderscoreSub  = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')"
	msgHeader         = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"
	msgPercent        = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
	msgConfigKey      = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
	msgRelaxedEnv     = "a valid environment variable name must consist only of printable ASCII characters other than '='"
	msgStrictEnv      = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"
	msgCIdent         = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')"
	msgPortRange      = "must be between 1 and 65535, inclusive"
	msgIDRange        = "must be between 0 and 2147483647, inclusive"
	msgMax63Chars     = "must be no more than 63 characters"
	msgMax253Chars    = "must be no more than 253 characters"
	msgPortCharset    = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
	msgPortLetter     = "must contain at least one letter (a-z)"
	msgPortDoubleDash = "must not contain consecutive hyphens"
	msgPortEndDash    = "must not begin or end with a hyphen"
)

func TestUpstreamIsDNS1123Label(t *testing.T) {
	runContentCases(t, "TestIsDNS1123Label", IsDNS1123Label,
		good("a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", strings.Repeat("a", 63)),
		bad(primMsgDNSLabel, "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1",
			"_", "a_", "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "1.", ".1",
			" ", "a ", " a", "a b", "1 ", " 1", "1 2"),
		bad("must not contain dots", "a.b", "1.2"),
		[]contentCase{{strings.Repeat("a", 64), []string{msgMax63Chars}}},
	)
}

func TestUpstreamIsDNS1123Subdomain(t *testing.T) {
	runContentCases(t, "TestIsDNS1123Subdomain", IsDNS1123Subdomain,
		good("a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2",
			"a.a", "ab.a", "abc.a", "a1.a", "a-1.a", "a--1--2--b.a", "a.1", "ab.1", "abc.1", "a1.1", "a-1.1", "a--1--2--b.1",
			"0.a", "01.a", "012.a", "1a.a", "1-a.a", "0.1", "01.1", "012.1", "1a.1", "1-a.1", "1--a--b--2.1",
			"a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "11.22.33.44.55", strings.Repeat("a", 253)),
		bad(primMsgDNSSubdomain, "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1",
			"_", "a_", "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "a..b", "1.", ".1", "1..2",
			" ", "a ", " a", "a b", "1 ", " 1", "1 2", "A.a", "aB.a", "ab.A", "A1.a", "a1.A",
			"A.1", "aB.1", "A1.1", "1A.1", "0.A", "01.A", "012.A", "1A.a", "1a.A",
			"A.B.C.D.E", "AA.BB.CC.DD.EE", "a.B.c.d.e", "aa.bB.cc.dd.ee",
			"a@b", "a,b", "a;b", "a:b", "a%b", "a?b", "a$b"),
		[]contentCase{{strings.Repeat("a", 254), []string{msgMax253Chars}}},
	)
}

func TestUpstreamIsDNS1035Label(t *testing.T) {
	runContentCases(t, "TestIsDNS1035Label", IsDNS1035Label,
		good("a", "ab", "abc", "a1", "a-1", "a--1--2--b", strings.Repeat("a", 63)),
		bad(msgDNS1035, "0", "01", "012", "1a", "1-a", "1--a--b--2", "", "A", "ABC", "aBc", "A1", "A-1", "1-A",
			"-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
			".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2"),
		[]contentCase{{strings.Repeat("a", 64), []string{msgMax63Chars}}},
	)
}

func TestUpstreamIsDNS1123SubdomainWithUnderscore(t *testing.T) {
	runContentCases(t, "TestIsDNS1123SubdomainWithUnderscore", IsDNS1123SubdomainWithUnderscore,
		good("example.com", "_example.com", "sub._example.com", "sub-domain.example.com", "sub_domain.example.com"),
		bad(msgUnderscoreSub, "", "Example.com", "-example.com", "example.com-", "example@.com", "example..com", "_"),
		[]contentCase{{"a." + string(make([]byte, 251)) + ".com", []string{msgMax253Chars, msgUnderscoreSub}}},
	)
}

func TestUpstreamIsValidPortNum(t *testing.T) {
	for _, v := range []int{1, 2, 1000, 16384, 32768, 65535} {
		primCheck(t, "TestIsValidPortNum good", IsValidPortNum(v), nil)
	}
	for _, v := range []int{0, -1, 65536, 100000} {
		primCheck(t, "TestIsValidPortNum bad", IsValidPortNum(v), []string{msgPortRange})
	}
}

func TestUpstreamIsInRange(t *testing.T) {
	for _, v := range [][3]int{{1, 0, 10}, {5, 5, 20}, {25, 10, 25}} {
		primCheck(t, "TestIsInRange good", IsInRange(v[0], v[1], v[2]), nil)
	}
	primCheck(t, "TestIsInRange bad 1", IsInRange(1, 2, 10), []string{"must be between 2 and 10, inclusive"})
	primCheck(t, "TestIsInRange bad 2", IsInRange(5, -4, 2), []string{"must be between -4 and 2, inclusive"})
	primCheck(t, "TestIsInRange bad 3", IsInRange(25, 100, 120), []string{"must be between 100 and 120, inclusive"})
}

func TestUpstreamIsValidUserAndGroupID(t *testing.T) {
	for _, v := range []int64{0, 1, 1000, 65535, 2147483647} {
		primCheck(t, "TestIsValidGroupID good", IsValidGroupID(v), nil)
		primCheck(t, "TestIsValidUserID good", IsValidUserID(v), nil)
	}
	for _, v := range []int64{-1, -1003, 2147483648, 4147483647} {
		primCheck(t, "TestIsValidGroupID bad", IsValidGroupID(v), []string{msgIDRange})
		primCheck(t, "TestIsValidUserID bad", IsValidUserID(v), []string{msgIDRange})
	}
}

func TestUpstreamIsValidPortName(t *testing.T) {
	runContentCases(t, "TestIsValidPortName", IsValidPortName,
		good("telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"),
		[]contentCase{
			{"longerthan15characters", []string{"must be no more than 15 characters"}},
			{"", []string{msgPortCharset, msgPortLetter}},
			{strings.Repeat("a", 16), []string{"must be no more than 15 characters"}},
			{"12345", []string{msgPortLetter}},
			{"1-2-3-4", []string{msgPortLetter}},
			{"-begin", []string{msgPortEndDash}},
			{"end-", []string{msgPortEndDash}},
			{"two--hyphens", []string{msgPortDoubleDash}},
			{"whois++", []string{msgPortCharset}},
			{"-Bad--", []string{msgPortCharset, msgPortDoubleDash, msgPortEndDash}},
		},
	)
}

func TestUpstreamIsQualifiedName(t *testing.T) {
	runContentCases(t, "TestIsQualifiedName", IsQualifiedName,
		good("simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
			"now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple",
			"1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123",
			"example.com/Uppercase_Is_OK_123", "requests.storage-foo", strings.Repeat("a", 63),
			strings.Repeat("a", 253)+"/"+strings.Repeat("b", 63)),
		bad(primMsgNamePart, "nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-"),
		bad(primMsgKeyTooManySlashes, "only/one/slash"),
		bad("prefix part "+primMsgDNSSubdomain, "Example.com/abc", "example_com/abc"),
		[]contentCase{
			{"example.com/", []string{"name part must be non-empty", primMsgNamePart}},
			{"/simple", []string{"prefix part must be non-empty"}},
			{strings.Repeat("a", 64), []string{"name part must be no more than 63 bytes"}},
			{strings.Repeat("a", 254) + "/abc", []string{"prefix part must be no more than 253 bytes"}},
		},
	)
}

func TestUpstreamIsValidLabelValue(t *testing.T) {
	runContentCases(t, "TestIsValidLabelValue", IsValidLabelValue,
		good("simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", strings.Repeat("a", 63), ""),
		bad(primMsgLabelValue, "nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", `\backslashes\are\bad`,
			"-starts-with-dash", "ends-with-dash-", ".starts.with.dot", "ends.with.dot."),
		[]contentCase{{strings.Repeat("a", 64), []string{"must be no more than 63 bytes"}}},
	)
}

func TestUpstreamIsHTTPHeaderName(t *testing.T) {
	runContentCases(t, "TestIsHTTPHeaderName", IsHTTPHeaderName,
		good("Accept-Encoding", "Host", "If-Modified-Since", "X-Forwarded-For",
			"a", "ab", "abc", "a1", "-a", "a-", "a-b", "a-1", "a--1--2--b", "--abc-123",
			"A", "AB", "AbC", "A1", "-A", "A-", "A-B", "A-1", "A--1--2--B", "--123-ABC"),
		bad(msgHeader, "Host:", "X-Forwarded-For:", "X-@Home", "", "_", "a_", "_a", "1_", "1_2", ".", "a.", ".a",
			"a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2", "#a#", "^", ",", ";", "=", "<",
			"?", "@", "{"),
	)
}

func TestUpstreamIsValidPercent(t *testing.T) {
	runContentCases(t, "TestIsValidPercent", IsValidPercent,
		good("0%", "00000%", "1%", "01%", "99%", "100%", "101%"),
		bad(msgPercent, "", "0", "100", "0.0%", "99.9%", "hundred", " 1%", "1% ", "-0%", "-1%", "+1%", "%"),
	)
}

func TestUpstreamIsConfigMapKey(t *testing.T) {
	runContentCases(t, "TestIsConfigMapKey", IsConfigMapKey,
		good("a", "good", "good-good", "still.good", "this.is.also.good", ".so.is.this", "THIS_IS_GOOD", "so_is_this_17"),
		[]contentCase{
			{".", []string{"must not be '.'"}},
			{"..", []string{"must not be '..'"}},
			{"..bad", []string{"must not start with '..'"}},
			{"b*d", []string{msgConfigKey}},
			{"bad!&bad", []string{msgConfigKey}},
			{strings.Repeat("a", 254), []string{msgMax253Chars}},
		},
	)
}

func TestUpstreamIsRelaxedEnvVarName(t *testing.T) {
	runContentCases(t, "TestIsRelaxedEnvVarName", IsRelaxedEnvVarName,
		good("-", ":", "_", "+a", ">a", "<a", "a.", "a..", "*a", "%a", "?a", "a:a", "a_a", "aAz", "~a", "|a",
			"a0a", "a9", "/a", "a ", "#a", "0a", "0 a", "'a", "(a", "@a"),
		bad(msgRelaxedEnv, "=", "a=", "1=a", "a=b", "#%=&&", string(rune(1))+"abc", string(rune(130))+"abc",
			"Ç ç", "Ä ä", "Ñ ñ", "Ø ø", "a\x7f", "\xff"),
		[]contentCase{{"", []string{"environment variable name must be non-empty"}}},
	)
}

// The strict rule has no upstream table of its own; these come from
// TestValidateEnv's strict-mode cases.
func TestIsEnvVarName(t *testing.T) {
	runContentCases(t, "IsEnvVarName", IsEnvVarName,
		good("ABC", "AbC_123", "abc", "a.b", "a-b", "_a", "-", "..a"[1:]),
		bad(msgStrictEnv, "", "1a", "a b", "a=b", "a:b"),
		[]contentCase{
			{".", []string{"must not be '.'"}},
			{"..", []string{"must not be '..'"}},
			{"..a", []string{"must not start with '..'"}},
		},
	)
}

func TestUpstreamIsCIdentifier(t *testing.T) {
	runContentCases(t, "TestIsCIdentifier", IsCIdentifier,
		good("a", "ab", "abc", "a1", "_a", "a_", "a_b", "a_1", "a__1__2__b", "__abc_123",
			"A", "AB", "AbC", "A1", "_A", "A_", "A_B", "A_1", "A__1__2__B", "__123_ABC"),
		bad(msgCIdent, "", "1", "123", "1a", "-", "a-", "-a", "1-", "-1", "1_", "1_2",
			".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2", "#a#"),
	)
}

func TestUpstreamIsDecimalInteger(t *testing.T) {
	const msg = "must be a valid decimal integer in canonical form"
	runContentCases(t, "TestIsDecimalInteger", IsDecimalInteger,
		good("0", "1", "9", "-5", "-1", "100", "999", "123", "-456", "9223372036854775807", "-9223372036854775808", "12345678901234567890"),
		bad(msg, "-0", "00", "000", "01", "09", "0123", "0700", "-01", "-0123", "-00", "+123", "+0", "-", "+", " ", " 123", "123 ",
			"12.3", "0.0", ".123", "abc", "12a3", "0x123", "1e5", "1_000", "1,000", "--123", "-+123", "123-", "12-3",
			"\t123", "123\n", "123\x00", "−123", "１２３", "١٢٣"),
		[]contentCase{{"", []string{"must be non-empty"}}},
	)
}

func TestUpstreamIsDomainPrefixedKey(t *testing.T) {
	p := field.NewPath("test")
	tests := []struct {
		name, in string
		want     []string
	}{
		{"valid domain-prefixed key 1", "example.com/foo", nil},
		{"valid domain-prefixed key  2", "example/com", nil},
		{"invalid key 1", "example", []string{`test: Invalid value: "example": must be a domain-prefixed key (such as "acme.io/foo")`}},
		{"invalid key 2", "example/foo/bar", []string{`test: Invalid value: "example/foo/bar": ` + primMsgKeyTooManySlashes}},
		{"invalid key 3", "/example/foo", []string{`test: Invalid value: "/example/foo": ` + primMsgKeyTooManySlashes}},
		{"invalid key 4", "", []string{"test: Required value"}},
		{"invalid key 5", "example.com/_e", []string{`test: Invalid value: "example.com/_e": ` + primMsgNamePart}},
		{"invalid key 6", "example.com/e_", []string{`test: Invalid value: "example.com/e_": ` + primMsgNamePart}},
		{"invalid key 7", "example.com/e?", []string{`test: Invalid value: "example.com/e?": ` + primMsgNamePart}},
		{"invalid key 8", "example.com/e_$", []string{`test: Invalid value: "example.com/e_$": ` + primMsgNamePart}},
	}
	for _, tc := range tests {
		primCheck(t, "TestIsDomainPrefixedKey/"+tc.name, primErrStrings(IsDomainPrefixedKey(p, tc.in)), tc.want)
	}
}

func TestUpstreamIsDomainPrefixedPathLists(t *testing.T) {
	p := field.NewPath("")
	for _, v := range []string{"a/b", "a/b/c/d", "a.com/foo", "a.b.c.d/foo", "k8s.io/foo/bar", "k8s.io/FOO/BAR",
		"dev.k8s.io/more/path", "this.is.a.really.long.fqdn/even/longer/path/just/because", "bbc.co.uk/path/goes/here",
		"10.0.0.1/foo", "hyphens-are-good.k8s.io/and-in-paths-too", strings.Repeat("a", 240) + ".k8s.io/a", "k8s.io/" + strings.Repeat("a", 240)} {
		if errs := IsDomainPrefixedPath(p, v); len(errs) != 0 {
			t.Errorf("TestIsDomainPrefixedPath good %q: %v", v, errs)
		}
	}
	for _, v := range []string{".", "...", "/b", "com", ".com", "a.b.c.d/foo?a=b", "a.b.c.d/foo#a", "Dev.k8s.io",
		".foo.example.com", "*.example.com", "example.com/foo{}[]@^`", "underscores_are_bad.k8s.io",
		"underscores_are_bad.k8s.io/foo", "foo@bar.example.com", "foo@bar.example.com/foo", strings.Repeat("a", 247) + ".k8s.io"} {
		if errs := IsDomainPrefixedPath(p, v); len(errs) == 0 {
			t.Errorf("TestIsDomainPrefixedPath bad %q: accepted", v)
		}
	}
}

func TestUpstreamIsValidIP(t *testing.T) {
	const invalid = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
	tests := []struct {
		name, in                       string
		err, legacyErr, legacyStrictEr string
	}{
		{"ipv4", "1.2.3.4", "", "", ""},
		{"ipv4, all zeros", "0.0.0.0", "", "", ""},
		{"ipv4, max", "255.255.255.255", "", "", ""},
		{"ipv6", "1234::abcd", "", "", ""},
		{"ipv6, all zeros, collapsed", "::", "", "", ""},
		{"ipv6, max", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "", "", ""},
		{"ipv6, all zeros, expanded (non-canonical)", "0:0:0:0:0:0:0:0", `must be in canonical form ("::")`, "", ""},
		{"ipv6, leading 0s (non-canonical)", "0001:002:03:4::", `must be in canonical form ("1:2:3:4::")`, "", ""},
		{"ipv6, capital letters (non-canonical)", "1234::ABCD", `must be in canonical form ("1234::abcd")`, "", ""},
		{"ipv4 with leading 0s", "1.1.1.01", "must not have leading 0s", "", "must not have leading 0s"},
		{"ipv4-in-ipv6 value", "::ffff:1.1.1.1", "must not be an IPv4-mapped IPv6 address", "", "must not be an IPv4-mapped IPv6 address"},
		{"empty string", "", invalid, invalid, invalid},
		{"junk", "aaaaaaa", invalid, invalid, invalid},
		{"domain name", "myhost.mydomain", invalid, invalid, invalid},
		{"cidr", "1.2.3.0/24", invalid, invalid, invalid},
		{"ipv4 with out-of-range octets", "1.2.3.400", invalid, invalid, invalid},
		{"ipv4 with negative octets", "-1.0.0.0", invalid, invalid, invalid},
		{"ipv6 with out-of-range segment", "2001:db8::10005", invalid, invalid, invalid},
		{"ipv4:port", "1.2.3.4:80", invalid, invalid, invalid},
		{"ipv6 with brackets", "[2001:db8::1]", invalid, invalid, invalid},
		{"[ipv6]:port", "[2001:db8::1]:80", invalid, invalid, invalid},
		{"host:port", "example.com:80", invalid, invalid, invalid},
		{"ipv6 with zone", "1234::abcd%eth0", invalid, invalid, invalid},
		{"ipv4 with zone", "169.254.0.0%eth0", invalid, invalid, invalid},
		{"derived: ipv6 embedding a zero-padded ipv4", "::ffff:001.2.3.4", "must not have leading 0s", "", "must not have leading 0s"},
	}
	detail := func(errs field.ErrorList) string {
		if len(errs) == 0 {
			return ""
		}
		if len(errs) > 1 {
			return "more than one error"
		}
		return errs[0].Detail
	}
	var badIPs []string
	for _, tc := range tests {
		if tc.legacyStrictEr != "" {
			badIPs = append(badIPs, tc.in)
		}
	}
	p := field.NewPath("")
	for _, tc := range tests {
		if got := detail(IsValidIP(p, tc.in)); got != tc.err {
			t.Errorf("TestIsValidIP/%s: IsValidIP = %q, want %q", tc.name, got, tc.err)
		}
		if got := detail(IsValidIPForLegacyField(p, tc.in, false, nil)); got != tc.legacyErr {
			t.Errorf("TestIsValidIP/%s: legacy = %q, want %q", tc.name, got, tc.legacyErr)
		}
		if got := detail(IsValidIPForLegacyField(p, tc.in, StrictIPCIDRValidation, nil)); got != tc.legacyStrictEr {
			t.Errorf("TestIsValidIP/%s: legacy strict = %q, want %q", tc.name, got, tc.legacyStrictEr)
		}
		if errs := IsValidIPForLegacyField(p, tc.in, true, badIPs); len(errs) != 0 {
			t.Errorf("TestIsValidIP/%s: an old value must be accepted: %v", tc.name, errs)
		}
	}
}

func TestUpstreamGetWarningsForIP(t *testing.T) {
	ips := field.NewPath("spec").Child("clusterIPs").Index(0)
	tests := []struct {
		name string
		p    *field.Path
		in   string
		want []string
	}{
		{"IPv4 No failures", ips, "192.12.2.2", nil},
		{"IPv6 No failures", ips, "2001:db8::2", nil},
		{"IPv4 with leading zeros", ips, "192.012.2.2", []string{`spec.clusterIPs[0]: non-standard IP address "192.012.2.2" is invalid: use "192.12.2.2"`}},
		{"IPv4-mapped IPv6", ips, "::ffff:192.12.2.2", []string{`spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" is invalid: use "192.12.2.2"`}},
		{"IPv6 non-canonical format", field.NewPath("spec").Child("loadBalancerIP"), "2001:db8:0:0::2", []string{`spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")`}},
	}
	for _, tc := range tests {
		primCheck(t, "TestGetWarningsForIP/"+tc.name, GetWarningsForIP(tc.p, tc.in), tc.want)
	}
}

// The byte scanners of the family accept exactly what upstream's regular
// expressions accept.
var contentRegexps = []struct {
	name string
	re   *regexp.Regexp
	scan func(string) bool
}{
	{"dns1035", regexp.MustCompile("^" + fmtDNS1035Label + "$"), scanDNS1035Label},
	{"dns subdomain with underscore", regexp.MustCompile("^" + fmtDNSSubdomainUnderscore + "$"), func(s string) bool { return scanDotted(s, scanDNSLabelUnderscore) }},
	{"c identifier", regexp.MustCompile("^" + fmtCIdentifier + "$"), func(s string) bool { return IsCIdentifier(s) == nil }},
	{"env var name", regexp.MustCompile("^" + fmtEnvVarName + "$"), func(s string) bool {
		return !slices.Contains(IsEnvVarName(s), RegexError(textEnvVarName, fmtEnvVarName, "my.env-name", "MY_ENV.NAME", "MyEnvName1"))
	}},
	{"config map key", regexp.MustCompile("^" + fmtConfigMapKey + "$"), func(s string) bool { return scanBytes(s, false, isEnvVarChar) }},
	{"percent", regexp.MustCompile("^" + fmtPercent + "$"), func(s string) bool { return IsValidPercent(s) == nil }},
	{"header", regexp.MustCompile("^" + fmtHTTPHeaderName + "$"), func(s string) bool { return IsHTTPHeaderName(s) == nil }},
}

func TestContentScannersMatchRegexps(t *testing.T) {
	alphabet := []rune("aAz09-._%+_/ =\xffé")
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOfN(rapid.SampledFrom(alphabet), 0, 10, -1).Draw(t, "s")
		for _, c := range contentRegexps {
			if got, want := c.scan(s), c.re.MatchString(s); got != want {
				t.Fatalf("%s(%q): scanner %v, regexp %v", c.name, s, got, want)
			}
		}
	})
}
