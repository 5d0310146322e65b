package validation

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/validation/field"
	"pgregory.net/rapid"
)

const (
	primMsgKeyTooManySlashes = "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
	primMsgNamePart          = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
	primMsgLabelValue        = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
)

func TestIsQualifiedName(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"simple", nil}, {"Uppercase_Is_OK_123", nil}, {"1234", nil}, {"a", nil},
		{"batch.kubernetes.io/job-name", nil}, {"controller-uid", nil}, {"DisruptionTarget", nil},
		{strings.Repeat("a", 63), nil},
		{strings.Repeat("a", 253) + "/" + strings.Repeat("b", 63), nil},
		{"", []string{"name part must be non-empty", primMsgNamePart}},
		{"Invalid Condition Type", []string{primMsgNamePart}},
		{"-a", []string{primMsgNamePart}},
		{"a-", []string{primMsgNamePart}},
		{"nospecialchars%^=@", []string{primMsgNamePart}},
		{strings.Repeat("a", 64), []string{"name part " + primMsgMax63B}},
		{strings.Repeat("-", 64), []string{"name part " + primMsgMax63B, primMsgNamePart}},
		{"only/one/slash", []string{primMsgKeyTooManySlashes}},
		{"a//", []string{primMsgKeyTooManySlashes}},
		{"/simple", []string{"prefix part must be non-empty"}},
		{"/", []string{"prefix part must be non-empty", "name part must be non-empty", primMsgNamePart}},
		{"example.com/", []string{"name part must be non-empty", primMsgNamePart}},
		{"Example.com/abc", []string{"prefix part " + primMsgDNSSubdomain}},
		{strings.Repeat("a", 254) + "/abc", []string{"prefix part " + primMsgMax253B}},
		{strings.Repeat("A", 254) + "/-", []string{"prefix part " + primMsgMax253B, "prefix part " + primMsgDNSSubdomain, primMsgNamePart}},
		{"é", []string{primMsgNamePart}},
	}
	for _, tc := range tests {
		primCheck(t, "IsQualifiedName("+tc.in+")", IsQualifiedName(tc.in), tc.want)
	}
}

func TestIsValidLabelValue(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil}, {"simple", nil}, {"1234", nil}, {"my_value", nil}, {"a.b-c_d", nil},
		{strings.Repeat("a", 63), nil},
		{strings.Repeat("a", 64), []string{primMsgMax63B}},
		{"bad value", []string{primMsgLabelValue}},
		{"-starts-with-dash", []string{primMsgLabelValue}},
		{"ends.with.dot.", []string{primMsgLabelValue}},
		{"Tama-nui-te-rā", []string{primMsgLabelValue}},
		{strings.Repeat("a", 63) + ".", []string{primMsgMax63B, primMsgLabelValue}},
	}
	for _, tc := range tests {
		primCheck(t, "IsValidLabelValue("+tc.in+")", IsValidLabelValue(tc.in), tc.want)
	}
}

func TestValidateLabels(t *testing.T) {
	long := strings.Repeat("x", 64)
	tests := []struct {
		name   string
		path   *field.Path
		labels map[string]string
		want   []string
	}{
		{"nil", field.NewPath("metadata", "labels"), nil, nil},
		{"valid", field.NewPath("metadata", "labels"), map[string]string{"job-name": "pi", "batch.kubernetes.io/job-name": "pi", "empty": ""}, nil},
		{"C68 long job name, at the map's path", field.NewPath("spec", "template", "labels"),
			map[string]string{"job-name": long, "batch.kubernetes.io/job-name": long},
			[]string{
				`spec.template.labels: Invalid value: "` + long + `": ` + primMsgMax63B,
				`spec.template.labels: Invalid value: "` + long + `": ` + primMsgMax63B,
			}},
		{"sorted keys, key errors before value errors", field.NewPath("spec", "selector", "matchLabels"),
			map[string]string{"z": "bad value", "a/b/c": "-x", "m": "ok"},
			[]string{
				`spec.selector.matchLabels: Invalid value: "a/b/c": ` + primMsgKeyTooManySlashes,
				`spec.selector.matchLabels: Invalid value: "-x": ` + primMsgLabelValue,
				`spec.selector.matchLabels: Invalid value: "bad value": ` + primMsgLabelValue,
			}},
		{"empty key", field.NewPath("metadata", "labels"), map[string]string{"": "v"}, []string{
			`metadata.labels: Invalid value: "": name part must be non-empty`,
			`metadata.labels: Invalid value: "": ` + primMsgNamePart,
		}},
	}
	for _, tc := range tests {
		primCheck(t, tc.name, primErrStrings(ValidateLabels(tc.labels, tc.path)), tc.want)
	}
}

