package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// status is the outcome for one object.
type status string

const (
	// statusValid: the API server would accept the object.
	statusValid status = "valid"
	// statusInvalid: it would reject it (validation or decoding errors,
	// or its kind is rejected by --reject-kinds).
	statusInvalid status = "invalid"
	// statusSkipped: not a kind jobsim validates, or skipped by
	// --skip-kinds.
	statusSkipped status = "skipped"
	// statusError: the input could not be read or parsed as YAML objects.
	statusError status = "error"
)

// problem is one error or warning about an object.
type problem struct {
	// Line is the source line of the field (0: unknown).
	Line int `json:"line,omitempty"`
	// Field is the field path ("spec.completions"); empty for a problem
	// with the whole object.
	Field string `json:"field,omitempty"`
	// Type names the kind of problem: a validation error type as the API
	// server names it ("FieldValueInvalid", "FieldValueRequired", ...),
	// or "Decode" (the manifest does not decode strictly), "Refused" (the
	// request is refused as a whole), "NotFound", "RejectedKind",
	// "Warning", "ReadError", "ParseError".
	Type string `json:"type"`
	// Message is the problem as the API server (or the decoder) words it:
	// "spec.completions: Invalid value: -1: must be greater than or equal to 0".
	Message string `json:"message"`
}

// Problem types beyond the API server's field error types.
const (
	typeDecode       = "Decode"
	typeRejectedKind = "RejectedKind"
	typeNotFound     = "NotFound"
	typeRefused      = "Refused"
	typeWarning      = "Warning"
	typeRead         = "ReadError"
	typeParse        = "ParseError"
)

// verdict is the result for one object (or for a file or document that
// could not be read or parsed, with status error).
type verdict struct {
	File string `json:"file"`
	// Document is the document's number in the file, from 1; 0 when the
	// file could not be read.
	Document int `json:"document,omitempty"`
	// Item is the object's index in a List's items (absent otherwise).
	Item *int `json:"item,omitempty"`
	// Line is the source line of the object (or of the parse error).
	Line         int    `json:"line,omitempty"`
	APIVersion   string `json:"apiVersion,omitempty"`
	Kind         string `json:"kind,omitempty"`
	Namespace    string `json:"namespace,omitempty"`
	Name         string `json:"name,omitempty"`
	GenerateName string `json:"generateName,omitempty"`
	// Operation is what was validated: create, update or status (a status
	// update); empty for objects not validated.
	Operation string `json:"operation,omitempty"`
	Status    status `json:"status"`
	// Message sums the verdict up: the API server's whole answer for an
	// invalid object (`Job.batch "pi" is invalid: [...]`), the reason for a
	// skipped one, the error for an unreadable or unparsable input.
	Message  string    `json:"message,omitempty"`
	Errors   []problem `json:"errors,omitempty"`
	Warnings []problem `json:"warnings,omitempty"`
}

// verdictFor starts the verdict of o.
func verdictFor(o *object) verdict {
	v := verdict{File: o.file, Document: o.doc, Line: o.line, APIVersion: o.apiVersion, Kind: o.kind,
		Namespace: o.namespace, Name: o.name, GenerateName: o.generateName}
	if o.item >= 0 {
		item := o.item
		v.Item = &item
	}
	return v
}

// subject renders what the verdict is about: `Job team-a/pi`, `Job pi-*`
// (generateName), `ConfigMap <unnamed>`; for an input error the document
// or the file.
func (v *verdict) subject() string {
	if v.Kind == "" {
		if v.Document == 0 {
			return "file"
		}
		return fmt.Sprintf("document %d", v.Document)
	}
	name := v.Name
	switch {
	case name == "" && v.GenerateName != "":
		name = v.GenerateName + "*"
	case name == "":
		name = "<unnamed>"
	}
	if v.Namespace != "" {
		name = v.Namespace + "/" + name
	}
	return v.Kind + " " + name
}

// position renders the document (and List item) the verdict is about,
// "document 2" or "document 2, items[3]"; "" for a whole file.
func (v *verdict) position() string {
	if v.Document == 0 {
		return ""
	}
	s := fmt.Sprintf("document %d", v.Document)
	if v.Item != nil {
		s += fmt.Sprintf(", items[%d]", *v.Item)
	}
	return s
}

// location renders "file:line" (or just the file when the line is unknown).
func location(file string, line int) string {
	if line <= 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// summary counts verdicts by status. Files is counted by the caller (a
// file may hold no object).
type summary struct {
	Files     int `json:"files"`
	Documents int `json:"documents"`
	Objects   int `json:"objects"`
	Valid     int `json:"valid"`
	Invalid   int `json:"invalid"`
	Skipped   int `json:"skipped"`
	Errors    int `json:"errors"`
	// SkippedKinds counts the skipped objects by kind, as "apiVersion/kind".
	SkippedKinds map[string]int `json:"skippedKinds,omitempty"`

	lastFile string
	lastDoc  int
}

// add counts v.
func (s *summary) add(v *verdict) {
	if v.File != s.lastFile {
		s.lastFile, s.lastDoc = v.File, 0
	}
	if v.Document > 0 && v.Document != s.lastDoc {
		s.Documents++
		s.lastDoc = v.Document
	}
	if v.Kind != "" {
		s.Objects++
	}
	switch v.Status {
	case statusValid:
		s.Valid++
	case statusInvalid:
		s.Invalid++
	case statusSkipped:
		s.Skipped++
		if s.SkippedKinds == nil {
			s.SkippedKinds = map[string]int{}
		}
		s.SkippedKinds[gvk(v.APIVersion, v.Kind)]++
	case statusError:
		s.Errors++
	}
}

// exitCode is the process status the counts call for: 3 when any input
// could not be read or parsed, else 1 when any object is invalid, else 0.
func (s *summary) exitCode() int {
	switch {
	case s.Errors > 0:
		return exitInputError
	case s.Invalid > 0:
		return exitInvalid
	}
	return exitOK
}

// String renders the summary line: "12 objects in 3 files: 9 valid,
// 2 invalid, 1 skipped (ConfigMap), 0 errors".
func (s *summary) String() string {
	skipped := fmt.Sprintf("%d skipped", s.Skipped)
	if len(s.SkippedKinds) > 0 {
		kinds := make([]string, 0, len(s.SkippedKinds))
		for _, k := range slices.Sorted(maps.Keys(s.SkippedKinds)) {
			kinds = append(kinds, fmt.Sprintf("%s: %d", k, s.SkippedKinds[k]))
		}
		skipped += " (" + strings.Join(kinds, ", ") + ")"
	}
	return fmt.Sprintf("%s in %s (%s): %d valid, %d invalid, %s, %s",
		plural(s.Objects, "object"), plural(s.Files, "file"), plural(s.Documents, "document"),
		s.Valid, s.Invalid, skipped, plural(s.Errors, "error"))
}

// gvk renders an apiVersion and kind as "batch/v1/Job" ("v1/ConfigMap";
// just the kind when the apiVersion is missing).
func gvk(apiVersion, kind string) string {
	if apiVersion == "" {
		return kind
	}
	return apiVersion + "/" + kind
}
