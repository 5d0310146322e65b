package sim

import (
	"fmt"
	"io"

	"github.com/jobkit/jobkit/job/manifest"
)

// WriteSummary writes the outcome, the run's size and the Job's final
// status as YAML:
//
//	outcome: Complete (CompletionsReached) at +4m10s
//	simulated: 4m10s in 37 instants, 96 pod events, 14 pods
//	status:
//	  conditions: ...
func (r *Result) WriteSummary(w io.Writer) error {
	for _, warn := range r.Warnings {
		if _, err := fmt.Fprintf(w, "warning: %s\n", warn); err != nil {
			return err
		}
	}
	status, err := manifest.EncodeYAML(&r.Job.Status)
	if err != nil {
		return fmt.Errorf("encoding the final status: %w", err)
	}
	_, err = fmt.Fprintf(w, "outcome: %s\nsimulated: %s in %d instants, %d pod events, %d pods\nstatus:\n%s",
		r.Outcome, r.End, r.Instants, r.PodEvents, len(r.Timeline.Attempts), indent(status))
	return err
}

// indent prefixes every non-empty line with two spaces.
func indent(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	start := true
	for _, c := range b {
		if start && c != '\n' {
			out = append(out, ' ', ' ')
		}
		out = append(out, c)
		start = c == '\n'
	}
	return out
}
