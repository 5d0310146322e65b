package sim

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseModel(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		check func(*testing.T, *Model)
	}{
		{"empty is the default", "", func(t *testing.T, m *Model) {
			if m.Start != FixedDist(2*time.Second) || m.Run != FixedDist(30*time.Second) || m.Termination.Grace != 5*time.Second {
				t.Errorf("got %+v", m)
			}
		}},
		{"comments only", "# nothing\n", func(t *testing.T, m *Model) {
			if m.Failure.Probability != 0 {
				t.Errorf("got %+v", m.Failure)
			}
		}},
		{"scalar is fixed", "run: 1m30s\nready: 0s", func(t *testing.T, m *Model) {
			if m.Run != FixedDist(90*time.Second) || m.Ready != FixedDist(0) {
				t.Errorf("run %v ready %v", m.Run, m.Ready)
			}
		}},
		{"fixed mapping", "start: {fixed: 3s}", func(t *testing.T, m *Model) {
			if m.Start != FixedDist(3*time.Second) {
				t.Errorf("start %v", m.Start)
			}
		}},
		{"uniform", "run: {uniform: {min: 10s, max: 20s}}", func(t *testing.T, m *Model) {
			if m.Run != (Dist{Uniform, 10 * time.Second, 20 * time.Second}) {
				t.Errorf("run %v", m.Run)
			}
		}},
		{"exponential", "start:\n  exponential:\n    mean: 4s\n", func(t *testing.T, m *Model) {
			if m.Start != (Dist{Kind: Exponential, A: 4 * time.Second}) {
				t.Errorf("start %v", m.Start)
			}
		}},
		{"failure", "failure:\n  probability: 0.5\n  container: side\n  exitCodes: [{code: 1, weight: 3}, {code: 42}]\n  after: 5s\n", func(t *testing.T, m *Model) {
			f := m.Failure
			if f.Probability != 0.5 || f.Container != "side" || len(f.ExitCodes) != 2 ||
				f.ExitCodes[0] != (ExitCode{1, 3}) || f.ExitCodes[1] != (ExitCode{42, 1}) || f.After == nil || *f.After != FixedDist(5*time.Second) {
				t.Errorf("failure %+v", f)
			}
		}},
		{"failure defaults to exit code 1", "failure: {probability: 1}", func(t *testing.T, m *Model) {
			if len(m.Failure.ExitCodes) != 1 || m.Failure.ExitCodes[0].Code != 1 {
				t.Errorf("codes %+v", m.Failure.ExitCodes)
			}
		}},
		{"disruption and termination", "disruption: {ratePerHour: 2}\ntermination: {grace: 30s, exitCode: 137}", func(t *testing.T, m *Model) {
			if m.Disruption != (Disruption{RatePerHour: 2, ExitCode: 143}) || m.Termination != (Termination{30 * time.Second, 137}) {
				t.Errorf("disruption %+v termination %+v", m.Disruption, m.Termination)
			}
		}},
		{"overrides", "overrides:\n  - indexes: \"3, 5-7\"\n    attempts: \"0\"\n    failure: {probability: 1, exitCodes: [{code: 42}]}\n  - indexes: 9\n    run: 1h\n", func(t *testing.T, m *Model) {
			if len(m.Overrides) != 2 {
				t.Fatalf("overrides %+v", m.Overrides)
			}
			o := m.Overrides[0]
			if o.Indexes.String() != "3,5-7" || o.Attempts == nil || o.Attempts.String() != "0" || o.Failure == nil || o.Run != nil {
				t.Errorf("override 0 %+v", o)
			}
			b := m.behaviourFor(3, 0)
			if b.Failure.Probability != 1 || b.Failure.ExitCodes[0].Code != 42 {
				t.Errorf("index 3 attempt 0: %+v", b.Failure)
			}
			if b := m.behaviourFor(3, 1); b.Failure.Probability != 0 {
				t.Errorf("index 3 attempt 1: %+v", b.Failure)
			}
			if b := m.behaviourFor(9, 4); b.Run != FixedDist(time.Hour) {
				t.Errorf("index 9: %+v", b.Run)
			}
		}},
		{"updates", "updates:\n  - at: 1m\n    patch: {spec: {suspend: true}}\n", func(t *testing.T, m *Model) {
			if len(m.Updates) != 1 || m.Updates[0].At != time.Minute || string(m.Updates[0].Patch) != `{"spec":{"suspend":true}}` {
				t.Errorf("updates %+v", m.Updates)
			}
		}},
		{"null values keep defaults", "run: ~\nfailure:\n", func(t *testing.T, m *Model) {
			if m.Run != FixedDist(30*time.Second) {
				t.Errorf("run %v", m.Run)
			}
		}},
		{"aliases", "run: &r {uniform: {min: 1s, max: 2s}}\nstart: *r\n", func(t *testing.T, m *Model) {
			if m.Start != m.Run || m.Start.Kind != Uniform {
				t.Errorf("start %v run %v", m.Start, m.Run)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseModel([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, m)
		})
	}
}

func TestParseModelErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // the whole error text
	}{
		{"unknown top-level key", "start: 1s\nrunTime: 2s\n", "line 2: runTime: unknown key \"runTime\" (want one of disruption, failure, overrides, ready, run, start, termination, updates)"},
		{"unknown nested key", "failure:\n  probability: 0.1\n  code: 3\n", "line 3: failure.code: unknown key \"code\" (want one of after, container, exitCodes, probability)"},
		{"duplicate key", "run: 1s\nrun: 2s\n", `line 2: run: duplicate key "run"`},
		{"bad duration", "run: 30\n", `line 1: run: want a Go duration such as 30s or 1m30s, got "30"`},
		{"negative duration", "start: -1s\n", "line 1: start: must not be negative, got -1s"},
		{"two distributions", "run: {fixed: 1s, exponential: {mean: 2s}}\n", "line 1: run: want a duration or exactly one of fixed, uniform, exponential"},
		{"no distribution", "run: {}\n", "line 1: run: want a duration or exactly one of fixed, uniform, exponential"},
		{"unknown distribution", "run:\n  normal: {mean: 1s}\n", "line 2: run.normal: unknown key \"normal\" (want one of exponential, fixed, uniform)"},
		{"uniform min > max", "run: {uniform: {min: 2s, max: 1s}}\n", "line 1: run.uniform: min 2s is greater than max 1s"},
		{"uniform without max", "run:\n  uniform:\n    min: 2s\n", "line 3: run.uniform: needs both min and max"},
		{"exponential without mean", "run: {exponential: {}}\n", "line 1: run.exponential: needs a mean"},
		{"probability out of range", "failure:\n  probability: 1.5\n", "line 2: failure.probability: must be between 0 and 1, got 1.5"},
		{"probability not a number", "failure: {probability: often}\n", `line 1: failure.probability: want a number, got "often"`},
		{"exit code 0", "failure:\n  exitCodes:\n    - code: 0\n", "line 3: failure.exitCodes[0].code: a failure's exit code must not be 0"},
		{"exit code without code", "failure:\n  exitCodes:\n    - weight: 2\n", "line 3: failure.exitCodes[0]: needs a code"},
		{"zero weight", "failure: {exitCodes: [{code: 1, weight: 0}]}\n", "line 1: failure.exitCodes[0].weight: must be positive"},
		{"empty exit codes", "failure: {exitCodes: []}\n", "line 1: failure.exitCodes: want a non-empty list of {code, weight}"},
		{"exit code too big", "termination: {exitCode: 99999999999}\n", `line 1: termination.exitCode: want a 32-bit integer, got "99999999999"`},
		{"override without indexes", "overrides:\n  - run: 1s\n", "line 2: overrides[0]: needs indexes"},
		{"override bad indexes", "overrides:\n  - indexes: \"3-1\"\n", `line 2: overrides[0].indexes: want an index list such as "3" or "0,2-5": non-increasing order, previous: 3, current: 1`},
		{"override unknown key", "overrides:\n  - indexes: \"1\"\n    exitCode: 3\n", "line 3: overrides[0].exitCode: unknown key \"exitCode\" (want one of attempts, disruption, failure, indexes, ready, run, start)"},
		{"overrides not a list", "overrides: {indexes: 1}\n", "line 1: overrides: want a list, got a mapping"},
		{"update without patch", "updates:\n  - at: 1m\n", "line 2: updates[0]: needs at and patch"},
		{"update patch not a mapping", "updates:\n  - {at: 1m, patch: x}\n", `line 2: updates[0].patch: want a mapping (a JSON merge patch of the Job), got "x"`},
		{"updates out of order", "updates:\n  - {at: 2m, patch: {}}\n  - {at: 1m, patch: {}}\n", "line 3: updates[1].at: updates must be in time order"},
		{"top level not a mapping", "- run: 1s\n", "line 1: want a mapping, got a list"},
		{"two documents", "run: 1s\n---\nrun: 2s\n", "line 3: a model file holds one YAML document"},
		{"syntax error", "run: [1s\n", "line 1: invalid YAML: did not find expected ',' or ']'"},
		{"scalar where mapping", "failure: 0.5\n", `line 1: failure: want a mapping, got "0.5"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseModel([]byte(tc.in))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			var me *ModelError
			if !errors.As(err, &me) {
				t.Errorf("error %T is not a *ModelError", err)
			}
			if err.Error() != tc.want {
				t.Errorf("error\n got %q\nwant %q", err.Error(), tc.want)
			}
		})
	}
}

func TestParseModelTooBig(t *testing.T) {
	_, err := ParseModel([]byte(strings.Repeat("#", MaxModelBytes+1)))
	if err == nil || !strings.Contains(err.Error(), "exceeds the limit") {
		t.Errorf("err = %v", err)
	}
}

// FuzzParseModel: any input is a model or an error, never a panic, and a
// model's distributions are valid.
func FuzzParseModel(f *testing.F) {
	f.Add([]byte("run: {uniform: {min: 1s, max: 2s}}\nfailure: {probability: 0.5, exitCodes: [{code: 3}]}\n"))
	f.Add([]byte("overrides: [{indexes: \"1-3\", attempts: \"0\", start: 1s}]\nupdates: [{at: 1s, patch: {a: [1, {b: ~}]}}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseModel(data)
		if err != nil {
			var me *ModelError
			if !errors.As(err, &me) {
				t.Fatalf("error %q (%T) is not a *ModelError", err, err)
			}
			return
		}
		for _, d := range []Dist{m.Start, m.Ready, m.Run} {
			if d.A < 0 || (d.Kind == Uniform && d.B < d.A) {
				t.Fatalf("invalid distribution %+v", d)
			}
		}
		if p := m.Failure.Probability; p < 0 || p > 1 {
			t.Fatalf("probability %v", p)
		}
	})
}
