package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jobkit/jobkit/examples/jobsim/sim"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// The sample simulated when jobsim runs without a command.
var (
	//go:embed testdata/sample-job.yaml
	sampleJob []byte
	//go:embed testdata/sample-model.yaml
	sampleModel []byte
)

// sampleSeed is the seed of the sample run.
const sampleSeed = 3

func init() {
	register("simulate", "simulate a Job manifest under a pod model: JOB.yaml [--model M.yaml] [--seed N] [--svg F] [--until D] [--resolution D] [--quiet] [--expect Complete|Failed] [-o json] [--progress]", simulateCommand)
}

// simOptions are the flags of simulate (and of the no-command sample run).
type simOptions struct {
	model    string
	seed     uint64
	svg      string
	until    time.Duration
	res      time.Duration
	quiet    bool
	expect   string
	output   string
	progress bool
}

func (o *simOptions) flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.model, "model", "", "pod behaviour model (YAML); default: start 2s, run 30s, always succeed")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the pseudo-random generator; same seed, same output")
	fs.StringVar(&o.svg, "svg", "", "write the timeline picture to this SVG file")
	fs.DurationVar(&o.until, "until", 24*time.Hour, "stop after this much simulated time")
	fs.DurationVar(&o.res, "resolution", time.Second, "granularity of simulated time (coarser: fewer instants, faster)")
	fs.BoolVar(&o.quiet, "quiet", false, "print only the outcome and the final status, no timeline")
	fs.StringVar(&o.expect, "expect", "", "Complete or Failed: exit 1 unless the Job ends so")
	fs.StringVar(&o.output, "o", "text", "output: text (timeline, outcome, status) or json (the result and timeline as data)")
	fs.BoolVar(&o.progress, "progress", false, "show progress of a long simulation on standard error (only on a terminal)")
	return fs
}

// parseInterleaved parses flags that may come before or after the
// positional arguments, which it returns.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// simulateCommand is `jobsim simulate JOB.yaml [flags]`; JOB.yaml "-"
// reads the manifest from standard input.
func simulateCommand(args []string, stdout, stderr io.Writer) int {
	var o simOptions
	fs := o.flags("simulate", stderr)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: jobsim simulate JOB.yaml|- [--model MODEL.yaml] [--seed N] [--svg FILE] [--until DURATION] [--resolution D] [--quiet]")
		return 2
	}
	var data []byte
	if pos[0] == "-" {
		data, err = io.ReadAll(io.LimitReader(os.Stdin, manifest.MaxInputBytes+1))
	} else {
		data, err = os.ReadFile(pos[0])
	}
	if err != nil {
		fmt.Fprintf(stderr, "jobsim: %v\n", err)
		return 2
	}
	var model []byte
	if o.model != "" {
		if model, err = os.ReadFile(o.model); err != nil {
			fmt.Fprintf(stderr, "jobsim: %v\n", err)
			return 2
		}
	}
	return simulate(pos[0], data, o.model, model, o, stdout, stderr)
}

