package sim

import (
	"fmt"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
)

// restartBackoff is the kubelet's container restart delay after the n-th
// restart (n >= 1): 10s doubling up to 5m (CrashLoopBackOff).
func restartBackoff(n int) time.Duration {
	d := 10 * time.Second
	for i := 1; i < n && d < 5*time.Minute; i++ {
		d *= 2
	}
	return min(d, 5*time.Minute)
}

// settle runs the controller at the current instant and takes in what it
// did: created pods get their fate, deleted pods their termination.
func (e *engine) settle() error {
	rec, err := e.w.Settle()
	if err != nil {
		return err
	}
	e.instants++
	for i, name := range rec.Created {
		idx := int32(-1)
		if e.tl.Indexed && i < len(rec.CreatedIndexes) {
			idx = rec.CreatedIndexes[i]
		}
		e.created(name, idx)
	}
	e.notes.add(noteCreated, rec.Created...)
	e.notes.createdIndexes = append(e.notes.createdIndexes, rec.CreatedIndexes...)
	for _, name := range rec.Deleted {
		ps := e.pods[name]
		if ps == nil || ps.terminal {
			continue
		}
		e.notes.add(noteDeleted, name)
		e.startTermination(ps, Deleted)
	}
	for _, ev := range rec.Events {
		if ev.Reason != job.ReasonSuccessfulCreate && ev.Reason != job.ReasonSuccessfulDelete {
			e.notes.add(noteEvent, ev.Reason)
		}
	}
	if rec.RequeueAfter != nil {
		at := e.ceil(e.now + *rec.RequeueAfter)
		if !e.syncs[at] {
			e.syncs[at] = true
			e.schedule(at, evSync, nil, 0)
			e.notes.add(noteRequeue, rec.RequeueAfter.String())
		}
	}
	j := e.w.Job()
	e.tl.sample(e.now, &j.Status)
	e.recordConditions(j.Status.Conditions)
	if !e.ttlScheduled && !e.jobDeleted {
		if at, ok, err := e.w.TTLExpiry(); err == nil && ok {
			e.ttlScheduled = true
			off := e.ceil(max(at.Sub(e.opts.Start), e.now))
			e.schedule(off, evTTL, nil, 0)
		}
	}
	return nil
}

// recordConditions adds a Mark for each condition that is new or changed
// status since the last settle.
func (e *engine) recordConditions(conds []job.JobCondition) {
	for _, c := range conds {
		changed := true
		for _, old := range e.lastConditions {
			if old.Type == c.Type {
				changed = old.Status != c.Status
				break
			}
		}
		if changed {
			e.tl.Marks = append(e.tl.Marks, Mark{At: e.now, Type: c.Type, Status: c.Status, Reason: c.Reason})
			e.notes.add(noteCondition, fmt.Sprintf("%s=%s(%s)", c.Type, c.Status, c.Reason))
		}
	}
	if len(conds) != len(e.lastConditions) || changedAny(conds, e.lastConditions) {
		e.lastConditions = append(e.lastConditions[:0], conds...)
	}
}

func changedAny(a, b []job.JobCondition) bool {
	for i := range a {
		if a[i].Type != b[i].Type || a[i].Status != b[i].Status {
			return true
		}
	}
	return false
}

// created draws the fate of a pod the controller just created and
// schedules its events.
func (e *engine) created(name string, idx int32) {
	att := &Attempt{Name: name, Index: idx, Created: e.now, Started: Never, Ready: Never, Deleted: Never, Ended: Never}
	key := idx
	if e.tl.Indexed {
		att.Row = int(idx)
		att.Attempt = e.attempts[idx]
		e.attempts[idx]++
	} else {
		att.Row = e.rows.take()
		key = e.nextOrdinal
		e.nextOrdinal++
	}
	beh := e.m.behaviourFor(key, att.Attempt)
	r := podRNG(e.opts.Seed, name)
	ps := &podState{att: att, beh: beh, rng: r, plan: beh.draw(r, e.containers[0])}
	e.pods[name] = ps
	e.tl.Attempts = append(e.tl.Attempts, att)
	e.live++
	p := ps.plan
	start, end := e.ceil(e.now+p.start), e.ceil(e.now+p.end)
	if p.start <= p.end {
		e.schedule(start, evStart, ps, 0)
		if p.ready < p.end {
			e.schedule(max(start, e.ceil(e.now+p.ready)), evReady, ps, 0)
		}
	}
	kind := evFinish
	if p.outcome == Disrupted {
		kind = evDisrupt
	}
	e.schedule(max(end, start), kind, ps, 0)
}

