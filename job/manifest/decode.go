package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
)

// MaxInputBytes is the largest input DecodeJob, DecodeCronJob, DecodePod
// and DecodeJobs accept: 3 MiB, the API server's limit on a request body.
// Larger input is rejected before parsing. Memory is linear below it; the worst case is a
// flow list of one-digit numbers, for which yaml.v3's node tree takes about
// 120 bytes per input byte (some 400 MB at the limit). Callers that decode
// untrusted input under a tighter memory budget should cap it lower.
const MaxInputBytes = 3 << 20

// DecodeNode decodes one YAML node (a document node or any node in one)
// into into at field validation level Strict; see DecodeNodeWith.
func DecodeNode(n *yaml.Node, into any) error {
	_, err := DecodeNodeWith(n, into, Options{})
	return err
}

// DecodeNodeWith decodes one YAML node into into, which must be a non-nil
// pointer to a value of the job types (job.Job, job.CronJob, job.Pod, job.JobSpec,
// corev1.PodSpec, ...) or any type encoding/json can decode, as the API
// server decodes a request body (sigs.k8s.io/json into the k8s.io/api
// types) at the level of o.
//
// Rules, in order:
//
//  1. The node is resolved as by NodeToJSON (aliases and merge keys
//     expanded, bounded; YAML 1.2 scalars), except that a key repeated in
//     a mapping is kept, as a duplicate field.
//
//  2. The resolved document is walked against the Go type through its
//     json tags, in document order, as the API server's decoder reads it:
//     member names match case-sensitively; a value of a self-decoding type
//     that does not decode ends decoding with its error (a quantity:
//     "quantities must match the regular expression ...", a time: Go's
//     time.Parse error, an IntOrString: a type error for int32); a value of
//     the wrong JSON type for any other field is remembered, the first one
//     is the error once the walk ends:
//
//     json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32
//
//     naming the innermost struct, the member names from the root (and the
//     embedded structs they are promoted through) and the k8s.io/api type.
//     null is accepted everywhere and means absent.
//
//  3. Only when there was no such error: unknown and duplicate fields
//     (FieldIssue, at most 100, each once) are, by level, the error
//     "strict decoding error: unknown field \"spec.x\", ..." (Strict),
//     returned as warnings (Warn) or dropped (Ignore).
//
//  4. The document is converted to JSON and decoded with json.Unmarshal,
//     so the types' own UnmarshalJSON methods run; for a duplicate field
//     the later value wins. Unlike the API server, an unknown member of a
//     struct that has an Unknown field is kept there (Warn, Ignore), so a
//     field newer than the model survives a round trip.
//
// Errors are *Error values naming the YAML line: the API server's message
// (its Path field locating the member), or jobkit's own for what the API
// server never sees (malformed YAML, limits). DecodeNodeWith never panics
// on data; a non-pointer into is an error.
func DecodeNodeWith(n *yaml.Node, into any, o Options) ([]FieldIssue, error) {
	rv := reflect.ValueOf(into)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, fmt.Errorf("manifest: DecodeNode needs a non-nil pointer, got %T", into)
	}
	level, err := o.level()
	if err != nil {
		return nil, err
	}
	v, err := resolveForDecoding(n)
	if err != nil {
		return nil, err
	}
	return decodeValue(v, into, rv.Type().Elem(), level)
}

func decodeValue(v *value, into any, t reflect.Type, level FieldValidation) ([]FieldIssue, error) {
	var c checker
	c.check(v, t, frame{})
	switch {
	case c.fatal != nil:
		return nil, c.fatal
	case c.typeErr != nil:
		return nil, c.typeErr
	case len(c.issues) > 0 && level == Strict:
		return nil, strictError(c.issues)
	}
	data := appendJSON(make([]byte, 0, 1024), v)
	if err := json.Unmarshal(data, into); err != nil {
		// check admits only what the types decode; reaching this means a
		// type's own UnmarshalJSON refused the value.
		return nil, &Error{Line: int(v.line), Column: int(v.col), Msg: err.Error()}
	}
	if level == Warn {
		return c.issues, nil
	}
	return nil, nil
}

// DecodeJob decodes a single batch/v1 Job from YAML or JSON (JSON is YAML)
// at level Strict. Empty documents (only comments, or null) are ignored;
// exactly one other document must remain. apiVersion and kind, when
// present, must be "batch/v1" and "Job". See DecodeNodeWith for the
// decoding rules; errors are *Error values.
func DecodeJob(data []byte) (*job.Job, error) {
	j, _, err := DecodeJobWith(data, Options{})
	return j, err
}

// DecodeJobWith is DecodeJob at the field validation level of o; with Warn
// it returns the unknown and duplicate fields.
func DecodeJobWith(data []byte, o Options) (*job.Job, []FieldIssue, error) {
	doc, err := singleDocument(data)
	if err != nil {
		return nil, nil, err
	}
	return decodeDocument[job.Job](doc, "batch/v1", "Job", o)
}

