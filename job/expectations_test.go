package job

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

// miniExec is a test executor: it carries out actions on a pod list the
// way the API server would (created pods get a name, a UID and a
// creationTimestamp), except those it is told to fail.
type miniExec struct {
	pods []*Pod
	job  *Job
	seq  int
}

// apply carries out out's actions at now, failing those fail reports, and
// returns the Memory to pass on (the failed actions forgotten).
func (x *miniExec) apply(t *testing.T, out Output, now time.Time, fail func(Action) bool) Memory {
	t.Helper()
	var failed []Action
	for _, a := range out.Actions {
		if fail != nil && fail(a) {
			failed = append(failed, a)
			continue
		}
		switch a := a.(type) {
		case CreatePod:
			x.seq++
			p := a.Pod.DeepCopy()
			p.Name = fmt.Sprintf("%sx%d", p.GenerateName, x.seq)
			p.UID = UID("uid-" + p.Name)
			p.CreationTimestamp = NewTime(now)
			p.Status.Phase = PodPending
			x.pods = append(x.pods, p)
		case DeletePod:
			x.edit(a.Pod.UID, func(p *Pod) {
				if a.RemoveFinalizerFirst {
					p.Finalizers = nil
				}
				p.DeletionTimestamp = Ptr(NewTime(now))
			})
		case RemoveFinalizer:
			x.edit(a.Pod.UID, func(p *Pod) { p.Finalizers = nil })
		case WriteStatus:
			j := x.job.DeepCopy()
			j.Status = *a.Status.DeepCopy()
			x.job = j
		default:
			t.Fatalf("unexpected action %s", a)
		}
	}
	return out.Memory.Forget(failed...)
}

func (x *miniExec) edit(uid UID, f func(*Pod)) {
	for i, p := range x.pods {
		if p.UID == uid {
			q := p.DeepCopy()
			f(q)
			x.pods[i] = q
		}
	}
}

func (x *miniExec) snapshot() []*Pod { return slices.Clone(x.pods) }

func countActions[T Action](out Output) int {
	n := 0
	for _, a := range out.Actions {
		if _, ok := a.(T); ok {
			n++
		}
	}
	return n
}

// TestExpectationsCustomControllerStalePods is the acceptance
// case: a controller named example.com/batch runs a Job managed by that
// name, and a second Step on the stale (empty) pod list creates nothing.
func TestExpectationsCustomControllerStalePods(t *testing.T) {
	cfg := DefaultConfig()
	cfg.ControllerName = "example.com/batch"
	j := testJob(3, 3, func(j *Job) { j.Spec.ManagedBy = Ptr("example.com/batch") })
	x := &miniExec{job: j}
	out := mustStep(t, Input{Job: j, Now: t0, Config: &cfg})
	if n := countActions[CreatePod](out); n != 3 {
		t.Fatalf("first sync created %d pods, want 3", n)
	}
	mem := x.apply(t, out, t0, nil)
	if got := mem.Expectations.Creations; !reflect.DeepEqual(got, []int32{-1, -1, -1}) {
		t.Fatalf("pending creations %v", got)
	}

	// The informer has not caught up: the same empty list.
	stale := mustStep(t, Input{Job: x.job, Now: t0.Add(time.Second), Config: &cfg, Memory: mem})
	if n := countActions[CreatePod](stale); n != 0 {
		t.Fatalf("Step on a stale pod list created %d pods", n)
	}
	if stale.RequeueAfter == nil || *stale.RequeueAfter != ExpectationsTimeout-time.Second {
		t.Errorf("requeue %v, want the expiry in %v", stale.RequeueAfter, ExpectationsTimeout-time.Second)
	}
	if !reflect.DeepEqual(stale.Memory.Expectations, mem.Expectations) {
		t.Errorf("pending expectations changed on a stale list: %+v", stale.Memory.Expectations)
	}

	// Two of the three show: still waiting.
	part := mustStep(t, Input{Job: x.job, Pods: x.snapshot()[:2], Now: t0.Add(2 * time.Second), Config: &cfg, Memory: stale.Memory})
	if n := countActions[CreatePod](part); n != 0 || len(part.Memory.Expectations.Creations) != 1 {
		t.Fatalf("with 2 of 3 pods shown: %d creations, pending %v", n, part.Memory.Expectations.Creations)
	}
	// All show: satisfied, nothing pending, nothing created.
	all := mustStep(t, Input{Job: x.job, Pods: x.snapshot(), Now: t0.Add(3 * time.Second), Config: &cfg, Memory: part.Memory})
	if n := countActions[CreatePod](all); n != 0 || !all.Memory.Expectations.IsZero() || all.RequeueAfter != nil {
		t.Fatalf("with every pod shown: %d creations, expectations %+v, requeue %v", n, all.Memory.Expectations, all.RequeueAfter)
	}
}

