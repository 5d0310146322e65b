package validation

import (
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/validation/field"
)

// §6.4 Create — selector, labels, restartPolicy.
func TestValidateJobSelectorAndLabels(t *testing.T) {
	expr := func(key string, op job.LabelSelectorOperator, vals ...string) func(*job.Job) {
		return func(j *job.Job) {
			j.Spec.Selector.MatchExpressions = []job.LabelSelectorRequirement{{Key: key, Operator: op, Values: vals}}
		}
	}
	name64 := strings.Repeat("a", 64)
	runCreateCases(t, []createCase{
		{"C53", fixtureF, func(j *job.Job) { j.Spec.Selector = nil },
			field.ErrorList{
				req("spec.selector", ""),
				inv("spec.template.metadata.labels", fLabels(), msgMismatch),
			}},
		{"C54", fixtureM, func(j *job.Job) { j.Spec.Template.Labels = map[string]string{"y": "z"} },
			field.ErrorList{inv("spec.template.metadata.labels", rawRender(`{"y":"z"}`), msgMismatch)}},
		{"C55", fixtureM, func(j *job.Job) { j.Spec.Template.Labels = map[string]string{"controller-uid": "4d5e6f"} },
			field.ErrorList{inv("spec.template.metadata.labels", rawRender(`{"controller-uid":"4d5e6f"}`), msgMismatch)}},
		{"C56", fixtureM, func(j *job.Job) { j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyAlways },
			field.ErrorList{req("spec.template.spec.restartPolicy", `valid values: "OnFailure", "Never"`)}},
		{"C56-empty", fixtureM, func(j *job.Job) { j.Spec.Template.Spec.RestartPolicy = "" },
			field.ErrorList{
				req("spec.template.spec.restartPolicy", ""),
				req("spec.template.spec.restartPolicy", `valid values: "OnFailure", "Never"`),
			}},
		{"C57", fixtureM, func(j *job.Job) { j.Spec.Template.Spec.RestartPolicy = "Invalid" },
			field.ErrorList{
				ns("spec.template.spec.restartPolicy", job.RestartPolicy("Invalid"), `supported values: "Always", "OnFailure", "Never"`),
				ns("spec.template.spec.restartPolicy", job.RestartPolicy("Invalid"), `supported values: "OnFailure", "Never"`),
			}},
		{"C60", fixtureF, func(j *job.Job) { j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{"a": "b"}} },
			field.ErrorList{
				inv("spec.selector", rawRender(`{"matchLabels":{"a":"b"}}`), msgNotAutoGen),
				inv("spec.template.metadata.labels", fLabels(), msgMismatch),
			}},
		{"C61", fixtureF, func(j *job.Job) {
			j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{job.ControllerUIDLabel: fUID}}
			delete(j.Spec.Template.Labels, job.ControllerUIDLabel)
		}, field.ErrorList{
			req("spec.template.metadata.labels[batch.kubernetes.io/controller-uid]", "must be '1a2b3c'"),
			inv("spec.template.metadata.labels", rawRender(`{"batch.kubernetes.io/job-name":"myjob","controller-uid":"1a2b3c","job-name":"myjob"}`), msgMismatch),
		}},
		{"C62", fixtureF, func(j *job.Job) {
			j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{job.ControllerUIDLabel: fUID}}
			j.Spec.ManualSelector = job.Ptr(false)
			j.Spec.Template.Labels = map[string]string{}
		}, field.ErrorList{
			req("spec.template.metadata.labels[controller-uid]", "must be '1a2b3c'"),
			req("spec.template.metadata.labels[job-name]", "must be 'myjob'"),
			req("spec.template.metadata.labels[batch.kubernetes.io/controller-uid]", "must be '1a2b3c'"),
			req("spec.template.metadata.labels[batch.kubernetes.io/job-name]", "must be 'myjob'"),
			inv("spec.template.metadata.labels", rawRender(`{}`), msgMismatch),
		}},
		{"wrong-job-name-label", fixtureF, func(j *job.Job) { j.Spec.Template.Labels[job.LegacyJobNameLabel] = "other" },
			field.ErrorList{
				inv("spec.template.metadata.labels[job-name]", rawRender(`{"batch.kubernetes.io/controller-uid":"1a2b3c","batch.kubernetes.io/job-name":"myjob","controller-uid":"1a2b3c","job-name":"other"}`), "must be 'myjob'"),
				inv("spec.template.metadata.labels", anyValue{}, msgMismatch),
			}},
		{"C64", fixtureM, expr("k", "Foo"),
			field.ErrorList{inv("spec.selector.matchExpressions[0].operator", rawRender(`"Foo"`), "not a valid selector operator")}},
		{"C65", fixtureM, expr("k", job.LabelSelectorOpIn),
			field.ErrorList{req("spec.selector.matchExpressions[0].values", "must be specified when `operator` is 'In' or 'NotIn'")}},
		{"C66", fixtureM, expr("k", job.LabelSelectorOpExists, "x"),
			field.ErrorList{forb("spec.selector.matchExpressions[0].values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")}},
		{"C67", fixtureM, expr("a", job.LabelSelectorOpNotIn, "bad value"),
			field.ErrorList{inv("spec.selector.matchExpressions[0].values[0]", "bad value", msgLabelValue)}},
		{"expr-matches", fixtureM, expr("a", job.LabelSelectorOpIn, "b", "c"), nil},
		{"expr-notin-excludes", fixtureM, expr("a", job.LabelSelectorOpNotIn, "b"),
			field.ErrorList{inv("spec.template.metadata.labels", rawRender(`{"a":"b"}`), msgMismatch)}},
		{"empty-selector-matches-all", fixtureM, func(j *job.Job) { j.Spec.Selector = &job.LabelSelector{} }, nil},
		{"C68", fixtureF, func(j *job.Job) {
			setName(j, name64)
			j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{job.ControllerUIDLabel: fUID}}
		}, field.ErrorList{
			inv("spec.template.labels", name64, MaxLenBytesError(63)),
			inv("spec.template.labels", name64, MaxLenBytesError(63)),
		}},
		{"C69", fixtureM, func(j *job.Job) { j.Name = "My_Job" },
			field.ErrorList{inv("metadata.name", "My_Job", msgSubdomain)}},
	})
}

