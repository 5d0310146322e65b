package jobtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// DefaultStart is the instant a scenario starts at when it names none.
var DefaultStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// DefaultNamespace is the namespace of a Job created without one.
const DefaultNamespace = "default"

// MaxSettleRounds is how many Step calls Settle makes at one instant before
// it gives up: a controller that still asks for actions after that many
// rounds is a failure.
const MaxSettleRounds = 10

// World is a simulated cluster holding one Job and its pods.
//
// The zero World is not usable; create one with NewWorld. A World is not
// safe for concurrent use.
type World struct {
	// Start is the instant the world started at (scenario offsets are
	// relative to it).
	Start time.Time
	// Memory is the controller memory passed to the next Step; Settle
	// replaces it with each Step's output.
	Memory job.Memory
	// Config is passed to Step (nil: job.DefaultConfig()).
	Config *job.Config
	// CheckInputs makes Settle verify, after every Step call, that Step
	// left its input Job and pods untouched (at the cost of a deep copy).
	CheckInputs bool

	// step is the controller; nil means job.Step (tests substitute it).
	step func(job.Input) (job.Output, error)

	now  time.Time
	job  *job.Job
	pods podStore
	// nextN is the next suffix for NonIndexed pod names; nextIndexN the
	// next suffix per completion index.
	nextN      int
	nextIndexN map[int32]int
}

// NewWorld returns an empty world whose clock reads start.
func NewWorld(start time.Time) *World {
	return &World{
		Start:      start,
		now:        start,
		nextIndexN: map[int32]int{},
	}
}

// Now is the world's current instant.
func (w *World) Now() time.Time { return w.now }

// Advance moves the clock to t. Time never goes back: an earlier t is an
// error.
func (w *World) Advance(t time.Time) error {
	if t.Before(w.now) {
		return fmt.Errorf("clock cannot go back from %s to %s", w.now.Format(time.RFC3339), t.Format(time.RFC3339))
	}
	w.now = t
	return nil
}

// Job returns the Job as last persisted (nil before CreateJob succeeded).
// The caller must not modify it.
func (w *World) Job() *job.Job { return w.job }

// CreateJob submits j as a user would and returns the create warnings and
// the validation errors: defaults.Create with the world's choices for what
// the API server takes from its clock and random source (see PrepareJob).
// Liberties of the simulated world: the status j came with is kept (a Job
// in mid-life, unvalidated), a uid j names is kept (scenarios name their
// UIDs), and a resourceVersion j carries is ignored (see PrepareJob). A
// request the API server would refuse as a whole comes back as one
// InternalError at metadata whose detail is the server's message.
//
// The Job is stored only when validation passes. j is not modified.
func (w *World) CreateJob(j *job.Job) (warnings []string, errs field.ErrorList) {
	created, warnings, err := w.create(j)
	var invalid *field.InvalidError
	switch {
	case err == nil:
		w.job = created
	case errors.As(err, &invalid):
		errs = invalid.Errs
	default:
		errs = field.ErrorList{field.InternalError(field.NewPath("metadata"), err)}
	}
	return warnings, errs
}

// PrepareJob returns j after the create-time handling of CreateJob, before
// validation decides, without storing it: defaults.Create with namespace
// "default" for a Job that names none, uid j's own or "uid-<name>",
// creationTimestamp the current instant and a generated name ending in
// "bbbbb"; then j's status is put back. A resourceVersion in j is ignored
// (the API server would refuse it: the world treats j as a new object).
func (w *World) PrepareJob(j *job.Job) *job.Job {
	out, _, _ := w.create(j)
	return out
}

// create runs defaults.Create with the world's options (see PrepareJob).
func (w *World) create(j *job.Job) (*job.Job, []string, error) {
	if j == nil {
		j = &job.Job{}
	}
	if j.ResourceVersion != "" {
		// A Job read back from a store (a fixture, another world) carries
		// a resourceVersion, which the API server refuses on create; the
		// world stores it as a new object instead.
		c := *j
		c.ResourceVersion = ""
		j = &c
	}
	name := j.Name
	if name == "" && j.GenerateName != "" {
		name = defaults.GenerateName(j.GenerateName, nil)
	}
	uid := j.UID
	if uid == "" {
		uid = job.UID("uid-" + name)
	}
	out, warnings, err := defaults.Create(j, defaults.CreateOptions{
		Namespace: j.Namespace, UID: uid, Now: w.now, GeneratedName: name,
	})
	if out != nil {
		out.Status = *j.Status.DeepCopy()
	}
	return out, warnings, err
}

