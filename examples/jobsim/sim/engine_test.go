package sim

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fataler is what the helpers need of a *testing.T or a *rapid.T.
type fataler interface {
	Helper()
	Fatal(args ...any)
}

func mustJob(t fataler, text string) *job.Job {
	t.Helper()
	j, err := manifest.DecodeJob([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func mustModel(t fataler, text string) *Model {
	t.Helper()
	m, err := ParseModel([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// simulate runs j under m and returns the log followed by the summary, and
// the SVG.
func simulate(t testing.TB, j *job.Job, m *Model, opts Options) (*Result, string, []byte) {
	t.Helper()
	var log bytes.Buffer
	opts.Log = &log
	res, err := Run(j, m, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.WriteSummary(&log); err != nil {
		t.Fatal(err)
	}
	return res, log.String(), SVG(res.Timeline)
}

// checkGolden compares got with the file at path (rewritten with -update).
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readFile(t, path)
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update to accept):\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n want " + a + "\n  got " + b
		}
	}
	return "(no difference in lines)"
}

// TestGoldenSample pins the text output and the picture of the sample run
// (the one `go run ./examples/jobsim` prints, seed 3).
func TestGoldenSample(t *testing.T) {
	j := mustJob(t, string(readFile(t, "../testdata/sample-job.yaml")))
	m := mustModel(t, string(readFile(t, "../testdata/sample-model.yaml")))
	_, text, svg := simulate(t, j, m, Options{Seed: 3})
	checkGolden(t, "../testdata/sample.golden", []byte(text))
	checkGolden(t, "../testdata/sample.svg", svg)
}

// flakyJob and flakyModel exercise every kind of pod event.
const flakyJob = `
apiVersion: batch/v1
kind: Job
metadata: {name: flaky}
spec:
  completionMode: Indexed
  completions: 30
  parallelism: 6
  backoffLimitPerIndex: 1
  maxFailedIndexes: 10
  podFailurePolicy:
    rules:
      - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}
      - {action: FailIndex, onExitCodes: {operator: In, values: [42]}}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: x}, {name: side, image: "y"}]
`

const flakyModel = `
start: {exponential: {mean: 3s}}
ready: {uniform: {min: 1s, max: 4s}}
run: {uniform: {min: 20s, max: 1m}}
failure:
  probability: 0.3
  exitCodes: [{code: 1, weight: 3}, {code: 42}]
  after: {exponential: {mean: 15s}}
disruption: {ratePerHour: 6}
termination: {grace: 3s}
overrides:
  - indexes: "0-2"
    failure: {probability: 1, container: side, exitCodes: [{code: 7}]}
`

func TestDeterminism(t *testing.T) {
	j := mustJob(t, flakyJob)
	m := mustModel(t, flakyModel)
	r1, text1, svg1 := simulate(t, j, m, Options{Seed: 99})
	_, text2, svg2 := simulate(t, j, m, Options{Seed: 99})
	if text1 != text2 {
		t.Errorf("same seed, different text:\n%s", firstDiff(text1, text2))
	}
	if !bytes.Equal(svg1, svg2) {
		t.Errorf("same seed, different SVG")
	}
	_, text3, _ := simulate(t, j, m, Options{Seed: 100})
	if text1 == text3 {
		t.Errorf("seeds 99 and 100 gave the same run")
	}
	// The run must actually have exercised failures and disruptions.
	counts := map[Outcome]int{}
	for _, a := range r1.Timeline.Attempts {
		counts[a.Outcome]++
	}
	if counts[Failed] == 0 || counts[Disrupted] == 0 || counts[Succeeded] == 0 {
		t.Errorf("outcomes %v: want failures, disruptions and successes", counts)
	}
	if !strings.Contains(text1, "(exit 7)") {
		t.Errorf("the override of indexes 0-2 (side container, exit 7) did not show:\n%s", text1)
	}
}

// TestRunInvariants checks the record of runs over many seeds: every pod
// ended when the Job finished, instants are ordered, NonIndexed rows never
// hold two pods at once, counters never decrease.
func TestRunInvariants(t *testing.T) {
	nonIndexed := `
metadata: {name: crawl}
spec:
  completions: 25
  parallelism: 5
  backoffLimit: 3
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: x}]
`
	model := mustModel(t, "start: {exponential: {mean: 4s}}\nrun: {uniform: {min: 10s, max: 40s}}\nfailure: {probability: 0.15}\ntermination: {grace: 10s}\n")
	for _, spec := range []struct {
		name string
		job  *job.Job
		m    *Model
	}{{"nonindexed", mustJob(t, nonIndexed), model}, {"flaky", mustJob(t, flakyJob), mustModel(t, flakyModel)}} {
		for seed := uint64(1); seed <= 15; seed++ {
			res, err := Run(spec.job, spec.m, Options{Seed: seed})
			if err != nil {
				t.Fatalf("%s seed %d: %v", spec.name, seed, err)
			}
			if !res.Finished {
				t.Errorf("%s seed %d: %s", spec.name, seed, res.Outcome)
			}
			tl := res.Timeline
			busy := map[int]time.Duration{} // row -> end of its last pod
			for _, a := range tl.Attempts {
				if a.Ended == Never || a.Ended < a.Created || (a.Started != Never && (a.Started < a.Created || a.Started > a.Ended)) {
					t.Errorf("%s seed %d: attempt %+v", spec.name, seed, a)
				}
				if !tl.Indexed {
					if a.Created < busy[a.Row] {
						t.Errorf("%s seed %d: %s shares row %d with a running pod", spec.name, seed, a.Name, a.Row)
					}
					busy[a.Row] = a.Ended
				}
			}
			for i := 1; i < len(tl.Samples); i++ {
				p, c := tl.Samples[i-1], tl.Samples[i]
				if c.At <= p.At || c.Succeeded < p.Succeeded || c.Failed < p.Failed {
					t.Errorf("%s seed %d: samples %+v then %+v", spec.name, seed, p, c)
				}
			}
		}
	}
}

const tinyJob = `
metadata: {name: tiny}
spec:
  completions: 2
  parallelism: 2
  ttlSecondsAfterFinished: 30
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: x}]
`

func TestTTLDeletesJobAndPods(t *testing.T) {
	res, text, _ := simulate(t, mustJob(t, tinyJob), DefaultModel(), Options{})
	if !strings.HasSuffix(res.Outcome, "deleted by its TTL") || res.End != 62*time.Second {
		t.Errorf("outcome %q at %s, want deletion at +1m2s (2s start, 30s run, 30s TTL):\n%s", res.Outcome, res.End, text)
	}
	if res.Job.DeletionTimestamp == nil {
		t.Errorf("job not deleted")
	}
}

func TestSuspendAndResume(t *testing.T) {
	m := mustModel(t, `
run: 1m
updates:
  - {at: 20s, patch: {spec: {suspend: true}}}
  - {at: 2m, patch: {spec: {suspend: false}}}
`)
	j := mustJob(t, strings.Replace(tinyJob, "  ttlSecondsAfterFinished: 30\n", "", 1))
	res, text, _ := simulate(t, j, m, Options{})
	var marks []string
	for _, mk := range res.Timeline.Marks {
		marks = append(marks, shortDuration(mk.At)+" "+string(mk.Type)+"="+mk.Status)
	}
	want := "20s Suspended=True,2m Suspended=False,3m2s SuccessCriteriaMet=True,3m2s Complete=True"
	if strings.Join(marks, ",") != want {
		t.Errorf("marks %v, want %s\n%s", marks, want, text)
	}
	deleted := 0
	for _, a := range res.Timeline.Attempts {
		if a.Outcome == Deleted {
			deleted++
		}
	}
	if deleted != 2 {
		t.Errorf("%d pods deleted by the suspension, want 2\n%s", deleted, text)
	}
}

func TestRestartPolicyOnFailure(t *testing.T) {
	j := mustJob(t, `
metadata: {name: retry}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: main, image: x}]
`)
	res, text, _ := simulate(t, j, mustModel(t, "failure: {probability: 1}\nrun: 5s\n"), Options{})
	if !strings.HasPrefix(res.Outcome, "Failed (BackoffLimitExceeded)") {
		t.Errorf("outcome %q\n%s", res.Outcome, text)
	}
	if a := res.Timeline.Attempts[0]; len(a.Restarts) < 2 {
		t.Errorf("restarts %v", a.Restarts)
	}
}

func TestUntil(t *testing.T) {
	j := mustJob(t, strings.Replace(tinyJob, "  ttlSecondsAfterFinished: 30\n", "", 1))
	res, _, svg := simulate(t, j, mustModel(t, "run: 48h\n"), Options{})
	if res.Outcome != "unfinished at +24h0m0s (--until)" || res.Finished {
		t.Errorf("outcome %q", res.Outcome)
	}
	if !bytes.Contains(svg, []byte("still running at the end")) {
		t.Errorf("the picture does not show the pods still running")
	}
	res, _, _ = simulate(t, j, mustModel(t, "run: 48h\n"), Options{Until: time.Hour})
	if res.Outcome != "unfinished at +1h0m0s (--until)" {
		t.Errorf("outcome %q", res.Outcome)
	}
}

func TestIdle(t *testing.T) {
	j := mustJob(t, strings.Replace(tinyJob, "  ttlSecondsAfterFinished: 30\n", "  suspend: true\n", 1))
	res, _, _ := simulate(t, j, nil, Options{})
	if res.Outcome != "idle at +0s: nothing more happens" {
		t.Errorf("outcome %q", res.Outcome)
	}
}

func TestRunErrors(t *testing.T) {
	j := mustJob(t, tinyJob)
	if _, err := Run(j, mustModel(t, "failure: {container: nope}"), Options{}); err == nil ||
		!strings.Contains(err.Error(), `failure.container: "nope" is not a container of the pod template`) {
		t.Errorf("err = %v", err)
	}
	bad := mustJob(t, strings.Replace(tinyJob, "completions: 2", "completions: -2", 1))
	if _, err := Run(bad, nil, Options{}); err == nil || !strings.Contains(err.Error(), "spec.completions") {
		t.Errorf("err = %v", err)
	}
	if _, err := Run(j, mustModel(t, "updates: [{at: 1s, patch: {spec: {completionMode: Indexed}}}]"), Options{}); err == nil ||
		!strings.Contains(err.Error(), "model update 0 rejected") {
		t.Errorf("err = %v", err)
	}
}

func TestSVGIsWellFormed(t *testing.T) {
	for _, tc := range []struct{ name, job, model string }{{"flaky", flakyJob, flakyModel}, {"tiny", tinyJob, ""}} {
		name := tc.name
		_, _, svg := simulate(t, mustJob(t, tc.job), mustModel(t, tc.model), Options{Seed: 3})
		dec := xml.NewDecoder(bytes.NewReader(svg))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// TestIndexed10000 simulates the 10,000-completion Indexed Job
// (parallelism 1,000) to the end; BenchmarkIndexed10000 times it.
func TestIndexed10000(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("10,000 completions: not with -short or -race")
	}
	res := runBig(t)
	st := res.Job.Status
	if !strings.HasPrefix(res.Outcome, "Complete (CompletionsReached)") || st.Succeeded != 10000 || st.CompletedIndexes != "0-9999" {
		t.Fatalf("outcome %q, status %+v", res.Outcome, st)
	}
	if st.Failed == 0 || len(res.Timeline.Attempts) != 10000+int(st.Failed) {
		t.Errorf("failed %d, attempts %d", st.Failed, len(res.Timeline.Attempts))
	}
	svg := SVG(res.Timeline)
	if !bytes.Contains(svg, []byte("10000 rows drawn as 200 bands of 50 rows")) {
		t.Errorf("the picture does not say it aggregated the rows")
	}
	if len(svg) > 600<<10 {
		t.Errorf("SVG of %d bytes, want a reasonable size", len(svg))
	}
}
