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

// DecodeNode strictly decodes one YAML node (a document node or any node in
// one) into into, which must be a non-nil pointer to a value of the job
// types (job.Job, job.CronJob, job.Pod, job.JobSpec, job.JobStatus, ...)
// or any type encoding/json can decode.
//
// Rules, in order:
//  1. The node is resolved as by NodeToJSON: aliases and merge keys
//     expanded (bounded), duplicate keys rejected, YAML 1.2 scalars.
//  2. The resolved document is checked against the Go type through its
//     json tags. Closed structs (every struct without an Unknown field)
//     reject unknown members; a member that matches a field only
//     case-insensitively is rejected in every struct. Values must have
//     the field's JSON kind: strings for strings (a bare 1.0 or true is not
//     a string: quote it), true/false for booleans (yes/no/on/off are
//     strings in YAML 1.2 and rejected here), integers within the range
//     of the field's Go type, RFC 3339 strings for job.Time. null is
//     accepted everywhere and means absent. Unmodelled members of open
//     types (PodSpec, Container, EnvVarSource, PodStatus, ContainerStatus)
//     and json.RawMessage values are not looked into.
//  3. The document is converted to JSON and decoded with json.Unmarshal,
//     so the types' own UnmarshalJSON methods run and keep unmodelled
//     members verbatim.
//
// The first problem found, in document order, is returned as an *Error
// naming the YAML line and the field path. DecodeNode never panics on
// data; a non-pointer into is an error.
func DecodeNode(n *yaml.Node, into any) error {
	rv := reflect.ValueOf(into)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("manifest: DecodeNode needs a non-nil pointer, got %T", into)
	}
	v, err := resolveNode(n)
	if err != nil {
		return err
	}
	return decodeValue(v, into, rv.Type().Elem())
}

func decodeValue(v *value, into any, t reflect.Type) error {
	if err := checkValue(v, t, nil); err != nil {
		return err
	}
	data := appendJSON(make([]byte, 0, 1024), v)
	if err := json.Unmarshal(data, into); err != nil {
		// checkValue admits only what the types decode; reaching this
		// means a type's own UnmarshalJSON refused the value.
		return &Error{Line: int(v.line), Column: int(v.col), Msg: err.Error()}
	}
	return nil
}

// DecodeJob strictly decodes a single batch/v1 Job from YAML or JSON (JSON
// is YAML). Empty documents (only comments, or null) are ignored; exactly
// one other document must remain. apiVersion and kind, when present, must
// be "batch/v1" and "Job". See DecodeNode for the decoding rules; errors
// are *Error values.
func DecodeJob(data []byte) (*job.Job, error) {
	doc, err := singleDocument(data)
	if err != nil {
		return nil, err
	}
	return decodeDocument[job.Job](doc, "batch/v1", "Job")
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
		j, err := decodeDocument[job.Job](d, "batch/v1", "Job")
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i+1, err)
		}
		out = append(out, j)
	}
	return out, nil
}

// DecodeCronJob strictly decodes a single batch/v1 CronJob, like DecodeJob;
// apiVersion and kind, when present, must be "batch/v1" and "CronJob". The
// Job template (spec.jobTemplate.spec) is read exactly as a Job's spec.
func DecodeCronJob(data []byte) (*job.CronJob, error) {
	doc, err := singleDocument(data)
	if err != nil {
		return nil, err
	}
	return decodeDocument[job.CronJob](doc, "batch/v1", "CronJob")
}

// DecodePod strictly decodes a single core/v1 Pod, like DecodeJob;
// apiVersion and kind, when present, must be "v1" and "Pod".
func DecodePod(data []byte) (*job.Pod, error) {
	doc, err := singleDocument(data)
	if err != nil {
		return nil, err
	}
	return decodeDocument[job.Pod](doc, "v1", "Pod")
}

// decodeDocument checks a resolved document's apiVersion and kind (when
// present) and strictly decodes it into a new T.
func decodeDocument[T any](v *value, apiVersion, kind string) (*T, error) {
	if err := checkTypeMeta(v, apiVersion, kind); err != nil {
		return nil, err
	}
	out := new(T)
	if err := decodeValue(v, out, reflect.TypeFor[T]()); err != nil {
		return nil, err
	}
	return out, nil
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
		v, err := resolveNode(&n)
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
