package main

import (
	"bufio"
	"encoding/xml"
	"strings"
)

// junitReporter writes JUnit XML as CI systems read it (the Ant/Jenkins
// schema): a <testsuites> of one <testsuite> per file, one <testcase> per
// object (or input error) named by its document and object, with a
// <failure> for an invalid object, an <error> for an input that could not
// be read or parsed, and <skipped> for a skipped one. The failure's text
// lists each error with its line. Times are not measured (no time
// attributes, which the schema makes optional).
type junitReporter struct {
	w      *bufio.Writer
	suites []junitSuite
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

func (r *junitReporter) verdict(v *verdict) {
	if len(r.suites) == 0 || r.suites[len(r.suites)-1].Name != v.File {
		r.suites = append(r.suites, junitSuite{Name: v.File})
	}
	s := &r.suites[len(r.suites)-1]
	name := v.position()
	if v.Kind != "" {
		name += ": " + v.subject()
	}
	if name == "" {
		name = "read " + v.File
	}
	c := junitCase{Name: name, Classname: v.File}
	var details []string
	for _, p := range v.Errors {
		details = append(details, location(v.File, p.Line)+": "+p.Message)
	}
	for _, w := range v.Warnings {
		c.SystemOut += "Warning: " + w.Message + "\n"
	}
	s.Tests++
	switch v.Status {
	case statusInvalid:
		s.Failures++
		c.Failure = &junitProblem{Message: v.Message, Type: firstType(v), Text: strings.Join(details, "\n")}
	case statusError:
		s.Errors++
		c.Error = &junitProblem{Message: v.Message, Type: firstType(v), Text: strings.Join(details, "\n")}
	case statusSkipped:
		s.Skipped++
		c.Skipped = &junitSkipped{Message: v.Message}
	}
	s.Cases = append(s.Cases, c)
}

func (r *junitReporter) finish(*summary) {
	all := junitSuites{Name: "jobsim validate", Suites: r.suites}
	for _, s := range r.suites {
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Skipped += s.Skipped
	}
	r.w.WriteString(xml.Header)
	b, _ := xml.MarshalIndent(all, "", "  ") // plain strings and numbers always marshal
	r.w.Write(b)
	r.w.WriteString("\n")
}

// firstType is the type of the verdict's first error ("" for none).
func firstType(v *verdict) string {
	if len(v.Errors) == 0 {
		return ""
	}
	return v.Errors[0].Type
}