// TestExpectationsExpire: creations that never show stop holding the Job
// back ExpectationsTimeout after they were asked for.
func TestExpectationsExpire(t *testing.T) {
	j := testJob(2, 2)
	out := mustStep(t, Input{Job: j, Now: t0})
	x := &miniExec{job: j}
	mem := x.apply(t, out, t0, nil)
	before := mustStep(t, Input{Job: x.job, Now: t0.Add(ExpectationsTimeout - time.Second), Memory: mem})
	if n := countActions[CreatePod](before); n != 0 {
		t.Fatalf("created %d pods before the expiry", n)
	}
	if before.RequeueAfter == nil || *before.RequeueAfter != time.Second {
		t.Errorf("requeue %v, want 1s", before.RequeueAfter)
	}
	at := mustStep(t, Input{Job: x.job, Now: t0.Add(ExpectationsTimeout), Memory: before.Memory})
	if n := countActions[CreatePod](at); n != 2 {
		t.Fatalf("created %d pods at the expiry, want 2", n)
	}
	if e := at.Memory.Expectations; !e.Since.Equal(t0.Add(ExpectationsTimeout)) || len(e.Creations) != 2 {
		t.Errorf("new expectations %+v", e)
	}
}

// TestExpectationsForgetRetries: a creation the executor reports failed is
// retried by the next Step (same index) instead of waited for.
func TestExpectationsForgetRetries(t *testing.T) {
	j := testJob(3, 3, indexed)
	out := mustStep(t, Input{Job: j, Now: t0})
	x := &miniExec{job: j}
	mem := x.apply(t, out, t0, func(a Action) bool { c, ok := a.(CreatePod); return ok && c.Index == 1 })
	if got := mem.Expectations.Creations; !reflect.DeepEqual(got, []int32{0, 2}) {
		t.Fatalf("pending creations after the failure %v, want [0 2]", got)
	}
	next := mustStep(t, Input{Job: x.job, Pods: x.snapshot(), Now: t0.Add(time.Second), Memory: mem})
	var created []int32
	for _, a := range next.Actions {
		if c, ok := a.(CreatePod); ok {
			created = append(created, c.Index)
		}
	}
	if !reflect.DeepEqual(created, []int32{1}) {
		t.Fatalf("retry created indexes %v, want [1]", created)
	}
	// Without the report the Step waits.
	unreported := out.Memory
	wait := mustStep(t, Input{Job: x.job, Pods: x.snapshot(), Now: t0.Add(time.Second), Memory: unreported})
	if n := countActions[CreatePod](wait); n != 0 {
		t.Fatalf("unreported failure: %d creations, want 0 (waiting)", n)
	}
}

// TestExpectationsIndexMustMatch: a recent pod of another index does not
// observe a pending creation of an Indexed Job.
func TestExpectationsIndexMustMatch(t *testing.T) {
	j := testJob(2, 2, indexed)
	mem := Memory{Expectations: Expectations{Since: t0, Creations: []int32{0}, CreatedAfter: at(-time.Minute)}}
	other := testPod(j, "pi-1-abc", PodRunning, idx(1))
	other.CreationTimestamp = at(0)
	out := mustStep(t, Input{Job: j, Pods: []*Pod{other}, Now: t0.Add(time.Second), Memory: mem})
	if got := out.Memory.Expectations.Creations; !reflect.DeepEqual(got, []int32{0}) {
		t.Fatalf("pending %v, want [0]", got)
	}
	mine := testPod(j, "pi-0-abc", PodRunning, idx(0))
	mine.CreationTimestamp = at(0)
	out = mustStep(t, Input{Job: j, Pods: []*Pod{other, mine}, Now: t0.Add(time.Second), Memory: out.Memory})
	if !out.Memory.Expectations.IsZero() {
		t.Fatalf("pending %+v, want none", out.Memory.Expectations)
	}
	// A pod listed when the creation was asked for does not observe it.
	old := testPod(j, "pi-0-old", PodFailed, idx(0))
	old.CreationTimestamp = at(0)
	mem.Expectations.Existing = []UID{old.UID}
	out = mustStep(t, Input{Job: j, Pods: []*Pod{old}, Now: t0.Add(time.Second), Memory: mem})
	if got := out.Memory.Expectations.Creations; !reflect.DeepEqual(got, []int32{0}) {
		t.Fatalf("existing pod observed the creation: pending %v", got)
	}
}

