package jobtest

import (
	"cmp"
	"hash/fnv"
	"slices"

	"github.com/jobkit/jobkit/job"
)

// podStore holds pods by name. Stored pods are never modified in place:
// a change stores a new *job.Pod (copy on write), so pods handed to Step or
// returned by World.Pod stay valid snapshots.
//
// Besides the map it keeps the names ordered by (FNV-1a 64 hash of the
// name, name): the order in which pods are handed to Step (see the package
// doc), maintained incrementally so a sync of n pods costs O(n), not
// O(n log n) hashing and sorting.
type podStore struct {
	byName map[string]*job.Pod
	// order is sorted; added holds names stored since (unsorted); after a
	// removal (removed) both may hold names no longer stored.
	order   []hashedName
	added   []hashedName
	removed bool
}

type hashedName struct {
	h    uint64
	name string
}

func nameHash(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

func cmpHashed(a, b hashedName) int {
	if c := cmp.Compare(a.h, b.h); c != 0 {
		return c
	}
	return cmp.Compare(a.name, b.name)
}

func (s *podStore) get(name string) *job.Pod { return s.byName[name] }

// put stores p under p.Name, replacing any pod of that name.
func (s *podStore) put(p *job.Pod) {
	if s.byName == nil {
		s.byName = map[string]*job.Pod{}
	}
	if _, ok := s.byName[p.Name]; !ok {
		s.added = append(s.added, hashedName{nameHash(p.Name), p.Name})
	}
	s.byName[p.Name] = p
}

// remove drops the pod named name, if any.
func (s *podStore) remove(name string) {
	if _, ok := s.byName[name]; !ok {
		return
	}
	delete(s.byName, name)
	s.removed = true
}

// inputOrder returns the pods in hash order. Names added since the last
// call are sorted and merged in; removed names are dropped.
func (s *podStore) inputOrder() []*job.Pod {
	if s.removed || len(s.added) > 0 {
		gone := func(k hashedName) bool { return s.byName[k.name] == nil }
		if s.removed {
			s.order = slices.DeleteFunc(s.order, gone)
			s.added = slices.DeleteFunc(s.added, gone)
		}
		slices.SortFunc(s.added, cmpHashed)
		s.order = mergeHashed(s.order, s.added)
		s.added, s.removed = s.added[:0], false
	}
	out := make([]*job.Pod, len(s.order))
	for i, k := range s.order {
		out[i] = s.byName[k.name]
	}
	return out
}

// mergeHashed merges two sorted lists.
func mergeHashed(a, b []hashedName) []hashedName {
	if len(b) == 0 {
		return a
	}
	out := make([]hashedName, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if cmpHashed(a[i], b[j]) <= 0 {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// nameOrder returns the pods in name order.
func (s *podStore) nameOrder() []*job.Pod {
	out := make([]*job.Pod, 0, len(s.byName))
	for _, p := range s.byName {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *job.Pod) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// editable returns a copy of p that the world may modify: the struct is
// copied and so are the slices the world edits in place (finalizers, owner
// references, pod conditions, container statuses). Maps (labels,
// annotations) and the spec stay shared: replace them, never write into
// them.
func editable(p *job.Pod) *job.Pod {
	cp := *p
	cp.Finalizers = slices.Clone(p.Finalizers)
	cp.OwnerReferences = slices.Clone(p.OwnerReferences)
	cp.Status.Conditions = slices.Clone(p.Status.Conditions)
	cp.Status.ContainerStatuses = slices.Clone(p.Status.ContainerStatuses)
	cp.Status.InitContainerStatuses = slices.Clone(p.Status.InitContainerStatuses)
	return &cp
}
