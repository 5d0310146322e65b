// Package jobtest is a simulated world for the Job controller and the runner
// of jobkit's golden scenario files (format: SCENARIOS.md, "format v1").
//
// # The world
//
// A World holds one Job, an in-memory pod store keyed by pod name, a clock
// and the controller's Memory. It plays the roles of the API server (create
// and update handling, defaulting and validation of the Job), of the kubelet
// and users (pod changes) and of the Job controller's executor: Settle calls
// job.Step at the current instant, carries out the actions it returns
// against the store, persists the status, and calls Step again until the
// controller asks for nothing more. Like net/http/httptest, World is public
// so that users can write their own simulations:
//
//	w := jobtest.NewWorld(start)
//	if _, errs := w.CreateJob(j); len(errs) > 0 { ... }
//	w.Advance(start.Add(10 * time.Second))
//	w.ChangePod(jobtest.PodChange{Name: "pi-0", Phase: job.PodSucceeded})
//	rec, err := w.Settle()
//
// # Pod order
//
// Step's output must not depend on the order of its input pods. To catch a
// Step that does, the world never hands pods over in name order: it sorts
// them by the FNV-1a 64-bit hash of their name (ties by name), a fixed
// permutation that is unrelated to the natural order of names like
// "pi-0", "pi-1", .... The store itself iterates by name (Pods).
//
// # Scenarios
//
// Parse and ParseFile read a scenario file strictly (an unknown key is an
// error naming the key and its line); RunScenario, RunFile and RunDir run
// them and report a Result per file.
package jobtest
