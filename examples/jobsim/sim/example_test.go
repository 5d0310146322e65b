package sim_test

import (
	"fmt"
	"os"

	"github.com/jobkit/jobkit/examples/jobsim/sim"
	"github.com/jobkit/jobkit/job/manifest"
)

// Simulate a three-pod Job whose second pod fails once with exit code 3.
func ExampleRun() {
	j, err := manifest.DecodeJob([]byte(`
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  completionMode: Indexed
  completions: 3
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl}]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := sim.ParseModel([]byte(`
start: 2s
run: 30s
overrides:
  - indexes: "1"
    attempts: "0"
    failure: {probability: 1, exitCodes: [{code: 3}], after: 10s}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sim.Run(j, m, sim.Options{Seed: 1, Log: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Outcome)
	// Output:
	// t=+0s       active=3 ready=0 succeeded=0 failed=0 terminating=0 conditions=[] | created pi-0-0 pi-1-0 pi-2-0
	// t=+2s       active=3 ready=3 succeeded=0 failed=0 terminating=0 conditions=[] | started pi-0-0 pi-1-0 pi-2-0; ready pi-0-0 pi-1-0 pi-2-0
	// t=+12s      active=2 ready=2 succeeded=0 failed=1 terminating=0 conditions=[] | failed pi-1-0 (exit 3); requeue 10s
	// t=+22s      active=3 ready=2 succeeded=0 failed=1 terminating=0 conditions=[] | created pi-1-1
	// t=+24s      active=3 ready=3 succeeded=0 failed=1 terminating=0 conditions=[] | started pi-1-1; ready pi-1-1
	// t=+32s      active=1 ready=1 succeeded=2 failed=1 terminating=0 completed=0,2 conditions=[] | succeeded pi-0-0 pi-2-0
	// t=+54s      active=0 ready=0 succeeded=3 failed=1 terminating=0 completed=0-2 conditions=[SuccessCriteriaMet Complete] | succeeded pi-1-1; condition SuccessCriteriaMet=True(CompletionsReached) Complete=True(CompletionsReached); event Completed
	// Complete (CompletionsReached) at +54s
}
