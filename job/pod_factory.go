package job

import (
	"slices"
	"strconv"
	"strings"
)

// maxGeneratedNameLength is the longest generateName the API server keeps
// before appending 5 random characters (63 − 5).
const maxGeneratedNameLength = 58

// completionIndexFieldPath is the downward-API path of JOB_COMPLETION_INDEX
// (PodIndexLabel GA: the label, not the annotation).
const completionIndexFieldPath = "metadata.labels['" + CompletionIndexKey + "']"

// podTemplate returns the Job's template prepared for pod creation (§5.8):
// a deep copy with, for Indexed Jobs, JOB_COMPLETION_INDEX appended to the
// env of every init container and container that does not define it, and
// the tracking finalizer added when absent.
func (s *syncer) podTemplate() *PodTemplateSpec {
	t := s.job.Spec.Template.DeepCopy()
	if s.indexed {
		for i := range t.Spec.InitContainers {
			addCompletionIndexEnv(&t.Spec.InitContainers[i])
		}
		for i := range t.Spec.Containers {
			addCompletionIndexEnv(&t.Spec.Containers[i])
		}
	}
	if !slices.Contains(t.Finalizers, TrackingFinalizer) {
		t.Finalizers = append(t.Finalizers, TrackingFinalizer)
	}
	return t
}

func addCompletionIndexEnv(c *Container) {
	if c.HasEnv(CompletionIndexEnv) {
		return
	}
	c.Env = append(c.Env, EnvVar{
		Name:      CompletionIndexEnv,
		ValueFrom: &EnvVarSource{FieldRef: &ObjectFieldSelector{FieldPath: completionIndexFieldPath}},
	})
}

// newPod builds the pod to create from the prepared template t, for
// completion index ix (ix < 0: NonIndexed). The pod's metadata is its own;
// nothing is shared with the Job:
//
//   - namespace of the Job; labels, annotations and finalizers copied from
//     t (no name, no other metadata); spec copied from t by value, sharing
//     its slices, maps and pointers with t and so with every other pod
//     built from t (see CreatePod);
//   - one owner reference: apiVersion batch/v1, kind Job, the Job's name and
//     UID, controller and blockOwnerDeletion true;
//   - NonIndexed: generateName "<job>-" ("<job>" when that is not a valid
//     name prefix);
//   - Indexed: label and annotation batch.kubernetes.io/job-completion-index
//     = ix, spec.hostname "<job>-<ix>", generateName "<job>-<ix>-" with the
//     job-name part cut so the whole fits 58 characters; with
//     backoffLimitPerIndex, the failure-count annotation (always) and the
//     ignored-failure-count annotation (when > 0) of §7.4.
func (s *syncer) newPod(t *PodTemplateSpec, ix int32) *Pod {
	j := s.job
	// One allocation for the pod, its owner reference and the two flags
	// the reference points to (they live and die together).
	a := &newPodAlloc{flags: [2]bool{true, true}}
	a.ref[0] = OwnerReference{
		APIVersion:         "batch/v1",
		Kind:               "Job",
		Name:               j.Name,
		UID:                j.UID,
		Controller:         &a.flags[0],
		BlockOwnerDeletion: &a.flags[1],
	}
	p := &a.pod
	extraLabels, extraAnnotations := 0, 0
	if ix >= 0 {
		extraLabels, extraAnnotations = 1, 1
		if s.perIndex {
			extraAnnotations = 3
		}
	}
	p.ObjectMeta = ObjectMeta{
		Namespace:       j.Namespace,
		Labels:          cloneWithRoom(t.Labels, extraLabels),
		Annotations:     cloneWithRoom(t.Annotations, extraAnnotations),
		Finalizers:      finalizersOf(t.Finalizers, &a.fin),
		OwnerReferences: a.ref[:],
	}
	// The spec's slices, maps and pointers are shared with the prepared
	// template t, which belongs to this Step's output alone (CreatePod).
	p.Spec = t.Spec
	if ix < 0 {
		p.GenerateName = podNamePrefix(j.Name)
		return p
	}
	// "<job>-<ix>-" is built once; the index and, unless the job name was
	// cut, the hostname "<job>-<ix>" are substrings of it.
	gen := generateNameWithDecimal(j.Name, strconv.Itoa(int(ix)))
	v := gen[strings.LastIndexByte(gen[:len(gen)-1], '-')+1 : len(gen)-1]
	p.GenerateName = gen
	if host := gen[:len(gen)-1]; len(host) == len(j.Name)+1+len(v) {
		p.Spec.Hostname = host
	} else {
		p.Spec.Hostname = j.Name + "-" + v
	}
	p.Annotations[CompletionIndexKey] = v
	p.Labels[CompletionIndexKey] = v
	if s.perIndex {
		failures, ignored := s.newIndexFailureCounts(ix)
		p.Annotations[IndexFailureCountKey] = strconv.Itoa(int(failures))
		if ignored > 0 {
			p.Annotations[IndexIgnoredFailureCountKey] = strconv.Itoa(int(ignored))
		}
	}
	return p
}

// cloneWithRoom copies m into a new map sized for extra more keys (a nil
// or empty m with extra 0 gives nil).
func cloneWithRoom(m map[string]string, extra int) map[string]string {
	if len(m) == 0 && extra == 0 {
		return nil
	}
	out := make(map[string]string, len(m)+extra)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// finalizersOf copies fs, into the one-element array buf when it fits.
func finalizersOf(fs []string, buf *[1]string) []string {
	if len(fs) == 1 {
		buf[0] = fs[0]
		return buf[:1:1]
	}
	return slices.Clone(fs)
}

// newPodAlloc is the memory of a pod built by newPod, its owner reference
// (a slice of length and capacity 1) and the reference's Controller and
// BlockOwnerDeletion flags, allocated at once.
type newPodAlloc struct {
	pod   Pod
	ref   [1]OwnerReference
	flags [2]bool
	fin   [1]string
}

// generateNameWithDecimal is "<job>-<v>-" for the index written in decimal
// as v, with the job-name part cut to 58 − len("-<v>-") characters when the
// whole would exceed 58 (one allocation).
func generateNameWithDecimal(jobName, v string) string {
	if keep := maxGeneratedNameLength - len(v) - len("--"); len(jobName) > keep {
		jobName = jobName[:keep]
	}
	return jobName + "-" + v + "-"
}

// podNamePrefix is "<job>-" when that is a valid generateName (a DNS-1123
// subdomain once its trailing dash is masked), else "<job>".
func podNamePrefix(jobName string) string {
	prefix := jobName + "-"
	masked := jobName + "a"
	if len(prefix) == 1 {
		masked = prefix
	}
	if isDNS1123Subdomain(masked) {
		return prefix
	}
	return jobName
}

// isDNS1123Subdomain: at most 253 characters of dot-separated labels of
// lower-case alphanumerics and '-', each starting and ending alphanumeric.
func isDNS1123Subdomain(v string) bool {
	if len(v) == 0 || len(v) > 253 {
		return false
	}
	alnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
	start := true
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case alnum(c):
			start = false
		case c == '-' && !start:
		case c == '.' && !start && v[i-1] != '-':
			start = true
		default:
			return false
		}
	}
	return !start && v[len(v)-1] != '-'
}
