package validation

import (
	"strconv"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// The detail messages shared by many rules, spelled exactly as the API
// server spells them.

// IsNegativeErrorMsg is the detail of a negative-number error:
// "spec.parallelism: Invalid value: -1: must be greater than or equal to 0".
const IsNegativeErrorMsg = "must be greater than or equal to 0"

// MaxLenError returns the length message of apimachinery's
// pkg/util/validation: "must be no more than <n> characters". The API server
// uses it for DNS-1123 labels and subdomains (object names, container and
// volume names), DNS-1035 labels, port names and ConfigMap keys, even
// though the limit is counted in bytes.
func MaxLenError(length int) string {
	return "must be no more than " + strconv.Itoa(length) + " characters"
}

// MaxLenBytesError returns the length message of apimachinery's newer
// api/validate/content package: "must be no more than <n> bytes". The API
// server uses it for label keys (the name part and the DNS prefix of
// IsQualifiedName) and label values.
func MaxLenBytesError(length int) string {
	return "must be no more than " + strconv.Itoa(length) + " bytes"
}

// InclusiveRangeError returns the message of a number outside [lo, hi]:
// "must be between <lo> and <hi>, inclusive".
func InclusiveRangeError(lo, hi int) string {
	return "must be between " + strconv.Itoa(lo) + " and " + strconv.Itoa(hi) + ", inclusive"
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

// invalidEach returns one Invalid error at path with the bad value value
// per message of msgs, in order (nil for no message). It turns the
// message lists of the IsX checks into field errors.
func invalidEach(path *field.Path, value any, msgs []string) field.ErrorList {
	if len(msgs) == 0 {
		return nil
	}
	errs := make(field.ErrorList, len(msgs))
	for i, msg := range msgs {
		errs[i] = field.Invalid(path, value, msg)
	}
	return errs
}
