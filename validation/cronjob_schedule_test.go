package validation

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation/field"
)

// TestParseCronSchedule pins the accept/reject decision and the error text
// of the standard robfig/cron/v3 parser the API server uses. Cases marked
// "upstream" come from TestValidateScheduleFormatPanicRecovery and
// TestValidateScheduleFormatNormalCases (pkg/apis/batch/validation) and the
// schedules of TestValidateCronJob; the others are the parser's rules.
func TestParseCronSchedule(t *testing.T) {
	tests := []struct {
		schedule string
		want     string // "" = accepted
	}{
		// upstream TestValidateCronJob
		{"* * * * ?", ""},
		{"@hourly", ""},
		{"0 * * * *", ""},
		{"error", "expected exactly 5 fields, found 1: [error]"},
		// upstream TestValidateScheduleFormatPanicRecovery
		{"TZ=0", panicSliceBounds},
		{"TZ=", panicSliceBounds},
		{"CRON_TZ=UTC", panicSliceBounds},
		{"TZ=Invalid/Timezone", panicSliceBounds},
		// upstream TestValidateScheduleFormatNormalCases
		{"0 0 * * *", ""},
		{"TZ=UTC 0 0 * * *", ""},
		// strategy_test
		{"5 5 * * ?", ""},
		{"CRON_TZ=UTC 5 5 * * ?", ""},
		// time zone prefix
		{"TZ=Europe/Rome 0 0 * * *", ""},
		{"TZ= 0 0 * * *", ""},
		{"TZ=Local 0 0 * * *", ""},
		{"TZ=Bad/Zone 0 0 * * *", "provided bad location Bad/Zone: unknown time zone Bad/Zone"},
		{"TZ=a..b 0 0 * * *", "provided bad location a..b: time: invalid location name"},
		{"TZ=/etc/localtime 0 0 * * *", "provided bad location /etc/localtime: time: invalid location name"},
		{"TZ=UTC ", "expected exactly 5 fields, found 0: []"},
		{"TZ=UTC @daily", ""},
		{"TZ=UTC  @daily ", ""},
		{"tz=UTC 0 0 * * *", "expected exactly 5 fields, found 6: [tz=UTC 0 0 * * *]"},
		// descriptors
		{"@yearly", ""}, {"@annually", ""}, {"@monthly", ""}, {"@weekly", ""}, {"@daily", ""}, {"@midnight", ""},
		{"@every 1h30m", ""}, {"@every 0s", ""}, {"@every -5m", ""}, {"@every 1.5h", ""},
		{"@Hourly", "unrecognized descriptor: @Hourly"},
		{"@hourly ", "unrecognized descriptor: @hourly "},
		{" @hourly", "expected exactly 5 fields, found 1: [@hourly]"},
		{"@every", "unrecognized descriptor: @every"},
		{"@every ", `failed to parse duration @every : time: invalid duration ""`},
		{"@every 1d", `failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"`},
		{"@every 1h ", `failed to parse duration @every 1h : time: unknown unit "h " in duration "1h "`},
		{"@reboot", "unrecognized descriptor: @reboot"},
		// field count
		{"* * * *", "expected exactly 5 fields, found 4: [* * * *]"},
		{"0 * * * * *", "expected exactly 5 fields, found 6: [0 * * * * *]"},
		{"   ", "expected exactly 5 fields, found 0: []"},
		{"\t*\t*\n*  *\v*", ""},
		// values, ranges, steps, lists
		{"*/15 * * * *", ""}, {"0-59/5 * * * *", ""}, {"5/10 * * * *", ""}, {"1,2,,3 * * * *", ""},
		{", * * * *", ""}, {"*-5 * * * *", ""}, {"?/0 * * * *", "step of range should be a positive number: ?/0"},
		{"+5 * * * *", ""}, {"007 * * * *", ""},
		{"60 * * * *", "end of range (60) above maximum (59): 60"},
		{"* 24 * * *", "end of range (24) above maximum (23): 24"},
		{"* * 0 * *", "beginning of range (0) below minimum (1): 0"},
		{"* * 32 * *", "end of range (32) above maximum (31): 32"},
		{"* * * 0 *", "beginning of range (0) below minimum (1): 0"},
		{"* * * 13 *", "end of range (13) above maximum (12): 13"},
		{"* * * * 7", "end of range (7) above maximum (6): 7"},
		{"* * * JAN-dec MON-Fri", ""},
		{"* * * jan-13 *", "end of range (13) above maximum (12): jan-13"},
		{"* * * * mon-sun", "beginning of range (1) beyond end of range (0): mon-sun"},
		{"jan * * * *", `failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax`},
		{"10-5 * * * *", "beginning of range (10) beyond end of range (5): 10-5"},
		{"1-2-3 * * * *", "too many hyphens: 1-2-3"},
		{"1/2/3 * * * *", "too many slashes: 1/2/3"},
		{"*/0 * * * *", "step of range should be a positive number: */0"},
		{"*/-1 * * * *", "negative number (-1) not allowed: -1"},
		{"1- * * * *", `failed to parse int from : strconv.Atoi: parsing "": invalid syntax`},
		{"-1 * * * *", `failed to parse int from : strconv.Atoi: parsing "": invalid syntax`},
		{"*/x * * * *", `failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax`},
		{"99999999999999999999 * * * *", `failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range`},
		{"9223372036854775807 * * * *", "end of range (9223372036854775807) above maximum (59): 9223372036854775807"},
		{"*/9223372036854775807 * * * *", ""},
		{"1_0 * * * *", `failed to parse int from 1_0: strconv.Atoi: parsing "1_0": invalid syntax`},
		{"0x1 * * * *", `failed to parse int from 0x1: strconv.Atoi: parsing "0x1": invalid syntax`},
		// the first bad field wins
		{"61 25 * * *", "end of range (61) above maximum (59): 61"},
		{"* 25 0 * *", "end of range (25) above maximum (23): 25"},
	}
	for _, tc := range tests {
		t.Run(tc.schedule, func(t *testing.T) {
			err := parseCronSchedule(tc.schedule)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("parseCronSchedule(%q)\n got  %q\n want %q", tc.schedule, got, tc.want)
			}
		})
	}
}

