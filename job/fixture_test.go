package job

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// t0 is the instant every test sync runs at unless stated.
var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// at returns t0 + d as a Time.
func at(d time.Duration) Time { return NewTime(t0.Add(d)) }

// jobOpt edits a test Job.
type jobOpt func(*Job)

// testJob returns a defaulted Job "pi" in namespace "default" with UID
// "uid-pi", parallelism p, completions c (c < 0: nil), backoffLimit 6 and
// the generated selector.
func testJob(p, c int32, opts ...jobOpt) *Job {
	j := &Job{
		TypeMeta:   TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: ObjectMeta{Name: "pi", Namespace: "default", UID: "uid-pi", CreationTimestamp: at(-time.Hour)},
		Spec: JobSpec{
			Parallelism:          Ptr(p),
			BackoffLimit:         Ptr(int32(6)),
			Selector:             &LabelSelector{MatchLabels: map[string]string{ControllerUIDLabel: "uid-pi"}},
			CompletionMode:       Ptr(NonIndexedCompletion),
			Suspend:              Ptr(false),
			PodReplacementPolicy: Ptr(TerminatingOrFailed),
			Template: PodTemplateSpec{
				ObjectMeta: ObjectMeta{Labels: map[string]string{ControllerUIDLabel: "uid-pi", JobNameLabel: "pi"}},
				Spec: PodSpec{
					RestartPolicy: RestartPolicyNever,
					Containers:    []Container{{Name: "main", Image: "busybox"}},
				},
			},
		},
	}
	if c >= 0 {
		j.Spec.Completions = Ptr(c)
	}
	for _, o := range opts {
		o(j)
	}
	return j
}

func indexed(j *Job) { j.Spec.CompletionMode = Ptr(IndexedCompletion) }

func backoffLimit(n int32) jobOpt { return func(j *Job) { j.Spec.BackoffLimit = Ptr(n) } }

func perIndex(n int32) jobOpt {
	return func(j *Job) {
		j.Spec.BackoffLimitPerIndex = Ptr(n)
		j.Spec.BackoffLimit = Ptr(int32(2147483647))
	}
}

func suspended(v bool) jobOpt { return func(j *Job) { j.Spec.Suspend = Ptr(v) } }

func startedAt(d time.Duration) jobOpt {
	return func(j *Job) { j.Status.StartTime = Ptr(at(d)) }
}

func withStatus(f func(*JobStatus)) jobOpt { return func(j *Job) { f(&j.Status) } }

// podOpt edits a test pod.
type podOpt func(*Pod)

// testPod returns a pod of j named name in phase ph, owned by j, carrying
// the tracking finalizer and j's template labels, scheduled on node n1,
// created 2 minutes before t0. Terminal pods get a terminated container
// finished 1 minute before t0 (exit 0 or 1).
func testPod(j *Job, name string, ph PodPhase, opts ...podOpt) *Pod {
	p := &Pod{
		ObjectMeta: ObjectMeta{
			Name:              name,
			Namespace:         j.Namespace,
			UID:               UID("uid-" + name),
			CreationTimestamp: at(-2 * time.Minute),
			Labels:            map[string]string{ControllerUIDLabel: string(j.UID), JobNameLabel: j.Name},
			Finalizers:        []string{TrackingFinalizer},
			OwnerReferences: []OwnerReference{{APIVersion: "batch/v1", Kind: "Job", Name: j.Name, UID: j.UID,
				Controller: Ptr(true), BlockOwnerDeletion: Ptr(true)}},
		},
		Spec:   PodSpec{NodeName: "n1", Containers: []Container{{Name: "main"}}},
		Status: PodStatus{Phase: ph},
	}
	switch ph {
	case PodSucceeded, PodFailed:
		code := int32(0)
		if ph == PodFailed {
			code = 1
		}
		p.Status.ContainerStatuses = []ContainerStatus{{Name: "main", State: ContainerState{
			Terminated: &ContainerStateTerminated{ExitCode: code, FinishedAt: at(-time.Minute)}}}}
	case PodRunning:
		p.Status.ContainerStatuses = []ContainerStatus{{Name: "main", State: ContainerState{
			Running: &ContainerStateRunning{StartedAt: at(-time.Minute)}}}}
	}
	for _, o := range opts {
		o(p)
	}
	return p
}

