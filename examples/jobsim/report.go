package main

import (
	"bufio"
	"fmt"
)

// reporter writes verdicts in one output format (-o), in the order given,
// then whatever the format puts after them.
type reporter interface {
	verdict(v *verdict)
	finish(s *summary)
}

// reporters are the output formats by -o name; each gets the output and
// whether --summary was given.
var reporters = map[string]func(w *bufio.Writer, withSummary bool) reporter{
	"text":   func(w *bufio.Writer, s bool) reporter { return &textReporter{w: w, summary: s} },
	"json":   func(w *bufio.Writer, _ bool) reporter { return &jsonReporter{w: w} },
	"junit":  func(w *bufio.Writer, _ bool) reporter { return &junitReporter{w: w} },
	"tap":    func(w *bufio.Writer, s bool) reporter { return &tapReporter{w: w, summary: s} },
	"sarif":  func(w *bufio.Writer, _ bool) reporter { return &sarifReporter{w: w} },
	"github": func(w *bufio.Writer, s bool) reporter { return &githubReporter{w: w, summary: s} },
}

// reporterNames lists the formats for messages, in the order of --help.
var reporterNames = []string{"text", "json", "junit", "tap", "sarif", "github"}

// textReporter writes one line per object,
//
//	FILE:LINE: document N: KIND NAMESPACE/NAME: VERDICT[: MESSAGE]
//
// then, for an invalid object, one indented line per error with its
// field's line, and a line per warning. Input errors are left to standard
// error (validateMain writes them there).
type textReporter struct {
	w       *bufio.Writer
	summary bool
}

func (r *textReporter) verdict(v *verdict) {
	if v.Status == statusError {
		return
	}
	head := location(v.File, v.Line) + ": " + v.position() + ": " + v.subject()
	switch v.Status {
	case statusValid:
		fmt.Fprintf(r.w, "%s: valid\n", head)
	case statusSkipped:
		fmt.Fprintf(r.w, "%s: %s\n", head, v.Message)
	case statusInvalid:
		fmt.Fprintf(r.w, "%s: invalid: %s\n", head, v.Message)
		for _, p := range v.Errors {
			if p.Line > 0 {
				fmt.Fprintf(r.w, "  line %d: %s\n", p.Line, p.Message)
			} else {
				fmt.Fprintf(r.w, "  %s\n", p.Message)
			}
		}
	}
	for _, w := range v.Warnings {
		fmt.Fprintf(r.w, "%s: Warning: %s\n", head, w.Message)
	}
}

func (r *textReporter) finish(s *summary) {
	if r.summary {
		fmt.Fprintf(r.w, "summary: %s\n", s)
	}
}
