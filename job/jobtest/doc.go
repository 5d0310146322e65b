// Package jobtest is a simulated world for the Job controller and the runner
// of jobkit's golden scenario files (format: SCENARIOS.md, "format v1").
//
// # The world
//
// A World holds one Job, an in-memory pod store keyed by pod name, a clock
// and the controller's Memory. It plays the API server (create and update
// handling, defaulting and validation of the Job), the kubelet and users
// (pod changes) and the Job controller's executor: Settle calls job.Step at
// the current instant, carries out the actions it returns against the
// store, persists the status, and calls Step again until the controller
// asks for nothing more. Like net/http/httptest, World is public so that
// users can write their own simulations:
//
//	w := jobtest.NewWorld(start)
//	if _, errs := w.CreateJob(j); len(errs) > 0 { ... }
//	rec, err := w.Settle()                    // rec.Created: [pi-0 pi-1]
//	w.Advance(start.Add(10 * time.Second))
//	w.ChangePod(jobtest.PodChange{Name: "pi-0", Phase: &succeeded})
//	rec, err = w.Settle()
//
// The rules of the world, in brief (details on each method):
//
//   - CreateJob: defaults.Create (defaulting, namespace "default" when
//     missing, creationTimestamp now, a generateName suffix "bbbbb", the
//     generated selector and labels, the create strategy, validation and
//     warnings) with uid "uid-<name>" when the Job names none; the status
//     given is kept.
//   - UpdateJob and UpdateStatus take JSON merge patches and apply the
//     API server's update handling and validation; a rejected update leaves
//     the Job as it was.
//   - Pods created by the controller are named <job>-<n> (NonIndexed; n
//     counts the controller's creations for the Job) or <job>-<index>-<n>
//     (Indexed; n counts its creations for that index), skipping any name
//     the store holds or ever held; UID uid-<name>; Pending; created now.
//   - A pod the controller deletes gets a deletionTimestamp (its tracking
//     finalizer removed first when the action says so) and stays until a
//     change makes it terminal or removes it. A terminal pod with a
//     deletionTimestamp and no finalizers disappears at once.
//   - Every status the controller writes must pass
//     validation.ValidateJobStatusUpdate; Output.Status must equal the
//     status its WriteStatus actions persisted; settling stops at the first
//     round without actions, at most MaxSettleRounds rounds.
//   - Stored pods are never modified in place (copy on write): a pod
//     returned by Pod, Pods, or handed to Step stays a valid snapshot.
//
// # Pod order
//
// Step's output must not depend on the order of its input pods. To catch a
// Step that does, the world never hands pods over in name order: it sorts
// them by the FNV-1a 64-bit hash of their name (ties by name), a fixed
// permutation that is unrelated to the natural order of names like
// "pi-0", "pi-1", .... With CheckInputs set (RunScenario sets it), every
// Step call is repeated with the pods in reverse order and must give the
// same Output, and Step must leave its input Job and pods untouched. The
// store itself iterates by name (Pods).
//
// # Scenarios
//
// Parse and ParseFile read a scenario file strictly: an unknown or repeated
// key, a value of the wrong kind, a bad duration, invalid YAML or an
// unknown field in a Job, pod or status document (decoded by
// manifest.DecodeNode) is a *ParseError, that is a *manifest.Error, naming
// the line and the key path ("line 12: steps[0].expect.creatd: unknown key
// \"creatd\""). RunScenario, RunFile and RunDir run them and
// report a Result per file; a failure names the step, its `at` and line,
// and each mismatching key with what was expected and what the world holds
// (times shown as offsets from the start).
//
// Beyond the letter of SCENARIOS.md (all of it harmless: no file the
// format allows reads differently):
//
//   - `count:` and `createdAt:` are accepted in a step's pod changes too;
//   - `phase: Unknown` is accepted;
//   - `finalizer: true/false` on an existing pod adds or removes the
//     tracking finalizer;
//   - `gone` on a pod not in the store is a no-op;
//   - a time inside a Job, status or pod document (job, statusUpdate,
//     defaulted, expect.status, expect.pods) may also be an RFC 3339
//     instant;
//   - the `finalizersRemoved` set includes pods whose finalizer the
//     controller removed before deleting them
//     (DeletePod.RemoveFinalizerFirst).
//
// As SCENARIOS.md says, `index:` applies only when a change creates the
// pod; on an existing pod it is ignored.
package jobtest
