package job

import "time"

// backoffTally collects the finish times of the pods that finished since the
// last sync ("new" pods, §3) to update the backoff record (§12).
type backoffTally struct {
	nSucceeded   int
	lastSuccess  time.Time
	failureTimes []time.Time
}

func (t *backoffTally) addSucceeded(at time.Time) {
	if t.nSucceeded == 0 || at.After(t.lastSuccess) {
		t.lastSuccess = at
	}
	t.nSucceeded++
}

func (t *backoffTally) addFailed(at time.Time) { t.failureTimes = append(t.failureTimes, at) }

// apply returns the candidate record (§12) from the stored record old:
//   - nothing new: old unchanged;
//   - only failures: the count grows by their number and lastFailureTime is
//     the latest of their finish times;
//   - only successes: the zero record;
//   - both: the count is the number of failures finished strictly after the
//     latest success, lastFailureTime the latest of those (zero if none).
//
// Ignored failures (pod failure policy Ignore) are included by the caller:
// they delay recreation too.
func (t *backoffTally) apply(old BackoffRecord) BackoffRecord {
	switch {
	case t.nSucceeded == 0 && len(t.failureTimes) == 0:
		return old
	case t.nSucceeded == 0:
		rec := BackoffRecord{FailuresAfterLastSuccess: old.FailuresAfterLastSuccess + int32(len(t.failureTimes))}
		rec.LastFailureTime = t.failureTimes[0]
		for _, f := range t.failureTimes[1:] {
			if f.After(rec.LastFailureTime) {
				rec.LastFailureTime = f
			}
		}
		return rec
	}
	var rec BackoffRecord
	for _, f := range t.failureTimes {
		if !f.After(t.lastSuccess) {
			continue
		}
		rec.FailuresAfterLastSuccess++
		if f.After(rec.LastFailureTime) {
			rec.LastFailureTime = f
		}
	}
	return rec
}

// backoffDelay returns the delay for n consecutive failures: base doubled
// n−1 times, capped at max; 0 for n <= 0.
func (c *Config) backoffDelay(n int64) time.Duration {
	if n <= 0 {
		return 0
	}
	d := c.PodFailureBackoffBase
	for i := int64(1); i < n && d > 0; i++ {
		next := d * 2
		if next < d || next >= c.PodFailureBackoffMax { // overflow or cap
			return c.PodFailureBackoffMax
		}
		d = next
	}
	return d
}

// remainingBackoff returns how long, at now, the creation of pods must still
// wait after n consecutive failures the last of which finished at last:
// max(0, delay(n) − (now − last)); exactly 0 when the elapsed time equals
// the delay. A last failure in the future (clock skew) lengthens the wait,
// as upstream.
func (c *Config) remainingBackoff(n int64, last, now time.Time) time.Duration {
	if n <= 0 {
		return 0
	}
	d := c.backoffDelay(n)
	elapsed := now.Sub(last)
	if d < elapsed {
		return 0
	}
	return d - elapsed
}
