package main

import (
	"bufio"
	"fmt"
	"strings"
)

// githubReporter writes GitHub Actions workflow commands, which the
// runner turns into annotations on the file and line:
//
//	::error file=jobs/pi.yaml,line=6,title=Job default/pi::spec.completions: Invalid value: ...
//
// one ::error per validation or decoding error, one ::warning per
// warning, one ::error per input error; valid and skipped objects print
// nothing. --summary adds a ::notice with the counts.
type githubReporter struct {
	w       *bufio.Writer
	summary bool
}

func (r *githubReporter) verdict(v *verdict) {
	title := v.subject()
	if pos := v.position(); pos != "" && v.Kind != "" {
		title += " (" + pos + ")"
	}
	for _, p := range v.Errors {
		line := p.Line
		if line == 0 {
			line = v.Line
		}
		r.command("error", v.File, line, title, p.Message)
	}
	for _, w := range v.Warnings {
		r.command("warning", v.File, v.Line, title, w.Message)
	}
}

func (r *githubReporter) command(kind, file string, line int, title, msg string) {
	fmt.Fprintf(r.w, "::%s file=%s", kind, ghProperty(file))
	if line > 0 {
		fmt.Fprintf(r.w, ",line=%d", line)
	}
	fmt.Fprintf(r.w, ",title=%s::%s\n", ghProperty("jobsim: "+title), ghData(msg))
}

func (r *githubReporter) finish(s *summary) {
	if r.summary {
		fmt.Fprintf(r.w, "::notice title=jobsim validate::%s\n", ghData(s.String()))
	}
}

// ghData escapes a workflow command's message (%, CR, LF), as the
// actions toolkit does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value: as ghData, and
// also ':' and ','.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