// C58/C59 run with RequirePrefixedLabels=false (old stored Jobs), which the
// create path never uses: they exercise validateJob directly.
func TestValidateJobLegacyLabels(t *testing.T) {
	legacy := specOptions{requirePrefixedLabels: false}
	j := fixtureF()
	j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{"controller-uid": fUID}}
	j.Spec.Template.Labels = map[string]string{"job-name": "myjob"}
	checkErrors(t, validateJob(j, legacy), field.ErrorList{
		req("spec.template.metadata.labels[controller-uid]", "must be '1a2b3c'"),
		inv("spec.template.metadata.labels", rawRender(`{"job-name":"myjob"}`), msgMismatch),
	})
	j.UID = ""
	j.Spec.Selector = &job.LabelSelector{MatchLabels: map[string]string{"controller-uid": "test"}}
	checkErrors(t, validateJob(j, legacy), field.ErrorList{
		req("metadata.uid", ""),
		req("spec.template.metadata.labels[controller-uid]", "must be ''"),
		inv("spec.selector", rawRender(`{"matchLabels":{"controller-uid":"test"}}`), msgNotAutoGen),
		inv("spec.template.metadata.labels", rawRender(`{"job-name":"myjob"}`), msgMismatch),
	})
}

// §2.3 and §2.12: metadata and the in-scope pod-template checks.
func TestValidateJobMetadataAndTemplate(t *testing.T) {
	tr := true
	runCreateCases(t, []createCase{
		{"name-empty", fixtureM, func(j *job.Job) { j.Name = "" },
			field.ErrorList{req("metadata.name", "name or generateName is required")}},
		{"generateName-bad", fixtureM, func(j *job.Job) { j.GenerateName = "Bad-" },
			field.ErrorList{inv("metadata.generateName", "Bad-", msgSubdomain)}},
		{"generateName-dash-ok", fixtureM, func(j *job.Job) { j.GenerateName = "job-" }, nil},
		{"namespace-empty", fixtureM, func(j *job.Job) { j.Namespace = "" },
			field.ErrorList{req("metadata.namespace", "")}},
		{"namespace-dots", fixtureM, func(j *job.Job) { j.Namespace = "a.b" },
			field.ErrorList{inv("metadata.namespace", "a.b", "must not contain dots")}},
		{"generation-negative", fixtureM, func(j *job.Job) { j.Generation = -1 },
			field.ErrorList{inv("metadata.generation", int64(-1), msgNonNeg)}},
		{"labels-bad-value", fixtureM, func(j *job.Job) { j.Labels = map[string]string{"ok": "bad value"} },
			field.ErrorList{inv("metadata.labels", "bad value", msgLabelValue)}},
		{"annotations-too-big", fixtureM, func(j *job.Job) { j.Annotations = map[string]string{"a": strings.Repeat("x", 262144)} },
			field.ErrorList{tooLong("metadata.annotations", 262144)}},
		{"ownerrefs", fixtureM, func(j *job.Job) {
			j.OwnerReferences = []job.OwnerReference{
				{APIVersion: "batch", Kind: "CronJob", Name: "c", UID: "u", Controller: &tr},
				{APIVersion: "batch/v1", Kind: "CronJob", Name: "d", UID: "v", Controller: &tr},
			}
		}, field.ErrorList{
			inv("metadata.ownerReferences", anyValue{}, `Only one reference can have Controller set to true. Found "true" in references for CronJob/c and CronJob/d`),
		}},
		{"ownerref-empty", fixtureM, func(j *job.Job) { j.OwnerReferences = []job.OwnerReference{{}} },
			field.ErrorList{
				req("metadata.ownerReferences[0].apiVersion", "must not be empty"),
				req("metadata.ownerReferences[0].kind", "must not be empty"),
				req("metadata.ownerReferences[0].name", "must not be empty"),
				req("metadata.ownerReferences[0].uid", "must not be empty"),
			}},
		{"finalizers", fixtureM, func(j *job.Job) { j.Finalizers = []string{"orphan", "foregroundDeletion", "custom"} },
			field.ErrorList{
				inv("metadata.finalizers", anyValue{}, "finalizer orphan and foregroundDeletion cannot be both set"),
				inv("metadata.finalizers[2]", "custom", "name is neither a standard finalizer name nor is it fully qualified"),
			}},
		{"no-containers", fixtureM, func(j *job.Job) { j.Spec.Template.Spec.Containers = nil },
			field.ErrorList{req("spec.template.spec.containers", "")}},
		{"container-names", fixtureF, func(j *job.Job) {
			j.Spec.Template.Spec.Containers = []job.Container{{Image: "i"}, {Name: "Abc", Image: "i"}, {Name: "abc", Image: "i"}, {Name: "abc"}}
			j.Spec.Template.Spec.InitContainers = []job.Container{{Name: "abc", Image: "i"}, {Name: "def", Image: "i"}, {Name: "def", Image: "i"}}
		}, field.ErrorList{
			req("spec.template.spec.containers[0].name", ""),
			inv("spec.template.spec.containers[1].name", "Abc", "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"),
			req("spec.template.spec.containers[3].image", ""),
			dup("spec.template.spec.containers[3].name", "abc"),
			dup("spec.template.spec.initContainers[0].name", "abc"),
			dup("spec.template.spec.initContainers[2].name", "def"),
		}},
		{"template-labels-path", fixtureM, func(j *job.Job) {
			j.Spec.Template.Labels["bad key!"] = "v"
			j.Spec.Selector.MatchLabels = map[string]string{"a": "b"}
		}, field.ErrorList{inv("spec.template.labels", "bad key!", msgNameRegex)}},
		{"ephemeral", fixtureM, func(j *job.Job) {
			j.Spec.Template.Spec.EphemeralContainers = []corev1.EphemeralContainer{{EphemeralContainerCommon: corev1.EphemeralContainerCommon{Name: "x"}}}
		}, field.ErrorList{forb("spec.template.spec.ephemeralContainers", "ephemeral containers not allowed in pod template")}},
	})
}

// The aggregate message of §7.5.
func TestAggregateMessage(t *testing.T) {
	j := fixtureM()
	j.Name = "x"
	j.Spec.Completions = i32(-1)
	j.Spec.Template.Spec.RestartPolicy = job.RestartPolicyAlways
	err := field.NewInvalidError("Job", "batch", j.Name, ValidateJob(j, DefaultOptions()))
	want := `Job.batch "x" is invalid: [spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	j = fixtureM()
	j.Name = "x"
	j.Spec.ManualSelector = job.Ptr(true)
	j.Spec.Selector = nil
	j.Spec.Template.Labels = nil
	err = field.NewInvalidError("Job", "batch", j.Name, ValidateJob(j, DefaultOptions()))
	want = `Job.batch "x" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: null: ` + "`selector` does not match template `labels`]"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
