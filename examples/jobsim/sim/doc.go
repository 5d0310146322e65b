// Package sim is the simulation engine of `jobsim simulate`: it runs a Job
// through jobkit's controller (job.Step, inside a job/jobtest World) while
// a pod behaviour model decides when each pod starts, becomes ready,
// succeeds, fails or is disrupted, and records a timeline that SVG draws.
//
// # The simulation
//
// Run is a discrete-event simulation. The next instant is the soonest of
// the pending pod events, the controller's requeueAfter, the model's Job
// updates and the Job's TTL expiry; the World's clock advances to it, the
// due events are applied (in the order they were scheduled), and the World
// settles (the controller runs until it asks for nothing more). Each pod
// the controller creates gets its fate drawn at once from a splitmix64
// generator seeded with the run's seed and the pod's name, so a pod's fate
// does not depend on the order of other events, and the same seed gives
// byte-identical output. Simulated time advances in whole seconds by
// default (Options.Resolution): drawn durations are rounded up.
//
// The run ends when the Job is finished (Complete or Failed) and none of
// its pods is still running or terminating — with ttlSecondsAfterFinished,
// once the TTL deleted the Job and the garbage collector its pods — or when
// nothing more can happen (a suspended Job), or at Options.Until (default
// 24h of simulated time).
//
// Pods never vanish on their own: a finished pod stays (as in a cluster,
// until its Job is deleted) unless it had a deletionTimestamp, in which case
// it disappears once the controller removed its finalizer.
//
// # The log
//
// With Options.Log set, Run writes one line per instant at which the
// status changed or something happened:
//
//	t=+2m33s    active=2 ready=1 succeeded=6 failed=2 terminating=0 completed=0-5 failedIndexes=7 conditions=[] | failed render-7-0 (exit 42); created render-10-0
//
// The counters are the Job's status after the instant (completed and
// failedIndexes for Indexed Jobs; conditions lists the condition types,
// "Type=False" when not True). After "|" come, in this order: pods started,
// ready, succeeded, failed (with exit code), restarted (restartPolicy
// OnFailure), disrupted, stopped (a pod being deleted reached phase
// Failed); model updates; the TTL deletion; pods the controller created and
// deleted; its requeue; condition changes (Type=Status(Reason)); the
// controller's events other than SuccessfulCreate/Delete. More than four
// pods of one kind are counted ("succeeded 37 pods"). Result.WriteSummary
// prints the outcome and the final status as YAML.
//
// # The model format
//
// A model is one YAML document; every key is optional. Decoding is strict:
// an unknown or duplicate key, a value of the wrong kind or out of range is
// an error naming the line and the key's path.
//
//	start: {uniform: {min: 2s, max: 8s}}  # creation -> Running (default 2s)
//	ready: 3s                             # Running -> Ready=True (default 0s)
//	run: {uniform: {min: 40s, max: 1m20s}} # Running -> exit 0 (default 30s)
//	failure:                              # default: never
//	  probability: 0.25                   # per attempt, 0..1
//	  container: main                     # default: the first container
//	  exitCodes:                          # default: [{code: 1}]
//	    - {code: 1, weight: 3}            # weight default 1
//	    - {code: 42}
//	  after: {exponential: {mean: 20s}}   # Running -> failure (default: run)
//	disruption:                           # default: never
//	  ratePerHour: 0.8                    # Poisson rate per pod-hour, from creation
//	  exitCode: 143                       # default 143
//	termination:
//	  grace: 5s                           # deletionTimestamp -> Failed (default 5s)
//	  exitCode: 143                       # default 143
//	overrides:                            # applied in order, later wins
//	  - indexes: "7"                      # index list; NonIndexed: creation ordinals
//	    attempts: "0"                     # optional: only these attempts of the index
//	    failure: {probability: 1, exitCodes: [{code: 42}], after: 25s}
//	updates:                              # user changes to the Job, in time order
//	  - at: 2m
//	    patch: {spec: {suspend: true}}    # JSON merge patch, validated as an update
//
// A duration distribution is a Go duration ("30s", fixed), or exactly one
// of {fixed: D}, {uniform: {min: D, max: D}}, {exponential: {mean: D}}.
//
// An attempt's fate is drawn when the pod is created: its start delay, its
// ready delay, whether it fails (and then its exit code and run time from
// failure.after, else from run), its run time, and when a disruption would
// hit it; a disruption that comes before the exit wins. A failing pod turns
// Failed with the exit code in the failure's container (the others exit
// 0). A disrupted pod gets the condition DisruptionTarget=True and a
// deletionTimestamp, and stops termination.grace later with
// disruption.exitCode. A pod the controller deletes (or the TTL garbage
// collector) stops termination.grace later with termination.exitCode in
// every container. With restartPolicy OnFailure a failing container
// restarts in place after the kubelet's back-off (10s doubling to 5m) and
// its next run is drawn afresh; the pod's restart count grows.
//
// An override's section (start, ready, run, failure, disruption) replaces
// the whole section of the base model; fields the section omits take their
// defaults, not the base model's values.
//
// # The picture
//
// SVG draws a Timeline: one row per completion index (Indexed) or per pod
// slot (NonIndexed; a new pod takes the lowest free row), a bar per attempt
// coloured by outcome, lighter while pending and hatched while terminating,
// a dotted line where an index had no pod, row labels marked ✓ (completed
// index) or ✗ (failed index), dashed vertical lines labelled with the Job
// conditions, suspended spans shaded, a time axis, and the status counters
// (active, ready, succeeded, failed, terminating) over time. Beyond 200
// rows, rows are aggregated into at most 200 bands, shaded by the share of
// their rows with a running pod; the picture says so.
package sim
