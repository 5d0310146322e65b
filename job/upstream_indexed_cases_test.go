package job

// Table cases translated from upstream's indexed_job_utils_test.go
// (kubernetes/kubernetes pkg/controller/job, commit 4a37f009). Upstream
// calls its helpers (calculateSucceededIndexes, isIndexFailed,
// calculateFailedIndexes, getPodsWithDelayedDeletionPerIndex,
// getNewIndexFailureCounts, firstPendingIndexes,
// appendDuplicatedIndexPodsForRemoval, podGenerateNameWithIndex,
// getIndexFailureCount) directly; jobkit computes the same facts inside a
// syncer, so these tests prepare a syncer the way Step does (claim,
// snapshot, terminal criteria including §4.5 step 7) and read its fields.
//
// Skipped upstream cases:
//   - TestGetPodsWithDelayedDeletionPerIndex "failed pod with expected
//     finalizer removal": jobkit has no finalizer-removal expectations (every
//     RemoveFinalizer is carried out before the next Step).

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jobkit/jobkit/policy"
)

// upIP is upstream's indexPhase: a completion-index annotation ("-": none)
// and a phase.
type upIP struct {
	index string
	phase PodPhase
}

const upNoIndex = "-"

// upPods builds tracked pods of j named p0, p1, ... from descriptions.
func upPods(j *Job, descs []upIP) []*Pod {
	pods := make([]*Pod, 0, len(descs))
	for i, d := range descs {
		var opts []podOpt
		if d.index != upNoIndex {
			opts = append(opts, annotation(CompletionIndexKey, d.index))
		}
		pods = append(pods, testPod(j, fmt.Sprintf("p%d", i), d.phase, opts...))
	}
	return pods
}

// upSyncer runs a sync of j over pods up to and including the terminal
// criteria (§4.5) and returns the syncer.
func upSyncer(t *testing.T, j *Job, pods []*Pod, cfg Config) *syncer {
	t.Helper()
	in := Input{Job: j, Pods: pods, Now: t0, Config: &cfg}
	if err := validateInput(&in); err != nil {
		t.Fatalf("validateInput: %v", err)
	}
	s := newSyncer(&in, cfg)
	if err := s.claimPods(pods); err != nil {
		t.Fatalf("claimPods: %v", err)
	}
	s.snapshot()
	if s.status.StartTime == nil {
		s.status.StartTime = Ptr(s.nowT)
	}
	s.evaluateTerminalCriteria()
	return s
}

// recByName returns the record position of the pod named name.
func recByName(t *testing.T, s *syncer, name string) int32 {
	t.Helper()
	for i := range s.recs {
		if s.recs[i].pod.Name == name {
			return int32(i)
		}
	}
	t.Fatalf("no record for pod %s", name)
	return -1
}

