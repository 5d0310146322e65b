package sim

import (
	"time"

	"github.com/jobkit/jobkit/job"
)

// Never marks an instant of an Attempt that did not happen.
const Never time.Duration = -1

// Attempt is one pod of the Job, from creation to its end. Instants are
// offsets from the start of the simulation; Never when they did not
// happen.
type Attempt struct {
	Name string
	// Index is the completion index (Indexed) or -1.
	Index int32
	// Row is the row of the timeline the pod is drawn in: its index
	// (Indexed), else the lowest row free when the pod was created.
	Row int
	// Attempt counts earlier pods of the same index (0: the first).
	Attempt int
	Created time.Duration
	Started time.Duration
	Ready   time.Duration
	// Deleted is when the pod got its deletionTimestamp.
	Deleted time.Duration
	// Ended is when the pod turned Succeeded or Failed.
	Ended   time.Duration
	Outcome Outcome
	// ExitCode is the code of a failed, disrupted or deleted pod.
	ExitCode int32
	// Restarts are the container restarts (restartPolicy OnFailure).
	Restarts []time.Duration
}

// Mark is a change of a Job condition.
type Mark struct {
	At     time.Duration
	Type   job.JobConditionType
	Status string
	Reason string
}

// Sample is the Job's counters after the controller settled at an instant.
type Sample struct {
	At                                            time.Duration
	Active, Ready, Succeeded, Failed, Terminating int32
}

// Timeline is the record of one simulation, what the SVG is drawn from.
type Timeline struct {
	JobName     string
	Indexed     bool
	Completions int32 // 0: unset (work queue)
	Parallelism int32
	Seed        uint64
	// Outcome is Result.Outcome.
	Outcome string
	// End is the offset of the last instant simulated.
	End time.Duration
	// Rows is the number of rows the attempts use.
	Rows int
	// CompletedIndexes and FailedIndexes are the Job's final index lists
	// (Indexed Jobs).
	CompletedIndexes, FailedIndexes string
	// Attempts in creation order.
	Attempts []*Attempt
	// Marks in time order.
	Marks []Mark
	// Samples in time order, one per instant at most.
	Samples []Sample
}

func (tl *Timeline) sample(at time.Duration, st *job.JobStatus) {
	s := Sample{At: at, Active: st.Active, Succeeded: st.Succeeded, Failed: st.Failed}
	if st.Ready != nil {
		s.Ready = *st.Ready
	}
	if st.Terminating != nil {
		s.Terminating = *st.Terminating
	}
	if n := len(tl.Samples); n > 0 && tl.Samples[n-1].At == at {
		tl.Samples[n-1] = s
		return
	}
	tl.Samples = append(tl.Samples, s)
}
