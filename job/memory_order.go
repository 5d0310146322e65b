package job

import "unsafe"

// addressOrder returns the positions 0..len(pods)-1 ordered by the memory
// address of the pods, at a granularity of 2^shift bytes (coarse order is
// enough: the goal is locality).
//
// Why: reading tens of thousands of pods in an arbitrary order costs one
// cache and TLB miss per pod object, map and slice touched, which dominates
// a sync (ten times the rest for 100,000 shuffled pods). Pods are usually
// allocated in the order they were created or decoded, so visiting them in
// address order turns that into a mostly sequential scan. The order only
// decides the order of Step's internal records; every order-dependent
// output uses the canonical pod order (pod_order.go), so results do not
// depend on it. Go's collector does not move heap objects, so addresses are
// stable for the duration of the call. Small inputs are left in input order.
func addressOrder(pods []*Pod) []int32 {
	n := len(pods)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	if n < addressOrderMinLen {
		return order
	}
	lo, hi := ^uintptr(0), uintptr(0)
	for _, p := range pods {
		a := uintptr(unsafe.Pointer(p))
		lo, hi = min(lo, a), max(hi, a)
	}
	// Choose the granularity so that keys fit in 22 bits (two radix passes
	// of 11 bits), but never finer than 256 bytes.
	shift := uint(8)
	for (hi-lo)>>shift >= 1<<22 {
		shift++
	}
	keys := make([]uint32, 2*n)
	a, b := keys[:n], keys[n:]
	for i, p := range pods {
		a[i] = uint32((uintptr(unsafe.Pointer(p)) - lo) >> shift)
	}
	tmp := make([]int32, n)
	const bits, mask = 11, 1<<11 - 1
	var counts [1 << bits]int
	for pass := uint(0); pass < 2; pass++ {
		sh := pass * bits
		clear(counts[:])
		for _, k := range a {
			counts[(k>>sh)&mask]++
		}
		sum := 0
		for d, c := range counts {
			counts[d] = sum
			sum += c
		}
		for i, k := range a {
			d := (k >> sh) & mask
			b[counts[d]] = k
			tmp[counts[d]] = order[i]
			counts[d]++
		}
		a, b = b, a
		order, tmp = tmp, order
	}
	return order
}

// addressOrderMinLen is the number of pods from which claimPods visits
// them in address order.
const addressOrderMinLen = 1024

// warmChunkData holds what warm computes for one chunk of pods.
type warmChunkData struct {
	index [warmChunk]int32
	match [warmChunk]bool
}

// warmChunk is the number of pods warm prefetches at a time: small enough
// for their memory to stay in the L2 cache until claimPods reads them.
const warmChunk = 128

// warm reads, for the given pods (at most warmChunk), one word of every
// object claimPods and classify will read (the pod's metadata and status,
// its owner references, finalizers and conditions arrays, its label and
// annotation maps) and returns a meaningless sum so the loads are not
// optimised away; for Indexed Jobs it also parses each pod's completion
// index into out.index and matches its labels against the Job's selector
// into out.match (element i for order[i]): the map lookups are the deepest
// pointer chases of claiming and classification. The loads of different pods are independent, so the CPU
// overlaps their cache misses; the real pass that follows then finds the
// memory cached instead of waiting for one miss after another.
func warm(pods []*Pod, order []int32, indexed bool, sel *podSelector, out *warmChunkData) int {
	sum := 0
	for i, k := range order {
		p := pods[k]
		if indexed {
			out.index[i] = parseCompletionIndex(p.Annotations)
		}
		out.match[i] = sel.matches(p.Labels)
		sum += len(p.Namespace) + len(p.Status.Phase) + len(p.Labels) + len(p.Annotations)
		if len(p.OwnerReferences) > 0 {
			if c := p.OwnerReferences[0].Controller; c != nil && *c {
				sum++
			}
		}
		if len(p.Finalizers) > 0 {
			sum += len(p.Finalizers[0])
		}
		if len(p.Status.Conditions) > 0 {
			sum += len(p.Status.Conditions[0].Type)
		}
		if p.DeletionTimestamp != nil {
			sum++
		}
	}
	return sum
}
