package job

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// TestStepOutputIndependentOfScanWorkers: the pod scan split across
// goroutines (Config.ScanWorkers, from 2048 pods) gives exactly the output
// of the single-goroutine scan, whatever the pods.
func TestStepOutputIndependentOfScanWorkers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		if len(in.Pods) == 0 {
			return
		}
		// Copies of the drawn pods under new names and UIDs, up to more
		// than parallelClaimMinPods pods (each copy keeps its kind:
		// foreign, orphan, terminating, duplicate index, ...).
		var pods []*Pod
		for k := 0; len(pods) < 3*parallelClaimMinPods; k++ {
			for _, p := range in.Pods {
				c := p.DeepCopy()
				c.Name = fmt.Sprintf("%s-c%d", p.Name, k)
				c.UID = UID(fmt.Sprintf("%s-c%d", p.UID, k))
				pods = append(pods, c)
			}
		}
		in.Pods = pods
		var outs []Output
		for _, workers := range []int{1, 2, 3, 4} {
			cfg := DefaultConfig()
			cfg.ScanWorkers = workers
			in.Config = &cfg
			out, err := Step(in)
			if err != nil {
				t.Fatalf("Step with %d workers: %v", workers, err)
			}
			outs = append(outs, out)
		}
		for i := 1; i < len(outs); i++ {
			if diff := cmp.Diff(outs[0], outs[i]); diff != "" {
				t.Fatalf("%d scan workers give another output than 1 (-1 +%d):\n%s", i+1, i+1, diff)
			}
		}
	})
}
