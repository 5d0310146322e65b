package job

import (
	"fmt"
	"time"
)

// TTLExpiry returns when the TTL-after-finished controller may delete j
// (controller.md §14): the finish time plus spec.ttlSecondsAfterFinished
// seconds, in UTC.
//
// ok is false, with a nil error, when no expiry applies: j is nil, the TTL is
// not set, j is not finished (no Complete or Failed condition with status
// True) or j is already being deleted (deletionTimestamp set). The finish time
// is the lastTransitionTime of the FIRST condition, in list order, of type
// Complete or Failed with status True; when that time is zero the expiry
// cannot be computed and an error naming the condition is returned (upstream
// logs and skips the Job). A TTL of 0 makes the Job eligible at its finish
// time. The caller compares expireAt with its own clock: at or after
// expireAt the Job is deleted (propagation Foreground), before that the
// TTL controller requeues for expireAt − now.
func TTLExpiry(j *Job) (expireAt time.Time, ok bool, err error) {
	if j == nil || j.Spec.TTLSecondsAfterFinished == nil || j.DeletionTimestamp != nil {
		return time.Time{}, false, nil
	}
	for i, c := range j.Status.Conditions {
		if (c.Type != JobComplete && c.Type != JobFailed) || c.Status != ConditionTrue {
			continue
		}
		if c.LastTransitionTime.IsZero() {
			return time.Time{}, false, fmt.Errorf("status.conditions[%d].lastTransitionTime: unable to find the time when the Job %s/%s finished", i, j.Namespace, j.Name)
		}
		ttl := time.Duration(*j.Spec.TTLSecondsAfterFinished) * time.Second
		return c.LastTransitionTime.UTC().Add(ttl), true, nil
	}
	return time.Time{}, false, nil
}
