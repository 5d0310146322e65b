package defaults

import "github.com/jobkit/jobkit/job"

// PrepareForCreate returns a copy of in with the rest of the Job create
// strategy applied (§1.4), in upstream's order after selector generation:
//
//   - status is reset to empty (a client-supplied status is discarded);
//   - metadata.generation is 1;
//   - spec.managedBy is kept (JobManagedBy is GA);
//   - spec.scheduling is dropped (WorkloadWithJob is alpha, off by default).
//
// It does not generate the selector (see GenerateSelector), and it does not
// do the API server's system-field handling that precedes the strategy:
// assigning a random metadata.uid, setting creationTimestamp to the current
// time, generating metadata.name from generateName (a random suffix), or
// setting metadata.namespace from the request path. Those need randomness,
// a clock or a request, which a caller supplies. Disabled pod-template
// fields are not dropped (jobkit models no gated pod field). A nil in gives
// nil.
func PrepareForCreate(in *job.Job) *job.Job {
	if in == nil {
		return nil
	}
	out := copyKeepingLabelAlias(in)
	prepareForCreate(out)
	return out
}

// prepareForCreate applies PrepareForCreate to out in place.
func prepareForCreate(out *job.Job) {
	out.Status = job.JobStatus{}
	out.Generation = 1
	out.Spec.Scheduling = nil
}
