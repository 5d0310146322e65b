package manifest_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jobkit/jobkit/job/manifest"
)

// jobDoc builds a Job manifest whose spec.template.spec has one container;
// extra lines are spliced in at the marked places so that line numbers in
// the expected errors are easy to count: the header is lines 1-9.
const jobHeader = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox}]
`

func TestDecodeJobStrictErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"unknown field in spec", jobHeader + "  completion: 3\n",
			`line 10: strict decoding error: unknown field "spec.completion"`},
		{"unknown field at top level", jobHeader + "specs: {}\n",
			`line 10: strict decoding error: unknown field "specs"`},
		{"unknown field in metadata", "metadata:\n  name: pi\n  nam: pi\n",
			`line 3: strict decoding error: unknown field "metadata.nam"`},
		{"unknown field in template metadata", "spec:\n  template:\n    metadata:\n      lables: {a: b}\n",
			`line 4: strict decoding error: unknown field "spec.template.metadata.lables"`},
		{"unknown field in podFailurePolicy rule", jobHeader + "  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCode: {operator: In, values: [1]}\n",
			`line 13: strict decoding error: unknown field "spec.podFailurePolicy.rules[0].onExitCode"`},
		{"unknown field in onExitCodes", jobHeader + "  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes: {operator: In, value: [1]}\n",
			`line 13: strict decoding error: unknown field "spec.podFailurePolicy.rules[0].onExitCodes.value"`},
		{"unknown field in selector expression", jobHeader + "  selector:\n    matchExpressions:\n    - {key: a, op: In}\n",
			`line 12: strict decoding error: unknown field "spec.selector.matchExpressions[0].op"`},
		{"unknown field in status", "status:\n  activ: 1\n",
			`line 2: strict decoding error: unknown field "status.activ"`},
		{"unknown field in uncountedTerminatedPods", "status:\n  uncountedTerminatedPods:\n    succeded: [a]\n",
			`line 3: strict decoding error: unknown field "status.uncountedTerminatedPods.succeded"`},
		{"unknown field in env var (closed)", "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n        env:\n        - name: A\n          valu: x\n",
			`line 8: strict decoding error: unknown field "spec.template.spec.containers[0].env[0].valu"`},
		{"unknown field in fieldRef (closed)", "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n        env:\n        - name: A\n          valueFrom:\n            fieldRef: {path: x}\n",
			`line 9: strict decoding error: unknown field "spec.template.spec.containers[0].env[0].valueFrom.fieldRef.path"`},
		{"wrong case in a closed struct", "spec:\n  Completions: 3\n",
			`line 2: strict decoding error: unknown field "spec.Completions"`},
		{"wrong case in an open struct", "spec:\n  template:\n    spec:\n      Containers: []\n",
			`line 4: strict decoding error: unknown field "spec.template.spec.Containers"`},

		{"string for int32", jobHeader + "  parallelism: \"3\"\n",
			`line 10: json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32`},
		{"int32 out of range", jobHeader + "  parallelism: 3000000000\n",
			`line 10: json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.parallelism of type int32`},
		{"int64 out of range", jobHeader + "  activeDeadlineSeconds: 99999999999999999999\n",
			`line 10: json: cannot unmarshal number 99999999999999999999 into Go struct field JobSpec.spec.activeDeadlineSeconds of type int64`},
		{"fraction for int32", jobHeader + "  completions: 1.5\n",
			`line 10: json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.completions of type int32`},
		{"YAML 1.1 boolean in a string field (sigs.k8s.io/yaml reads yes as true)", jobHeader + "  completionMode: yes\n",
			`line 10: json: cannot unmarshal bool into Go struct field JobSpec.spec.completionMode of type v1.CompletionMode`},
		{"unknown field at depth", jobHeader + "      initContainers:\n      - name: i\n        imagePullPolice: Always\n",
			`line 12: strict decoding error: unknown field "spec.template.spec.initContainers[0].imagePullPolice"`},
		{"several strict issues, in document order", "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n        name: d\n        Image: x\n      nodeSelector: {a: b, a: c}\n",
			`line 6: strict decoding error: duplicate field "spec.template.spec.containers[0].name", unknown field "spec.template.spec.containers[0].Image", duplicate field "spec.template.spec.nodeSelector.a"`},
		{"bad quantity", "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n        resources:\n          limits: {cpu: 1x}\n",
			`line 7: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`},
		{"bool for an IntOrString port", "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n        livenessProbe:\n          httpGet: {port: true}\n",
			`line 7: json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.template.spec.containers.livenessProbe.ProbeHandler.httpGet.port of type int32`},
		{"a self-decoding error wins over an earlier type error", "spec:\n  parallelism: x\n  template:\n    spec:\n      containers:\n      - {name: c, resources: {limits: {cpu: 1x}}}\n",
			`line 6: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`},
		{"a type error wins over strict issues", "spec:\n  bogus: 1\n  parallelism: x\n",
			`line 3: json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32`},
		{"quoted boolean", jobHeader + "  suspend: \"true\"\n",
			`line 10: json: cannot unmarshal string into Go struct field JobSpec.spec.suspend of type bool`},
		{"list for a map", "metadata:\n  labels: [a, b]\n",
			`line 2: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string`},
		{"number for a label value", "metadata:\n  labels:\n    version: 1.0\n",
			`line 3: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`},
		{"map for a list", "spec:\n  template:\n    spec:\n      containers: {name: c}\n",
			`line 4: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container`},
		{"list for a struct", "spec:\n  template:\n    spec: []\n",
			`line 3: json: cannot unmarshal array into Go struct field PodTemplateSpec.spec.template.spec of type v1.PodSpec`},
		{"number for a container name", "spec:\n  template:\n    spec:\n      containers:\n      - name: 5\n",
			`line 5: json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.name of type string`},
		{"bad exit code value", jobHeader + "  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [1, two]\n",
			`line 15: json: cannot unmarshal string into Go struct field PodFailurePolicyOnExitCodesRequirement.spec.podFailurePolicy.rules.onExitCodes.values of type int32`},
		{"bad time", "status:\n  startTime: yesterday\n",
			`line 2: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`},
		{"date without time", "status:\n  conditions:\n  - type: Complete\n    status: \"True\"\n    lastTransitionTime: 2026-01-01\n",
			`line 5: parsing time "2026-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"`},
		{"time out of range in UTC", "status:\n  startTime: 0000-01-01T00:00:00+01:00\n",
			`line 2: status.startTime: time "0000-01-01T00:00:00+01:00" is outside the years 0000-9999 in UTC`},
		{"number for a time", "metadata:\n  creationTimestamp: 1700000000\n",
			`line 2: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string`},
		{"sidecar restartPolicy type", "spec:\n  template:\n    spec:\n      initContainers:\n      - name: s\n        restartPolicy: [Always]\n",
			`line 6: json: cannot unmarshal array into Go struct field Container.spec.template.spec.initContainers.restartPolicy of type v1.ContainerRestartPolicy`},
		{"duplicate key", "spec:\n  parallelism: 1\n  parallelism: 2\n",
			`line 3: strict decoding error: duplicate field "spec.parallelism"`},
		{"wrong kind", "apiVersion: v1\nkind: Pod\n",
			`line 1: apiVersion: got "v1", want "batch/v1" (expected apiVersion batch/v1, kind Job)`},
		{"wrong kind only", "apiVersion: batch/v1\nkind: CronJob\n",
			`line 2: kind: got "CronJob", want "Job" (expected apiVersion batch/v1, kind Job)`},
		{"not a mapping", "- a\n- b\n",
			`line 1: expected a mapping (a Job object), got a sequence`},
		// Syntax error lines are yaml.v3's: it reports the context of a
		// parser error, here the flow sequence, 0-based.
		{"syntax error", "spec:\n  parallelism: [1\n",
			`line 1: invalid YAML: did not find expected ',' or ']'`},
		{"two documents", "kind: Job\n---\nkind: Job\n",
			`line 3: expected one document, found 2`},
		{"no document", "# nothing\n", `no document`},
		{"infinity", jobHeader + "  completions: .inf\n",
			`line 10: .inf has no JSON representation`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := manifest.DecodeJob([]byte(tt.doc))
			if err == nil {
				t.Fatalf("DecodeJob succeeded: %+v", j)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
			var me *manifest.Error
			if !errors.As(err, &me) {
				t.Errorf("error %T is not a *manifest.Error", err)
			} else if strings.HasPrefix(tt.want, "line ") && me.Line == 0 {
				t.Errorf("error has no line: %#v", me)
			}
		})
	}
}

func TestDecodePodStrictErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"wrong kind", "apiVersion: batch/v1\nkind: Job\n",
			`line 1: apiVersion: got "batch/v1", want "v1" (expected apiVersion v1, kind Pod)`},
		{"unknown field in condition", "status:\n  conditions:\n  - type: Ready\n    state: \"True\"\n",
			`line 4: strict decoding error: unknown field "status.conditions[0].state"`},
		{"unknown field in terminated state", "status:\n  containerStatuses:\n  - name: c\n    state:\n      terminated: {exitcode: 1}\n",
			`line 5: strict decoding error: unknown field "status.containerStatuses[0].state.terminated.exitcode"`},
		{"restartCount type", "status:\n  containerStatuses:\n  - name: c\n    restartCount: many\n",
			`line 4: json: cannot unmarshal string into Go struct field ContainerStatus.status.containerStatuses.restartCount of type int32`},
		{"owner reference name", "metadata:\n  ownerReferences:\n  - {apiVersion: batch/v1, kind: Job, name: on, uid: u}\n",
			`line 3: json: cannot unmarshal bool into Go struct field OwnerReference.metadata.ownerReferences.name of type string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := manifest.DecodePod([]byte(tt.doc))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestDecodeJobKeepsUnknownInOpenTypes: at level Warn, members unknown to
