package jobtest

import (
	"encoding/json"
	"strconv"
	"time"

	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job"
)

// The actions of the state-machine test (TestStateMachine). Each is a
// method of machine named after what it does; each changes the world as a
// kubelet, a user, an eviction or the passage of time would, then lets the
// controller settle. An action that finds nothing to act on is skipped.

// pickPod draws one of the pods that ok accepts, skipping the action when
// there is none.
func (m *machine) pickPod(t *rapid.T, label string, ok func(*job.Pod) bool) *job.Pod {
	var cands []string
	for _, p := range m.w.Pods() {
		if ok(p) {
			cands = append(cands, p.Name)
		}
	}
	if len(cands) == 0 {
		t.Skip("no pod to " + label)
	}
	return m.w.Pod(rapid.SampledFrom(cands).Draw(t, label))
}

func isLive(p *job.Pod) bool     { return !isTerminalPhase(p) }
func isRunnable(p *job.Pod) bool { return isLive(p) && p.DeletionTimestamp == nil }

func (m *machine) change(t *rapid.T, c PodChange) {
	if err := m.w.ChangePod(c); err != nil {
		t.Fatalf("ChangePod %+v: %v", c, err)
	}
	m.settle(t)
}

// StartPod moves a Pending pod to Running (or, rarely, Unknown: its node
// stopped reporting).
func (m *machine) StartPod(t *rapid.T) {
	p := m.pickPod(t, "start", func(p *job.Pod) bool {
		return isLive(p) && (p.Status.Phase == job.PodPending || p.Status.Phase == "")
	})
	phase := job.PodRunning
	if rapid.IntRange(0, 5).Draw(t, "unknownPhase") == 0 {
		phase = job.PodUnknown
	}
	m.change(t, PodChange{Name: p.Name, Phase: &phase, Node: job.Ptr("node-a")})
}

// RestartContainer bumps the restart count of a non-terminal pod's first
// container (restartPolicy OnFailure: the kubelet restarted it in place).
func (m *machine) RestartContainer(t *rapid.T) {
	p := m.pickPod(t, "restart", isLive)
	var n int32
	if cs := p.Status.ContainerStatuses; len(cs) > 0 {
		n = cs[0].RestartCount
	}
	m.change(t, PodChange{Name: p.Name, Restarts: job.Ptr(n + 1)})
}

// ExtraPod creates a pod of the Job that the controller did not create (a
// user or a stale controller did): for Indexed Jobs with an index that may
// duplicate a live one or lie outside [0, completions).
func (m *machine) ExtraPod(t *rapid.T) {
	m.extras++
	c := PodChange{Name: "extra-" + strconv.Itoa(m.extras)}
	if j := m.w.Job(); j.Spec.IsIndexed() {
		c.Index = job.Ptr(rapid.Int32Range(0, *j.Spec.Completions+1).Draw(t, "extraIndex"))
	}
	if rapid.Bool().Draw(t, "extraRunning") {
		c.Phase = job.Ptr(job.PodRunning)
	}
	m.change(t, c)
}

// OrphanPod stores a pod that matches the Job's selector but has no owner:
// the controller adopts it (unless the Job is being deleted) and, when it
// is already terminal, counts it.
func (m *machine) OrphanPod(t *rapid.T) {
	j := m.w.Job()
	m.extras++
	name := "orphan-" + strconv.Itoa(m.extras)
	tmpl := j.Spec.Template.DeepCopy()
	p := &job.Pod{
		ObjectMeta: job.ObjectMeta{
			Name: name, Namespace: j.Namespace, UID: job.UID("uid-" + name),
			CreationTimestamp: job.NewTime(m.w.Now()),
			Labels:            tmpl.Labels, Annotations: tmpl.Annotations,
		},
		Spec:   tmpl.Spec,
		Status: job.PodStatus{Phase: rapid.SampledFrom([]job.PodPhase{job.PodPending, job.PodRunning, job.PodSucceeded, job.PodFailed}).Draw(t, "orphanPhase")},
	}
	if rapid.Bool().Draw(t, "orphanFinalizer") {
		p.Finalizers = []string{job.TrackingFinalizer}
	}
	if j.Spec.IsIndexed() {
		ix := strconv.Itoa(int(rapid.Int32Range(0, *j.Spec.Completions).Draw(t, "orphanIndex")))
		p.Annotations = setKey(p.Annotations, job.CompletionIndexKey, ix)
		p.Labels = setKey(p.Labels, job.CompletionIndexKey, ix)
	}
	m.w.PutPod(p)
	m.settle(t)
}

// SetReady sets or clears the Ready condition of a non-terminal pod.
func (m *machine) SetReady(t *rapid.T) {
	p := m.pickPod(t, "ready", isLive)
	m.change(t, PodChange{Name: p.Name, Ready: job.Ptr(rapid.Bool().Draw(t, "isReady"))})
}

// SucceedPod moves a non-terminal pod to Succeeded.
func (m *machine) SucceedPod(t *rapid.T) {
	p := m.pickPod(t, "succeed", isLive)
	m.change(t, PodChange{Name: p.Name, Phase: job.Ptr(job.PodSucceeded)})
}

// FailPod moves a non-terminal pod to Failed with random exit codes.
func (m *machine) FailPod(t *rapid.T) {
	p := m.pickPod(t, "fail", isLive)
	c := PodChange{Name: p.Name, Phase: job.Ptr(job.PodFailed)}
	drawExitCodes(t, &c)
	m.change(t, c)
}

// DisruptPod gives a non-terminal pod DisruptionTarget=True and fails it.
func (m *machine) DisruptPod(t *rapid.T) {
	p := m.pickPod(t, "disrupt", isLive)
	c := PodChange{Name: p.Name, Phase: job.Ptr(job.PodFailed), Conditions: map[string]string{job.DisruptionTarget: job.ConditionTrue}}
	if rapid.Bool().Draw(t, "disruptCodes") {
		drawExitCodes(t, &c)
	}
	m.change(t, c)
}

