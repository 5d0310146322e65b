package defaults

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

const minimalSpec = `"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}}`

func manifest(t *testing.T, meta string) *job.Job {
	t.Helper()
	return decode(t, `{"apiVersion":"batch/v1","kind":"Job","metadata":`+meta+`,`+minimalSpec+`}`)
}

func invalidErrs(t *testing.T, err error) field.ErrorList {
	t.Helper()
	var invalid *field.InvalidError
	if !errors.As(err, &invalid) {
		t.Fatalf("error %v (%T) is not a *field.InvalidError", err, err)
	}
	return invalid.Errs
}

func TestCreateNamespace(t *testing.T) {
	cases := []struct {
		name     string
		meta     string
		request  string
		want     string
		mismatch bool
	}{
		{"none anywhere: default", `{"name":"pi"}`, "", "default", false},
		{"the Job's own when the request names none", `{"name":"pi","namespace":"batch"}`, "", "batch", false},
		{"the request's when the Job names none", `{"name":"pi"}`, "team-a", "team-a", false},
		{"both the same", `{"name":"pi","namespace":"team-a"}`, "team-a", "team-a", false},
		{"both, different: 400", `{"name":"pi","namespace":"team-a"}`, "team-b", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, warnings, err := Create(manifest(t, tc.meta), CreateOptions{Namespace: tc.request})
			if tc.mismatch {
				var re *RequestError
				if !errors.As(err, &re) || re.Code != 400 || re.Reason != "BadRequest" || re.Message != namespaceMismatchMessage || got != nil || warnings != nil {
					t.Fatalf("got %v, %q, %v; want the 400 mismatch", got, warnings, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Namespace != tc.want {
				t.Errorf("namespace %q, want %q", got.Namespace, tc.want)
			}
		})
	}
}

// An invalid namespace passes the request step and fails validation.
func TestCreateInvalidNamespace(t *testing.T) {
	_, _, err := Create(manifest(t, `{"name":"pi","namespace":"Team_A"}`), CreateOptions{})
	errs := invalidErrs(t, err)
	if len(errs) != 1 || errs[0].Field != "metadata.namespace" || errs[0].Type != field.ErrorTypeInvalid {
		t.Errorf("errors %v", errs)
	}
}

func TestCreateSystemFields(t *testing.T) {
	now := time.Date(2026, 3, 4, 5, 6, 7, 890, time.FixedZone("x", 3600))
	in := manifest(t, `{"name":"pi","uid":"client-uid","creationTimestamp":"2020-01-01T00:00:00Z",
		"deletionTimestamp":"2020-01-01T00:00:00Z","deletionGracePeriodSeconds":30,"selfLink":"/x","generation":7}`)
	in.Status.Active = 3
	got, _, err := Create(in, CreateOptions{UID: "server-uid", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got.UID != "server-uid" || !got.CreationTimestamp.Equal(job.NewTime(now)) || got.CreationTimestamp.Nanosecond() != 0 ||
		got.DeletionTimestamp != nil || got.DeletionGracePeriodSeconds != nil || got.SelfLink != "" {
		t.Errorf("system fields: %s", encode(t, got))
	}
	if got.Generation != 1 || got.Status.Active != 0 {
		t.Errorf("strategy: generation %d, status %+v", got.Generation, got.Status)
	}
	if got.Spec.Selector.MatchLabels[job.ControllerUIDLabel] != "server-uid" || got.Spec.Template.Labels[job.JobNameLabel] != "pi" {
		t.Errorf("generated selector and labels use the server's uid and the name: %s", encode(t, got))
	}
	if got.APIVersion != "batch/v1" || got.Kind != "Job" {
		t.Errorf("type meta %+v", got.TypeMeta)
	}

	zero, _, err := Create(manifest(t, `{"name":"pi","creationTimestamp":"2020-01-01T00:00:00Z"}`), CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if zero.UID != PlaceholderUID || !zero.CreationTimestamp.IsZero() {
		t.Errorf("zero options: uid %q, creationTimestamp %v", zero.UID, zero.CreationTimestamp)
	}
}

func TestCreateGenerateName(t *testing.T) {
	long := strings.Repeat("a", 70)
	cases := []struct {
		name      string
		meta      string
		opts      CreateOptions
		wantName  string
		wantErrs  []string // "field: type"; nil: valid
		wantWarns int
	}{
		{"generateName without name is valid", `{"generateName":"pi-"}`, CreateOptions{}, "pi-bbbbb", nil, 0},
		{"the name from the options", `{"generateName":"pi-"}`, CreateOptions{GeneratedName: "pi-x7k2q"}, "pi-x7k2q", nil, 0},
		{"the suffix from the random source", `{"generateName":"pi-"}`, CreateOptions{Random: &scripted{draws: []int64{groups(1, 2, 3, 4, 5)}}}, "pi-cdfgh", nil, 0},
		{"a name wins over generateName", `{"name":"mine","generateName":"pi-"}`, CreateOptions{GeneratedName: "pi-zzzzz"}, "mine", nil, 0},
		{"a 70-byte prefix is cut to 58: a 63-character name", `{"generateName":"` + long + `"}`, CreateOptions{},
			strings.Repeat("a", 58) + "bbbbb", nil, 0},
		{"an invalid prefix: both generateName and the generated name fail", `{"generateName":"Bad_-"}`, CreateOptions{},
			"Bad_-bbbbb", []string{"metadata.generateName: Invalid value", "metadata.name: Invalid value"}, 0},
		{"neither name nor generateName", `{}`, CreateOptions{}, "", []string{"metadata.name: Required value"}, 0},
		{"a prefix without a trailing dash", `{"generateName":"pi"}`, CreateOptions{}, "pibbbbb", nil, 0},
		{"a dotted prefix: valid subdomain, warned as a pod name", `{"generateName":"a.b-"}`, CreateOptions{}, "a.b-bbbbb", nil, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, warnings, err := Create(manifest(t, tc.meta), tc.opts)
			if got.Name != tc.wantName {
				t.Errorf("name %q, want %q", got.Name, tc.wantName)
			}
			if tc.wantErrs == nil {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
			} else {
				var gotErrs []string
				for _, e := range invalidErrs(t, err) {
					gotErrs = append(gotErrs, e.Field+": "+e.Type.String())
				}
				if !slices.Equal(gotErrs, tc.wantErrs) {
					t.Errorf("errors %q, want %q", gotErrs, tc.wantErrs)
				}
			}
			if len(warnings) != tc.wantWarns {
				t.Errorf("warnings %q, want %d", warnings, tc.wantWarns)
			}
		})
	}
}

// A 254-byte generateName is too long for a DNS subdomain (the prefix is
// checked with the name rule) while the generated name fits.
func TestCreateGenerateNameTooLongPrefix(t *testing.T) {
	got, _, err := Create(manifest(t, `{"generateName":"`+strings.Repeat("a", 254)+`"}`), CreateOptions{})
	errs := invalidErrs(t, err)
	if len(got.Name) != 63 || len(errs) != 1 || errs[0].Field != "metadata.generateName" {
		t.Errorf("name %q, errors %v", got.Name, errs)
	}
}

func TestCreateOwnerReferenceDedup(t *testing.T) {
	in := manifest(t, `{"name":"pi","ownerReferences":[
		{"apiVersion":"batch/v1","kind":"CronJob","name":"c","uid":"u1"},
		{"apiVersion":"batch/v1","kind":"CronJob","name":"c","uid":"u1"},
		{"apiVersion":"batch/v1","kind":"CronJob","name":"other","uid":"u1"},
		{"apiVersion":"v1","kind":"ConfigMap","name":"m","uid":"u2","controller":false},
		{"apiVersion":"v1","kind":"ConfigMap","name":"m","uid":"u2","controller":false},
		{"apiVersion":"v1","kind":"ConfigMap","name":"m","uid":"u2"}]}`)
	got, warnings, err := Create(in, CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.OwnerReferences) != 4 {
		t.Errorf("owner references %+v, want 4 (two exact repeats dropped)", got.OwnerReferences)
	}
	want := ".metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: u1, u2"
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings %q", warnings)
	}
	if len(in.OwnerReferences) != 6 {
		t.Errorf("input mutated")
	}
}

// The strategy's warnings are sent only for an accepted Job; the
// handler's dedup warning is sent in any case.
func TestCreateWarningsOnRejection(t *testing.T) {
	bad := manifest(t, `{"name":"a.b","ownerReferences":[{"apiVersion":"v1","kind":"X","name":"x","uid":"u"},{"apiVersion":"v1","kind":"X","name":"x","uid":"u"}]}`)
	bad.Spec.Completions = job.Ptr[int32](-1)
	_, warnings, err := Create(bad, CreateOptions{})
	invalidErrs(t, err)
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], ".metadata.ownerReferences") {
		t.Errorf("warnings %q: want only the dedup warning", warnings)
	}
	bad.Spec.Completions = nil
	_, warnings, err = Create(bad, CreateOptions{})
	if err != nil || len(warnings) != 2 || !strings.HasPrefix(warnings[1], "metadata.name: this is used in Pod names") {
		t.Errorf("accepted: %v, warnings %q", err, warnings)
	}
}

func TestCreateResourceVersion(t *testing.T) {
	got, warnings, err := Create(manifest(t, `{"name":"a.b","resourceVersion":"12"}`), CreateOptions{})
	var re *RequestError
	if !errors.As(err, &re) || re.Code != 500 || re.Reason != "" || re.Error() != "resourceVersion should not be set on objects to be created" {
		t.Fatalf("err %v", err)
	}
	if got == nil || len(warnings) != 1 {
		t.Errorf("the Job passed validation and warnings were sent: %v %q", got, warnings)
	}
	// Validation comes first.
	bad := manifest(t, `{"name":"pi","resourceVersion":"12"}`)
	bad.Spec.Parallelism = job.Ptr[int32](-1)
	if _, _, err := Create(bad, CreateOptions{}); !errors.As(err, new(*field.InvalidError)) {
		t.Errorf("err %v, want the validation error first", err)
	}
}

func TestCreateDefaultsAndSelector(t *testing.T) {
	in := manifest(t, `{"name":"pi"}`)
	before := encode(t, in)
	got, _, err := Create(in, CreateOptions{UID: "U"})
	if err != nil {
		t.Fatal(err)
	}
	if encode(t, in) != before {
		t.Errorf("input mutated")
	}
	want := Job(in)
	want.Namespace, want.UID = "default", "U"
	want = PrepareForCreate(GenerateSelector(want))
	if encode(t, got) != encode(t, want) {
		t.Errorf("Create:\n%s\nwant Job, GenerateSelector, PrepareForCreate:\n%s", encode(t, got), encode(t, want))
	}
	manual := manifest(t, `{"name":"pi"}`)
	manual.Spec.ManualSelector = job.Ptr(true)
	got, _, err = Create(manual, CreateOptions{})
	if got.Spec.Selector != nil {
		t.Errorf("manualSelector: a selector was generated")
	}
	if errs := invalidErrs(t, err); errs[0].Field != "spec.selector" {
		t.Errorf("errors %v", errs)
	}
	if got, _, err := Create(nil, CreateOptions{}); got == nil || err == nil {
		t.Errorf("nil: %v %v", got, err)
	}
}
