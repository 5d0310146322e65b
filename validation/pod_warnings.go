package validation

import (
	"encoding/json"
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/field"
)

// Pod-template warnings: the API server appends to a Job's create warnings
// (and, when the generation changed, its update warnings) the generic
// warnings of its pod template (k8s.io/kubernetes pkg/api/pod
// GetWarningsForPodTemplate, at path spec.template). They are returned in
// upstream's order:
//
//  1. deprecated node labels in spec.nodeSelector (keys in ascending order;
//     upstream: Go map order), in required node-affinity terms, then in
//     preferred ones;
//  2. topologySpreadConstraints: deprecated topologyKey, null labelSelector;
//  3. deprecated pod annotations;
//  4. deprecated volume plugins;
//  5. duplicate hostAliases IPs, duplicate and empty imagePullSecrets names;
//  6. the pod seccomp annotation without the seccompProfile field;
//  7. per container (init containers first): seccomp and AppArmor
//     annotations without their fields, fractional memory and
//     ephemeral-storage quantities, env entries hiding an earlier one;
//  8. container ports: hostIP without hostPort, duplicate, overlapping and
//     ambiguous definitions;
//  9. a negative terminationGracePeriodSeconds;
//  10. pod (anti-)affinity terms with a null labelSelector.
//
// Not modelled: overlapping projected/configMap/secret volume paths, the
// pod overhead and ephemeral volume claim warnings.
//
// Deviation (bounded work on untrusted input): upstream compares every pair
// of ports with the same containerPort/protocol, so thousands of identical
// ports give millions of warnings; here the port warnings stop at
// maxPortWarnings.

// deprecatedNodeLabels are the node labels whose use in a selector warns.
var deprecatedNodeLabels = map[string]string{
	"beta.kubernetes.io/arch":                  `deprecated since v1.14; use "kubernetes.io/arch" instead`,
	"beta.kubernetes.io/os":                    `deprecated since v1.14; use "kubernetes.io/os" instead`,
	"failure-domain.beta.kubernetes.io/region": `deprecated since v1.17; use "topology.kubernetes.io/region" instead`,
	"failure-domain.beta.kubernetes.io/zone":   `deprecated since v1.17; use "topology.kubernetes.io/zone" instead`,
	"beta.kubernetes.io/instance-type":         `deprecated since v1.17; use "node.kubernetes.io/instance-type" instead`,
}

// deprecatedPodAnnotations, in upstream's order.
var deprecatedPodAnnotations = []struct{ key, msg string }{
	{"scheduler.alpha.kubernetes.io/critical-pod", `non-functional in v1.16+; use the "priorityClassName" field instead`},
	{"security.alpha.kubernetes.io/sysctls", `non-functional in v1.11+; use the "sysctls" field instead`},
	{"security.alpha.kubernetes.io/unsafe-sysctls", `non-functional in v1.11+; use the "sysctls" field instead`},
}

// deprecatedVolumes: JSON member, path segment (internal field name) and
// message, in upstream's order.
var deprecatedVolumes = []struct{ member, segment, msg string }{
	{"photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"},
	{"gitRepo", "gitRepo", "deprecated in v1.11"},
	{"scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"},
	{"flocker", "flocker", "deprecated in v1.22, non-functional in v1.25+"},
	{"storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"},
	{"quobyte", "quobyte", "deprecated in v1.22, non-functional in v1.25+"},
	{"glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"},
	{"cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"},
	{"rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"},
}

const (
	seccompPodAnnotation       = "seccomp.security.alpha.kubernetes.io/pod"
	seccompContainerAnnotation = "container.seccomp.security.alpha.kubernetes.io/"
	appArmorAnnotation         = "container.apparmor.security.beta.kubernetes.io/"
	nullLabelSelectorWarning   = "a null labelSelector results in matching no pod"
)

