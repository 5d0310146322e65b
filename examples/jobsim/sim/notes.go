package sim

import (
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
)

// noteKind orders the parts of a timeline line.
type noteKind int

const (
	noteStarted noteKind = iota
	noteReady
	noteSucceeded
	noteFailed
	noteRestarted
	noteDisrupted
	noteStopped
	noteUpdate
	noteTTL
	noteCreated
	noteDeleted
	noteRequeue
	noteCondition
	noteEvent
	numNotes
)

var noteLabels = [numNotes]string{
	"started", "ready", "succeeded", "failed", "restarted", "disrupted", "stopped",
	"update", "ttl", "created", "deleted", "requeue", "condition", "event",
}

// maxNamed is how many items a line names before it only counts them.
const maxNamed = 4

// notes collects what happened at the current instant.
type notes struct {
	items [numNotes][]string
	// createdIndexes are the completion indexes of the created pods
	// (Indexed Jobs), shown when the pods are only counted.
	createdIndexes []int32
	any            bool
}

func (n *notes) add(k noteKind, items ...string) {
	if len(items) == 0 {
		return
	}
	n.items[k] = append(n.items[k], items...)
	n.any = true
}

// render is "started a b; failed c (exit 1); created 12 pods (indexes
// 0-11)", then resets n.
func (n *notes) render() string {
	var parts []string
	for k := range numNotes {
		items := n.items[k]
		if len(items) == 0 {
			continue
		}
		if len(items) > maxNamed {
			part := fmt.Sprintf("%s %d pods", noteLabels[k], len(items))
			if k == noteCreated && len(n.createdIndexes) > 0 {
				part += " (indexes " + indexes.FromIndexes(n.createdIndexes...).String() + ")"
			}
			parts = append(parts, part)
		} else {
			parts = append(parts, noteLabels[k]+" "+strings.Join(items, " "))
		}
		n.items[k] = n.items[k][:0]
	}
	n.createdIndexes = n.createdIndexes[:0]
	n.any = false
	return strings.Join(parts, "; ")
}

// statusText is the counters part of a line.
func statusText(st *job.JobStatus, indexed bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "active=%d ready=%d succeeded=%d failed=%d terminating=%d",
		st.Active, deref32(st.Ready), st.Succeeded, st.Failed, deref32(st.Terminating))
	if indexed {
		if st.CompletedIndexes != "" {
			b.WriteString(" completed=" + st.CompletedIndexes)
		}
		if st.FailedIndexes != nil && *st.FailedIndexes != "" {
			b.WriteString(" failedIndexes=" + *st.FailedIndexes)
		}
	}
	b.WriteString(" conditions=[")
	for i, c := range st.Conditions {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(c.Type))
		if c.Status != job.ConditionTrue {
			b.WriteString("=" + c.Status)
		}
	}
	b.WriteByte(']')
	return b.String()
}

func deref32(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

// flush writes the line of the current instant when something changed:
// the status text differs from the last line's, or notes were taken.
func (e *engine) flush() {
	status := statusText(&e.w.Job().Status, e.tl.Indexed)
	if !e.notes.any && status == e.lastLine {
		return
	}
	e.lastLine = status
	what := e.notes.render()
	if e.opts.Log == nil {
		return
	}
	line := fmt.Sprintf("t=+%-8s %s", e.now, status)
	if what != "" {
		line += " | " + what
	}
	fmt.Fprintln(e.opts.Log, line)
}