func TestUpstreamCalculateSucceededIndexes(t *testing.T) {
	tests := []struct {
		name       string
		prev       string
		pods       []upIP
		completion int32
		wantPrev   string
		want       string
	}{
		{name: "one index", pods: []upIP{{"1", PodSucceeded}}, completion: 2, want: "1"},
		{name: "two separate", pods: []upIP{{"2", PodFailed}, {"5", PodSucceeded}, {"5", PodSucceeded}, {"10", PodFailed}, {"10", PodSucceeded}},
			completion: 11, want: "5,10"},
		{name: "two intervals", pods: []upIP{{"0", PodRunning}, {"1", PodPending}, {"2", PodSucceeded}, {"3", PodSucceeded},
			{"5", PodSucceeded}, {"6", PodSucceeded}, {"7", PodSucceeded}}, completion: 8, want: "2,3,5-7"},
		{name: "one index and one interval", pods: []upIP{{"0", PodSucceeded}, {"1", PodFailed}, {"2", PodSucceeded}, {"3", PodSucceeded},
			{"4", PodSucceeded}, {"5", PodSucceeded}, {upNoIndex, PodSucceeded}, {"-2", PodSucceeded}}, completion: 6, want: "0,2-5"},
		{name: "out of range", pods: []upIP{{"0", PodSucceeded}, {"1", PodSucceeded}, {"2", PodSucceeded}, {"3", PodFailed},
			{"4", PodSucceeded}, {"5", PodSucceeded}, {upNoIndex, PodSucceeded}, {"-2", PodSucceeded}}, completion: 5, want: "0-2,4"},
		{name: "prev interval out of range", prev: "0-5,8-10", completion: 8, wantPrev: "0-5", want: "0-5"},
		{name: "prev interval partially out of range", prev: "0-5,8-10", completion: 10, wantPrev: "0-5,8,9", want: "0-5,8,9"},
		{name: "prev and new separate", prev: "0,4,5,10-12", pods: []upIP{{"2", PodSucceeded}, {"7", PodSucceeded}, {"8", PodSucceeded}},
			completion: 13, wantPrev: "0,4,5,10-12", want: "0,2,4,5,7,8,10-12"},
		{name: "prev between new", prev: "3,4,6", pods: []upIP{{"2", PodSucceeded}, {"7", PodSucceeded}, {"8", PodSucceeded}},
			completion: 9, wantPrev: "3,4,6", want: "2-4,6-8"},
		{name: "new between prev", prev: "2,7,8", pods: []upIP{{"3", PodSucceeded}, {"4", PodSucceeded}, {"6", PodSucceeded}},
			completion: 9, wantPrev: "2,7,8", want: "2-4,6-8"},
		{name: "new within prev", prev: "2-7", pods: []upIP{{"0", PodSucceeded}, {"3", PodSucceeded}, {"5", PodSucceeded}, {"9", PodSucceeded}},
			completion: 10, wantPrev: "2-7", want: "0,2-7,9"},
		{name: "corrupted interval", prev: "0,1-foo,bar", pods: []upIP{{"3", PodSucceeded}}, completion: 4, wantPrev: "0", want: "0,3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, tc.completion, indexed, withStatus(func(st *JobStatus) { st.CompletedIndexes = tc.prev }))
			s := upSyncer(t, j, upPods(j, tc.pods), DefaultConfig())
			if got := s.prevSucceededIdx.String(); got != tc.wantPrev {
				t.Errorf("indexes from status = %q, want %q", got, tc.wantPrev)
			}
			if got := s.succeededIdx.String(); got != tc.want {
				t.Errorf("succeeded indexes = %q, want %q", got, tc.want)
			}
		})
	}
}

// failCountPod is upstream's buildPod().indexFailureCount(c).phase(ph).index(ix)
// with or without trackingFinalizer().
func failCountPod(j *Job, name, count string, ph PodPhase, ix int, fin bool) *Pod {
	opts := []podOpt{idx(ix), annotation(IndexFailureCountKey, count)}
	if !fin {
		opts = append(opts, noFinalizer)
	}
	return testPod(j, name, ph, opts...)
}

func exitCodeFailIndexPolicy(code int32) jobOpt {
	return func(j *Job) {
		j.Spec.PodFailurePolicy = &policy.PodFailurePolicy{Rules: []policy.PodFailurePolicyRule{{
			Action:      policy.ActionFailIndex,
			OnExitCodes: &policy.PodFailurePolicyOnExitCodesRequirement{Operator: policy.OperatorIn, Values: []int32{code}},
		}}}
	}
}

