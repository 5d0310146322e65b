package job

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDeletionRanking(t *testing.T) {
	j := testJob(2, 2)
	sidecar := func(restarts int32) podOpt {
		return func(p *Pod) {
			p.Spec.InitContainers = []Container{{Name: "side", RestartPolicy: Ptr(ContainerRestartPolicyAlways)}}
			p.Status.InitContainerStatuses = []ContainerStatus{{Name: "side", RestartCount: restarts}}
		}
	}
	created := func(d time.Duration) podOpt { return func(p *Pod) { p.CreationTimestamp = at(d) } }
	tests := []struct {
		name  string
		a, b  *Pod // a must rank first (be deleted first)
		equal bool
	}{
		{"unscheduled first", testPod(j, "z", PodRunning, func(p *Pod) { p.Spec.NodeName = "" }), testPod(j, "a", PodRunning), false},
		{"pending before running", testPod(j, "z", PodPending), testPod(j, "a", PodRunning), false},
		{"unknown before running", testPod(j, "z", PodUnknown), testPod(j, "a", PodRunning), false},
		{"empty phase like pending", testPod(j, "a", ""), testPod(j, "z", PodUnknown), false},
		{"not ready before ready", testPod(j, "z", PodRunning), testPod(j, "a", PodRunning, ready(-time.Hour)), false},
		{"recently ready first", testPod(j, "z", PodRunning, ready(-time.Minute)), testPod(j, "a", PodRunning, ready(-time.Hour)), false},
		{"zero ready time most recent", testPod(j, "z", PodRunning, func(p *Pod) {
			p.Status.Conditions = []PodCondition{{Type: PodReady, Status: ConditionTrue}}
		}), testPod(j, "a", PodRunning, ready(-time.Second)), false},
		{"more restarts first", testPod(j, "z", PodRunning, restarts(3)), testPod(j, "a", PodRunning, restarts(1)), false},
		{"more sidecar restarts first", testPod(j, "z", PodRunning, sidecar(2)), testPod(j, "a", PodRunning, sidecar(1)), false},
		{"newer first", testPod(j, "z", PodRunning, created(-time.Minute)), testPod(j, "a", PodRunning, created(-time.Hour)), false},
		{"zero creation newest", testPod(j, "z", PodRunning, func(p *Pod) { p.CreationTimestamp = Time{} }), testPod(j, "a", PodRunning), false},
		{"tie: name", testPod(j, "a", PodRunning), testPod(j, "b", PodRunning), false},
		{"tie: uid", testPod(j, "a", PodRunning, func(p *Pod) { p.UID = "1" }), testPod(j, "a", PodRunning, func(p *Pod) { p.UID = "2" }), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &syncer{job: j}
			s.recs = []podRec{s.classify(tc.a, false, parseCompletionIndex(tc.a.Annotations), false), s.classify(tc.b, false, parseCompletionIndex(tc.b.Annotations), false)}
			ka, kb := s.rankKeyOf(0), s.rankKeyOf(1)
			if c := s.cmpRank(&ka, &kb); c >= 0 {
				t.Errorf("cmpRank(a, b) = %d, want < 0", c)
			}
			if c := s.cmpRank(&kb, &ka); c <= 0 {
				t.Errorf("cmpRank(b, a) = %d, want > 0", c)
			}
			ids := []int32{1, 0}
			s.sortByDeletionRank(ids)
			if ids[0] != 0 {
				t.Errorf("sorted = %v, want a first", ids)
			}
		})
	}
}

func TestGenerateNameWithIndex(t *testing.T) {
	long := strings.Repeat("a", 70)
	tests := []struct {
		job  string
		ix   int32
		want string
	}{
		{"pi", 0, "pi-0-"},
		{"pi", 123, "pi-123-"},
		{long, 1, strings.Repeat("a", 55) + "-1-"},
		{strings.Repeat("b", 55), 1, strings.Repeat("b", 55) + "-1-"}, // exactly 58
		{strings.Repeat("b", 56), 1, strings.Repeat("b", 55) + "-1-"}, // 59 → cut
		{strings.Repeat("c", 63), 12345, strings.Repeat("c", 51) + "-12345-"},
	}
	for _, tc := range tests {
		if got := generateNameWithDecimal(tc.job, strconv.Itoa(int(tc.ix))); got != tc.want || len(got) > 58 {
			t.Errorf("generateNameWithDecimal(%q, %d) = %q, want %q", tc.job, tc.ix, got, tc.want)
		}
	}
}

