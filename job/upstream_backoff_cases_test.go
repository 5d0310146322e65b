package job

// Table cases translated from upstream's backoff_utils_test.go
// (kubernetes/kubernetes pkg/controller/job, commit 0bee0bca): the backoff
// record update (newBackoffRecord → backoffTally.apply), a pod's finish
// time (getFinishedTime → podFinishTime), the remaining delay
// (getRemainingTime → Config.remainingBackoff) and the per-index delay
// (getRemainingTimePerIndex → syncer.indexBackoff, reached through a sync
// whose only pod is the delayed-deletion pod of index 0).
//
// Upstream truncates the fake clock to the second; every time here is whole
// seconds apart, so the truncation changes nothing.

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestUpstreamNewBackoffRecord(t *testing.T) {
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	tests := []struct {
		name      string
		old       BackoffRecord
		succeeded []time.Time
		failed    []time.Time
		want      BackoffRecord
	}{
		{name: "Empty backoff store and one new failure", failed: []time.Time{ms(0)},
			want: BackoffRecord{FailuresAfterLastSuccess: 1, LastFailureTime: ms(0)}},
		{name: "Empty backoff store and two new failures", failed: []time.Time{ms(0), ms(-1)},
			want: BackoffRecord{FailuresAfterLastSuccess: 2, LastFailureTime: ms(0)}},
		{name: "Empty backoff store, two failures followed by success", succeeded: []time.Time{ms(0)},
			failed: []time.Time{ms(-2), ms(-1)}, want: BackoffRecord{}},
		{name: "Empty backoff store, two failures, one success and two more failures", succeeded: []time.Time{ms(-2)},
			failed: []time.Time{ms(0), ms(-4), ms(-3), ms(-1)},
			want:   BackoffRecord{FailuresAfterLastSuccess: 2, LastFailureTime: ms(0)}},
		{name: "Backoff store having failure count 2 and one new failure", old: BackoffRecord{FailuresAfterLastSuccess: 2},
			failed: []time.Time{ms(0)}, want: BackoffRecord{FailuresAfterLastSuccess: 3, LastFailureTime: ms(0)}},
		{name: "Empty backoff store with success and failure at same timestamp", succeeded: []time.Time{ms(0)},
			failed: []time.Time{ms(0)}, want: BackoffRecord{}},
		{name: "Empty backoff store with no success/failure", want: BackoffRecord{}},
		{name: "Empty backoff store with one success", succeeded: []time.Time{ms(0)}, want: BackoffRecord{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var bt backoffTally
			for _, s := range tc.succeeded {
				bt.addSucceeded(s)
			}
			for _, f := range tc.failed {
				bt.addFailed(f)
			}
			got := bt.apply(tc.old)
			if got.FailuresAfterLastSuccess != tc.want.FailuresAfterLastSuccess || !got.LastFailureTime.Equal(tc.want.LastFailureTime) {
				t.Errorf("apply = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestUpstreamNewBackoffRecordThroughStep checks one case end to end: the
// finish times come from the pods' containers and the record is the
// Memory Step returns.
func TestUpstreamNewBackoffRecordThroughStep(t *testing.T) {
	j := testJob(3, 10)
	pods := []*Pod{
		testPod(j, "s", PodSucceeded, finishedAt(-2*time.Second)),
		testPod(j, "f1", PodFailed, finishedAt(0)),
		testPod(j, "f2", PodFailed, finishedAt(-4*time.Second)),
		testPod(j, "f3", PodFailed, finishedAt(-3*time.Second)),
		testPod(j, "f4", PodFailed, finishedAt(-time.Second)),
	}
	out := mustStep(t, Input{Job: j, Pods: pods})
	want := BackoffRecord{FailuresAfterLastSuccess: 2, LastFailureTime: t0}
	if got := out.Memory.Backoff; got.FailuresAfterLastSuccess != want.FailuresAfterLastSuccess || !got.LastFailureTime.Equal(want.LastFailureTime) {
		t.Errorf("Memory.Backoff = %+v, want %+v", got, want)
	}
}

func TestUpstreamGetFinishedTime(t *testing.T) {
	term := func(d time.Duration) ContainerStatus {
		return ContainerStatus{Name: "c", State: ContainerState{Terminated: &ContainerStateTerminated{FinishedAt: at(d)}}}
	}
	termZero := ContainerStatus{Name: "c", State: ContainerState{Terminated: &ContainerStateTerminated{}}}
	running := ContainerStatus{Name: "r", State: ContainerState{Running: &ContainerStateRunning{}}}
	always := ContainerRestartPolicyAlways
	tests := []struct {
		name string
		pod  Pod
		want time.Duration // offset from t0
	}{
		{name: "Pod with multiple containers and all containers terminated",
			pod:  Pod{Status: PodStatus{ContainerStatuses: []ContainerStatus{term(-time.Second), term(0), term(-2 * time.Second)}}},
			want: 0},
		{name: "Pod with multiple containers; two containers in terminated state and one in running state; fallback to deletionTimestamp",
			pod: Pod{ObjectMeta: ObjectMeta{DeletionTimestamp: Ptr(at(0))},
				Status: PodStatus{ContainerStatuses: []ContainerStatus{term(-time.Second), running, term(-2 * time.Second)}}},
			want: 0},
		{name: "fallback to deletionTimestamp",
			pod: Pod{ObjectMeta: ObjectMeta{DeletionTimestamp: Ptr(at(0))},
				Status: PodStatus{ContainerStatuses: []ContainerStatus{running}}},
			want: 0},
		{name: "fallback to deletionTimestamp, decremented by grace period",
			pod: Pod{ObjectMeta: ObjectMeta{DeletionTimestamp: Ptr(at(0)), DeletionGracePeriodSeconds: Ptr(int64(30))},
				Status: PodStatus{ContainerStatuses: []ContainerStatus{running}}},
			want: -30 * time.Second},
		{name: "fallback to PodReady.LastTransitionTime when status of the condition is False",
			pod: Pod{Status: PodStatus{ContainerStatuses: []ContainerStatus{termZero},
				Conditions: []PodCondition{{Type: PodReady, Status: ConditionFalse, Reason: "PodFailed", LastTransitionTime: at(0)}}}},
			want: 0},
		{name: "skip fallback to PodReady.LastTransitionTime when status of the condition is True",
			pod: Pod{ObjectMeta: ObjectMeta{DeletionTimestamp: Ptr(at(0))},
				Status: PodStatus{ContainerStatuses: []ContainerStatus{termZero},
					Conditions: []PodCondition{{Type: PodReady, Status: ConditionTrue, LastTransitionTime: at(-30 * time.Second)}}}},
			want: 0},
		{name: "fallback to creationTimestamp",
			pod: Pod{ObjectMeta: ObjectMeta{CreationTimestamp: at(0)},
				Status: PodStatus{ContainerStatuses: []ContainerStatus{termZero}}},
			want: 0},
		{name: "Pod with sidecar container and all containers terminated",
			pod: Pod{Spec: PodSpec{InitContainers: []Container{{Name: "sidecar", RestartPolicy: &always}}},
				Status: PodStatus{
					ContainerStatuses: []ContainerStatus{term(-time.Second)},
					InitContainerStatuses: []ContainerStatus{{Name: "sidecar",
						State: ContainerState{Terminated: &ContainerStateTerminated{FinishedAt: at(0)}}}},
				}},
			want: 0},
	}
	var s syncer
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := s.podFinishTime(&tc.pod), t0.Add(tc.want); !got.Equal(want) {
				t.Errorf("podFinishTime = %v, want %v", got, want)
			}
		})
	}
}

func TestUpstreamGetRemainingBackoffTime(t *testing.T) {
	c := Config{PodFailureBackoffBase: 5 * time.Second, PodFailureBackoffMax: 700 * time.Second}
	tests := []struct {
		name    string
		n       int64
		elapsed time.Duration // now − lastFailureTime
		want    time.Duration
	}{
		{"no failures", 0, 0, 0},
		{"one failure; current time and failure time are same", 1, 0, 5 * time.Second},
		{"one failure; current time == 1 second + failure time", 1, time.Second, 4 * time.Second},
		{"one failure; current time == expected backoff time", 1, 5 * time.Second, 0},
		{"one failure; current time == expected backoff time + 1 Second", 1, 6 * time.Second, 0},
		{"three failures; current time and failure time are same", 3, 0, 20 * time.Second},
		{"eight failures; current time and failure time are same; backoff not exceeding maxBackoff", 8, 0, 640 * time.Second},
		{"nine failures; current time and failure time are same; backoff exceeding maxBackoff", 9, 0, 700 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.remainingBackoff(tc.n, t0.Add(-tc.elapsed), t0); got != tc.want {
				t.Errorf("remainingBackoff(%d, elapsed %v) = %v, want %v", tc.n, tc.elapsed, got, tc.want)
			}
		})
	}
}

func TestUpstreamGetRemainingBackoffTimePerIndex(t *testing.T) {
	cfg := DefaultConfig()
	cfg.PodFailureBackoffBase, cfg.PodFailureBackoffMax = 5*time.Second, 700*time.Second
	tests := []struct {
		name string
		pod  func(j *Job) *Pod // nil: no failed pod for the index
		want time.Duration
	}{
		{name: "no failures", want: 0},
		{name: "two prev failures; current time and failure time are same", want: 20 * time.Second,
			pod: func(j *Job) *Pod {
				return testPod(j, "a", PodFailed, idx(0), annotation(IndexFailureCountKey, "2"), deletedPodNoContainers(0))
			}},
		{name: "one prev failure counted and one ignored; current time and failure time are same", want: 20 * time.Second,
			pod: func(j *Job) *Pod {
				return testPod(j, "a", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"),
					annotation(IndexIgnoredFailureCountKey, "1"), deletedPodNoContainers(0))
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, 2, indexed, perIndex(10))
			var pods []*Pod
			if tc.pod != nil {
				pods = append(pods, tc.pod(j))
			}
			s := upSyncer(t, j, pods, cfg)
			if got := s.indexBackoff(0); got != tc.want {
				t.Errorf("indexBackoff(0) = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestUpstreamGetPodCreationInfoForIndependentIndexes translates upstream's
// TestGetPodCreationInfoForIndependentIndexes (job_controller_test.go): of
// the indexes to create, those whose delayed-deletion pod's backoff is over
// are created now; when none is, the sync asks to run again after the
// soonest remaining delay. Upstream passes the delayed pods as a map; here
// they are failed pods of their index, finished at their deletion time.
func TestUpstreamGetPodCreationInfoForIndependentIndexes(t *testing.T) {
	type delayed struct {
		ix       int
		count    string
		finished time.Duration // offset from t0
	}
	base := DefaultConfig().PodFailureBackoffBase
	tests := []struct {
		name        string
		toAdd       []int32
		pods        []delayed
		wantAdd     []int32
		wantRequeue time.Duration // 0: none
	}{
		{name: "simple index creation", toAdd: []int32{1, 3}, wantAdd: []int32{1, 3}},
		{name: "subset of indexes can be recreated now", toAdd: []int32{1, 3},
			pods: []delayed{{1, "0", 0}}, wantAdd: []int32{3}},
		{name: "subset of indexes can be recreated now as the pods failed long time ago", toAdd: []int32{1, 3},
			pods: []delayed{{1, "0", 0}, {3, "0", -base}}, wantAdd: []int32{3}},
		{name: "no indexes can be recreated now, need to wait default pod failure backoff", toAdd: []int32{1, 2, 3},
			pods: []delayed{{1, "1", 0}, {2, "0", 0}, {3, "2", 0}}, wantRequeue: base},
		{name: "no indexes can be recreated now, need to wait but 1s already passed", toAdd: []int32{1, 2, 3},
			pods: []delayed{{1, "1", -time.Second}, {2, "0", -time.Second}, {3, "2", -time.Second}}, wantRequeue: base - time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(4, 4, indexed, perIndex(10))
			var pods []*Pod
			for _, d := range tc.pods {
				pods = append(pods, testPod(j, fmt.Sprintf("p%d", d.ix), PodFailed, idx(d.ix),
					annotation(IndexFailureCountKey, d.count), deletedPodNoContainers(d.finished)))
			}
			s := upSyncer(t, j, pods, DefaultConfig())
			got, wait := s.filterBackedOffIndexes(slices.Clone(tc.toAdd))
			if !slices.Equal(got, tc.wantAdd) {
				t.Errorf("indexes to add = %v, want %v", got, tc.wantAdd)
			}
			if wait != (tc.wantRequeue > 0) {
				t.Errorf("wait = %v, want %v", wait, tc.wantRequeue > 0)
			}
			var req time.Duration
			if s.hasRequeue {
				req = s.requeue
			}
			if req != tc.wantRequeue {
				t.Errorf("requeue = %v, want %v", req, tc.wantRequeue)
			}
		})
	}
}