func TestValidateAnnotations(t *testing.T) {
	p := field.NewPath("metadata", "annotations")
	tests := []struct {
		name string
		ann  map[string]string
		want []string
	}{
		{"nil", nil, nil},
		{"upper case key is fine", map[string]string{"Example.COM/Key": "v"}, nil},
		{"kelvin sign lower-cases to k", map[string]string{"\u212aey": "v"}, nil},
		{"bad key reported as given", map[string]string{"B/C/D": "x", "ok": "y"}, []string{
			`metadata.annotations: Invalid value: "B/C/D": ` + primMsgKeyTooManySlashes,
		}},
		{"exactly at the size limit", map[string]string{"k": strings.Repeat("v", TotalAnnotationSizeLimitB-1)}, nil},
		{"over the size limit", map[string]string{"k": strings.Repeat("v", TotalAnnotationSizeLimitB-1), "a": ""}, []string{
			"metadata.annotations: Too long: may not be more than 262144 bytes",
		}},
		{"key errors before size", map[string]string{"-": strings.Repeat("v", TotalAnnotationSizeLimitB)}, []string{
			`metadata.annotations: Invalid value: "-": ` + primMsgNamePart,
			"metadata.annotations: Too long: may not be more than 262144 bytes",
		}},
	}
	for _, tc := range tests {
		primCheck(t, tc.name, primErrStrings(ValidateAnnotations(tc.ann, p)), tc.want)
	}
}

// The map validators are deterministic, independent of map iteration order
// and leave their input untouched.
func TestValidateLabelsDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		str := rapid.StringOfN(rapid.SampledFrom(primAlphabet), 0, 6, -1)
		m := rapid.MapOfN(str, str, 0, 8).Draw(t, "labels")
		orig := maps.Clone(m)
		p := field.NewPath("metadata", "labels")
		first := primErrStrings(ValidateLabels(m, p))
		for range 3 {
			if got := primErrStrings(ValidateLabels(maps.Clone(m), p)); !slices.Equal(got, first) {
				t.Fatalf("not deterministic:\n%q\n%q", got, first)
			}
		}
		// The errors are exactly the per-entry errors, in key order.
		var want []string
		for _, k := range sortedMapKeys(m) {
			want = append(want, primErrStrings(ValidateLabels(map[string]string{k: m[k]}, p))...)
		}
		if !slices.Equal(first, want) {
			t.Fatalf("errors %q, want per-entry %q", first, want)
		}
		if !maps.Equal(m, orig) {
			t.Fatalf("input mutated")
		}
		_ = ValidateAnnotations(m, p)
		if !maps.Equal(m, orig) {
			t.Fatalf("input mutated by ValidateAnnotations")
		}
	})
}

