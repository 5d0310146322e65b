package validation

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/jobkit/jobkit/job"
)

func TestPodTemplateWarnings(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	tests := []struct {
		name string
		tmpl job.PodTemplateSpec
		want []string
	}{
		{name: "none", tmpl: job.PodTemplateSpec{Spec: job.PodSpec{Containers: []job.Container{{Name: "a", Image: "i"}}}}},
		{
			name: "image pull secrets",
			tmpl: job.PodTemplateSpec{Spec: job.PodSpec{Unknown: job.Unknown{"imagePullSecrets": raw(`[{"name":"x"},{"name":""},{"name":"x"}]`)}}},
			want: []string{
				`spec.template.spec.imagePullSecrets[2].name: duplicate name "x"`,
				`spec.template.spec.imagePullSecrets[1].name: invalid empty name ""`,
			},
		},
		{
			name: "node labels, grace period, null selectors",
			tmpl: job.PodTemplateSpec{Spec: job.PodSpec{Unknown: job.Unknown{
				"nodeSelector":                  raw(`{"beta.kubernetes.io/os":"linux","disk":"ssd"}`),
				"terminationGracePeriodSeconds": raw(`-1`),
				"topologySpreadConstraints":     raw(`[{"topologyKey":"failure-domain.beta.kubernetes.io/zone"}]`),
				"affinity":                      raw(`{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"topologyKey":"x"}]}}`),
			}}},
			want: []string{
				`spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead`,
				`spec.template.spec.topologySpreadConstraints[0].topologyKey: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead`,
				`spec.template.spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod`,
				`spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`,
				`spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod`,
			},
		},
		{
			name: "affinity terms: node required, node preferred, pod required, pod preferred",
			tmpl: job.PodTemplateSpec{Spec: job.PodSpec{Unknown: job.Unknown{
				"nodeSelector": raw(`{"failure-domain.beta.kubernetes.io/zone":"a","beta.kubernetes.io/arch":"amd64"}`),
				"affinity": raw(`{
					"nodeAffinity":{
						"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[
							{"matchExpressions":[{"key":"disk"},{"key":"beta.kubernetes.io/os"}]}]},
						"preferredDuringSchedulingIgnoredDuringExecution":[
							{"weight":1,"preference":{"matchExpressions":[{"key":"beta.kubernetes.io/instance-type"}]}}]},
					"podAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[
						{"weight":1,"podAffinityTerm":{"labelSelector":{},"topologyKey":"x"}},
						{"weight":1,"podAffinityTerm":{"topologyKey":"x"}}]},
					"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"topologyKey":"x"}]}}`),
			}}},
			want: []string{
				`spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead`,
				`spec.template.spec.nodeSelector[failure-domain.beta.kubernetes.io/zone]: deprecated since v1.17; use "topology.kubernetes.io/zone" instead`,
				`spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead`,
				`spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].key: beta.kubernetes.io/instance-type is deprecated since v1.17; use "node.kubernetes.io/instance-type" instead`,
				`spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod`,
				`spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod`,
			},
		},
		{
			name: "containers",
			tmpl: job.PodTemplateSpec{
				ObjectMeta: job.ObjectMeta{Annotations: map[string]string{
					"container.seccomp.security.alpha.kubernetes.io/b": "x",
					"container.apparmor.security.beta.kubernetes.io/a": "x",
				}},
				Spec: job.PodSpec{
					InitContainers: []job.Container{{Name: "a", Unknown: job.Unknown{"ports": raw(`[{"containerPort":80}]`)}}},
					Containers: []job.Container{{
						Name: "b",
						Env:  []job.EnvVar{{Name: "X", Value: "1"}, {Name: "X", Value: "$(X)2"}, {Name: "X", Value: "3"}},
						Unknown: job.Unknown{
							"resources": raw(`{"limits":{"memory":"1.5"},"requests":{"memory":"1Gi"}}`),
							"ports":     raw(`[{"containerPort":80,"protocol":"TCP"}]`),
						},
					}},
				},
			},
			want: []string{
				`spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/a]: deprecated since v1.30; use the "appArmorProfile" field instead`,
				`spec.template.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/b]: non-functional in v1.27+; use the "seccompProfile" field instead`,
				`spec.template.spec.containers[0].resources.limits[memory]: fractional byte value "1500m" is invalid, must be an integer`,
				`spec.template.spec.containers[0].env[2]: hides previous definition of "X", which may be dropped when using apply`,
				`spec.template.spec.containers[0].ports[0]: duplicate port definition with spec.template.spec.initContainers[0].ports[0]`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl := viaJSON(t, tt.tmpl)
			got := podTemplateWarnings(&tmpl, specPath.Child("template"))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPodTemplateWarningsBoundedPorts(t *testing.T) {
	var b []byte
	b = append(b, '[')
	for i := 0; i < 20000; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"containerPort":80}`...)
	}
	b = append(b, ']')
	tmpl := viaJSON(t, job.PodTemplateSpec{Spec: job.PodSpec{Containers: []job.Container{{Name: "a", Image: "i", Unknown: job.Unknown{"ports": b}}}}})
	if got := podTemplateWarnings(&tmpl, specPath.Child("template")); len(got) != maxPortWarnings {
		t.Errorf("got %d warnings, want %d", len(got), maxPortWarnings)
	}
}
