package sim

import (
	"container/heap"
	"time"
)

// evKind is what happens at an event.
type evKind int

const (
	evStart     evKind = iota // pod turns Running
	evReady                   // pod turns Ready
	evFinish                  // pod exits (success or failure) or restarts
	evDisrupt                 // pod gets DisruptionTarget and a deletionTimestamp
	evTerminate               // a pod being deleted stops
	evSync                    // the controller's requeueAfter fires
	evUpdate                  // a user updates the Job (Model.Updates[arg])
	evTTL                     // ttlSecondsAfterFinished expires
)

// event is one scheduled happening. Events at the same instant run in
// the order they were scheduled (seq).
type event struct {
	at   time.Duration
	seq  uint64
	kind evKind
	pod  *podState
	arg  int
}

// eventQueue is a min-heap of events by (at, seq).
type eventQueue []event

func (q eventQueue) Len() int { return len(q) }
func (q eventQueue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q eventQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *eventQueue) Push(x any)   { *q = append(*q, x.(event)) }
func (q *eventQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

// rowPool hands out the lowest free row (NonIndexed timelines).
type rowPool struct {
	free []int // min-heap
	next int
}

func (p *rowPool) Len() int           { return len(p.free) }
func (p *rowPool) Less(i, j int) bool { return p.free[i] < p.free[j] }
func (p *rowPool) Swap(i, j int)      { p.free[i], p.free[j] = p.free[j], p.free[i] }
func (p *rowPool) Push(x any)         { p.free = append(p.free, x.(int)) }
func (p *rowPool) Pop() any {
	x := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return x
}

func (p *rowPool) take() int {
	if len(p.free) > 0 {
		return heap.Pop(p).(int)
	}
	p.next++
	return p.next - 1
}

func (p *rowPool) release(row int) { heap.Push(p, row) }
