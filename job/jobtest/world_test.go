package jobtest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newTestWorld(t *testing.T, indexed bool) *World {
	t.Helper()
	j := &job.Job{
		ObjectMeta: job.ObjectMeta{Name: "pi"},
		Spec: job.JobSpec{
			Parallelism: job.Ptr(int32(2)),
			Completions: job.Ptr(int32(4)),
			Template: job.PodTemplateSpec{Spec: job.PodSpec{
				RestartPolicy: job.RestartPolicyNever,
				Containers:    []job.Container{{Name: "main", Image: "busybox"}, {Name: "side", Image: "busybox"}},
			}},
		},
	}
	if indexed {
		m := job.IndexedCompletion
		j.Spec.CompletionMode = &m
	}
	w := NewWorld(t0)
	if _, errs := w.CreateJob(j); len(errs) > 0 {
		t.Fatalf("CreateJob: %v", errs.ToAggregate())
	}
	return w
}

// scripted returns a Step that replays outs, then returns empty outputs.
func scripted(outs ...job.Output) func(job.Input) (job.Output, error) {
	i := 0
	return func(in job.Input) (job.Output, error) {
		if i < len(outs) {
			i++
			return outs[i-1], nil
		}
		return job.Output{Memory: in.Memory}, nil
	}
}

func TestCreateJobHandling(t *testing.T) {
	w := newTestWorld(t, false)
	j := w.Job()
	if j.Namespace != "default" || j.UID != "uid-pi" || !j.CreationTimestamp.Equal(job.NewTime(t0)) {
		t.Errorf("namespace %q uid %q created %v", j.Namespace, j.UID, j.CreationTimestamp)
	}
	if j.Spec.Selector == nil || j.Spec.Selector.MatchLabels[job.ControllerUIDLabel] != "uid-pi" {
		t.Errorf("selector %+v", j.Spec.Selector)
	}
}

func TestCreatePodNames(t *testing.T) {
	w := newTestWorld(t, false)
	if err := w.ChangePod(PodChange{Name: "pi-0"}); err != nil {
		t.Fatal(err)
	}
	tmpl := &job.Pod{ObjectMeta: job.ObjectMeta{GenerateName: "pi-"}}
	w.step = scripted(job.Output{
		Actions: []job.Action{job.CreatePod{Pod: tmpl, Index: -1}, job.CreatePod{Pod: tmpl, Index: -1}},
		Events: []job.Event{
			{Type: "Normal", Reason: "SuccessfulCreate", Message: "Created pod: pi-"},
			{Type: "Normal", Reason: "SuccessfulCreate", Message: "Created pod: pi-"},
		},
	})
	rec, err := w.Settle()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"pi-1", "pi-2"}; !slices.Equal(rec.Created, want) {
		t.Errorf("created %q, want %q (pi-0 is taken)", rec.Created, want)
	}
	if rec.Events[1].Message != "Created pod: pi-2" {
		t.Errorf("event message %q", rec.Events[1].Message)
	}
	p := w.Pod("pi-2")
	if p == nil || p.UID != "uid-pi-2" || p.Status.Phase != job.PodPending || p.Namespace != "default" || !p.CreationTimestamp.Equal(job.NewTime(t0)) {
		t.Errorf("created pod %+v", p)
	}
	if rec.Rounds != 2 {
		t.Errorf("rounds %d, want 2", rec.Rounds)
	}
}

func TestCreateIndexedPodNames(t *testing.T) {
	w := newTestWorld(t, true)
	tmpl := &job.Pod{}
	w.step = scripted(
		job.Output{Actions: []job.Action{job.CreatePod{Pod: tmpl, Index: 3}, job.CreatePod{Pod: tmpl, Index: 0}}},
		job.Output{Actions: []job.Action{job.CreatePod{Pod: tmpl, Index: 3}}},
	)
	rec, err := w.Settle()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"pi-3-0", "pi-0-0", "pi-3-1"}; !slices.Equal(rec.Created, want) {
		t.Errorf("created %q, want %q", rec.Created, want)
	}
	if want := []int32{3, 0, 3}; !slices.Equal(rec.CreatedIndexes, want) {
		t.Errorf("indexes %v, want %v", rec.CreatedIndexes, want)
	}
}

func TestSettleRoundLimit(t *testing.T) {
	w := newTestWorld(t, false)
	w.step = func(in job.Input) (job.Output, error) {
		return job.Output{Actions: []job.Action{job.WriteStatus{Status: in.Job.Status.DeepCopy()}}}, nil
	}
	rec, err := w.Settle()
	if err == nil || !strings.Contains(err.Error(), "did not settle after 10 rounds") {
		t.Fatalf("err = %v, want a round-limit error", err)
	}
	if rec.Rounds != MaxSettleRounds {
		t.Errorf("rounds %d", rec.Rounds)
	}
}

