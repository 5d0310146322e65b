// Package validation reproduces the Kubernetes API server's validation of
// batch/v1 Jobs: the same field paths, error types and detail messages, byte
// for byte, so that a Job rejected here is rejected by a real cluster with
// the same text (see validation/field for the rendering).
//
// Besides the Job rules it holds the generic primitives the Job rules are
// built from, mirroring apimachinery:
//
//   - names: IsDNS1123Label, IsDNS1123Subdomain, NameIsDNSSubdomain,
//     IsDomainPrefixedPath, and the ObjectMeta rules (ValidateObjectMeta,
//     finalizers, owner references);
//   - labels and annotations: IsQualifiedName, IsValidLabelValue,
//     ValidateLabels, ValidateAnnotations;
//   - label selectors: ValidateLabelSelectorView and MatchLabelSelectorView.
//
// Determinism: upstream iterates Go maps (labels, annotations, matchLabels)
// in random order, so the order of several errors from one map is
// unspecified on a real server. This package always visits map keys in
// sorted (byte-wise) order, so its error lists are deterministic; the set
// of errors is the same as upstream's.
//
// Version: messages follow the newest apimachinery, in which length limits
// of names, label keys and label values read "must be no more than <n>
// bytes" (older servers said "characters"); see MaxLenError.
//
// The package uses only the standard library, never mutates its inputs and
// never panics on data.
package validation
