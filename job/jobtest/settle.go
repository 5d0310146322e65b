package jobtest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobkit/jobkit/job"
)

// Record is what the controller did while the world settled at one
// instant. Name lists are in the order the actions were carried out.
type Record struct {
	// Rounds is the number of Step calls made.
	Rounds int
	// Actions are every action carried out, in order.
	Actions []job.Action
	// Created names the pods created; CreatedIndexes holds the completion
	// index of each (Indexed Jobs only), in the same order.
	Created        []string
	CreatedIndexes []int32
	// Deleted names the pods the controller deleted.
	Deleted []string
	// FinalizersRemoved names the pods whose tracking finalizer the
	// controller removed (by RemoveFinalizer, or before a DeletePod with
	// RemoveFinalizerFirst).
	FinalizersRemoved []string
	// Adopted and Released name the pods adopted and released.
	Adopted, Released []string
	// StatusWrites counts the WriteStatus actions.
	StatusWrites int
	// Events are the events of every round, in order; SuccessfulCreate
	// messages name the created pod ("Created pod: pi-0").
	Events []job.Event
	// RequeueAfter is the requeue the last round asked for (nil: none).
	RequeueAfter *time.Duration
	// Skipped is the last round's Output.Skipped.
	Skipped job.SkipReason

	lastRound []job.Action
}

// Settle runs the controller at the current instant until it settles: it
// calls job.Step with the Job, every pod of the store (in the order of the
// package doc), the clock and the Memory; carries out the actions in order;
// and calls Step again, until a round returns no action (and so writes no
// status). The Memory of each output carries to the next call. More than
// MaxSettleRounds rounds is an error, as is an action the world cannot
// carry out or a status that fails status-update validation.
//
// Actions are carried out as follows:
//   - CreatePod: the pod is stored under the name <job>-<n> (NonIndexed,
//     n counts the controller's creations for the Job) or
//     <job>-<index>-<n> (Indexed, n counts its creations for that index),
//     skipping names the store ever held; UID uid-<name>, the Job's
//     namespace when the pod names none, created now, phase Pending.
//   - DeletePod: the tracking finalizer is removed first when asked, then
//     the pod gets a deletionTimestamp (now).
//   - RemoveFinalizer: the tracking finalizer is removed.
//   - WriteStatus: the status must pass validation.ValidateJobStatusUpdate
//     against the status before it; it is then persisted.
//   - AdoptPod: a controller owner reference to the Job and the tracking
//     finalizer are added. ReleasePod: the Job's owner reference is removed.
//
// A terminal pod with a deletionTimestamp and no finalizers disappears.
// After each round, a non-nil Output.Status must equal the status the
// round's WriteStatus actions persisted.
func (w *World) Settle() (Record, error) {
	var rec Record
	if w.job == nil {
		return rec, fmt.Errorf("no job")
	}
	for {
		if rec.Rounds == MaxSettleRounds {
			return rec, fmt.Errorf("controller did not settle after %d rounds at %s (last round: %s)",
				MaxSettleRounds, w.offset(w.now), describeActions(rec.lastRound))
		}
		rec.Rounds++
		out, err := w.stepOnce()
		if err != nil {
			return rec, fmt.Errorf("round %d: %w", rec.Rounds, err)
		}
		w.Memory = out.Memory
		rec.RequeueAfter = out.RequeueAfter
		rec.Skipped = out.Skipped
		rec.lastRound = out.Actions
		created := make([]string, 0)
		for i, a := range out.Actions {
			name, err := w.carryOut(a, &rec)
			if err != nil {
				return rec, fmt.Errorf("round %d, action %d (%s): %w", rec.Rounds, i, a, err)
			}
			if name != "" {
				created = append(created, name)
			}
		}
		rec.Events = append(rec.Events, nameCreateEvents(out.Events, created)...)
		if out.Status != nil && !sameJSON(out.Status, &w.job.Status) {
			return rec, fmt.Errorf("round %d: Output.Status differs from the status persisted by its WriteStatus actions", rec.Rounds)
		}
		if len(out.Actions) == 0 {
			return rec, nil
		}
	}
}

