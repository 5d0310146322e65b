package validation

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// Time zones: upstream checks spec.timeZone, and a TZ= or CRON_TZ= prefix
// of spec.schedule, with Go's time.LoadLocation, in an API server binary
// that embeds time/tzdata. LoadLocation prefers the machine's zoneinfo
// directory when there is one, so a real server's answer depends on the
// image it runs in. jobkit instead answers from a fixed table,
// ianaTimeZones (cronjob_tzdata.go): the names of the IANA database that
// Go's time/tzdata embeds (Go 1.26, tzdata 2025c), which is what
// LoadLocation finds on a machine without a zoneinfo directory. The answer
// is the same on every machine, needs no 450 kB tzdata import and reads no
// file. A name accepted only by some machine's zoneinfo (e.g. Debian's
// "posixrules" or a zone newer than 2025c) is rejected here with
// LoadLocation's "unknown time zone" text; a directory or data file of a
// zoneinfo tree (e.g. "America", "zone.tab") is "unknown time zone" here
// where such a server reports its read error.

// Messages of time.LoadLocation.
var errLocationName = errors.New("time: invalid location name")

// loadLocation returns what time.LoadLocation returns as its error for
// name with only the embedded IANA database (nil when it loads): "" and
// "UTC" are UTC and "Local" the local zone; a name containing ".." or
// starting with a slash or backslash is refused; other names must be in
// the database (case-sensitive).
func loadLocation(name string) error {
	switch {
	case name == "" || name == "UTC" || name == "Local":
		return nil
	case strings.Contains(name, "..") || name[0] == '/' || name[0] == '\\':
		return errLocationName
	}
	if _, ok := slices.BinarySearch(ianaTimeZones[:], name); ok {
		return nil
	}
	return errors.New("unknown time zone " + name)
}

// timeZonePartPattern is the API server's check of each slash-separated
// part of spec.timeZone: ASCII letters, digits, '.', '-', '_' and '+', 1 to
// 14 bytes (the IANA naming rules, digits and '+' tolerated for legacy
// names).
var timeZonePartPattern = regexp.MustCompile(`^[A-Za-z.\-_0-9+]{1,14}$`)

// validateTimeZone is upstream's validateTimeZone of spec.timeZone, in its
// order: nil is valid; "" is "timeZone must be nil or non-empty string";
// a part that is "." or "..", starts with '-' or fails
// timeZonePartPattern is "unknown time zone <name>" (and nothing else);
// otherwise "Local" in any case is not an explicit zone, and the name must
// load (loadLocation), so "local" gets both errors.
func validateTimeZone(tz *string, p *field.Path) field.ErrorList {
	if tz == nil {
		return nil
	}
	name := *tz
	if name == "" {
		return field.ErrorList{field.Invalid(p, name, "timeZone must be nil or non-empty string")}
	}
	for part := range strings.SplitSeq(name, "/") {
		if part == "." || part == ".." || strings.HasPrefix(part, "-") || !timeZonePartPattern.MatchString(part) {
			return field.ErrorList{field.Invalid(p, name, fmt.Sprintf("unknown time zone %s", name))}
		}
	}
	var errs field.ErrorList
	if strings.EqualFold(name, "Local") {
		errs = append(errs, field.Invalid(p, name, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"))
	}
	if err := loadLocation(name); err != nil {
		errs = append(errs, field.Invalid(p, name, err.Error()))
	}
	return errs
}
