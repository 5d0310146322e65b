package job

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// decodedPodJSON is observed pod i of a Job "pi" as an API server sends it
// after a kubelet ran it: the labels, annotations, owner reference,
// tracking finalizer, spec (node, tolerations, one container) and status
// (five conditions, a container status, IPs) that informers hold. kind: 'R'
// running and ready, 'P' pending, 'S' succeeded, 'F' failed (the last two
// with the finalizer still on).
func decodedPodJSON(i int, indexed bool, kind byte) []byte {
	gen := "pi-"
	labels := `"batch.kubernetes.io/controller-uid":"uid-pi","batch.kubernetes.io/job-name":"pi","controller-uid":"uid-pi","job-name":"pi"`
	annotations := ""
	if indexed {
		gen = fmt.Sprintf("pi-%d-", i)
		labels += fmt.Sprintf(`,"batch.kubernetes.io/job-completion-index":"%d"`, i)
		annotations = fmt.Sprintf(`"annotations":{"batch.kubernetes.io/job-completion-index":"%d"},`, i)
	}
	created := t0.Add(-20 * time.Minute)
	started := created.Add(5 * time.Second)
	readyAt := t0.Add(-time.Minute - time.Duration(i%600)*time.Second)
	ts := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	cond := func(t, s string, at time.Time) string {
		return fmt.Sprintf(`{"type":%q,"status":%q,"lastProbeTime":null,"lastTransitionTime":%q}`, t, s, ts(at))
	}
	var phase, conds, state string
	switch kind {
	case 'R':
		phase = "Running"
		conds = cond("PodReadyToStartContainers", "True", started) + "," + cond("Initialized", "True", started) + "," +
			cond("Ready", "True", readyAt) + "," + cond("ContainersReady", "True", readyAt) + "," + cond("PodScheduled", "True", created)
		state = fmt.Sprintf(`{"running":{"startedAt":%q}}`, ts(started))
	case 'P':
		phase = "Pending"
		conds = cond("Initialized", "True", started) + "," + cond("Ready", "False", started) + "," +
			cond("ContainersReady", "False", started) + "," + cond("PodScheduled", "True", created)
		state = `{"waiting":{"reason":"ContainerCreating"}}`
	default:
		code, finished := 0, t0.Add(-2*time.Minute)
		phase = "Succeeded"
		if kind == 'F' {
			phase, code, finished = "Failed", 1, t0.Add(-10*time.Minute)
		}
		conds = cond("Initialized", "True", started) + "," + cond("Ready", "False", finished) + "," +
			cond("ContainersReady", "False", finished) + "," + cond("PodScheduled", "True", created)
		state = fmt.Sprintf(`{"terminated":{"exitCode":%d,"reason":"Completed","startedAt":%q,"finishedAt":%q}}`, code, ts(started), ts(finished))
	}
	return decodedPodDocument(i, gen, labels, annotations, phase, conds, state, created, started)
}

func decodedPodDocument(i int, gen, labels, annotations, phase, conds, state string, created, started time.Time) []byte {
	ts := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	return fmt.Appendf(nil, `{"metadata":{"name":"%sx%05d","generateName":%q,"namespace":"default","uid":"%08x-7d2a-4c1b-9a3e-%012x",
"resourceVersion":"%d","creationTimestamp":%q,"labels":{%s},%s
"ownerReferences":[{"apiVersion":"batch/v1","kind":"Job","name":"pi","uid":"uid-pi","controller":true,"blockOwnerDeletion":true}],
"finalizers":["batch.kubernetes.io/job-tracking"]},
"spec":{"containers":[{"name":"worker","image":"registry.example.com/batch/worker:1.4.2","command":["/bin/worker"],
"env":[{"name":"MODE","value":"batch"}],"resources":{"requests":{"cpu":"500m","memory":"256Mi"},"limits":{"memory":"512Mi"}},
"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],
"restartPolicy":"Never","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"default","nodeName":"node-%03d",
"securityContext":{},"schedulerName":"default-scheduler","enableServiceLinks":true,"priority":0,"preemptionPolicy":"PreemptLowerPriority",
"tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},
{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]},
"status":{"phase":%q,"conditions":[%s],"hostIP":"10.0.%d.%d","podIP":"10.100.%d.%d","startTime":%q,"qosClass":"Burstable",
"containerStatuses":[{"name":"worker","state":%s,"lastState":{},"ready":%t,"restartCount":0,
"image":"registry.example.com/batch/worker:1.4.2","imageID":"registry.example.com/batch/worker@sha256:4f1b","containerID":"containerd://%064x"}]}}`,
		gen, i, gen, i, i*7919, 100000+i, ts(created), labels, annotations, i%200,
		phase, conds, (i/200)%250, i%200+1, (i>>8)&255, i&255, ts(started), state, phase == "Running", i)
}

// decodedBenchInput is the perf harness's sync case on jobkit's side alone:
// a running Job (parallelism n, completions 2n, started an hour ago) and n
// pods decoded one by one from their JSON (each with its own strings and
// maps, as an informer holds them), 1 % Succeeded and 0.1 % Failed with the
// finalizer, 2 % Pending, the rest Running and ready; shuffled.
func decodedBenchInput(tb testing.TB, n int, isIndexed bool) Input {
	j := testJob(int32(n), int32(2*n), backoffLimit(1000))
	if isIndexed {
		indexed(j)
	}
	j.Status.StartTime = Ptr(at(-time.Hour))
	pods := make([]*Pod, n)
	for i := range pods {
		kind := byte('R')
		switch {
		case i%100 == 99:
			kind = 'S'
		case i%1000 == 500:
			kind = 'F'
		case i%50 == 7:
			kind = 'P'
		}
		p := &Pod{}
		if err := json.Unmarshal(decodedPodJSON(i, isIndexed, kind), p); err != nil {
			tb.Fatal(err)
		}
		pods[i] = p
	}
	r := rand.New(rand.NewPCG(3, 4))
	r.Shuffle(len(pods), func(a, b int) { pods[a], pods[b] = pods[b], pods[a] })
	return Input{Job: j, Pods: pods, Now: t0}
}

func benchmarkStepDecoded(b *testing.B, n int, isIndexed bool) {
	in := decodedBenchInput(b, n, isIndexed)
	out, err := Step(in)
	if err != nil {
		b.Fatal(err)
	}
	// The sync accounts for finished pods (at 100,000 pods not all of them
	// in one sync: the 500-pod cap).
	if st := out.Status; st == nil || st.Succeeded == 0 || st.Succeeded+st.Failed > int32(n/100+n/1000) {
		b.Fatal("the sync did not account for the finished pods")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Step(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStepDecodedIndexed1000(b *testing.B)      { benchmarkStepDecoded(b, 1000, true) }
func BenchmarkStepDecodedIndexed10000(b *testing.B)     { benchmarkStepDecoded(b, 10000, true) }
func BenchmarkStepDecodedIndexed100000(b *testing.B)    { benchmarkStepDecoded(b, 100000, true) }
func BenchmarkStepDecodedNonIndexed1000(b *testing.B)   { benchmarkStepDecoded(b, 1000, false) }
func BenchmarkStepDecodedNonIndexed10000(b *testing.B)  { benchmarkStepDecoded(b, 10000, false) }
func BenchmarkStepDecodedNonIndexed100000(b *testing.B) { benchmarkStepDecoded(b, 100000, false) }