// UpdateJob applies patch, a JSON merge patch (RFC 7386) of the whole Job,
// as a user's update: the patched object is defaulted (defaults.Job), its
// status is reset to the current one (the main resource ignores status),
// its generation grows when the spec changed, and validation.ValidateJobUpdate
// decides. On success the Job is replaced and errs is empty; on rejection
// the Job stays as it was. err reports a patch that is not valid JSON or
// does not decode into a Job.
func (w *World) UpdateJob(patch []byte) (errs field.ErrorList, err error) {
	if w.job == nil {
		return nil, errors.New("no job to update")
	}
	var updated job.Job
	if err := patchObject(w.job, patch, &updated); err != nil {
		return nil, fmt.Errorf("job update: %w", err)
	}
	next := defaults.Job(&updated)
	next.Status = *w.job.Status.DeepCopy()
	if specChanged(&w.job.Spec, &next.Spec) {
		next.Generation = w.job.Generation + 1
	}
	errs = validation.ValidateJobUpdate(next, w.job, validation.DefaultOptions())
	if len(errs) == 0 {
		w.job = next
	}
	return errs, nil
}

// UpdateStatus applies patch, a JSON merge patch of the Job's status, as
// another writer's status update (the status subresource: only the status
// changes), validated by validation.ValidateJobStatusUpdate. On rejection
// the Job stays as it was.
func (w *World) UpdateStatus(patch []byte) (errs field.ErrorList, err error) {
	if w.job == nil {
		return nil, errors.New("no job to update")
	}
	var status job.JobStatus
	if err := patchObject(&w.job.Status, patch, &status); err != nil {
		return nil, fmt.Errorf("status update: %w", err)
	}
	return w.writeStatus(&status), nil
}

// writeStatus persists status when ValidateJobStatusUpdate accepts it.
func (w *World) writeStatus(status *job.JobStatus) field.ErrorList {
	next := w.job.DeepCopy()
	next.Status = *status.DeepCopy()
	errs := validation.ValidateJobStatusUpdate(next, w.job, validation.DefaultOptions())
	if len(errs) == 0 {
		w.job = next
	}
	return errs
}

// DeleteJob gives the Job a deletionTimestamp (now) unless it has one. The
// Job stays in the world: the controller keeps running against it.
func (w *World) DeleteJob() error {
	if w.job == nil {
		return errors.New("no job to delete")
	}
	if w.job.DeletionTimestamp == nil {
		next := w.job.DeepCopy()
		next.DeletionTimestamp = job.NewTimePtr(w.now)
		w.job = next
	}
	return nil
}

// TTLExpiry is job.TTLExpiry of the current Job: when ttlSecondsAfterFinished
// lets it be deleted (ok false: no TTL, not finished, or being deleted).
func (w *World) TTLExpiry() (t time.Time, ok bool, err error) {
	if w.job == nil {
		return time.Time{}, false, errors.New("no job")
	}
	return job.TTLExpiry(w.job)
}

// Pod returns the pod named name, or nil. The caller must not modify it.
func (w *World) Pod(name string) *job.Pod { return w.pods.get(name) }

// Pods returns the pods in the store in name order. The caller must not
// modify them.
func (w *World) Pods() []*job.Pod {
	return w.pods.nameOrder()
}

// PutPod stores a copy of p (replacing any pod of that name), for
// simulations that build pods themselves.
func (w *World) PutPod(p *job.Pod) {
	w.pods.put(p.DeepCopy())
}

// inputPods returns the pods in the order handed to Step: ascending FNV-1a
// hash of the name, ties by name (see the package doc).
func (w *World) inputPods() []*job.Pod { return w.pods.inputOrder() }

// patchObject encodes cur as JSON, applies the merge patch and decodes the
// result into out, rejecting unknown members outside the open pod types.
func patchObject(cur any, patch []byte, out any) error {
	base, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	var doc, p any
	if err := json.Unmarshal(base, &doc); err != nil {
		return err
	}
	if err := json.Unmarshal(patch, &p); err != nil {
		return fmt.Errorf("patch is not JSON: %w", err)
	}
	merged, err := json.Marshal(MergePatch(doc, p))
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(merged)))
	dec.DisallowUnknownFields()
	return dec.Decode(out)
}

// MergePatch applies a JSON merge patch (RFC 7386) to doc, both decoded by
// encoding/json into any, and returns the result. doc is not modified.
func MergePatch(doc, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	d, _ := doc.(map[string]any)
	out := make(map[string]any, len(d)+len(p))
	for k, v := range d {
		out[k] = v
	}
	for k, v := range p {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = MergePatch(out[k], v)
	}
	return out
}

func specChanged(a, b *job.JobSpec) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 != nil || err2 != nil || string(x) != string(y)
}
