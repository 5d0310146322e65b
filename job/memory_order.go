package job

import "unsafe"

// inAddressOrder returns the pods ordered by their memory address, at a
// granularity of 2^shift bytes (coarse order is enough: the goal is
// locality), in a new slice; small inputs are returned as they are. pods is
// never modified.
//
// Why: reading tens of thousands of pods in an arbitrary order costs one
// cache and TLB miss per pod object, map and slice touched, which dominates
// a sync (ten times the rest for 100,000 shuffled pods). Pods are usually
// allocated in the order they were created or decoded, so visiting them in
// address order turns that into a mostly sequential scan of the pods and
// of each kind of object they point to. A bucket order of several KiB is
// not enough: within a bucket the hardware prefetcher sees random accesses
// again. The order only decides the order of Step's internal records; every
// order-dependent output uses the canonical pod order (pod_order.go), so
// results do not depend on it. Go's collector does not move heap objects,
// so addresses are stable for the duration of the call.
//
// The sort is an LSD radix sort of two 11-bit passes whose digits are
// computed from the pointers themselves.
func inAddressOrder(pods []*Pod) []*Pod {
	n := len(pods)
	if n < addressOrderMinLen {
		return pods
	}
	lo, hi := ^uintptr(0), uintptr(0)
	for _, p := range pods {
		a := uintptr(unsafe.Pointer(p))
		lo, hi = min(lo, a), max(hi, a)
	}
	// Choose the granularity so that keys fit in 22 bits, but never finer
	// than 256 bytes.
	shift := uint(8)
	for (hi-lo)>>shift >= 1<<(2*radixBits) {
		shift++
	}
	digit := func(p *Pod, pass uint) uintptr {
		return (uintptr(unsafe.Pointer(p)) - lo) >> (shift + pass*radixBits) & radixMask
	}
	var counts [1 << radixBits]int32
	// Pass 1 (low digit) sorts positions, pass 2 (high digit) the pods: one
	// buffer of pointers, which the collector scans and the allocator
	// zeroes, instead of two.
	pos := make([]int32, n)
	for _, p := range pods {
		counts[digit(p, 0)]++
	}
	prefixSums(counts[:])
	for i, p := range pods {
		d := digit(p, 0)
		pos[counts[d]] = int32(i)
		counts[d]++
	}
	clear(counts[:])
	for _, p := range pods {
		counts[digit(p, 1)]++
	}
	prefixSums(counts[:])
	out := make([]*Pod, n)
	for _, i := range pos {
		p := pods[i]
		d := digit(p, 1)
		out[counts[d]] = p
		counts[d]++
	}
	return out
}

// prefixSums turns digit counts into the first output position of each
// digit.
func prefixSums(counts []int32) {
	var sum int32
	for d, c := range counts {
		counts[d] = sum
		sum += c
	}
}

// radixBits is the digit width of the radix sorts of this package.
const radixBits, radixMask = 11, 1<<11 - 1

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

// warm prepares one chunk of claimPods (at most warmChunk pods). It
// computes what the deepest pointer chases of claiming and classification
// give: element i of out.match is whether pods[i]'s labels match the
// selector and, for Indexed Jobs, element i of out.index is its parsed
// completion index (not set for NonIndexed Jobs). It also reads one word of
// every other object claimPods and classify will read (the pod's metadata
// and status, its owner references, finalizers and conditions arrays) and
// returns a meaningless sum so that those loads are not optimised away.
// The loads of different pods are independent, so the CPU overlaps their
// cache misses; the real pass that follows then finds the memory cached
// instead of waiting for one miss after another.
func warm(pods []*Pod, indexed bool, sel *podSelector, out *warmChunkData) int {
	sum := 0
	// First the cheap loads of every pod (pod object, map headers), whose
	// short loop lets the CPU overlap many pods' misses; then the map
	// lookups, whose long bodies would otherwise serialise those misses.
	for _, p := range pods {
		sum += len(p.Namespace) + len(p.Status.Phase) + len(p.Labels) + len(p.Annotations)
	}
	for i, p := range pods {
		if indexed {
			out.index[i] = parseCompletionIndex(p.Annotations)
		}
		out.match[i] = sel.Matches(p.Labels)
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
