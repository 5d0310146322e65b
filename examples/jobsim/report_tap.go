package main

import (
	"bufio"
	"fmt"
	"strings"
)

// tapReporter writes the Test Anything Protocol, version 13: one test
// point per object or input error, "ok" for a valid object, "ok ... #
// SKIP" for a skipped one, "not ok" with a YAML diagnostic block for an
// invalid object or an input error; the plan comes last (the count is not
// known before).
type tapReporter struct {
	w       *bufio.Writer
	summary bool
	n       int
}

func (r *tapReporter) verdict(v *verdict) {
	if r.n == 0 {
		r.w.WriteString("TAP version 13\n")
	}
	r.n++
	desc := v.File
	if pos := v.position(); pos != "" {
		desc += " " + pos
	}
	if v.Kind != "" {
		desc += ": " + v.subject()
	}
	desc = tapEscape(desc)
	switch v.Status {
	case statusValid:
		fmt.Fprintf(r.w, "ok %d - %s\n", r.n, desc)
	case statusSkipped:
		fmt.Fprintf(r.w, "ok %d - %s # SKIP %s\n", r.n, desc, tapEscape(v.Message))
	default:
		fmt.Fprintf(r.w, "not ok %d - %s\n", r.n, desc)
		fmt.Fprintf(r.w, "  ---\n  message: %s\n  severity: %s\n  file: %s\n", yamlQuote(v.Message), v.Status, yamlQuote(v.File))
		if v.Line > 0 {
			fmt.Fprintf(r.w, "  line: %d\n", v.Line)
		}
		if len(v.Errors) > 0 {
			r.w.WriteString("  errors:\n")
			for _, p := range v.Errors {
				fmt.Fprintf(r.w, "  - {line: %d, field: %s, type: %s, message: %s}\n", p.Line, yamlQuote(p.Field), p.Type, yamlQuote(p.Message))
			}
		}
		r.w.WriteString("  ...\n")
	}
	for _, w := range v.Warnings {
		fmt.Fprintf(r.w, "# Warning: %s: %s\n", desc, tapEscape(w.Message))
	}
}

func (r *tapReporter) finish(s *summary) {
	if r.n == 0 {
		r.w.WriteString("TAP version 13\n")
	}
	fmt.Fprintf(r.w, "1..%d\n", r.n)
	if r.summary {
		fmt.Fprintf(r.w, "# summary: %s\n", s)
	}
}

// tapEscape keeps a description on one line and escapes the characters TAP
// gives a meaning there (# starts a directive).
func tapEscape(s string) string {
	return strings.NewReplacer("\\", "\\\\", "#", "\\#", "\n", " ", "\r", " ").Replace(s)
}

// yamlQuote renders s as a double-quoted YAML scalar (JSON string syntax,
// which YAML reads the same).
func yamlQuote(s string) string {
	return jsonString(s)
}