// the model inside the pod spec, containers and env value sources are
// warnings in the API server's form, kept verbatim, and survive encoding.
func TestDecodeJobKeepsUnknownInOpenTypes(t *testing.T) {
	doc := `spec:
  template:
    spec:
      futureField: {x: [1, 2.50, "yes", on]}
      containers:
      - name: c
        newProbe: {exec: {command: [true]}}
        env:
        - name: A
          valueFrom:
            clusterTrustBundle: {name: b, path: p}
`
	j, warnings, err := manifest.DecodeJobWith([]byte(doc), manifest.Options{FieldValidation: manifest.Warn})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, w := range warnings {
		texts = append(texts, fmt.Sprintf("line %d: %s", w.Line, w))
	}
	if got, want := strings.Join(texts, "; "), `line 4: unknown field "spec.template.spec.futureField"; `+
		`line 7: unknown field "spec.template.spec.containers[0].newProbe"; `+
		`line 11: unknown field "spec.template.spec.containers[0].env[0].valueFrom.clusterTrustBundle"`; got != want {
		t.Errorf("warnings:\n got %s\nwant %s", got, want)
	}
	if _, err := manifest.DecodeJob([]byte(doc)); err == nil {
		t.Error("Strict accepted unknown fields")
	}
	if _, w, err := manifest.DecodeJobWith([]byte(doc), manifest.Options{FieldValidation: manifest.Ignore}); err != nil || w != nil {
		t.Errorf("Ignore: %v, %v", w, err)
	}
	ps := j.Spec.Template.Spec
	checks := map[string]string{
		"futureField":        string(ps.Unknown["futureField"]),
		"newProbe":           string(ps.Containers[0].Unknown["newProbe"]),
		"clusterTrustBundle": string(ps.Containers[0].Env[0].ValueFrom.Unknown["clusterTrustBundle"]),
	}
	want := map[string]string{
		"futureField":        `{"x":[1,2.50,"yes",true]}`,
		"newProbe":           `{"exec":{"command":[true]}}`,
		"clusterTrustBundle": `{"name":"b","path":"p"}`,
	}
	for k, w := range want {
		if checks[k] != w {
			t.Errorf("%s kept as %s, want %s", k, checks[k], w)
		}
	}
	y, err := manifest.EncodeYAML(j)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"futureField:", "newProbe:", "clusterTrustBundle:", `- "yes"`, `- true`, "- 2.50"} {
		if !strings.Contains(string(y), s) {
			t.Errorf("EncodeYAML output lacks %q:\n%s", s, y)
		}
	}
}

