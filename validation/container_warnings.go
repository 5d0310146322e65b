package validation

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/corev1"
	"github.com/jobkit/jobkit/validation/field"
)

// Per-container pod-template warnings (items 7 and 8 of the list in
// pod_warnings.go): security annotations without their fields, fractional
// byte quantities, hidden env entries, and container ports.

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
	sc := c.SecurityContext
	if sc == nil || sc.SeccompProfile == nil {
		if k := seccompContainerAnnotation + c.Name; hasAnnotation(t, k) {
			w = append(w, fmt.Sprintf(`%s: non-functional in v1.27+; use the "seccompProfile" field instead`, annPath.Key(k)))
		}
	}
	if !podAppArmor && (sc == nil || sc.AppArmorProfile == nil) {
		if k := appArmorAnnotation + c.Name; hasAnnotation(t, k) {
			w = append(w, fmt.Sprintf(`%s: deprecated since v1.30; use the "appArmorProfile" field instead`, annPath.Key(k)))
		}
	}
	for _, r := range []struct {
		list string
		name corev1.ResourceName
		m    corev1.ResourceList
	}{
		{"limits", "memory", c.Resources.Limits}, {"requests", "memory", c.Resources.Requests},
		{"limits", "ephemeral-storage", c.Resources.Limits}, {"requests", "ephemeral-storage", c.Resources.Requests},
	} {
		if q, ok := r.m[r.name]; ok && q.MilliValue()%1000 != 0 {
			w = append(w, fmt.Sprintf("%s: fractional byte value %q is invalid, must be an integer", cp.Child("resources", r.list).Key(string(r.name)), q.String()))
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
		port corev1.ContainerPort
	}
	all := map[string][]block{}
	visitContainers(s, sp, func(c *job.Container, cp *field.Path) {
		for i, port := range c.Ports {
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
