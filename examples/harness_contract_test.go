package examples

// This file pins the public API that the side-by-side performance harness
// (kept outside this repository, next to the upstream sources it is compiled
// with) calls, and the behaviour it relies on. That harness cannot be changed
// from here: when a change breaks this file, keep the API compatible (add,
// do not rename or re-type) rather than editing the calls below.

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/jobtest"
	"github.com/jobkit/jobkit/validation"
)

// harnessManifest is the harness's typical Indexed Job (two containers with
// env, resources and volume mounts, two volumes, a pod failure policy), as a
// user writes it: no pod-template defaults.
const harnessManifest = `{
  "apiVersion": "batch/v1", "kind": "Job",
  "metadata": {"name": "train-shard", "namespace": "ml", "uid": "0b9e6f0c-1d2e-4f3a-8b7c-6d5e4f3a2b1c",
    "labels": {"app": "trainer", "team": "ml-platform"}, "annotations": {"example.com/owner": "alice"}},
  "spec": {
    "completions": 8, "parallelism": 4, "completionMode": "Indexed", "backoffLimit": 3,
    "activeDeadlineSeconds": 3600, "ttlSecondsAfterFinished": 600,
    "podFailurePolicy": {"rules": [
      {"action": "FailJob", "onExitCodes": {"containerName": "trainer", "operator": "In", "values": [42, 43]}},
      {"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget"}]},
      {"action": "Count", "onExitCodes": {"operator": "NotIn", "values": [0, 1, 2]}}]},
    "template": {
      "metadata": {"labels": {"app": "trainer"}},
      "spec": {
        "restartPolicy": "Never",
        "containers": [
          {"name": "trainer", "image": "registry.example.com/ml/trainer:2.3.1",
           "command": ["python", "-m", "train"], "args": ["--epochs=10", "--shard=$(JOB_COMPLETION_INDEX)"],
           "env": [{"name": "DATA_DIR", "value": "/data"},
                   {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
           "resources": {"requests": {"cpu": "2", "memory": "4Gi"}, "limits": {"memory": "8Gi"}},
           "volumeMounts": [{"name": "data", "mountPath": "/data", "readOnly": true},
                            {"name": "scratch", "mountPath": "/scratch"}]},
          {"name": "log-shipper", "image": "registry.example.com/ops/log-shipper:0.9",
           "env": [{"name": "LOG_PATH", "value": "/scratch/logs"}],
           "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "200m", "memory": "128Mi"}},
           "volumeMounts": [{"name": "scratch", "mountPath": "/scratch"}]}],
        "volumes": [
          {"name": "data", "persistentVolumeClaim": {"claimName": "training-data", "readOnly": true}},
          {"name": "scratch", "emptyDir": {}}]}}}}`

// TestHarnessValidatePipeline: the harness decodes a manifest with
// encoding/json and runs defaults.Job → GenerateSelector → PrepareForCreate
// → validation.ValidateJob, and fails unless the Job is valid.
func TestHarnessValidatePipeline(t *testing.T) {
	own := &job.Job{}
	if err := json.Unmarshal([]byte(harnessManifest), own); err != nil {
		t.Fatal(err)
	}
	own = defaults.PrepareForCreate(defaults.GenerateSelector(defaults.Job(own)))
	if errs := validation.ValidateJob(own, validation.DefaultOptions()); len(errs) > 0 {
		t.Fatalf("the harness's typical Job is rejected: %v", errs.ToAggregate())
	}
	// The stored object, re-encoded and decoded again, is valid too.
	raw, err := json.Marshal(own)
	if err != nil {
		t.Fatal(err)
	}
	same := &job.Job{}
	if err := json.Unmarshal(raw, same); err != nil {
		t.Fatal(err)
	}
	if errs := validation.ValidateJob(same, validation.DefaultOptions()); len(errs) > 0 {
		t.Fatalf("the re-decoded stored Job is rejected: %v", errs.ToAggregate())
	}
}

// TestHarnessCodecCalls: the index-codec calls the harness times.
func TestHarnessCodecCalls(t *testing.T) {
	const completions = 200
	s := "0,2,4-9"
	set, err := indexes.Parse(s, completions)
	if err != nil || set.Len() != 8 {
		t.Fatalf("Parse(%q) = %v (len %d), %v", s, set, set.Len(), err)
	}
	var bld indexes.Builder
	bld.Reset()
	bld.Add([]int32{1, 3}...)
	got := indexes.ParseLenient(s, completions).Union(bld.Set())
	if got.String() != "0-9" || got.NumIntervals() != 1 {
		t.Fatalf("union = %q (%d intervals)", got.String(), got.NumIntervals())
	}
}

