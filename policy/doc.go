// Package policy holds the batch/v1 PodFailurePolicy and SuccessPolicy API
// types and their evaluation as pure functions.
//
// The evaluation works on a small view of a failed pod (container and init
// container exit codes, pod conditions) so that the package does not depend
// on the Job or Pod types of package job; package job converts.
package policy
