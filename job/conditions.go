package job

// Condition messages written by the controller (controller.md §9.1).
const (
	msgBackoffLimitExceeded     = "Job has reached the specified backoff limit"
	msgDeadlineExceeded         = "Job was active longer than specified deadline"
	msgMaxFailedIndexesExceeded = "Job has exceeded the specified maximal number of failed indexes"
	msgFailedIndexes            = "Job has failed indexes"
	msgCompletionsReached       = "Reached expected number of succeeded pods"
	msgJobSuspended             = "Job suspended"
	msgJobResumed               = "Job resumed"
)

// newCondition returns a condition with both times set to now (§9.2).
func (s *syncer) newCondition(t JobConditionType, status, reason, message string) *JobCondition {
	return &JobCondition{
		Type:               t,
		Status:             status,
		Reason:             reason,
		Message:            message,
		LastProbeTime:      s.nowT,
		LastTransitionTime: s.nowT,
	}
}

// newFailureTarget is the interim condition of a failure criterion.
func (s *syncer) newFailureTarget(reason, message string) *JobCondition {
	return s.newCondition(JobFailureTarget, ConditionTrue, reason, message)
}

// firstCondition returns the FIRST condition of type t in list order, or
// nil. Like upstream's findConditionByType, a later condition of the same
// type is never looked at: a user-added FailureTarget=False placed before
// the controller's FailureTarget=True hides it.
func firstCondition(list []JobCondition, t JobConditionType) *JobCondition {
	for i := range list {
		if list[i].Type == t {
			return &list[i]
		}
	}
	return nil
}

// firstTrueCondition returns the first condition of type t when its status
// is True, else nil.
func firstTrueCondition(list []JobCondition, t JobConditionType) *JobCondition {
	if c := firstCondition(list, t); c != nil && c.Status == ConditionTrue {
		return c
	}
	return nil
}

// ensureCondition gives the status a condition of type t with the given
// status, reason and message (§9.2 "ensure"): the first condition of that
// type is overwritten in place, with new times, when any of the three
// differs; an absent condition is appended unless status is False. It
// reports whether the list changed.
func (s *syncer) ensureCondition(t JobConditionType, status, reason, message string) bool {
	list := s.status.Conditions
	if c := firstCondition(list, t); c != nil {
		if c.Status == status && c.Reason == reason && c.Message == message {
			return false
		}
		*c = *s.newCondition(t, status, reason, message)
		return true
	}
	if status == ConditionFalse {
		return false
	}
	s.status.Conditions = append(list, *s.newCondition(t, status, reason, message))
	return true
}
