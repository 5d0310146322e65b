package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
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

// deprecatedVolumes: whether a volume uses the plugin, path segment
// (internal field name) and message, in upstream's order.
var deprecatedVolumes = []struct {
	uses         func(v *corev1.Volume) bool
	segment, msg string
}{
	{func(v *corev1.Volume) bool { return v.PhotonPersistentDisk != nil }, "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"},
	{func(v *corev1.Volume) bool { return v.GitRepo != nil }, "gitRepo", "deprecated in v1.11"},
	{func(v *corev1.Volume) bool { return v.ScaleIO != nil }, "scaleIO", "deprecated in v1.16, non-functional in v1.22+"},
	{func(v *corev1.Volume) bool { return v.Flocker != nil }, "flocker", "deprecated in v1.22, non-functional in v1.25+"},
	{func(v *corev1.Volume) bool { return v.StorageOS != nil }, "storageOS", "deprecated in v1.22, non-functional in v1.25+"},
	{func(v *corev1.Volume) bool { return v.Quobyte != nil }, "quobyte", "deprecated in v1.22, non-functional in v1.25+"},
	{func(v *corev1.Volume) bool { return v.Glusterfs != nil }, "glusterfs", "deprecated in v1.25, non-functional in v1.26+"},
	{func(v *corev1.Volume) bool { return v.CephFS != nil }, "cephfs", "deprecated in v1.28, non-functional in v1.31+"},
	{func(v *corev1.Volume) bool { return v.RBD != nil }, "rbd", "deprecated in v1.28, non-functional in v1.31+"},
}

const (
	seccompPodAnnotation       = "seccomp.security.alpha.kubernetes.io/pod"
	seccompContainerAnnotation = "container.seccomp.security.alpha.kubernetes.io/"
	appArmorAnnotation         = "container.apparmor.security.beta.kubernetes.io/"
	nullLabelSelectorWarning   = "a null labelSelector results in matching no pod"
)

// podTemplateWarnings returns the pod-template warnings of t, whose path is
// p (spec.template for a Job).
func podTemplateWarnings(t *job.PodTemplateSpec, p *field.Path) []string {
	var w []string
	add := func(path *field.Path, format string, args ...any) {
		w = append(w, path.String()+": "+fmt.Sprintf(format, args...))
	}
	sp := p.Child("spec")
	spec := &t.Spec

	for _, k := range sortedMapKeys(spec.NodeSelector) {
		if msg, ok := deprecatedNodeLabels[k]; ok {
			add(sp.Child("nodeSelector").Key(k), "%s", msg)
		}
	}
	aff := spec.Affinity
	if aff != nil {
		w = append(w, nodeAffinityWarnings(aff.NodeAffinity, sp)...)
	}
	for i, c := range spec.TopologySpreadConstraints {
		cp := sp.Child("topologySpreadConstraints").Index(i)
		if msg, ok := deprecatedNodeLabels[c.TopologyKey]; ok {
			add(cp.Child("topologyKey"), "%s is %s", c.TopologyKey, msg)
		}
		if c.LabelSelector == nil {
			add(cp.Child("labelSelector"), "%s", nullLabelSelectorWarning)
		}
	}
	annPath := p.Child("metadata", "annotations")
	for _, d := range deprecatedPodAnnotations {
		if _, ok := t.Annotations[d.key]; ok {
			add(annPath.Key(d.key), "%s", d.msg)
		}
	}
	for i := range spec.Volumes {
		for _, d := range deprecatedVolumes {
			if d.uses(&spec.Volumes[i]) {
				add(sp.Child("volumes").Index(i).Child(d.segment), "%s", d.msg)
			}
		}
	}
	w = append(w, duplicateNameWarnings(spec, sp)...)
	psc := spec.SecurityContext
	if psc == nil || psc.SeccompProfile == nil {
		if _, ok := t.Annotations[seccompPodAnnotation]; ok {
			add(annPath.Key(seccompPodAnnotation), `non-functional in v1.27+; use the "seccompProfile" field instead`)
		}
	}
	podAppArmor := psc != nil && psc.AppArmorProfile != nil
	visitContainers(spec, sp, func(c *job.Container, cp *field.Path) {
		w = append(w, containerWarnings(t, c, cp, annPath, podAppArmor)...)
	})
	w = append(w, portWarnings(spec, sp)...)
	if g := spec.TerminationGracePeriodSeconds; g != nil && *g < 0 {
		add(sp.Child("terminationGracePeriodSeconds"), "must be >= 0; negative values are invalid and will be treated as 1")
	}
	if aff != nil {
		w = append(w, podAffinityWarnings("podAffinity", podAffinityTerms(aff.PodAffinity), sp)...)
		w = append(w, podAffinityWarnings("podAntiAffinity", podAntiAffinityTerms(aff.PodAntiAffinity), sp)...)
	}
	return w
}