// drawExitCodes gives some containers (template ones, the init container
// or an unknown one) exit codes 0–5.
func drawExitCodes(t *rapid.T, c *PodChange) {
	names := append([]string{"other"}, propContainers...)
	for _, n := range names {
		if rapid.Bool().Draw(t, "exit_"+n) {
			if c.Containers == nil {
				c.Containers = map[string]int32{}
			}
			c.Containers[n] = rapid.Int32Range(0, 5).Draw(t, "code_"+n)
		}
	}
	if rapid.IntRange(0, 3).Draw(t, "exit_init") == 0 {
		c.InitContainers = map[string]int32{propInit: rapid.Int32Range(0, 5).Draw(t, "code_init")}
	}
}

// DeletePod gives a running pod a deletionTimestamp (a user or an eviction
// deletes it; it is terminating until it reaches a phase or vanishes).
func (m *machine) DeletePod(t *rapid.T) {
	p := m.pickPod(t, "delete", isRunnable)
	c := PodChange{Name: p.Name, Deleted: job.Ptr(true)}
	if rapid.Bool().Draw(t, "evicted") {
		c.Conditions = map[string]string{job.DisruptionTarget: job.ConditionTrue}
	}
	m.change(t, c)
}

// FinishTerminating moves a terminating pod to a terminal phase (it
// disappears once it has no finalizer) or removes it.
func (m *machine) FinishTerminating(t *rapid.T) {
	p := m.pickPod(t, "finish", func(p *job.Pod) bool { return isLive(p) && p.DeletionTimestamp != nil })
	switch rapid.IntRange(0, 2).Draw(t, "terminatingOutcome") {
	case 0:
		m.change(t, PodChange{Name: p.Name, Phase: job.Ptr(job.PodSucceeded)})
	case 1:
		c := PodChange{Name: p.Name, Phase: job.Ptr(job.PodFailed)}
		drawExitCodes(t, &c)
		m.change(t, c)
	default:
		m.change(t, PodChange{Name: p.Name, Gone: true})
	}
}

// VanishPod removes any pod outright (a force deletion), finalizer or not.
func (m *machine) VanishPod(t *rapid.T) {
	p := m.pickPod(t, "vanish", func(*job.Pod) bool { return true })
	m.change(t, PodChange{Name: p.Name, Gone: true})
}

// Advance moves the clock 1 s to 15 min ahead (mostly by less than a
// minute, so that Jobs with a deadline get to do something first).
func (m *machine) Advance(t *rapid.T) {
	limit := rapid.SampledFrom([]int{10, 60, 900}).Draw(t, "advanceScale")
	d := time.Duration(rapid.IntRange(1, limit).Draw(t, "advanceSeconds")) * time.Second
	m.advance(t, d)
}

// AdvanceToRequeue moves the clock to the instant the controller last asked
// to run again (deadline timer, pod-failure backoff).
func (m *machine) AdvanceToRequeue(t *rapid.T) {
	if m.requeue == nil {
		t.Skip("no requeue")
	}
	m.advance(t, max(*m.requeue, 0))
}

func (m *machine) advance(t *rapid.T, d time.Duration) {
	if err := m.w.Advance(m.w.Now().Add(d)); err != nil {
		t.Fatal(err)
	}
	m.settle(t)
}

// update applies a merge patch of the spec as a user; a rejected update
// leaves the Job as it was. It reports whether the update was accepted.
func (m *machine) update(t *rapid.T, spec map[string]any) bool {
	patch, err := json.Marshal(map[string]any{"spec": spec})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := m.w.UpdateJob(patch)
	if err != nil {
		t.Fatalf("UpdateJob %s: %v", patch, err)
	}
	if len(errs) > 0 {
		t.Logf("update %s rejected: %v", patch, errs.ToAggregate())
	}
	return len(errs) == 0
}

// ToggleSuspend suspends a running Job or resumes a suspended one.
func (m *machine) ToggleSuspend(t *rapid.T) {
	m.update(t, map[string]any{"suspend": !m.w.Job().Spec.IsSuspended()})
	m.settle(t)
}

// SetParallelism changes spec.parallelism to 0–6.
func (m *machine) SetParallelism(t *rapid.T) {
	m.update(t, map[string]any{"parallelism": rapid.Int32Range(0, 6).Draw(t, "newParallelism")})
	m.settle(t)
}

// ScaleIndexed changes completions and parallelism of an Indexed Job
// together (elastic Indexed Job: validation requires them equal).
func (m *machine) ScaleIndexed(t *rapid.T) {
	j := m.w.Job()
	if !j.Spec.IsIndexed() {
		t.Skip("not Indexed")
	}
	old := *j.Spec.Completions
	c := rapid.Int32Range(0, 8).Draw(t, "newCompletions")
	if m.update(t, map[string]any{"completions": c, "parallelism": c}) && c < old {
		m.lowered = true
	}
	m.settle(t)
}

// DeleteJob gives the Job a deletionTimestamp.
func (m *machine) DeleteJob(t *rapid.T) {
	if m.w.Job().DeletionTimestamp != nil {
		t.Skip("already deleted")
	}
	if err := m.w.DeleteJob(); err != nil {
		t.Fatal(err)
	}
	m.settle(t)
}

// ArmCrash makes the next settle start with a crashed sync: the executor
// carries out a Step's actions only up to and including its first
// WriteStatus (finalizer removals and the final write are lost), then the
// controller starts over, with its memory kept or dropped.
func (m *machine) ArmCrash(t *rapid.T) {
	m.crashNext = true
}