// TestExpectationsDeletions: after a scale-down, a stale list that still
// shows the deleted pod running neither deletes nor creates; the pod shown
// deleting (or gone) satisfies the expectation.
func TestExpectationsDeletions(t *testing.T) {
	j := testJob(1, 3)
	x := &miniExec{job: j, pods: []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodRunning)}}
	old := x.snapshot()
	out := mustStep(t, Input{Job: j, Pods: old, Now: t0})
	if n := countActions[DeletePod](out); n != 1 {
		t.Fatalf("scale-down deleted %d pods", n)
	}
	mem := x.apply(t, out, t0, nil)
	if len(mem.Expectations.Deletions) != 1 || len(mem.Expectations.FinalizerRemovals) != 1 {
		t.Fatalf("expectations %+v", mem.Expectations)
	}
	// Stale: both running. Parallelism raised meanwhile: still no creation.
	j2 := x.job.DeepCopy()
	j2.Spec.Parallelism = Ptr(int32(3))
	stale := mustStep(t, Input{Job: j2, Pods: old, Now: t0.Add(time.Second), Memory: mem})
	if countActions[DeletePod](stale)+countActions[CreatePod](stale) != 0 {
		t.Fatalf("stale list: %v", stale.Actions)
	}
	fresh := mustStep(t, Input{Job: j2, Pods: x.snapshot(), Now: t0.Add(2 * time.Second), Memory: stale.Memory})
	if n := countActions[CreatePod](fresh); n != 2 {
		t.Fatalf("fresh list: %d creations, want 2 (the deleting pod does not count as active)", n)
	}
	if fresh.Memory.Expectations.FinalizerRemovals != nil || fresh.Memory.Expectations.Deletions != nil {
		t.Errorf("deletion expectations left: %+v", fresh.Memory.Expectations)
	}
}

// TestExpectationsFinalizerRemovals: a succeeded pod is counted once; a
// stale list that still shows its finalizer neither counts it again nor
// patches it again.
func TestExpectationsFinalizerRemovals(t *testing.T) {
	j := testJob(1, 2, startedAt(-time.Hour))
	x := &miniExec{job: j, pods: []*Pod{testPod(j, "a", PodSucceeded)}}
	old := x.snapshot()
	out := mustStep(t, Input{Job: j, Pods: old, Now: t0})
	mem := x.apply(t, out, t0, nil)
	if x.job.Status.Succeeded != 1 || !reflect.DeepEqual(mem.Expectations.FinalizerRemovals, []UID{"uid-a"}) {
		t.Fatalf("after the first sync: succeeded %d, expectations %+v", x.job.Status.Succeeded, mem.Expectations)
	}
	// Stale list (the finalizer still shows, the created pod does not).
	stale := mustStep(t, Input{Job: x.job, Pods: old, Now: t0.Add(time.Second), Memory: mem})
	if n := countActions[RemoveFinalizer](stale); n != 0 {
		t.Fatalf("stale list: %d finalizer removals, want 0", n)
	}
	if st := stale.Status; st != nil && (st.Succeeded != 1 || len(st.UncountedTerminatedPods.Succeeded) != 0) {
		t.Fatalf("stale list recounted the pod: %+v", st)
	}
	if !reflect.DeepEqual(stale.Memory.Expectations.FinalizerRemovals, []UID{"uid-a"}) {
		t.Fatalf("finalizer expectation dropped on a stale list: %+v", stale.Memory.Expectations)
	}
	// An orphan view without the finalizer (before an adoption) is no
	// observation either.
	orphan := old[0].DeepCopy()
	orphan.OwnerReferences, orphan.Finalizers = nil, nil
	o := mustStep(t, Input{Job: x.job, Pods: []*Pod{orphan}, Now: t0.Add(time.Second), Memory: mem})
	if countActions[RemoveFinalizer](o) != 0 || !reflect.DeepEqual(o.Memory.Expectations.FinalizerRemovals, []UID{"uid-a"}) {
		t.Fatalf("orphan view: actions %v, expectations %+v", o.Actions, o.Memory.Expectations)
	}
	if st := o.Status; st != nil && st.Succeeded != 1 {
		t.Fatalf("orphan view recounted the pod: %+v", st)
	}
	// Fresh: the removal shows and the expectation goes.
	fresh := mustStep(t, Input{Job: x.job, Pods: x.snapshot(), Now: t0.Add(2 * time.Second), Memory: stale.Memory})
	if fresh.Memory.Expectations.FinalizerRemovals != nil {
		t.Fatalf("finalizer expectation kept: %+v", fresh.Memory.Expectations)
	}
	// A reported failure is retried.
	failed := mustStep(t, Input{Job: j, Pods: old, Now: t0})
	fm := failed.Memory.Forget(RemoveFinalizer{Pod: refOf(old[0])})
	if fm.Expectations.FinalizerRemovals != nil {
		t.Fatalf("Forget kept the removal: %+v", fm.Expectations)
	}
}

