package job_test

import (
	"fmt"
	"time"

	"github.com/jobkit/jobkit/job"
)

// The expectations protocol: pass each Output.Memory to the next Step,
// after Forget of the actions that failed. A Step on a pod list that does
// not show the pods yet creates nothing; once the informer shows the
// created pod, the failed creation is retried.
func ExampleMemory_Forget() {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	labels := map[string]string{job.ControllerUIDLabel: "uid-pi"}
	j := &job.Job{
		ObjectMeta: job.ObjectMeta{Name: "pi", Namespace: "default", UID: "uid-pi"},
		Spec: job.JobSpec{
			Parallelism:  job.Ptr(int32(2)),
			Completions:  job.Ptr(int32(2)),
			BackoffLimit: job.Ptr(int32(6)),
			Selector:     &job.LabelSelector{MatchLabels: labels},
			Template: job.PodTemplateSpec{
				ObjectMeta: job.ObjectMeta{Labels: labels},
				Spec:       job.PodSpec{RestartPolicy: job.RestartPolicyNever, Containers: []job.Container{{Name: "main"}}},
			},
		},
	}
	var informer []*job.Pod // what the next Step will be shown
	var created []*job.Pod  // what the API server holds
	sync := func(mem job.Memory, failCreate bool) job.Memory {
		out, err := job.Step(job.Input{Job: j, Pods: informer, Now: now, Memory: mem})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%d actions:", len(out.Actions))
		for _, a := range out.Actions {
			switch a := a.(type) {
			case job.CreatePod:
				if failCreate {
					failCreate = false
					fmt.Print(" [failed] ", a)
					out.Memory = out.Memory.Forget(a)
					continue
				}
				fmt.Print(" ", a)
				p := a.Pod
				p.Name, p.UID = fmt.Sprintf("pi-%d", len(created)), job.UID(fmt.Sprintf("uid-%d", len(created)))
				p.CreationTimestamp = job.NewTime(now)
				created = append(created, p)
			case job.WriteStatus:
				j = j.DeepCopy()
				j.Status = *a.Status
				fmt.Print(" | ", a)
			}
		}
		fmt.Println()
		fmt.Println("  pending creations:", len(out.Memory.Expectations.Creations))
		return out.Memory
	}

	mem := sync(job.Memory{}, true) // one of the two creations fails
	now = now.Add(time.Second)
	mem = sync(mem, false) // the informer shows nothing yet: wait
	informer = created
	now = now.Add(time.Second)
	sync(mem, false) // the created pod shows: the failed one is retried
	// Output:
	// 3 actions: [failed] create pod pi- create pod pi- | write status active=2 ready=0 terminating=0 succeeded=0 failed=0 conditions=0
	//   pending creations: 1
	// 1 actions: | write status active=0 ready=0 terminating=0 succeeded=0 failed=0 conditions=0
	//   pending creations: 1
	// 2 actions: create pod pi- | write status active=2 ready=0 terminating=0 succeeded=0 failed=0 conditions=0
	//   pending creations: 1
}
