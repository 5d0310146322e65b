// Package field describes where a validation error is and what it says, in
// the exact text the Kubernetes API server uses.
//
// It mirrors the core of apimachinery's util/validation/field package:
//
//   - [Path] is an immutable field path ("spec.template.spec.containers[0].name");
//   - [Error] is one field error (type, path, bad value, detail) whose
//     [Error.Error] renders byte-for-byte like the API server, e.g.
//     "spec.completions: Invalid value: -1: must be greater than or equal to 0";
//   - [ErrorList] accumulates errors in the order they were found, and
//     [ErrorList.ToAggregate] and [NewInvalidError] render the message of an
//     HTTP 422 response, e.g. `Job.batch "pi" is invalid: [a, b]`.
//
// The package uses only the standard library and never panics on data:
// any value may be used as a bad value, a nil *Path renders as "<nil>", and
// nil entries of an ErrorList are skipped when rendering.
package field