// stepOnce calls job.Step. With CheckInputs it also checks that Step did
// not modify its inputs and (for job.Step itself) that a second call with
// the pods in reverse order returns the same output.
func (w *World) stepOnce() (job.Output, error) {
	pods := w.inputPods()
	var jobCopy *job.Job
	var podCopies []*job.Pod
	if w.CheckInputs {
		jobCopy = w.job.DeepCopy()
		podCopies = make([]*job.Pod, len(pods))
		for i, p := range pods {
			podCopies[i] = p.DeepCopy()
		}
	}
	step := w.step
	if step == nil {
		step = job.Step
	}
	out, err := step(job.Input{Job: w.job, Pods: pods, Now: w.now, Memory: w.Memory, Config: w.Config})
	if err != nil {
		return out, fmt.Errorf("job.Step: %w", err)
	}
	if w.CheckInputs {
		if !reflect.DeepEqual(jobCopy, w.job) {
			return out, fmt.Errorf("job.Step modified its input Job")
		}
		for i, p := range pods {
			if !reflect.DeepEqual(podCopies[i], p) {
				return out, fmt.Errorf("job.Step modified its input pod %s", p.Name)
			}
		}
	}
	if w.CheckInputs && w.step == nil {
		// Only for the real Step: a substitute may keep state per call.
		reversed := slices.Clone(pods)
		slices.Reverse(reversed)
		again, err := job.Step(job.Input{Job: w.job, Pods: reversed, Now: w.now, Memory: w.Memory, Config: w.Config})
		if err != nil {
			return out, fmt.Errorf("job.Step with the pods reversed: %w", err)
		}
		if !reflect.DeepEqual(out, again) {
			return out, fmt.Errorf("job.Step output depends on the order of its input pods:\n  hash order:    %s\n  reverse order: %s",
				describeOutput(out), describeOutput(again))
		}
	}
	return out, nil
}

// carryOut performs one action and returns the name of the pod it created,
// if any.
func (w *World) carryOut(a job.Action, rec *Record) (string, error) {
	rec.Actions = append(rec.Actions, a)
	switch a := a.(type) {
	case job.CreatePod:
		if a.Pod == nil {
			return "", fmt.Errorf("CreatePod without a pod")
		}
		name := w.createPod(a)
		rec.Created = append(rec.Created, name)
		if a.Index >= 0 {
			rec.CreatedIndexes = append(rec.CreatedIndexes, a.Index)
		}
		return name, nil
	case job.DeletePod:
		p, err := w.ownPod(a.Pod)
		if err != nil {
			return "", err
		}
		if a.RemoveFinalizerFirst && p.HasFinalizer(job.TrackingFinalizer) {
			p.Finalizers = withoutFinalizer(p.Finalizers, job.TrackingFinalizer)
			rec.FinalizersRemoved = append(rec.FinalizersRemoved, p.Name)
		}
		if p.DeletionTimestamp == nil {
			p.DeletionTimestamp = job.NewTimePtr(w.now)
		}
		rec.Deleted = append(rec.Deleted, p.Name)
		w.pods.put(p)
		w.maybeRemove(p.Name)
	case job.RemoveFinalizer:
		p, err := w.ownPod(a.Pod)
		if err != nil {
			return "", err
		}
		if !p.HasFinalizer(job.TrackingFinalizer) {
			return "", fmt.Errorf("pod %s has no tracking finalizer", p.Name)
		}
		p.Finalizers = withoutFinalizer(p.Finalizers, job.TrackingFinalizer)
		rec.FinalizersRemoved = append(rec.FinalizersRemoved, p.Name)
		w.pods.put(p)
		w.maybeRemove(p.Name)
	case job.WriteStatus:
		if a.Status == nil {
			return "", fmt.Errorf("WriteStatus without a status")
		}
		if errs := w.writeStatus(a.Status); len(errs) > 0 {
			return "", fmt.Errorf("status rejected by status-update validation: %v", errs.ToAggregate())
		}
		rec.StatusWrites++
	case job.AdoptPod:
		p, err := w.ownPod(a.Pod)
		if err != nil {
			return "", err
		}
		p.OwnerReferences = append(slices.Clip(p.OwnerReferences), job.OwnerReference{
			APIVersion: "batch/v1", Kind: "Job", Name: w.job.Name, UID: w.job.UID,
			Controller: job.Ptr(true), BlockOwnerDeletion: job.Ptr(true),
		})
		if !p.HasFinalizer(job.TrackingFinalizer) {
			p.Finalizers = withFinalizer(p.Finalizers, job.TrackingFinalizer)
		}
		rec.Adopted = append(rec.Adopted, p.Name)
		w.pods.put(p)
	case job.ReleasePod:
		p, err := w.ownPod(a.Pod)
		if err != nil {
			return "", err
		}
		p.OwnerReferences = slices.DeleteFunc(slices.Clone(p.OwnerReferences), func(r job.OwnerReference) bool { return r.UID == w.job.UID })
		rec.Released = append(rec.Released, p.Name)
		w.pods.put(p)
	default:
		return "", fmt.Errorf("unknown action %T", a)
	}
	return "", nil
}