// Decoded views of the pod-template members the warnings read. Members
// that do not decode are skipped (validation of their shape is generic Pod
// validation, out of jobkit's scope).
type (
	wNodeSelectorTerm struct {
		MatchExpressions []struct {
			Key string `json:"key"`
		} `json:"matchExpressions"`
	}
	wPodAffinityTerm struct {
		LabelSelector json.RawMessage `json:"labelSelector"`
	}
	wPodAffinity struct {
		Required  []wPodAffinityTerm `json:"requiredDuringSchedulingIgnoredDuringExecution"`
		Preferred []struct {
			Term wPodAffinityTerm `json:"podAffinityTerm"`
		} `json:"preferredDuringSchedulingIgnoredDuringExecution"`
	}
	wAffinity struct {
		NodeAffinity *struct {
			Required *struct {
				Terms []wNodeSelectorTerm `json:"nodeSelectorTerms"`
			} `json:"requiredDuringSchedulingIgnoredDuringExecution"`
			Preferred []struct {
				Preference wNodeSelectorTerm `json:"preference"`
			} `json:"preferredDuringSchedulingIgnoredDuringExecution"`
		} `json:"nodeAffinity"`
		PodAffinity     *wPodAffinity `json:"podAffinity"`
		PodAntiAffinity *wPodAffinity `json:"podAntiAffinity"`
	}
	wSecurityContext struct {
		SeccompProfile  json.RawMessage `json:"seccompProfile"`
		AppArmorProfile json.RawMessage `json:"appArmorProfile"`
	}
	wPort struct {
		Name          string `json:"name"`
		HostPort      int32  `json:"hostPort"`
		ContainerPort int32  `json:"containerPort"`
		Protocol      string `json:"protocol"`
		HostIP        string `json:"hostIP"`
	}
)

// podTemplateWarnings returns the pod-template warnings of t, whose path is
// p (spec.template for a Job).
func podTemplateWarnings(t *job.PodTemplateSpec, p *field.Path) []string {
	var w []string
	add := func(path *field.Path, format string, args ...any) {
		w = append(w, path.String()+": "+fmt.Sprintf(format, args...))
	}
	sp := p.Child("spec")
	u := t.Spec.Unknown

	var nodeSelector map[string]string
	if decodeMember(u, "nodeSelector", &nodeSelector) {
		for _, k := range sortedMapKeys(nodeSelector) {
			if msg, ok := deprecatedNodeLabels[k]; ok {
				add(sp.Child("nodeSelector").Key(k), "%s", msg)
			}
		}
	}
	var aff wAffinity
	hasAff := decodeMember(u, "affinity", &aff)
	if hasAff {
		w = append(w, nodeAffinityWarnings(aff, sp)...)
	}
	var spread []struct {
		TopologyKey   string          `json:"topologyKey"`
		LabelSelector json.RawMessage `json:"labelSelector"`
	}
	if decodeMember(u, "topologySpreadConstraints", &spread) {
		for i, c := range spread {
			cp := sp.Child("topologySpreadConstraints").Index(i)
			if msg, ok := deprecatedNodeLabels[c.TopologyKey]; ok {
				add(cp.Child("topologyKey"), "%s is %s", c.TopologyKey, msg)
			}
			if isNullOrAbsent(c.LabelSelector) {
				add(cp.Child("labelSelector"), "%s", nullLabelSelectorWarning)
			}
		}
	}
	annPath := p.Child("metadata", "annotations")
	for _, d := range deprecatedPodAnnotations {
		if _, ok := t.Annotations[d.key]; ok {
			add(annPath.Key(d.key), "%s", d.msg)
		}
	}
	var volumes []map[string]json.RawMessage
	if decodeMember(u, "volumes", &volumes) {
		for i, v := range volumes {
			for _, d := range deprecatedVolumes {
				if raw, ok := v[d.member]; ok && !isNullOrAbsent(raw) {
					add(sp.Child("volumes").Index(i).Child(d.segment), "%s", d.msg)
				}
			}
		}
	}
	w = append(w, duplicateNameWarnings(u, sp)...)
	var psc wSecurityContext
	hasPSC := decodeMember(u, "securityContext", &psc)
	if !hasPSC || isNullOrAbsent(psc.SeccompProfile) {
		if _, ok := t.Annotations[seccompPodAnnotation]; ok {
			add(annPath.Key(seccompPodAnnotation), `non-functional in v1.27+; use the "seccompProfile" field instead`)
		}
	}
	podAppArmor := hasPSC && !isNullOrAbsent(psc.AppArmorProfile)
	visitContainers(&t.Spec, sp, func(c *job.Container, cp *field.Path) {
		w = append(w, containerWarnings(t, c, cp, annPath, podAppArmor)...)
	})
	w = append(w, portWarnings(&t.Spec, sp)...)
	var grace int64
	if decodeMember(u, "terminationGracePeriodSeconds", &grace) && grace < 0 {
		add(sp.Child("terminationGracePeriodSeconds"), "must be >= 0; negative values are invalid and will be treated as 1")
	}
	if hasAff {
		w = append(w, podAffinityWarnings("podAffinity", aff.PodAffinity, sp)...)
		w = append(w, podAffinityWarnings("podAntiAffinity", aff.PodAntiAffinity, sp)...)
	}
	return w
}

