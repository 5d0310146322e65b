package job

import (
	"testing"
	"time"
)

func TestBackoffDelay(t *testing.T) {
	c := DefaultConfig()
	want := []time.Duration{0, 10, 20, 40, 80, 160, 320, 600, 600, 600}
	for n, w := range want {
		if got := c.backoffDelay(int64(n)); got != w*time.Second {
			t.Errorf("backoffDelay(%d) = %v, want %v", n, got, w*time.Second)
		}
	}
	if got := c.backoffDelay(1 << 40); got != 600*time.Second {
		t.Errorf("backoffDelay(huge) = %v", got)
	}
	huge := Config{PodFailureBackoffBase: time.Second, PodFailureBackoffMax: time.Duration(1<<63 - 1)}
	if got := huge.backoffDelay(1 << 31); got != huge.PodFailureBackoffMax {
		t.Errorf("backoffDelay with an unbounded max = %v, want the max (no overflow)", got)
	}
	zero := Config{}
	if got := zero.backoffDelay(1 << 31); got != 0 {
		t.Errorf("backoffDelay with a zero base = %v", got)
	}
}

func TestRemainingBackoff(t *testing.T) {
	c := Config{PodFailureBackoffBase: 5 * time.Second, PodFailureBackoffMax: 700 * time.Second}
	tests := []struct {
		n       int64
		elapsed time.Duration
		want    time.Duration
	}{
		{0, 0, 0},
		{1, 0, 5 * time.Second},
		{1, 2 * time.Second, 3 * time.Second},
		{1, 5 * time.Second, 0}, // exactly elapsed
		{1, 6 * time.Second, 0},
		{3, 0, 20 * time.Second},
		{8, 0, 640 * time.Second},
		{9, 0, 700 * time.Second},
		{2, -time.Second, 11 * time.Second}, // failure in the future
	}
	for _, tc := range tests {
		if got := c.remainingBackoff(tc.n, t0.Add(-tc.elapsed), t0); got != tc.want {
			t.Errorf("remainingBackoff(%d, elapsed %v) = %v, want %v", tc.n, tc.elapsed, got, tc.want)
		}
	}
}

func TestBackoffTally(t *testing.T) {
	tm := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	old := BackoffRecord{FailuresAfterLastSuccess: 2, LastFailureTime: tm(-100)}
	tests := []struct {
		name      string
		succeeded []int
		failed    []int
		want      BackoffRecord
	}{
		{"nothing new", nil, nil, old},
		{"only failures", nil, []int{-5, -1, -3}, BackoffRecord{5, tm(-1)}},
		{"only successes", []int{-2}, nil, BackoffRecord{}},
		{"failures after the last success", []int{-10, -4}, []int{-20, -4, -3, -1}, BackoffRecord{2, tm(-1)}},
		{"no failure after the success", []int{-1}, []int{-5, -1}, BackoffRecord{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var bt backoffTally
			for _, s := range tc.succeeded {
				bt.addSucceeded(tm(s))
			}
			for _, f := range tc.failed {
				bt.addFailed(tm(f))
			}
			got := bt.apply(old)
			if got.FailuresAfterLastSuccess != tc.want.FailuresAfterLastSuccess || !got.LastFailureTime.Equal(tc.want.LastFailureTime) {
				t.Errorf("apply = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestPodFinishTime(t *testing.T) {
	j := testJob(1, 1)
	term := func(name string, finished time.Duration) ContainerStatus {
		return ContainerStatus{Name: name, State: ContainerState{Terminated: &ContainerStateTerminated{FinishedAt: at(finished)}}}
	}
	running := func(name string) ContainerStatus {
		return ContainerStatus{Name: name, State: ContainerState{Running: &ContainerStateRunning{}}}
	}
	withSidecar := func(p *Pod) {
		p.Spec.InitContainers = []Container{{Name: "side", RestartPolicy: Ptr(ContainerRestartPolicyAlways)}, {Name: "init"}}
	}
	tests := []struct {
		name string
		pod  *Pod
		want Time
	}{
		{"latest container", testPod(j, "p", PodFailed, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{term("a", -3*time.Second), term("b", -time.Second)}
		}), at(-time.Second)},
		{"sidecar finishes later", testPod(j, "p", PodFailed, withSidecar, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{term("a", -3*time.Second)}
			p.Status.InitContainerStatuses = []ContainerStatus{term("side", -time.Second), term("init", -10*time.Second)}
		}), at(-time.Second)},
		{"regular init container ignored", testPod(j, "p", PodFailed, withSidecar, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{term("a", -3*time.Second)}
			p.Status.InitContainerStatuses = []ContainerStatus{term("side", -4*time.Second), running("init")}
		}), at(-3 * time.Second)},
		{"running sidecar voids containers → creation", testPod(j, "p", PodFailed, withSidecar, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{term("a", -3*time.Second)}
			p.Status.InitContainerStatuses = []ContainerStatus{running("side")}
		}), at(-2 * time.Minute)},
		{"running container, terminated sidecar → sidecar", testPod(j, "p", PodFailed, withSidecar, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{running("a")}
			p.Status.InitContainerStatuses = []ContainerStatus{term("side", -8*time.Second)}
		}), at(-8 * time.Second)},
		{"Ready=False condition", testPod(j, "p", PodFailed, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{running("a")}
			p.Status.Conditions = []PodCondition{{Type: PodReady, Status: ConditionFalse, LastTransitionTime: at(-7 * time.Second)}}
		}), at(-7 * time.Second)},
		{"deletion minus grace", testPod(j, "p", PodFailed, deletedAt(0), func(p *Pod) {
			p.Status.ContainerStatuses = nil
			p.DeletionGracePeriodSeconds = Ptr(int64(30))
		}), at(-30 * time.Second)},
		{"creation", testPod(j, "p", PodFailed, func(p *Pod) { p.Status.ContainerStatuses = nil }), at(-2 * time.Minute)},
		{"zero finishedAt voids", testPod(j, "p", PodFailed, func(p *Pod) {
			p.Status.ContainerStatuses = []ContainerStatus{{Name: "a", State: ContainerState{Terminated: &ContainerStateTerminated{}}}}
		}), at(-2 * time.Minute)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &syncer{}
			if got := s.podFinishTime(tc.pod); !got.Equal(tc.want.Time) {
				t.Errorf("podFinishTime = %v, want %v", got, tc.want)
			}
		})
	}
}