// DecodeJobs strictly decodes a stream of batch/v1 Jobs separated by
// "---". Empty documents are skipped; the result is in stream order and may
// be empty. An error in a document is returned wrapped as
// "document N: line L: ..." (N counts non-empty documents from 1); the
// *Error is reachable with errors.As.
func DecodeJobs(data []byte) ([]*job.Job, error) {
	docs, err := parseDocuments(data)
	if err != nil {
		return nil, err
	}
	out := make([]*job.Job, 0, len(docs))
	for i, d := range docs {
		j, _, err := decodeDocument[job.Job](d, "batch/v1", "Job", Options{})
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i+1, err)
		}
		out = append(out, j)
	}
	return out, nil
}

// DecodeCronJob decodes a single batch/v1 CronJob at level Strict, like
// DecodeJob; apiVersion and kind, when present, must be "batch/v1" and
// "CronJob". The Job template (spec.jobTemplate.spec) is read exactly as a
// Job's spec.
func DecodeCronJob(data []byte) (*job.CronJob, error) {
	doc, err := singleDocument(data)
	if err != nil {
		return nil, err
	}
	cj, _, err := decodeDocument[job.CronJob](doc, "batch/v1", "CronJob", Options{})
	return cj, err
}

// DecodePod decodes a single core/v1 Pod at level Strict, like DecodeJob;
// apiVersion and kind, when present, must be "v1" and "Pod".
func DecodePod(data []byte) (*job.Pod, error) {
	p, _, err := DecodePodWith(data, Options{})
	return p, err
}

// DecodePodWith is DecodePod at the field validation level of o.
func DecodePodWith(data []byte, o Options) (*job.Pod, []FieldIssue, error) {
	doc, err := singleDocument(data)
	if err != nil {
		return nil, nil, err
	}
	return decodeDocument[job.Pod](doc, "v1", "Pod", o)
}

// decodeDocument checks a resolved document's apiVersion and kind (when
// present) and decodes it into a new T at the level of o.
func decodeDocument[T any](v *value, apiVersion, kind string, o Options) (*T, []FieldIssue, error) {
	level, err := o.level()
	if err != nil {
		return nil, nil, err
	}
	if err := checkTypeMeta(v, apiVersion, kind); err != nil {
		return nil, nil, err
	}
	out := new(T)
	issues, err := decodeValue(v, out, reflect.TypeFor[T](), level)
	if err != nil {
		return nil, nil, err
	}
	return out, issues, nil
}

// singleDocument parses data and returns its only non-empty document; no
// document, or a second one (reported at its position), is an *Error.
func singleDocument(data []byte) (*value, error) {
	docs, err := parseDocuments(data)
	if err != nil {
		return nil, err
	}
	switch len(docs) {
	case 0:
		return nil, &Error{Msg: "no document"}
	case 1:
		return docs[0], nil
	}
	return nil, &Error{Line: int(docs[1].line), Column: int(docs[1].col), Msg: fmt.Sprintf("expected one document, found %d", len(docs))}
}

// checkTypeMeta checks apiVersion and kind when they are present.
func checkTypeMeta(v *value, apiVersion, kind string) error {
	if v.kind != kindObject {
		return &Error{Line: int(v.line), Column: int(v.col), Msg: fmt.Sprintf("expected a mapping (a %s object), got %s", kind, v.kind)}
	}
	for _, want := range [...]struct{ key, val string }{{"apiVersion", apiVersion}, {"kind", kind}} {
		m := v.lookup(want.key)
		if m == nil || m.val.kind == kindNull {
			continue
		}
		if m.val.kind != kindString || m.val.text != want.val {
			got := m.val.text
			return errAt(m.val.line, m.val.col, (*path)(nil).child(want.key),
				"got %q, want %q (expected apiVersion %s, kind %s)", got, want.val, apiVersion, kind)
		}
	}
	return nil
}

// parseDocuments parses a YAML stream and resolves its non-empty
// documents. Input that is exactly one JSON object is parsed as JSON (see
// isJSONDocument), with the same checks (duplicate keys, exact numbers).
func parseDocuments(data []byte) ([]*value, error) {
	if len(data) > MaxInputBytes {
		return nil, &Error{Msg: fmt.Sprintf("input of %d bytes exceeds the limit of %d", len(data), MaxInputBytes)}
	}
	if isJSONDocument(data) {
		v, err := parseJSONDocument(data)
		if err != nil {
			return nil, err
		}
		return []*value{v}, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*value
	for {
		var n yaml.Node
		err := safeDecode(dec, &n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, yamlError(err)
		}
		v, err := resolveForDecoding(&n)
		if err != nil {
			return nil, err
		}
		if v.kind == kindNull {
			continue
		}
		docs = append(docs, v)
	}
}

// safeDecode runs yaml.v3's parser, turning a panic inside it into an
// error: hostile input must never crash the caller.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: parser failure: %v", r)
		}
	}()
	return dec.Decode(n)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a yaml.v3 syntax error into an *Error with its line.
func yamlError(err error) error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &Error{Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}