func TestUpstreamIsIndexFailed(t *testing.T) {
	tests := []struct {
		name  string
		limit int32
		opts  []jobOpt
		pod   func(j *Job) *Pod
		want  bool
	}{
		{name: "failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=0", limit: 0,
			pod: func(j *Job) *Pod { return failCountPod(j, "a", "0", PodFailed, 0, true) }, want: true},
		{name: "failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=1", limit: 1,
			pod: func(j *Job) *Pod { return failCountPod(j, "a", "1", PodFailed, 1, true) }, want: true},
		{name: "matching FailIndex pod failure policy", limit: 1, opts: []jobOpt{exitCodeFailIndexPolicy(3)},
			pod: func(j *Job) *Pod {
				return testPod(j, "a", PodFailed, idx(0), annotation(IndexFailureCountKey, "0"), exitCodes(map[string]int32{"main": 3}))
			}, want: true},
		// Not upstream: the counterpart below the limit, so the test can fail.
		{name: "failed pod below backoffLimitPerIndex", limit: 1,
			pod: func(j *Job) *Pod { return failCountPod(j, "a", "0", PodFailed, 0, true) }, want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, 2, append([]jobOpt{indexed, perIndex(tc.limit)}, tc.opts...)...)
			s := upSyncer(t, j, []*Pod{tc.pod(j)}, DefaultConfig())
			if got := s.isIndexFailed(recByName(t, s, "a")); got != tc.want {
				t.Errorf("isIndexFailed = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestUpstreamCalculateFailedIndexes(t *testing.T) {
	tests := []struct {
		name  string
		limit int32
		prev  *string
		pods  func(j *Job) []*Pod
		want  string
	}{
		{name: "one new index failed", limit: 1, pods: func(j *Job) []*Pod {
			return []*Pod{failCountPod(j, "a", "0", PodFailed, 0, true), failCountPod(j, "b", "1", PodFailed, 1, true)}
		}, want: "1"},
		{name: "pod without finalizer is ignored", limit: 0, pods: func(j *Job) []*Pod {
			return []*Pod{failCountPod(j, "a", "0", PodFailed, 0, false)}
		}, want: ""},
		{name: "pod outside completions is ignored", limit: 0, pods: func(j *Job) []*Pod {
			return []*Pod{failCountPod(j, "a", "0", PodFailed, 3, false)}
		}, want: ""},
		{name: "extend the failed indexes", limit: 0, prev: Ptr("0"), pods: func(j *Job) []*Pod {
			return []*Pod{failCountPod(j, "a", "0", PodFailed, 1, true)}
		}, want: "0,1"},
		{name: "prev failed indexes empty", limit: 0, prev: Ptr(""), pods: func(j *Job) []*Pod {
			return []*Pod{failCountPod(j, "a", "0", PodFailed, 1, true)}
		}, want: "1"},
		{name: "prev failed indexes outside the completions", limit: 0, prev: Ptr("9"), pods: func(j *Job) []*Pod {
			return []*Pod{failCountPod(j, "a", "0", PodFailed, 1, true)}
		}, want: "1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, 2, indexed, perIndex(tc.limit), withStatus(func(st *JobStatus) { st.FailedIndexes = tc.prev }))
			s := upSyncer(t, j, tc.pods(j), DefaultConfig())
			if got := s.failedIdx.String(); got != tc.want {
				t.Errorf("failed indexes = %q, want %q", got, tc.want)
			}
		})
	}
}

// deletedPodNoContainers is a failed pod whose finish time comes from its
// deletionTimestamp (upstream's customDeletionTimestamp on a pod without
// container statuses).
func deletedPodNoContainers(d time.Duration) podOpt {
	return func(p *Pod) {
		p.Status.ContainerStatuses = nil
		p.DeletionTimestamp = Ptr(at(d))
	}
}

func TestUpstreamGetPodsWithDelayedDeletionPerIndex(t *testing.T) {
	tests := []struct {
		name        string
		completions int32
		limit       int32
		pods        func(j *Job) []*Pod
		want        []string
	}{
		{name: "failed pods are kept corresponding to non-failed indexes are kept", completions: 3, limit: 1,
			pods: func(j *Job) []*Pod {
				return []*Pod{failCountPod(j, "a", "0", PodFailed, 0, true), failCountPod(j, "b", "1", PodFailed, 1, true),
					failCountPod(j, "c", "0", PodFailed, 2, true)}
			}, want: []string{"a", "c"}},
		{name: "failed pod without finalizer; the pod's deletion is not delayed as it already started", completions: 2, limit: 0,
			pods: func(j *Job) []*Pod { return []*Pod{failCountPod(j, "a", "0", PodFailed, 0, false)} }},
		{name: "failed pod with index outside of completions; the pod's deletion is not delayed", completions: 2, limit: 0,
			pods: func(j *Job) []*Pod { return []*Pod{failCountPod(j, "a", "0", PodFailed, 4, true)} }},
		{name: "failed pod for active index; the pod's deletion is not delayed as it is already replaced", completions: 2, limit: 1,
			pods: func(j *Job) []*Pod {
				return []*Pod{failCountPod(j, "a1", "0", PodFailed, 0, true), failCountPod(j, "a2", "1", PodRunning, 0, true)}
			}},
		{name: "failed pod for succeeded index; the pod's deletion is not delayed as it is already replaced", completions: 2, limit: 1,
			pods: func(j *Job) []*Pod {
				return []*Pod{failCountPod(j, "a1", "0", PodFailed, 0, true), failCountPod(j, "a2", "1", PodSucceeded, 0, true)}
			}},
		{name: "multiple failed pods for index with different failure count; only the pod with highest failure count is kept",
			completions: 2, limit: 4, pods: func(j *Job) []*Pod {
				return []*Pod{failCountPod(j, "a1", "0", PodFailed, 0, true), failCountPod(j, "a3", "2", PodFailed, 0, true),
					failCountPod(j, "a2", "1", PodFailed, 0, true)}
			}, want: []string{"a3"}},
		{name: "multiple failed pods for index with different finish times; only the last failed pod is kept",
			completions: 2, limit: 4, pods: func(j *Job) []*Pod {
				return []*Pod{
					testPod(j, "a1", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"), deletedPodNoContainers(-time.Second)),
					testPod(j, "a3", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"), deletedPodNoContainers(0)),
					testPod(j, "a2", PodFailed, idx(0), annotation(IndexFailureCountKey, "1"), deletedPodNoContainers(-2*time.Second)),
				}
			}, want: []string{"a3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, tc.completions, indexed, perIndex(tc.limit))
			s := upSyncer(t, j, tc.pods(j), DefaultConfig())
			var got []string
			for _, id := range s.delayed {
				got = append(got, s.recs[id].pod.Name)
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("delayed-deletion pods = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestUpstreamGetNewIndexFailureCounts(t *testing.T) {
	ignoreDisruption := func(j *Job) {
		j.Spec.PodFailurePolicy = &policy.PodFailurePolicy{Rules: []policy.PodFailurePolicyRule{{
			Action:          policy.ActionIgnore,
			OnPodConditions: []policy.PodFailurePolicyOnPodConditionsPattern{{Type: "DisruptionTarget", Status: ConditionTrue}},
		}}}
	}
	disrupted := func(p *Pod) {
		p.Status.Conditions = append(p.Status.Conditions, PodCondition{Type: "DisruptionTarget", Status: ConditionTrue})
	}
	tests := []struct {
		name        string
		opts        []jobOpt
		pod         func(j *Job) *Pod // nil: no previous pod for the index
		ix          int32
		wantFail    int32
		wantIgnored int32
	}{
		{name: "first pod created", ix: 0},
		{name: "failed pod being replaced with 0 index failure count", ix: 0,
			pod: func(j *Job) *Pod { return failCountPod(j, "a", "0", PodFailed, 0, true) }, wantFail: 1},
		{name: "failed pod being replaced with >0 index failure count", ix: 0,
			pod: func(j *Job) *Pod { return failCountPod(j, "a", "3", PodFailed, 0, true) }, wantFail: 4},
		{name: "failed pod being replaced, matching the ignore rule", ix: 3, opts: []jobOpt{ignoreDisruption},
			pod: func(j *Job) *Pod {
				return testPod(j, "a", PodFailed, idx(3), annotation(IndexFailureCountKey, "3"), disrupted)
			}, wantFail: 3, wantIgnored: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, 4, append([]jobOpt{indexed, perIndex(10)}, tc.opts...)...)
			var pods []*Pod
			if tc.pod != nil {
				pods = append(pods, tc.pod(j))
			}
			s := upSyncer(t, j, pods, DefaultConfig())
			f, ig := s.newIndexFailureCounts(tc.ix)
			if f != tc.wantFail || ig != tc.wantIgnored {
				t.Errorf("newIndexFailureCounts = (%d, %d), want (%d, %d)", f, ig, tc.wantFail, tc.wantIgnored)
			}
		})
	}
}

func TestUpstreamFirstPendingIndexes(t *testing.T) {
	tests := []struct {
		name        string
		cnt         int
		completions int32
		active      []upIP
		succeeded   string
		failed      *string
		want        []int32
	}{
		{name: "cnt greater than completions", cnt: 5, completions: 3, want: []int32{0, 1, 2}},
		{name: "cnt less than completions", cnt: 2, completions: 5, want: []int32{0, 1}},
		{name: "first pods active", active: []upIP{{"0", PodRunning}, {"1", PodPending}}, cnt: 3, completions: 10,
			want: []int32{2, 3, 4}},
		{name: "last pods active or succeeded", active: []upIP{{"6", PodPending}}, succeeded: "4,5", cnt: 6, completions: 6,
			want: []int32{0, 1, 2, 3}},
		{name: "mixed", active: []upIP{{"3", PodPending}, {"5", PodRunning}, {"8", PodPending}, {upNoIndex, PodRunning}, {"-3", PodRunning}},
			succeeded: "2-4,9", cnt: 5, completions: 20, want: []int32{0, 1, 6, 7, 10}},
		{name: "with failed indexes", active: []upIP{{"3", PodPending}, {"9", PodPending}}, succeeded: "1,5,9", failed: Ptr("2,6,7"),
			cnt: 5, completions: 20, want: []int32{0, 4, 8, 10, 11}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := []jobOpt{indexed, withStatus(func(st *JobStatus) {
				st.CompletedIndexes = tc.succeeded
				st.FailedIndexes = tc.failed
			})}
			if tc.failed != nil {
				opts = append(opts, perIndex(1))
			}
			j := testJob(1, tc.completions, opts...)
			s := upSyncer(t, j, upPods(j, tc.active), DefaultConfig())
			if got := s.firstPendingIndexes(tc.cnt); !slices.Equal(got, tc.want) {
				t.Errorf("firstPendingIndexes(%d) = %v, want %v", tc.cnt, got, tc.want)
			}
		})
	}
}

// TestUpstreamAppendDuplicatedIndexPodsForRemoval compares the pods to
// remove and to keep as multisets of (index, phase): upstream's order within
// one index and which of two equal-ranked pods is kept are tie-breaks.
func TestUpstreamAppendDuplicatedIndexPodsForRemoval(t *testing.T) {
	tests := []struct {
		name     string
		pods     []upIP
		wantRm   []upIP
		wantLeft []upIP
	}{
		{name: "all unique",
			pods:     []upIP{{upNoIndex, PodPending}, {"2", PodPending}, {"5", PodRunning}, {"6", PodRunning}},
			wantRm:   []upIP{{upNoIndex, PodPending}, {"6", PodRunning}},
			wantLeft: []upIP{{"2", PodPending}, {"5", PodRunning}}},
		{name: "all with index",
			pods: []upIP{{"5", PodPending}, {"0", PodRunning}, {"3", PodPending}, {"0", PodRunning}, {"3", PodRunning},
				{"0", PodPending}, {"6", PodRunning}, {"6", PodPending}},
			wantRm:   []upIP{{"0", PodPending}, {"0", PodRunning}, {"3", PodPending}, {"6", PodRunning}, {"6", PodPending}},
			wantLeft: []upIP{{"0", PodRunning}, {"3", PodRunning}, {"5", PodPending}}},
		{name: "mixed",
			pods: []upIP{{upNoIndex, PodPending}, {"invalid", PodRunning}, {"-2", PodRunning}, {"0", PodPending},
				{"1", PodPending}, {"1", PodPending}, {"1", PodRunning}},
			wantRm:   []upIP{{upNoIndex, PodPending}, {"invalid", PodRunning}, {"-2", PodRunning}, {"1", PodPending}, {"1", PodPending}},
			wantLeft: []upIP{{"0", PodPending}, {"1", PodRunning}}},
	}
	key := func(s *syncer, ids []int32) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			p := s.recs[id].pod
			ix, ok := p.Annotations[CompletionIndexKey]
			if !ok {
				ix = upNoIndex
			}
			out = append(out, ix+"/"+string(p.Status.Phase))
		}
		slices.Sort(out)
		return out
	}
	want := func(d []upIP) []string {
		out := make([]string, 0, len(d))
		for _, x := range d {
			out = append(out, x.index+"/"+string(x.phase))
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j := testJob(1, 6, indexed)
			s := upSyncer(t, j, upPods(j, tc.pods), DefaultConfig())
			rm, left := s.invalidAndDuplicatePods(slices.Clone(s.activeSorted()))
			if got := key(s, rm); !slices.Equal(got, want(tc.wantRm)) {
				t.Errorf("rm = %v, want %v", got, want(tc.wantRm))
			}
			if got := key(s, left); !slices.Equal(got, want(tc.wantLeft)) {
				t.Errorf("left = %v, want %v", got, want(tc.wantLeft))
			}
		})
	}
}

func TestUpstreamPodGenerateNameWithIndex(t *testing.T) {
	tests := []struct {
		name, job string
		ix        int32
		want      string
	}{
		{"short job name", "indexed-job", 1, "indexed-job-1-"},
		{"job name exceeds MaxGeneneratedNameLength", "hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo", 1,
			"hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-"},
		{"job name with index suffix exceeds MaxGeneratedNameLength", "hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo", 1,
			"hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := generateNameWithDecimal(tc.job, strconv.Itoa(int(tc.ix))); got != tc.want {
				t.Errorf("generateNameWithDecimal(%q, %d) = %q, want %q", tc.job, tc.ix, got, tc.want)
			}
		})
	}
}

func TestUpstreamGetIndexFailureCount(t *testing.T) {
	tests := []struct {
		name  string
		value *string // nil: no annotation
		want  int32
	}{
		{"no annotation", nil, 0},
		{"valid value", Ptr("2"), 2},
		{"valid maxint32 value", Ptr(strconv.FormatInt(math.MaxInt32, 10)), math.MaxInt32},
		{"too large value", Ptr(strconv.FormatInt(math.MaxInt32+1, 10)), 0},
		{"negative value", Ptr("-1"), 0},
		{"invalid int value", Ptr("xyz"), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ann := map[string]string{}
			if tc.value != nil {
				ann[IndexFailureCountKey] = *tc.value
			}
			if got := parseIndexFailureCount(ann, IndexFailureCountKey); got != tc.want {
				t.Errorf("parseIndexFailureCount = %d, want %d", got, tc.want)
			}
		})
	}
}
