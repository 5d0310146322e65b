package jobtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// ParseFile reads and parses the scenario file at path; the scenario is
// named path.
func ParseFile(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses a scenario file strictly: an unknown or repeated key, a
// value of the wrong kind, a bad duration or an unknown field in a Job,
// pod or status document is a *ParseError naming the line and the key. The rules checked beyond the keys: `job` is required,
// `steps` are in non-decreasing order of `at`, `invalid` at the top level
// excludes `steps`, and `invalid` in a step needs its `job` or
// `statusUpdate`.
func Parse(name string, data []byte) (*Scenario, error) {
	doc, err := parseYAML(data)
	if err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		return nil, &ParseError{Msg: "empty file"}
	}
	top, err := manifest.Members(doc, "", "description", "start", "job", "backoff", "warnings",
		"invalid", "defaulted", "pods", "steps")
	if err != nil {
		return nil, err
	}
	sc := &Scenario{Name: name, Start: DefaultStart}
	byKey := map[string]manifest.Member{}
	for _, m := range top {
		byKey[m.Key] = m
	}
	// start first: every other time depends on it.
	if m, ok := byKey["start"]; ok {
		s, err := str(m.Value, "start")
		if err != nil {
			return nil, err
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil, errAt(m.Value, "start", "want an RFC 3339 time like 2026-01-01T00:00:00Z, got %q", s)
		}
		sc.Start = t.UTC()
	}
	if _, ok := byKey["job"]; !ok {
		return nil, errAt(deref(doc), "job", "required key missing")
	}
	for _, m := range top {
		if err := sc.parseTop(m); err != nil {
			return nil, err
		}
	}
	if sc.Invalid != nil && sc.Steps != nil {
		return nil, errAt(byKey["steps"].KeyNode, "steps", "a scenario whose Job is invalid has no steps")
	}
	return sc, nil
}

func (sc *Scenario) parseTop(m manifest.Member) error {
	if m.Key != "job" && isNull(m.Value) {
		return nil // an optional key written with no value is absent
	}
	var err error
	switch m.Key {
	case "description":
		sc.Description, err = str(m.Value, m.Key)
	case "job":
		sc.Job, err = sc.parseJob(m.Value)
	case "backoff":
		sc.Backoff, err = sc.parseBackoff(m.Value)
	case "warnings":
		sc.Warnings, err = stringList(m.Value, m.Key)
	case "invalid":
		sc.Invalid, err = parseInvalid(m.Value, m.Key)
	case "defaulted":
		sc.Defaulted, err = sc.partial(m.Value, m.Key, &job.Job{})
	case "pods":
		sc.Pods, err = sc.parsePodChanges(m.Value, m.Key)
	case "steps":
		sc.Steps, err = sc.parseSteps(m.Value)
	}
	return err
}

func (sc *Scenario) parseJob(n *yaml.Node) (*job.Job, error) {
	if err := offsetsToTimes(n, "job", sc.Start); err != nil {
		return nil, err
	}
	namesToUIDs(n)
	var j job.Job
	if err := manifest.DecodeNode(n, &j); err != nil {
		return nil, locate(err, "job")
	}
	return &j, nil
}

func (sc *Scenario) parseBackoff(n *yaml.Node) (*job.BackoffRecord, error) {
	ms, err := manifest.Members(n, "backoff", "failures", "lastFailure")
	if err != nil {
		return nil, err
	}
	var b job.BackoffRecord
	for _, m := range ms {
		p := join("backoff", m.Key)
		switch m.Key {
		case "failures":
			b.FailuresAfterLastSuccess, err = int32Of(m.Value, p)
		case "lastFailure":
			var d time.Duration
			d, err = duration(m.Value, p)
			b.LastFailureTime = sc.Start.Add(d)
		}
		if err != nil {
			return nil, err
		}
	}
	return &b, nil
}

func parseInvalid(n *yaml.Node, path string) ([]ExpectedError, error) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(n, path, "want a list of errors, got %s", manifest.DescribeNode(n))
	}
	out := make([]ExpectedError, 0, len(n.Content))
	for i, c := range n.Content {
		p := indexPath(path, i)
		ms, err := manifest.Members(c, p, "field", "type", "detail")
		if err != nil {
			return nil, err
		}
		var e ExpectedError
		for _, m := range ms {
			var s string
			if s, err = str(m.Value, join(p, m.Key)); err != nil {
				return nil, err
			}
			switch m.Key {
			case "field":
				e.Field = s
			case "type":
				if !slices.Contains(errorTypeTexts, s) {
					return nil, errAt(m.Value, join(p, m.Key), "unknown error type %q (want one of %q)", s, errorTypeTexts)
				}
				e.Type = s
			case "detail":
				e.Detail = s
			}
		}
		if e.Field == "" || e.Type == "" {
			return nil, errAt(c, p, "an expected error needs field and type")
		}
		out = append(out, e)
	}
	return out, nil
}

// errorTypeTexts are the API server's texts of field error types.
var errorTypeTexts = []string{"Required value", "Invalid value", "Unsupported value", "Forbidden",
	"Duplicate value", "Too long", "Too many", "Too few", "Too short", "Not found", "Internal error"}

