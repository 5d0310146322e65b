package jobtest

import (
	"cmp"
	"hash/fnv"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
)

// TestStoreInputOrder checks the incrementally kept input order against a
// fresh sort by hash/fnv's FNV-1a after puts, replacements and removals.
func TestStoreInputOrder(t *testing.T) {
	var s podStore
	want := func() []string {
		var names []string
		for name := range s.byName {
			names = append(names, name)
		}
		hash := func(name string) uint64 {
			h := fnv.New64a()
			h.Write([]byte(name))
			return h.Sum64()
		}
		slices.SortFunc(names, func(a, b string) int {
			return cmp.Or(cmp.Compare(hash(a), hash(b)), cmp.Compare(a, b))
		})
		return names
	}
	check := func(when string) {
		t.Helper()
		var got []string
		for _, p := range s.inputOrder() {
			got = append(got, p.Name)
		}
		if w := want(); !slices.Equal(got, w) {
			t.Fatalf("%s: input order %q, want %q", when, got, w)
		}
	}
	put := func(name string) { s.put(&job.Pod{ObjectMeta: job.ObjectMeta{Name: name}}) }
	for i := range 50 {
		put("pi-" + strconv.Itoa(i))
	}
	check("after 50 puts")
	for i := 0; i < 50; i += 3 {
		s.remove("pi-" + strconv.Itoa(i))
	}
	put("pi-1") // a replacement keeps its place
	put("pi-0") // back after its removal
	for i := 50; i < 70; i++ {
		put("pi-" + strconv.Itoa(i))
	}
	s.remove("pi-69") // added and removed between two calls
	check("after removals, replacements and more puts")
	if !s.hasHeld("pi-3") || !s.hasHeld("pi-1") || s.hasHeld("pi-70") {
		t.Error("hasHeld must report every name stored, removed or not, and no other")
	}
}

// TestPodSnapshots checks copy on write: a pod handed out by Pods stays as
// it was through every kind of pod change and controller action.
func TestPodSnapshots(t *testing.T) {
	w := newTestWorld(t, true)
	if _, err := w.Settle(); err != nil {
		t.Fatal(err)
	}
	if err := w.ChangePod(PodChange{Name: "orphan", Index: ptr(int32(0))}); err != nil {
		t.Fatal(err)
	}
	// Give each pod statuses, conditions and finalizers to share.
	for _, p := range w.Pods() {
		if err := w.ChangePod(PodChange{Name: p.Name, Phase: ptr(job.PodRunning), Ready: ptr(true), Restarts: ptr(int32(1)),
			InitContainers: map[string]int32{"setup": 0}, Conditions: map[string]string{"A": "True"}}); err != nil {
			t.Fatal(err)
		}
	}
	snapshot := w.Pods()
	copies := make([]*job.Pod, len(snapshot))
	for i, p := range snapshot {
		copies[i] = p.DeepCopy()
	}
	w.Advance(t0.Add(time.Minute))
	for _, p := range snapshot {
		change := PodChange{Name: p.Name, Phase: ptr(job.PodFailed), ExitCode: ptr(int32(1)), Restarts: ptr(int32(1)),
			Containers: map[string]int32{"side": 2}, InitContainers: map[string]int32{"setup": 3},
			Ready: ptr(false), Conditions: map[string]string{job.DisruptionTarget: "True"}, Node: ptr("n"),
			Annotations: map[string]string{"k": "v"}, Finalizer: ptr(false)}
		if err := w.ChangePod(change); err != nil {
			t.Fatal(err)
		}
		if err := w.ChangePod(PodChange{Name: p.Name, Finalizer: ptr(true)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []job.Action{
		job.DeletePod{Pod: job.PodRef{Name: snapshot[0].Name}, RemoveFinalizerFirst: true},
		job.RemoveFinalizer{Pod: job.PodRef{Name: snapshot[1].Name}},
		job.ReleasePod{Pod: job.PodRef{Name: snapshot[1].Name}},
		job.AdoptPod{Pod: job.PodRef{Name: snapshot[2].Name}},
	} {
		if _, err := w.carryOut(a, &Record{}); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
	}
	for i, p := range snapshot {
		if !reflect.DeepEqual(p, copies[i]) {
			t.Errorf("pod %s changed in place:\n  was %+v\n  now %+v", p.Name, copies[i], p)
		}
	}
}
