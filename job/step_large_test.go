package job

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestStepLargeInputOrderIndependent runs Step on inputs large enough for
// the paths small property inputs never take (address-order visit, radix
// sorts, the dense active-index set) and checks that the output depends
// neither on the order of Input.Pods nor on the order in which the pods
// were allocated (which decides the address order). The Indexed Job is
// scaled down and has unknown, out-of-range and shared indexes, so the
// canonical sort and the deletion ranking both run.
func TestStepLargeInputOrderIndependent(t *testing.T) {
	const n = 3000
	for _, isIndexed := range []bool{true, false} {
		t.Run(fmt.Sprintf("indexed=%v", isIndexed), func(t *testing.T) {
			j := testJob(n-500, 2*n, backoffLimit(n))
			if isIndexed {
				indexed(j)
			}
			j.Status.StartTime = Ptr(at(-time.Hour))
			// mk builds pod i; rng only decides the order of allocation.
			mk := func(i int) *Pod {
				ph := PodRunning
				opts := []podOpt{ready(-time.Duration(i%7) * time.Second)}
				switch i % 50 {
				case 7:
					ph = PodSucceeded
				case 8:
					ph = PodFailed
				}
				if isIndexed {
					switch i % 97 {
					case 3: // unknown index
					case 5:
						opts = append(opts, idx(2*n+i)) // out of range
					case 11:
						opts = append(opts, idx(i-1)) // shared with pod i-1
					default:
						opts = append(opts, idx(i))
					}
				}
				p := testPod(j, fmt.Sprintf("p-%05d", i), ph, opts...)
				if i%13 == 0 {
					p.Spec.NodeName = ""
				}
				return p
			}
			build := func(seed uint64) []*Pod {
				r := rand.New(rand.NewPCG(seed, 7))
				pods := make([]*Pod, n)
				for _, i := range r.Perm(n) { // allocation order
					pods[i] = mk(i)
				}
				r.Shuffle(n, func(a, b int) { pods[a], pods[b] = pods[b], pods[a] }) // input order
				return pods
			}
			want := mustStep(t, Input{Job: j, Pods: build(1), Now: t0})
			if d := len(summarize(want).Deleted); d < n/10 || d > n/2 {
				t.Fatalf("%d deletions: the input does not exercise a partial scale-down", d)
			}
			for seed := uint64(2); seed < 5; seed++ {
				got := mustStep(t, Input{Job: j, Pods: build(seed), Now: t0})
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("seed %d: output depends on pod order or allocation (-seed 1 +seed %d):\n%s", seed, seed, diff)
				}
			}
		})
	}
}
