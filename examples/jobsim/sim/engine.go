package sim

import (
	"container/heap"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
)

// Options configure Run. The zero Options are usable.
type Options struct {
	// Seed of the pseudo-random generator; the same seed, Job and Model give
	// byte-identical output.
	Seed uint64
	// Until bounds the simulated time (offset from the start). Default 24h.
	Until time.Duration
	// Start is the simulated wall clock at the start. Default
	// jobtest.DefaultStart (2026-01-01T00:00:00Z).
	Start time.Time
	// Resolution is the granularity of simulated time: every event happens
	// at a multiple of it (drawn durations are rounded up), like the
	// second-precision timestamps of the API. Default 1s.
	Resolution time.Duration
	// Log, when non-nil, receives one line per instant at which something
	// changed (see the package doc).
	Log io.Writer
	// Progress, when non-nil, is called after every ProgressEvery pod
	// events (default 10,000).
	Progress      func(Progress)
	ProgressEvery int
}

// Progress reports how far a long simulation got.
type Progress struct {
	At        time.Duration
	PodEvents int
	Active    int32
	Succeeded int32
	Failed    int32
}

// Result is the end of a simulation.
type Result struct {
	// Job is the Job as the world holds it at the end.
	Job *job.Job
	// Outcome is "Complete (CompletionsReached) at +4m10s", "Failed
	// (FailedIndexes) at +3m0s", "unfinished at +24h0m0s (--until)" or
	// "idle at +5s: nothing more happens".
	Outcome string
	// Finished reports whether the Job reached Complete or Failed.
	Finished bool
	// End is the offset of the last instant simulated.
	End time.Duration
	// Instants counts the instants at which the world settled; PodEvents
	// the pod changes applied.
	Instants  int
	PodEvents int
	// Warnings are the API server's create warnings.
	Warnings []string
	// Timeline is the record the SVG is drawn from.
	Timeline *Timeline
}

// podState is the simulation's view of one pod.
type podState struct {
	att      *Attempt
	plan     plan
	beh      Behaviour
	rng      *rng
	deleting bool
	terminal bool
	ready    bool
}

type engine struct {
	w     *jobtest.World
	m     *Model
	opts  Options
	tl    *Timeline
	queue eventQueue
	seq   uint64
	now   time.Duration

	pods           map[string]*podState
	attempts       map[int32]int
	nextOrdinal    int32
	rows           rowPool
	live           int // pods created and not yet terminal
	containers     []string
	restartOnFail  bool
	syncs          map[time.Duration]bool
	ttlScheduled   bool
	jobDeleted     bool
	lastConditions []job.JobCondition
	notes          notes
	lastLine       string
	podEvents      int
	instants       int
	settlesNow     int // settles at the current instant
}

// maxSettlesPerInstant bounds the settles at one instant: pods whose
// durations are all zero could otherwise be created and finish at the same
// instant forever.
const maxSettlesPerInstant = 100000

// Run simulates j under model m: it creates j in a jobtest.World, lets the
// controller create pods, plays each pod's drawn fate, and advances the
// clock from event to event until the Job is finished and none of its pods
// runs (and, with ttlSecondsAfterFinished, until the TTL deleted the Job
// and its pods), until nothing more can happen, or until opts.Until.
//
// The next instant is the soonest of: a pod event (start, ready, exit,
// disruption, end of termination), the controller's requeueAfter, a model
// update, and the TTL expiry. At each instant the world applies every due
// event in scheduling order, then settles (World.Settle); pods the
// controller created get their fate drawn at once, pods it deleted stop
// after the model's termination grace.
//
// An invalid Job, a Model naming a container the template lacks, or a
// controller error is an error.
func Run(j *job.Job, m *Model, opts Options) (*Result, error) {
	if m == nil {
		m = DefaultModel()
	}
	if opts.Until <= 0 {
		opts.Until = 24 * time.Hour
	}
	if opts.Start.IsZero() {
		opts.Start = jobtest.DefaultStart
	}
	if opts.Resolution <= 0 {
		opts.Resolution = time.Second
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 10000
	}
	e := &engine{
		w: jobtest.NewWorld(opts.Start), m: m, opts: opts,
		pods: map[string]*podState{}, attempts: map[int32]int{}, syncs: map[time.Duration]bool{},
	}
	warnings, errs := e.w.CreateJob(j)
	if len(errs) > 0 {
		return nil, errs.ToAggregate()
	}
	created := e.w.Job()
	if err := e.checkModel(created); err != nil {
		return nil, err
	}
	e.tl = &Timeline{JobName: created.Name, Indexed: created.Spec.IsIndexed(), Seed: opts.Seed}
	if c := created.Spec.Completions; c != nil {
		e.tl.Completions = *c
	}
	if p := created.Spec.Parallelism; p != nil {
		e.tl.Parallelism = *p
	}
	for i, u := range m.Updates {
		e.schedule(u.At, evUpdate, nil, i)
	}
	res, err := e.loop()
	if err != nil {
		return nil, fmt.Errorf("at +%s: %w", e.now, err)
	}
	res.Warnings = warnings
	return res, nil
}

