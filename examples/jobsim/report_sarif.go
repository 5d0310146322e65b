package main

import (
	"bufio"
	"encoding/json"
	"net/url"
	"path/filepath"
)

// sarifReporter writes a SARIF 2.1.0 log (the format of GitHub code
// scanning): one run of the tool jobsim whose rules are the problem types
// (the API server's field error types, Decode, RejectedKind, NotFound,
// Warning, ReadError, ParseError) and one result per problem, at its file
// and line. Valid and skipped objects have no result.
type sarifReporter struct {
	w       *bufio.Writer
	results []sarifResult
}

// sarifRules are the rules every log declares, in this order (ruleIndex
// refers to it).
var sarifRules = []struct{ id, text string }{
	{"FieldValueNotFound", "A referenced value could not be found."},
	{"FieldValueRequired", "A required value is missing."},
	{"FieldValueDuplicate", "A value that must be unique is repeated."},
	{"FieldValueInvalid", "A malformed or out-of-range value."},
	{"FieldValueNotSupported", "A value outside the supported values."},
	{"FieldValueForbidden", "A value not allowed here."},
	{"FieldValueTooLong", "A value too long."},
	{"FieldValueTooMany", "A list with too many items."},
	{"FieldValueTooFew", "A list with too few items."},
	{"FieldValueTooShort", "A value too short."},
	{"InternalError", "A failure not caused by the input."},
	{"FieldValueTypeInvalid", "A value of the wrong type."},
	{typeDecode, "The manifest does not decode strictly (unknown field, wrong type)."},
	{typeRejectedKind, "An object of a kind listed in --reject-kinds."},
	{typeNotFound, "A write to an object that is not stored."},
	{typeRefused, "A request the API server refuses as a whole (namespace mismatch, resourceVersion on create)."},
	{typeWarning, "A warning the API server sends with its answer."},
	{typeRead, "An input that could not be read."},
	{typeParse, "A document that is not valid YAML or not a Kubernetes object."},
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

func (r *sarifReporter) verdict(v *verdict) {
	subject := v.subject()
	for _, p := range v.Errors {
		line := p.Line
		if line == 0 {
			line = v.Line
		}
		r.add(p.Type, "error", v.File, line, subject+": "+p.Message)
	}
	for _, w := range v.Warnings {
		r.add(typeWarning, "warning", v.File, v.Line, subject+": "+w.Message)
	}
}

func (r *sarifReporter) add(rule, level, file string, line int, msg string) {
	index := 0
	for i, ru := range sarifRules {
		if ru.id == rule {
			index = i
		}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(file)}}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line}
	}
	r.results = append(r.results, sarifResult{RuleID: sarifRules[index].id, RuleIndex: index, Level: level,
		Message: sarifMessage{Text: msg}, Locations: []sarifLocation{loc}})
}

func (r *sarifReporter) finish(*summary) {
	rules := make([]sarifRule, len(sarifRules))
	for i, ru := range sarifRules {
		rules[i] = sarifRule{ID: ru.id, ShortDescription: sarifMessage{Text: ru.text}}
	}
	results := r.results
	if results == nil {
		results = []sarifResult{}
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{Name: "jobsim", Version: moduleVersion(),
				InformationURI: "https://github.com/jobkit/jobkit", Rules: rules}},
			Results: results,
		}},
	}
	b, _ := json.MarshalIndent(log, "", "  ") // plain strings and numbers always marshal
	r.w.Write(b)
	r.w.WriteString("\n")
}

// fileURI renders a path as a SARIF artifact URI: a relative reference
// with forward slashes for a relative path, a file: URI for an absolute
// one.
func fileURI(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	if filepath.IsAbs(path) {
		u.Scheme = "file"
	}
	return u.String()
}
