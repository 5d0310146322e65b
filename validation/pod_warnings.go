package validation

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"

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

// decodeMember decodes u[k] into v; false when absent, null or malformed.
func decodeMember(u job.Unknown, k string, v any) bool {
	raw, ok := u[k]
	if !ok || isEmptyJSONNull(raw) {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}

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
		keys := make([]string, 0, len(nodeSelector))
		for k := range nodeSelector {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if msg, ok := deprecatedNodeLabels[k]; ok {
				add(sp.Child("nodeSelector").Key(k), "%s", msg)
			}
		}
	}
	var aff wAffinity
	hasAff := decodeMember(u, "affinity", &aff)
	if hasAff && aff.NodeAffinity != nil {
		na := aff.NodeAffinity
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
			if isEmptyJSONNull(c.LabelSelector) {
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
				if raw, ok := v[d.member]; ok && !isEmptyJSONNull(raw) {
					add(sp.Child("volumes").Index(i).Child(d.segment), "%s", d.msg)
				}
			}
		}
	}
	w = append(w, duplicateNameWarnings(u, sp)...)
	var psc wSecurityContext
	hasPSC := decodeMember(u, "securityContext", &psc)
	if !hasPSC || isEmptyJSONNull(psc.SeccompProfile) {
		if _, ok := t.Annotations[seccompPodAnnotation]; ok {
			add(annPath.Key(seccompPodAnnotation), `non-functional in v1.27+; use the "seccompProfile" field instead`)
		}
	}
	podAppArmor := hasPSC && !isEmptyJSONNull(psc.AppArmorProfile)
	visitContainers(&t.Spec, sp, func(c *job.Container, cp *field.Path) {
		w = append(w, containerWarnings(t, c, cp, annPath, podAppArmor)...)
	})
	w = append(w, portWarnings(&t.Spec, sp)...)
	var grace int64
	if decodeMember(u, "terminationGracePeriodSeconds", &grace) && grace < 0 {
		add(sp.Child("terminationGracePeriodSeconds"), "must be >= 0; negative values are invalid and will be treated as 1")
	}
	if hasAff {
		for _, a := range []struct {
			name string
			aff  *wPodAffinity
		}{{"podAffinity", aff.PodAffinity}, {"podAntiAffinity", aff.PodAntiAffinity}} {
			if a.aff == nil {
				continue
			}
			rp := sp.Child("affinity", a.name, "requiredDuringSchedulingIgnoredDuringExecution")
			for i, term := range a.aff.Required {
				if isEmptyJSONNull(term.LabelSelector) {
					add(rp.Index(i).Child("labelSelector"), "%s", nullLabelSelectorWarning)
				}
			}
			pp := sp.Child("affinity", a.name, "preferredDuringSchedulingIgnoredDuringExecution")
			for i, term := range a.aff.Preferred {
				if isEmptyJSONNull(term.Term.LabelSelector) {
					add(pp.Index(i).Child("podAffinityTerm", "labelSelector"), "%s", nullLabelSelectorWarning)
				}
			}
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

// visitContainers calls f for every init container, then every container,
// with its path.
func visitContainers(s *job.PodSpec, sp *field.Path, f func(*job.Container, *field.Path)) {
	for i := range s.InitContainers {
		f(&s.InitContainers[i], sp.Child("initContainers").Index(i))
	}
	for i := range s.Containers {
		f(&s.Containers[i], sp.Child("containers").Index(i))
	}
}

func containerWarnings(t *job.PodTemplateSpec, c *job.Container, cp, annPath *field.Path, podAppArmor bool) []string {
	var w []string
	var sc wSecurityContext
	hasSC := decodeMember(c.Unknown, "securityContext", &sc)
	if !hasSC || isEmptyJSONNull(sc.SeccompProfile) {
		if k := seccompContainerAnnotation + c.Name; hasAnnotation(t, k) {
			w = append(w, fmt.Sprintf(`%s: non-functional in v1.27+; use the "seccompProfile" field instead`, annPath.Key(k)))
		}
	}
	if !podAppArmor && (!hasSC || isEmptyJSONNull(sc.AppArmorProfile)) {
		if k := appArmorAnnotation + c.Name; hasAnnotation(t, k) {
			w = append(w, fmt.Sprintf(`%s: deprecated since v1.30; use the "appArmorProfile" field instead`, annPath.Key(k)))
		}
	}
	var res struct {
		Limits   map[string]string `json:"limits"`
		Requests map[string]string `json:"requests"`
	}
	if decodeMember(c.Unknown, "resources", &res) {
		for _, r := range []struct {
			list, name string
			m          map[string]string
		}{
			{"limits", "memory", res.Limits}, {"requests", "memory", res.Requests},
			{"limits", "ephemeral-storage", res.Limits}, {"requests", "ephemeral-storage", res.Requests},
		} {
			if q, ok := r.m[r.name]; ok {
				if s, frac := fractionalQuantity(q); frac {
					w = append(w, fmt.Sprintf("%s: fractional byte value %q is invalid, must be an integer", cp.Child("resources", r.list).Key(r.name), s))
				}
			}
		}
	}
	if len(c.Env) > 1 {
		seen := map[string]bool{}
		for i, e := range c.Env {
			if !seen[e.Name] {
				seen[e.Name] = true
				continue
			}
			ref := "$(" + e.Name + ")"
			if e.ValueFrom != nil || e.Value == ref || !strings.Contains(e.Value, ref) {
				w = append(w, fmt.Sprintf("%s: hides previous definition of %q, which may be dropped when using apply", cp.Child("env").Index(i), e.Name))
			}
		}
	}
	return w
}

func hasAnnotation(t *job.PodTemplateSpec, k string) bool {
	_, ok := t.Annotations[k]
	return ok
}

// fractionalQuantity reports whether the quantity q is not a whole number
// (of bytes), with the API server's canonical rendering of it: the integer
// mantissa with the largest of the suffixes "m", "u" and "n" that makes it
// whole (values finer than nano round up to nano).
func fractionalQuantity(q string) (string, bool) {
	c, ok := canonicalQuantity(q)
	if !ok {
		return "", false
	}
	r, ok := new(big.Rat).SetString(c)
	if !ok || r.IsInt() {
		return "", false
	}
	thousand := big.NewRat(1000, 1)
	scaled := new(big.Rat).Set(r)
	for _, suffix := range []string{"m", "u", "n"} {
		scaled.Mul(scaled, thousand)
		if scaled.IsInt() || suffix == "n" {
			n := new(big.Int).Quo(scaled.Num(), scaled.Denom())
			if !scaled.IsInt() && scaled.Sign() > 0 {
				n.Add(n, big.NewInt(1))
			}
			return n.String() + suffix, true
		}
	}
	return "", false
}

// maxPortWarnings bounds the port warnings of one template (see the
// deviation note above).
const maxPortWarnings = 1000

// portWarnings: hostIP without hostPort, and ports sharing a
// containerPort/protocol across all containers (init containers first), at
// most maxPortWarnings of them.
func portWarnings(s *job.PodSpec, sp *field.Path) []string {
	var w []string
	type block struct {
		path string
		port wPort
	}
	all := map[string][]block{}
	visitContainers(s, sp, func(c *job.Container, cp *field.Path) {
		var ports []wPort
		if !decodeMember(c.Unknown, "ports", &ports) {
			return
		}
		for i, port := range ports {
			if len(w) >= maxPortWarnings {
				return
			}
			if port.Protocol == "" {
				port.Protocol = "TCP"
			}
			pp := cp.Child("ports").Index(i).String()
			if port.HostIP != "" && port.HostPort == 0 {
				w = append(w, fmt.Sprintf("%s: hostIP set without hostPort: {Name:%s HostPort:%d ContainerPort:%d Protocol:%s HostIP:%s}",
					pp, port.Name, port.HostPort, port.ContainerPort, port.Protocol, port.HostIP))
			}
			k := fmt.Sprintf("%d/%s", port.ContainerPort, port.Protocol)
			for _, o := range all[k] {
				if len(w) >= maxPortWarnings {
					return
				}
				a, b := port.HostIP == "", o.port.HostIP == ""
				switch {
				case port.HostIP == o.port.HostIP && port.HostPort == o.port.HostPort:
					w = append(w, fmt.Sprintf("%s: duplicate port definition with %s", pp, o.path))
				case port.HostPort == 0 || o.port.HostPort == 0:
					w = append(w, fmt.Sprintf("%s: overlapping port definition with %s", pp, o.path))
				case port.HostPort == o.port.HostPort && (a || b) && !(a && b):
					w = append(w, fmt.Sprintf("%s: dangerously ambiguous port definition with %s", pp, o.path))
				}
			}
			all[k] = append(all[k], block{pp, port})
		}
	})
	return w
}