// checkModel verifies that the containers the model names exist.
func (e *engine) checkModel(j *job.Job) error {
	for _, c := range j.Spec.Template.Spec.Containers {
		e.containers = append(e.containers, c.Name)
	}
	if len(e.containers) == 0 {
		return errors.New("the pod template has no containers")
	}
	e.restartOnFail = j.Spec.Template.Spec.RestartPolicy == job.RestartPolicyOnFailure
	check := func(f *Failure, where string) error {
		if f.Container != "" && !slices.Contains(e.containers, f.Container) {
			return fmt.Errorf("model: %s.container: %q is not a container of the pod template (have %v)", where, f.Container, e.containers)
		}
		return nil
	}
	if err := check(&e.m.Failure, "failure"); err != nil {
		return err
	}
	for i := range e.m.Overrides {
		if f := e.m.Overrides[i].Failure; f != nil {
			if err := check(f, fmt.Sprintf("overrides[%d].failure", i)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *engine) schedule(at time.Duration, kind evKind, ps *podState, arg int) {
	e.seq++
	heap.Push(&e.queue, event{at: at, seq: e.seq, kind: kind, pod: ps, arg: arg})
}

// ceil rounds an offset up to the resolution.
func (e *engine) ceil(d time.Duration) time.Duration {
	r := e.opts.Resolution
	if rem := d % r; rem != 0 {
		d += r - rem
	}
	return d
}

func (e *engine) loop() (*Result, error) {
	if err := e.settle(); err != nil {
		return nil, err
	}
	stop := ""
	for {
		if e.done() {
			break
		}
		if len(e.queue) == 0 {
			stop = fmt.Sprintf("idle at +%s: nothing more happens", e.now)
			break
		}
		next := e.queue[0].at
		if next > e.opts.Until {
			e.flush()
			e.now = e.opts.Until
			stop = fmt.Sprintf("unfinished at +%s (--until)", e.now)
			break
		}
		if next > e.now {
			e.flush()
			e.now = next
			e.settlesNow = 0
			if err := e.w.Advance(e.opts.Start.Add(next)); err != nil {
				return nil, err
			}
		}
		if e.settlesNow++; e.settlesNow > maxSettlesPerInstant {
			return nil, fmt.Errorf("time does not advance: %d settles at this instant (pods with zero durations failing and being replaced at once?)", maxSettlesPerInstant)
		}
		for len(e.queue) > 0 && e.queue[0].at == e.now {
			ev := heap.Pop(&e.queue).(event)
			if err := e.apply(ev); err != nil {
				return nil, err
			}
		}
		if err := e.settle(); err != nil {
			return nil, err
		}
	}
	e.flush()
	return e.result(stop), nil
}

// done reports whether the simulation is over: the Job finished, no pod
// is left running, and the TTL (if any) has deleted the Job.
func (e *engine) done() bool {
	j := e.w.Job()
	if !j.Status.IsFinished() || e.live > 0 {
		return false
	}
	if j.Spec.TTLSecondsAfterFinished != nil {
		return e.jobDeleted && len(e.w.Pods()) == 0
	}
	return true
}

func (e *engine) result(stop string) *Result {
	j := e.w.Job()
	res := &Result{Job: j, End: e.now, Instants: e.instants, PodEvents: e.podEvents, Timeline: e.tl}
	for _, c := range j.Status.Conditions {
		if (c.Type == job.JobComplete || c.Type == job.JobFailed) && c.Status == job.ConditionTrue {
			res.Finished = true
			at := c.LastTransitionTime.Sub(e.opts.Start)
			res.Outcome = fmt.Sprintf("%s (%s) at +%s", c.Type, c.Reason, at)
			break
		}
	}
	if !res.Finished {
		res.Outcome = stop
	} else if e.jobDeleted {
		res.Outcome += ", deleted by its TTL"
	}
	e.tl.Outcome = res.Outcome
	e.tl.End = e.now
	e.tl.Rows = e.rows.next
	e.tl.CompletedIndexes = j.Status.CompletedIndexes
	if f := j.Status.FailedIndexes; f != nil {
		e.tl.FailedIndexes = *f
	}
	if e.tl.Indexed {
		e.tl.Rows = int(e.tl.Completions)
	}
	return res
}
