package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation/equality"
	"github.com/jobkit/jobkit/validation/field"
)

const indexedTrackingWarning = "In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail"

// WarningsOnCreate returns the API server's create warnings for j (§2.11),
// in order: the name is not a DNS-1123 label; the Indexed tracking
// warning; then the pod template's generic warnings (see
// podTemplateWarnings). A nil j is an empty Job. The API server sends them
// only with a create that passed validation: a caller emulating a request
// must drop them when ValidateJob reported errors (defaults.Create does).
func WarningsOnCreate(j *job.Job) []string {
	if j == nil {
		j = &job.Job{}
	}
	var w []string
	if msgs := IsDNS1123Label(j.Name); len(msgs) > 0 {
		w = append(w, fmt.Sprintf("metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: %v", msgs))
	}
	return append(w, specWarnings(&j.Spec, specPath)...)
}

// WarningsOnUpdate returns the spec warnings of newJob when the update
// changes the spec. The API server warns when the generation changed; it
// bumps the generation exactly when the spec changed, so both conditions
// are accepted here (a caller that does not maintain generations still gets
// the server's answer).
func WarningsOnUpdate(newJob, oldJob *job.Job) []string {
	if newJob == nil || oldJob == nil {
		return nil
	}
	if newJob.Generation == oldJob.Generation && equality.JobSpecs(&newJob.Spec, &oldJob.Spec) {
		return nil
	}
	return specWarnings(&newJob.Spec, specPath)
}

// specWarnings is upstream's WarningsForJobSpec for the Job spec at p
// (spec, or spec.jobTemplate.spec of a CronJob): the Indexed tracking
// warning, then the pod-template warnings at p.template.
func specWarnings(s *job.JobSpec, p *field.Path) []string {
	w := indexedWarnings(s, p)
	return append(w, podTemplateWarnings(&s.Template, p.Child("template"))...)
}

func indexedWarnings(s *job.JobSpec, p *field.Path) []string {
	if !s.IsIndexed() {
		return nil
	}
	var completions, parallelism int32
	if s.Completions != nil {
		completions = *s.Completions
	}
	if s.Parallelism != nil {
		parallelism = *s.Parallelism
	}
	if completions > 100000 && parallelism > 10000 {
		return []string{p.String() + ": " + indexedTrackingWarning}
	}
	return nil
}