// nodeAffinityWarnings: deprecated node labels in the required node-affinity
// terms, then in the preferred ones, each in list order.
func nodeAffinityWarnings(aff wAffinity, sp *field.Path) []string {
	na := aff.NodeAffinity
	if na == nil {
		return nil
	}
	var w []string
	if na.Required != nil {
		tp := sp.Child("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms")
		for i, term := range na.Required.Terms {
			w = append(w, nodeTermWarnings(term, tp.Index(i))...)
		}
	}
	pp := sp.Child("affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution")
	for i, pref := range na.Preferred {
		w = append(w, nodeTermWarnings(pref.Preference, pp.Index(i).Child("preference"))...)
	}
	return w
}

// podAffinityWarnings: required, then preferred, terms of the pod
// (anti-)affinity member name with a null labelSelector.
func podAffinityWarnings(name string, aff *wPodAffinity, sp *field.Path) []string {
	if aff == nil {
		return nil
	}
	var w []string
	rp := sp.Child("affinity", name, "requiredDuringSchedulingIgnoredDuringExecution")
	for i, term := range aff.Required {
		if isNullOrAbsent(term.LabelSelector) {
			w = append(w, rp.Index(i).Child("labelSelector").String()+": "+nullLabelSelectorWarning)
		}
	}
	pp := sp.Child("affinity", name, "preferredDuringSchedulingIgnoredDuringExecution")
	for i, term := range aff.Preferred {
		if isNullOrAbsent(term.Term.LabelSelector) {
			w = append(w, pp.Index(i).Child("podAffinityTerm", "labelSelector").String()+": "+nullLabelSelectorWarning)
		}
	}
	return w
}

func nodeTermWarnings(term wNodeSelectorTerm, p *field.Path) []string {
	var w []string
	for i, e := range term.MatchExpressions {
		if msg, ok := deprecatedNodeLabels[e.Key]; ok {
			w = append(w, fmt.Sprintf("%s: %s is %s", p.Child("matchExpressions").Index(i).Child("key"), e.Key, msg))
		}
	}
	return w
}

// duplicateNameWarnings: duplicate hostAliases IPs, duplicate and empty
// imagePullSecrets names.
func duplicateNameWarnings(u job.Unknown, sp *field.Path) []string {
	var w []string
	var aliases []struct {
		IP string `json:"ip"`
	}
	if decodeMember(u, "hostAliases", &aliases) && len(aliases) > 1 {
		seen := map[string]bool{}
		for i, a := range aliases {
			if seen[a.IP] {
				w = append(w, fmt.Sprintf("%s: duplicate ip %q", sp.Child("hostAliases").Index(i).Child("ip"), a.IP))
			}
			seen[a.IP] = true
		}
	}
	var secrets []struct {
		Name string `json:"name"`
	}
	if decodeMember(u, "imagePullSecrets", &secrets) {
		if len(secrets) > 1 {
			seen := map[string]bool{}
			for i, s := range secrets {
				if seen[s.Name] {
					w = append(w, fmt.Sprintf("%s: duplicate name %q", sp.Child("imagePullSecrets").Index(i).Child("name"), s.Name))
				}
				seen[s.Name] = true
			}
		}
		for i, s := range secrets {
			if s.Name == "" {
				w = append(w, fmt.Sprintf("%s: invalid empty name %q", sp.Child("imagePullSecrets").Index(i).Child("name"), s.Name))
			}
		}
	}
	return w
}
