package job

import (
	"time"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/policy"
)

// syncer is the working state of one Step. Every field is derived from the
// Input; the Input itself is never written. Names follow upstream's
// syncJobCtx where they have a counterpart.
type syncer struct {
	cfg  Config
	mem  Memory // controller memory as passed in
	job  *Job   // read only
	now  time.Time
	nowT Time // now as the API server stores it (UTC, whole seconds)
	// recentSince is nowT − CreationClockSkew (see fRecent).
	recentSince Time

	// status is the working copy of the Job's status that the sync edits and
	// writes.
	status *JobStatus

	// Spec facts, read once.
	indexed           bool
	hasCompletions    bool
	completions       int32 // valid when hasCompletions
	parallelism       int32
	backoffLimit      int32
	perIndex          bool // backoffLimitPerIndex set (Indexed only)
	perIndexLimit     int32
	pfp               *policy.PodFailurePolicy
	onlyReplaceFailed bool
	jobDeleting       bool

	// recs are the Job's pods (after ownership), in record order: input
	// order for small inputs, memory order for large ones (inAddressOrder).
	recs []podRec
	// uncSucc and uncFail are the UIDs of status.uncountedTerminatedPods as
	// read at the start of the sync.
	uncSucc, uncFail map[UID]struct{}

	// Snapshot counters (§4.2); active, ready and terminating are updated by
	// the deletions of the sync.
	active, ready, terminating int32
	// succeeded and failed are upstream's jobCtx.succeeded / jobCtx.failed.
	succeeded, failed int32

	// Indexed bookkeeping (§4.5 step 7).
	prevSucceededIdx indexes.Set
	succeededIdx     indexes.Set
	failedIdx        indexes.Set // valid when perIndex
	activeIdx        indexes.Set // indexes of active pods (computed lazily)
	activeIdxDone    bool
	// activeIdxDistinct: every active pod has a valid index of its own
	// (valid when activeIdxDone; see hasDistinctActiveIndexes).
	activeIdxDistinct bool
	activeSortedIDs   []int32 // see activeSorted
	// delayed maps an index to the position in recs of its delayed-deletion
	// pod (§7.4); nil unless perIndex.
	delayed map[int32]int32

	// backoff is the candidate pod-failure backoff record (§4.4).
	backoff BackoffRecord

	// exp is the sync's work on Memory.Expectations.
	exp expectState

	// finished is upstream's finishedCondition (nil: none).
	finished *JobCondition

	// pf holds pod failure policy outcomes by position in recs (allocated
	// on first use; see fPFDone).
	pf []failureOutcome

	// warmSink keeps the loads of warm alive.
	warmSink int

	// Scratch buffers for pod failure policy evaluation.
	exitBuf []policy.ContainerExit
	condBuf []policy.PodCondition

	// Outputs.
	actions    []Action
	events     []Event
	requeue    time.Duration
	hasRequeue bool
	flushed    bool // the first flush (F1) happened
	lastWrite  *JobStatus
}

// requestRequeue asks for a sync after d, keeping the soonest request.
func (s *syncer) requestRequeue(d time.Duration) {
	if !s.hasRequeue || d < s.requeue {
		s.requeue, s.hasRequeue = d, true
	}
}

// isValidIndex reports whether i is a usable completion index (Indexed:
// 0 <= i < completions).
func (s *syncer) isValidIndex(i int32) bool {
	return i >= 0 && s.hasCompletions && i < s.completions
}