// harnessSuffix stands in for the API server's random generateName suffix.
func harnessSuffix(i int) string { return "x" + strconv.Itoa(i) }

// TestHarnessEndToEndLoop runs the harness's executor loop around job.Step:
// created pods get the API server's name (generateName + suffix), finalizer
// removals and deletions are applied, the status written; at every simulated
// second every pod created in it succeeds. The Job must complete.
func TestHarnessEndToEndLoop(t *testing.T) {
	const completions, parallelism = 60, 10
	j := harnessJob(t, completions, parallelism)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var (
		pods    []*job.Pod
		pos     = map[string]int{}
		mem     job.Memory
		seq     int
		syncs   int
		created []string
	)
	for second := 0; second < 100; second++ {
		created = created[:0]
		for {
			out, err := job.Step(job.Input{Job: j, Pods: pods, Now: now, Memory: mem})
			if err != nil {
				t.Fatal(err)
			}
			if syncs++; syncs > 2000 {
				t.Fatal("no completion after 2000 syncs")
			}
			mem = out.Memory
			for _, a := range out.Actions {
				switch a := a.(type) {
				case job.CreatePod:
					seq++
					p := a.Pod
					p.Name = p.GenerateName + harnessSuffix(seq)
					p.UID = job.UID("uid-" + p.Name)
					if p.Namespace == "" {
						p.Namespace = j.Namespace
					}
					p.CreationTimestamp = job.NewTime(now)
					p.Status.Phase = job.PodPending
					pos[p.Name] = len(pods)
					pods = append(pods, p)
					created = append(created, p.Name)
					_ = a.Index >= 0
				case job.RemoveFinalizer:
					i := pos[a.Pod.Name]
					np := *pods[i]
					np.Finalizers = slices.DeleteFunc(slices.Clone(np.Finalizers), func(f string) bool { return f == job.TrackingFinalizer })
					pods[i] = &np
				case job.DeletePod:
					i := pos[a.Pod.Name]
					np := *pods[i]
					np.DeletionTimestamp = job.NewTimePtr(now)
					pods[i] = &np
					_ = a.RemoveFinalizerFirst
				case job.WriteStatus:
					nj := *j
					nj.Status = *a.Status
					j = &nj
				default:
					t.Fatalf("unexpected action %s", a)
				}
			}
			if len(out.Actions) == 0 {
				break
			}
		}
		st := j.Status
		if st.HasTrueCondition(job.JobComplete) {
			if st.Succeeded != completions || st.CompletedIndexes != "0-59" {
				t.Fatalf("complete with succeeded %d, completedIndexes %q", st.Succeeded, st.CompletedIndexes)
			}
			_, _ = st.Ready, st.Terminating
			return
		}
		for _, name := range created {
			i := pos[name]
			np := *pods[i]
			np.Status = job.PodStatus{Phase: job.PodSucceeded,
				Conditions: []job.PodCondition{{Type: job.PodReady, Status: job.ConditionFalse, Reason: "PodCompleted", LastTransitionTime: job.NewTime(now)}},
				ContainerStatuses: []job.ContainerStatus{{Name: "worker", State: job.ContainerState{Terminated: &job.ContainerStateTerminated{
					ExitCode: 0, Reason: "Completed", StartedAt: job.NewTime(now), FinishedAt: job.NewTime(now)}}}}}
			pods[i] = &np
		}
		now = now.Add(time.Second)
	}
	t.Fatalf("not complete after 100 simulated seconds: %+v", j.Status)
}

// TestHarnessWorldLoop drives jobtest.World the way the harness does.
func TestHarnessWorldLoop(t *testing.T) {
	const completions, parallelism = 60, 10
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := jobtest.NewWorld(now)
	if _, errs := w.CreateJob(harnessJob(t, completions, parallelism).DeepCopy()); len(errs) > 0 {
		t.Fatal(errs.ToAggregate())
	}
	succeeded := job.PodSucceeded
	for second := 0; second < 100; second++ {
		if err := w.Advance(now); err != nil {
			t.Fatal(err)
		}
		rec, err := w.Settle()
		if err != nil {
			t.Fatal(err)
		}
		_ = rec.Rounds
		if w.Job().Status.HasTrueCondition(job.JobComplete) {
			return
		}
		for _, name := range rec.Created {
			if err := w.ChangePod(jobtest.PodChange{Name: name, Phase: &succeeded}); err != nil {
				t.Fatal(err)
			}
		}
		now = now.Add(time.Second)
	}
	t.Fatal("world: not complete after 100 simulated seconds")
}