// TestValidateScheduleFormat translates upstream
// TestValidateScheduleFormatPanicRecovery and
// TestValidateScheduleFormatNormalCases with their full expected lists.
func TestValidateScheduleFormat(t *testing.T) {
	utc := "UTC"
	p := field.NewPath("spec", "schedule")
	tzMsg := "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
	tests := []struct {
		name     string
		schedule string
		allowTZ  bool
		tz       *string
		want     field.ErrorList
	}{
		{"PanicRecovery/TZ=0 without space should not panic", "TZ=0", false, nil,
			field.ErrorList{inv("spec.schedule", "TZ=0", panicSliceBounds), inv("spec.schedule", "TZ=0", tzMsg)}},
		{"PanicRecovery/TZ= without value should not panic", "TZ=", false, nil,
			field.ErrorList{inv("spec.schedule", "TZ=", panicSliceBounds), inv("spec.schedule", "TZ=", tzMsg)}},
		{"PanicRecovery/CRON_TZ= without space should not panic", "CRON_TZ=UTC", false, nil,
			field.ErrorList{inv("spec.schedule", "CRON_TZ=UTC", panicSliceBounds), inv("spec.schedule", "CRON_TZ=UTC", tzMsg)}},
		{"PanicRecovery/malformed timezone spec should not panic", "TZ=Invalid/Timezone", false, nil,
			field.ErrorList{inv("spec.schedule", "TZ=Invalid/Timezone", panicSliceBounds), inv("spec.schedule", "TZ=Invalid/Timezone", tzMsg)}},
		{"NormalCases/valid schedule without timezone", "0 0 * * *", false, nil, nil},
		{"NormalCases/valid schedule with timezone field", "0 0 * * *", false, &utc, nil},
		{"NormalCases/TZ in schedule when not allowed", "TZ=UTC 0 0 * * *", false, nil,
			field.ErrorList{inv("spec.schedule", "TZ=UTC 0 0 * * *", tzMsg)}},
		{"NormalCases/TZ in schedule when allowed", "TZ=UTC 0 0 * * *", true, nil, nil},
		{"NormalCases/TZ in schedule with timezone field", "TZ=UTC 0 0 * * *", true, &utc,
			field.ErrorList{inv("spec.schedule", "TZ=UTC 0 0 * * *", "cannot use both timeZone field and TZ or CRON_TZ in schedule")}},
		{"TZ anywhere counts", "@every 1hTZ", false, nil, field.ErrorList{
			inv("spec.schedule", "@every 1hTZ", `failed to parse duration @every 1hTZ: time: unknown unit "hTZ" in duration "1hTZ"`),
			inv("spec.schedule", "@every 1hTZ", tzMsg)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkErrors(t, validateScheduleFormat(tc.schedule, tc.allowTZ, tc.tz, p), tc.want)
		})
	}
}

// FuzzParseCronSchedule: the parser never panics, answers the same twice,
// and a rejection always has a text; an accepted five-field schedule stays
// accepted with its fields re-joined by single spaces.
func FuzzParseCronSchedule(f *testing.F) {
	for _, s := range []string{"* * * * ?", "@every 1h", "TZ=UTC 0 0 * * *", "TZ=", "1-2/3,4 * * jan-dec sun", "*/0 * * * *", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := parseCronSchedule(s)
		again := parseCronSchedule(s)
		if (err == nil) != (again == nil) || (err != nil && err.Error() != again.Error()) {
			t.Fatalf("not deterministic: %v / %v", err, again)
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error text")
		}
		if err == nil && !strings.HasPrefix(s, "@") && !strings.Contains(s, "TZ=") {
			if f := strings.Fields(s); len(f) == 5 {
				if e := parseCronSchedule(strings.Join(f, " ")); e != nil {
					t.Fatalf("%q accepted but its normal form is not: %v", s, e)
				}
			}
		}
	})
}