func TestDecodeJobNullIsAbsent(t *testing.T) {
	j, err := manifest.DecodeJob([]byte("metadata: {name: a, labels: ~}\nspec:\n  parallelism: null\n  selector:\n  template: ~\nstatus: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if j.Name != "a" || j.Labels != nil || j.Spec.Parallelism != nil || j.Spec.Selector != nil {
		t.Errorf("nulls not absent: %+v", j)
	}
}

func TestDecodeJobsMultiDocument(t *testing.T) {
	stream := `# first
apiVersion: batch/v1
kind: Job
metadata: {name: a}
---
---
# only a comment
---
{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "b"}}
---
metadata: {name: c}
`
	jobs, err := manifest.DecodeJobs([]byte(stream))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.Name)
	}
	if got := strings.Join(names, ","); got != "a,b,c" {
		t.Errorf("names = %s, want a,b,c", got)
	}

	_, err = manifest.DecodeJobs([]byte(stream + "---\nmetadata: {name: d}\nspec: {paralelism: 2}\n"))
	want := `document 4: line 14: strict decoding error: unknown field "spec.paralelism"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	var me *manifest.Error
	if !errors.As(err, &me) || me.Line != 14 || me.Path != "spec.paralelism" {
		t.Errorf("errors.As: %#v", me)
	}

	jobs, err = manifest.DecodeJobs([]byte("\n# nothing\n"))
	if err != nil || len(jobs) != 0 {
		t.Errorf("empty stream: %v, %v", jobs, err)
	}
}

func TestDecodeJobJSON(t *testing.T) {
	doc := "{\n\t\"apiVersion\": \"batch/v1\",\n\t\"kind\": \"Job\",\n\t\"spec\": {\n\t\t\"activeDeadlineSeconds\": 9007199254740993,\n\t\t\"parallelism\": \"2\"\n\t}\n}\n"
	_, err := manifest.DecodeJob([]byte(doc))
	want := `line 6: json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	j, err := manifest.DecodeJob([]byte(strings.Replace(doc, `"2"`, `2`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if *j.Spec.ActiveDeadlineSeconds != 9007199254740993 || *j.Spec.Parallelism != 2 {
		t.Errorf("decoded %+v", j.Spec)
	}
}

// TestFoldedNamesRejected: the API server's decoder matches member names
// case-sensitively, so a member that only folds onto a modelled field is
// an unknown field.
func TestFoldedNamesRejected(t *testing.T) {
	for doc, want := range map[string]string{
		"spec:\n  template:\n    spec:\n      ſubdomain: x\n": `line 4: strict decoding error: unknown field "spec.template.spec.ſubdomain"`,
		"\u212aind: Job\n":          `line 1: strict decoding error: unknown field "` + "\u212a" + `ind"`,
		"spec:\n  Parallelism: 2\n": `line 2: strict decoding error: unknown field "spec.Parallelism"`,
	} {
		_, err := manifest.DecodeJob([]byte(doc))
		if err == nil || err.Error() != want {
			t.Errorf("error = %v, want %s", err, want)
		}
	}
}

// TestDecodeJobJSONOnlyCharacters: a single JSON object is parsed as JSON,
// so strings YAML forbids (raw DEL, C1 controls) still decode, and JSON
// gets the same duplicate-key check and positions.
func TestDecodeJobJSONOnlyCharacters(t *testing.T) {
	j, err := manifest.DecodeJob([]byte("{\"metadata\": {\"name\": \"a\x7fb\u0086\"}}"))
	if err != nil {
		t.Fatal(err)
	}
	if j.Name != "a\x7fb\u0086" {
		t.Errorf("name = %q", j.Name)
	}
	_, err = manifest.DecodeJob([]byte("{\n  \"spec\": {\"parallelism\": 1,\n    \"parallelism\": 2}}"))
	if want := `line 3: strict decoding error: duplicate field "spec.parallelism"`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	_, err = manifest.DecodeJob([]byte("{\"spec\": {\"backoffLimit\": 1.0}}"))
	if want := `line 1: json: cannot unmarshal number 1.0 into Go struct field JobSpec.spec.backoffLimit of type int32`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}