// harnessJob is an Indexed Job as the API server stores it (the harness
// converts a k8s.io/api object through JSON).
func harnessJob(t *testing.T, completions, parallelism int32) *job.Job {
	t.Helper()
	raw := `{"apiVersion":"batch/v1","kind":"Job",
	  "metadata":{"name":"pf","namespace":"default","uid":"uid-pf","resourceVersion":"1000","generation":1,
	    "creationTimestamp":"2025-12-31T23:00:00Z",
	    "labels":{"batch.kubernetes.io/controller-uid":"uid-pf","batch.kubernetes.io/job-name":"pf","controller-uid":"uid-pf","job-name":"pf"}},
	  "spec":{"parallelism":` + strconv.Itoa(int(parallelism)) + `,"completions":` + strconv.Itoa(int(completions)) + `,
	    "backoffLimit":1000,"completionMode":"Indexed","suspend":false,"manualSelector":false,"podReplacementPolicy":"TerminatingOrFailed",
	    "selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"uid-pf"}},
	    "template":{"metadata":{"labels":{"batch.kubernetes.io/controller-uid":"uid-pf","batch.kubernetes.io/job-name":"pf","controller-uid":"uid-pf","job-name":"pf"}},
	      "spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","schedulerName":"default-scheduler","securityContext":{},
	        "containers":[{"name":"worker","image":"registry.example.com/batch/worker:1.4.2","command":["/bin/worker"],
	          "resources":{"requests":{"cpu":"500m","memory":"256Mi"},"limits":{"memory":"512Mi"}},
	          "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}]}}}}`
	j := &job.Job{}
	if err := json.Unmarshal([]byte(raw), j); err != nil {
		t.Fatal(err)
	}
	return j
}

// TestHarnessPodDecode: the harness decodes pods that a kubelet ran, as
// k8s.io/api encodes them, with encoding/json into job.Pod.
func TestHarnessPodDecode(t *testing.T) {
	raw := `{"metadata":{"name":"pf-3-abcde","generateName":"pf-3-","namespace":"default","uid":"u3","resourceVersion":"7",
	  "creationTimestamp":"2025-12-31T23:10:00Z",
	  "labels":{"batch.kubernetes.io/controller-uid":"uid-pf","batch.kubernetes.io/job-completion-index":"3","batch.kubernetes.io/job-name":"pf"},
	  "annotations":{"batch.kubernetes.io/job-completion-index":"3"},
	  "ownerReferences":[{"apiVersion":"batch/v1","kind":"Job","name":"pf","uid":"uid-pf","controller":true,"blockOwnerDeletion":true}],
	  "finalizers":["batch.kubernetes.io/job-tracking"]},
	 "spec":{"volumes":[{"name":"kube-api-access-x","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}],"defaultMode":420}}],
	  "containers":[{"name":"worker","image":"w:1","env":[{"name":"JOB_COMPLETION_INDEX","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.annotations['batch.kubernetes.io/job-completion-index']"}}}],
	   "resources":{"requests":{"cpu":"500m"}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],
	  "restartPolicy":"Never","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","nodeName":"node-1","hostname":"pf-3","subdomain":"pf",
	  "securityContext":{},"schedulerName":"default-scheduler","enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority","priority":0,
	  "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]},
	 "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-12-31T23:11:00Z"}],
	  "hostIP":"10.0.0.1","hostIPs":[{"ip":"10.0.0.1"}],"podIP":"10.1.0.3","podIPs":[{"ip":"10.1.0.3"}],"startTime":"2025-12-31T23:10:01Z","qosClass":"Burstable",
	  "containerStatuses":[{"name":"worker","state":{"running":{"startedAt":"2025-12-31T23:10:05Z"}},"lastState":{},"ready":true,"restartCount":0,
	   "image":"w:1","imageID":"docker-pullable://w@sha256:0","containerID":"containerd://c","started":true}]}}`
	p := &job.Pod{}
	if err := json.Unmarshal([]byte(raw), p); err != nil {
		t.Fatal(err)
	}
	if p.Labels[job.ControllerUIDLabel] != "uid-pf" || p.Annotations[job.CompletionIndexKey] != "3" ||
		string(p.OwnerReferences[0].UID) != "uid-pf" || p.Status.Phase != job.PodRunning || len(p.Finalizers) != 1 {
		t.Fatalf("decoded pod lost fields: %+v", p)
	}
}
