package validation

import "strings"

// The remaining members of the content-validator family (content*.go): C
// identifiers, environment variable names, ConfigMap keys, port numbers and
// names, user and group IDs, percentages, HTTP header names and decimal
// integers, with apimachinery's messages. Each IsX returns the failure
// messages in upstream's order, nil when the value is valid.

// Regular expressions and texts quoted in messages.
const (
	fmtCIdentifier      = "[A-Za-z_][A-Za-z0-9_]*"
	textCIdentifier     = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'"
	fmtEnvVarName       = "[-._a-zA-Z][-._a-zA-Z0-9]*"
	textEnvVarName      = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
	textRelaxedEnvVar   = "a valid environment variable name must consist only of printable ASCII characters other than '='"
	fmtConfigMapKey     = "[-._a-zA-Z0-9]+"
	textConfigMapKey    = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
	fmtPercent          = "[0-9]+%"
	textPercent         = "a valid percent string must be a numeric string followed by an ending '%'"
	fmtHTTPHeaderName   = "[-A-Za-z0-9]+"
	textHTTPHeaderName  = "a valid HTTP header must consist of alphanumeric characters or '-'"
	textDecimalInteger  = "must be a valid decimal integer in canonical form"
	maxIDValue          = 1<<31 - 1 // largest UID/GID (libcontainer's int32 limit)
	portNameMaxLength   = 15
	msgPortNameCharset  = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"
	msgPortNameLetter   = "must contain at least one letter (a-z)"
	msgPortNameHyphens  = "must not contain consecutive hyphens"
	msgPortNameEndsDash = "must not begin or end with a hyphen"
)

