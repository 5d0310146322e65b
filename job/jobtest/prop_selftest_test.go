package jobtest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/jobkit/jobkit/job"
)

// TestStateMachineDetectsFaults shows that TestStateMachine can fail: it
// runs the same state machine against deliberately broken controllers
// (job.Step with its output tampered with) and expects rapid to find a
// counterexample for each.
func TestStateMachineDetectsFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("shrinking the counterexamples takes a few seconds")
	}
	// rapid writes a fail file for each counterexample under
	// ./testdata/rapid; keep those out of the source tree.
	t.Chdir(t.TempDir())
	faults := map[string]func(job.Input) (job.Output, error){
		// Every status write that counts a success counts it twice.
		"double count": func(in job.Input) (job.Output, error) {
			out, err := job.Step(in)
			prev := in.Job.Status.Succeeded
			for i, a := range out.Actions {
				if w, ok := a.(job.WriteStatus); ok && w.Status.Succeeded > prev {
					st := w.Status.DeepCopy()
					st.Succeeded++
					out.Actions[i] = job.WriteStatus{Status: st}
					out.Status = st
				}
			}
			return out, err
		},
		// Finalizers are removed before the status listing the pods is
		// persisted (no two-phase accounting).
		"remove before persist": func(in job.Input) (job.Output, error) {
			out, err := job.Step(in)
			var rm, rest []job.Action
			for _, a := range out.Actions {
				if _, ok := a.(job.RemoveFinalizer); ok {
					rm = append(rm, a)
				} else {
					rest = append(rest, a)
				}
			}
			out.Actions = append(rm, rest...)
			return out, err
		},
		// The output depends on which pod comes first.
		"pod order": func(in job.Input) (job.Output, error) {
			out, err := job.Step(in)
			if len(in.Pods) > 1 && in.Pods[0].Name > in.Pods[1].Name {
				d := time.Duration(len(in.Pods[0].Name)) * time.Hour
				out.RequeueAfter = &d
			}
			return out, err
		},
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range faults {
			if !yield(k) {
				return
			}
		}
	}) {
		t.Run(name, func(t *testing.T) {
			rec := &recordingTB{name: t.Name()}
			var st smStats
			rapid.Check(rec, func(rt *rapid.T) {
				m := newMachine(rt, &st, faults[name])
				rt.Repeat(rapid.StateMachineActions(m))
			})
			if !rec.failed {
				t.Fatalf("TestStateMachine did not catch the fault %q", name)
			}
			t.Logf("caught: %.200s", rec.msg)
		})
	}
}

// recordingTB is a rapid.TB that records a failure instead of failing the
// test.
type recordingTB struct {
	name   string
	failed bool
	msg    string
}

func (r *recordingTB) Helper()                      {}
func (r *recordingTB) Name() string                 { return r.name }
func (r *recordingTB) Logf(string, ...any)          {}
func (r *recordingTB) Log(...any)                   {}
func (r *recordingTB) Skipf(string, ...any)         {}
func (r *recordingTB) Skip(...any)                  {}
func (r *recordingTB) SkipNow()                     {}
func (r *recordingTB) Errorf(f string, args ...any) { r.fail(fmt.Sprintf(f, args...)) }
func (r *recordingTB) Error(args ...any)            { r.fail(fmt.Sprint(args...)) }
func (r *recordingTB) Fatalf(f string, args ...any) { r.fail(fmt.Sprintf(f, args...)) }
func (r *recordingTB) Fatal(args ...any)            { r.fail(fmt.Sprint(args...)) }
func (r *recordingTB) FailNow()                     { r.fail("FailNow") }
func (r *recordingTB) Fail()                        { r.fail("Fail") }
func (r *recordingTB) Failed() bool                 { return r.failed }

func (r *recordingTB) fail(msg string) {
	if !r.failed {
		r.failed, r.msg = true, msg
	}
}
