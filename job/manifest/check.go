package manifest

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/intstr"
	"github.com/jobkit/jobkit/job/resource"
)

var (
	timeType        = reflect.TypeFor[job.Time]()
	quantityType    = reflect.TypeFor[resource.Quantity]()
	intstrType      = reflect.TypeFor[intstr.IntOrString]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

// structInfo describes how a struct type decodes from JSON.
type structInfo struct {
	fields map[string]fieldInfo // JSON member name -> field
	// partial: jobkit models only part of the API type (job.PodStatus,
	// job.ContainerStatus: what the controller reads); members it does
	// not model are kept in Unknown, not reported.
	partial bool
}

// partialTypes are the hand-modelled parts of API types.
var partialTypes = map[reflect.Type]bool{
	reflect.TypeFor[job.PodStatus]():       true,
	reflect.TypeFor[job.ContainerStatus](): true,
}

// fieldInfo is one JSON member of a struct: its Go type and the Go names of
// the inlined embedded structs it is reached through (apimachinery's decode
// messages name them: "livenessProbe.ProbeHandler.httpGet").
type fieldInfo struct {
	typ reflect.Type
	via []string
}

var structInfoCache sync.Map // reflect.Type -> *structInfo

func infoOf(t reflect.Type) *structInfo {
	if v, ok := structInfoCache.Load(t); ok {
		return v.(*structInfo)
	}
	si := &structInfo{fields: map[string]fieldInfo{}, partial: partialTypes[t]}
	collectFields(t, si, nil)
	structInfoCache.Store(t, si)
	return si
}

// collectFields follows the encoding/json rules jobkit's types use:
// exported fields, name from the json tag or the field name, "-" skipped,
// embedded structs without a tag name inlined (a shallower field wins).
func collectFields(t reflect.Type, si *structInfo, via []string) {
	var embedded []reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct {
			embedded = append(embedded, f)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, ok := si.fields[name]; !ok {
			si.fields[name] = fieldInfo{typ: f.Type, via: via}
		}
	}
	for _, f := range embedded {
		collectFields(f.Type, si, append(slices.Clip(via), f.Name))
	}
}

// Issue kinds of strict decoding, as sigs.k8s.io/json names them.
const (
	issueUnknown   = "unknown field"
	issueDuplicate = "duplicate field"
)

// maxIssues caps the strict issues of one document, as sigs.k8s.io/json
// does.
const maxIssues = 100

// checker walks a resolved document against a Go type the way the API
// server's decoder (sigs.k8s.io/json, case-sensitive, strict) reads it, in
// document order. It records:
//
//  1. fatal: the first error of a self-decoding value (Quantity,
//     IntOrString, Time), which ends decoding at once;
//  2. typeErr: the first value of the wrong JSON type for a plain field,
//     which decoding reports at its end;
//  3. issues: unknown members of a struct and duplicate members of a struct
//     or map, deduplicated, at most maxIssues, reported only when neither
//     of the above occurred.
type checker struct {
	fatal, typeErr *Error
	issues         []FieldIssue
	seen           map[FieldIssue]bool
}

// frame is where the walk is: the document path (for positions and strict
// paths), the field names since the root (for type errors) and the
// innermost struct.
type frame struct {
	path   *path
	fields []string
	strct  reflect.Type
}

func (f frame) member(name string, via []string, t reflect.Type) frame {
	fields := append(slices.Clip(f.fields), via...)
	return frame{path: f.path.child(name), fields: append(fields, name), strct: t}
}

func (c *checker) issue(kind string, line, col int32, p *path) {
	is := FieldIssue{Kind: kind, Path: p.strictString(), Line: int(line), Column: int(col)}
	if c.seen[is] || len(c.issues) >= maxIssues {
		return
	}
	if c.seen == nil {
		c.seen = map[FieldIssue]bool{}
	}
	c.seen[is] = true
	c.issues = append(c.issues, is)
}

// typeError records a JSON value of the wrong type (got names it as
// encoding/json does: "string", "number 1.5", "object", ...).
func (c *checker) typeError(v *value, f frame, t reflect.Type, got string) {
	if c.typeErr == nil {
		c.typeErr = apiErrAt(v.line, v.col, f.path, unmarshalTypeText(got, f, t))
	}
}

// unmarshalTypeText renders encoding/json's UnmarshalTypeError with the
// context sigs.k8s.io/json adds: the innermost struct's name and the member
// names from the root.
func unmarshalTypeText(got string, f frame, t reflect.Type) string {
	if f.strct == nil {
		return "json: cannot unmarshal " + got + " into Go value of type " + apiTypeName(t)
	}
	return "json: cannot unmarshal " + got + " into Go struct field " + f.strct.Name() + "." +
		strings.Join(f.fields, ".") + " of type " + apiTypeName(t)
}

func (c *checker) done() bool { return c.fatal != nil }

// check walks v against Go type t.
func (c *checker) check(v *value, t reflect.Type, f frame) {
	if c.done() || v.kind == kindNull {
		return // null is absent: the field keeps its zero value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case timeType:
		c.checkTime(v, f)
		return
	case quantityType:
		c.checkQuantity(v, f)
		return
	case intstrType:
		if v.kind != kindString {
			c.checkAbort(v, f, reflect.TypeFor[int32]())
		}
		return
	}
	if t.Kind() != reflect.Struct && (reflect.PointerTo(t).Implements(unmarshalerType) || t.Implements(unmarshalerType)) {
		return // json.RawMessage and other self-decoding types: anything
	}
	switch t.Kind() {
	case reflect.Struct:
		if v.kind != kindObject {
			c.typeError(v, f, t, jsonKind(v))
			return
		}
		si := infoOf(t)
		for i := range v.members {
			m := &v.members[i]
			fi, ok := si.fields[m.key]
			mp := f.path.child(m.key)
			if !ok {
				if !si.partial {
					c.issue(issueUnknown, m.line, m.col, mp)
				}
				continue
			}
			if m.dup {
				c.issue(issueDuplicate, m.line, m.col, mp)
			}
			c.check(m.val, fi.typ, f.member(m.key, fi.via, t))
		}
	case reflect.Slice, reflect.Array:
		if v.kind != kindArray {
			c.typeError(v, f, t, jsonKind(v))
			return
		}
		for i, it := range v.items {
			c.check(it, t.Elem(), frame{path: f.path.at(i), fields: f.fields, strct: f.strct})
		}
	case reflect.Map:
		if v.kind != kindObject {
			c.typeError(v, f, t, jsonKind(v))
			return
		}
		for i := range v.members {
			m := &v.members[i]
			if m.dup {
				c.issue(issueDuplicate, m.line, m.col, f.path.key(m.key))
			}
			c.check(m.val, t.Elem(), frame{path: f.path.key(m.key), fields: f.fields, strct: f.strct})
		}
	case reflect.String:
		if v.kind != kindString {
			c.typeError(v, f, t, jsonKind(v))
		}
	case reflect.Bool:
		if v.kind != kindBool {
			c.typeError(v, f, t, jsonKind(v))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if got, ok := intMismatch(v, t); !ok {
			c.typeError(v, f, t, got)
		}
	case reflect.Float32, reflect.Float64:
		if v.kind != kindInt && v.kind != kindFloat {
			c.typeError(v, f, t, jsonKind(v))
		} else if _, err := strconv.ParseFloat(v.text, t.Bits()); err != nil {
			c.typeError(v, f, t, "number "+v.text)
		}
	case reflect.Interface:
	default:
		c.typeError(v, f, t, jsonKind(v))
	}
}

// intMismatch reports whether v decodes into integer type t and, if not,
// how encoding/json names the value.
func intMismatch(v *value, t reflect.Type) (string, bool) {
	if v.kind != kindInt && v.kind != kindFloat {
		return jsonKind(v), false
	}
	bits := t.Bits()
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(v.text, 10, 64)
		if err != nil || (bits < 64 && u > 1<<bits-1) {
			return "number " + v.text, false
		}
	default:
		i, err := strconv.ParseInt(v.text, 10, 64)
		if err != nil || i < -1<<(bits-1) || i > 1<<(bits-1)-1 {
			return "number " + v.text, false
		}
	}
	return "", true
}

// checkAbort is a self-decoding value whose UnmarshalJSON decodes the JSON
// into a value of type inner (IntOrString's int32): a mismatch ends
// decoding, with the context of the field.
func (c *checker) checkAbort(v *value, f frame, inner reflect.Type) {
	var got string
	ok := true
	switch inner.Kind() {
	case reflect.String:
		ok = v.kind == kindString
		got = jsonKind(v)
	default:
		got, ok = intMismatch(v, inner)
	}
	if !ok {
		c.fatal = apiErrAt(v.line, v.col, f.path, unmarshalTypeText(got, f, inner))
	}
}

// checkQuantity: a string, or the JSON text of any other value, must parse
// as a quantity (apimachinery's Quantity.UnmarshalJSON); the parse error is
// the API server's message.
func (c *checker) checkQuantity(v *value, f frame) {
	text := v.text
	if v.kind == kindObject || v.kind == kindArray {
		text = string(appendJSON(nil, v))
	}
	if _, err := resource.ParseQuantity(strings.TrimSpace(text)); err != nil {
		c.fatal = apiErrAt(v.line, v.col, f.path, err.Error())
	}
}

// checkTime: a string in RFC 3339 (metav1.Time.UnmarshalJSON); a value of
// another type is a type error for string, the parse error is Go's.
func (c *checker) checkTime(v *value, f frame) {
	if v.kind != kindString {
		c.checkAbort(v, f, reflect.TypeFor[string]())
		return
	}
	tm, err := time.Parse(time.RFC3339, v.text)
	if err != nil {
		c.fatal = apiErrAt(v.line, v.col, f.path, err.Error())
		return
	}
	// job.Time stores UTC; outside years 0000-9999 it has no RFC 3339 form
	// (jobkit's own limit: the API server would fail to encode it later).
	if y := tm.UTC().Year(); y < 0 || y > 9999 {
		c.fatal = errAt(v.line, v.col, f.path, "time %q is outside the years 0000-9999 in UTC", v.text)
	}
}

// jsonKind names a JSON value as encoding/json's UnmarshalTypeError does.
func jsonKind(v *value) string {
	switch v.kind {
	case kindBool:
		return "bool"
	case kindInt, kindFloat:
		return "number"
	case kindString:
		return "string"
	case kindObject:
		return "object"
	case kindArray:
		return "array"
	}
	return "null"
}

// apiPackages maps jobkit's packages onto the package names of the
// k8s.io types they mirror, for type names in decode messages.
var apiPackages = map[string]string{
	"github.com/jobkit/jobkit/job":          "v1",
	"github.com/jobkit/jobkit/job/corev1":   "v1",
	"github.com/jobkit/jobkit/job/metav1":   "v1",
	"github.com/jobkit/jobkit/policy":       "v1",
	"github.com/jobkit/jobkit/job/resource": "resource",
	"github.com/jobkit/jobkit/job/intstr":   "intstr",
}

// apiTypeName is the name k8s.io/api's Go type of t has in reflect's
// notation ("int32", "[]v1.Container", "map[string]string").
func apiTypeName(t reflect.Type) string {
	if t.Name() != "" {
		if p, ok := apiPackages[t.PkgPath()]; ok {
			return p + "." + t.Name()
		}
		return t.String()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + apiTypeName(t.Elem())
	case reflect.Slice:
		return "[]" + apiTypeName(t.Elem())
	case reflect.Map:
		return "map[" + apiTypeName(t.Key()) + "]" + apiTypeName(t.Elem())
	}
	return t.String()
}
