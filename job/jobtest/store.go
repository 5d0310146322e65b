package jobtest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/job"
)

// podStore holds pods by name. Stored pods are never modified in place:
// a change stores a new *job.Pod (copy on write, see editable), so pods
// handed to Step or returned by World.Pod stay valid snapshots.
//
// Besides the map it keeps the entries ordered by (FNV-1a 64 hash of the
// name, name): the order in which pods are handed to Step (see the package
// doc), maintained incrementally so that a sync of n pods costs O(n) with
// no map look-up per pod, not O(n log n) hashing and sorting.
type podStore struct {
	byName map[string]*storedPod
	// order is sorted; added holds entries stored since (unsorted). After
	// a removal (removed is then true) both may hold removed entries.
	order   []*storedPod
	added   []*storedPod
	removed bool
	// gone holds the names of removed pods: with byName, every name the
	// store ever held.
	gone map[string]bool
}

// storedPod is the store's entry for one name. Replacing the pod keeps the
// entry (and its place in the order); removing it sets pod to nil.
type storedPod struct {
	hash uint64
	name string
	pod  *job.Pod
}

// nameHash is the FNV-1a 64-bit hash of name (as hash/fnv's New64a
// computes it, without its allocations).
func nameHash(name string) uint64 {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= prime64
	}
	return h
}

func cmpHashed(a, b *storedPod) int {
	if c := cmp.Compare(a.hash, b.hash); c != 0 {
		return c
	}
	return strings.Compare(a.name, b.name)
}

func (s *podStore) get(name string) *job.Pod {
	if e := s.byName[name]; e != nil {
		return e.pod
	}
	return nil
}

// hasHeld reports whether the store holds, or ever held, a pod named name.
func (s *podStore) hasHeld(name string) bool { return s.byName[name] != nil || s.gone[name] }

// put stores p under p.Name, replacing any pod of that name. The store
// owns p from now on: nobody may modify it.
func (s *podStore) put(p *job.Pod) {
	if e := s.byName[p.Name]; e != nil {
		e.pod = p
		return
	}
	if s.byName == nil {
		s.byName = map[string]*storedPod{}
	}
	e := &storedPod{hash: nameHash(p.Name), name: p.Name, pod: p}
	s.byName[p.Name] = e
	s.added = append(s.added, e)
}

// remove drops the pod named name, if any.
func (s *podStore) remove(name string) {
	e := s.byName[name]
	if e == nil {
		return
	}
	e.pod = nil
	delete(s.byName, name)
	if s.gone == nil {
		s.gone = map[string]bool{}
	}
	s.gone[name] = true
	s.removed = true
}

// inputOrder returns the pods in hash order. Entries added since the last
// call are sorted and merged in; removed entries are dropped.
func (s *podStore) inputOrder() []*job.Pod {
	if s.removed {
		isRemoved := func(e *storedPod) bool { return e.pod == nil }
		s.order = slices.DeleteFunc(s.order, isRemoved)
		s.added = slices.DeleteFunc(s.added, isRemoved)
		s.removed = false
	}
	if len(s.added) > 0 {
		slices.SortFunc(s.added, cmpHashed)
		s.order = mergeSorted(s.order, s.added)
		clear(s.added)
		s.added = s.added[:0]
	}
	out := make([]*job.Pod, len(s.order))
	for i, e := range s.order {
		out[i] = e.pod
	}
	return out
}

// mergeSorted merges the sorted list b into the sorted list a, in place
// from the back (a grows), and returns a.
func mergeSorted(a, b []*storedPod) []*storedPod {
	i, j := len(a)-1, len(b)-1
	a = slices.Grow(a, len(b))[:len(a)+len(b)]
	for k := len(a) - 1; j >= 0; k-- {
		if i >= 0 && cmpHashed(a[i], b[j]) > 0 {
			a[k] = a[i]
			i--
		} else {
			a[k] = b[j]
			j--
		}
	}
	return a
}

// nameOrder returns the pods in name order.
func (s *podStore) nameOrder() []*job.Pod {
	out := make([]*job.Pod, 0, len(s.byName))
	for _, e := range s.byName {
		out = append(out, e.pod)
	}
	slices.SortFunc(out, func(a, b *job.Pod) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// editable returns a shallow copy of p that the world may change. All it
// refers to is still shared with p and so with every snapshot handed out:
// a change replaces a slice or map by a changed copy (withFinalizer,
// withoutFinalizer, slices.Clone before writing into elements), never
// writes into it or appends to it in place.
func editable(p *job.Pod) *job.Pod {
	cp := *p
	return &cp
}

// withFinalizer returns list with f appended, in a new array.
func withFinalizer(list []string, f string) []string {
	return append(slices.Clip(list), f)
}

// withoutFinalizer returns a copy of list without f.
func withoutFinalizer(list []string, f string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(x string) bool { return x == f })
}