// nodeAffinityWarnings: deprecated node labels in the required node-affinity
// terms, then in the preferred ones, each in list order.
func nodeAffinityWarnings(na *corev1.NodeAffinity, sp *field.Path) []string {
	if na == nil {
		return nil
	}
	var w []string
	if req := na.RequiredDuringSchedulingIgnoredDuringExecution; req != nil {
		tp := sp.Child("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms")
		for i := range req.NodeSelectorTerms {
			w = append(w, nodeTermWarnings(&req.NodeSelectorTerms[i], tp.Index(i))...)
		}
	}
	pp := sp.Child("affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution")
	for i := range na.PreferredDuringSchedulingIgnoredDuringExecution {
		pref := &na.PreferredDuringSchedulingIgnoredDuringExecution[i]
		w = append(w, nodeTermWarnings(&pref.Preference, pp.Index(i).Child("preference"))...)
	}
	return w
}

// affinityTerms are the required and preferred terms of a pod affinity or
// anti-affinity (two types with the same shape).
type affinityTerms struct {
	required  []corev1.PodAffinityTerm
	preferred []corev1.WeightedPodAffinityTerm
}

func podAffinityTerms(a *corev1.PodAffinity) affinityTerms {
	if a == nil {
		return affinityTerms{}
	}
	return affinityTerms{a.RequiredDuringSchedulingIgnoredDuringExecution, a.PreferredDuringSchedulingIgnoredDuringExecution}
}

func podAntiAffinityTerms(a *corev1.PodAntiAffinity) affinityTerms {
	if a == nil {
		return affinityTerms{}
	}
	return affinityTerms{a.RequiredDuringSchedulingIgnoredDuringExecution, a.PreferredDuringSchedulingIgnoredDuringExecution}
}

// podAffinityWarnings: required, then preferred, terms of the pod
// (anti-)affinity member name with a null labelSelector.
func podAffinityWarnings(name string, aff affinityTerms, sp *field.Path) []string {
	var w []string
	rp := sp.Child("affinity", name, "requiredDuringSchedulingIgnoredDuringExecution")
	for i, term := range aff.required {
		if term.LabelSelector == nil {
			w = append(w, rp.Index(i).Child("labelSelector").String()+": "+nullLabelSelectorWarning)
		}
	}
	pp := sp.Child("affinity", name, "preferredDuringSchedulingIgnoredDuringExecution")
	for i, term := range aff.preferred {
		if term.PodAffinityTerm.LabelSelector == nil {
			w = append(w, pp.Index(i).Child("podAffinityTerm", "labelSelector").String()+": "+nullLabelSelectorWarning)
		}
	}
	return w
}

func nodeTermWarnings(term *corev1.NodeSelectorTerm, p *field.Path) []string {
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
func duplicateNameWarnings(spec *job.PodSpec, sp *field.Path) []string {
	var w []string
	if aliases := spec.HostAliases; len(aliases) > 1 {
		seen := map[string]bool{}
		for i, a := range aliases {
			if seen[a.IP] {
				w = append(w, fmt.Sprintf("%s: duplicate ip %q", sp.Child("hostAliases").Index(i).Child("ip"), a.IP))
			}
			seen[a.IP] = true
		}
	}
	secrets := spec.ImagePullSecrets
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
	return w
}
