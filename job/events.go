package job

// Event types.
const (
	EventNormal  = "Normal"
	EventWarning = "Warning"
)

// Event reasons and messages recorded by Step (controller.md §10).
const (
	ReasonUnknownCompletionMode = "UnknownCompletionMode"
	ReasonSuspendedEvent        = "Suspended"
	ReasonResumedEvent          = "Resumed"
	ReasonTooManySucceededPods  = "TooManySucceededPods"
	ReasonCompletedEvent        = "Completed"
	ReasonSuccessfulCreate      = "SuccessfulCreate"
	ReasonSuccessfulDelete      = "SuccessfulDelete"

	msgUnknownCompletionMode = "Skipped Job sync because completion mode is unknown"
	msgTooManySucceededPods  = "Too many succeeded pods running after completion count reached"
	msgJobCompleted          = "Job completed"
)

// record appends an event.
func (s *syncer) record(typ, reason, message string) {
	s.events = append(s.events, Event{Type: typ, Reason: reason, Message: message})
}

// recordCreate records SuccessfulCreate for a pod created with
// generateName. Upstream's message names the pod the API server created
// ("Created pod: <name>"); the name does not exist before the create call,
// so Step writes the generateName ("Created pod: pi-3-") and a caller that
// learns the real name may substitute it.
func (s *syncer) recordCreate(generateName string) {
	s.record(EventNormal, ReasonSuccessfulCreate, "Created pod: "+generateName)
}

// recordDelete records SuccessfulDelete "Deleted pod: <name>".
func (s *syncer) recordDelete(name string) {
	s.record(EventNormal, ReasonSuccessfulDelete, "Deleted pod: "+name)
}

// recordFinished records the events of a Job that just finished with
// condition c (Complete or Failed), after its final status write.
func (s *syncer) recordFinished(c *JobCondition) {
	if c.Type != JobComplete {
		s.record(EventWarning, c.Reason, c.Message)
		return
	}
	if s.hasCompletions && s.status.Succeeded > s.completions {
		s.record(EventWarning, ReasonTooManySucceededPods, msgTooManySucceededPods)
	}
	s.record(EventNormal, ReasonCompletedEvent, msgJobCompleted)
}