// apply carries out one due event.
func (e *engine) apply(ev event) error {
	switch ev.kind {
	case evSync:
		delete(e.syncs, ev.at)
		return nil
	case evUpdate:
		u := e.m.Updates[ev.arg]
		errs, err := e.w.UpdateJob(u.Patch)
		if err != nil {
			return fmt.Errorf("model update %d: %w", ev.arg, err)
		}
		if len(errs) > 0 {
			return fmt.Errorf("model update %d rejected: %w", ev.arg, errs.ToAggregate())
		}
		e.notes.add(noteUpdate, string(u.Patch))
		return nil
	case evTTL:
		return e.ttlExpired()
	}
	ps := ev.pod
	if ps.terminal {
		return nil
	}
	if e.w.Pod(ps.att.Name) == nil {
		// Removed behind the simulation's back (the world only removes
		// terminal pods, so this is defensive): it is over.
		ps.terminal = true
		ps.att.Ended = e.now
		e.live--
		if !e.tl.Indexed {
			e.rows.release(ps.att.Row)
		}
		return nil
	}
	if ps.deleting && ev.kind != evTerminate {
		return nil
	}
	e.podEvents++
	if e.opts.Progress != nil && e.podEvents%e.opts.ProgressEvery == 0 {
		st := e.w.Job().Status
		e.opts.Progress(Progress{At: e.now, PodEvents: e.podEvents, Active: st.Active, Succeeded: st.Succeeded, Failed: st.Failed})
	}
	att := ps.att
	name := att.Name
	switch ev.kind {
	case evStart:
		att.Started = e.now
		e.notes.add(noteStarted, name)
		return e.change(jobtest.PodChange{Name: name, Phase: job.Ptr(job.PodRunning)})
	case evReady:
		att.Ready = e.now
		ps.ready = true
		e.notes.add(noteReady, name)
		return e.change(jobtest.PodChange{Name: name, Ready: job.Ptr(true)})
	case evFinish:
		return e.finish(ps)
	case evDisrupt:
		e.notes.add(noteDisrupted, name)
		if err := e.change(jobtest.PodChange{Name: name,
			Conditions: map[string]string{job.DisruptionTarget: job.ConditionTrue},
			Deleted:    job.Ptr(true)}); err != nil {
			return err
		}
		e.startTermination(ps, Disrupted)
		att.ExitCode = ps.plan.exitCode
		return nil
	case evTerminate:
		code := e.m.Termination.ExitCode
		if att.Outcome == Disrupted {
			code = att.ExitCode
		}
		codes := make(map[string]int32, len(e.containers))
		for _, c := range e.containers {
			codes[c] = code
		}
		e.notes.add(noteStopped, name)
		att.ExitCode = code
		return e.end(ps, jobtest.PodChange{Name: name, Phase: job.Ptr(job.PodFailed), Containers: codes})
	}
	return fmt.Errorf("unknown event kind %d", ev.kind)
}

// finish ends a pod's run: success, failure, or (restartPolicy OnFailure)
// a container restart followed by a fresh run.
func (e *engine) finish(ps *podState) error {
	att, p := ps.att, ps.plan
	if p.outcome == Succeeded {
		e.notes.add(noteSucceeded, att.Name)
		att.Outcome = Succeeded
		return e.end(ps, jobtest.PodChange{Name: att.Name, Phase: job.Ptr(job.PodSucceeded)})
	}
	att.ExitCode = p.exitCode
	if e.restartOnFail {
		att.Restarts = append(att.Restarts, e.now)
		e.notes.add(noteRestarted, fmt.Sprintf("%s (exit %d)", att.Name, p.exitCode))
		// The container runs again after the restart back-off; its new
		// fate is drawn from the pod's generator, without a start delay.
		next := ps.beh.draw(ps.rng, e.containers[0])
		ps.plan = next
		delay := restartBackoff(len(att.Restarts)) + next.end - next.start
		kind := evFinish
		if next.outcome == Disrupted {
			kind, delay = evDisrupt, next.end
		}
		e.schedule(e.ceil(e.now+delay), kind, ps, 0)
		return e.change(jobtest.PodChange{Name: att.Name, Restarts: job.Ptr(int32(len(att.Restarts)))})
	}
	e.notes.add(noteFailed, fmt.Sprintf("%s (exit %d)", att.Name, p.exitCode))
	att.Outcome = Failed
	return e.end(ps, jobtest.PodChange{Name: att.Name, Phase: job.Ptr(job.PodFailed),
		Containers: map[string]int32{p.container: p.exitCode}})
}

// end applies the change that makes a pod terminal.
func (e *engine) end(ps *podState, c jobtest.PodChange) error {
	if ps.ready {
		c.Ready = job.Ptr(false)
	}
	ps.terminal = true
	ps.att.Ended = e.now
	e.live--
	if !e.tl.Indexed {
		e.rows.release(ps.att.Row)
	}
	return e.change(c)
}

// startTermination marks a pod as being deleted; it stops after the grace
// period.
func (e *engine) startTermination(ps *podState, why Outcome) {
	if ps.deleting {
		return
	}
	ps.deleting = true
	ps.att.Deleted = e.now
	ps.att.Outcome = why
	e.schedule(e.ceil(e.now+e.m.Termination.Grace), evTerminate, ps, 0)
}

// ttlExpired deletes the Job as the TTL-after-finished controller does,
// and its pods as the garbage collector does (foreground propagation).
func (e *engine) ttlExpired() error {
	if err := e.w.DeleteJob(); err != nil {
		return err
	}
	e.jobDeleted = true
	e.notes.add(noteTTL, "job deleted")
	for _, p := range e.w.Pods() {
		if err := e.change(jobtest.PodChange{Name: p.Name, Deleted: job.Ptr(true)}); err != nil {
			return err
		}
		if ps := e.pods[p.Name]; ps != nil && !ps.terminal {
			e.startTermination(ps, Deleted)
		}
	}
	return nil
}

func (e *engine) change(c jobtest.PodChange) error {
	if err := e.w.ChangePod(c); err != nil {
		return fmt.Errorf("pod change: %w", err)
	}
	return nil
}