func idx(i int) podOpt {
	return func(p *Pod) {
		if p.Annotations == nil {
			p.Annotations = map[string]string{}
		}
		p.Annotations[CompletionIndexKey] = fmt.Sprint(i)
		p.Labels[CompletionIndexKey] = fmt.Sprint(i)
	}
}

func annotation(k, v string) podOpt {
	return func(p *Pod) {
		if p.Annotations == nil {
			p.Annotations = map[string]string{}
		}
		p.Annotations[k] = v
	}
}

func ready(d time.Duration) podOpt {
	return func(p *Pod) {
		p.Status.Conditions = append(p.Status.Conditions, PodCondition{Type: PodReady, Status: ConditionTrue, LastTransitionTime: at(d)})
	}
}

func noFinalizer(p *Pod) { p.Finalizers = nil }

func finishedAt(d time.Duration) podOpt {
	return func(p *Pod) {
		for i := range p.Status.ContainerStatuses {
			if t := p.Status.ContainerStatuses[i].State.Terminated; t != nil {
				t.FinishedAt = at(d)
			}
		}
	}
}

func exitCodes(codes map[string]int32) podOpt {
	return func(p *Pod) {
		p.Status.ContainerStatuses = nil
		names := make([]string, 0, len(codes))
		for n := range codes {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, ContainerStatus{Name: n,
				State: ContainerState{Terminated: &ContainerStateTerminated{ExitCode: codes[n], FinishedAt: at(-time.Minute)}}})
		}
	}
}

func deletedAt(d time.Duration) podOpt {
	return func(p *Pod) { p.DeletionTimestamp = Ptr(at(d)) }
}

func restarts(n int32) podOpt {
	return func(p *Pod) { p.Status.ContainerStatuses[0].RestartCount = n }
}

// summary is a compact, comparable view of an Output.
type summary struct {
	Created     []string // generateName, or "#<index>" for Indexed pods
	Deleted     []string
	Finalizers  []string // pods whose finalizer is removed
	Adopted     []string
	Released    []string
	Writes      int
	Events      []string // reasons
	RequeueSecs float64  // -1: none
}

func summarize(out Output) summary {
	s := summary{RequeueSecs: -1}
	for _, a := range out.Actions {
		switch a := a.(type) {
		case CreatePod:
			if a.Index >= 0 {
				s.Created = append(s.Created, fmt.Sprintf("#%d", a.Index))
			} else {
				s.Created = append(s.Created, a.Pod.GenerateName)
			}
		case DeletePod:
			s.Deleted = append(s.Deleted, a.Pod.Name)
		case RemoveFinalizer:
			s.Finalizers = append(s.Finalizers, a.Pod.Name)
		case WriteStatus:
			s.Writes++
		case AdoptPod:
			s.Adopted = append(s.Adopted, a.Pod.Name)
		case ReleasePod:
			s.Released = append(s.Released, a.Pod.Name)
		}
	}
	for _, e := range out.Events {
		s.Events = append(s.Events, e.Reason)
	}
	if out.RequeueAfter != nil {
		s.RequeueSecs = out.RequeueAfter.Seconds()
	}
	return s
}

// condSummary renders conditions as "Type=Status/Reason".
func condSummary(st *JobStatus) string {
	if st == nil {
		return "<nil>"
	}
	var parts []string
	for _, c := range st.Conditions {
		parts = append(parts, string(c.Type)+"="+c.Status+"/"+c.Reason)
	}
	return strings.Join(parts, ",")
}

// mustStep runs Step at t0 (unless now is set) and fails the test on error.
func mustStep(t testing.TB, in Input) Output {
	t.Helper()
	if in.Now.IsZero() {
		in.Now = t0
	}
	out, err := Step(in)
	if err != nil {
		t.Fatalf("Step: %v", err)
	}
	return out
}

func i32(p *int32) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}