// partial turns the node at path into a comparison tree, after checking
// it decodes strictly into check (a pointer to a job type). Times become
// RFC 3339 strings; null stays nil.
func (sc *Scenario) partial(n *yaml.Node, path string, check any) (any, error) {
	if isNull(n) {
		return nil, errAt(n, path, "want a partial object, got null")
	}
	if err := offsetsToTimes(n, path, sc.Start); err != nil {
		return nil, err
	}
	if check != nil {
		if err := manifest.DecodeNode(n, check); err != nil {
			return nil, locate(err, path)
		}
	}
	return nodeTree(n, path)
}

// nodeTree converts a node to map[string]any / []any / scalars, numbers as
// int64 or float64.
func nodeTree(n *yaml.Node, path string) (any, error) {
	b, err := manifest.NodeToJSON(n)
	if err != nil {
		return nil, locate(err, path)
	}
	return jsonTree(b)
}

func jsonTree(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return normalizeNumbers(v), nil
}

func normalizeNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeNumbers(e)
		}
	}
	return v
}

func (sc *Scenario) parseSteps(n *yaml.Node) ([]ScenarioStep, error) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(n, "steps", "want a list of steps, got %s", manifest.DescribeNode(n))
	}
	out := make([]ScenarioStep, 0, len(n.Content))
	for i, c := range n.Content {
		st, err := sc.parseStep(c, indexPath("steps", i))
		if err != nil {
			return nil, err
		}
		if i > 0 && st.At < out[i-1].At {
			return nil, errAt(c, indexPath("steps", i)+".at", "steps must be in non-decreasing order of at (%s after %s)", st.At, out[i-1].At)
		}
		out = append(out, st)
	}
	return out, nil
}

func (sc *Scenario) parseStep(n *yaml.Node, path string) (ScenarioStep, error) {
	st := ScenarioStep{Line: deref(n).Line}
	ms, err := manifest.Members(n, path, "at", "job", "statusUpdate", "deleteJob", "invalid", "pods", "expect")
	if err != nil {
		return st, err
	}
	hasAt := false
	var invalidN *yaml.Node
	for _, m := range ms {
		p := join(path, m.Key)
		if m.Key != "at" && isNull(m.Value) {
			continue // an optional key written with no value is absent
		}
		switch m.Key {
		case "at":
			hasAt = true
			st.At, err = duration(m.Value, p)
		case "job":
			st.JobPatch, err = sc.patch(m.Value, p, &job.Job{})
		case "statusUpdate":
			st.StatusPatch, err = sc.patch(m.Value, p, &job.JobStatus{})
		case "deleteJob":
			st.DeleteJob, err = boolean(m.Value, p)
		case "invalid":
			invalidN = m.KeyNode
			st.Invalid, err = parseInvalid(m.Value, p)
		case "pods":
			st.Pods, err = sc.parsePodChanges(m.Value, p)
		case "expect":
			st.Expect, err = sc.parseExpect(m.Value, p)
		}
		if err != nil {
			return st, err
		}
	}
	if !hasAt {
		return st, errAt(n, join(path, "at"), "required key missing")
	}
	if invalidN != nil && st.JobPatch == nil && st.StatusPatch == nil {
		return st, errAt(invalidN, join(path, "invalid"), "invalid needs the step's job or statusUpdate")
	}
	return st, nil
}

// patch converts a merge-patch node to JSON after checking its keys
// against check.
func (sc *Scenario) patch(n *yaml.Node, path string, check any) ([]byte, error) {
	if deref(n).Kind != yaml.MappingNode {
		return nil, errAt(n, path, "want a mapping (a JSON merge patch), got %s", manifest.DescribeNode(deref(n)))
	}
	if err := offsetsToTimes(n, path, sc.Start); err != nil {
		return nil, err
	}
	namesToUIDs(n)
	if err := manifest.DecodeNode(n, check); err != nil {
		return nil, locate(err, path)
	}
	b, err := manifest.NodeToJSON(n)
	if err != nil {
		return nil, locate(err, path)
	}
	return b, nil
}

// parseYAML parses the first YAML document of data (yaml.Unmarshal's
// rule). A syntax error, or a panic inside yaml.v3 on hostile input, is a
// *ParseError.
func parseYAML(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &ParseError{Msg: fmt.Sprintf("invalid YAML: parser failure: %v", r)}
		}
	}()
	doc = new(yaml.Node)
	if err := yaml.Unmarshal(data, doc); err != nil {
		return nil, manifest.SyntaxError(err)
	}
	return doc, nil
}

// locate re-roots a manifest error found in the document at path, so that
// every format error reads "line N: full.path: message".
func locate(err error, path string) error {
	var me *manifest.Error
	if errors.As(err, &me) {
		p := path
		switch {
		case me.Path == "":
		case me.Path[0] == '[':
			p += me.Path
		default:
			p += "." + me.Path
		}
		return &ParseError{Line: me.Line, Column: me.Column, Path: p, Msg: me.Msg}
	}
	return fmt.Errorf("%s: %w", path, err)
}