func TestSettleRejectsInvalidStatus(t *testing.T) {
	w := newTestWorld(t, false)
	w.step = scripted(job.Output{Actions: []job.Action{job.WriteStatus{Status: &job.JobStatus{Active: -1}}}})
	_, err := w.Settle()
	if err == nil || !strings.Contains(err.Error(), "status.active") {
		t.Fatalf("err = %v, want a status validation error naming status.active", err)
	}
	if w.Job().Status.Active != 0 {
		t.Errorf("rejected status was persisted")
	}
}

func TestSettleCatchesInputMutation(t *testing.T) {
	w := newTestWorld(t, false)
	w.CheckInputs = true
	w.step = func(in job.Input) (job.Output, error) {
		in.Job.Status.Active = 7
		return job.Output{}, nil
	}
	if _, err := w.Settle(); err == nil || !strings.Contains(err.Error(), "modified its input Job") {
		t.Fatalf("err = %v", err)
	}
}

func TestDeleteAndFinalizerActions(t *testing.T) {
	w := newTestWorld(t, false)
	for _, c := range []PodChange{
		{Name: "a", Phase: ptr(job.PodFailed)},
		{Name: "b", Phase: ptr(job.PodRunning)},
		{Name: "c", Phase: ptr(job.PodSucceeded), Deleted: ptr(true)},
	} {
		if err := w.ChangePod(c); err != nil {
			t.Fatal(err)
		}
	}
	ref := func(n string) job.PodRef { return job.PodRef{Namespace: "default", Name: n, UID: job.UID("uid-" + n)} }
	w.step = scripted(job.Output{Actions: []job.Action{
		job.DeletePod{Pod: ref("a"), RemoveFinalizerFirst: true},
		job.DeletePod{Pod: ref("b"), RemoveFinalizerFirst: true},
		job.RemoveFinalizer{Pod: ref("c")},
	}})
	rec, err := w.Settle()
	if err != nil {
		t.Fatal(err)
	}
	if w.Pod("a") != nil || w.Pod("c") != nil {
		t.Errorf("terminal deleted pods without finalizers must disappear")
	}
	b := w.Pod("b")
	if b == nil || b.DeletionTimestamp == nil || len(b.Finalizers) != 0 {
		t.Errorf("b = %+v, want terminating without finalizer", b)
	}
	if !slices.Equal(rec.Deleted, []string{"a", "b"}) || !slices.Equal(rec.FinalizersRemoved, []string{"a", "b", "c"}) {
		t.Errorf("deleted %q, finalizersRemoved %q", rec.Deleted, rec.FinalizersRemoved)
	}
	w.step = scripted(job.Output{Actions: []job.Action{job.RemoveFinalizer{Pod: ref("zz")}}})
	if _, err := w.Settle(); err == nil || !strings.Contains(err.Error(), "no pod zz") {
		t.Errorf("err = %v, want no pod zz", err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestChangePod(t *testing.T) {
	w := newTestWorld(t, true)
	if err := w.ChangePod(PodChange{Name: "x", Index: ptr(int32(2)), Annotations: map[string]string{"k": "v"}, Finalizer: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	p := w.Pod("x")
	if p.Annotations[job.CompletionIndexKey] != "2" || p.Labels[job.CompletionIndexKey] != "2" || p.Annotations["k"] != "v" ||
		p.Spec.Hostname != "pi-2" || len(p.Finalizers) != 0 || p.ControllerRef() == nil || p.ControllerRef().UID != "uid-pi" ||
		p.Labels[job.JobNameLabel] != "pi" {
		t.Errorf("created pod %+v", p.ObjectMeta)
	}
	if err := w.ChangePod(PodChange{Name: "x", Index: ptr(int32(1))}); err != nil {
		t.Fatal(err)
	}
	if got := w.Pod("x").Annotations[job.CompletionIndexKey]; got != "2" {
		t.Errorf("index on an existing pod must be ignored (creating only), annotation now %q", got)
	}
	w.Advance(t0.Add(time.Minute))
	fin := t0.Add(30 * time.Second)
	if err := w.ChangePod(PodChange{Name: "x", Phase: ptr(job.PodFailed), ExitCode: ptr(int32(3)), Restarts: ptr(int32(2)),
		InitContainers: map[string]int32{"setup": 1}, FinishedAt: &fin, Ready: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	p = w.Pod("x")
	cs := p.Status.ContainerStatuses
	if len(cs) != 2 || cs[0].Name != "main" || cs[0].State.Terminated.ExitCode != 3 || cs[0].RestartCount != 2 ||
		cs[1].State.Terminated.ExitCode != 0 || !cs[1].State.Terminated.FinishedAt.Equal(job.NewTime(fin)) {
		t.Errorf("container statuses %+v", cs)
	}
	if ic := p.Status.InitContainerStatuses; len(ic) != 1 || ic[0].State.Terminated.ExitCode != 1 {
		t.Errorf("init container statuses %+v", ic)
	}
	if c := p.Status.Condition(job.PodReady); c == nil || c.Status != "False" || !c.LastTransitionTime.Equal(job.NewTime(t0.Add(time.Minute))) {
		t.Errorf("ready condition %+v", c)
	}
	// Deleted, terminal and without finalizer: gone at once.
	if err := w.ChangePod(PodChange{Name: "x", Deleted: ptr(true)}); err != nil {
		t.Fatal(err)
	}
	if w.Pod("x") != nil {
		t.Error("terminal deleted pod without finalizers must disappear")
	}
	if err := w.ChangePod(PodChange{Name: "y"}); err != nil {
		t.Fatal(err)
	}
	if err := w.ChangePod(PodChange{Name: "y", Gone: true}); err != nil || w.Pod("y") != nil {
		t.Errorf("gone: err %v, pod %v", err, w.Pod("y"))
	}
}

func TestInputOrder(t *testing.T) {
	w := newTestWorld(t, false)
	for i := range 20 {
		if err := w.ChangePod(PodChange{Name: "pi-" + string(rune('a'+i))}); err != nil {
			t.Fatal(err)
		}
	}
	names := func(ps []*job.Pod) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.Name
		}
		return out
	}
	in := names(w.inputPods())
	if slices.IsSorted(in) {
		t.Errorf("input order %q is name order", in)
	}
	if again := names(w.inputPods()); !slices.Equal(in, again) {
		t.Errorf("input order not deterministic: %q vs %q", in, again)
	}
	if byName := names(w.Pods()); !slices.IsSorted(byName) || len(byName) != 20 {
		t.Errorf("Pods() = %q, want name order", byName)
	}
}

func TestMergePatch(t *testing.T) {
	tests := []struct{ doc, patch, want string }{
		{`{"a":1,"b":{"c":2,"d":3}}`, `{"b":{"c":null,"e":4}}`, `{"a":1,"b":{"d":3,"e":4}}`},
		{`{"a":[1,2]}`, `{"a":[3]}`, `{"a":[3]}`},
		{`{"a":1}`, `{"a":{"b":1}}`, `{"a":{"b":1}}`},
		{`{"a":{"b":1}}`, `{"a":2}`, `{"a":2}`},
		{`{"a":1}`, `{}`, `{"a":1}`},
	}
	for _, tc := range tests {
		var doc, patch any
		json.Unmarshal([]byte(tc.doc), &doc)
		json.Unmarshal([]byte(tc.patch), &patch)
		got, _ := json.Marshal(MergePatch(doc, patch))
		if string(got) != tc.want {
			t.Errorf("MergePatch(%s, %s) = %s, want %s", tc.doc, tc.patch, got, tc.want)
		}
	}
}

func TestUpdates(t *testing.T) {
	w := newTestWorld(t, false)
	errs, err := w.UpdateJob([]byte(`{"spec":{"parallelism":3}}`))
	if err != nil || len(errs) > 0 || *w.Job().Spec.Parallelism != 3 || w.Job().Generation != 2 {
		t.Fatalf("update: %v %v, parallelism %d generation %d", err, errs, *w.Job().Spec.Parallelism, w.Job().Generation)
	}
	errs, _ = w.UpdateJob([]byte(`{"spec":{"completions":9}}`))
	if len(errs) == 0 || *w.Job().Spec.Completions != 4 {
		t.Errorf("immutable completions: errs %v, completions %d", errs, *w.Job().Spec.Completions)
	}
	if _, err := w.UpdateJob([]byte(`{"spec":{"parallelizm":3}}`)); err == nil {
		t.Error("unknown member in an update must be an error")
	}
	errs, err = w.UpdateStatus([]byte(`{"active":2,"ready":1}`))
	if err != nil || len(errs) > 0 || w.Job().Status.Active != 2 {
		t.Errorf("status update: %v %v", err, errs)
	}
	if errs, _ := w.UpdateStatus([]byte(`{"ready":5}`)); len(errs) == 0 || *w.Job().Status.Ready != 1 {
		t.Errorf("ready > active accepted: %v", errs)
	}
	w.DeleteJob()
	if w.Job().DeletionTimestamp == nil {
		t.Error("DeleteJob did not set deletionTimestamp")
	}
}