// FuzzValidateLabels never panics, keeps every error at the map's path, and
// accepts an entry exactly when the upstream regular expressions and
// length limits do.
func FuzzValidateLabels(f *testing.F) {
	f.Add("batch.kubernetes.io/job-name", "pi")
	f.Add("a/b/c", "bad value")
	f.Add("", "")
	f.Add(strings.Repeat("k", 300)+"/x", strings.Repeat("v", 70))
	f.Fuzz(func(t *testing.T, key, value string) {
		primCompareSyntax(t, key)
		primCompareSyntax(t, value)
		p := field.NewPath("metadata", "labels")
		errs := ValidateLabels(map[string]string{key: value}, p)
		for _, e := range errs {
			if e.Field != "metadata.labels" || e.Type != field.ErrorTypeInvalid {
				t.Fatalf("unexpected error %v", e)
			}
		}
		wantValid := primRefQualifiedName(key) && len(value) <= 63 && primReLabelValue.MatchString(value)
		if (len(errs) == 0) != wantValid {
			t.Fatalf("ValidateLabels(%q: %q) = %v, reference valid = %v", key, value, errs, wantValid)
		}
		_ = ValidateAnnotations(map[string]string{key: value}, p)
	})
}

// primRefQualifiedName is IsQualifiedName's acceptance rule written with
// the upstream regular expressions.
func primRefQualifiedName(s string) bool {
	parts := strings.Split(s, "/")
	name := parts[0]
	switch len(parts) {
	case 1:
	case 2:
		prefix := parts[0]
		name = parts[1]
		if len(prefix) == 0 || len(prefix) > 253 || !primReDNSSubdomain.MatchString(prefix) {
			return false
		}
	default:
		return false
	}
	return len(name) <= 63 && primReLabelName.MatchString(name)
}

// FuzzIsQualifiedName never panics and agrees with the regexp reference.
func FuzzIsQualifiedName(f *testing.F) {
	for _, s := range []string{"", "/", "a/b", "a/b/c", "Example.com/abc", strings.Repeat("a", 64), "\u212aey"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		msgs := IsQualifiedName(s)
		if (len(msgs) == 0) != primRefQualifiedName(s) {
			t.Fatalf("IsQualifiedName(%q) = %q, reference valid = %v", s, msgs, primRefQualifiedName(s))
		}
		for _, m := range msgs {
			if m == "" {
				t.Fatalf("empty message for %q", s)
			}
		}
	})
}

// One MiB inputs are rejected, once, with the length messages; this runs in
// linear time (hand-written scanners, no backtracking).
func TestHugeInputs(t *testing.T) {
	huge := strings.Repeat("a", 1<<20)
	primCheck(t, "label value", IsValidLabelValue(huge), []string{primMsgMax63B})
	primCheck(t, "qualified name", IsQualifiedName(huge+"/"+huge), []string{"prefix part " + primMsgMax253B, "name part " + primMsgMax63B})
	primCheck(t, "subdomain", IsDNS1123Subdomain(huge), []string{primMsgMax253})
	hugeBad := strings.Repeat("a.", 1<<19)
	primCheck(t, "subdomain bad", IsDNS1123Subdomain(hugeBad), []string{primMsgMax253, primMsgDNSSubdomain})
	if errs := ValidateAnnotations(map[string]string{"k": huge}, field.NewPath("m")); len(errs) != 1 {
		t.Errorf("ValidateAnnotations(1 MiB) = %v", errs)
	}
	if errs := IsDomainPrefixedPath(field.NewPath("m"), "a.io/"+huge); len(errs) != 0 {
		t.Errorf("IsDomainPrefixedPath: the length limit is the caller's: %v", errs)
	}
}

func ExampleValidateLabels() {
	labels := map[string]string{
		"job-name":     "a-job-name-that-is-longer-than-sixty-three-bytes-and-so-not-a-label",
		"example.com/": "x",
	}
	for _, e := range ValidateLabels(labels, field.NewPath("spec", "template", "labels")) {
		fmt.Println(e)
	}
	// Output:
	// spec.template.labels: Invalid value: "example.com/": name part must be non-empty
	// spec.template.labels: Invalid value: "example.com/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
	// spec.template.labels: Invalid value: "a-job-name-that-is-longer-than-sixty-three-bytes-and-so-not-a-label": must be no more than 63 bytes
}
