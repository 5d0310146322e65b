package validation

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The schedule grammar the API server accepts in spec.schedule: the
// standard parser of github.com/robfig/cron/v3 (v3.0.1) with descriptors,
// called through a panic guard. This file reproduces its accept/reject
// decisions and error texts without importing it; it computes no
// activation times.

// panicSliceBounds is the runtime error the upstream parser panics with on
// a TZ= or CRON_TZ= prefix not followed by a space (it slices up to index
// -1); the API server's guard turns it into this error text.
const panicSliceBounds = "invalid schedule format: runtime error: slice bounds out of range [:-1]"

// cronField is the range and the names of one schedule field.
type cronField struct {
	min, max uint64
	names    map[string]uint64
}

// The five fields of a standard schedule, in order.
var cronFields = [5]cronField{
	{0, 59, nil}, // minute
	{0, 23, nil}, // hour
	{1, 31, nil}, // day of month
	{1, 12, map[string]uint64{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}}, // month
	{0, 6, map[string]uint64{"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}}, // day of week
}

// cronDescriptors are the named schedules (exact match, case-sensitive).
var cronDescriptors = []string{"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}

// parseCronSchedule returns the error the API server reports for schedule
// (as the detail of "spec.schedule: Invalid value"), or nil when it is
// accepted. The rules, in order:
//
//  1. "" is "empty spec string" (validation reports Required before).
//  2. A "TZ=" or "CRON_TZ=" prefix names a location up to the first space,
//     which must load (loadLocation; else "provided bad location NAME:
//     ERR"); the rest, trimmed, is the schedule. Without a space the
//     upstream parser panics: panicSliceBounds.
//  3. A schedule starting with '@' is a descriptor: one of cronDescriptors
//     exactly (no surrounding space), or "@every " followed by a
//     time.ParseDuration duration ("failed to parse duration SPEC: ERR");
//     else "unrecognized descriptor: SPEC".
//  4. Otherwise the schedule splits on white space into exactly 5 fields
//     ("expected exactly 5 fields, found N: [F1 F2 ...]"), parsed in
//     order (minute, hour, day of month, month, day of week); the first
//     bad field's error is the answer (parseCronField).
func parseCronSchedule(schedule string) error {
	spec := schedule
	if spec == "" {
		return errors.New("empty spec string")
	}
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		sp := strings.IndexByte(spec, ' ')
		if sp < 0 {
			return errors.New(panicSliceBounds)
		}
		name := spec[strings.IndexByte(spec, '=')+1 : sp]
		if err := loadLocation(name); err != nil {
			return fmt.Errorf("provided bad location %s: %v", name, err)
		}
		spec = strings.TrimSpace(spec[sp:])
	}
	if strings.HasPrefix(spec, "@") {
		return parseCronDescriptor(spec)
	}
	fields := strings.Fields(spec)
	if len(fields) != len(cronFields) {
		return fmt.Errorf("expected exactly %d fields, found %d: [%s]", len(cronFields), len(fields), strings.Join(fields, " "))
	}
	for i, f := range fields {
		if err := parseCronField(f, cronFields[i]); err != nil {
			return err
		}
	}
	return nil
}

func parseCronDescriptor(spec string) error {
	for _, d := range cronDescriptors {
		if spec == d {
			return nil
		}
	}
	const every = "@every "
	if rest, ok := strings.CutPrefix(spec, every); ok {
		if _, err := time.ParseDuration(rest); err != nil {
			return fmt.Errorf("failed to parse duration %s: %s", spec, err)
		}
		return nil
	}
	return fmt.Errorf("unrecognized descriptor: %s", spec)
}

// parseCronField checks one field: a comma-separated list of ranges (empty
// items are skipped, so "," alone is accepted), each
//
//	("*" | "?" | N ["-" M]) ["/" STEP]
//
// where N and M are non-negative integers or, for month and day of week,
// names in any case. After "*" or "?" a "-..." suffix is ignored. A single
// N with a step means N to the field's maximum. The checks, in order: N,
// then M ("too many hyphens" for a third part), then STEP ("too many
// slashes" for a third part); then start >= min, end <= max, start <= end,
// step > 0.
func parseCronField(f string, r cronField) error {
	for expr := range strings.SplitSeq(f, ",") {
		if expr == "" {
			continue
		}
		if err := parseCronRange(expr, r); err != nil {
			return err
		}
	}
	return nil
}

func parseCronRange(expr string, r cronField) error {
	rangeAndStep := strings.Split(expr, "/")
	lowAndHigh := strings.Split(rangeAndStep[0], "-")
	var start, end, step uint64
	var err error
	if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
		start, end = r.min, r.max
	} else {
		if start, err = parseCronValue(lowAndHigh[0], r.names); err != nil {
			return err
		}
		switch len(lowAndHigh) {
		case 1:
			end = start
		case 2:
			if end, err = parseCronValue(lowAndHigh[1], r.names); err != nil {
				return err
			}
		default:
			return fmt.Errorf("too many hyphens: %s", expr)
		}
	}
	switch len(rangeAndStep) {
	case 1:
		step = 1
	case 2:
		if step, err = parseCronInt(rangeAndStep[1]); err != nil {
			return err
		}
		if len(lowAndHigh) == 1 {
			end = r.max
		}
	default:
		return fmt.Errorf("too many slashes: %s", expr)
	}
	switch {
	case start < r.min:
		return fmt.Errorf("beginning of range (%d) below minimum (%d): %s", start, r.min, expr)
	case end > r.max:
		return fmt.Errorf("end of range (%d) above maximum (%d): %s", end, r.max, expr)
	case start > end:
		return fmt.Errorf("beginning of range (%d) beyond end of range (%d): %s", start, end, expr)
	case step == 0:
		return fmt.Errorf("step of range should be a positive number: %s", expr)
	}
	return nil
}

// parseCronValue is a name of names (any case) or a parseCronInt number.
func parseCronValue(s string, names map[string]uint64) (uint64, error) {
	if v, ok := names[strings.ToLower(s)]; ok {
		return v, nil
	}
	return parseCronInt(s)
}

// parseCronInt is the upstream parser's integer rule: strconv.Atoi on a
// 64-bit machine (an optional sign, decimal digits, int64 range), then
// "negative number (N) not allowed".
func parseCronInt(s string) (uint64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			err = &strconv.NumError{Func: "Atoi", Num: ne.Num, Err: ne.Err}
		}
		return 0, fmt.Errorf("failed to parse int from %s: %s", s, err)
	}
	if n < 0 {
		return 0, fmt.Errorf("negative number (%d) not allowed: %s", n, s)
	}
	return uint64(n), nil
}