func TestPodNamePrefix(t *testing.T) {
	tests := map[string]string{
		"pi":        "pi-",
		"a.b":       "a.b-",
		"Upper":     "Upper", // not a valid name prefix: no dash added
		"x":         "x-",
		"with_uscr": "with_uscr",
	}
	for name, want := range tests {
		if got := podNamePrefix(name); got != want {
			t.Errorf("podNamePrefix(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNewPodIndexed(t *testing.T) {
	j := testJob(1, 3, indexed, perIndex(2), func(j *Job) {
		j.Spec.Template.Annotations = map[string]string{"a": "b"}
		j.Spec.Template.Spec.InitContainers = []Container{{Name: "init"}}
		j.Spec.Template.Spec.Containers = append(j.Spec.Template.Spec.Containers,
			Container{Name: "has-env", Env: []EnvVar{{Name: CompletionIndexEnv, Value: "x"}}})
	})
	before := j.DeepCopy()
	failed := testPod(j, "f2", PodFailed, idx(2), annotation(IndexFailureCountKey, "1"), annotation(IndexIgnoredFailureCountKey, "3"))
	out := mustStep(t, Input{Job: j, Pods: []*Pod{failed}})
	if diff := cmp.Diff(before, j); diff != "" {
		t.Fatalf("job modified: %s", diff)
	}
	var created []*Pod
	for _, a := range out.Actions {
		if c, ok := a.(CreatePod); ok {
			if c.Pod.Annotations[CompletionIndexKey] != c.Pod.Labels[CompletionIndexKey] {
				t.Errorf("index annotation and label differ: %v %v", c.Pod.Annotations, c.Pod.Labels)
			}
			created = append(created, c.Pod)
		}
	}
	if len(created) != 1 {
		t.Fatalf("created %d pods, want 1 (parallelism 1)", len(created))
	}
	p := created[0]
	env := EnvVar{Name: CompletionIndexEnv, ValueFrom: &EnvVarSource{FieldRef: &ObjectFieldSelector{
		FieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']"}}}
	want := &Pod{
		ObjectMeta: ObjectMeta{
			GenerateName: "pi-0-",
			Namespace:    "default",
			Labels:       map[string]string{ControllerUIDLabel: "uid-pi", JobNameLabel: "pi", CompletionIndexKey: "0"},
			Annotations:  map[string]string{"a": "b", CompletionIndexKey: "0", IndexFailureCountKey: "0"},
			Finalizers:   []string{TrackingFinalizer},
			OwnerReferences: []OwnerReference{{APIVersion: "batch/v1", Kind: "Job", Name: "pi", UID: "uid-pi",
				Controller: Ptr(true), BlockOwnerDeletion: Ptr(true)}},
		},
		Spec: PodSpec{
			RestartPolicy:  RestartPolicyNever,
			Hostname:       "pi-0",
			InitContainers: []Container{{Name: "init", Env: []EnvVar{env}}},
			Containers: []Container{{Name: "main", Image: "busybox", Env: []EnvVar{env}},
				{Name: "has-env", Env: []EnvVar{{Name: CompletionIndexEnv, Value: "x"}}}},
		},
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("created pod (-want +got):\n%s", diff)
	}
}

func TestNewPodReplacesDelayedIndex(t *testing.T) {
	j := testJob(1, 1, indexed, perIndex(5))
	failed := testPod(j, "f0", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"), annotation(IndexIgnoredFailureCountKey, "3"), finishedAt(-time.Hour))
	out := mustStep(t, Input{Job: j, Pods: []*Pod{failed}})
	s := summarize(out)
	if len(s.Created) != 1 || len(s.Finalizers) != 0 {
		t.Fatalf("summary %+v: want one creation and the failed pod kept (delayed deletion)", s)
	}
	p := out.Actions[0].(CreatePod).Pod
	if got := [2]string{p.Annotations[IndexFailureCountKey], p.Annotations[IndexIgnoredFailureCountKey]}; got != [2]string{"2", "3"} {
		t.Errorf("failure/ignored annotations = %v, want [2 3]", got)
	}
	// Recent failure: 1+3+1 = 5 failures → 160 s backoff, 1 h elapsed → 0;
	// with a 10 s old failure the creation waits 150 s.
	failed2 := testPod(j, "f0", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"), annotation(IndexIgnoredFailureCountKey, "3"), finishedAt(-10*time.Second))
	out = mustStep(t, Input{Job: j, Pods: []*Pod{failed2}})
	if s := summarize(out); len(s.Created) != 0 || s.RequeueSecs != 150 {
		t.Errorf("summary %+v: want no creation, requeue 150s", s)
	}
}

// TestCreatedPodsShareOnlyTheirSpec pins CreatePod's contract: each created
// pod's metadata is its own, and no part of any pod aliases the input Job.
func TestCreatedPodsShareOnlyTheirSpec(t *testing.T) {
	j := testJob(3, 3)
	indexed(j)
	before := j.DeepCopy()
	out, err := Step(Input{Job: j, Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	var pods []*Pod
	for _, a := range out.Actions {
		if c, ok := a.(CreatePod); ok {
			pods = append(pods, c.Pod)
		}
	}
	if len(pods) != 3 {
		t.Fatalf("created %d pods, want 3", len(pods))
	}
	// Writing one pod's metadata and spec scalars touches no other pod.
	pods[0].Labels["mine"] = "x"
	pods[0].Annotations["mine"] = "x"
	pods[0].Finalizers[0] = "changed"
	pods[0].Spec.Hostname = "changed"
	for _, p := range pods[1:] {
		if p.Labels["mine"] != "" || p.Annotations["mine"] != "" || p.Finalizers[0] != TrackingFinalizer || p.Spec.Hostname == "changed" {
			t.Fatalf("pod %s shares metadata with another created pod", p.GenerateName)
		}
	}
	// Even in-place writes to the shared spec leave the input Job alone.
	pods[0].Spec.Containers[0].Name = "changed"
	if !reflect.DeepEqual(j, before) {
		t.Fatal("a created pod aliases the input Job")
	}
	if pods[1].Spec.Hostname != "pi-1" || pods[2].Annotations[CompletionIndexKey] != "2" {
		t.Fatalf("pods built wrongly: %q, %q", pods[1].Spec.Hostname, pods[2].Annotations[CompletionIndexKey])
	}
}