// TestExpectationsHoldBackFinish: upstream's Branch A rule, a Job meeting
// a terminal criterion while creations are pending has its active pods
// deleted but gets no interim condition yet.
func TestExpectationsHoldBackFinish(t *testing.T) {
	j := testJob(2, 4, backoffLimit(0), startedAt(-time.Hour))
	pods := []*Pod{testPod(j, "a", PodRunning), testPod(j, "b", PodFailed)}
	mem := Memory{Expectations: Expectations{Since: t0, Creations: []int32{-1}, CreatedAfter: at(-time.Minute)}}
	out := mustStep(t, Input{Job: j, Pods: pods, Now: t0.Add(time.Second), Memory: mem})
	if n := countActions[DeletePod](out); n != 1 {
		t.Fatalf("deleted %d pods, want 1", n)
	}
	if out.Status != nil && out.Status.FindCondition(JobFailureTarget) != nil {
		t.Fatalf("FailureTarget set while creations are pending")
	}
	out = mustStep(t, Input{Job: j, Pods: pods, Now: t0.Add(time.Second)})
	if out.Status == nil || out.Status.FindCondition(JobFailureTarget) == nil {
		t.Fatalf("without pending expectations: no FailureTarget")
	}
}

// TestForget: Forget never modifies the Memory it is called on, and
// clears the creation and deletion record once nothing of it is left.
func TestForget(t *testing.T) {
	m := Memory{Expectations: Expectations{
		Since: t0, Creations: []int32{0, 0, 3}, CreatedAfter: at(-time.Minute), Existing: []UID{"e"},
		FinalizerRemovals: []UID{"a", "b"},
	}}
	keep := Memory{Expectations: Expectations{
		Since: t0, Creations: []int32{0, 0, 3}, CreatedAfter: at(-time.Minute), Existing: []UID{"e"},
		FinalizerRemovals: []UID{"a", "b"},
	}}
	f := m.Forget(CreatePod{Index: 0}, RemoveFinalizer{Pod: PodRef{UID: "b"}}, WriteStatus{}, CreatePod{Index: 7})
	if !reflect.DeepEqual(m, keep) {
		t.Fatalf("Forget modified its receiver: %+v", m)
	}
	if !reflect.DeepEqual(f.Expectations.Creations, []int32{0, 3}) || !reflect.DeepEqual(f.Expectations.FinalizerRemovals, []UID{"a"}) {
		t.Fatalf("after Forget: %+v", f.Expectations)
	}
	f = f.Forget(CreatePod{Index: 0}, CreatePod{Index: 3}, DeletePod{Pod: PodRef{UID: "a"}, RemoveFinalizerFirst: true})
	if !f.Expectations.IsZero() || !f.Expectations.Since.IsZero() || f.Expectations.Existing != nil {
		t.Fatalf("after forgetting everything: %+v", f.Expectations)
	}
}