// runSample is jobsim without a command: the embedded sample, with the
// flags of simulate except --model.
func runSample(args []string, stdout, stderr io.Writer) int {
	o := simOptions{}
	fs := o.flags("jobsim", stderr)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "jobsim: unknown command %q\n", pos[0])
		usage(stderr)
		return 2
	}
	if o.model == "" {
		o.model = "testdata/sample-model.yaml (embedded)"
		if !isSet(fs, "seed") {
			o.seed = sampleSeed
		}
		return simulate("testdata/sample-job.yaml (embedded)", sampleJob, o.model, sampleModel, o, stdout, stderr)
	}
	model, err := os.ReadFile(o.model)
	if err != nil {
		fmt.Fprintf(stderr, "jobsim: %v\n", err)
		return 2
	}
	return simulate("testdata/sample-job.yaml (embedded)", sampleJob, o.model, model, o, stdout, stderr)
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// simulate decodes the Job and the model, runs the simulation and prints
// the timeline, the outcome and the final status.
func simulate(jobName string, jobData []byte, modelName string, modelData []byte, o simOptions, stdout, stderr io.Writer) (code int) {
	j, err := manifest.DecodeJob(jobData)
	if err != nil {
		fmt.Fprintf(stderr, "jobsim: %s: %v\n", jobName, err)
		return 2
	}
	m := sim.DefaultModel()
	if modelData != nil {
		if m, err = sim.ParseModel(modelData); err != nil {
			fmt.Fprintf(stderr, "jobsim: %s: %v\n", modelName, err)
			return 2
		}
	}
	if o.expect != "" && o.expect != "Complete" && o.expect != "Failed" {
		fmt.Fprintf(stderr, "jobsim: --expect %q: want Complete or Failed\n", o.expect)
		return exitUsage
	}
	if o.output != "text" && o.output != "json" {
		fmt.Fprintf(stderr, "jobsim: -o %q: want text or json\n", o.output)
		return exitUsage
	}
	opts := sim.Options{Seed: o.seed, Until: o.until, Resolution: o.res}
	if o.output == "text" {
		describe(stdout, j, jobName, modelName, o.seed)
		if !o.quiet {
			opts.Log = stdout
		}
	}
	p := newProgress(stderr)
	if o.progress && p.terminal {
		opts.Progress = p.report
		opts.ProgressEvery = 1000
	}
	res, err := sim.Run(j, m, opts)
	p.done()
	if err != nil {
		fmt.Fprintf(stderr, "jobsim: %v\n", err)
		return 1
	}
	if o.output == "json" {
		err = writeResultJSON(stdout, res)
	} else {
		err = res.WriteSummary(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jobsim: %v\n", err)
		return 1
	}
	if got := finalCondition(res.Job); o.expect != "" && got != o.expect {
		fmt.Fprintf(stderr, "jobsim: expected the Job to end %s; outcome: %s\n", o.expect, res.Outcome)
		defer func() { code = exitInvalid }()
	}
	if o.svg != "" {
		if err := os.WriteFile(o.svg, sim.SVG(res.Timeline), 0o644); err != nil {
			fmt.Fprintf(stderr, "jobsim: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "jobsim: wrote %s\n", o.svg)
	}
	return 0
}

func describe(w io.Writer, j *job.Job, jobName, modelName string, seed uint64) {
	mode := "NonIndexed"
	if j.Spec.IsIndexed() {
		mode = "Indexed"
	}
	if modelName == "" {
		modelName = "default model (start 2s, run 30s, always succeed)"
	}
	fmt.Fprintf(w, "# simulating %s Job %q from %s\n", mode, j.Name, jobName)
	fmt.Fprintf(w, "# completions %s, parallelism %s; pods: %s; seed %d\n",
		int32Text(j.Spec.Completions), int32Text(j.Spec.Parallelism), modelName, seed)
}

// progress prints how far a long run got on stderr: a line rewritten in
// place (\r) at most ten times a second when stderr is a terminal, else a
// line every five seconds of wall time. Short runs print nothing.
type progress struct {
	w        io.Writer
	terminal bool
	begin    time.Time
	last     time.Time
	printed  bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, begin: time.Now()}
	p.last = p.begin
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) report(pr sim.Progress) {
	now := time.Now()
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if now.Sub(p.begin) < time.Second || now.Sub(p.last) < every {
		return
	}
	p.last = now
	line := fmt.Sprintf("jobsim: t=+%s, %d pod events, active=%d succeeded=%d failed=%d (%s wall)",
		pr.At, pr.PodEvents, pr.Active, pr.Succeeded, pr.Failed, now.Sub(p.begin).Round(time.Millisecond))
	if p.terminal {
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		p.printed = true
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progress) done() {
	if p.printed {
		fmt.Fprintln(p.w)
	}
}

// finalCondition is "Complete" or "Failed" when the Job carries that
// condition with status True, else "".
func finalCondition(j *job.Job) string {
	for _, c := range j.Status.Conditions {
		if (c.Type == "Complete" || c.Type == "Failed") && c.Status == "True" {
			return string(c.Type)
		}
	}
	return ""
}

// writeResultJSON writes the simulation's result as one JSON object: the
// outcome, whether and how it finished, the run's size, the warnings, the
// final status and the timeline (attempts, marks, samples; durations in
// nanoseconds).
func writeResultJSON(w io.Writer, res *sim.Result) error {
	out := struct {
		Outcome   string         `json:"outcome"`
		Finished  bool           `json:"finished"`
		Condition string         `json:"condition,omitempty"`
		End       time.Duration  `json:"end"`
		Instants  int            `json:"instants"`
		PodEvents int            `json:"podEvents"`
		Warnings  []string       `json:"warnings,omitempty"`
		Status    *job.JobStatus `json:"status"`
		Timeline  *sim.Timeline  `json:"timeline"`
	}{res.Outcome, res.Finished, finalCondition(res.Job), res.End, res.Instants, res.PodEvents, res.Warnings, &res.Job.Status, res.Timeline}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