// ownPod returns an editable copy (see editable) of the stored pod ref
// names, checking its UID when given.
func (w *World) ownPod(ref job.PodRef) (*job.Pod, error) {
	p := w.pods.get(ref.Name)
	if p == nil {
		return nil, fmt.Errorf("no pod %s in the store", ref.Name)
	}
	if ref.UID != "" && ref.UID != p.UID {
		return nil, fmt.Errorf("pod %s has UID %s, not %s", ref.Name, p.UID, ref.UID)
	}
	return editable(p), nil
}

// createPod stores the pod of a CreatePod action and returns its name.
func (w *World) createPod(a job.CreatePod) string {
	// The world owns the pod from now on; changes are copy on write, so a
	// shallow copy suffices.
	cp := *a.Pod
	p := &cp
	var name string
	for {
		if a.Index >= 0 {
			n := w.nextIndexN[a.Index]
			w.nextIndexN[a.Index] = n + 1
			name = w.job.Name + "-" + strconv.Itoa(int(a.Index)) + "-" + strconv.Itoa(n)
		} else {
			name = w.job.Name + "-" + strconv.Itoa(w.nextN)
			w.nextN++
		}
		if !w.pods.hasHeld(name) {
			break
		}
	}
	p.Name = name
	p.UID = job.UID("uid-" + name)
	if p.Namespace == "" {
		p.Namespace = w.job.Namespace
	}
	p.CreationTimestamp = job.NewTime(w.now)
	p.Status.Phase = job.PodPending
	w.pods.put(p)
	return name
}

// nameCreateEvents returns events with each SuccessfulCreate message naming
// the pod created, in order.
func nameCreateEvents(events []job.Event, created []string) []job.Event {
	out := slices.Clone(events)
	k := 0
	for i := range out {
		if out[i].Reason == "SuccessfulCreate" && k < len(created) {
			out[i].Message = "Created pod: " + created[k]
			k++
		}
	}
	return out
}

func describeActions(as []job.Action) string {
	if len(as) == 0 {
		return "no actions"
	}
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = a.String()
	}
	return strings.Join(s, "; ")
}

// offset renders t as an offset from the world's start ("90s", "-10m0s").
func (w *World) offset(t time.Time) string { return t.Sub(w.Start).String() }

// sameJSON reports whether a and b have the same JSON encoding.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// describeOutput renders an output's actions and events for a failure
// message.
func describeOutput(o job.Output) string {
	ev := make([]string, len(o.Events))
	for i, e := range o.Events {
		ev[i] = e.String()
	}
	return describeActions(o.Actions) + " | events: " + strings.Join(ev, "; ")
}