// scanBytes reports whether s is non-empty (unless emptyOK) and every byte
// satisfies ok.
func scanBytes(s string, emptyOK bool, ok func(byte) bool) bool {
	if s == "" {
		return emptyOK
	}
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isCIdentChar(c byte) bool { return isASCIIAlnum(c) || c == '_' }

func isEnvVarChar(c byte) bool { return isASCIIAlnum(c) || c == '-' || c == '.' || c == '_' }

func isHeaderChar(c byte) bool { return isASCIIAlnum(c) || c == '-' }

// IsCIdentifier checks that value matches [A-Za-z_][A-Za-z0-9_]* (no
// length limit).
func IsCIdentifier(value string) []string {
	if value == "" || isASCIIDigit(value[0]) || !scanBytes(value, false, isCIdentChar) {
		return []string{RegexError(textCIdentifier, fmtCIdentifier, "my_name", "MY_NAME", "MyName")}
	}
	return nil
}

// IsEnvVarName is the strict environment-variable name rule: the value
// must match [-._a-zA-Z][-._a-zA-Z0-9]* (message first), then must not be
// "." or ".." nor start with ".." (hasChDirPrefix).
func IsEnvVarName(value string) []string {
	var errs []string
	if value == "" || isASCIIDigit(value[0]) || !scanBytes(value, false, isEnvVarChar) {
		errs = append(errs, RegexError(textEnvVarName, fmtEnvVarName, "my.env-name", "MY_ENV.NAME", "MyEnvName1"))
	}
	return append(errs, chDirPrefixErrors(value)...)
}

// IsRelaxedEnvVarName is the relaxed environment-variable name rule the API
// server applies since RelaxedEnvironmentVariableValidation (GA, locked on
// in 1.37): "environment variable name must be non-empty" for "", then one
// message when any character is outside printable ASCII (0x20-0x7e) or is
// '=' (a byte that is not valid UTF-8 counts as outside).
func IsRelaxedEnvVarName(value string) []string {
	var errs []string
	if value == "" {
		errs = append(errs, "environment variable name "+EmptyError())
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; c < 0x20 || c > 0x7e || c == '=' {
			errs = append(errs, textRelaxedEnvVar)
			break
		}
	}
	return errs
}

// IsConfigMapKey checks a ConfigMap or Secret key: MaxLenError(253) when
// longer than 253 bytes, the regex message unless it matches
// [-._a-zA-Z0-9]+, then hasChDirPrefix ("." , "..", a ".." prefix).
func IsConfigMapKey(value string) []string {
	var errs []string
	if len(value) > DNS1123SubdomainMaxLength {
		errs = append(errs, MaxLenError(DNS1123SubdomainMaxLength))
	}
	if !scanBytes(value, false, isEnvVarChar) {
		errs = append(errs, RegexError(textConfigMapKey, fmtConfigMapKey, "key.name", "KEY_NAME", "key-name"))
	}
	return append(errs, chDirPrefixErrors(value)...)
}

// chDirPrefixErrors is upstream's hasChDirPrefix: "." and ".." and names
// starting with ".." could escape a directory.
func chDirPrefixErrors(value string) []string {
	switch {
	case value == ".":
		return []string{`must not be '.'`}
	case value == "..":
		return []string{`must not be '..'`}
	case strings.HasPrefix(value, ".."):
		return []string{`must not start with '..'`}
	}
	return nil
}

// IsValidPortNum checks 1 <= port <= 65535.
func IsValidPortNum(port int) []string {
	return IsInRange(port, 1, 65535)
}

// IsInRange checks lo <= value <= hi: "must be between lo and hi, inclusive".
func IsInRange(value, lo, hi int) []string {
	if lo <= value && value <= hi {
		return nil
	}
	return []string{InclusiveRangeError(lo, hi)}
}

// IsValidUserID checks 0 <= uid <= 2147483647.
func IsValidUserID(uid int64) []string { return isValidID(uid) }

// IsValidGroupID checks 0 <= gid <= 2147483647.
func IsValidGroupID(gid int64) []string { return isValidID(gid) }

func isValidID(id int64) []string {
	if 0 <= id && id <= maxIDValue {
		return nil
	}
	return []string{InclusiveRangeError(0, maxIDValue)}
}

// IsValidPortName checks an IANA_SVC_NAME (RFC 6335, lower case only) and
// returns every failed rule, in order: longer than 15 bytes
// (MaxLenError(15)); a byte outside [-a-z0-9] (or empty); no letter; "--";
// a leading or trailing '-'.
func IsValidPortName(port string) []string {
	var errs []string
	if len(port) > portNameMaxLength {
		errs = append(errs, MaxLenError(portNameMaxLength))
	}
	if !scanBytes(port, false, func(c byte) bool { return isASCIILowerAlnum(c) || c == '-' }) {
		errs = append(errs, msgPortNameCharset)
	}
	if !strings.ContainsFunc(port, func(r rune) bool { return 'a' <= r && r <= 'z' }) {
		errs = append(errs, msgPortNameLetter)
	}
	if strings.Contains(port, "--") {
		errs = append(errs, msgPortNameHyphens)
	}
	if port != "" && (port[0] == '-' || port[len(port)-1] == '-') {
		errs = append(errs, msgPortNameEndsDash)
	}
	return errs
}

// IsValidPercent checks that value matches [0-9]+% .
func IsValidPercent(value string) []string {
	digits, found := strings.CutSuffix(value, "%")
	if !found || !scanBytes(digits, false, isASCIIDigit) {
		return []string{RegexError(textPercent, fmtPercent, "1%", "93%")}
	}
	return nil
}

// IsHTTPHeaderName checks that value matches [-A-Za-z0-9]+ (the Go HTTP
// library's header-name syntax, stricter than RFC 7230).
func IsHTTPHeaderName(value string) []string {
	if !scanBytes(value, false, isHeaderChar) {
		return []string{RegexError(textHTTPHeaderName, fmtHTTPHeaderName, "X-Header-Name")}
	}
	return nil
}

// IsDecimalInteger checks a base-10 integer in canonical form: an optional
// '-', then "0" alone or a non-zero digit followed by digits ("-0", "007",
// "+1" are rejected). "" gives EmptyError. There is no range limit.
func IsDecimalInteger(value string) []string {
	if value == "" {
		return []string{EmptyError()}
	}
	digits := strings.TrimPrefix(value, "-")
	switch {
	case digits == "0" && len(digits) == len(value):
		return nil
	case digits == "" || digits[0] == '0' || !scanBytes(digits, false, isASCIIDigit):
		return []string{textDecimalInteger}
	}
	return nil
}
