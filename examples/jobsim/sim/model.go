package sim

import (
	"fmt"
	"math"
	"time"

	"github.com/jobkit/jobkit/indexes"
)

// DistKind is the shape of a duration distribution.
type DistKind int

const (
	// Fixed always gives A.
	Fixed DistKind = iota
	// Uniform gives a duration uniformly in [A, B].
	Uniform
	// Exponential gives an exponentially distributed duration of mean A.
	Exponential
)

// Dist is a distribution of non-negative durations. The zero Dist is
// Fixed 0.
type Dist struct {
	Kind DistKind
	// A is the fixed value, the uniform minimum or the exponential mean.
	A time.Duration
	// B is the uniform maximum (A <= B); unused otherwise.
	B time.Duration
}

// FixedDist returns the distribution that always gives d.
func FixedDist(d time.Duration) Dist { return Dist{Kind: Fixed, A: d} }

// sample draws one duration. Fixed draws no random number, so changing a
// fixed value does not shift the other draws of a pod.
func (d Dist) sample(r *rng) time.Duration {
	switch d.Kind {
	case Uniform:
		return d.A + time.Duration(r.float()*float64(d.B-d.A))
	case Exponential:
		x := r.exponential(float64(d.A))
		if x > float64(math.MaxInt64/2) {
			return math.MaxInt64 / 2
		}
		return time.Duration(x)
	default:
		return d.A
	}
}

// String is "30s", "uniform 20s..1m0s" or "exponential mean 40s".
func (d Dist) String() string {
	switch d.Kind {
	case Uniform:
		return fmt.Sprintf("uniform %s..%s", d.A, d.B)
	case Exponential:
		return fmt.Sprintf("exponential mean %s", d.A)
	default:
		return d.A.String()
	}
}

// ExitCode is one weighted exit code of a failing container.
type ExitCode struct {
	Code int32
	// Weight is relative to the other codes' weights; > 0.
	Weight float64
}

// Failure says how often and how a pod fails on its own.
type Failure struct {
	// Probability that an attempt fails, in [0, 1]. Default 0.
	Probability float64
	// Container is the container that exits with the failure's code;
	// "" means the first container of the pod template. Other containers
	// end with code 0.
	Container string
	// ExitCodes to choose from by weight. Default: code 1.
	ExitCodes []ExitCode
	// After, when set, is the run time of a failing attempt (from Running
	// to the failure); nil means the Behaviour's Run.
	After *Dist
}

// Disruption makes pods victims of evictions or preemptions: a disrupted
// pod gets the condition DisruptionTarget=True and a deletionTimestamp,
// and fails after the termination grace period.
type Disruption struct {
	// RatePerHour is the rate of a Poisson process of disruptions per pod
	// hour, from the pod's creation (pending pods are disrupted too).
	// Default 0: never.
	RatePerHour float64
	// ExitCode of the pod's containers when it stops. Default 143.
	ExitCode int32
}

// Behaviour is the part of the model that overrides may replace.
type Behaviour struct {
	// Start is the delay from creation to phase Running (scheduling, image
	// pull). Default 2s.
	Start Dist
	// Ready is the delay from Running to the Ready=True condition. Default
	// 0. A pod that finishes first never becomes ready.
	Ready Dist
	// Run is the time from Running to a successful exit. Default 30s.
	Run Dist
	// Failure and Disruption default to never.
	Failure    Failure
	Disruption Disruption
}

// Termination says how a pod with a deletionTimestamp (deleted by the
// controller, or disrupted) stops: after Grace it turns Failed with
// ExitCode in every container.
type Termination struct {
	// Grace defaults to 5s.
	Grace time.Duration
	// ExitCode defaults to 143 (SIGTERM).
	ExitCode int32
}

// Override replaces parts of the Behaviour for some pods. A section it
// sets replaces the whole section of the base model (fields the section
// omits take their defaults, not the base's values).
type Override struct {
	// Indexes the override applies to: completion indexes of an Indexed
	// Job, creation ordinals (the n of pod <job>-<n>) of a NonIndexed one.
	Indexes indexes.Set
	// Attempts, when non-nil, restricts the override to these attempts of
	// an index (0 is the first pod of the index). NonIndexed pods are all
	// attempt 0.
	Attempts *indexes.Set

	Start, Ready, Run *Dist
	Failure           *Failure
	Disruption        *Disruption
}

// Update is a change a user makes to the Job during the simulation.
type Update struct {
	// At is the offset from the start of the simulation.
	At time.Duration
	// Patch is a JSON merge patch (RFC 7386) of the whole Job, applied with
	// jobtest's World.UpdateJob (validated like a user's update).
	Patch []byte
}

