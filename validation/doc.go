// Package validation reproduces the Kubernetes API server's validation of
// batch/v1 Jobs: the same field paths, error types and detail messages, byte
// for byte, so that a Job rejected here is rejected by a real cluster with
// the same text (see validation/field for the rendering).
//
// Besides the Job rules it holds the generic primitives the Job rules are
// built from, mirroring apimachinery:
//
//   - the content validators, one family in content*.go: DNS-1123 labels
//     and subdomains, DNS-1035 labels, domain-prefixed paths and keys,
//     qualified names and label values, C identifiers, environment variable
//     names (strict and relaxed), ConfigMap keys, port numbers and names,
//     user and group IDs, percentages, HTTP header names, decimal integers
//     and IP addresses (with the 1.37 legacy-field rules);
//   - object names and ObjectMeta rules (ValidateObjectMeta, finalizers,
//     owner references);
//   - label and annotation maps: ValidateLabels, ValidateAnnotations;
//   - label selectors: ValidateLabelSelector (matching itself is
//     job.LabelSelector.Matches, the one implementation).
//
// Determinism: upstream iterates Go maps (labels, annotations, matchLabels)
// in random order, so the order of several errors from one map is
// unspecified on a real server. This package always visits map keys in
// sorted (byte-wise) order, so its error lists are deterministic; the set
// of errors is the same as upstream's.
//
// Length messages: like the API server, the DNS-name, port-name and
// ConfigMap-key rules say "must be no more than <n> characters"
// (MaxLenError, apimachinery's util/validation) while label keys and label
// values say "must be no more than <n> bytes" (MaxLenBytesError, its
// api/validate/content package).
//
// The package uses only the standard library, never mutates its inputs and
// never panics on data.
package validation