// Model is the pod behaviour model of a simulation. The zero Model is not
// valid; start from DefaultModel or ParseModel.
type Model struct {
	Behaviour
	Termination Termination
	// Overrides are applied in order; a later one wins over an earlier one
	// for the sections both set.
	Overrides []Override
	// Updates in ascending At order.
	Updates []Update
}

// DefaultModel is the model used without a model file: pods start after
// 2s, are ready at once, run 30s and succeed; deleted pods stop after 5s
// with code 143.
func DefaultModel() *Model {
	return &Model{
		Behaviour:   defaultBehaviour(),
		Termination: Termination{Grace: 5 * time.Second, ExitCode: 143},
	}
}

func defaultBehaviour() Behaviour {
	return Behaviour{
		Start:      FixedDist(2 * time.Second),
		Run:        FixedDist(30 * time.Second),
		Failure:    defaultFailure(),
		Disruption: Disruption{ExitCode: 143},
	}
}

func defaultFailure() Failure { return Failure{ExitCodes: []ExitCode{{Code: 1, Weight: 1}}} }

// behaviourFor returns the behaviour of attempt of index after the
// overrides.
func (m *Model) behaviourFor(index int32, attempt int) Behaviour {
	b := m.Behaviour
	for i := range m.Overrides {
		o := &m.Overrides[i]
		if !o.Indexes.Has(index) || (o.Attempts != nil && !o.Attempts.Has(int32(min(attempt, math.MaxInt32)))) {
			continue
		}
		if o.Start != nil {
			b.Start = *o.Start
		}
		if o.Ready != nil {
			b.Ready = *o.Ready
		}
		if o.Run != nil {
			b.Run = *o.Run
		}
		if o.Failure != nil {
			b.Failure = *o.Failure
		}
		if o.Disruption != nil {
			b.Disruption = *o.Disruption
		}
	}
	return b
}

// Outcome is how a pod attempt ends.
type Outcome int

const (
	// Running: not finished when the simulation stopped.
	Running Outcome = iota
	// Succeeded: exited 0.
	Succeeded
	// Failed: exited non-zero on its own.
	Failed
	// Disrupted: got DisruptionTarget=True and a deletionTimestamp, then
	// stopped.
	Disrupted
	// Deleted: deleted by the controller (or with the Job), then stopped.
	Deleted
)

// String is the outcome's lower-case name.
func (o Outcome) String() string {
	return [...]string{"running", "succeeded", "failed", "disrupted", "deleted"}[o]
}

// plan is the fate drawn for one pod at its creation. Offsets are from
// the creation instant.
type plan struct {
	start    time.Duration
	ready    time.Duration // from creation; >= end: never ready
	end      time.Duration // exit or disruption
	outcome  Outcome       // Succeeded, Failed or Disrupted
	exitCode int32
	// container that exits with exitCode ("" for success and disruption).
	container string
}

// draw decides a pod's fate. The draws are made in a fixed order (start,
// ready, failure, exit code, run, disruption) so that a pod's plan depends
// only on its generator.
func (b *Behaviour) draw(r *rng, firstContainer string) plan {
	p := plan{start: b.Start.sample(r)}
	p.ready = p.start + b.Ready.sample(r)
	run := b.Run
	p.outcome = Succeeded
	if b.Failure.Probability > 0 && r.float() < b.Failure.Probability {
		p.outcome = Failed
		p.exitCode = pickCode(r, b.Failure.ExitCodes)
		p.container = b.Failure.Container
		if p.container == "" {
			p.container = firstContainer
		}
		if b.Failure.After != nil {
			run = *b.Failure.After
		}
	}
	p.end = p.start + run.sample(r)
	if b.Disruption.RatePerHour > 0 {
		d := time.Duration(r.exponential(float64(time.Hour) / b.Disruption.RatePerHour))
		if d >= 0 && d < p.end {
			p.end, p.outcome, p.exitCode, p.container = d, Disrupted, b.Disruption.ExitCode, ""
		}
	}
	return p
}

func pickCode(r *rng, codes []ExitCode) int32 {
	if len(codes) == 0 {
		return 1
	}
	total := 0.0
	for _, c := range codes {
		total += c.Weight
	}
	x := r.float() * total
	for _, c := range codes {
		if x < c.Weight {
			return c.Code
		}
		x -= c.Weight
	}
	return codes[len(codes)-1].Code
}
